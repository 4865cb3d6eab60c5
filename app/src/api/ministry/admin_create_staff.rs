use crate::error::AppError;
use leptos::prelude::*;

/// Creates a staff or admin account with a first password the admin hands over.
#[server(prefix = "/api", endpoint = "admin_create_staff")]
pub async fn admin_create_staff(
    staff_email: String,
    staff_name: String,
    staff_region: Option<String>,
    staff_role: Option<String>,
    staff_password: String,
) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let (region, role) = (staff_region.unwrap_or_default(), staff_role.unwrap_or_default());
    let typed = [
        ("staff_email", staff_email.as_str()),
        ("staff_name", staff_name.as_str()),
        ("staff_region", region.as_str()),
        ("staff_role", role.as_str()),
    ];
    let form = crate::ports::NewStaffForm {
        email: staff_email.clone(),
        name: staff_name.clone(),
        region: region.clone(),
        role: role.clone(),
        password: staff_password,
    };
    let run = backend.staff_accounts.create(&caller, form);
    crate::api::typed::keeping_typed("admin_create_staff", &typed, run).await?;
    crate::api::go(&format!("{}?done=staff_created", crate::routes::ADMIN_STAFF));
    Ok(())
}
