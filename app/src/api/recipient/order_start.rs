use crate::dto::orders::OrderStartView;
use crate::error::AppError;
use leptos::prelude::*;

/// The order question page with the draft so far.
#[server(prefix = "/api", endpoint = "order_start")]
pub async fn order_start(offering: i32, for_recipient: Option<i32>) -> Result<OrderStartView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.ordering.start(&caller, offering, for_recipient).await
}
