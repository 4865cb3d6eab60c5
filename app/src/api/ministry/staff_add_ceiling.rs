use crate::error::AppError;
use leptos::prelude::*;

/// Adds a guaranteed sum from a date to an item type.
#[server(prefix = "/api", endpoint = "staff_add_ceiling")]
pub async fn staff_add_ceiling(
    item_type_id: String,
    ceiling_amount: String,
    ceiling_valid_from: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&item_type_id)?;
    let typed = [("ceiling_amount", ceiling_amount.as_str()), ("ceiling_valid_from", ceiling_valid_from.as_str())];
    let run = backend.catalogue_admin.add_ceiling(&caller, id, &ceiling_amount, &ceiling_valid_from);
    crate::api::typed::keeping_typed("staff_add_ceiling", &typed, run).await?;
    crate::api::go(&format!("{}/{id}?done=ceiling_added", crate::routes::STAFF_ITEM_TYPES));
    Ok(())
}
