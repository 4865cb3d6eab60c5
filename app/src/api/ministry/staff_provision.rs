use crate::dto::ministry::ProvisionView;
use crate::error::AppError;
use leptos::prelude::*;

/// The provision dashboard for a period (the current year when the dates are empty).
#[server(prefix = "/api", endpoint = "staff_provision")]
pub async fn staff_provision(from: Option<String>, to: Option<String>) -> Result<ProvisionView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.provision.provision(&caller, &from.unwrap_or_default(), &to.unwrap_or_default()).await
}
