use crate::api::account::second_factor_enrol::SecondFactorEnrol;
use crate::api::account::second_factor_setup::second_factor_setup;
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::Loaded;
use crate::dto::account::SecondFactorKey;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Setting up the second factor at a staff or admin's first sign-in: scan the QR code or
/// type the key into an authenticator app, then type the first code it shows.
#[component]
pub fn SecondFactorSetUpPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| second_factor_setup());
    view! {
        <PageHeading key="second-factor-set-up-title"/>
        <Loaded resource=data let:setup>
            {set_up(setup)}
        </Loaded>
    }
}

fn set_up(setup: SecondFactorKey) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{i18n.t("second-factor-set-up-lead")}</p>
        <ol class="app-list app-list--number">
            <li>{i18n.t("second-factor-set-up-step-app")}</li>
            <li>
                {i18n.t("second-factor-set-up-step-scan")}
                <figure class="app-qr-figure">
                    <div inner_html=setup.qr_svg></div>
                    <figcaption>{i18n.t("second-factor-set-up-key")}" "<code class="app-secret">{setup.secret}</code></figcaption>
                </figure>
                <p class="app-muted">{i18n.t("second-factor-set-up-account")}" "{setup.account}</p>
            </li>
            <li>{i18n.t("second-factor-set-up-step-code")}</li>
        </ol>
        <WithForm form="second_factor_enrol" path=SecondFactorEnrol::PATH let:state>
            {view! {
                <ErrorSummary state=state.clone()/>
                <form method="post" action=SecondFactorEnrol::PATH class="app-form" novalidate>
                    <Input spec={Field {
                        name: "code", label: "field-second-factor-code", hint: Some("field-second-factor-first-code-hint"),
                        autocomplete: "one-time-code", inputmode: Some("numeric"), required: true, ..Default::default()
                    }.spec(&state)}/>
                    <button type="submit" class="app-button">{i18n.t("second-factor-set-up-submit")}</button>
                </form>
            }}
        </WithForm>
    }
}
