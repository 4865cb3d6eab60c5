use crate::api::supplier::complaints::supplier_complaints;
use crate::components::format::due_view;
use crate::components::loaded::{here, load_error};
use crate::components::pager::{page_param, Pager};
use crate::components::status::status_tag;
use crate::domain::ComplaintStatus;
use crate::dto::supplier::ComplaintRow;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Complaints about the supplier's orders, unanswered first, each with days left to answer.
#[component]
pub fn SupplierComplaintsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || page_no.get(), |p| supplier_complaints(Some(p)));
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-complaints-title"/>
        <p>{i18n.t("supplier-complaints-lead")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(list) if list.rows.is_empty() => view! { <p>{i18n.t("supplier-complaints-empty")}</p> }.into_any(),
                        Ok(list) => {
                            let page = list.page;
                            view! { {table(i18n, list.rows)}<Pager page/> }.into_any()
                        }
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn table(i18n: I18n, list: Vec<ComplaintRow>) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|c| view! {
            <tr>
                <td><a href=r::complaint(c.id)>{i18n.ta("supplier-complaint-of", &[("date", c.received_on.clone())])}</a></td>
                <td><a href=r::order(c.order_id)>{c.order_number.clone()}</a></td>
                <td>{status_tag(i18n.code("complaint_status", c.status.code()), c.status)}</td>
                <td>{if c.response.is_none() && c.status == ComplaintStatus::Open { due_view(i18n, &c.due).into_any() } else { c.responded_on.clone().unwrap_or_default().into_any() }}</td>
            </tr>
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="complaints-caption">
            <table class="app-table">
                <caption id="complaints-caption" class="app-visually-hidden">{i18n.t("supplier-complaints-title")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("supplier-col-complaint")}</th>
                    <th scope="col">{i18n.t("supplier-col-number")}</th>
                    <th scope="col">{i18n.t("supplier-col-status")}</th>
                    <th scope="col">{i18n.t("supplier-col-answer-by")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
