use crate::api::supplier::offerings::supplier_offerings;
use crate::components::field::{Choice, Spec};
use crate::components::format::quantity;
use crate::components::loaded::{here, load_error};
use crate::components::pager::{page_param, Pager};
use crate::components::status::status_tag;
use crate::domain::SupplierStatus;
use crate::dto::supplier::{OfferingRow, OfferingsView};
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The supplier's offerings with a status filter, and the ways to add more.
#[component]
pub fn SupplierOfferingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let status = move || query.with(|q| q.get("status").unwrap_or_default());
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || (status(), page_no.get()), |(s, p)| supplier_offerings(s, Some(p)));
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-offerings-title"/>
        <p class="app-actions">
            <a class="app-button" href=r::OFFERING_NEW>{i18n.t("supplier-offering-new")}</a>
            <a class="app-button app-button--secondary" href=r::OFFERINGS_IMPORT>{i18n.t("supplier-offerings-import")}</a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(i18n, v, status()).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(i18n: I18n, v: OfferingsView, chosen: String) -> impl IntoView {
    let page = v.page;
    let total: u32 = v.counts.iter().map(|(_, n)| n).sum();
    let options: Vec<(String, String)> = v
        .counts
        .iter()
        .map(|(s, n)| (s.code().to_owned(), format!("{} ({n})", i18n.code("offering_status", s.code()))))
        .collect();
    let any = format!("{} ({total})", i18n.t("supplier-filter-any"));
    view! {
        {(v.supplier_status != SupplierStatus::Approved).then(|| view! {
            <div class="app-notice" role="note"><p>{i18n.t("supplier-offerings-not-approved")}</p></div>
        })}
        <form method="get" action=r::OFFERINGS class="app-form app-form--inline app-filters" role="search" aria-label=i18n.t("supplier-filter-label")>
            <Choice spec=Spec::new("status", i18n.t("supplier-filter-status")).value(chosen) options empty=any/>
            <button type="submit" class="app-button app-button--secondary">{i18n.t("supplier-filter-apply")}</button>
        </form>
        {if v.offerings.is_empty() {
            view! { <p>{i18n.t("supplier-offerings-empty")}</p> }.into_any()
        } else {
            table(i18n, v.offerings).into_any()
        }}
        <Pager page/>
    }
}

fn table(i18n: I18n, rows: Vec<OfferingRow>) -> impl IntoView {
    let lang = i18n.lang();
    let body = rows
        .into_iter()
        .map(|o| {
            let over = o.price > o.ceiling;
            let copay = over.then(|| i18n.ta("supplier-copay-per-unit", &[("amount", (o.price - o.ceiling).format(lang))]));
            let capacity = o.capacity.map(|c| quantity(&i18n, c, o.unit)).unwrap_or_else(|| i18n.t("supplier-capacity-by-dates"));
            let capacity = if o.kind.weekly_hours() { i18n.ta("supplier-capacity-per-week", &[("value", capacity)]) } else { capacity };
            view! {
                <tr>
                    <td><a href=r::offering(o.id)>{o.title}</a></td>
                    <td>{o.sku.unwrap_or_default()}</td>
                    <td>{o.item_type}</td>
                    <td class="app-nowrap">{o.price.format(lang)}{copay.map(|c| view! { <br/><span class="app-muted">{c}</span> })}</td>
                    <td>{status_tag(i18n.code("offering_status", o.status.code()), o.status)}</td>
                    <td>{capacity}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="offerings-caption">
            <table class="app-table">
                <caption id="offerings-caption" class="app-visually-hidden">{i18n.t("supplier-offerings-title")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("supplier-col-title")}</th>
                    <th scope="col">{i18n.t("supplier-col-sku")}</th>
                    <th scope="col">{i18n.t("supplier-col-item-type")}</th>
                    <th scope="col">{i18n.t("supplier-col-price")}</th>
                    <th scope="col">{i18n.t("supplier-col-status")}</th>
                    <th scope="col">{i18n.t("supplier-col-capacity")}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
