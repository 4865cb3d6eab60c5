//! `POST /lang`: the language switch. A plain form, so it works without JavaScript; the
//! choice is kept in a cookie and, when signed in, on the account.
use super::identify::LANG_COOKIE;
use super::AppState;
use crate::services::accounts::set_language;
use app::domain::Lang;
use app::ports::Caller;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

/// The form.
#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// The handler.
pub async fn set(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let next = form.next.filter(|n| app::routes::is_local_path(n)).unwrap_or_else(|| "/".into());
    let Some(lang) = Lang::from_code(&form.lang) else {
        return Redirect::to(&next).into_response();
    };
    if let Some(actor) = &caller.actor {
        if let Err(e) = set_language(&state.ctx.db, actor.account_id, lang).await {
            tracing::error!(error = %e, "saving the language failed");
        }
    }
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{}",
        lang.code(),
        if caller.secure_cookies { "; Secure" } else { "" }
    );
    ([(http::header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response()
}
