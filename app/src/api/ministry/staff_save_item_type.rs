use crate::error::AppError;
use leptos::prelude::*;

/// Creates an item type (no `item_type_id`) or changes one, then shows it.
#[server(prefix = "/api", endpoint = "staff_save_item_type")]
pub async fn staff_save_item_type(
    item_type_id: Option<String>,
    category: Option<String>,
    code: Option<String>,
    name_kk: String,
    name_ru: String,
    name_en: String,
    unit: Option<String>,
    replacement_months: String,
    param_schema: String,
    active: Option<String>,
    ceiling: Option<String>,
    ceiling_from: Option<String>,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let id = item_type_id.filter(|s| !s.is_empty()).map(|s| super::parse_id(&s)).transpose()?;
    let form = crate::dto::ministry::ItemTypeForm {
        category: category.unwrap_or_default(),
        code: code.unwrap_or_default(),
        name_kk,
        name_ru,
        name_en,
        unit: unit.unwrap_or_default(),
        replacement_months,
        param_schema,
        active: active.unwrap_or_default(),
        ceiling: ceiling.unwrap_or_default(),
        ceiling_from: ceiling_from.unwrap_or_default(),
    };
    let f = form.clone();
    let typed = [
        ("category", f.category.as_str()),
        ("code", f.code.as_str()),
        ("name_kk", f.name_kk.as_str()),
        ("name_ru", f.name_ru.as_str()),
        ("name_en", f.name_en.as_str()),
        ("unit", f.unit.as_str()),
        ("replacement_months", f.replacement_months.as_str()),
        ("param_schema", f.param_schema.as_str()),
        ("active", f.active.as_str()),
        ("ceiling", f.ceiling.as_str()),
        ("ceiling_from", f.ceiling_from.as_str()),
    ];
    let run = backend.catalogue_admin.save_item_type(&caller, id, form);
    let saved = crate::api::typed::keeping_typed("staff_save_item_type", &typed, run).await?;
    crate::api::go(&format!("{}/{saved}?done=item_type_saved", crate::routes::STAFF_ITEM_TYPES));
    Ok(())
}
