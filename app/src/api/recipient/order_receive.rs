use crate::error::AppError;
use leptos::prelude::*;

/// Confirms receipt, or that the service was rendered with the hours.
#[server(prefix = "/api", endpoint = "order_receive")]
pub async fn order_receive(order: String, hours: Option<String>) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::order_id(&order)?;
    let typed = [("hours", hours.as_deref().unwrap_or(""))];
    let run = backend.my_orders.confirm_receipt(&caller, id, hours.clone());
    crate::api::typed::keeping_typed("order_receive", &typed, run).await?;
    crate::api::go(&format!("/orders/{id}?done=confirmed"));
    Ok(())
}
