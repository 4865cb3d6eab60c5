//! The recipient journey's pages.
pub mod catalogue;
pub mod catalogue_filters;
pub mod entitlements;
pub mod notifications;
pub mod offering;
pub mod order;
pub mod order_actions;
pub mod order_check;
pub mod order_fields;
pub mod order_start;
pub mod orders;

use crate::domain::{Money, OrderStatus, Unit};
use crate::i18n::I18n;
use leptos::prelude::*;

/// An amount in the reader's language.
pub fn money(i18n: &I18n, m: Money) -> String {
    m.format(i18n.lang())
}

/// A quantity with its unit ("2 pcs", "40 h").
pub fn quantity(i18n: &I18n, n: i32, unit: Unit) -> String {
    i18n.ta(&format!("unit-{}", unit.code()), &[("count", n.to_string())])
}

/// A quantity as the whole a part is counted out of ("3 of 5 items"; Russian needs the
/// genitive after «из»: «1 из 1 штуки», «0 из 2 штук»).
pub fn quantity_of(i18n: &I18n, n: i32, unit: Unit) -> String {
    i18n.ta(&format!("unit_of-{}", unit.code()), &[("count", n.to_string())])
}

/// A status as a tag: text, with a colour that only repeats it.
pub fn status_tag(i18n: &I18n, status: OrderStatus) -> impl IntoView {
    let tone = match status {
        OrderStatus::Confirmed | OrderStatus::Delivered | OrderStatus::Rendered => "app-tag app-tag--green",
        OrderStatus::Rejected | OrderStatus::Cancelled | OrderStatus::Returned => "app-tag app-tag--red",
        OrderStatus::Placed => "app-tag app-tag--yellow",
        _ => "app-tag",
    };
    view! { <strong class=tone>{i18n.code("order_status", status.code())}</strong> }
}

/// `?for=<id>` (or nothing) for links of a representative.
pub fn for_suffix(for_recipient: Option<i32>, first: bool) -> String {
    match for_recipient {
        Some(id) if first => format!("?for={id}"),
        Some(id) => format!("&for={id}"),
        None => String::new(),
    }
}
