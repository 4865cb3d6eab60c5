use super::offering_form::OfferingFormView;
use crate::api::supplier::offering::supplier_offering;
use crate::api::supplier::set_offering_slot::SetOfferingSlot;
use crate::api::supplier::set_offering_status::SetOfferingStatus;
use crate::components::field::{Input, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::{here, load_error};
use crate::components::status::status_tag;
use crate::domain::CategoryKind;
use crate::dto::supplier::OfferingEditView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// One offering: its status with publish or withdraw, the form, and for a sanatorium its
/// dated course starts with places.
#[component]
pub fn SupplierOfferingPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).and_then(|s| s.parse::<i32>().ok()).unwrap_or(0);
    let data = Resource::new(id, supplier_offering);
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-offering-title"/>
        <p><a href=r::OFFERINGS>{use_i18n().t("supplier-back-offerings")}</a></p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(v).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(v: OfferingEditView) -> impl IntoView {
    let i18n = use_i18n();
    let id = v.id.unwrap_or_default();
    let back = r::offering(id);
    let sanatorium = v.item_type.kind == CategoryKind::Course;
    view! {
        {status_panel(i18n, &v)}
        <h2>{i18n.t("supplier-offering-edit-title")}</h2>
        <OfferingFormView v=v.clone() back/>
        {sanatorium.then(|| slots(i18n, &v))}
    }
}

fn status_panel(i18n: I18n, v: &OfferingEditView) -> impl IntoView {
    let id = v.id.unwrap_or_default().to_string();
    let status = v.status.unwrap_or(crate::domain::OfferingStatus::Draft);
    let action = |action: &'static str, label: String, class: &'static str| {
        view! {
            <form method="post" action=SetOfferingStatus::PATH>
                <input type="hidden" name="id" value=id.clone()/>
                <input type="hidden" name="action" value=action/>
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    view! {
        <section class="app-inset" aria-labelledby="offering-status-title">
            <h2 id="offering-status-title">{i18n.t("supplier-offering-status-title")}</h2>
            <p>{status_tag(i18n.code("offering_status", status.code()), status)}" "{i18n.t(&format!("supplier-offering-status-{}", status.code()))}</p>
            {v.status_reason.clone().map(|reason| view! { <p><strong>{i18n.t("dashboard-reason")}</strong>" "{reason}</p> })}
            {(v.open_orders > 0).then(|| view! { <p>{i18n.ta("supplier-offering-open-orders", &[("count", v.open_orders.to_string())])}</p> })}
            {(!v.publish_blockers.is_empty()).then(|| view! {
                <p>{i18n.t("supplier-offering-cannot-publish")}</p>
                <ul>{v.publish_blockers.iter().map(|b| view! { <li>{i18n.err(b)}</li> }).collect_view()}</ul>
            })}
            <div class="app-actions">
                {v.can_publish.then(|| action("publish", i18n.t("supplier-offering-publish"), "app-button"))}
                {v.can_withdraw.then(|| action("withdraw", i18n.t("supplier-offering-withdraw"), "app-button app-button--warning"))}
            </div>
        </section>
    }
}

fn slots(i18n: I18n, v: &OfferingEditView) -> impl IntoView {
    let id = v.id.unwrap_or_default().to_string();
    let rows = v
        .slots
        .iter()
        .map(|s| view! { <tr><td>{s.starts_on.clone()}</td><td>{s.ends_on.clone()}</td><td>{s.places}</td><td>{s.taken}</td><td>{(s.places - s.taken).max(0)}</td></tr> })
        .collect_view();
    let table = (!v.slots.is_empty()).then(|| {
        view! {
            <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="slots-caption">
                <table class="app-table">
                    <caption id="slots-caption" class="app-visually-hidden">{i18n.t("supplier-slots-title")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("supplier-col-arrival")}</th>
                        <th scope="col">{i18n.t("supplier-col-departure")}</th>
                        <th scope="col">{i18n.t("supplier-col-places")}</th>
                        <th scope="col">{i18n.t("supplier-col-taken")}</th>
                        <th scope="col">{i18n.t("supplier-col-free")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <h2 id="slots">{i18n.t("supplier-slots-title")}</h2>
        <p>{i18n.t("supplier-slots-lead")}</p>
        {table}
        <WithForm form="offering_slot" path=SetOfferingSlot::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=SetOfferingSlot::PATH class="app-form app-form--inline" novalidate>
                <input type="hidden" name="id" value=id.clone()/>
                <Input spec=Spec::new("starts_on", i18n.t("supplier-field-starts_on")).kind("date").value(state.value("starts_on")).error(state.field_error("starts_on")).required()/>
                <Input spec=Spec::new("places", i18n.t("supplier-field-places")).numeric().value(state.value("places")).error(state.field_error("places")).required()/>
                <button type="submit" class="app-button">{i18n.t("supplier-slot-save")}</button>
            </form>
        </WithForm>
    }
}
