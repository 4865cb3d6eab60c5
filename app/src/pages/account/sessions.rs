use crate::api::account::my_sessions::my_sessions;
use crate::api::account::sign_out_everywhere::SignOutEverywhere;
use crate::api::account::sign_out_others::SignOutOthers;
use crate::components::loaded::Loaded;
use crate::dto::account::SessionView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use leptos::prelude::*;
use server_fn::ServerFn;

/// One's open sessions, with "sign out of the others" and "sign out everywhere".
#[component]
pub fn SessionsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| my_sessions());
    view! {
        <DoneBanner/>
        <PageHeading key="account-sessions-title"/>
        <Loaded resource=data let:list>
            {sessions(list)}
        </Loaded>
    }
}

fn sessions(list: Vec<SessionView>) -> impl IntoView {
    let i18n = use_i18n();
    let others = list.iter().any(|s| !s.current);
    let rows = list
        .into_iter()
        .map(|s| {
            let browser = if s.browser.is_empty() { i18n.t("account-sessions-unknown-browser") } else { s.browser };
            view! {
                <tr>
                    <td>{s.started}{s.current.then(|| view! { " "<strong class="app-tag app-tag--green">{i18n.t("account-sessions-this")}</strong> })}</td>
                    <td>{s.last_seen}</td>
                    <td>{s.ip}</td>
                    <td>{browser}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>{i18n.t("account-sessions-lead")}</p>
        <div class="app-table-wrap">
            <table class="app-table">
                <caption class="app-visually-hidden">{i18n.t("account-sessions-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("account-sessions-started")}</th>
                        <th scope="col">{i18n.t("account-sessions-last-seen")}</th>
                        <th scope="col">{i18n.t("account-sessions-ip")}</th>
                        <th scope="col">{i18n.t("account-sessions-browser")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {others.then(|| view! {
            <form method="post" action=SignOutOthers::PATH>
                <button type="submit" class="app-button app-button--secondary">{i18n.t("account-sessions-sign-out-others")}</button>
            </form>
        })}
        <form method="post" action=SignOutEverywhere::PATH>
            <button type="submit" class="app-button app-button--warning">{i18n.t("account-sessions-sign-out-everywhere")}</button>
        </form>
    }
}
