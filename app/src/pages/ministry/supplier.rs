use crate::api::ministry::staff_decide_scope::StaffDecideScope;
use crate::api::ministry::staff_decide_supplier::StaffDecideSupplier;
use crate::api::ministry::staff_supplier::staff_supplier;
use crate::components::field::{LongText, Radios, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::format::file_size;
use crate::components::loaded::load_error;
use crate::components::page::{action_label, summary_row, NamedHeading};
use crate::components::pager::{page_param, Pager};
use crate::components::status::status_tag;
use crate::domain::{Lang, ScopeDecision};
use crate::dto::ministry::SupplierDetail;
use crate::i18n::use_i18n;
use crate::pages::DoneBanner;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use server_fn::ServerFn;

/// One supplier as staff review it: profile, documents, offerings, past decisions, and the
/// decision form.
#[component]
pub fn StaffSupplierPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || (id(), page_no.get()), |(id, page)| staff_supplier(id, Some(page)));
    view! {
        <DoneBanner/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(s) => detail(s).into_any(),
                    Err(e) => load_error(e, format!("{}/{}", routes::STAFF_SUPPLIERS, id())),
                }
            })}
        </Suspense>
    }
}

fn or_dash(v: Option<String>) -> String {
    v.filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into())
}

fn detail(s: SupplierDetail) -> impl IntoView {
    let i18n = use_i18n();
    let lang: Lang = i18n.lang();
    let status_view = status_tag(i18n.code("supplier_status", s.status.code()), s.status);
    let docs = s
        .documents
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <td>{i18n.code("staff-document", d.kind.code())}</td>
                    <td><a href=d.href.clone() download="">{d.file_name.clone()}</a></td>
                    <td class="app-nowrap">{file_size(lang, d.size_bytes)}</td>
                    <td class="app-nowrap">{d.uploaded_on.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let offerings = s
        .offerings
        .iter()
        .map(|o| {
            let href = format!("{}/{}", routes::STAFF_OFFERINGS, o.id);
            let above = o.ceiling.is_some_and(|c| o.price > c);
            view! {
                <tr>
                    <td><a href=href>{o.title.clone()}</a></td>
                    <td>{o.item_type.clone()}</td>
                    <td class="app-nowrap">
                        {o.price.format(lang)}
                        {above.then(|| view! { <br/><span class="app-muted">{i18n.t("staff-above-ceiling")}</span> })}
                    </td>
                    <td class="app-nowrap">{o.ceiling.map(|c| c.format(lang)).unwrap_or_default()}</td>
                    <td>{status_tag(i18n.code("staff-offering-status", o.status.code()), o.status)}</td>
                    <td>{o.status_reason.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let history = s
        .history
        .iter()
        .map(|h| {
            view! {
                <tr>
                    <td class="app-nowrap">{h.at.clone()}</td>
                    <td>{h.actor.clone()}</td>
                    <td>{action_label(&h.action)}</td>
                    <td>{h.reason.clone().unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    let offerings_page = s.page;
    let (has_docs, has_offerings, has_history) =
        (!s.documents.is_empty(), !s.offerings.is_empty(), !s.history.is_empty());
    let decisions = s.decisions.clone();
    let id = s.id;
    view! {
        <NamedHeading kind="staff-supplier-kind" name=s.legal_name.clone()/>
        <p>{i18n.t("staff-status")}": "{status_view}</p>
        {s.status_reason.clone().map(|r| view! { <div class="app-inset"><p><strong>{i18n.t("staff-reason")}</strong>" "{r}</p></div> })}
        <dl class="app-summary-list">
            {summary_row(i18n.t("staff-supplier-bin"), s.bin.clone())}
            {summary_row(i18n.t("staff-supplier-kind-label"), i18n.code("staff-supplier-kind", s.kind.code()))}
            {summary_row(i18n.t("staff-supplier-region"), s.region.clone())}
            {summary_row(i18n.t("staff-supplier-served"), s.regions_served.join(", "))}
            {summary_row(i18n.t("staff-supplier-categories"), s.categories.join(", "))}
            {summary_row(i18n.t("staff-supplier-address"), or_dash(s.address.clone()))}
            {summary_row(i18n.t("staff-supplier-contact"), or_dash(s.contact_person.clone()))}
            {summary_row(i18n.t("staff-supplier-phone"), or_dash(s.phone.clone()))}
            {summary_row(i18n.t("staff-supplier-email"), or_dash(s.email.clone()))}
            {summary_row(i18n.t("staff-supplier-applied"), or_dash(s.submitted_on.clone()))}
        </dl>
        <h2>{i18n.t("staff-supplier-documents")}</h2>
        {if has_docs {
            view! {
                <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="docs-caption">
                    <table class="app-table">
                        <caption id="docs-caption" class="app-visually-hidden">{i18n.t("staff-supplier-documents")}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("staff-document-kind")}</th>
                            <th scope="col">{i18n.t("staff-document-file")}</th>
                            <th scope="col">{i18n.t("staff-document-size")}</th>
                            <th scope="col">{i18n.t("staff-document-uploaded")}</th>
                        </tr></thead>
                        <tbody>{docs}</tbody>
                    </table>
                </div>
            }.into_any()
        } else {
            view! { <p>{i18n.t("staff-supplier-no-documents")}</p> }.into_any()
        }}
        {(!decisions.is_empty()).then(|| view! { <DecisionForm id decisions/> })}
        {(!s.requested_regions.is_empty() || !s.requested_categories.is_empty()).then(|| view! {
            <ScopeForm id regions=s.requested_regions.clone() categories=s.requested_categories.clone()/>
        })}
        <h2>{i18n.t("staff-supplier-offerings")}</h2>
        {if has_offerings {
            view! {
                <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="offerings-caption">
                    <table class="app-table">
                        <caption id="offerings-caption" class="app-visually-hidden">{i18n.t("staff-supplier-offerings")}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("staff-offering-title")}</th>
                            <th scope="col">{i18n.t("staff-item-type")}</th>
                            <th scope="col">{i18n.t("staff-price")}</th>
                            <th scope="col">{i18n.t("staff-ceiling")}</th>
                            <th scope="col">{i18n.t("staff-status")}</th>
                            <th scope="col">{i18n.t("staff-reason")}</th>
                        </tr></thead>
                        <tbody>{offerings}</tbody>
                    </table>
                </div>
                <Pager page=offerings_page/>
            }.into_any()
        } else {
            view! { <p>{i18n.t("staff-supplier-no-offerings")}</p> }.into_any()
        }}
        <h2>{i18n.t("staff-supplier-history")}</h2>
        {if has_history {
            view! {
                <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="history-caption">
                    <table class="app-table">
                        <caption id="history-caption" class="app-visually-hidden">{i18n.t("staff-supplier-history")}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("audit-when")}</th>
                            <th scope="col">{i18n.t("audit-who")}</th>
                            <th scope="col">{i18n.t("audit-what")}</th>
                            <th scope="col">{i18n.t("audit-why")}</th>
                        </tr></thead>
                        <tbody>{history}</tbody>
                    </table>
                </div>
            }.into_any()
        } else {
            view! { <p>{i18n.t("staff-supplier-no-history")}</p> }.into_any()
        }}
        <p><a href=routes::STAFF_SUPPLIERS>{i18n.t("staff-back-to-suppliers")}</a></p>
    }
}

#[component]
fn DecisionForm(id: i32, decisions: Vec<crate::domain::SupplierDecision>) -> impl IntoView {
    let i18n = use_i18n();
    let options: Vec<(String, String)> =
        decisions.iter().map(|d| (d.code().to_owned(), i18n.code("staff-decision", d.code()))).collect();
    view! {
        <h2 id="decision">{i18n.t("staff-decision-title")}</h2>
        <WithForm form="staff_decide_supplier" path=StaffDecideSupplier::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffDecideSupplier::PATH class="app-form" novalidate>
                <input type="hidden" name="supplier_id" value=id.to_string()/>
                <Radios spec={Spec::from_state(&state, "supplier_decision", i18n.t("staff-decision-legend"), "")} options=options.clone()/>
                <LongText spec={Spec::from_state(&state, "decision_reason", i18n.t("staff-decision-reason"), "").hint(i18n.t("staff-decision-reason-hint"))}/>
                <button type="submit" class="app-button">{i18n.t("staff-decision-submit")}</button>
            </form>
        </WithForm>
    }
}

/// The regions and categories an approved supplier added, waiting for a decision.
#[component]
fn ScopeForm(id: i32, regions: Vec<String>, categories: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let options: Vec<(String, String)> =
        ScopeDecision::ALL.iter().map(|d| (d.code().to_owned(), i18n.code("staff-scope", d.code()))).collect();
    view! {
        <h2 id="scope">{i18n.t("staff-scope-title")}</h2>
        <p>{i18n.t("staff-scope-lead")}</p>
        <dl class="app-summary-list">
            {(!regions.is_empty()).then(|| summary_row(i18n.t("staff-supplier-served"), regions.join(", ")))}
            {(!categories.is_empty()).then(|| summary_row(i18n.t("staff-supplier-categories"), categories.join(", ")))}
        </dl>
        <WithForm form="staff_decide_scope" path=StaffDecideScope::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffDecideScope::PATH class="app-form" novalidate>
                <input type="hidden" name="supplier_id" value=id.to_string()/>
                <Radios spec={Spec::from_state(&state, "scope_decision", i18n.t("staff-scope-legend"), "")} options=options.clone()/>
                <LongText spec={Spec::from_state(&state, "scope_reason", i18n.t("staff-decision-reason"), "").hint(i18n.t("staff-scope-reason-hint"))}/>
                <button type="submit" class="app-button">{i18n.t("staff-decision-submit")}</button>
            </form>
        </WithForm>
    }
}
