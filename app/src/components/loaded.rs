//! Shows what a page loaded, or why it could not: a visitor is sent to sign in (and back),
//! any other refusal is said in words with its HTTP status (403, 404, 409, 503, ...) and a
//! title, never a blank page or a 200.
use crate::components::url::encode;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use serde::{de::DeserializeOwned, Serialize};

/// The path and query of the page being rendered.
pub fn here() -> String {
    let location = use_location();
    let search = location.search.get_untracked();
    let path = location.pathname.get_untracked();
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// What a page shows instead of its content when its data could not be loaded: a visitor is
/// sent to sign in and back to `here` (the page's path and query); anything else gets its
/// status, a title and the reason in words.
pub fn load_error(e: AppError, here: String) -> AnyView {
    let i18n = use_i18n();
    if e == AppError::NotSignedIn {
        return view! { <Redirect path=format!("{}?next={}", crate::routes::SIGN_IN, encode(&here))/> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let (Some(res), Ok(status)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(e.status()))
    {
        res.set_status(status);
    }
    let title = match &e {
        AppError::NotFound => i18n.t("not-found-title"),
        AppError::Forbidden => i18n.t("forbidden-title"),
        _ => i18n.t("refused-title"),
    };
    // An account that has not proven whose record it is gets the way to prove it.
    let prove = (e == AppError::Refused(crate::domain::RefusalCode::NoOneToActFor))
        .then(|| view! { <p><a href="/account/identity">{i18n.t("identity-title")}</a></p> });
    view! {
        <crate::components::title::PageTitle text=title/>
        <p class="app-notice app-notice--error" role="alert">{i18n.err(e.code())}</p>
        {prove}
        <p><a href=crate::routes::HOME>{i18n.t("back-home")}</a></p>
    }
    .into_any()
}

/// A whole page refused before any of it rendered (see [`crate::components::guard::Guard`]):
/// its one heading says why, then the reason in words.
pub fn refused_page(e: AppError, here: String) -> AnyView {
    let i18n = use_i18n();
    let heading = match &e {
        AppError::NotFound => Some(i18n.t("not-found-title")),
        AppError::Forbidden => Some(i18n.t("forbidden-title")),
        AppError::NotSignedIn => None,
        _ => Some(i18n.t("refused-title")),
    };
    view! {
        {heading.map(|h| view! { <h1 class="app-heading">{h}</h1> })}
        {load_error(e, here)}
    }
    .into_any()
}

/// Renders `children` with the resource's value once loaded.
#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, children: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let here = here();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                let here = here.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(v) => children(v).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}
