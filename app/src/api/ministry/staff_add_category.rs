use crate::error::AppError;
use leptos::prelude::*;

/// Creates a catalogue category.
#[server(prefix = "/api", endpoint = "staff_add_category")]
pub async fn staff_add_category(
    cat_code: String,
    cat_name_kk: String,
    cat_name_ru: String,
    cat_name_en: String,
    cat_unit: Option<String>,
    cat_kind: Option<String>,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let unit = cat_unit.unwrap_or_default();
    let kind = cat_kind.unwrap_or_default();
    let typed = [
        ("cat_code", cat_code.as_str()),
        ("cat_name_kk", cat_name_kk.as_str()),
        ("cat_name_ru", cat_name_ru.as_str()),
        ("cat_name_en", cat_name_en.as_str()),
        ("cat_unit", unit.as_str()),
        ("cat_kind", kind.as_str()),
    ];
    let form = crate::dto::ministry::CategoryForm {
        code: cat_code.clone(),
        name_kk: cat_name_kk.clone(),
        name_ru: cat_name_ru.clone(),
        name_en: cat_name_en.clone(),
        unit: unit.clone(),
        kind: kind.clone(),
    };
    let run = backend.catalogue_admin.add_category(&caller, form);
    crate::api::typed::keeping_typed("staff_add_category", &typed, run).await?;
    crate::api::go(&format!("{}?done=category_added", crate::routes::STAFF_CATALOGUE));
    Ok(())
}
