use crate::dto::account::SecondFactorKey;
use crate::error::AppError;
use leptos::prelude::*;

/// The secret to set up the second factor with (QR code and text).
#[server(prefix = "/api", endpoint = "second_factor_setup")]
pub async fn second_factor_setup() -> Result<SecondFactorKey, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    backend.security.second_factor_setup(&caller).await
}
