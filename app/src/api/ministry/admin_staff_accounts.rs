use crate::dto::ministry::StaffAccountRow;
use crate::error::AppError;
use leptos::prelude::*;

/// Every staff and admin account (admins only).
#[server(prefix = "/api", endpoint = "admin_staff_accounts")]
pub async fn admin_staff_accounts() -> Result<Vec<StaffAccountRow>, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.staff_accounts.staff(&caller).await
}
