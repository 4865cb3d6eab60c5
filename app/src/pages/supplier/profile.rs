use crate::api::supplier::profile::supplier_profile;
use crate::api::supplier::save_profile::SaveSupplierProfile;
use crate::api::supplier::submit_profile::SubmitSupplierProfile;
use crate::components::field::{Checkboxes, Input, Spec};
use crate::components::form::{ErrorSummary, FormState, WithForm};
use crate::components::loaded::{here, load_error};
use crate::components::status::status_tag;
use crate::dto::supplier::ProfileView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use server_fn::ServerFn;

/// The organisation's profile: where it stands with the ministry and why, what is still
/// missing, the form, and the history of decisions.
#[component]
pub fn SupplierProfilePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| supplier_profile());
    let here = here();
    view! {
        <DoneBanner/>
        <WithForm form="supplier_profile" path=SaveSupplierProfile::PATH let:state>
            {
                let here = here.clone();
                view! {
                    <ErrorSummary state=state.clone()/>
                    <PageHeading key="supplier-profile-title"/>
                    <Suspense fallback=|| ()>
                        {move || {
                            let (state, here) = (state.clone(), here.clone());
                            Suspend::new(async move {
                                match data.await {
                                    Ok(p) => page(p, state).into_any(),
                                    Err(e) => load_error(e, here),
                                }
                            })
                        }}
                    </Suspense>
                }
            }
        </WithForm>
    }
}

fn page(p: ProfileView, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {status_panel(i18n, &p)}
        {if p.can_edit { form(i18n, &p, state).into_any() } else { read_only(i18n, &p).into_any() }}
        {decisions(i18n, &p)}
    }
}

fn status_panel(i18n: I18n, p: &ProfileView) -> impl IntoView {
    let status = p.status;
    let missing = p.missing.clone();
    let needs_docs = missing.iter().any(|m| m.starts_with("missing-document"));
    view! {
        <section class="app-inset" aria-labelledby="status-title">
            <h2 id="status-title">{i18n.t("supplier-status-title")}</h2>
            <p>{i18n.t("dashboard-supplier-status")}" "{status_tag(i18n.code("supplier_status", status.code()), status)}</p>
            <p>{i18n.t(&format!("dashboard-supplier-{}", status.code()))}</p>
            {p.reason.clone().map(|r| view! { <p><strong>{i18n.t("dashboard-reason")}</strong>" "{r}</p> })}
            {p.submitted_on.clone().map(|d| view! { <p>{i18n.ta("supplier-submitted-on", &[("date", d)])}</p> })}
            {p.decided_on.clone().map(|d| view! { <p>{i18n.ta("supplier-decided-on", &[("date", d)])}</p> })}
            {(!missing.is_empty()).then(|| view! {
                <h3>{i18n.t("supplier-missing-title")}</h3>
                <ul>{missing.into_iter().map(|m| view! { <li>{i18n.t(&m)}</li> }).collect_view()}</ul>
                {needs_docs.then(|| view! { <p><a href=r::DOCUMENTS>{i18n.t("supplier-go-documents")}</a></p> })}
            })}
            {p.can_submit.then(|| view! {
                <form method="post" action=SubmitSupplierProfile::PATH class="app-form">
                    <p>{i18n.t("supplier-submit-lead")}</p>
                    <button type="submit" class="app-button">{i18n.t("supplier-submit")}</button>
                </form>
            })}
        </section>
    }
}

fn listed(state: &FormState, field: &str, saved: &[String]) -> Vec<String> {
    if state.error.is_some() {
        state.value(field).split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
    } else {
        saved.to_vec()
    }
}

fn form(i18n: I18n, p: &ProfileView, state: FormState) -> impl IntoView {
    let v = |field: &str, saved: &str| state.value_or(field, saved);
    let e = |field: &str| state.field_error(field);
    let identity = if p.identity_locked {
        view! {
            <input type="hidden" name="bin" value=p.bin.clone()/>
            <input type="hidden" name="legal_name" value=p.legal_name.clone()/>
            <dl class="app-summary-list">
                <div class="app-summary-list__row"><dt class="app-summary-list__key">{i18n.t("field-bin")}</dt><dd class="app-summary-list__value">{p.bin.clone()}</dd></div>
                <div class="app-summary-list__row"><dt class="app-summary-list__key">{i18n.t("supplier-field-legal_name")}</dt><dd class="app-summary-list__value">{p.legal_name.clone()}</dd></div>
            </dl>
            <p class="app-muted">{i18n.t("supplier-identity-locked")}</p>
        }
        .into_any()
    } else {
        view! {
            <Input spec=Spec::new("bin", i18n.t("field-bin")).hint(i18n.t("field-bin-hint")).value(v("bin", &p.bin)).error(e("bin")).numeric().required()/>
            <Input spec=Spec::new("legal_name", i18n.t("supplier-field-legal_name")).value(v("legal_name", &p.legal_name)).error(e("legal_name")).autocomplete("organization").required()/>
        }
        .into_any()
    };
    let regions = listed(&state, "regions", &p.regions);
    let categories = listed(&state, "categories", &p.categories);
    let waiting: Vec<String> = p
        .all_regions
        .iter()
        .filter(|n| p.pending_regions.contains(&n.code))
        .chain(p.all_categories.iter().filter(|n| p.pending_categories.contains(&n.code)))
        .map(|n| n.name.clone())
        .collect();
    view! {
        <h2>{i18n.t("supplier-profile-form-title")}</h2>
        {(!waiting.is_empty()).then(|| view! {
            <div class="app-notice" role="note"><p>{i18n.t("supplier-scope-pending")}" "{waiting.join(", ")}</p></div>
        })}
        <form method="post" action=SaveSupplierProfile::PATH class="app-form" novalidate>
            {identity}
            <Input spec=Spec::new("address", i18n.t("supplier-field-address")).value(v("address", &p.address)).error(e("address")).autocomplete("street-address").required()/>
            <Input spec=Spec::new("contact_person", i18n.t("supplier-field-contact_person")).value(v("contact_person", &p.contact_person)).error(e("contact_person")).autocomplete("name").required()/>
            <Input spec=Spec::new("phone", i18n.t("supplier-field-phone")).hint(i18n.t("supplier-field-phone-hint")).value(v("phone", &p.phone)).error(e("phone")).kind("tel").autocomplete("tel").required()/>
            <Input spec=Spec::new("email", i18n.t("supplier-field-email")).value(v("email", &p.email)).error(e("email")).kind("email").autocomplete("email").required()/>
            <Checkboxes spec=Spec::new("regions", i18n.t("supplier-field-regions")).hint(i18n.t("supplier-field-regions-hint")).error(e("regions")) options=p.all_regions.clone() checked=regions/>
            <Checkboxes spec=Spec::new("categories", i18n.t("supplier-field-categories")).hint(i18n.t("supplier-field-categories-hint")).error(e("categories")) options=p.all_categories.clone() checked=categories/>
            <button type="submit" class="app-button">{i18n.t("supplier-profile-save")}</button>
        </form>
    }
}

fn read_only(i18n: I18n, p: &ProfileView) -> impl IntoView {
    let names = |codes: &[String], all: &[crate::dto::supplier::Named]| {
        all.iter().filter(|n| codes.contains(&n.code)).map(|n| n.name.clone()).collect::<Vec<_>>().join(", ")
    };
    let rows = vec![
        (i18n.t("field-bin"), p.bin.clone()),
        (i18n.t("supplier-field-legal_name"), p.legal_name.clone()),
        (i18n.t("supplier-field-address"), p.address.clone()),
        (i18n.t("supplier-field-contact_person"), p.contact_person.clone()),
        (i18n.t("supplier-field-phone"), p.phone.clone()),
        (i18n.t("supplier-field-email"), p.email.clone()),
        (i18n.t("supplier-field-regions"), names(&p.regions, &p.all_regions)),
        (i18n.t("supplier-field-categories"), names(&p.categories, &p.all_categories)),
    ];
    view! {
        <h2>{i18n.t("supplier-profile-form-title")}</h2>
        <dl class="app-summary-list">
            {rows.into_iter().map(|(k, v)| view! {
                <div class="app-summary-list__row"><dt class="app-summary-list__key">{k}</dt><dd class="app-summary-list__value">{v}</dd></div>
            }).collect_view()}
        </dl>
        <p><a href=r::ORDERS>{i18n.t("supplier-see-open-orders")}</a></p>
    }
}

fn decisions(i18n: I18n, p: &ProfileView) -> impl IntoView {
    (!p.decisions.is_empty()).then(|| {
        let rows = p
            .decisions
            .iter()
            .map(|d| view! { <tr><td>{d.on.clone()}</td><td>{i18n.code("decision", &d.action)}</td><td>{d.reason.clone().unwrap_or_default()}</td></tr> })
            .collect_view();
        view! {
            <h2 id="decisions-title">{i18n.t("supplier-decisions-title")}</h2>
            <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="decisions-title">
                <table class="app-table">
                    <thead><tr>
                        <th scope="col">{i18n.t("supplier-col-date")}</th>
                        <th scope="col">{i18n.t("supplier-col-decision")}</th>
                        <th scope="col">{i18n.t("supplier-col-reason")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    })
}
