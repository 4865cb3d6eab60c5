use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;

/// After a sign-up: the same words whether or not the address had an account already; the
/// e-mail itself says which.
#[component]
pub fn SignUpSentPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading key="sign-up-sent-title"/>
        <p>{i18n.t("sign-up-sent-lead")}</p>
        <p>{i18n.t("sign-up-sent-none")}</p>
        <p><a href=crate::routes::SIGN_IN>{i18n.t("sign-up-sent-sign-in")}</a></p>
    }
}
