use crate::api::reference::categories::categories;
use crate::components::me::use_session;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;

/// What the portal is, its four categories, and the way in.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let cats = Resource::new(|| (), |_| categories());
    view! {
        <DoneBanner/>
        <PageHeading key="home-title"/>
        <p class="app-lead">{i18n.t("home-lead")}</p>
        <h2>{i18n.t("home-categories")}</h2>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match cats.await {
                    Ok(list) => view! {
                        <ul class="app-cards">
                            {list.into_iter().map(|c| {
                                let desc = i18n.t_if(&format!("category-{}-about", c.code)).map(|d| view! { <p>{d}</p> });
                                let count = i18n.ta("home-offerings-count", &[("count", c.offerings.to_string())]);
                                view! {
                                    <li class="app-card">
                                        <h3 class="app-card__title"><a href=format!("{}?category={}&region=all", routes::CATALOGUE, c.code)>{c.name}</a></h3>
                                        {desc}
                                        <p class="app-card__meta">{count}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <p class="app-notice app-notice--error">{i18n.err(e.code())}</p> }.into_any(),
                }
            })}
        </Suspense>
        <h2>{i18n.t("home-how")}</h2>
        <ol class="app-steps">
            <li>{i18n.t("home-step-1")}</li>
            <li>{i18n.t("home-step-2")}</li>
            <li>{i18n.t("home-step-3")}</li>
        </ol>
        {use_session().is_none().then(|| view! {
            <p class="app-actions">
                <a class="app-button" href=routes::SIGN_IN>{i18n.t("nav-sign-in")}</a>
                <a class="app-button app-button--secondary" href=routes::SIGN_UP>{i18n.t("nav-sign-up")}</a>
            </p>
        })}
    }
}
