use crate::api::account::recovery_codes_once::recovery_codes_once;
use crate::components::loaded::Loaded;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;

/// The recovery codes, shown once right after the second factor is set up.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| recovery_codes_once());
    view! {
        <PageHeading key="recovery-codes-title"/>
        <Loaded resource=data let:codes>
            {codes_view(codes)}
        </Loaded>
    }
}

fn codes_view(codes: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    if codes.is_empty() {
        return view! {
            <p>{i18n.t("recovery-codes-gone")}</p>
            <p><a href=routes::ACCOUNT>{i18n.t("account-title")}</a></p>
        }
        .into_any();
    }
    let items = codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view();
    view! {
        <div class="app-notice app-notice--success" role="status"><p>{i18n.t("recovery-codes-set-up-done")}</p></div>
        <p>{i18n.t("recovery-codes-lead")}</p>
        <ol class="app-list app-recovery-codes">{items}</ol>
        <p><a class="app-button" href=routes::DASHBOARD>{i18n.t("recovery-codes-continue")}</a></p>
    }
    .into_any()
}
