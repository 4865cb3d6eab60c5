use crate::dto::orders::OrdersView;
use crate::error::AppError;
use leptos::prelude::*;

/// The orders of the person acted for.
#[server(prefix = "/api", endpoint = "orders_list")]
pub async fn orders_list(for_recipient: Option<i32>) -> Result<OrdersView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.my_orders.list(&caller, for_recipient).await
}
