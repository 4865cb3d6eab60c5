//! Bulk upload of offerings from a CSV file. Every line is checked like the form; errors are
//! reported per line with the column and the reason; valid lines are applied together; and
//! lines are matched by the supplier's own SKU, so uploading the same file again changes
//! nothing. Excel's habits are accepted: a UTF-8 byte-order mark or Windows-1251, and `;` or
//! `,` between columns (whichever the header uses).
use super::offering_rules::{self, Outcome};
use super::offerings::allowed_types;
use super::{moment, own_supplier, require_active};
use crate::db::begin_write;
use crate::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use crate::entities::{drafts, offering_slots, offerings};
use crate::services::{Ctx, OrUnexpected};
use app::domain::{CategoryKind, ReportKey};
use app::dto::supplier::{ImportLine, ImportReport, OfferingForm};
use app::error::{AppError, FieldError, FieldErrors};
use app::ports::{Caller, Download};
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The columns, in the template's order.
pub const COLUMNS: [&str; 14] = [
    "sku",
    "item_type",
    "title_kk",
    "title_ru",
    "title_en",
    "description_kk",
    "description_ru",
    "description_en",
    "price",
    "lead_time_days",
    "capacity",
    "regions",
    "params",
    "status",
];
const REQUIRED: [&str; 10] = [
    "sku",
    "item_type",
    "title_kk",
    "title_ru",
    "description_kk",
    "description_ru",
    "price",
    "lead_time_days",
    "regions",
    "params",
];
/// The largest file accepted.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
const MAX_LINES: usize = 2000;
const REPORT_KIND: &str = "offering_import";

/// The text of an uploaded file: UTF-8 (with or without a byte-order mark), else Windows-1251.
pub fn decode(bytes: &[u8]) -> String {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1251.decode(body).0.into_owned(),
    }
}

/// The column separator the header line uses.
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() >= header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Region codes from a cell: separated by `|`, spaces or commas.
fn list(cell: &str) -> Vec<String> {
    cell.split(['|', ' ', ',']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_uppercase).collect()
}

/// Parameters from a cell: `key=value|key=value`.
fn params(cell: &str) -> Result<BTreeMap<String, String>, &'static str> {
    let mut out = BTreeMap::new();
    for pair in cell.split('|').map(str::trim).filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').ok_or("params_format")?;
        out.insert(k.trim().to_owned(), v.trim().to_owned());
    }
    Ok(out)
}

struct Parsed {
    line: u32,
    cells: HashMap<&'static str, String>,
}

/// Splits the file into the header's column positions and the lines (blank lines skipped).
fn parse(text: &str) -> Result<(Vec<String>, Vec<Parsed>), AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(h)) => h.iter().map(|c| c.trim().trim_start_matches('\u{feff}').to_lowercase()).collect(),
        _ => return Err(AppError::field("file", "file_required")),
    };
    let mut lines = Vec::new();
    for rec in records {
        let rec = rec.map_err(|_| AppError::field("file", "csv_unreadable"))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if lines.len() >= MAX_LINES {
            return Err(AppError::field("file", "csv_too_many_lines"));
        }
        // The physical line where the record starts (blank lines and quoted line breaks count).
        // With CRLF endings the reader reports the record from the `\n` before it: skip to its
        // first character.
        let mut start = rec.position().map(|p| usize::try_from(p.byte()).unwrap_or(usize::MAX)).unwrap_or(0);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let newlines = text.as_bytes().iter().take(start).filter(|b| **b == b'\n').count();
        let line = u32::try_from(newlines + 1).unwrap_or(u32::MAX);
        let cells = COLUMNS
            .iter()
            .filter_map(|col| {
                header.iter().position(|h| h == col).map(|i| (*col, rec.get(i).unwrap_or_default().trim().to_owned()))
            })
            .collect();
        lines.push(Parsed { line, cells });
    }
    Ok((header, lines))
}

fn errors_of(e: FieldErrors) -> Vec<FieldError> {
    match e.finish() {
        Err(AppError::Invalid(list)) => list
            .into_iter()
            .map(|f| FieldError { field: f.field.trim_start_matches("param_").to_owned(), code: f.code })
            .collect(),
        _ => Vec::new(),
    }
}

/// Checks and applies an uploaded file; returns the key of its report.
pub async fn import(ctx: &Ctx, caller: &Caller, file_name: &str, bytes: &[u8]) -> Result<String, AppError> {
    let db = &ctx.db;
    let (actor, s) = own_supplier(db, caller).await?;
    require_active(&s)?;
    if bytes.is_empty() {
        return Err(AppError::field("file", "file_required"));
    }
    if bytes.len() > MAX_BYTES {
        return Err(AppError::field("file", "file_too_large"));
    }
    let (header, parsed) = parse(&decode(bytes))?;
    let file_name = super::documents::clean_name(file_name);
    let missing: Vec<FieldError> = REQUIRED
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| FieldError { field: (*c).into(), code: "missing_column".into() })
        .collect();
    let report = if missing.is_empty() {
        apply(ctx, caller, &s, file_name, parsed).await?
    } else {
        let mut report = ImportReport {
            file_name,
            at: moment(Utc::now()),
            created: 0,
            updated: 0,
            unchanged: 0,
            refused: 0,
            lines: Vec::new(),
        };
        report.refused = u32::try_from(parsed.len()).unwrap_or(u32::MAX);
        report.lines.push(ImportLine { line: 1, sku: String::new(), outcome: "refused".into(), errors: missing });
        report
    };
    save_report(db, actor.account_id, &report).await
}

/// One line of a sync: the CSV's columns as JSON (`regions` a list of codes, `params` an
/// object of parameter values; numbers may be numbers or text).
pub type SyncLine = serde_json::Map<String, serde_json::Value>;

/// The most lines one sync takes (as a file).
pub const MAX_SYNC_LINES: usize = MAX_LINES;

fn cell_of(value: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => {
            items.iter().map(|v| cell_of(Some(v))).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("|")
        }
        Some(Value::Object(map)) => {
            map.iter().map(|(k, v)| format!("{k}={}", cell_of(Some(v)))).collect::<Vec<_>>().join("|")
        }
    }
}

/// Applies offerings sent by the supplier's own system, checked like a file's lines (line
/// numbers are positions in the list, from 1) and matched by SKU, so sending the same list
/// again changes nothing. Only an approved supplier syncs.
pub async fn sync(ctx: &Ctx, caller: &Caller, lines: &[SyncLine]) -> Result<ImportReport, AppError> {
    let (_, s) = own_supplier(&ctx.db, caller).await?;
    super::require_approved(&s)?;
    if lines.len() > MAX_SYNC_LINES {
        return Err(AppError::field("lines", "csv_too_many_lines"));
    }
    let parsed = lines
        .iter()
        .enumerate()
        .map(|(i, line)| Parsed {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            cells: COLUMNS.iter().map(|c| (*c, cell_of(line.get(*c)))).collect(),
        })
        .collect();
    apply(ctx, caller, &s, "api".into(), parsed).await
}

/// Checks every line like the offering form and applies the valid ones together.
async fn apply(
    ctx: &Ctx,
    caller: &Caller,
    s: &crate::entities::suppliers::Model,
    file_name: String,
    parsed: Vec<Parsed>,
) -> Result<ImportReport, AppError> {
    let db = &ctx.db;
    let mut report = ImportReport {
        file_name,
        at: moment(Utc::now()),
        created: 0,
        updated: 0,
        unchanged: 0,
        refused: 0,
        lines: Vec::new(),
    };
    let types = allowed_types(db, s.id, caller.lang).await?;
    let served = super::profile::region_codes(db, s.id).await?;
    let approved = s.status == DbSupplierStatus::Approved;
    let txn = begin_write(db).await.or_unexpected()?;
    let existing: HashMap<String, offerings::Model> = offerings::Entity::find()
        .filter(offerings::Column::SupplierId.eq(s.id))
        .all(&txn)
        .await
        .or_unexpected()?
        .into_iter()
        .filter_map(|o| o.sku.clone().map(|k| (k, o)))
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    for p in parsed {
        let cell = |c: &str| p.cells.get(c).cloned().unwrap_or_default();
        let sku = cell("sku");
        let mut errors = FieldErrors::new();
        if sku.is_empty() {
            errors.add("sku", "required");
        } else if !seen.insert(sku.clone()) {
            errors.add("sku", "duplicate_sku_in_file");
        }
        let code = cell("item_type");
        let found = types.iter().find(|(t, _)| t.code == code);
        if found.is_none() {
            errors.add("item_type", if code.is_empty() { "required" } else { "unknown_item_type" });
        }
        let before = existing.get(&sku);
        if let (Some(o), Some((t, _))) = (before, found) {
            if o.item_type_id != t.id {
                errors.add("item_type", "item_type_changed");
            }
        }
        let wanted = match cell("status").to_lowercase().as_str() {
            "" => None,
            "draft" => Some(DbOfferingStatus::Draft),
            "published" => Some(DbOfferingStatus::Published),
            "withdrawn" => Some(DbOfferingStatus::Withdrawn),
            _ => {
                errors.add("status", "unknown_status");
                None
            }
        };
        let param_values = errors.check("params", params(&cell("params"))).unwrap_or_default();
        let form = OfferingForm {
            item_type: code.clone(),
            sku: sku.clone(),
            title_kk: cell("title_kk"),
            title_ru: cell("title_ru"),
            title_en: cell("title_en"),
            description_kk: cell("description_kk"),
            description_ru: cell("description_ru"),
            description_en: cell("description_en"),
            price: cell("price"),
            lead_time_days: cell("lead_time_days"),
            capacity: cell("capacity"),
            regions: list(&cell("regions")),
            params: param_values,
        };
        let valid = found.and_then(|(t, c)| {
            offering_rules::validate(&form, c.kind.into(), &t.param_schema, &served, true, &mut errors)
                .map(|v| (t, c, v))
        });
        if let Some(w) = wanted.filter(|w| *w == DbOfferingStatus::Published) {
            if !approved {
                errors.add("status", "supplier_not_approved");
            } else if before.is_some_and(|o| o.status == DbOfferingStatus::Blocked && w != o.status) {
                errors.add("status", "offering_blocked");
            } else if let Some((_, c, _)) = &valid {
                if CategoryKind::from(c.kind) == CategoryKind::Course
                    && !has_free_dates(&txn, before.map(|o| o.id)).await?
                {
                    errors.add("status", "no_course_dates");
                }
            }
        }
        let refused = |errors| ImportLine { line: p.line, sku: sku.clone(), outcome: "refused".into(), errors };
        let (t, v) = match valid {
            Some((t, _, v)) if errors.is_empty() => (t, v),
            _ => {
                report.refused += 1;
                report.lines.push(refused(errors_of(errors)));
                continue;
            }
        };
        let status_for_new = wanted.filter(|w| *w == DbOfferingStatus::Published).unwrap_or(DbOfferingStatus::Draft);
        let (id, mut outcome) =
            offering_rules::write(&txn, s.id, t, before, &v, status_for_new).await.or_unexpected()?;
        if let (Some(o), Some(w)) = (before, wanted) {
            if o.status != w && o.status != DbOfferingStatus::Blocked {
                let mut update = offerings::Entity::update_many()
                    .col_expr(offerings::Column::Status, Expr::value(w))
                    .filter(offerings::Column::Id.eq(id));
                if w == DbOfferingStatus::Published {
                    update = update.col_expr(offerings::Column::PublishedAt, Expr::value(Utc::now()));
                }
                update.exec(&txn).await.or_unexpected()?;
                outcome = Outcome::Updated;
            }
        }
        let name = match outcome {
            Outcome::Created => {
                report.created += 1;
                "created"
            }
            Outcome::Updated => {
                report.updated += 1;
                "updated"
            }
            Outcome::Unchanged => {
                report.unchanged += 1;
                "unchanged"
            }
        };
        report.lines.push(ImportLine { line: p.line, sku: sku.clone(), outcome: name.into(), errors: Vec::new() });
    }
    txn.commit().await.or_unexpected()?;
    Ok(report)
}

async fn has_free_dates(db: &impl ConnectionTrait, offering: Option<i32>) -> Result<bool, AppError> {
    let Some(id) = offering else { return Ok(false) };
    let n = offering_slots::Entity::find()
        .filter(offering_slots::Column::OfferingId.eq(id))
        .filter(offering_slots::Column::StartsOn.gt(Utc::now().date_naive()))
        .filter(Expr::col(offering_slots::Column::Taken).lt(Expr::col(offering_slots::Column::Places)))
        .count(db)
        .await
        .or_unexpected()?;
    Ok(n > 0)
}

async fn save_report(db: &impl ConnectionTrait, account_id: i32, report: &ImportReport) -> Result<String, AppError> {
    let key = uuid::Uuid::new_v4().simple().to_string();
    drafts::ActiveModel {
        account_id: Set(account_id),
        kind: Set(REPORT_KIND.into()),
        draft_key: Set(key.clone()),
        data: Set(serde_json::to_value(report).or_unexpected()?),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .or_unexpected()?;
    Ok(key)
}

/// One of the caller's upload reports.
pub async fn report(ctx: &Ctx, caller: &Caller, key: Option<ReportKey>) -> Result<ImportReport, AppError> {
    let (actor, _) = own_supplier(&ctx.db, caller).await?;
    let key = key.ok_or(AppError::NotFound)?;
    let row = drafts::Entity::find()
        .filter(drafts::Column::AccountId.eq(actor.account_id))
        .filter(drafts::Column::Kind.eq(REPORT_KIND))
        .filter(drafts::Column::DraftKey.eq(key.as_str()))
        .one(&ctx.db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    serde_json::from_value(row.data).or_unexpected()
}

/// The template: a UTF-8 file with a byte-order mark (so Excel shows Cyrillic), `;` between
/// columns, the header and one example line for each item type the supplier may offer.
pub async fn template(ctx: &Ctx, caller: &Caller) -> Result<Download, AppError> {
    let db = &ctx.db;
    let (_, s) = own_supplier(db, caller).await?;
    let types = allowed_types(db, s.id, caller.lang).await?;
    let served = super::profile::region_codes(db, s.id).await?.join("|");
    let ceilings = offering_rules::ceilings_on(db, types.iter().map(|(t, _)| t.id).collect(), Utc::now().date_naive())
        .await
        .or_unexpected()?;
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    w.write_record(COLUMNS).or_unexpected()?;
    for (n, (t, c)) in types.iter().enumerate() {
        let example_params: Vec<String> = app::domain::ParamSchema::from_stored(&t.param_schema)
            .params
            .iter()
            .map(|p| format!("{}={}", p.key, p.example()))
            .collect();
        let capacity = match CategoryKind::from(c.kind) {
            CategoryKind::Course => "",
            CategoryKind::Hours | CategoryKind::Sessions => "40",
            CategoryKind::Goods => "10",
        };
        let price = ceilings.get(&t.id).copied().unwrap_or_default().to_input();
        let row = [
            format!("EX-{:03}", n + 1),
            t.code.clone(),
            t.name_kk.clone(),
            t.name_ru.clone(),
            t.name_en.clone(),
            "Сипаттама, кепілдік, жеткізу шарттары".into(),
            "Описание, гарантия, условия доставки".into(),
            String::new(),
            price,
            "10".into(),
            capacity.into(),
            served.clone(),
            example_params.join("|"),
            "draft".into(),
        ];
        w.write_record(&row).or_unexpected()?;
    }
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(w.into_inner().map_err(|e| crate::services::unexpected(e.to_string()))?);
    Ok(Download { file_name: "offerings-template.csv".into(), content_type: "text/csv; charset=utf-8".into(), bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_files_in_either_encoding_and_separator_are_read() {
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend("sku;title_ru\nA;Коляска".as_bytes());
        assert_eq!(decode(&bom), "sku;title_ru\nA;Коляска");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("sku,title_ru\nA,Коляска");
        assert_eq!(decode(&cp1251), "sku,title_ru\nA,Коляска");
        assert_eq!(delimiter("sku;title_ru"), b';');
        assert_eq!(delimiter("sku,title_ru"), b',');
    }

    #[test]
    fn parameters_and_regions_read_from_one_cell() {
        assert_eq!(params("seat_width_cm=45|frame=steel").map(|m| m.len()), Ok(2));
        assert_eq!(params("seat_width_cm"), Err("params_format"));
        assert_eq!(list("ala|ast alm"), vec!["ALA", "AST", "ALM"]);
    }

    #[test]
    fn blank_lines_are_skipped_and_line_numbers_kept() {
        let (header, lines) = parse("sku;price\nA;1\n;\nB;2\n").unwrap();
        assert_eq!(header, vec!["sku", "price"]);
        assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), vec![2, 4]);
        assert_eq!(lines[1].cells.get("price").map(String::as_str), Some("2"));
        let (_, crlf) = parse("a;b\r\nW;1\r\nX;2\r\n\r\nY;3").unwrap();
        assert_eq!(crlf.iter().map(|l| l.line).collect::<Vec<_>>(), vec![2, 3, 5], "Windows line endings");
    }
}
