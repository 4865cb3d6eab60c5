//! Reimbursement: once the recipient confirms, an order's state share is payable to the
//! supplier. A statement per calendar month (UTC) lists the orders confirmed in it with the
//! state share and the co-payment collected, and totals; it downloads as CSV for Excel.
use super::{day, localized, own_supplier, require_active};
use crate::entities::enums::DbOrderStatus;
use crate::entities::{offerings, orders, suppliers};
use crate::services::{Ctx, OrUnexpected};
use app::domain::{Lang, Money};
use app::dto::supplier::{StatementLine, StatementView};
use app::error::AppError;
use app::i18n::tr;
use app::ports::{Caller, Download, SupplierMoney};
use async_trait::async_trait;
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeSet, HashMap};

/// Statements of suppliers.
pub struct MoneyService(pub Ctx);

/// The first moments of a month and of the next one, from `YYYY-MM` (empty: this month).
pub fn month_range(raw: &str, now: DateTime<Utc>) -> Result<(String, DateTime<Utc>, DateTime<Utc>), AppError> {
    let first = match raw.trim() {
        "" => NaiveDate::from_ymd_opt(now.year(), now.month(), 1),
        m => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok(),
    }
    .ok_or_else(|| AppError::field("month", "not_a_month"))?;
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
    .ok_or_else(|| AppError::field("month", "not_a_month"))?;
    let at = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| Utc.from_utc_datetime(&t));
    match (at(first), at(next)) {
        (Some(a), Some(b)) => Ok((first.format("%Y-%m").to_string(), a, b)),
        _ => Err(AppError::field("month", "not_a_month")),
    }
}

/// A cell that a spreadsheet will not run as a formula.
pub fn safe_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

async fn build(
    db: &impl ConnectionTrait,
    s: &suppliers::Model,
    lang: Lang,
    month: &str,
) -> Result<StatementView, AppError> {
    let (month, from, to) = month_range(month, Utc::now())?;
    let rows = orders::Entity::find()
        .filter(orders::Column::SupplierId.eq(s.id))
        .filter(orders::Column::Status.eq(DbOrderStatus::Confirmed))
        .filter(orders::Column::ConfirmedAt.gte(from))
        .filter(orders::Column::ConfirmedAt.lt(to))
        .order_by_asc(orders::Column::ConfirmedAt)
        .order_by_asc(orders::Column::Id)
        .all(db)
        .await
        .or_unexpected()?;
    let titles: HashMap<i32, String> = offerings::Entity::find()
        .filter(offerings::Column::Id.is_in(rows.iter().map(|o| o.offering_id)))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|o| (o.id, localized(lang, &o.title_kk, &o.title_ru, o.title_en.as_deref())))
        .collect();
    let confirmed: Vec<Option<DateTime<Utc>>> = orders::Entity::find()
        .select_only()
        .column(orders::Column::ConfirmedAt)
        .filter(orders::Column::SupplierId.eq(s.id))
        .filter(orders::Column::Status.eq(DbOrderStatus::Confirmed))
        .into_tuple()
        .all(db)
        .await
        .or_unexpected()?;
    let mut months: BTreeSet<String> = confirmed.into_iter().flatten().map(|t| t.format("%Y-%m").to_string()).collect();
    months.insert(Utc::now().format("%Y-%m").to_string());
    months.insert(month.clone());
    let lines: Vec<StatementLine> = rows
        .into_iter()
        .map(|o| StatementLine {
            order_id: o.id,
            title: titles.get(&o.offering_id).cloned().unwrap_or_default(),
            confirmed_on: o.confirmed_at.map(day).unwrap_or_default(),
            quantity: o.quantity,
            unit_price: Money::from_tiyn(o.unit_price_tiyn),
            total: Money::from_tiyn(o.total_tiyn),
            state_share: Money::from_tiyn(o.state_share_tiyn),
            copay: Money::from_tiyn(o.copay_tiyn),
            number: o.number,
        })
        .collect();
    let sum = |f: fn(&StatementLine) -> Money| lines.iter().map(f).fold(Money::ZERO, |a, b| a + b);
    Ok(StatementView {
        total: sum(|l| l.total),
        state_share: sum(|l| l.state_share),
        copay: sum(|l| l.copay),
        csv_href: format!("{}?month={month}", app::routes::supplier::STATEMENT_CSV),
        months: months.into_iter().rev().collect(),
        month,
        lines,
    })
}

/// The statement as CSV: UTF-8 with a byte-order mark, `;` between columns (what Excel
/// expects in Kazakh and Russian settings), amounts as `12345.67`, a totals line at the end.
pub fn to_csv(v: &StatementView, lang: Lang) -> Result<Vec<u8>, AppError> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    let header: Vec<String> =
        ["number", "confirmed", "item", "quantity", "unit-price", "total", "state-share", "copay"]
            .iter()
            .map(|k| tr(lang, &format!("supplier-csv-{k}")))
            .collect();
    w.write_record(&header).or_unexpected()?;
    for l in &v.lines {
        w.write_record([
            safe_cell(&l.number),
            l.confirmed_on.clone(),
            safe_cell(&l.title),
            l.quantity.to_string(),
            l.unit_price.to_input(),
            l.total.to_input(),
            l.state_share.to_input(),
            l.copay.to_input(),
        ])
        .or_unexpected()?;
    }
    w.write_record([
        tr(lang, "supplier-csv-totals"),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        v.total.to_input(),
        v.state_share.to_input(),
        v.copay.to_input(),
    ])
    .or_unexpected()?;
    let mut out = vec![0xEF, 0xBB, 0xBF];
    out.extend(w.into_inner().map_err(|e| crate::services::unexpected(e.to_string()))?);
    Ok(out)
}

#[async_trait]
impl SupplierMoney for MoneyService {
    async fn statement(&self, caller: &Caller, month: &str) -> Result<StatementView, AppError> {
        let (_, s) = own_supplier(&self.0.db, caller).await?;
        require_active(&s)?;
        build(&self.0.db, &s, caller.lang, month).await
    }

    async fn statement_csv(&self, caller: &Caller, month: &str) -> Result<Download, AppError> {
        let (_, s) = own_supplier(&self.0.db, caller).await?;
        require_active(&s)?;
        let v = build(&self.0.db, &s, caller.lang, month).await?;
        Ok(Download {
            file_name: format!("statement-{}-{}.csv", s.bin, v.month),
            content_type: "text/csv; charset=utf-8".into(),
            bytes: to_csv(&v, caller.lang)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_runs_from_its_first_moment_to_the_next_months() {
        let now = Utc.with_ymd_and_hms(2026, 12, 15, 8, 0, 0).unwrap();
        let (m, a, b) = month_range("", now).unwrap();
        assert_eq!(
            (m.as_str(), a.to_rfc3339().as_str(), b.to_rfc3339().as_str()),
            ("2026-12", "2026-12-01T00:00:00+00:00", "2027-01-01T00:00:00+00:00")
        );
        assert!(month_range("2026-13", now).is_err());
    }

    #[test]
    fn formulas_are_never_run_by_the_spreadsheet() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("Коляска"), "Коляска");
    }
}
