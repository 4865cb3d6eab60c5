use super::for_suffix;
use crate::api::recipient::entitlements_list::entitlements_list;
use crate::components::acting_for::{for_param, ActingForSwitch};
use crate::components::format::{money, quantity, quantity_of};
use crate::components::loaded::Loaded;
use crate::components::pager::{page_param, Pager};
use crate::components::status::status_tag;
use crate::dto::recipient::{EntitlementView, EntitlementsView};
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// "My entitlements": what the state owes, what is left, and the orders placed against it.
#[component]
pub fn EntitlementsPage() -> impl IntoView {
    let who = for_param();
    let query = use_query_map();
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || (who.get(), page_no.get()), |(who, page)| entitlements_list(who, Some(page)));
    view! {
        <PageHeading key="entitlements-title"/>
        <Loaded resource=data let:view>
            {page(view, who.get_untracked())}
        </Loaded>
    }
}

fn page(view: EntitlementsView, who: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    let EntitlementsView { acting_for, current, other, page } = view;
    // Entitlements in force come first, so a later page without any simply has none left.
    let current_list = if current.is_empty() {
        (page.page == 1).then(|| view! { <p>{i18n.t("entitlements-none")}</p> }).into_any()
    } else {
        current.into_iter().map(|e| card(e, true, who)).collect_view().into_any()
    };
    view! {
        <ActingForSwitch acting=acting_for action=routes::ENTITLEMENTS/>
        <p class="app-lead">{i18n.t("entitlements-lead")}</p>
        {current_list}
        {(!other.is_empty()).then(|| view! {
            <h2>{i18n.t("entitlements-other")}</h2>
            {other.into_iter().map(|e| card(e, false, who)).collect_view()}
        })}
        <Pager page/>
    }
}

fn card(e: EntitlementView, usable: bool, who: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("ent-{}", e.id);
    let ceiling = e.ceiling.map(|c| money(&i18n, c)).unwrap_or_else(|| "—".into());
    let choose = (usable && e.remaining > 0).then(|| {
        let href = format!("{}?item_type={}{}", routes::CATALOGUE, e.item_type_code, for_suffix(who, false));
        view! { <p><a class="app-button" href=href>{i18n.ta("entitlements-choose", &[("item", e.item_type.clone())])}</a></p> }
    });
    let orders = (!e.orders.is_empty()).then(|| {
        let rows = e
            .orders
            .iter()
            .map(|o| {
                let href = format!("{}/{}", routes::ORDERS, o.id);
                view! {
                    <tr>
                        <td><a href=href>{o.number.clone()}</a></td>
                        <td>{status_tag(i18n.code("order_status", o.status.code()), o.status)}</td>
                        <td>{quantity(&i18n, o.quantity, e.unit)}</td>
                        <td>{o.placed_on.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="app-table-wrap">
                <table class="app-table">
                    <caption>{i18n.t("entitlements-orders")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("order-number")}</th>
                        <th scope="col">{i18n.t("order-status")}</th>
                        <th scope="col">{i18n.t("order-quantity")}</th>
                        <th scope="col">{i18n.t("order-placed-on")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section class="app-card" aria-labelledby=heading_id.clone()>
            <h2 class="app-card__title" id=heading_id.clone()>{e.item_type.clone()}</h2>
            <dl class="app-summary-list">
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{i18n.t("entitlements-remaining")}</dt>
                    <dd class="app-summary-list__value">
                        {i18n.ta("entitlements-remaining-of", &[("remaining", e.remaining.to_string()), ("granted", quantity_of(&i18n, e.granted, e.unit))])}
                    </dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{i18n.t("entitlements-valid")}</dt>
                    <dd class="app-summary-list__value">{i18n.ta("entitlements-valid-range", &[("from", e.valid_from.clone()), ("to", e.valid_to.clone())])}</dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{i18n.t("entitlements-ceiling")}</dt>
                    <dd class="app-summary-list__value">{ceiling}</dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{i18n.t("entitlements-ipr")}</dt>
                    <dd class="app-summary-list__value">{e.ipr_number.clone()}</dd>
                </div>
            </dl>
            {orders}
            {choose}
        </section>
    }
}
