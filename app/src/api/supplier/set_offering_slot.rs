use crate::error::AppError;
use leptos::prelude::*;

/// Adds a sanatorium course start, or changes its number of places.
#[server(prefix = "/api", endpoint = "supplier_set_offering_slot")]
pub async fn set_offering_slot(id: String, starts_on: String, places: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let typed = [("starts_on", starts_on.as_str()), ("places", places.as_str())];
    let run = backend.supplier.offerings.set_slot(&caller, id, &starts_on, &places);
    crate::api::typed::keeping_typed("offering_slot", &typed, run).await?;
    super::go(&format!("/supplier/offerings/{id}?done=slot_saved#slots"));
    Ok(())
}
