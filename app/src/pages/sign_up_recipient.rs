use crate::api::auth::sign_up_recipient::SignUpRecipient;
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::region_select::RegionSelect;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Sign-up for a person with a disability.
#[component]
pub fn SignUpRecipientPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <WithForm form="sign_up_recipient" path=SignUpRecipient::PATH let:state>
            {{
                view! {
                    <ErrorSummary state=state.clone()/>
                    <PageHeading key="sign-up-recipient-title"/>
                    <p>{i18n.t("sign-up-recipient-lead")}</p>
                    <form method="post" action=SignUpRecipient::PATH class="app-form" novalidate>
                        <Input spec={Field { name: "full_name", label: "field-full-name", autocomplete: "name", required: true, ..Default::default() }.spec(&state)}/>
                        <Input spec={Field { name: "iin", label: "field-iin", hint: Some("field-iin-hint"), autocomplete: "off", inputmode: Some("numeric"), required: true, ..Default::default() }.spec(&state)}/>
                        <RegionSelect state=state.clone() name="region" label="field-region"/>
                        <Input spec={Field { name: "email", label: "field-email", kind: "email", autocomplete: "email", required: true, ..Default::default() }.spec(&state)}/>
                        <Input spec={Field { name: "password", label: "field-password", hint: Some("field-password-hint"), kind: "password", autocomplete: "new-password", required: true, ..Default::default() }.spec(&state)}/>
                        <button type="submit" class="app-button">{i18n.t("sign-up-submit")}</button>
                    </form>
                }
            }}
        </WithForm>
    }
}
