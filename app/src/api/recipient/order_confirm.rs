use crate::error::AppError;
use leptos::prelude::*;

/// Places the order (once per key) and shows it with its confirmation.
#[server(prefix = "/api", endpoint = "order_confirm")]
pub async fn order_confirm(
    offering: String,
    for_recipient: String,
    key: String,
    #[server(default)] terms: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let offering: i32 = offering.trim().parse().map_err(|_| AppError::NotFound)?;
    let key = crate::domain::OrderKey::parse(&key);
    let id = backend.ordering.confirm(&caller, offering, for_recipient.trim().parse().ok(), key, &terms).await?;
    crate::api::go(&format!("/orders/{id}?done=placed"));
    Ok(())
}
