use crate::error::AppError;
use leptos::prelude::*;

/// Accepts an order, if there is capacity for it.
#[server(prefix = "/api", endpoint = "supplier_accept_order")]
pub async fn accept_order(id: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    backend.supplier.orders.accept(&caller, id).await?;
    super::go(&format!("/supplier/orders/{id}?done=order_accepted"));
    Ok(())
}
