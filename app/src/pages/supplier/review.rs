use super::quality::rating_text;
use crate::api::supplier::reply_review::ReplyReview;
use crate::api::supplier::review::supplier_review;
use crate::components::field::{LongText, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::{here, load_error};
use crate::dto::supplier::ReviewRow;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// One review and the form for the supplier's one public reply.
#[component]
pub fn SupplierReviewPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id")).and_then(|s| s.parse::<i32>().ok()).unwrap_or(0);
    let data = Resource::new(id, supplier_review);
    let here = here();
    view! {
        <PageHeading key="supplier-review-title"/>
        <p><a href=r::QUALITY>{use_i18n().t("supplier-back-quality")}</a></p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(rv) => page(rv).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(rv: ReviewRow) -> impl IntoView {
    let i18n = use_i18n();
    let id = rv.id.to_string();
    view! {
        <h2>{rv.title.clone()}</h2>
        <p class="app-muted">{format!("{} · {} · {}", rating_text(i18n, i32::from(rv.rating) * 100), rv.on, rv.order_number)}</p>
        <blockquote class="app-inset"><p>{rv.body.clone()}</p></blockquote>
        {match rv.reply.clone() {
            Some(reply) => view! {
                <h2>{i18n.t("supplier-your-reply")}</h2>
                <p>{reply}</p>
            }.into_any(),
            None => view! {
                <WithForm form="reply_review" path=ReplyReview::PATH let:state>
                    <ErrorSummary state=state.clone()/>
                    <form method="post" action=ReplyReview::PATH class="app-form" novalidate>
                        <input type="hidden" name="id" value=id.clone()/>
                        <LongText spec=Spec::new("reply", i18n.t("supplier-field-reply")).hint(i18n.t("supplier-field-reply-hint")).value(state.value("reply")).error(state.field_error("reply")).required()/>
                        <button type="submit" class="app-button">{i18n.t("supplier-reply-publish")}</button>
                    </form>
                </WithForm>
            }.into_any(),
        }}
    }
}
