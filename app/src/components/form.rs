//! Accessible forms: an error summary linked to each field, labels, hints and errors tied
//! to their control with `aria-describedby`, and what was typed put back after a refusal.
use crate::api::typed::typed_values;
use crate::error::AppError;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use server_fn::error::ServerFnUrlError;

/// What a form shows after a refusal: the error and the values typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormState {
    /// The refusal, if the last submission was refused.
    pub error: Option<AppError>,
    /// Values as typed.
    pub typed: Vec<(String, String)>,
}

impl FormState {
    /// The value typed into `field`, or empty.
    pub fn value(&self, field: &str) -> String {
        self.typed.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// The value typed into `field`, or `default` when nothing was typed.
    pub fn value_or(&self, field: &str, default: &str) -> String {
        self.typed.iter().find(|(k, _)| k == field).map(|(_, v)| v.clone()).unwrap_or_else(|| default.to_owned())
    }

    /// The error code of `field`, if it has one.
    pub fn field_error(&self, field: &str) -> Option<String> {
        self.error.as_ref().and_then(|e| e.field_code(field)).map(str::to_owned)
    }
}

/// The element id of a field.
pub fn field_id(name: &str) -> String {
    format!("f-{name}")
}

/// The message for a field's error: `err-<field>-<code>` when there is one, else `err-<code>`.
pub fn field_message(i18n: &I18n, field: &str, code: &str) -> String {
    let specific = format!("err-{field}-{code}");
    if crate::i18n::has(i18n.lang(), &specific) {
        i18n.t(&specific)
    } else {
        i18n.err(code)
    }
}

/// The refusal of the server function at `path`, as the browser brought it back in the URL.
pub fn refusal_for(path: &'static str) -> Memo<Option<AppError>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| match (q.get_str("__err"), q.get_str("__path")) {
            (Some(err), Some(p)) if p == path => Some(ServerFnUrlError::<AppError>::decode_err(err)),
            _ => None,
        })
    })
}

/// Renders `children` with the form's state: the refusal from the URL and, when there is
/// one, what was typed, as kept by the server.
#[component]
pub fn WithForm<F, V>(
    /// The form's name, as the server function keeps typed values under it.
    form: &'static str,
    /// The path of the server function the form posts to.
    path: &'static str,
    /// The form itself.
    children: F,
) -> impl IntoView
where
    F: Fn(FormState) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let error = refusal_for(path);
    let typed = Resource::new(
        move || error.get().is_some(),
        move |refused| async move {
            if refused {
                typed_values(form.to_owned()).await.unwrap_or_default()
            } else {
                Vec::new()
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let typed = typed.await;
                    children(FormState { error: error.get_untracked(), typed })
                })
            }}
        </Suspense>
    }
}

/// The list of problems at the top of a form, each linked to its field.
#[component]
pub fn ErrorSummary(state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let error = state.error?;
    let items: Vec<_> = if error.fields().is_empty() {
        vec![view! { <li>{i18n.err(error.code())}</li> }.into_any()]
    } else {
        error
            .fields()
            .iter()
            .map(|f| {
                let href = format!("#{}", field_id(&f.field));
                let msg = field_message(&i18n, &f.field, &f.code);
                // `rel="external"`: the browser, not the client-side router, follows the link,
                // so focus moves to the field as it does without JavaScript.
                view! { <li><a href=href rel="external">{msg}</a></li> }.into_any()
            })
            .collect()
    };
    Some(view! {
        <div class="app-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
            <h2 id="error-summary-title" class="app-error-summary__title">{i18n.t("error-summary-title")}</h2>
            <ul class="app-error-summary__list">{items}</ul>
        </div>
    })
}

/// How a text field is set up.
#[derive(Clone, Default)]
pub struct Field {
    /// `name` of the control.
    pub name: &'static str,
    /// Translation key of the label.
    pub label: &'static str,
    /// Translation key of the hint, if any.
    pub hint: Option<&'static str>,
    /// `type` attribute (`text` when empty).
    pub kind: &'static str,
    /// `autocomplete` attribute.
    pub autocomplete: &'static str,
    /// `inputmode` attribute, if any.
    pub inputmode: Option<&'static str>,
    /// Whether the field must be filled in.
    pub required: bool,
    /// Initial value when nothing was typed.
    pub value: String,
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn FieldFrame(
    id: String,
    name: &'static str,
    label: String,
    hint: Option<String>,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = if error.is_some() { "app-field app-field--error" } else { "app-field" };
    let error_view = error.map(|code| {
        let msg = field_message(&i18n, name, &code);
        view! {
            <p id=format!("{id}-error") class="app-field__error">
                <span class="app-visually-hidden">{i18n.t("error-prefix")}" "</span>{msg}
            </p>
        }
    });
    view! {
        <div class=class>
            <label class="app-field__label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="app-field__hint">{h}</p> })}
            {error_view}
            {children()}
        </div>
    }
}

/// A labelled text input.
#[component]
pub fn TextField(field: Field, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field.name);
    let error = state.field_error(field.name);
    let value = if field.kind == "password" { String::new() } else { state.value_or(field.name, &field.value) };
    let describedby = described_by(&id, field.hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let kind = if field.kind.is_empty() { "text" } else { field.kind };
    view! {
        <FieldFrame id=id.clone() name=field.name label=i18n.t(field.label) hint=field.hint.map(|h| i18n.t(h)) error=error>
            <input
                class="app-input"
                id=id
                name=field.name
                type=kind
                value=value
                autocomplete=(!field.autocomplete.is_empty()).then_some(field.autocomplete)
                inputmode=field.inputmode
                required=field.required
                aria-describedby=describedby
                aria-invalid=invalid
            />
        </FieldFrame>
    }
}

/// A labelled drop-down list of `(value, text)` options.
#[component]
pub fn SelectField(field: Field, options: Vec<(String, String)>, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field.name);
    let error = state.field_error(field.name);
    let selected = state.value_or(field.name, &field.value);
    let describedby = described_by(&id, field.hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    let choose = i18n.t("select-choose");
    view! {
        <FieldFrame id=id.clone() name=field.name label=i18n.t(field.label) hint=field.hint.map(|h| i18n.t(h)) error=error>
            <select class="app-select" id=id name=field.name required=field.required aria-describedby=describedby aria-invalid=invalid autocomplete=(!field.autocomplete.is_empty()).then_some(field.autocomplete)>
                <option value="">{choose}</option>
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let is_selected = v == selected;
                        view! { <option value=v selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// A labelled group of radio buttons; the first radio carries the field's id so the error
/// summary can link to it.
#[component]
pub fn RadioField(
    /// `name` of the radios.
    name: &'static str,
    /// The legend, already translated.
    legend: String,
    /// Options as (value, label).
    options: Vec<(String, String)>,
    /// The value checked.
    selected: String,
    /// The form's state (for the error).
    state: FormState,
    /// A hint, already translated.
    #[prop(optional)]
    hint: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(name);
    let error = state.field_error(name);
    let describedby = described_by(&id, hint.is_some(), error.is_some());
    let class = if error.is_some() { "app-field app-field--error" } else { "app-field" };
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let rid = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            let checked = value == selected;
            view! {
                <div class="app-radio">
                    <input type="radio" id=rid.clone() name=name value=value checked=checked/>
                    <label for=rid>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=class>
            <fieldset class="app-fieldset" aria-describedby=describedby>
                <legend class="app-fieldset__legend">{legend}</legend>
                {hint.map(|h| view! { <p id=format!("{id}-hint") class="app-field__hint">{h}</p> })}
                {error.map(|code| view! {
                    <p id=format!("{id}-error") class="app-field__error">
                        <span class="app-visually-hidden">{i18n.t("error-prefix")}" "</span>{field_message(&i18n, name, &code)}
                    </p>
                })}
                <div class="app-radios">{radios}</div>
            </fieldset>
        </div>
    }
}
