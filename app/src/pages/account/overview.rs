use crate::api::account::account_overview::account_overview;
use crate::components::loaded::Loaded;
use crate::components::page::summary_row;
use crate::dto::account::AccountView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;

/// One's own account: who, the password, the second factor, the sessions.
#[component]
pub fn AccountPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| account_overview());
    view! {
        <DoneBanner/>
        <PageHeading key="account-title"/>
        <Loaded resource=data let:account>
            {overview(account)}
        </Loaded>
    }
}

fn overview(a: AccountView) -> impl IntoView {
    let i18n = use_i18n();
    let staff = a.role.is_staff();
    let second_factor = staff.then(|| {
        let text = match &a.second_factor_since {
            Some(since) => i18n.ta(
                "account-second-factor-on",
                &[("since", since.clone()), ("codes", a.recovery_codes_left.to_string())],
            ),
            None => i18n.t("account-second-factor-off"),
        };
        summary_row(i18n.t("account-second-factor"), text)
    });
    view! {
        <dl class="app-summary-list">
            {summary_row(i18n.t("account-name"), a.display_name)}
            {summary_row(i18n.t("field-email"), a.email)}
            {summary_row(i18n.t("account-role"), i18n.code("role", a.role.code()))}
            {summary_row(i18n.t("account-password"), a.password_changed.map(|d| i18n.ta("account-password-changed", &[("date", d)])).unwrap_or_else(|| i18n.t("account-password-never-changed")))}
            {second_factor}
            {summary_row(i18n.t("account-sessions"), a.open_sessions.to_string())}
        </dl>
        <ul class="app-list">
            <li><a href=routes::ACCOUNT_MESSAGES>{i18n.t("messages-title")}</a></li>
            <li><a href=routes::ACCOUNT_PASSWORD>{i18n.t("account-password-title")}</a></li>
            <li><a href=routes::ACCOUNT_SESSIONS>{i18n.t("account-sessions-title")}</a></li>
        </ul>
        {staff.then(|| view! { <p class="app-muted">{i18n.t("account-second-factor-lost")}</p> })}
    }
}
