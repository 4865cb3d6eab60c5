use crate::error::AppError;
use leptos::prelude::*;

/// Places the order (once per key) and shows it with its confirmation.
#[server(prefix = "/api", endpoint = "order_confirm")]
pub async fn order_confirm(offering: String, for_recipient: String, key: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let offering: i32 = offering.trim().parse().map_err(|_| AppError::NotFound)?;
    let id = backend.ordering.confirm(&caller, offering, for_recipient.trim().parse().ok(), &key).await?;
    leptos_axum::redirect(&format!("/orders/{id}?done=placed"));
    Ok(())
}
