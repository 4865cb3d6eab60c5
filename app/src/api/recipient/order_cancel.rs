use crate::error::AppError;
use leptos::prelude::*;

/// Cancels before the supplier accepts.
#[server(prefix = "/api", endpoint = "order_cancel")]
pub async fn order_cancel(order: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::order_id(&order)?;
    backend.my_orders.cancel(&caller, id).await?;
    crate::api::go(&format!("/orders/{id}?done=cancelled"));
    Ok(())
}
