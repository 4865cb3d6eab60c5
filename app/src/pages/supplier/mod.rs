//! The supplier journey's pages. Each is complete without JavaScript: data comes with the
//! first response, every action is a plain form post that comes back with `?done=` or with
//! the error beside its field.
pub mod api_keys;
pub mod complaint;
pub mod complaints;
pub mod documents;
pub mod import;
pub mod offering;
pub mod offering_form;
pub mod offering_new;
pub mod offerings;
pub mod order;
pub mod order_actions;
pub mod orders;
pub mod profile;
pub mod quality;
pub mod review;
pub mod statements;

use crate::domain::{Lang, Unit};
use crate::dto::supplier::Due;
use crate::error::AppError;
use crate::i18n::I18n;
use leptos::prelude::*;

/// What a page shows when its data could not be loaded: the sign-in page for a visitor
/// (coming back to `here` afterwards), otherwise the reason.
pub fn failed(e: AppError, here: String) -> AnyView {
    crate::components::loaded::refusal(e, here)
}

/// A deadline in words: "in 3 days", "today", "2 days overdue".
pub fn due_text(i18n: I18n, due: &Due) -> String {
    match due.days_left {
        0 => i18n.t("due-today"),
        d if d > 0 => i18n.ta("due-in-days", &[("days", d.to_string())]),
        d => i18n.ta("due-overdue", &[("days", (-d).to_string())]),
    }
}

/// A deadline cell: the date and, beside it, the days left; overdue ones are tagged so the
/// meaning never rests on colour alone.
pub fn due_view(i18n: I18n, due: &Due) -> impl IntoView {
    let tone = match due.days_left {
        d if d < 0 => "app-tag app-tag--red",
        0..=2 => "app-tag app-tag--yellow",
        _ => "app-tag app-tag--green",
    };
    view! { <span class="app-nowrap">{due.date.clone()}</span>" "<strong class=tone>{due_text(i18n, due)}</strong> }
}

/// A quantity with its unit: "2 pcs", "40 h", "1 course".
pub fn quantity_text(i18n: I18n, quantity: i32, unit: Unit) -> String {
    i18n.ta(&format!("unit-{}", unit.code()), &[("count", quantity.to_string())])
}

/// Bytes as "1.2 MB" / "340 KB".
pub fn size_text(lang: Lang, bytes: i64) -> String {
    let (value, unit) =
        if bytes >= 1024 * 1024 { (bytes * 10 / (1024 * 1024), "MB") } else { (bytes * 10 / 1024, "KB") };
    let sep = if lang == Lang::En { '.' } else { ',' };
    format!("{}{sep}{} {unit}", value / 10, value % 10)
}

/// The page path with its query, for `next=` after signing in.
pub fn here() -> String {
    crate::components::loaded::here()
}
