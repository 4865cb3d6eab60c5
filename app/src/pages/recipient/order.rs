use super::order_actions::Actions;
use crate::api::recipient::order_get::order_get;
use crate::components::format::{money, quantity};
use crate::components::loaded::Loaded;
use crate::components::status::status_tag;
use crate::components::title::PageTitle;
use crate::domain::OrderStatus;
use crate::dto::orders::OrderView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// One order: where it stands, what happens next and by when, its history, and what the
/// recipient can do now.
#[component]
pub fn OrderPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let data = Resource::new(id, order_get);
    view! {
        <Loaded resource=data let:view>
            {page(view)}
        </Loaded>
    }
}

/// What happens next, in plain words, for each status.
fn next_step(v: &OrderView) -> (String, Vec<(&'static str, String)>) {
    let key = format!("order-next-{}", v.status.code());
    let args = vec![("accept_by", v.accept_by.clone()), ("deliver_by", v.deliver_by.clone().unwrap_or_default())];
    (key, args)
}

fn page(v: OrderView) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let placed = query.with_untracked(|q| q.get("done")) == Some("placed".into());
    let done =
        query.with_untracked(|q| q.get("done")).filter(|d| d != "placed" && d.chars().all(|c| c.is_ascii_lowercase()));
    let (next_key, next_args) = next_step(&v);
    let title = i18n.ta("order-title", &[("number", v.number.clone())]);
    let mut rows: Vec<(String, String)> = vec![
        (i18n.t("order-item"), v.title.clone()),
        (i18n.t("order-supplier"), v.supplier.clone()),
        (i18n.t("order-for"), v.recipient.clone()),
        (i18n.t("order-quantity"), quantity(&i18n, v.quantity, v.unit)),
        (i18n.t("order-total"), money(&i18n, v.split.total)),
        (i18n.t("order-state-pays"), money(&i18n, v.split.state_share)),
        (i18n.t("order-you-pay"), money(&i18n, v.split.copay)),
        (i18n.t("order-placed-on"), v.placed_at.clone()),
    ];
    if let Some(rep) = &v.placed_by_representative {
        rows.push((i18n.t("order-placed-by"), i18n.ta("order-by-representative", &[("name", rep.clone())])));
    }
    for (k, val) in &v.details {
        let val = if k == "order-detail-mode" { i18n.t(&format!("mode-{val}")) } else { val.clone() };
        rows.push((i18n.t(k), val));
    }
    let timeline = v
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let last = i + 1 == v.events.len();
            let class = if last { "app-timeline__item app-timeline__item--current" } else { "app-timeline__item app-timeline__item--done" };
            let by = e.by.clone().map(|b| i18n.ta("order-event-by", &[("name", b)]));
            view! {
                <li class=class aria-current=last.then_some("step")>
                    <span class="app-visually-hidden">{i18n.t(if last { "timeline-current" } else { "timeline-done" })}" "</span>
                    <p class="app-timeline__title">{i18n.code("order_status", e.status.code())}</p>
                    <p class="app-timeline__date">{e.at.clone()}{by.map(|b| format!(" · {b}"))}</p>
                    {e.note.clone().map(|n| view! { <p>{n}</p> })}
                </li>
            }
        })
        .collect_view();
    let upcoming = match v.status {
        OrderStatus::Placed => Some(i18n.ta("timeline-accept-by", &[("date", v.accept_by.clone())])),
        OrderStatus::Accepted | OrderStatus::Scheduled | OrderStatus::InDelivery => {
            v.deliver_by.clone().map(|d| i18n.ta("timeline-deliver-by", &[("date", d)]))
        }
        OrderStatus::Delivered | OrderStatus::Rendered => Some(i18n.t("timeline-confirm")),
        _ => None,
    };
    view! {
        <PageTitle text=title.clone()/>
        <h1 class="app-heading">{title}</h1>
        {placed.then(|| view! {
            <div class="app-notice app-notice--success" role="status">
                <h2>{i18n.t("order-placed-title")}</h2>
                <p>{i18n.ta("order-placed-number", &[("number", v.number.clone())])}</p>
                <p>{i18n.ta("order-placed-next", &[("date", v.accept_by.clone())])}</p>
            </div>
        })}
        {done.map(|d| view! { <div class="app-notice app-notice--success" role="status"><p>{i18n.t(&format!("done-{d}"))}</p></div> })}
        <p>{i18n.t("order-status")}": "{status_tag(i18n.code("order_status", v.status.code()), v.status)}</p>
        <p class="app-inset">{i18n.ta(&next_key, &next_args)}</p>
        <h2>{i18n.t("order-history")}</h2>
        <ol class="app-timeline">
            {timeline}
            {upcoming.map(|u| view! {
                <li class="app-timeline__item">
                    <span class="app-visually-hidden">{i18n.t("timeline-next")}" "</span>
                    <p class="app-timeline__title">{u}</p>
                </li>
            })}
        </ol>
        <h2>{i18n.t("order-details")}</h2>
        <dl class="app-summary-list">
            {rows.into_iter().map(|(k, val)| view! {
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{k}</dt>
                    <dd class="app-summary-list__value">{val}</dd>
                </div>
            }).collect_view()}
        </dl>
        <Actions order=v/>
    }
}
