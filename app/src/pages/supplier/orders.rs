use crate::api::supplier::inbox::supplier_inbox;
use crate::components::field::{Choice, Spec};
use crate::components::format::{due_view, quantity};
use crate::components::loaded::{here, load_error};
use crate::components::pager::{page_param, Pager};
use crate::components::status::status_tag;
use crate::domain::{OrderStatus, SupplierStatus};
use crate::dto::supplier::InboxView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Incoming orders with filters by status and deadline; overdue ones come first.
#[component]
pub fn SupplierOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = move || query.with(|q| (q.get("status").unwrap_or_default(), q.get("deadline").unwrap_or_default()));
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || (filter(), page_no.get()), |((s, d), p)| supplier_inbox(s, d, Some(p)));
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-orders-title"/>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                let (status, deadline) = filter();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(i18n, v, status, deadline).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(i18n: I18n, v: InboxView, status: String, deadline: String) -> impl IntoView {
    let inactive = matches!(v.supplier_status, SupplierStatus::Suspended | SupplierStatus::Removed);
    let mut statuses: Vec<(String, String)> =
        vec![("open".into(), i18n.t("supplier-filter-open")), ("all".into(), i18n.t("supplier-filter-any"))];
    statuses.extend(OrderStatus::ALL.iter().map(|s| (s.code().to_owned(), i18n.code("order_status", s.code()))));
    let status_now = if status.is_empty() { "open".to_owned() } else { status };
    let deadlines: Vec<(String, String)> =
        [("", "supplier-filter-any"), ("overdue", "supplier-filter-overdue"), ("soon", "supplier-filter-soon")]
            .into_iter()
            .map(|(code, key)| (code.to_owned(), i18n.t(key)))
            .collect();
    view! {
        {inactive.then(|| view! { <div class="app-notice" role="note"><p>{i18n.t("supplier-orders-inactive")}</p></div> })}
        <form method="get" action=r::ORDERS class="app-form app-form--inline app-filters" role="search" aria-label=i18n.t("supplier-filter-label")>
            <Choice spec=Spec::new("status", i18n.t("supplier-filter-status")).value(status_now) options=statuses no_empty=true/>
            <Choice spec=Spec::new("deadline", i18n.t("supplier-filter-deadline")).value(deadline) options=deadlines no_empty=true/>
            <button type="submit" class="app-button app-button--secondary">{i18n.t("supplier-filter-apply")}</button>
        </form>
        {if v.rows.is_empty() { view! { <p>{i18n.t("supplier-orders-empty")}</p> }.into_any() } else { table(i18n, v).into_any() }}
    }
}

fn table(i18n: I18n, v: InboxView) -> impl IntoView {
    let page = v.page;
    let count = page.total;
    let rows = v
        .rows
        .into_iter()
        .map(|o| {
            view! {
                <tr>
                    <td><a href=r::order(o.id)>{o.number}</a></td>
                    <td>{o.title}</td>
                    <td class="app-nowrap">{quantity(&i18n, o.quantity, o.unit)}</td>
                    <td>{o.region}</td>
                    <td class="app-nowrap">{o.placed_on}</td>
                    <td>{status_tag(i18n.code("order_status", o.status.code()), o.status)}</td>
                    <td>{o.due.map(|d| due_view(i18n, &d))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>{i18n.ta("supplier-orders-count", &[("count", count.to_string())])}</p>
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="orders-caption">
            <table class="app-table">
                <caption id="orders-caption" class="app-visually-hidden">{i18n.t("supplier-orders-title")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("supplier-col-number")}</th>
                    <th scope="col">{i18n.t("supplier-col-title")}</th>
                    <th scope="col">{i18n.t("supplier-col-quantity")}</th>
                    <th scope="col">{i18n.t("supplier-col-region")}</th>
                    <th scope="col">{i18n.t("supplier-col-placed")}</th>
                    <th scope="col">{i18n.t("supplier-col-status")}</th>
                    <th scope="col">{i18n.t("supplier-col-due")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager page/>
    }
}
