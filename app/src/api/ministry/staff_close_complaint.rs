use crate::error::AppError;
use leptos::prelude::*;

/// Closes a complaint with an outcome the recipient and the supplier see.
#[server(prefix = "/api", endpoint = "staff_close_complaint")]
pub async fn staff_close_complaint(complaint_id: String, complaint_outcome: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&complaint_id)?;
    let run = backend.complaints_desk.close(&caller, id, &complaint_outcome);
    crate::api::typed::keeping_typed(
        "staff_close_complaint",
        &[("complaint_outcome", complaint_outcome.as_str())],
        run,
    )
    .await?;
    crate::api::go(&format!("{}/{id}?done=complaint_closed", crate::routes::STAFF_COMPLAINTS));
    Ok(())
}
