use crate::api::account::second_factor_verify::SecondFactorVerify;
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn;

/// The second step of a staff or admin sign-in: the code from the authenticator app, or one
/// of the recovery codes.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.with(|q| q.get("next")).filter(|n| routes::is_local_path(n));
    view! {
        <WithForm form="second_factor_verify" path=SecondFactorVerify::PATH let:state>
            {view! {
                <ErrorSummary state=state.clone()/>
                <PageHeading key="second-factor-title"/>
                <p>{i18n.t("second-factor-lead")}</p>
                <form method="post" action=SecondFactorVerify::PATH class="app-form" novalidate>
                    <input type="hidden" name="next" value=next()/>
                    <Input spec={Field {
                        name: "code", label: "field-second-factor-code", hint: Some("field-second-factor-code-hint"),
                        autocomplete: "one-time-code", required: true, ..Default::default()
                    }.spec(&state)}/>
                    <button type="submit" class="app-button">{i18n.t("second-factor-submit")}</button>
                </form>
                <p>{i18n.t("second-factor-lost")}</p>
            }}
        </WithForm>
    }
}
