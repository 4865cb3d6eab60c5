use crate::api::auth::sign_in::SignIn;
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn;

/// Sign in with e-mail and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).filter(|n| routes::is_local_path(n));
    view! {
        <DoneBanner/>
        <WithForm form="sign_in" path=SignIn::PATH let:state>
            {view! {
                <ErrorSummary state=state.clone()/>
                <PageHeading key="sign-in-title"/>
                <form method="post" action=SignIn::PATH class="app-form" novalidate>
                    <input type="hidden" name="next" value=next()/>
                    <Input spec={Field { name: "email", label: "field-email", kind: "email", autocomplete: "username", required: true, ..Default::default() }.spec(&state)}/>
                    <Input spec={Field { name: "password", label: "field-password", kind: "password", autocomplete: "current-password", required: true, ..Default::default() }.spec(&state)}/>
                    <button type="submit" class="app-button">{i18n.t("sign-in-submit")}</button>
                </form>
                <p><a href="/forgot-password">{i18n.t("sign-in-forgot")}</a></p>
                <p>{i18n.t("sign-in-no-account")}" "<a href=routes::SIGN_UP>{i18n.t("nav-sign-up")}</a></p>
            }}
        </WithForm>
    }
}
