use crate::api::auth::identity::ConfirmEmail;
use crate::components::form::{ErrorSummary, WithForm};
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use server_fn::ServerFn;

/// The page the e-mailed link opens: one button confirms the address (a link a mail
/// scanner merely fetches confirms nothing).
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    let token = query.with_untracked(|q| q.get("token")).unwrap_or_default();
    view! {
        <WithForm form="confirm_email" path=ConfirmEmail::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <PageHeading key="confirm-email-title"/>
            <p>{i18n.t("confirm-email-lead")}</p>
            <form method="post" action=ConfirmEmail::PATH class="app-form" novalidate>
                <input type="hidden" name="token" value=token.clone()/>
                <button type="submit" class="app-button">{i18n.t("confirm-email-submit")}</button>
            </form>
        </WithForm>
    }
}
