use crate::dto::supplier::StatementView;
use crate::error::AppError;
use leptos::prelude::*;

/// The reimbursement statement of a month (`YYYY-MM`, empty for this month).
#[server(prefix = "/api", endpoint = "supplier_statement")]
pub async fn supplier_statement(month: String) -> Result<StatementView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.money.statement(&caller, &month).await
}
