use crate::api::supplier::statement::supplier_statement;
use crate::components::field::{Choice, Spec};
use crate::components::loaded::{here, load_error};
use crate::dto::supplier::StatementView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::PageHeading;
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The monthly reimbursement statement: the orders confirmed by recipients that month, the
/// state share payable, co-payments collected, totals, and the CSV download.
#[component]
pub fn SupplierStatementsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let month = move || query.with(|q| q.get("month").unwrap_or_default());
    let data = Resource::new(month, supplier_statement);
    let here = here();
    view! {
        <PageHeading key="supplier-statements-title"/>
        <p>{i18n.t("supplier-statements-lead")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(i18n, v).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(i18n: I18n, v: StatementView) -> impl IntoView {
    let lang = i18n.lang();
    let chosen = v.month.clone();
    let months: Vec<(String, String)> = v.months.iter().map(|m| (m.clone(), m.clone())).collect();
    let rows = v
        .lines
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <td><a href=r::order(l.order_id)>{l.number.clone()}</a></td>
                    <td class="app-nowrap">{l.confirmed_on.clone()}</td>
                    <td>{l.title.clone()}</td>
                    <td>{l.quantity}</td>
                    <td class="app-nowrap">{l.unit_price.format(lang)}</td>
                    <td class="app-nowrap">{l.total.format(lang)}</td>
                    <td class="app-nowrap">{l.state_share.format(lang)}</td>
                    <td class="app-nowrap">{l.copay.format(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = i18n.ta("supplier-statement-caption", &[("month", v.month.clone())]);
    view! {
        <form method="get" action=r::STATEMENTS class="app-form app-form--inline app-filters" aria-label=i18n.t("supplier-statement-choose")>
            <Choice spec=Spec::new("month", i18n.t("supplier-field-month")).value(chosen) options=months no_empty=true/>
            <button type="submit" class="app-button app-button--secondary">{i18n.t("supplier-statement-show")}</button>
        </form>
        <dl class="app-stats">
            <div class="app-stat"><dt class="app-stat__label">{i18n.t("supplier-state-share")}</dt><dd class="app-stat__value">{v.state_share.format(lang)}</dd></div>
            <div class="app-stat"><dt class="app-stat__label">{i18n.t("supplier-copay-collected")}</dt><dd class="app-stat__value">{v.copay.format(lang)}</dd></div>
            <div class="app-stat"><dt class="app-stat__label">{i18n.t("supplier-orders-confirmed")}</dt><dd class="app-stat__value">{v.lines.len()}</dd></div>
        </dl>
        <p><a class="app-button app-button--secondary" href=v.csv_href.clone() download="">{i18n.ta("supplier-statement-download", &[("month", v.month.clone())])}</a></p>
        {if v.lines.is_empty() {
            view! { <p>{i18n.t("supplier-statement-empty")}</p> }.into_any()
        } else {
            view! {
                <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="statement-caption">
                    <table class="app-table">
                        <caption id="statement-caption">{caption}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("supplier-col-number")}</th>
                            <th scope="col">{i18n.t("supplier-col-confirmed")}</th>
                            <th scope="col">{i18n.t("supplier-col-title")}</th>
                            <th scope="col">{i18n.t("supplier-col-quantity")}</th>
                            <th scope="col">{i18n.t("supplier-unit-price")}</th>
                            <th scope="col">{i18n.t("supplier-total")}</th>
                            <th scope="col">{i18n.t("supplier-state-share")}</th>
                            <th scope="col">{i18n.t("supplier-copay")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot><tr>
                            <th scope="row" colspan="5">{i18n.t("supplier-statement-totals")}</th>
                            <td class="app-nowrap"><strong>{v.total.format(lang)}</strong></td>
                            <td class="app-nowrap"><strong>{v.state_share.format(lang)}</strong></td>
                            <td class="app-nowrap"><strong>{v.copay.format(lang)}</strong></td>
                        </tr></tfoot>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
