use crate::error::AppError;
use leptos::prelude::*;

/// Publishes or withdraws one of the caller's offerings (`action`: `publish` or `withdraw`).
#[server(prefix = "/api", endpoint = "supplier_set_offering_status")]
pub async fn set_offering_status(id: String, action: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let action = crate::domain::OfferingAction::from_code(action.trim());
    backend.supplier.offerings.set_status(&caller, id, action).await?;
    let done = if action == Some(crate::domain::OfferingAction::Publish) {
        "offering_published"
    } else {
        "offering_withdrawn"
    };
    super::go(&format!("/supplier/offerings/{id}?done={done}"));
    Ok(())
}
