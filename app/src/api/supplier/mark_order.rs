use crate::error::AppError;
use leptos::prelude::*;

/// Marks an order shipped, delivered or rendered (`step`).
#[server(prefix = "/api", endpoint = "supplier_mark_order")]
pub async fn mark_order(id: String, step: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.orders.mark(&caller, &id, &step).await?;
    let done = match step.as_str() {
        "shipped" => "order_shipped",
        "delivered" => "order_delivered",
        _ => "order_rendered",
    };
    super::go(&format!("/supplier/orders/{}?done={done}", id.trim()));
    Ok(())
}
