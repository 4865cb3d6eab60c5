use crate::dto::orders::OrderView;
use crate::error::AppError;
use leptos::prelude::*;

/// One order with its timeline.
#[server(prefix = "/api", endpoint = "order_get")]
pub async fn order_get(id: i32) -> Result<OrderView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.my_orders.get(&caller, id).await
}
