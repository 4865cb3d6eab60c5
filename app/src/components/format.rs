//! The one set of formatters the pages share: money, quantities with their unit, file sizes
//! and deadlines, each in the reader's language.
use crate::components::status::{days_tone, tag};
use crate::domain::{Lang, Money, Unit};
use crate::dto::supplier::Due;
use crate::i18n::I18n;
use leptos::prelude::*;

/// An amount in the reader's language.
pub fn money(i18n: &I18n, m: Money) -> String {
    m.format(i18n.lang())
}

/// A quantity with its unit ("2 pcs", "40 h", "1 course").
pub fn quantity(i18n: &I18n, n: i32, unit: Unit) -> String {
    i18n.ta(&format!("unit-{}", unit.code()), &[("count", n.to_string())])
}

/// A quantity as the whole a part is counted out of ("3 of 5 items"; Russian needs the
/// genitive after «из»: «1 из 1 штуки», «0 из 2 штук»).
pub fn quantity_of(i18n: &I18n, n: i32, unit: Unit) -> String {
    i18n.ta(&format!("unit_of-{}", unit.code()), &[("count", n.to_string())])
}

/// Bytes as "1.2 MB" / "340.5 KB" (a decimal comma in Kazakh and Russian).
pub fn file_size(lang: Lang, bytes: i64) -> String {
    let (value, unit) =
        if bytes >= 1024 * 1024 { (bytes * 10 / (1024 * 1024), "MB") } else { (bytes * 10 / 1024, "KB") };
    let sep = if lang == Lang::En { '.' } else { ',' };
    format!("{}{sep}{} {unit}", value / 10, value % 10)
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
    view! { <span class="app-nowrap">{due.date.clone()}</span>" "{tag(due_text(i18n, due), days_tone(due.days_left))} }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_in_each_language() {
        assert_eq!(file_size(Lang::En, 1_572_864), "1.5 MB");
        assert_eq!(file_size(Lang::Ru, 1_572_864), "1,5 MB");
        assert_eq!(file_size(Lang::Kk, 348_672), "340,5 KB");
    }
}
