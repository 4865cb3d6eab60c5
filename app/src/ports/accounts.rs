//! Sign-up, sign-in and sessions.
use super::Caller;
use crate::domain::LetterFor;
use crate::dto::account::{AccountView, ActivationLetterView, IdentityView, SecondFactorKey, SessionView};
use crate::dto::Me;
use crate::error::AppError;
use async_trait::async_trait;

/// What a sign-in leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Signed in.
    Done,
    /// Staff or admin without a second factor yet: set it up now.
    SetUpSecondFactor,
    /// Staff or admin: type the code from the authenticator app.
    SecondFactor,
}

/// A successful sign-in or sign-up: the session cookie to set and where to go.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// A complete `Set-Cookie` header value.
    pub set_cookie: String,
    /// The account.
    pub me: Me,
    /// Whether the second factor is still to come.
    pub next: NextStep,
}

/// The second factor has just been set up.
#[derive(Debug, Clone)]
pub struct Enrolled {
    /// The full session, replacing the waiting one.
    pub signed_in: SignedIn,
    /// One-time recovery codes, shown once.
    pub recovery_codes: Vec<String>,
}

/// What a recipient types to sign up.
#[derive(Debug, Clone, Default)]
pub struct RecipientSignUp {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
    /// IIN.
    pub iin: String,
    /// Full name.
    pub full_name: String,
    /// Region code.
    pub region: String,
}

/// What a supplier types to sign up.
#[derive(Debug, Clone, Default)]
pub struct SupplierSignUp {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
    /// BIN, or IIN for an individual entrepreneur.
    pub bin: String,
    /// Legal name of the organisation.
    pub organisation: String,
    /// Region of registration.
    pub region: String,
}

/// Sign-up, sign-in, sessions and preferences.
#[async_trait]
pub trait Accounts: Send + Sync {
    /// Signs in by e-mail and password (throttled; same answer for unknown e-mail and wrong password).
    async fn sign_in(&self, caller: &Caller, email: &str, password: &str) -> Result<SignedIn, AppError>;
    /// Creates a recipient account waiting for its e-mail to be confirmed, with the IIN as a
    /// claim to prove, and e-mails the confirmation link. An e-mail that has an account
    /// already gets "you already have an account" instead; the answer is the same for both,
    /// and nothing is said about the IIN.
    async fn sign_up_recipient(&self, caller: &Caller, form: RecipientSignUp) -> Result<(), AppError>;
    /// Creates a supplier account (pending approval) waiting for its e-mail to be confirmed;
    /// as for recipients, the answer never tells whether the e-mail had an account.
    async fn sign_up_supplier(&self, caller: &Caller, form: SupplierSignUp) -> Result<(), AppError>;
    /// Ends the caller's session; returns the `Set-Cookie` value that clears the cookie.
    async fn sign_out(&self, caller: &Caller) -> Result<String, AppError>;
    /// The signed-in account, if any.
    async fn me(&self, caller: &Caller) -> Result<Option<Me>, AppError>;
}

/// Identity before a record opens: the e-mail link, and the proof that links a recipient
/// account to a person's record (a code by SMS to the phone on the record, or an activation
/// letter from a regional officer).
#[async_trait]
pub trait Identity: Send + Sync {
    /// Confirms an account's e-mail with the token from the link sent to it.
    async fn confirm_email(&self, caller: &Caller, token: &str) -> Result<(), AppError>;
    /// What the account has proven, and what it still claims.
    async fn identity(&self, caller: &Caller) -> Result<IdentityView, AppError>;
    /// Sends a code by SMS to the phone on the record of the claimed IIN, if there is such a
    /// record with a phone; the answer is the same either way.
    async fn send_claim_code(&self, caller: &Caller) -> Result<(), AppError>;
    /// Checks a code from the SMS or from an activation letter and links the account.
    async fn prove_identity(&self, caller: &Caller, code: &str) -> Result<(), AppError>;
    /// E-mails a link to set a new password to `email`, if it has an active account; the
    /// answer is the same either way.
    async fn request_password_reset(&self, caller: &Caller, email: &str) -> Result<(), AppError>;
    /// Sets a new password with the token from that link, ends every session of the
    /// account and records it in the audit log.
    async fn reset_password(&self, caller: &Caller, token: &str, new_password: &str) -> Result<(), AppError>;
    /// Sends a six-digit code by SMS to the phone the portal knows for the account of `email`
    /// (a recipient's government record, a supplier's profile); the answer is the same
    /// whether or not there is such an account or phone.
    async fn request_reset_code(&self, caller: &Caller, email: &str) -> Result<(), AppError>;
    /// Sets a new password with that code (10 minutes, once, guesses throttled), ends every
    /// session of the account and records it in the audit log.
    async fn reset_password_with_code(
        &self,
        caller: &Caller,
        email: &str,
        code: &str,
        new_password: &str,
    ) -> Result<(), AppError>;
    /// A regional officer issues an activation letter for the person with `iin` in their
    /// region, for `for_whom` (`person` or `representative`), audited; the code is shown
    /// this once.
    async fn issue_letter(
        &self,
        caller: &Caller,
        iin: &str,
        for_whom: Option<LetterFor>,
    ) -> Result<ActivationLetterView, AppError>;
}

/// One's own account: the second factor, the password, the sessions.
#[async_trait]
pub trait Security: Send + Sync {
    /// The secret (QR code and text) to set up the second factor with; for a waiting session
    /// of an account without one. Asking again shows the same secret until it is confirmed.
    async fn second_factor_setup(&self, caller: &Caller) -> Result<SecondFactorKey, AppError>;
    /// Confirms the set-up with the first code, ends the waiting session and starts a full one.
    async fn second_factor_enrol(&self, caller: &Caller, code: &str) -> Result<Enrolled, AppError>;
    /// Checks a code (or a recovery code), ends the waiting session and starts a full one.
    async fn second_factor_verify(&self, caller: &Caller, code: &str) -> Result<SignedIn, AppError>;
    /// The account page.
    async fn account(&self, caller: &Caller) -> Result<AccountView, AppError>;
    /// Changes the password (the current one is required) and ends every other session.
    async fn change_password(&self, caller: &Caller, current: &str, new: &str) -> Result<(), AppError>;
    /// One's open sessions, newest first.
    async fn sessions(&self, caller: &Caller) -> Result<Vec<SessionView>, AppError>;
    /// Ends every session but this one.
    async fn sign_out_others(&self, caller: &Caller) -> Result<(), AppError>;
    /// Ends every session, this one too; returns the `Set-Cookie` value that clears the cookie.
    async fn sign_out_everywhere(&self, caller: &Caller) -> Result<String, AppError>;
}
