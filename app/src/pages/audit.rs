use crate::api::audit_search::audit_search;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

/// The audit log for staff: a GET search form and the matching entries.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.with(|q| q.get("q").unwrap_or_default());
    let entries = Resource::new(q, |q| audit_search(q));
    view! {
        <PageHeading key="audit-title"/>
        <form method="get" action=routes::STAFF_AUDIT class="app-form app-form--inline" role="search">
            <div class="app-field">
                <label class="app-field__label" for="f-q">{i18n.t("audit-search")}</label>
                <input class="app-input" id="f-q" name="q" type="search" value=q/>
            </div>
            <button type="submit" class="app-button">{i18n.t("search-submit")}</button>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(list) if list.is_empty() => view! { <p>{i18n.t("audit-empty")}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="audit-caption">
                        <table class="app-table">
                            <caption id="audit-caption" class="app-visually-hidden">{i18n.t("audit-title")}</caption>
                            <thead><tr>
                                <th scope="col">{i18n.t("audit-when")}</th>
                                <th scope="col">{i18n.t("audit-who")}</th>
                                <th scope="col">{i18n.t("audit-what")}</th>
                                <th scope="col">{i18n.t("audit-object")}</th>
                                <th scope="col">{i18n.t("audit-why")}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|e| view! {
                                    <tr><td>{e.at}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.object}</td><td>{e.reason.unwrap_or_default()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any(),
                    Err(AppError::NotSignedIn) => view! { <Redirect path=format!("{}?next={}", routes::SIGN_IN, routes::STAFF_AUDIT)/> }.into_any(),
                    Err(e) => view! { <p class="app-notice app-notice--error" role="alert">{i18n.err(e.code())}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
