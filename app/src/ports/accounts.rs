//! Sign-up, sign-in and sessions.
use super::Caller;
use crate::dto::Me;
use crate::error::AppError;
use async_trait::async_trait;

/// A successful sign-in or sign-up: the session cookie to set and where to go.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// A complete `Set-Cookie` header value.
    pub set_cookie: String,
    /// The account.
    pub me: Me,
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
    /// Creates a recipient account and links entitlements already loaded for the IIN.
    async fn sign_up_recipient(&self, caller: &Caller, form: RecipientSignUp) -> Result<SignedIn, AppError>;
    /// Creates a supplier account; the supplier starts pending approval.
    async fn sign_up_supplier(&self, caller: &Caller, form: SupplierSignUp) -> Result<SignedIn, AppError>;
    /// Ends the caller's session; returns the `Set-Cookie` value that clears the cookie.
    async fn sign_out(&self, caller: &Caller) -> Result<String, AppError>;
    /// The signed-in account, if any.
    async fn me(&self, caller: &Caller) -> Result<Option<Me>, AppError>;
}

