use crate::dto::orders::OrderForm;
use crate::error::AppError;
use leptos::prelude::*;

/// Keeps the answers as a draft and, when they pass, goes on to check them.
#[server(prefix = "/api", endpoint = "order_save")]
pub async fn order_save(#[server(flatten)] form: OrderForm) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.ordering.save(&caller, form.clone()).await?;
    let to = format!("/order/{}/check{}", form.offering.trim(), super::for_query(&form.for_recipient));
    crate::api::go(&to);
    Ok(())
}
