//! The forms on an order's page: cancel, confirm receipt, report a problem, review.
use crate::api::recipient::order_cancel::OrderCancel;
use crate::api::recipient::order_receive::OrderReceive;
use crate::api::recipient::order_report::OrderReport;
use crate::api::recipient::order_review::OrderReview;
use crate::components::field::{Field, Input, LongText, Radios, Spec};
use crate::components::form::{refusal_for, ErrorSummary, FormState, WithForm};
use crate::domain::OrderStatus;
use crate::dto::orders::OrderView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use server_fn::ServerFn;

fn textarea(state: &FormState, name: &'static str, label: String) -> impl IntoView {
    view! { <LongText spec=Spec::from_state(state, name, label, "") rows=4/> }
}

/// What can be done with the order now.
#[component]
pub fn Actions(order: OrderView) -> impl IntoView {
    let i18n = use_i18n();
    let id = order.id.to_string();
    let cancel_refusal = refusal_for(OrderCancel::PATH);
    let cancel = order.can_cancel.then(|| {
        let id = id.clone();
        view! {
            <ErrorSummary state=FormState { error: cancel_refusal.get_untracked(), typed: Vec::new() }/>
            <h2>{i18n.t("order-cancel-title")}</h2>
            <p>{i18n.t("order-cancel-text")}</p>
            <form method="post" action=OrderCancel::PATH>
                <input type="hidden" name="order" value=id/>
                <button type="submit" class="app-button app-button--warning">{i18n.t("order-cancel")}</button>
            </form>
        }
    });
    let rendered = order.status == OrderStatus::Rendered;
    let confirm = order.can_confirm.then(|| {
        let (id1, id2) = (id.clone(), id.clone());
        view! {
            <h2>{i18n.t(if rendered { "order-confirm-rendered-title" } else { "order-confirm-title" })}</h2>
            <WithForm form="order_receive" path=OrderReceive::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=OrderReceive::PATH class="app-form">
                    <input type="hidden" name="order" value=id1.clone()/>
                    {rendered.then(|| view! {
                        <Input spec={Field { name: "hours", label: "order-field-hours-rendered", kind: "number", inputmode: Some("numeric"), required: true, ..Default::default() }.spec(&state)}/>
                    })}
                    <button type="submit" class="app-button">{use_i18n().t("order-confirm-receipt")}</button>
                </form>
            </WithForm>
            <h2>{i18n.t("order-report-title")}</h2>
            <WithForm form="order_report" path=OrderReport::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=OrderReport::PATH class="app-form">
                    <input type="hidden" name="order" value=id2.clone()/>
                    {textarea(&state, "problem", use_i18n().t("order-field-problem"))}
                    <button type="submit" class="app-button app-button--secondary">{use_i18n().t("order-report")}</button>
                </form>
            </WithForm>
        }
    });
    let review = order.can_review.then(|| {
        let id = id.clone();
        view! {
            <h2>{i18n.t("order-review-title")}</h2>
            <WithForm form="order_review" path=OrderReview::PATH let:state>
                <ErrorSummary state=state.clone()/>
                <form method="post" action=OrderReview::PATH class="app-form">
                    <input type="hidden" name="order" value=id.clone()/>
                    <Radios spec={Spec::new("rating", use_i18n().t("order-field-rating")).value(state.value("rating")).error(state.field_error("rating"))} options=(1..=5).rev().map(|r| (r.to_string(), use_i18n().ta("review-rating", &[("rating", r.to_string())]))).collect()/>
                    {textarea(&state, "review", use_i18n().t("order-field-review"))}
                    <button type="submit" class="app-button">{use_i18n().t("order-review")}</button>
                </form>
            </WithForm>
        }
    });
    let existing = order.review.clone().map(|r| view! {
        <h2>{i18n.t("order-your-review")}</h2>
        <p><strong>{i18n.ta("review-rating", &[("rating", r.rating.to_string())])}</strong></p>
        <p>{r.body}</p>
        {r.reply.map(|reply| view! { <div class="app-inset"><p><strong>{i18n.t("review-reply")}</strong>" "{reply}</p></div> })}
    });
    let complaints = (!order.complaints.is_empty()).then(|| view! {
        <h2>{i18n.t("order-complaints")}</h2>
        {order.complaints.iter().map(|c| view! {
            <div class="app-card">
                <p>{c.body.clone()}</p>
                <p class="app-muted">{i18n.ta("complaint-due", &[("date", c.due.clone())])}" · "{i18n.code("complaint_status", &c.status)}</p>
                {c.supplier_response.clone().map(|r| view! { <p><strong>{i18n.t("complaint-supplier-answer")}</strong>" "{r}</p> })}
                {c.outcome.clone().map(|r| view! { <p><strong>{i18n.t("complaint-outcome")}</strong>" "{r}</p> })}
            </div>
        }).collect_view()}
    });
    view! { {cancel}{confirm}{review}{existing}{complaints} }
}
