use crate::api::auth::password_reset::{RequestPasswordReset, ResetPassword, ResetPasswordWithCode};
use crate::components::field::{Field, Input, Radios, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Asking for a link (by e-mail) or a code (by SMS) to set a new password.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let how = vec![("email".to_owned(), i18n.t("forgot-by-email")), ("sms".to_owned(), i18n.t("forgot-by-sms"))];
    view! {
        <DoneBanner/>
        <WithForm form="request_password_reset" path=RequestPasswordReset::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <PageHeading key="forgot-title"/>
            <p>{i18n.t("forgot-lead")}</p>
            <form method="post" action=RequestPasswordReset::PATH class="app-form" novalidate>
                <Input spec={Field { name: "email", label: "field-email", kind: "email", autocomplete: "email", required: true, ..Default::default() }.spec(&state)}/>
                <Radios spec={Spec::new("how", i18n.t("forgot-how")).value(state.value_or("how", "email")).error(state.field_error("how"))} options=how.clone()/>
                <button type="submit" class="app-button">{i18n.t("forgot-submit")}</button>
            </form>
        </WithForm>
    }
}

/// The page the e-mailed link opens: a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    let token = query.with_untracked(|q| q.get("token")).unwrap_or_default();
    view! {
        <WithForm form="reset_password" path=ResetPassword::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <PageHeading key="reset-title"/>
            <p>{i18n.t("reset-lead")}</p>
            <form method="post" action=ResetPassword::PATH class="app-form" novalidate>
                <input type="hidden" name="token" value=token.clone()/>
                <Input spec={Field {
                    name: "new_password", label: "field-new-password", hint: Some("field-new-password-hint"), kind: "password",
                    autocomplete: "new-password", required: true, ..Default::default()
                }.spec(&state)}/>
                <button type="submit" class="app-button">{i18n.t("reset-submit")}</button>
            </form>
        </WithForm>
    }
}

/// The page the SMS code is typed on, with the account's e-mail and a new password.
#[component]
pub fn ResetWithCodePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DoneBanner/>
        <WithForm form="reset_password_with_code" path=ResetPasswordWithCode::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <PageHeading key="reset-code-title"/>
            <p>{i18n.t("reset-code-lead")}</p>
            <form method="post" action=ResetPasswordWithCode::PATH class="app-form" novalidate>
                <Input spec={Field { name: "email", label: "field-email", kind: "email", autocomplete: "email", required: true, ..Default::default() }.spec(&state)}/>
                <Input spec={Field {
                    name: "code", label: "field-reset-code", autocomplete: "one-time-code", inputmode: Some("numeric"), required: true, ..Default::default()
                }.spec(&state)}/>
                <Input spec={Field {
                    name: "new_password", label: "field-new-password", hint: Some("field-new-password-hint"), kind: "password",
                    autocomplete: "new-password", required: true, ..Default::default()
                }.spec(&state)}/>
                <button type="submit" class="app-button">{i18n.t("reset-submit")}</button>
            </form>
        </WithForm>
    }
}
