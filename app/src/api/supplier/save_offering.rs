use crate::error::AppError;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Creates (empty `id`) or updates an offering. A refused form is kept as a server-side
/// draft, so nothing typed is lost even on a reload.
#[server(prefix = "/api", endpoint = "supplier_save_offering")]
pub async fn save_offering(
    id: String,
    item_type: String,
    sku: String,
    title_kk: String,
    title_ru: String,
    title_en: String,
    description_kk: String,
    description_ru: String,
    description_en: String,
    price: String,
    lead_time_days: String,
    capacity: Option<String>,
    regions: Option<Vec<String>>,
    params: Option<BTreeMap<String, String>>,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = if id.trim().is_empty() { None } else { Some(crate::api::parse_id(&id)?) };
    let form = crate::dto::supplier::OfferingForm {
        item_type,
        sku,
        title_kk,
        title_ru,
        title_en,
        description_kk,
        description_ru,
        description_en,
        price,
        lead_time_days,
        capacity: capacity.unwrap_or_default(),
        regions: regions.unwrap_or_default(),
        params: params.unwrap_or_default(),
    };
    let saved = backend.supplier.offerings.save(&caller, id, form).await?;
    super::go(&format!("/supplier/offerings/{saved}?done=offering_saved"));
    Ok(())
}
