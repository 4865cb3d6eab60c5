//! The ministry's journey: supplier approval, catalogue and ceilings, IPR imports, the
//! complaints desk, the provision dashboard and staff accounts.
//!
//! Staff are central (the whole country) or regional (one region). Every use case starts with
//! [`staff_scope`] or [`central`] (`services/scope.rs`); regional scope is then applied in the
//! query itself, so an object outside the officer's region is simply not found.
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
use crate::entities::regions;
use app::domain::Lang;
use app::error::AppError;
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

pub use crate::services::present::{day, moment, region_names};
pub use crate::services::scope::{central, staff_scope, Scope};

pub use crate::services::parse_date;

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

/// A count as `u32` for a view.
pub fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
