use crate::api::auth::sign_up_supplier::SignUpSupplier;
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::region_select::RegionSelect;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Sign-up for a supplier organisation; it starts pending the ministry's approval.
#[component]
pub fn SignUpSupplierPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <WithForm form="sign_up_supplier" path=SignUpSupplier::PATH let:state>
            {{
                view! {
                    <ErrorSummary state=state.clone()/>
                    <PageHeading key="sign-up-supplier-title"/>
                    <p>{i18n.t("sign-up-supplier-lead")}</p>
                    <form method="post" action=SignUpSupplier::PATH class="app-form" novalidate>
                        <Input spec={Field { name: "organisation", label: "field-organisation", autocomplete: "organization", required: true, ..Default::default() }.spec(&state)}/>
                        <Input spec={Field { name: "bin", label: "field-bin", hint: Some("field-bin-hint"), autocomplete: "off", inputmode: Some("numeric"), required: true, ..Default::default() }.spec(&state)}/>
                        <RegionSelect state=state.clone() name="region" label="field-supplier-region"/>
                        <Input spec={Field { name: "email", label: "field-email", kind: "email", autocomplete: "email", required: true, ..Default::default() }.spec(&state)}/>
                        <Input spec={Field { name: "password", label: "field-password", hint: Some("field-password-hint"), kind: "password", autocomplete: "new-password", required: true, ..Default::default() }.spec(&state)}/>
                        <button type="submit" class="app-button">{i18n.t("sign-up-submit")}</button>
                    </form>
                }
            }}
        </WithForm>
    }
}
