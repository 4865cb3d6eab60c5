use crate::api::auth::identity::{identity, ProveIdentity, SendClaimCode};
use crate::components::field::{Field, Input};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::Loaded;
use crate::dto::account::IdentityView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Proving who one is: a code by SMS to the phone on one's government record, or the code
/// of an activation letter from the regional office. Until then the account sees nothing of
/// the person whose IIN was typed.
#[component]
pub fn IdentityPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| identity());
    view! {
        <DoneBanner/>
        <PageHeading key="identity-title"/>
        <Loaded resource=data let:v>
            {page(v)}
        </Loaded>
    }
}

fn page(v: IdentityView) -> impl IntoView {
    let i18n = use_i18n();
    let linked = (!v.linked.is_empty()).then(|| {
        let names = v.linked.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view();
        view! {
            <h2>{i18n.t("identity-linked-title")}</h2>
            <ul>{names}</ul>
        }
    });
    let claim = v.claimed_iin.clone().map(|iin| {
        view! {
            <p>{i18n.ta("identity-claim-lead", &[("iin", iin)])}</p>
            <h2>{i18n.t("identity-sms-title")}</h2>
            <p>{i18n.t("identity-sms-lead")}</p>
            <form method="post" action=SendClaimCode::PATH>
                <button type="submit" class="app-button app-button--secondary">{i18n.t("identity-sms-send")}</button>
            </form>
            <h2>{i18n.t("identity-letter-title")}</h2>
            <p>{i18n.t("identity-letter-lead")}</p>
        }
    });
    view! {
        {linked}
        {claim}
        <WithForm form="prove_identity" path=ProveIdentity::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <h2>{i18n.t("identity-code-title")}</h2>
            <form method="post" action=ProveIdentity::PATH class="app-form" novalidate>
                <Input spec={Field {
                    name: "code", label: "field-identity-code", hint: Some("field-identity-code-hint"),
                    autocomplete: "one-time-code", required: true, ..Default::default()
                }.spec(&state)}/>
                <button type="submit" class="app-button">{i18n.t("identity-code-submit")}</button>
            </form>
        </WithForm>
    }
}
