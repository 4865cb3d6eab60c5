use super::order_actions::OrderActions;
use crate::api::supplier::order::supplier_order;
use crate::components::format::{due_text, due_view, quantity};
use crate::components::loaded::{here, load_error};
use crate::components::status::status_tag;
use crate::domain::OrderStatus;
use crate::dto::supplier::SupplierOrderView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One incoming order: what was asked, the agreed price split, deadlines, what the supplier
/// can do next, sessions recorded, complaints and the history the recipient also sees.
#[component]
pub fn SupplierOrderPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).and_then(|s| s.parse::<i32>().ok()).unwrap_or(0);
    let data = Resource::new(id, supplier_order);
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-order-title"/>
        <p><a href=r::ORDERS>{use_i18n().t("supplier-back-orders")}</a></p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(v).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn row(key: String, value: impl IntoView + 'static) -> impl IntoView {
    view! { <div class="app-summary-list__row"><dt class="app-summary-list__key">{key}</dt><dd class="app-summary-list__value">{value}</dd></div> }
}

fn page(v: SupplierOrderView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let details = v
        .details
        .iter()
        .map(|(k, val)| {
            let val = if k == "supplier-detail-mode" { i18n.t(&format!("mode-{val}")) } else { val.clone() };
            row(i18n.t(k), val)
        })
        .collect_view();
    let due = match v.status {
        OrderStatus::Placed => Some(row(i18n.t("supplier-accept-by"), due_view(i18n, &v.accept_by).into_any())),
        _ => v
            .deliver_by
            .as_ref()
            .filter(|_| !v.status.is_final() && !matches!(v.status, OrderStatus::Delivered | OrderStatus::Rendered))
            .map(|d| row(i18n.t("supplier-deliver-by"), due_view(i18n, d).into_any())),
    };
    view! {
        <p class="app-lead">{v.number.clone()}" · "{status_tag(i18n.code("order_status", v.status.code()), v.status)}</p>
        <dl class="app-summary-list">
            {row(i18n.t("supplier-col-title"), view! { <a href=r::offering(v.offering_id)>{v.title.clone()}</a> })}
            {row(i18n.t("supplier-col-quantity"), quantity(&i18n, v.quantity, v.unit))}
            {row(i18n.t("supplier-unit-price"), v.unit_price.format(lang))}
            {row(i18n.t("supplier-ceiling"), v.ceiling.format(lang))}
            {row(i18n.t("supplier-total"), v.split.total.format(lang))}
            {row(i18n.t("supplier-state-share"), v.split.state_share.format(lang))}
            {row(i18n.t("supplier-copay"), v.split.copay.format(lang))}
            {row(i18n.t("supplier-recipient"), v.recipient.clone())}
            {row(i18n.t("supplier-col-region"), v.region.clone())}
            {details}
            {row(i18n.t("supplier-col-placed"), v.placed_at.clone())}
            {due}
        </dl>
        <OrderActions v=v.clone()/>
        {sessions(i18n, &v)}
        {complaints(i18n, &v)}
        {timeline(i18n, &v)}
    }
}

fn sessions(i18n: I18n, v: &SupplierOrderView) -> impl IntoView {
    (v.unit == crate::domain::Unit::Hour).then(|| {
        let rows = v.sessions.iter().map(|s| view! { <tr><td>{s.date.clone()}</td><td>{s.hours}</td></tr> }).collect_view();
        view! {
            <h2 id="sessions-title">{i18n.t("supplier-sessions-title")}</h2>
            <p>{i18n.ta("supplier-hours-rendered", &[("done", v.hours_rendered.to_string()), ("total", v.quantity.to_string())])}</p>
            {(!v.sessions.is_empty()).then(|| view! {
                <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="sessions-title">
                    <table class="app-table">
                        <thead><tr><th scope="col">{i18n.t("supplier-col-date")}</th><th scope="col">{i18n.t("supplier-col-hours")}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
        }
    })
}

fn complaints(i18n: I18n, v: &SupplierOrderView) -> impl IntoView {
    (!v.complaints.is_empty()).then(|| {
        let items = v
            .complaints
            .iter()
            .map(|c| {
                let when = if c.response.is_some() { i18n.t("supplier-complaint-answered") } else { due_text(i18n, &c.due) };
                view! { <li><a href=r::complaint(c.id)>{i18n.ta("supplier-complaint-of", &[("date", c.received_on.clone())])}</a>" — "{when}</li> }
            })
            .collect_view();
        view! {
            <h2>{i18n.t("supplier-complaints-title")}</h2>
            <ul>{items}</ul>
        }
    })
}

fn timeline(i18n: I18n, v: &SupplierOrderView) -> impl IntoView {
    let last = v.events.len().saturating_sub(1);
    let items = v
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let class = if i == last {
                "app-timeline__item app-timeline__item--current"
            } else {
                "app-timeline__item app-timeline__item--done"
            };
            view! {
                <li class=class>
                    <span class="app-timeline__title">{i18n.code("order_status", e.status.code())}</span>
                    <span class="app-timeline__date">{e.at.clone()}{e.by.clone().map(|b| format!(" · {b}"))}</span>
                    {e.note.clone().map(|n| view! { <p>{n}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.t("supplier-timeline-title")}</h2>
        <ol class="app-timeline">{items}</ol>
    }
}
