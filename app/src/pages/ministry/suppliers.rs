use crate::api::ministry::staff_supplier_queue::staff_supplier_queue;
use crate::components::field::{Choice, Input, Spec};
use crate::components::loaded::load_error;
use crate::components::page::SubNav;
use crate::components::pager::Pager;
use crate::components::status::status_tag;
use crate::components::url::query_string;
use crate::domain::SupplierStatus;
use crate::dto::ministry::SupplierQueue;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// Statuses staff switch between, in the order of the work.
const TABS: [SupplierStatus; 5] = [
    SupplierStatus::Pending,
    SupplierStatus::Approved,
    SupplierStatus::Suspended,
    SupplierStatus::Rejected,
    SupplierStatus::Removed,
];

/// The supplier approval queue: pending applications oldest first, and the other statuses.
#[component]
pub fn StaffSuppliersPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || query.with(|q| (q.get("status"), q.get("q"), q.get("region"), q.get("page")));
    let data = Resource::new(args, |(s, q, r, p)| staff_supplier_queue(s, q, r, p));
    view! {
        <DoneBanner/>
        <PageHeading key="staff-suppliers-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => queue_view(v).into_any(),
                    Err(e) => load_error(e, routes::STAFF_SUPPLIERS.into()),
                }
            })}
        </Suspense>
    }
}

fn queue_view(v: SupplierQueue) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let (q, region) = query.with_untracked(|m| (m.get("q").unwrap_or_default(), m.get("region").unwrap_or_default()));
    let status = v.status;
    let tabs: Vec<(String, String, bool)> = TABS
        .iter()
        .map(|s| {
            let href = format!("{}{}", routes::STAFF_SUPPLIERS, query_string(&[("status", s.code().into())]));
            (href, i18n.code("supplier_status", s.code()), *s == status)
        })
        .collect();
    let scope = match &v.own_region {
        Some(r) => i18n.ta("staff-scope-region", &[("region", r.clone())]),
        None => i18n.t("staff-scope-country"),
    };
    let region_filter = (!v.regions.is_empty()).then(|| {
        let spec = Spec::new("region", i18n.t("staff-filter-region")).value(region.clone());
        view! { <Choice spec=spec options=v.regions.clone() empty=i18n.t("staff-all-regions")/> }
    });
    let page = v.page;
    let (q2, r2) = (q.clone(), region.clone());
    let href: Arc<dyn Fn(u32) -> String + Send + Sync> = Arc::new(move |p| {
        format!(
            "{}{}",
            routes::STAFF_SUPPLIERS,
            query_string(&[
                ("status", status.code().into()),
                ("q", q2.clone()),
                ("region", r2.clone()),
                ("page", p.to_string())
            ])
        )
    });
    let rows = v
        .rows
        .into_iter()
        .map(|s| {
            let href = format!("{}/{}", routes::STAFF_SUPPLIERS, s.id);
            let waiting =
                s.waiting_days.map(|d| i18n.ta("staff-days", &[("count", d.to_string())])).unwrap_or_default();
            view! {
                <tr>
                    <td><a href=href>{s.legal_name}</a></td>
                    <td class="app-nowrap">{s.bin}</td>
                    <td>{s.region}</td>
                    <td class="app-nowrap">{s.submitted_on.unwrap_or_default()}</td>
                    <td class="app-nowrap">{waiting}</td>
                    <td>{s.documents}</td>
                    <td>{status_tag(i18n.code("supplier_status", s.status.code()), s.status)}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = page.total == 0;
    view! {
        <p>{scope}</p>
        <SubNav label="staff-suppliers-tabs" items=tabs/>
        <form method="get" action=routes::STAFF_SUPPLIERS class="app-form app-form--inline" role="search">
            <input type="hidden" name="status" value=status.code()/>
            <Input spec=Spec::new("q", i18n.t("staff-suppliers-search")).kind("search").value(q)/>
            {region_filter}
            <button type="submit" class="app-button">{i18n.t("search-submit")}</button>
        </form>
        <p role="status">{i18n.ta("staff-suppliers-count", &[("count", page.total.to_string())])}</p>
        {(!empty).then(|| view! {
            <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="suppliers-caption">
                <table class="app-table">
                    <caption id="suppliers-caption">{i18n.code("supplier_status", status.code())}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("staff-supplier-name")}</th>
                        <th scope="col">{i18n.t("staff-supplier-bin")}</th>
                        <th scope="col">{i18n.t("staff-supplier-region")}</th>
                        <th scope="col">{i18n.t("staff-supplier-applied")}</th>
                        <th scope="col">{i18n.t("staff-supplier-waiting")}</th>
                        <th scope="col">{i18n.t("staff-supplier-documents")}</th>
                        <th scope="col">{i18n.t("staff-status")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
        <Pager page href/>
    }
}
