use crate::error::AppError;
use leptos::prelude::*;

/// Reports a problem: opens a complaint with a deadline.
#[server(prefix = "/api", endpoint = "order_report")]
pub async fn order_report(order: String, problem: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = super::order_id(&order)?;
    let run = backend.my_orders.report_problem(&caller, id, problem.clone());
    crate::api::typed::keeping_typed("order_report", &[("problem", &problem)], run).await?;
    crate::api::go(&format!("/orders/{id}?done=reported"));
    Ok(())
}
