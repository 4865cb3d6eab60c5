use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;

/// 404: the page does not exist (the status is set on the server).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <PageHeading key="not-found-title"/>
        <p>{i18n.t("not-found-text")}</p>
        <p><a href=routes::HOME>{i18n.t("back-home")}</a></p>
    }
}

/// Shown when something broke while a page was built: no details, a way on.
#[component]
pub fn ErrorPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    let i18n = use_i18n();
    view! {
        <PageHeading key="error-title"/>
        <p>{i18n.t("error-text")}</p>
        <p><a href=routes::HOME>{i18n.t("back-home")}</a></p>
    }
}
