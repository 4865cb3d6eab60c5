use crate::error::AppError;
use leptos::prelude::*;

/// Records a service session and the hours rendered.
#[server(prefix = "/api", endpoint = "supplier_record_session")]
pub async fn record_session(id: String, session_date: String, hours: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    let run = backend.supplier.orders.record_session(&caller, id, &session_date, &hours);
    crate::api::typed::keeping_typed("record_session", &[("session_date", &session_date), ("hours", &hours)], run)
        .await?;
    super::go(&format!("/supplier/orders/{id}?done=session_recorded"));
    Ok(())
}
