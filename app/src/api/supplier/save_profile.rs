use crate::error::AppError;
use leptos::prelude::*;

/// Saves the organisation profile. Regions and categories are checkbox lists (`regions[]`).
#[server(prefix = "/api", endpoint = "supplier_save_profile")]
pub async fn save_supplier_profile(
    bin: String,
    legal_name: String,
    address: String,
    contact_person: String,
    phone: String,
    email: String,
    regions: Option<Vec<String>>,
    categories: Option<Vec<String>>,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let (regions, categories) = (regions.unwrap_or_default(), categories.unwrap_or_default());
    let (r, c) = (regions.join(","), categories.join(","));
    let typed = [
        ("bin", bin.as_str()),
        ("legal_name", &legal_name),
        ("address", &address),
        ("contact_person", &contact_person),
        ("phone", &phone),
        ("email", &email),
        ("regions", &r),
        ("categories", &c),
    ];
    let form = crate::ports::ProfileForm {
        bin: bin.clone(),
        legal_name: legal_name.clone(),
        address: address.clone(),
        contact_person: contact_person.clone(),
        phone: phone.clone(),
        email: email.clone(),
        regions,
        categories,
    };
    crate::api::typed::keeping_typed("supplier_profile", &typed, backend.supplier.profile.save(&caller, form)).await?;
    super::go("/supplier/profile?done=profile_saved");
    Ok(())
}
