use crate::error::AppError;
use leptos::prelude::*;

/// Leaves the one review of a confirmed order.
#[server(prefix = "/api", endpoint = "order_review")]
pub async fn order_review(
    order: String,
    #[server(default)] rating: String,
    #[server(default)] review: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::order_id(&order)?;
    let run = backend.my_orders.review(&caller, id, rating.clone(), review.clone());
    crate::api::typed::keeping_typed("order_review", &[("rating", &rating), ("review", &review)], run).await?;
    crate::api::go(&format!("/orders/{id}?done=reviewed"));
    Ok(())
}
