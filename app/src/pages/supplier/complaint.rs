use crate::api::supplier::answer_complaint::AnswerComplaint;
use crate::api::supplier::complaint::supplier_complaint;
use crate::components::field::{LongText, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::format::due_view;
use crate::components::loaded::{here, load_error};
use crate::components::status::status_tag;
use crate::dto::supplier::ComplaintRow;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// One complaint: what the recipient wrote, the deadline, and the answer form.
#[component]
pub fn SupplierComplaintPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).and_then(|s| s.parse::<i32>().ok()).unwrap_or(0);
    let data = Resource::new(id, supplier_complaint);
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-complaint-title"/>
        <p><a href=r::COMPLAINTS>{use_i18n().t("supplier-back-complaints")}</a></p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(c) => page(c).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(c: ComplaintRow) -> impl IntoView {
    let i18n = use_i18n();
    let id = c.id.to_string();
    view! {
        <dl class="app-summary-list">
            <div class="app-summary-list__row"><dt class="app-summary-list__key">{i18n.t("supplier-col-number")}</dt><dd class="app-summary-list__value"><a href=r::order(c.order_id)>{c.order_number.clone()}</a></dd></div>
            <div class="app-summary-list__row"><dt class="app-summary-list__key">{i18n.t("supplier-col-received")}</dt><dd class="app-summary-list__value">{c.received_on.clone()}</dd></div>
            <div class="app-summary-list__row"><dt class="app-summary-list__key">{i18n.t("supplier-col-status")}</dt><dd class="app-summary-list__value">{status_tag(i18n.code("complaint_status", c.status.code()), c.status)}</dd></div>
            <div class="app-summary-list__row"><dt class="app-summary-list__key">{i18n.t("supplier-col-answer-by")}</dt><dd class="app-summary-list__value">{due_view(i18n, &c.due)}</dd></div>
        </dl>
        <h2>{i18n.t("supplier-complaint-body")}</h2>
        <blockquote class="app-inset"><p>{c.body.clone()}</p></blockquote>
        {c.response.clone().map(|resp| view! {
            <h2>{i18n.t("supplier-complaint-your-answer")}</h2>
            <p class="app-muted">{c.responded_on.clone().unwrap_or_default()}</p>
            <blockquote class="app-inset"><p>{resp}</p></blockquote>
        })}
        {c.can_answer.then(|| view! {
            <WithForm form="answer_complaint" path=AnswerComplaint::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=AnswerComplaint::PATH class="app-form" novalidate>
                    <input type="hidden" name="id" value=id.clone()/>
                    <LongText spec=Spec::new("answer", i18n.t("supplier-field-answer")).hint(i18n.t("supplier-field-answer-hint")).value(state.value("answer")).error(state.field_error("answer")).required()/>
                    <button type="submit" class="app-button">{i18n.t("supplier-complaint-send")}</button>
                </form>
            </WithForm>
        })}
    }
}
