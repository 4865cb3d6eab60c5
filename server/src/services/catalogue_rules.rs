//! The one rule for what the catalogue shows: a published offering of an approved supplier.
//! Suspending or removing a supplier therefore hides all its offerings at once, without
//! touching them, and reinstating shows them again.
use crate::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use crate::entities::{offerings, suppliers};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition};

/// The condition on `offerings` for being visible in the catalogue and orderable. The
/// supplier is looked up by the offering's own row (`EXISTS`), not as a list of every approved
/// supplier: SQLite builds such an `IN` list afresh for each statement (12 ms at 30,000
/// suppliers, on every offering page and order step).
pub fn visible_offering_condition() -> Condition {
    Condition::all().add(offerings::Column::Status.eq(DbOfferingStatus::Published)).add(Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(suppliers::Entity)
            .and_where(
                Expr::col((suppliers::Entity, suppliers::Column::Id))
                    .equals((offerings::Entity, offerings::Column::SupplierId)),
            )
            .and_where(suppliers::Column::Status.eq(DbSupplierStatus::Approved))
            .to_owned(),
    ))
}
