use crate::dto::supplier::ApiKeysView;
use crate::error::AppError;
use leptos::prelude::*;

/// Cookie carrying a key just made to the page that shows it, once.
#[cfg(feature = "ssr")]
const NEW_KEY_COOKIE: &str = "ssp_new_api_key";

/// The caller's API keys, and a key made a moment ago (shown this once).
#[server(prefix = "/api", endpoint = "supplier_api_keys")]
pub async fn supplier_api_keys() -> Result<ApiKeysView, AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let mut view = backend.supplier.api_keys.list(&caller).await?;
    view.new_key = crate::api::once::take(NEW_KEY_COOKIE, caller.secure_cookies)
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|k| k.len() <= 100 && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'));
    Ok(view)
}

/// Makes a key with a label and shows it once on the keys page.
#[server(prefix = "/api", endpoint = "supplier_create_api_key")]
pub async fn supplier_create_api_key(label: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.supplier.api_keys.create(&caller, &label);
    let key = crate::api::typed::keeping_typed("create_api_key", &[("label", &label)], run).await?;
    crate::api::once::hand_over(NEW_KEY_COOKIE, key.as_bytes(), caller.secure_cookies);
    super::go("/supplier/api-keys?done=api_key_created");
    Ok(())
}

/// Revokes one of the caller's keys at once.
#[server(prefix = "/api", endpoint = "supplier_revoke_api_key")]
pub async fn supplier_revoke_api_key(id: String) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = crate::api::parse_id(&id)?;
    backend.supplier.api_keys.revoke(&caller, id).await?;
    super::go("/supplier/api-keys?done=api_key_revoked");
    Ok(())
}
