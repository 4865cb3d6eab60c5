use crate::error::AppError;
use leptos::prelude::*;

/// Forgets the unsaved draft of an offering form and shows the form again.
#[server(prefix = "/api", endpoint = "supplier_discard_offering_draft")]
pub async fn discard_offering_draft(key: String, back: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.supplier.offerings.discard_draft(&caller, crate::domain::DraftKey::parse(&key)).await?;
    let to = Some(back)
        .filter(|b| crate::routes::is_local_path(b))
        .unwrap_or_else(|| crate::routes::supplier::OFFERINGS.into());
    super::go(&to);
    Ok(())
}
