//! How the server presents values to every journey, in one place: dates and moments, a
//! deadline with the days left, text in the reader's language among the three an offering
//! or a reference row has (one fallback rule), region names and an order's details. The recipient, supplier and
//! ministry services all use these, so a date or a missing English title reads the same on
//! every page.
use super::OrUnexpected;
use crate::entities::{accounts, regions};
use app::domain::{DetailLine, Lang, OrderDetails};
use app::dto::supplier::Due;
use app::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// A day as pages show it: `YYYY-MM-DD`.
pub fn day(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d").to_string()
}

/// A moment as pages show it: `YYYY-MM-DD HH:MM UTC`.
pub fn moment(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// A deadline with the whole days left from `today` (negative when overdue).
pub fn due(at: DateTime<Utc>, today: NaiveDate) -> Due {
    Due { date: day(at), days_left: (at.date_naive() - today).num_days() }
}

/// Text in the reader's language among Kazakh, Russian and an optional English: Kazakh and
/// Russian are always given; English that is missing or blank falls back to Russian.
pub fn localized(lang: Lang, kk: &str, ru: &str, en: Option<&str>) -> String {
    match lang {
        Lang::Kk => kk.to_owned(),
        Lang::Ru => ru.to_owned(),
        Lang::En => en.filter(|e| !e.trim().is_empty()).unwrap_or(ru).to_owned(),
    }
}

/// An offering's title in `lang`.
pub fn offering_title(o: &crate::entities::offerings::Model, lang: Lang) -> String {
    localized(lang, &o.title_kk, &o.title_ru, o.title_en.as_deref())
}

/// An offering's description in `lang`.
pub fn offering_description(o: &crate::entities::offerings::Model, lang: Lang) -> String {
    localized(lang, &o.description_kk, &o.description_ru, o.description_en.as_deref())
}

/// Every region's name in `lang`, by code.
pub async fn region_names(db: &impl ConnectionTrait, lang: Lang) -> Result<HashMap<String, String>, AppError> {
    Ok(regions::Entity::find()
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| (r.code.clone(), r.name(lang).to_owned()))
        .collect())
}

/// The names of the regions with these codes, in the official order.
pub async fn names_of_regions(
    db: &impl ConnectionTrait,
    codes: &[String],
    lang: Lang,
) -> Result<Vec<String>, AppError> {
    Ok(regions::Entity::find()
        .filter(regions::Column::Code.is_in(codes.iter().cloned()))
        .order_by_asc(regions::Column::Sort)
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| r.name(lang).to_owned())
        .collect())
}

/// An order's details as (translation key, value) rows, with the key a reader's family gives
/// each line (`order_detail_key` for the person, `supplier_detail_key` for the supplier). The
/// mode's value is its code, which the page translates (`mode-<code>`).
pub fn detail_lines(details: &OrderDetails, key: fn(DetailLine) -> &'static str) -> Vec<(String, String)> {
    details.lines().into_iter().map(|(line, value)| (key(line).to_owned(), value)).collect()
}

/// The person's (recipient's or representative's) label for a detail line.
pub const fn order_detail_key(line: DetailLine) -> &'static str {
    match line {
        DetailLine::Address => "order-detail-address",
        DetailLine::Mode => "order-detail-mode",
        DetailLine::Start => "order-detail-start",
        DetailLine::Weeks => "order-detail-weeks",
        DetailLine::HoursPerWeek => "order-detail-hours-per-week",
        DetailLine::Session => "order-detail-session",
        DetailLine::Arrival => "order-detail-arrival",
        DetailLine::Scheduled => "order-detail-scheduled",
    }
}

/// The supplier's label for a detail line.
pub const fn supplier_detail_key(line: DetailLine) -> &'static str {
    match line {
        DetailLine::Address => "supplier-detail-address",
        DetailLine::Mode => "supplier-detail-mode",
        DetailLine::Start => "supplier-detail-start",
        DetailLine::Weeks => "supplier-detail-weeks",
        DetailLine::HoursPerWeek => "supplier-detail-hours-per-week",
        DetailLine::Session => "supplier-detail-session",
        DetailLine::Arrival => "supplier-detail-arrival",
        DetailLine::Scheduled => "supplier-detail-scheduled",
    }
}

/// The display names of the accounts among `ids`, by id (who acted on an order or a complaint).
pub async fn account_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    account_column(db, ids, accounts::Column::DisplayName).await
}

/// The e-mail addresses of the accounts among `ids`, by id (the staff's "who" columns).
pub async fn account_emails(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    account_column(db, ids, accounts::Column::Email).await
}

/// One text column of the accounts among `ids`, by id: a single query reading two columns.
async fn account_column(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
    column: accounts::Column,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, String)> = accounts::Entity::find()
        .select_only()
        .column(accounts::Column::Id)
        .column(column)
        .filter(accounts::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await
        .or_unexpected()?;
    Ok(rows.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_that_is_missing_or_blank_reads_as_russian() {
        assert_eq!(localized(Lang::En, "қаз", "рус", Some("eng")), "eng");
        assert_eq!(localized(Lang::En, "қаз", "рус", Some("  ")), "рус");
        assert_eq!(localized(Lang::En, "қаз", "рус", None), "рус");
        assert_eq!(localized(Lang::Kk, "қаз", "рус", None), "қаз");
    }

    #[test]
    fn dates_moments_and_deadlines_read_the_same_everywhere() {
        let t = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 3, 9, 14, 5, 0).single().unwrap_or_default();
        assert_eq!((day(t), moment(t)), ("2026-03-09".to_owned(), "2026-03-09 14:05 UTC".to_owned()));
        let today = NaiveDate::from_ymd_opt(2026, 3, 11).unwrap_or_default();
        assert_eq!(due(t, today).days_left, -2);
    }
}
