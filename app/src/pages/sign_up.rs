use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;

/// Who is signing up: a recipient (or their representative) or a supplier.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading key="sign-up-title"/>
        <ul class="app-cards">
            <li class="app-card">
                <h2 class="app-card__title"><a href=routes::SIGN_UP_RECIPIENT>{i18n.t("sign-up-recipient-title")}</a></h2>
                <p>{i18n.t("sign-up-recipient-about")}</p>
            </li>
            <li class="app-card">
                <h2 class="app-card__title"><a href=routes::SIGN_UP_SUPPLIER>{i18n.t("sign-up-supplier-title")}</a></h2>
                <p>{i18n.t("sign-up-supplier-about")}</p>
            </li>
        </ul>
    }
}
