use crate::api::recipient::orders_list::orders_list;
use crate::components::acting_for::{for_param, ActingForSwitch};
use crate::components::format::money;
use crate::components::loaded::Loaded;
use crate::components::pager::{page_param, Pager};
use crate::components::status::status_tag;
use crate::dto::orders::OrdersView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// "My orders": each order's status and the deadline that matters now.
#[component]
pub fn OrdersPage() -> impl IntoView {
    let who = for_param();
    let query = use_query_map();
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || (who.get(), page_no.get()), |(who, page)| orders_list(who, Some(page)));
    view! {
        <DoneBanner/>
        <PageHeading key="orders-title"/>
        <Loaded resource=data let:view>
            {page(view)}
        </Loaded>
    }
}

fn page(v: OrdersView) -> impl IntoView {
    let i18n = use_i18n();
    let page = v.page;
    let list = if v.orders.is_empty() {
        view! { <p>{i18n.t("orders-none")}" "<a href=routes::CATALOGUE>{i18n.t("nav-catalogue")}</a></p> }.into_any()
    } else {
        let rows = v
            .orders
            .into_iter()
            .map(|o| {
                let href = format!("{}/{}", routes::ORDERS, o.id);
                view! {
                    <tr>
                        <td><a href=href>{o.number}</a></td>
                        <td>{o.title}<br/><span class="app-muted">{o.supplier}</span></td>
                        <td>{status_tag(i18n.code("order_status", o.status.code()), o.status)}</td>
                        <td class="app-nowrap">{o.placed_on}</td>
                        <td class="app-nowrap">{o.due.unwrap_or_else(|| "—".into())}</td>
                        <td class="app-nowrap">{money(&i18n, o.copay)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="orders-caption">
                <table class="app-table">
                    <caption id="orders-caption" class="app-visually-hidden">{i18n.t("orders-title")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("order-number")}</th>
                        <th scope="col">{i18n.t("order-item")}</th>
                        <th scope="col">{i18n.t("order-status")}</th>
                        <th scope="col">{i18n.t("order-placed-on")}</th>
                        <th scope="col">{i18n.t("order-due")}</th>
                        <th scope="col">{i18n.t("order-you-pay")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <ActingForSwitch acting=v.acting_for action=routes::ORDERS/>
        {list}
        <Pager page/>
    }
}
