use crate::api::supplier::accept_order::AcceptOrder;
use crate::api::supplier::mark_order::MarkOrder;
use crate::api::supplier::record_session::RecordSession;
use crate::api::supplier::reject_order::RejectOrder;
use crate::api::supplier::schedule_order::ScheduleOrder;
use crate::components::field::{Input, LongText, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::dto::supplier::SupplierOrderView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use server_fn::ServerFn;

/// The forms for what the supplier may do with an order now, each a plain post that comes
/// back to the order with a confirmation or with the error beside its field.
#[component]
pub fn OrderActions(v: SupplierOrderView) -> impl IntoView {
    let i18n = use_i18n();
    if v.actions.is_empty() {
        return ().into_any();
    }
    let id = v.id.to_string();
    let has = |a: &str| v.actions.iter().any(|x| x == a);
    let button = move |path: &'static str, step: Option<&'static str>, label: String, class: &'static str| {
        let id = id.clone();
        view! {
            <form method="post" action=path>
                <input type="hidden" name="id" value=id/>
                {step.map(|s| view! { <input type="hidden" name="step" value=s/> })}
                <button type="submit" class=class>{label}</button>
            </form>
        }
    };
    let quick = view! {
        <div class="app-actions">
            {has("accept").then(|| button(AcceptOrder::PATH, None, i18n.t("supplier-order-accept"), "app-button"))}
            {has("ship").then(|| button(MarkOrder::PATH, Some("shipped"), i18n.t("supplier-order-ship"), "app-button"))}
            {has("deliver").then(|| button(MarkOrder::PATH, Some("delivered"), i18n.t("supplier-order-deliver"), "app-button"))}
            {has("render").then(|| button(MarkOrder::PATH, Some("rendered"), i18n.t("supplier-order-render"), "app-button"))}
        </div>
    };
    let id = v.id.to_string();
    let schedule = has("schedule").then(|| {
        let id = id.clone();
        view! {
            <WithForm form="schedule_order" path=ScheduleOrder::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=ScheduleOrder::PATH class="app-form app-form--inline" novalidate>
                    <input type="hidden" name="id" value=id.clone()/>
                    <Input spec=Spec::new("scheduled_for", i18n.t("supplier-field-scheduled_for")).kind("date").value(state.value("scheduled_for")).error(state.field_error("scheduled_for")).required()/>
                    <button type="submit" class="app-button app-button--secondary">{i18n.t("supplier-order-schedule")}</button>
                </form>
            </WithForm>
        }
    });
    let session = has("session").then(|| {
        let id = id.clone();
        view! {
            <h3>{i18n.t("supplier-session-title")}</h3>
            <WithForm form="record_session" path=RecordSession::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=RecordSession::PATH class="app-form app-form--inline" novalidate>
                    <input type="hidden" name="id" value=id.clone()/>
                    <Input spec=Spec::new("session_date", i18n.t("supplier-field-session_date")).kind("date").value(state.value("session_date")).error(state.field_error("session_date")).required()/>
                    <Input spec=Spec::new("hours", i18n.t("supplier-field-hours")).hint(i18n.t("supplier-field-hours-hint")).numeric().value(state.value("hours")).error(state.field_error("hours")).required()/>
                    <button type="submit" class="app-button app-button--secondary">{i18n.t("supplier-session-record")}</button>
                </form>
            </WithForm>
        }
    });
    let reject = has("reject").then(|| {
        let id = id.clone();
        view! {
            <h3>{i18n.t("supplier-reject-title")}</h3>
            <WithForm form="reject_order" path=RejectOrder::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=RejectOrder::PATH class="app-form" novalidate>
                    <input type="hidden" name="id" value=id.clone()/>
                    <LongText spec=Spec::new("reason", i18n.t("supplier-field-reject-reason")).hint(i18n.t("supplier-field-reject-reason-hint")).value(state.value("reason")).error(state.field_error("reason")).required() rows=3/>
                    <button type="submit" class="app-button app-button--warning">{i18n.t("supplier-order-reject")}</button>
                </form>
            </WithForm>
        }
    });
    view! {
        <section aria-labelledby="actions-title">
            <h2 id="actions-title">{i18n.t("supplier-actions-title")}</h2>
            {quick}
            {schedule}
            {session}
            {reject}
        </section>
    }
    .into_any()
}
