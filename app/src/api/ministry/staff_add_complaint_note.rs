use crate::error::AppError;
use leptos::prelude::*;

/// Adds an officer's note to a complaint.
#[server(prefix = "/api", endpoint = "staff_add_complaint_note")]
pub async fn staff_add_complaint_note(complaint_id: String, complaint_note: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::parse_id(&complaint_id)?;
    let run = backend.complaints_desk.add_note(&caller, id, &complaint_note);
    crate::api::typed::keeping_typed("staff_add_complaint_note", &[("complaint_note", complaint_note.as_str())], run)
        .await?;
    crate::api::go(&format!("{}/{id}?done=note_added", crate::routes::STAFF_COMPLAINTS));
    Ok(())
}
