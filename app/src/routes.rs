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
/// Activation letters: a regional officer links a person (or their representative) to a record.
pub const STAFF_LETTERS: &str = "/staff/letters";
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
/// Typing the code of the second factor after the password (staff and admins).
pub const SECOND_FACTOR: &str = "/sign-in/two-factor";
/// Setting up the second factor at the first sign-in.
pub const SECOND_FACTOR_SET_UP: &str = "/sign-in/two-factor/set-up";
/// Setting a new password with a code sent by SMS.
pub const RESET_PASSWORD_CODE: &str = "/reset-password/code";
/// One's own account.
pub const ACCOUNT: &str = "/account";
/// Changing one's password.
pub const ACCOUNT_PASSWORD: &str = "/account/password";
/// One's open sessions.
pub const ACCOUNT_SESSIONS: &str = "/account/sessions";
/// How one hears from the portal: channels, language, e-mail format.
pub const ACCOUNT_MESSAGES: &str = "/account/messages";
/// The recovery codes, shown once after the second factor is set up.
pub const ACCOUNT_RECOVERY_CODES: &str = "/account/recovery-codes";
/// Language switch (a plain POST form handled by the server).
pub const SET_LANGUAGE: &str = "/lang";

/// True for a path on this site (`/x`), never `//host`, `/\\host`, a full URL, or anything with a
/// space, a control character or a character outside visible ASCII: browsers drop tabs and
/// newlines and read `\\` as `/`, so `/\t/evil.example` would leave the site, and a header
/// cannot carry such bytes at all. Only these paths are followed after sign-in or a language
/// switch, so a link cannot send people elsewhere.
pub fn is_local_path(p: &str) -> bool {
    let b = p.as_bytes();
    b.first() == Some(&b'/')
        && !matches!(b.get(1), Some(b'/' | b'\\'))
        && p.len() <= 2048
        && b.iter().all(|c| c.is_ascii_graphic() && *c != b'\\')
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/dashboard?x=1"));
        assert!(is_local_path("/"));
        assert!(is_local_path("/orders/5?next=%2Fx"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\t/evil.example/",
            "/\n/evil.example",
            "/\r\n/evil",
            " /x",
            "/x y",
            "/\u{1}",
            "/a\\b",
            "evil.example",
            "",
            "/каталог",
            "\\\\evil.example",
            "/\u{7f}",
        ] {
            assert!(!is_local_path(bad), "{bad:?} must not be followed");
        }
    }
}
