use crate::api::dashboard::dashboard;
use crate::dto::DashboardView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;

/// The signed-in account's home: what needs attention for this role.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| dashboard());
    view! {
        <DoneBanner/>
        <PageHeading key="dashboard-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => dashboard_view(view).into_any(),
                    Err(e) => crate::components::loaded::load_error(e, routes::DASHBOARD.into()),
                }
            })}
        </Suspense>
    }
}

fn stat(label: String, value: u32) -> impl IntoView {
    view! {
        <div class="app-stat">
            <dt class="app-stat__label">{label}</dt>
            <dd class="app-stat__value">{value}</dd>
        </div>
    }
}

fn dashboard_view(v: DashboardView) -> impl IntoView {
    let i18n = use_i18n();
    match v {
        DashboardView::Recipient { open_entitlements, active_orders, acting_for, linked } => view! {
            {(!linked).then(|| view! {
                <div class="app-notice" role="note">
                    <p>{i18n.t("dashboard-prove-identity")}</p>
                    <p><a href="/account/identity">{i18n.t("identity-title")}</a></p>
                </div>
            })}
            <dl class="app-stats">
                {stat(i18n.t("dashboard-open-entitlements"), open_entitlements)}
                {stat(i18n.t("dashboard-active-orders"), active_orders)}
            </dl>
            <p class="app-actions">
                <a class="app-button" href=routes::ENTITLEMENTS>{i18n.t("nav-entitlements")}</a>
                <a class="app-button app-button--secondary" href=routes::CATALOGUE>{i18n.t("nav-catalogue")}</a>
                <a class="app-button app-button--secondary" href=routes::ORDERS>{i18n.t("nav-orders")}</a>
            </p>
            {(!acting_for.is_empty()).then(|| view! {
                <h2>{i18n.t("dashboard-acting-for")}</h2>
                <ul>{acting_for.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
        }
        .into_any(),
        DashboardView::Supplier { status, reason, published_offerings, open_orders } => {
            let status_text = i18n.code("supplier_status", status.code());
            let explain = i18n.t(&format!("dashboard-supplier-{}", status.code()));
            view! {
                <p>{i18n.t("dashboard-supplier-status")}" "{crate::components::status::status_tag(status_text, status)}</p>
                <p>{explain}</p>
                {reason.map(|r| view! { <p><strong>{i18n.t("dashboard-reason")}</strong>" "{r}</p> })}
                <dl class="app-stats">
                    {stat(i18n.t("dashboard-published-offerings"), published_offerings)}
                    {stat(i18n.t("dashboard-open-orders"), open_orders)}
                </dl>
            }
            .into_any()
        }
        DashboardView::Staff { pending_suppliers, open_complaints, region } => view! {
            <p>{match region {
                Some(r) => i18n.ta("dashboard-staff-regional", &[("region", r)]),
                None => i18n.t("dashboard-staff-central"),
            }}</p>
            <dl class="app-stats">
                {stat(i18n.t("dashboard-pending-suppliers"), pending_suppliers)}
                {stat(i18n.t("dashboard-open-complaints"), open_complaints)}
            </dl>
            <p><a href=routes::STAFF_AUDIT>{i18n.t("nav-audit")}</a></p>
        }
        .into_any(),
    }
}
