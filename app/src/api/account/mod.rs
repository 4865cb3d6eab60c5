//! One's own account: the second factor, the password, the sessions.
pub mod account_overview;
pub mod change_password;
pub mod contact_preferences;
pub mod my_sessions;
pub mod recovery_codes_once;
pub mod save_contact_preferences;
pub mod second_factor_enrol;
pub mod second_factor_setup;
pub mod second_factor_verify;
pub mod sign_out_everywhere;
pub mod sign_out_others;

/// Cookie carrying freshly made recovery codes to the one page that shows them, once.
#[cfg(feature = "ssr")]
pub(crate) const RECOVERY_COOKIE: &str = "ssp_recovery";
