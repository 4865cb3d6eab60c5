use crate::dto::supplier::ProfileView;
use crate::error::AppError;
use leptos::prelude::*;

/// The caller's organisation profile and where it stands with the ministry.
#[server(prefix = "/api", endpoint = "supplier_profile")]
pub async fn supplier_profile() -> Result<ProfileView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.profile.profile(&caller).await
}
