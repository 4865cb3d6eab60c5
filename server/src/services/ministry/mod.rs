//! The ministry's journey: supplier approval, catalogue and ceilings, IPR imports, the
//! complaints desk, the provision dashboard and staff accounts.
//!
//! Staff are central (the whole country) or regional (one region). Every use case starts with
//! [`staff_scope`] or [`central`]; regional scope is then applied in the query itself, so an
//! object outside the officer's region is simply not found.
pub mod catalogue;
pub mod catalogue_input;
pub mod complaints;
pub mod documents;
pub mod imports;
pub mod ipr_lines;
pub mod provision;
pub mod provision_csv;
pub mod provision_summary;
pub mod staff;
pub mod supplier_offerings;
pub mod suppliers;

use super::OrUnexpected;
use crate::entities::{accounts, regions};
use app::domain::{Lang, Role};
use app::error::AppError;
use app::ports::{Actor, Caller};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

/// Where a member of staff may act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole country (central ministry staff and admins).
    Central,
    /// One region (regional department staff).
    Region(String),
}

impl Scope {
    /// The region of regional staff.
    pub fn region(&self) -> Option<&str> {
        match self {
            Scope::Central => None,
            Scope::Region(r) => Some(r),
        }
    }
}

/// The caller if they are staff or an admin, with where they may act.
pub fn staff_scope(caller: &Caller) -> Result<(&Actor, Scope), AppError> {
    let actor = caller.require(&[Role::Staff, Role::Admin])?;
    let scope = match (&actor.role, &actor.staff_region) {
        (Role::Staff, Some(r)) => Scope::Region(r.clone()),
        _ => Scope::Central,
    };
    Ok((actor, scope))
}

/// The caller if they are central staff or an admin: national matters (ceilings, item types)
/// are not decided by a region.
pub fn central(caller: &Caller) -> Result<&Actor, AppError> {
    match staff_scope(caller)? {
        (actor, Scope::Central) => Ok(actor),
        _ => Err(AppError::Forbidden),
    }
}

pub use crate::services::present::{day, moment, region_names};

/// Parses a date typed as `YYYY-MM-DD` (what `<input type="date">` sends) or `DD.MM.YYYY`.
pub fn parse_date(raw: &str) -> Result<NaiveDate, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("required");
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .map_err(|_| "bad_date_format")
}

/// Regions as `(code, name)`, in the official order.
pub async fn region_choices(db: &impl ConnectionTrait, lang: Lang) -> Result<Vec<(String, String)>, AppError> {
    Ok(regions::Entity::find()
        .order_by_asc(regions::Column::Sort)
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| (r.code.clone(), r.name(lang).to_owned()))
        .collect())
}

/// E-mails of accounts, by id (for "who" columns).
pub async fn account_emails(db: &impl ConnectionTrait, ids: Vec<i32>) -> Result<HashMap<i32, String>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(accounts::Entity::find()
        .filter(accounts::Column::Id.is_in(ids))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|a| (a.id, a.email))
        .collect())
}

/// A count as `u32` for a view.
pub fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
