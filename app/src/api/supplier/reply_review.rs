use crate::error::AppError;
use leptos::prelude::*;

/// Publishes the caller's one public reply to a review.
#[server(prefix = "/api", endpoint = "supplier_reply_review")]
pub async fn reply_review(id: String, reply: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let run = backend.supplier.quality.reply(&caller, id, &reply);
    crate::api::typed::keeping_typed("reply_review", &[("reply", &reply)], run).await?;
    super::go("/supplier/quality?done=review_replied");
    Ok(())
}
