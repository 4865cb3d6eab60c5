use crate::api::recipient::order_check::order_check;
use crate::api::recipient::order_confirm::OrderConfirm;
use crate::components::acting_for::for_param;
use crate::components::form::{refusal_for, ErrorSummary, FormState};
use crate::components::format::{money, quantity};
use crate::components::loaded::Loaded;
use crate::dto::orders::OrderCheckView;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// Check your answers: what it costs, what the state pays, what you pay, before anything is
/// committed.
#[component]
pub fn OrderCheckPage() -> impl IntoView {
    let params = use_params_map();
    let who = for_param();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let data = Resource::new(move || (id(), who.get()), |(id, who)| order_check(id, who));
    let refusal = refusal_for(OrderConfirm::PATH);
    let back = move || format!("/order/{}{}", id(), super::for_suffix(who.get(), true));
    view! {
        <ErrorSummary state=FormState { error: refusal.get_untracked(), typed: Vec::new() }/>
        <PageHeading key="order-check-title"/>
        <Loaded resource=data let:view>
            {page(view)}
        </Loaded>
        <p><a href=back>{move || use_i18n().t("order-back-to-questions")}</a></p>
    }
}

fn row(key: String, value: String, change: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{key.clone()}</dt>
            <dd class="app-summary-list__value">{value}</dd>
            {change.map(|href| view! {
                <dd class="app-summary-list__action">
                    <a href=href>{i18n.t("order-change")}<span class="app-visually-hidden">" "{key}</span></a>
                </dd>
            })}
        </div>
    }
}

fn page(v: OrderCheckView) -> impl IntoView {
    let i18n = use_i18n();
    let change = format!("/order/{}{}", v.offering_id, super::for_suffix(v.for_recipient.parse().ok(), true));
    let unit = v.offering.unit;
    let mut rows = vec![
        (i18n.t("order-item"), v.offering.title.clone(), None),
        (i18n.t("order-supplier"), v.offering.supplier.clone(), None),
        (i18n.t("order-entitlement"), v.ipr_number.clone(), Some(change.clone())),
        (i18n.t("order-quantity"), quantity(&i18n, v.quantity, unit), Some(change.clone())),
    ];
    if v.acting_for.as_representative {
        rows.insert(0, (i18n.t("order-for"), v.acting_for.current.name.clone(), None));
    }
    for (key, value) in &v.details {
        let value = if key == "order-detail-mode" { i18n.t(&format!("mode-{value}")) } else { value.clone() };
        rows.push((i18n.t(key), value, Some(change.clone())));
    }
    let plain = if v.split.copay.tiyn() > 0 {
        i18n.ta(
            "order-you-pay-plain",
            &[("copay", money(&i18n, v.split.copay)), ("ceiling", money(&i18n, v.offering.ceiling))],
        )
    } else {
        i18n.t("order-nothing-to-pay")
    };
    view! {
        <dl class="app-summary-list">{rows.into_iter().map(|(k, v, c)| row(k, v, c)).collect_view()}</dl>
        <h2>{i18n.t("order-cost")}</h2>
        <dl class="app-summary-list app-price">
            {row(i18n.t("order-total"), i18n.ta("order-total-of", &[("price", money(&i18n, v.offering.price)), ("quantity", quantity(&i18n, v.quantity, unit)), ("total", money(&i18n, v.split.total))]), None)}
            {row(i18n.t("order-state-pays"), money(&i18n, v.split.state_share), None)}
            {row(i18n.t("order-you-pay"), money(&i18n, v.split.copay), None)}
        </dl>
        <p class="app-inset"><strong>{plain}</strong></p>
        <form method="post" action=OrderConfirm::PATH class="app-form">
            <input type="hidden" name="offering" value=v.offering_id.to_string()/>
            <input type="hidden" name="for_recipient" value=v.for_recipient.clone()/>
            <input type="hidden" name="key" value=v.idempotency_key.clone()/>
            <input type="hidden" name="terms" value=v.terms.clone()/>
            <button type="submit" class="app-button">{i18n.t("order-confirm")}</button>
        </form>
    }
}
