use crate::dto::orders::OrderCheckView;
use crate::error::AppError;
use leptos::prelude::*;

/// The check-your-answers page.
#[server(prefix = "/api", endpoint = "order_check")]
pub async fn order_check(offering: i32, for_recipient: Option<i32>) -> Result<OrderCheckView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.ordering.check(&caller, offering, for_recipient).await
}
