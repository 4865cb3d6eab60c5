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

/// Supplier approval queue (staff); `/staff/suppliers/<id>` is one supplier.
pub const STAFF_SUPPLIERS: &str = "/staff/suppliers";
/// An offering as staff moderate it: `/staff/offerings/<id>`.
pub const STAFF_OFFERINGS: &str = "/staff/offerings";
/// Categories, item types and ceilings (staff).
pub const STAFF_CATALOGUE: &str = "/staff/catalogue";
/// A new item type (central staff).
pub const STAFF_NEW_ITEM_TYPE: &str = "/staff/catalogue/new-item-type";
/// One item type with its ceilings: `/staff/item-types/<id>`.
pub const STAFF_ITEM_TYPES: &str = "/staff/item-types";
/// IPR imports: the upload form and past imports; `/staff/imports/<id>` is a report.
pub const STAFF_IMPORTS: &str = "/staff/imports";
/// Where the IPR upload form posts (a multipart form handled by the server).
pub const STAFF_IMPORT_UPLOAD: &str = "/staff/imports/upload";
/// The complaints desk; `/staff/complaints/<id>` is one complaint.
pub const STAFF_COMPLAINTS: &str = "/staff/complaints";
/// The provision dashboard.
pub const STAFF_PROVISION: &str = "/staff/provision";
/// The provision dashboard as CSV.
pub const STAFF_PROVISION_CSV: &str = "/staff/provision.csv";
/// Staff accounts (admins).
pub const ADMIN_STAFF: &str = "/admin/staff";
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
