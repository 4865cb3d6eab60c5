use crate::dto::orders::OrdersView;
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the orders of the person acted for, newest first (the first page when
/// `page` is left out).
#[server(prefix = "/api", endpoint = "orders_list")]
pub async fn orders_list(for_recipient: Option<i32>, page: Option<u32>) -> Result<OrdersView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.my_orders.list(&caller, for_recipient, page.unwrap_or(1)).await
}
