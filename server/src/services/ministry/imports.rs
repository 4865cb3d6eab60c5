//! Loading entitlements from IPR lines. Every line is checked and reported; a line already
//! loaded (same IIN, IPR number and item type) changes nothing, so the same file can be sent
//! twice; a line for an IIN without an account is kept on a recipient row without one, and
//! sign-up links it. The whole import is one transaction, recorded with its report and in the
//! audit log.
use super::ipr_lines::RawLine;
use super::{moment, parse_date, staff_scope, Scope};
use crate::db::begin_write;
use crate::entities::{entitlements, ipr_imports, item_types, recipients};
use crate::services::audit::{self, Entry};
use crate::services::present::account_emails;
use crate::services::{Ctx, OrUnexpected};
use app::domain::Iin;
use app::dto::ministry::{ImportLine, ImportReport, ImportSummary, LineOutcome};
use app::error::AppError;
use app::ports::{Actor, Caller, IprImports};
use async_trait::async_trait;
use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// Largest quantity one line may grant (hours of assistance for a year are below 3,000).
const MAX_QUANTITY: i32 = 100_000;

/// How the lines arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A file uploaded by staff.
    File,
    /// The machine interface (`POST /api/v1/ipr-lines`).
    Api,
}

impl Via {
    fn source(self) -> &'static str {
        match self {
            Via::File => "ipr_file",
            Via::Api => "ipr_api",
        }
    }
}

/// Hides all but the last four characters of an IIN.
pub fn mask(iin: &str) -> String {
    let chars: Vec<char> = iin.trim().chars().take(20).collect();
    let keep = chars.len().saturating_sub(4);
    chars.iter().enumerate().map(|(i, c)| if i < keep { '•' } else { *c }).collect()
}

/// A line that passed the checks of its own content.
struct Checked {
    iin: Iin,
    phone: Option<String>,
    ipr_number: String,
    item_type_id: i32,
    quantity: i32,
    from: NaiveDate,
    to: NaiveDate,
}

/// A Kazakh mobile number as `+7XXXXXXXXXX`, from the ways people write it
/// (`+7 701 555-01-01`, `8 (701) 5550101`, `77015550101`).
pub fn phone(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let ok_chars = raw.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let national = match (digits.len(), digits.chars().next()) {
        (11, Some('7' | '8')) => &digits[1..],
        (10, Some('7')) => &digits[..],
        _ => return None,
    };
    (ok_chars && national.starts_with('7')).then(|| format!("+7{national}"))
}

fn check_line(
    raw: &RawLine,
    types: &HashMap<String, item_types::Model>,
    today: NaiveDate,
) -> Result<Checked, &'static str> {
    let iin = Iin::parse(&raw.iin).map_err(|_| "bad_iin")?;
    let ipr_number = raw.ipr_number.trim().to_owned();
    if ipr_number.is_empty() {
        return Err("ipr_number_missing");
    }
    if ipr_number.chars().count() > 64 {
        return Err("ipr_number_too_long");
    }
    let it = types.get(raw.item_type.trim()).ok_or("unknown_item_type")?;
    if !it.active {
        return Err("item_type_inactive");
    }
    let quantity = match raw.quantity.trim().parse::<i32>() {
        Ok(q) if (1..=MAX_QUANTITY).contains(&q) => q,
        _ => return Err("bad_quantity"),
    };
    let from = parse_date(&raw.valid_from).map_err(|_| "bad_valid_from")?;
    let to = parse_date(&raw.valid_to).map_err(|_| "bad_valid_to")?;
    if to < from {
        return Err("valid_to_before_valid_from");
    }
    if to < today {
        return Err("expired");
    }
    let phone = if raw.phone.trim().is_empty() { None } else { Some(phone(&raw.phone).ok_or("bad_phone")?) };
    Ok(Checked { iin, phone, ipr_number, item_type_id: it.id, quantity, from, to })
}

/// Loads `lines` and records the import. `file_name` and `bytes` identify what was sent.
/// Regional staff may load lines only for people already known to live in their region.
pub async fn import(
    ctx: &Ctx,
    actor: Option<&Actor>,
    scope: &Scope,
    via: Via,
    file_name: &str,
    bytes: &[u8],
    lines: Vec<RawLine>,
) -> Result<ImportReport, AppError> {
    let db = &ctx.db;
    let txn = begin_write(db).await.or_unexpected()?;
    let types: HashMap<String, item_types::Model> =
        item_types::Entity::find().all(&txn).await.or_unexpected()?.into_iter().map(|t| (t.code.clone(), t)).collect();
    let today = Utc::now().date_naive();
    let now = Utc::now();
    let mut cache = Cache::preload(&txn, &lines).await?;
    let mut report = Vec::with_capacity(lines.len());
    for (n, raw) in lines.iter().enumerate() {
        let line = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let mut out = ImportLine {
            line,
            iin: mask(&raw.iin),
            ipr_number: raw.ipr_number.trim().chars().take(64).collect(),
            item_type: raw.item_type.trim().chars().take(32).collect(),
            outcome: LineOutcome::Refused,
            reason: None,
            deferred: false,
        };
        match load_line(&txn, raw, &types, today, now, scope, via, &mut cache).await? {
            Ok((outcome, deferred)) => {
                out.outcome = outcome;
                out.deferred = deferred;
            }
            Err(reason) => out.reason = Some(reason.into()),
        }
        report.push(out);
    }
    for chunk in cache.new_grants.chunks(500) {
        entitlements::Entity::insert_many(chunk.to_vec()).exec(&txn).await.or_unexpected()?;
    }
    let count = |o: LineOutcome| u32::try_from(report.iter().filter(|l| l.outcome == o).count()).unwrap_or(u32::MAX);
    let (accepted, unchanged, refused) =
        (count(LineOutcome::Accepted), count(LineOutcome::Unchanged), count(LineOutcome::Refused));
    let sha = hex::encode(Sha256::digest(bytes));
    let name: String = file_name.trim().chars().take(200).collect();
    let name = if name.is_empty() { "ipr.csv".to_owned() } else { name };
    let total = u32::try_from(report.len()).unwrap_or(u32::MAX);
    let row = ipr_imports::ActiveModel {
        actor_account_id: Set(actor.map(|a| a.account_id)),
        file_name: Set(name.clone()),
        sha256: Set(sha.clone()),
        lines_total: Set(i32::try_from(total).unwrap_or(i32::MAX)),
        accepted: Set(i32::try_from(accepted).unwrap_or(i32::MAX)),
        refused: Set(i32::try_from(refused).unwrap_or(i32::MAX)),
        report: Set(json!({ "unchanged": unchanged, "via": via.source(), "lines": report })),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .or_unexpected()?;
    audit::record(
        &txn,
        actor,
        Entry {
            action: "ipr.import",
            object_type: "ipr_import",
            object_id: Some(row.id.to_string()),
            reason: None,
            details: Some(json!({
                "file": name, "sha256": sha, "via": via.source(),
                "lines": total, "accepted": accepted, "unchanged": unchanged, "refused": refused,
            })),
        },
    )
    .await
    .or_unexpected()?;
    txn.commit().await.or_unexpected()?;
    Ok(ImportReport {
        summary: ImportSummary {
            id: row.id,
            file_name: name,
            at: moment(now),
            by: if actor.is_some() { String::new() } else { "system".into() },
            lines: total,
            accepted,
            unchanged,
            refused,
        },
        lines: report,
    })
}

/// What an import reads once instead of once per line: the recipients of the file's IINs and
/// their entitlements, the lines seen so far, and the entitlements to insert.
struct Cache {
    recipients: HashMap<String, recipients::Model>,
    grants: HashMap<(i32, String, i32), entitlements::Model>,
    seen: HashSet<(String, String, i32)>,
    new_grants: Vec<entitlements::ActiveModel>,
}

/// Rows read per query (well under SQLite's limit on bound parameters).
const CHUNK: usize = 500;

impl Cache {
    async fn preload(txn: &impl ConnectionTrait, lines: &[RawLine]) -> Result<Self, AppError> {
        let mut iins: Vec<String> =
            lines.iter().filter_map(|l| Iin::parse(&l.iin).ok()).map(|i| i.as_str().to_owned()).collect();
        iins.sort_unstable();
        iins.dedup();
        let mut recipients_by_iin = HashMap::new();
        for chunk in iins.chunks(CHUNK) {
            for r in recipients::Entity::find()
                .filter(recipients::Column::Iin.is_in(chunk.to_vec()))
                .all(txn)
                .await
                .or_unexpected()?
            {
                recipients_by_iin.insert(r.iin.clone(), r);
            }
        }
        let ids: Vec<i32> = recipients_by_iin.values().map(|r| r.id).collect();
        let mut grants = HashMap::new();
        for chunk in ids.chunks(CHUNK) {
            for e in entitlements::Entity::find()
                .filter(entitlements::Column::RecipientId.is_in(chunk.to_vec()))
                .all(txn)
                .await
                .or_unexpected()?
            {
                grants.insert((e.recipient_id, e.ipr_number.clone(), e.item_type_id), e);
            }
        }
        Ok(Self { recipients: recipients_by_iin, grants, seen: HashSet::new(), new_grants: Vec::new() })
    }
}

/// Loads one line; the inner `Err` is the reason it was refused.
async fn load_line(
    txn: &impl ConnectionTrait,
    raw: &RawLine,
    types: &HashMap<String, item_types::Model>,
    today: NaiveDate,
    now: chrono::DateTime<Utc>,
    scope: &Scope,
    via: Via,
    cache: &mut Cache,
) -> Result<Result<(LineOutcome, bool), &'static str>, AppError> {
    let c = match check_line(raw, types, today) {
        Ok(c) => c,
        Err(reason) => return Ok(Err(reason)),
    };
    let key = (c.iin.as_str().to_owned(), c.ipr_number.clone(), c.item_type_id);
    if !cache.seen.insert(key) {
        return Ok(Err("duplicate_in_file"));
    }
    let recipient = cache.recipients.get(c.iin.as_str()).cloned();
    if let Some(region) = scope.region() {
        match &recipient {
            None => return Ok(Err("region_unknown")),
            Some(r) if r.region_code.is_none() => return Ok(Err("region_unknown")),
            Some(r) if r.region_code.as_deref() != Some(region) => return Ok(Err("outside_region")),
            Some(_) => {}
        }
    }
    let recipient = match recipient {
        // The record's phone follows the latest line that gives one.
        Some(r) if c.phone.is_some() && r.phone != c.phone => {
            let mut am: recipients::ActiveModel = r.into();
            am.phone = Set(c.phone.clone());
            am.updated_at = Set(now);
            am.update(txn).await.or_unexpected()?
        }
        Some(r) => r,
        None => recipients::ActiveModel {
            account_id: Set(None),
            iin: Set(c.iin.as_str().to_owned()),
            full_name: Set(None),
            region_code: Set(None),
            disability_group: Set(None),
            birth_date: Set(c.iin.birth_date()),
            created_at: Set(now),
            updated_at: Set(now),
            phone: Set(c.phone.clone()),
            ..Default::default()
        }
        .insert(txn)
        .await
        .or_unexpected()?,
    };
    cache.recipients.insert(c.iin.as_str().to_owned(), recipient.clone());
    let deferred = recipient.account_id.is_none();
    if let Some(e) = cache.grants.get(&(recipient.id, c.ipr_number.clone(), c.item_type_id)) {
        let same = e.quantity_granted == c.quantity && e.valid_from == c.from && e.valid_to == c.to;
        // A changed grant for a loaded line may already be partly used: staff correct it by
        // hand rather than have a file silently rewrite it.
        return Ok(if same { Ok((LineOutcome::Unchanged, deferred)) } else { Err("differs_from_loaded") });
    }
    // Inserted together after the last line; duplicates within the file were refused above.
    cache.new_grants.push(entitlements::ActiveModel {
        recipient_id: Set(recipient.id),
        item_type_id: Set(c.item_type_id),
        quantity_granted: Set(c.quantity),
        quantity_remaining: Set(c.quantity),
        valid_from: Set(c.from),
        valid_to: Set(c.to),
        ipr_number: Set(c.ipr_number),
        source: Set(via.source().into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    });
    Ok(Ok((LineOutcome::Accepted, deferred)))
}

/// Import reports.
pub struct IprImportService(pub Ctx);

fn summary(row: &ipr_imports::Model, emails: &HashMap<i32, String>) -> ImportSummary {
    let n = |v: i32| u32::try_from(v).unwrap_or(0);
    ImportSummary {
        id: row.id,
        file_name: row.file_name.clone(),
        at: moment(row.created_at),
        by: row.actor_account_id.and_then(|a| emails.get(&a).cloned()).unwrap_or_else(|| "system".into()),
        lines: n(row.lines_total),
        accepted: n(row.accepted),
        unchanged: row.report["unchanged"].as_u64().and_then(|u| u32::try_from(u).ok()).unwrap_or(0),
        refused: n(row.refused),
    }
}

#[async_trait]
impl IprImports for IprImportService {
    async fn upload(&self, caller: &Caller, file_name: &str, bytes: Vec<u8>) -> Result<ImportReport, AppError> {
        import_for(&self.0, caller, file_name, &bytes).await
    }

    async fn imports(&self, caller: &Caller) -> Result<Vec<ImportSummary>, AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let mut find = ipr_imports::Entity::find().order_by_desc(ipr_imports::Column::Id).limit(50);
        if scope.region().is_some() {
            find = find.filter(ipr_imports::Column::ActorAccountId.eq(actor.account_id));
        }
        let rows = find.all(db).await.or_unexpected()?;
        let emails = account_emails(db, rows.iter().filter_map(|r| r.actor_account_id)).await?;
        Ok(rows.iter().map(|r| summary(r, &emails)).collect())
    }

    async fn report(&self, caller: &Caller, id: i32) -> Result<ImportReport, AppError> {
        let (actor, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let mut find = ipr_imports::Entity::find().filter(ipr_imports::Column::Id.eq(id));
        if scope.region().is_some() {
            find = find.filter(ipr_imports::Column::ActorAccountId.eq(actor.account_id));
        }
        let row = find.one(db).await.or_unexpected()?.ok_or(AppError::NotFound)?;
        let emails = account_emails(db, row.actor_account_id).await?;
        let lines: Vec<ImportLine> = serde_json::from_value(row.report["lines"].clone()).unwrap_or_default();
        Ok(ImportReport { summary: summary(&row, &emails), lines })
    }
}

/// Runs an import for a signed-in member of staff (the upload page).
pub async fn import_for(ctx: &Ctx, caller: &Caller, file_name: &str, bytes: &[u8]) -> Result<ImportReport, AppError> {
    let (actor, scope) = staff_scope(caller)?;
    let lines = super::ipr_lines::read_file(bytes).map_err(|code| AppError::field("ipr_file", code))?;
    import(ctx, Some(actor), &scope, Via::File, file_name, bytes, lines).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_read_as_people_write_them() {
        assert_eq!(phone("+7 701 555-01-01").as_deref(), Some("+77015550101"));
        assert_eq!(phone("8 (701) 5550101").as_deref(), Some("+77015550101"));
        assert_eq!(phone("7015550101").as_deref(), Some("+77015550101"));
        assert_eq!(phone("+7 <b>701</b> 5550101"), None);
        assert_eq!(phone("12345"), None);
        assert_eq!(phone("+7 301 555 01 01"), None, "a landline cannot receive an SMS");
    }
}
