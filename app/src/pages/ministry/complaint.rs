use super::complaints::deadline;
use crate::api::ministry::staff_add_complaint_note::StaffAddComplaintNote;
use crate::api::ministry::staff_assign_complaint::StaffAssignComplaint;
use crate::api::ministry::staff_close_complaint::StaffCloseComplaint;
use crate::api::ministry::staff_complaint::staff_complaint;
use crate::components::field::{Choice, Field, LongText, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::load_error;
use crate::components::page::{summary_row, NamedHeading};
use crate::domain::ComplaintStatus;
use crate::dto::ministry::ComplaintDetail;
use crate::i18n::use_i18n;
use crate::pages::DoneBanner;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// One complaint: what happened, the deadline, the recipient (this view is recorded), the
/// supplier's answer, officers' notes, and assigning, noting and closing it.
#[component]
pub fn StaffComplaintPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, staff_complaint);
    view! {
        <DoneBanner/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => detail(c).into_any(),
                    Err(e) => load_error(e, format!("{}/{}", routes::STAFF_COMPLAINTS, id())),
                }
            })}
        </Suspense>
    }
}

fn detail(c: ComplaintDetail) -> impl IntoView {
    let i18n = use_i18n();
    let id = c.row.id;
    let open = c.row.status != ComplaintStatus::Closed;
    let notes = c
        .notes
        .iter()
        .map(|n| {
            view! {
                <li class="app-timeline__item app-timeline__item--done">
                    <span class="app-timeline__title">{n.author.clone()}</span>
                    <span class="app-timeline__date">{n.at.clone()}</span>
                    <p>{n.body.clone()}</p>
                </li>
            }
        })
        .collect_view();
    let has_notes = !c.notes.is_empty();
    let supplier_href = format!("{}/{}", routes::STAFF_SUPPLIERS, c.supplier_id);
    view! {
        <NamedHeading kind="staff-complaint-kind" name=i18n.ta("staff-complaint-about", &[("number", c.row.order_number.clone())])/>
        {c.row.overdue.then(|| view! {
            <div class="app-notice app-notice--error" role="status"><p>{i18n.t("staff-complaint-overdue-notice")}</p></div>
        })}
        <dl class="app-summary-list">
            {summary_row(i18n.t("staff-status"), i18n.code("staff-complaint-status", c.row.status.code()))}
            {summary_row(i18n.t("staff-filed"), c.row.filed_on.clone())}
            {summary_row(i18n.t("staff-due"), deadline(&c.row))}
            {summary_row(i18n.t("staff-order"), c.row.order_number.clone())}
            {summary_row(i18n.t("staff-order-status"), i18n.code("staff-order-status", c.order_status.code()))}
            {summary_row(i18n.t("staff-item-type"), c.item_type.clone())}
            {summary_row(i18n.t("staff-offering-supplier"), view! { <a href=supplier_href>{c.row.supplier.clone()}</a> })}
            {summary_row(i18n.t("staff-supplier-region"), c.row.region.clone())}
            {summary_row(i18n.t("staff-assigned"), c.row.assigned_to.clone().unwrap_or_else(|| "—".into()))}
        </dl>
        <h2>{i18n.t("staff-complaint-recipient")}</h2>
        <p class="app-muted">{i18n.t("staff-complaint-recorded")}</p>
        <dl class="app-summary-list">
            {summary_row(i18n.t("staff-recipient-name"), c.recipient_name.clone())}
            {summary_row(i18n.t("staff-recipient-iin"), c.recipient_iin.clone())}
        </dl>
        <h2>{i18n.t("staff-complaint-body")}</h2>
        <div class="app-inset"><p>{c.body.clone()}</p></div>
        <h2>{i18n.t("staff-complaint-response")}</h2>
        {match (c.supplier_response.clone(), c.supplier_responded_at.clone()) {
            (Some(r), at) => view! { <div class="app-inset"><p>{r}</p><p class="app-muted">{at.unwrap_or_default()}</p></div> }.into_any(),
            (None, _) => view! { <p>{i18n.t("staff-complaint-no-response")}</p> }.into_any(),
        }}
        {c.outcome.clone().map(|o| view! {
            <h2>{i18n.t("staff-complaint-outcome")}</h2>
            <div class="app-notice app-notice--success"><p>{o}</p><p>{c.closed_by.clone().unwrap_or_default()}" · "{c.closed_at.clone().unwrap_or_default()}</p></div>
        })}
        <h2>{i18n.t("staff-complaint-notes")}</h2>
        {if has_notes { view! { <ol class="app-timeline">{notes}</ol> }.into_any() } else { view! { <p>{i18n.t("staff-complaint-no-notes")}</p> }.into_any() }}
        {open.then(|| view! { <Forms id officers=c.officers.clone() assigned=c.assigned_id/> })}
        <p><a href=routes::STAFF_COMPLAINTS>{i18n.t("staff-back-to-complaints")}</a></p>
    }
}

#[component]
fn Forms(id: i32, officers: Vec<(String, String)>, assigned: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    let current = assigned.map(|a| a.to_string()).unwrap_or_default();
    view! {
        <h2 id="assign">{i18n.t("staff-assign-title")}</h2>
        <WithForm form="staff_assign_complaint" path=StaffAssignComplaint::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffAssignComplaint::PATH class="app-form app-form--inline" novalidate>
                <input type="hidden" name="complaint_id" value=id.to_string()/>
                <Choice spec={Field { name: "complaint_officer", label: "staff-officer", required: true, value: current.clone(), ..Default::default() }.spec(&state)} options=officers.clone()/>
                <button type="submit" class="app-button app-button--secondary">{i18n.t("staff-assign-submit")}</button>
            </form>
        </WithForm>
        <h2 id="note">{i18n.t("staff-note-title")}</h2>
        <WithForm form="staff_add_complaint_note" path=StaffAddComplaintNote::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffAddComplaintNote::PATH class="app-form" novalidate>
                <input type="hidden" name="complaint_id" value=id.to_string()/>
                <LongText spec={Spec::from_state(&state, "complaint_note", i18n.t("staff-note-label"), "").hint(i18n.t("staff-note-hint"))} rows=4/>
                <button type="submit" class="app-button app-button--secondary">{i18n.t("staff-note-submit")}</button>
            </form>
        </WithForm>
        <h2 id="close">{i18n.t("staff-close-title")}</h2>
        <WithForm form="staff_close_complaint" path=StaffCloseComplaint::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffCloseComplaint::PATH class="app-form" novalidate>
                <input type="hidden" name="complaint_id" value=id.to_string()/>
                <LongText spec={Spec::from_state(&state, "complaint_outcome", i18n.t("staff-outcome-label"), "").hint(i18n.t("staff-outcome-hint"))}/>
                <button type="submit" class="app-button">{i18n.t("staff-close-submit")}</button>
            </form>
        </WithForm>
    }
}
