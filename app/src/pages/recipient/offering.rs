use crate::api::recipient::offering_get::offering_get;
use crate::components::format::money;
use crate::components::loaded::Loaded;
use crate::components::title::PageTitle;
use crate::dto::recipient::OfferingView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// An offering: price against the ceiling, parameters, supplier scorecard, reviews.
#[component]
pub fn OfferingPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let data = Resource::new(id, offering_get);
    view! {
        <Loaded resource=data let:view>
            {page(view)}
        </Loaded>
    }
}

fn row(key: String, value: String) -> impl IntoView {
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{key}</dt>
            <dd class="app-summary-list__value">{value}</dd>
        </div>
    }
}

fn page(v: OfferingView) -> impl IntoView {
    let i18n = use_i18n();
    let OfferingView { card, description, params, regions, supplier, reviews, can_order } = v;
    let who =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("for")).and_then(|v| v.parse::<i32>().ok());
    let order_href = format!("/order/{}{}", card.id, super::for_suffix(who, true));
    let sign_in_href = format!("/sign-in?next=/offerings/{}", card.id);
    let pay = if card.copay.tiyn() > 0 {
        i18n.ta("offering-you-pay", &[("amount", money(&i18n, card.copay)), ("ceiling", money(&i18n, card.ceiling))])
    } else {
        i18n.ta("offering-no-copay", &[("ceiling", money(&i18n, card.ceiling))])
    };
    let scorecard = vec![
        (i18n.t("supplier-approved-on"), supplier.approved_on.clone().unwrap_or_else(|| "—".into())),
        (i18n.t("supplier-delivered"), supplier.delivered.to_string()),
        (i18n.t("supplier-on-time"), supplier.on_time_percent.map(|p| format!("{p} %")).unwrap_or_else(|| "—".into())),
        (i18n.t("supplier-complaints"), supplier.complaints.to_string()),
        (i18n.t("supplier-regions"), supplier.regions.join(", ")),
    ];
    let reviews_view = if reviews.is_empty() {
        view! { <p>{i18n.t("offering-no-reviews")}</p> }.into_any()
    } else {
        reviews
            .into_iter()
            .map(|r| {
                let stars = i18n.ta("review-rating", &[("rating", r.rating.to_string())]);
                view! {
                    <article class="app-card">
                        <p><strong>{stars}</strong>" · "<span class="app-muted">{r.on}</span></p>
                        <p>{r.body}</p>
                        {r.reply.map(|reply| view! { <div class="app-inset"><p><strong>{i18n.t("review-reply")}</strong>" "{reply}</p></div> })}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <PageTitle text=card.title.clone()/>
        <h1 class="app-heading">{card.title.clone()}</h1>
        <p class="app-lead">{card.item_type.clone()}" · "{card.supplier.clone()}</p>
        <div class="app-price">
            <p class="app-price__row">{i18n.t("offering-price")}" "<strong>{money(&i18n, card.price)}</strong></p>
            <p class="app-price__row">{i18n.t("offering-ceiling")}" "{money(&i18n, card.ceiling)}</p>
            <p class="app-price__row app-price__copay">{pay}</p>
        </div>
        {if can_order {
            view! { <p><a class="app-button" href=order_href>{i18n.t("offering-order")}</a></p> }.into_any()
        } else {
            view! { <p><a href=sign_in_href>{i18n.t("offering-sign-in-to-order")}</a></p> }.into_any()
        }}
        <h2>{i18n.t("offering-description")}</h2>
        <p>{description}</p>
        {(!params.is_empty()).then(|| view! {
            <h2>{i18n.t("offering-parameters")}</h2>
            <dl class="app-summary-list">{params.into_iter().map(|(k, v)| row(k, v)).collect_view()}</dl>
        })}
        <p>{i18n.ta("offering-lead-time", &[("days", card.lead_time_days.to_string())])}</p>
        <p>{i18n.t("offering-regions")}" "{regions.join(", ")}</p>
        <h2>{i18n.ta("offering-supplier", &[("name", supplier.name.clone())])}</h2>
        <dl class="app-summary-list">{scorecard.into_iter().map(|(k, v)| row(k, v)).collect_view()}</dl>
        <h2>{i18n.t("offering-reviews")}</h2>
        {reviews_view}
    }
}
