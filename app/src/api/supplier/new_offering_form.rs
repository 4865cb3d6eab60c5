use crate::dto::supplier::OfferingEditView;
use crate::error::AppError;
use leptos::prelude::*;

/// The form for a new offering of an item type (with the unsaved draft, if any).
#[server(prefix = "/api", endpoint = "supplier_new_offering_form")]
pub async fn new_offering_form(item_type: String) -> Result<OfferingEditView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.offerings.new_form(&caller, crate::domain::Code::parse(&item_type).ok()).await
}
