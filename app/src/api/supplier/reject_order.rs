use crate::error::AppError;
use leptos::prelude::*;

/// Rejects an order with a reason; the recipient gets the entitlement back.
#[server(prefix = "/api", endpoint = "supplier_reject_order")]
pub async fn reject_order(id: String, reason: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let run = backend.supplier.orders.reject(&caller, id, &reason);
    crate::api::typed::keeping_typed("reject_order", &[("reason", &reason)], run).await?;
    super::go(&format!("/supplier/orders/{id}?done=order_rejected"));
    Ok(())
}
