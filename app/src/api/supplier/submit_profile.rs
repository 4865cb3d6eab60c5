use crate::error::AppError;
use leptos::prelude::*;

/// Sends the profile to the ministry for approval.
#[server(prefix = "/api", endpoint = "supplier_submit_profile")]
pub async fn submit_supplier_profile() -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.profile.submit(&caller).await?;
    super::go("/supplier/profile?done=profile_submitted");
    Ok(())
}
