use crate::error::AppError;
use leptos::prelude::*;

/// Marks an order shipped, delivered or rendered (`step`).
#[server(prefix = "/api", endpoint = "supplier_mark_order")]
pub async fn mark_order(id: String, step: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let step = crate::domain::OrderStep::from_code(step.trim());
    backend.supplier.orders.mark(&caller, id, step).await?;
    let done = match step {
        Some(crate::domain::OrderStep::Shipped) => "order_shipped",
        Some(crate::domain::OrderStep::Delivered) => "order_delivered",
        _ => "order_rendered",
    };
    super::go(&format!("/supplier/orders/{id}?done={done}"));
    Ok(())
}
