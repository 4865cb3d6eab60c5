//! Where a member of staff may act: the whole country or one region. The ministry's use cases
//! and the supplier documents staff may read both start here.
use crate::entities::suppliers;
use app::domain::Role;
use app::error::AppError;
use app::ports::{Actor, Caller};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Select};

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

/// The ids of suppliers in a regional scope, as a subquery for other tables' filters.
pub fn supplier_ids_in(region: &str) -> SelectStatement {
    Query::select()
        .column(suppliers::Column::Id)
        .from(suppliers::Entity)
        .and_where(suppliers::Column::HomeRegion.eq(region))
        .to_owned()
}

/// Suppliers the scope may see: regional staff only those registered in their region.
pub fn suppliers_in(scope: &Scope) -> Select<suppliers::Entity> {
    let find = suppliers::Entity::find();
    match scope.region() {
        Some(r) => find.filter(suppliers::Column::HomeRegion.eq(r)),
        None => find,
    }
}
