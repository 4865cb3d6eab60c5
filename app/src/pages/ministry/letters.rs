use crate::api::ministry::staff_letters::{staff_letter, StaffIssueLetter};
use crate::components::field::{Field, Input, Radios, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::Loaded;
use crate::dto::account::ActivationLetterView;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use leptos::prelude::*;
use server_fn::ServerFn;

/// A regional officer issues an activation letter to a person (or their legal
/// representative) who came to the office with their documents.
#[component]
pub fn StaffLettersPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <WithForm form="issue_letter" path=StaffIssueLetter::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <PageHeading key="letters-title"/>
            <p>{i18n.t("letters-lead")}</p>
            <form method="post" action=StaffIssueLetter::PATH class="app-form" novalidate>
                <Input spec={Field {
                    name: "iin", label: "field-iin", hint: Some("letters-iin-hint"), autocomplete: "off",
                    inputmode: Some("numeric"), required: true, ..Default::default()
                }.spec(&state)}/>
                <Radios spec={Spec::new("for_whom", i18n.t("letters-for-whom")).value(state.value_or("for_whom", "person")).error(state.field_error("for_whom"))} options=vec![
                        ("person".to_owned(), i18n.t("letters-for-person")),
                        ("representative".to_owned(), i18n.t("letters-for-representative")),
                    ]/>
                <button type="submit" class="app-button">{i18n.t("letters-submit")}</button>
            </form>
        </WithForm>
    }
}

/// The letter just issued, to print and hand over; shown this once.
#[component]
pub fn StaffLetterPrintPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| staff_letter());
    view! {
        <PageHeading key="letter-title"/>
        <Loaded resource=data let:letter>
            {letter_view(letter)}
        </Loaded>
    }
}

fn letter_view(letter: Option<ActivationLetterView>) -> AnyView {
    let i18n = use_i18n();
    let Some(l) = letter else {
        return view! {
            <p>{i18n.t("letter-gone")}</p>
            <p><a href="/staff/letters">{i18n.t("letter-new")}</a></p>
        }
        .into_any();
    };
    let whom = if l.for_representative { i18n.t("letter-for-representative") } else { i18n.t("letter-for-person") };
    view! {
        <div class="app-letter">
            <p>{l.region.clone()}", "{l.issued.clone()}</p>
            <dl class="app-summary">
                <div><dt>{i18n.t("letter-person")}</dt><dd>{l.full_name.clone()}</dd></div>
                <div><dt>{i18n.t("field-iin")}</dt><dd>{l.iin.clone()}</dd></div>
                <div><dt>{i18n.t("letter-for")}</dt><dd>{whom}</dd></div>
                <div><dt>{i18n.t("letter-code")}</dt><dd><code class="app-secret">{l.code.clone()}</code></dd></div>
                <div><dt>{i18n.t("letter-valid-until")}</dt><dd>{l.valid_until.clone()}</dd></div>
            </dl>
            <p>{i18n.t("letter-how")}</p>
        </div>
        <p><a href="/staff/letters">{i18n.t("letter-new")}</a></p>
    }
    .into_any()
}
