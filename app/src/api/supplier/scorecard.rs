use crate::dto::supplier::ScorecardView;
use crate::error::AppError;
use leptos::prelude::*;

/// The caller's scorecard and reviews.
#[server(prefix = "/api", endpoint = "supplier_scorecard")]
pub async fn supplier_scorecard() -> Result<ScorecardView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.quality.scorecard(&caller).await
}
