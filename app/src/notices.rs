//! What a notification says and where it leads: one definition for the portal's
//! notifications page and for the e-mails and SMS sent of the same event.
use crate::domain::{Lang, Role};
use crate::i18n::tr_args;
use crate::routes;

/// Arguments a notification text may use; the stored names are fixed by the server.
const NAMES: [&str; 11] =
    ["number", "due", "note", "status", "hours", "date", "title", "reason", "outcome", "count", "item"];

/// The text of a notification of `kind` with its stored arguments, in `lang`. A `status`
/// argument is a code and is shown by its name; a name kept in three languages
/// (`item_kk`, `item_ru`, `item_en`) is shown in `lang`.
pub fn notice_text(lang: Lang, kind: &str, args: &[(String, String)]) -> String {
    let family = if kind == "supplier_status" { "supplier_status" } else { "order_status" };
    let item_key = format!("item_{}", lang.code());
    let args: Vec<(&'static str, String)> = args
        .iter()
        .filter_map(|(k, v)| {
            let k = if *k == item_key { "item" } else { k.as_str() };
            NAMES.iter().find(|name| **name == k).map(|name| (*name, v))
        })
        .map(|(name, v)| {
            (name, if name == "status" { crate::i18n::tr(lang, &format!("{family}-{v}")) } else { v.clone() })
        })
        .collect();
    tr_args(lang, &format!("notification-{kind}"), &args)
}

/// The page a notification leads to for an account of `role`, if it has one.
pub fn notice_path(role: Option<Role>, kind: &str, order_id: Option<i32>, args: &[(String, String)]) -> Option<String> {
    let complaint = args.iter().find(|(k, _)| k == "complaint_id").map(|(_, v)| v.clone());
    match role {
        Some(Role::Staff | Role::Admin) => match complaint {
            Some(c) => Some(format!("{}/{c}", routes::STAFF_COMPLAINTS)),
            None => (kind == "staff_digest").then(|| routes::STAFF_COMPLAINTS.to_owned()),
        },
        Some(Role::Supplier) => order_id.map(|id| format!("/supplier/orders/{id}")),
        _ => match order_id {
            Some(id) => Some(format!("{}/{id}", routes::ORDERS)),
            None => (kind == "entitlement_expiring").then(|| routes::ENTITLEMENTS.to_owned()),
        },
    }
}

/// A stored JSON object of arguments as (name, text) pairs.
pub fn notice_args(params: &serde_json::Value) -> Vec<(String, String)> {
    params
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            (
                k.clone(),
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| if v.is_null() { String::new() } else { v.to_string() }),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_shows_by_its_name_and_unknown_arguments_are_left_out() {
        let args = vec![
            ("number".to_owned(), "A-1".to_owned()),
            ("status".to_owned(), "accepted".to_owned()),
            ("x".to_owned(), "<b>".to_owned()),
        ];
        let text = notice_text(Lang::En, "order_status", &args);
        assert!(text.contains("A-1"), "{text}");
        assert!(!text.contains("accepted"), "{text}");
        assert!(!text.contains("<b>"), "{text}");
    }

    #[test]
    fn each_role_is_led_to_its_own_page() {
        let args = vec![("complaint_id".to_owned(), "7".to_owned())];
        assert_eq!(
            notice_path(Some(Role::Staff), "complaint_assigned", Some(3), &args).as_deref(),
            Some("/staff/complaints/7")
        );
        assert_eq!(
            notice_path(Some(Role::Supplier), "order_placed", Some(3), &[]).as_deref(),
            Some("/supplier/orders/3")
        );
        assert_eq!(notice_path(Some(Role::Representative), "order_status", Some(3), &[]).as_deref(), Some("/orders/3"));
        assert_eq!(
            notice_path(Some(Role::Recipient), "entitlement_expiring", None, &[]).as_deref(),
            Some("/entitlements")
        );
        assert_eq!(notice_path(Some(Role::Supplier), "supplier_status", None, &[]), None);
    }
}
