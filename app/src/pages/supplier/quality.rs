use crate::api::supplier::scorecard::supplier_scorecard;
use crate::components::loaded::{here, load_error};
use crate::dto::supplier::ScorecardView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;

/// The supplier's own scorecard (orders delivered, share on time, complaints, rating) and
/// its reviews, each with its public reply or a link to write one.
#[component]
pub fn SupplierQualityPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| supplier_scorecard());
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-quality-title"/>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(i18n, v).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

/// A rating as text ("4.35 of 5"), never stars alone.
pub fn rating_text(i18n: I18n, x100: i32) -> String {
    let sep = if i18n.lang() == crate::domain::Lang::En { "." } else { "," };
    i18n.ta("supplier-rating-of-5", &[("rating", format!("{}{sep}{:02}", x100 / 100, x100 % 100))])
}

fn stat(label: String, value: String) -> impl IntoView {
    view! { <div class="app-stat"><dt class="app-stat__label">{label}</dt><dd class="app-stat__value">{value}</dd></div> }
}

fn page(i18n: I18n, v: ScorecardView) -> impl IntoView {
    let none = i18n.t("supplier-not-yet");
    let empty = v.reviews.is_empty();
    let reviews = v
        .reviews
        .into_iter()
        .map(|rv| {
            let rating = rating_text(i18n, i32::from(rv.rating) * 100);
            view! {
                <li class="app-card">
                    <h3 class="app-card__title">{rv.title.clone()}</h3>
                    <p class="app-card__meta">{format!("{} · {} · {}", rating, rv.on, rv.order_number)}</p>
                    <p>{rv.body.clone()}</p>
                    {match rv.reply.clone() {
                        Some(reply) => view! {
                            <div class="app-inset">
                                <p><strong>{i18n.t("supplier-your-reply")}</strong>" "{rv.replied_on.clone().unwrap_or_default()}</p>
                                <p>{reply}</p>
                            </div>
                        }.into_any(),
                        None => view! {
                            <p><a href=format!("{}/{}", r::REVIEWS, rv.id)>{i18n.t("supplier-reply")}<span class="app-visually-hidden">" — "{rv.title.clone()}" "{rv.on.clone()}</span></a></p>
                        }.into_any(),
                    }}
                </li>
            }
        })
        .collect_view();
    view! {
        <dl class="app-stats">
            {stat(i18n.t("supplier-score-delivered"), v.delivered.to_string())}
            {stat(i18n.t("supplier-score-on-time"), v.on_time_percent.map(|p| format!("{p} %")).unwrap_or_else(|| none.clone()))}
            {stat(i18n.t("supplier-score-complaints"), format!("{} / {}", v.complaints, v.open_complaints))}
            {stat(i18n.t("supplier-score-rating"), v.rating_x100.map(|x| rating_text(i18n, x)).unwrap_or_else(|| none.clone()))}
        </dl>
        <p class="app-muted">{i18n.t("supplier-score-complaints-hint")}</p>
        <h2>{i18n.t("supplier-reviews-title")}</h2>
        {if empty { view! { <p>{i18n.t("supplier-reviews-empty")}</p> }.into_any() } else { view! { <ul class="app-cards">{reviews}</ul> }.into_any() }}
    }
}
