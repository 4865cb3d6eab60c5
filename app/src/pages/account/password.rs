use crate::api::account::change_password::ChangePassword;
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Changing one's password: the current one, then the new one; other sessions end.
#[component]
pub fn PasswordPage() -> impl IntoView {
    view! { <PasswordForm heading=true/> }
}

/// The password form with its error summary, as a page of its own (`heading`: the page's
/// `h1`) or as a section of the communication settings page (an `h2`).
#[component]
pub fn PasswordForm(heading: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <WithForm form="change_password" path=ChangePassword::PATH let:state>
            {view! {
                <ErrorSummary state=state.clone()/>
                {if heading { view! { <PageHeading key="account-password-title"/> }.into_any() } else { view! { <h2>{i18n.t("account-password-title")}</h2> }.into_any() }}
                <p>{i18n.t("account-password-lead")}</p>
                <form method="post" action=ChangePassword::PATH class="app-form" novalidate>
                    <Input spec={Field {
                        name: "current_password", label: "field-current-password", kind: "password",
                        autocomplete: "current-password", required: true, ..Default::default()
                    }.spec(&state)}/>
                    <Input spec={Field {
                        name: "new_password", label: "field-new-password", hint: Some("field-new-password-hint"), kind: "password",
                        autocomplete: "new-password", required: true, ..Default::default()
                    }.spec(&state)}/>
                    <button type="submit" class="app-button">{i18n.t("account-password-submit")}</button>
                </form>
            }}
        </WithForm>
    }
}
