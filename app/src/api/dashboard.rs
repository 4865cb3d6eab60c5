use crate::dto::DashboardView;
use crate::error::AppError;
use leptos::prelude::*;

/// Numbers for the caller's dashboard.
#[server(prefix = "/api", endpoint = "dashboard")]
pub async fn dashboard() -> Result<DashboardView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.dashboards.dashboard(&caller).await
}
