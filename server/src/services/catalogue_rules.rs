//! The one rule for what the catalogue shows: a published offering of an approved supplier.
//! Suspending or removing a supplier therefore hides all its offerings at once, without
//! touching them, and reinstating shows them again.
use crate::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use crate::entities::{offerings, suppliers};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition};

/// The condition on `offerings` for being visible in the catalogue and orderable.
pub fn visible_offering_condition() -> Condition {
    Condition::all()
        .add(offerings::Column::Status.eq(DbOfferingStatus::Published))
        .add(
            offerings::Column::SupplierId.in_subquery(
                Query::select()
                    .column(suppliers::Column::Id)
                    .from(suppliers::Entity)
                    .and_where(suppliers::Column::Status.eq(DbSupplierStatus::Approved))
                    .to_owned(),
            ),
        )
}
