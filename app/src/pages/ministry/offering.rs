use crate::api::ministry::staff_moderate_offering::StaffModerateOffering;
use crate::api::ministry::staff_offering::staff_offering;
use crate::components::field::{LongText, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::load_error;
use crate::components::page::{summary_row, NamedHeading};
use crate::components::status::status_tag;
use crate::domain::{OfferingAction, OfferingStatus};
use crate::dto::ministry::StaffOfferingDetail;
use crate::i18n::use_i18n;
use crate::pages::DoneBanner;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// An offering as staff moderate it: what the supplier claims, and the block (or unblock) form.
#[component]
pub fn StaffOfferingPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, staff_offering);
    view! {
        <DoneBanner/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(o) => detail(o).into_any(),
                    Err(e) => load_error(e, format!("{}/{}", routes::STAFF_OFFERINGS, id())),
                }
            })}
        </Suspense>
    }
}

fn detail(d: StaffOfferingDetail) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let o = d.offering;
    let supplier_href = format!("{}/{}", routes::STAFF_SUPPLIERS, d.supplier_id);
    let blocked = o.status == OfferingStatus::Blocked;
    let action = if blocked { OfferingAction::Unblock } else { OfferingAction::Block }.code();
    let params = d.params.into_iter().map(|(k, v)| summary_row(k, v)).collect_view();
    let id = o.id;
    view! {
        <NamedHeading kind="staff-offering-kind" name=o.title.clone()/>
        <p>{i18n.t("staff-status")}": "{status_tag(i18n.code("staff-offering-status", o.status.code()), o.status)}</p>
        {o.status_reason.clone().map(|r| view! { <div class="app-inset"><p><strong>{i18n.t("staff-reason")}</strong>" "{r}</p></div> })}
        <dl class="app-summary-list">
            {summary_row(i18n.t("staff-offering-supplier"), view! { <a href=supplier_href>{d.supplier.clone()}</a> })}
            {summary_row(i18n.t("staff-item-type"), o.item_type.clone())}
            {summary_row(i18n.t("staff-price"), o.price.format(lang))}
            {summary_row(i18n.t("staff-ceiling"), o.ceiling.map(|c| c.format(lang)).unwrap_or_default())}
            {summary_row(i18n.t("staff-offering-regions"), d.regions.join(", "))}
        </dl>
        <h2>{i18n.t("staff-offering-params")}</h2>
        <dl class="app-summary-list">{params}</dl>
        <h2>{i18n.t("staff-offering-description")}</h2>
        <p>{d.description}</p>
        <h2>{i18n.t(if blocked { "staff-unblock-title" } else { "staff-block-title" })}</h2>
        <WithForm form="staff_moderate_offering" path=StaffModerateOffering::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffModerateOffering::PATH class="app-form" novalidate>
                <input type="hidden" name="offering_id" value=id.to_string()/>
                <input type="hidden" name="offering_action" value=action/>
                <LongText spec={Spec::from_state(&state, "moderation_reason", i18n.t("staff-moderation-reason"), "").hint(i18n.t("staff-moderation-reason-hint"))}/>
                <button type="submit" class=if blocked { "app-button" } else { "app-button app-button--warning" }>
                    {i18n.t(if blocked { "staff-unblock-submit" } else { "staff-block-submit" })}
                </button>
            </form>
        </WithForm>
    }
}
