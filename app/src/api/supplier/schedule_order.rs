use crate::error::AppError;
use leptos::prelude::*;

/// Sets the date of delivery or of the first session.
#[server(prefix = "/api", endpoint = "supplier_schedule_order")]
pub async fn schedule_order(id: String, scheduled_for: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let run = backend.supplier.orders.schedule(&caller, id, &scheduled_for);
    crate::api::typed::keeping_typed("schedule_order", &[("scheduled_for", &scheduled_for)], run).await?;
    super::go(&format!("/supplier/orders/{id}?done=order_scheduled"));
    Ok(())
}
