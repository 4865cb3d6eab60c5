use crate::error::AppError;
use leptos::prelude::*;

/// Signs in and goes to the dashboard (or to `next`, when it is a page of the portal).
#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let (backend, caller) = crate::ports::backend_and_caller()?;
    let run = backend.accounts.sign_in(&caller, &email, &password);
    let signed = crate::api::typed::keeping_typed("sign_in", &[("email", &email)], run).await?;
    let to = next.filter(|n| crate::routes::is_local_path(n)).unwrap_or_else(|| crate::routes::DASHBOARD.into());
    let to = match signed.next {
        crate::ports::NextStep::Done => to,
        step => {
            let page = if step == crate::ports::NextStep::SecondFactor {
                crate::routes::SECOND_FACTOR
            } else {
                crate::routes::SECOND_FACTOR_SET_UP
            };
            format!("{page}?next={}", crate::components::url::encode(&to))
        }
    };
    super::set_cookie_and_go(&signed.set_cookie, &to);
    Ok(())
}
