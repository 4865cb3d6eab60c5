//! Page paths, in one place so links and redirects agree.

/// Home page.
pub const HOME: &str = "/";
/// Sign-in page.
pub const SIGN_IN: &str = "/sign-in";
/// Choice between recipient and supplier sign-up.
pub const SIGN_UP: &str = "/sign-up";
/// Recipient sign-up.
pub const SIGN_UP_RECIPIENT: &str = "/sign-up/recipient";
/// Supplier sign-up.
pub const SIGN_UP_SUPPLIER: &str = "/sign-up/supplier";
/// The role-aware dashboard.
pub const DASHBOARD: &str = "/dashboard";
/// The audit log (staff).
pub const STAFF_AUDIT: &str = "/staff/audit";
/// The catalogue (anyone may browse).
pub const CATALOGUE: &str = "/catalogue";
/// "My entitlements".
pub const ENTITLEMENTS: &str = "/entitlements";
/// "My orders".
pub const ORDERS: &str = "/orders";
/// Notifications.
pub const NOTIFICATIONS: &str = "/notifications";
/// The supplier journey.
pub mod supplier;

/// Language switch (a plain POST form handled by the server).
pub const SET_LANGUAGE: &str = "/lang";

/// True for a path on this site (`/x`), never `//host` or a full URL: only these are
/// followed after sign-in or a language switch, so a link cannot send people elsewhere.
pub fn is_local_path(p: &str) -> bool {
    p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/\\") && !p.contains(['\r', '\n'])
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/dashboard?x=1"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("/\\evil.example"));
    }
}
