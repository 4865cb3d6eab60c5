use crate::error::AppError;
use leptos::prelude::*;

/// Answers a complaint about one of the caller's orders.
#[server(prefix = "/api", endpoint = "supplier_answer_complaint")]
pub async fn answer_complaint(id: String, answer: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let run = backend.supplier.orders.answer_complaint(&caller, id, &answer);
    crate::api::typed::keeping_typed("answer_complaint", &[("answer", &answer)], run).await?;
    super::go(&format!("/supplier/complaints/{id}?done=complaint_answered"));
    Ok(())
}
