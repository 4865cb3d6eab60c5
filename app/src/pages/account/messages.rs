use crate::api::account::contact_preferences::contact_preferences;
use crate::api::account::save_contact_preferences::SaveContactPreferences;
use crate::components::field::{Checkboxes, Radios, Spec};
use crate::components::form::{ErrorSummary, FormState, WithForm};
use crate::components::loaded::Loaded;
use crate::domain::{EmailFormat, Lang};
use crate::dto::account::ContactPreferencesView;
use crate::dto::supplier::Named;
use crate::i18n::use_i18n;
use crate::pages::account::password::PasswordForm;
use crate::pages::{DoneBanner, PageHeading};
use leptos::prelude::*;
use server_fn::ServerFn;

/// How one hears from the portal: the channels (e-mail, SMS, the portal's notifications),
/// the language of the portal and of every message, and how e-mails look; and the password.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| contact_preferences());
    view! {
        <WithForm form="contact_preferences" path=SaveContactPreferences::PATH let:state>
            {view! {
                <ErrorSummary state=state.clone()/>
                <DoneBanner/>
                <PageHeading key="messages-title"/>
                <Loaded resource=data let:v>
                    {form(v, state.clone())}
                </Loaded>
            }}
        </WithForm>
        <PasswordForm heading=false/>
    }
}

fn form(v: ContactPreferencesView, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let mut options =
        vec![Named { code: "email".into(), name: i18n.ta("messages-by-email", &[("email", v.email.clone())]) }];
    if let Some(phone) = &v.phone {
        options.push(Named { code: "sms".into(), name: i18n.ta("messages-by-sms", &[("phone", phone.clone())]) });
    }
    options.push(Named { code: "in_app".into(), name: i18n.t("messages-in-app") });
    let c = &v.chosen;
    let saved: Vec<String> = [("email", c.by_email), ("sms", c.by_sms), ("in_app", c.in_app)]
        .iter()
        .filter(|(_, on)| *on)
        .map(|(k, _)| (*k).to_owned())
        .collect();
    let checked = if state.error.is_some() {
        state.value("channels").split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
    } else {
        saved
    };
    let languages: Vec<(String, String)> =
        Lang::ALL.iter().map(|l| (l.code().to_owned(), i18n.code("lang", l.code()))).collect();
    let formats: Vec<(String, String)> =
        EmailFormat::ALL.iter().map(|f| (f.code().to_owned(), i18n.code("email_format", f.code()))).collect();
    let language = state.value_or("language", c.language.code());
    let format = state.value_or("email_format", c.email_format.code());
    view! {
        <p>{i18n.t("messages-lead")}</p>
        <form method="post" action=SaveContactPreferences::PATH class="app-form" novalidate>
            <Checkboxes
                spec=Spec::new("channels", i18n.t("messages-channels")).hint(i18n.t("messages-channels-hint")).error(state.field_error("channels"))
                options=options
                checked=checked
            />
            {v.phone.is_none().then(|| view! { <p class="app-muted">{i18n.t("messages-no-phone")}</p> })}
            <Radios spec={Spec::new("language", i18n.t("messages-language")).value(language).error(state.field_error("language"))} options=languages/>
            <Radios spec={Spec::new("email_format", i18n.t("messages-format")).value(format).error(state.field_error("email_format")).hint(i18n.t("messages-format-hint"))} options=formats/>
            <button type="submit" class="app-button">{i18n.t("messages-save")}</button>
        </form>
    }
}
