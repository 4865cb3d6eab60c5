//! Form controls the supplier journey needs beyond `form.rs`: long text, checkbox lists,
//! fields whose name differs from their id (`params[seat_width_cm]`), values that come from
//! a server-side draft rather than the typed-values cookie, and the error of an upload that
//! came back in the URL. Same markup and accessibility as `form.rs`: a label for each
//! control, hint and error tied with `aria-describedby`, ids `f-<field>` for the summary.
use crate::components::form::{field_id, field_message};
use crate::dto::supplier::Named;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A field, decided by the page: texts already translated, value and error already known.
#[derive(Clone, Default)]
pub struct Spec {
    /// Stem of the id (`f-<field>`) and the name of its errors.
    pub field: String,
    /// `name` of the control (defaults to `field`).
    pub name: String,
    /// Label text.
    pub label: String,
    /// Hint text.
    pub hint: Option<String>,
    /// Value to show.
    pub value: String,
    /// Error code, if refused.
    pub error: Option<String>,
    /// Must be filled in.
    pub required: bool,
    /// `type` of an input (`text` when empty).
    pub kind: &'static str,
    /// `inputmode`.
    pub inputmode: Option<&'static str>,
    /// `autocomplete` (`off` when empty).
    pub autocomplete: &'static str,
}

impl Spec {
    /// A field called `field`, labelled `label`.
    pub fn new(field: &str, label: String) -> Self {
        Self { field: field.into(), name: field.into(), label, ..Default::default() }
    }

    /// With a hint.
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    /// With a value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = value.into();
        self
    }

    /// With an error code.
    pub fn error(mut self, error: Option<String>) -> Self {
        self.error = error;
        self
    }

    /// Required.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// With a control name different from the field.
    pub fn named(mut self, name: String) -> Self {
        self.name = name;
        self
    }

    /// A numeric text input (no spinner; the server parses).
    pub fn numeric(mut self) -> Self {
        self.inputmode = Some("numeric");
        self
    }

    /// Of an input type (`date`, `email`, `tel`...).
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    /// With an autocomplete token.
    pub fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = token;
        self
    }

    fn described_by(&self) -> Option<String> {
        let id = field_id(&self.field);
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if self.error.is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

fn hint_and_error(i18n: I18n, spec: &Spec) -> impl IntoView {
    let id = field_id(&spec.field);
    let hint = spec.hint.clone().map(|h| view! { <p id=format!("{id}-hint") class="app-field__hint">{h}</p> });
    let error = spec.error.clone().map(|code| {
        let msg = field_message(&i18n, &spec.field, &code);
        view! {
            <p id=format!("{id}-error") class="app-field__error">
                <span class="app-visually-hidden">{i18n.t("error-prefix")}" "</span>{msg}
            </p>
        }
    });
    (hint, error)
}

fn field_class(spec: &Spec) -> &'static str {
    if spec.error.is_some() {
        "app-field app-field--error"
    } else {
        "app-field"
    }
}

/// A labelled one-line input.
#[component]
pub fn Input(spec: Spec) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&spec.field);
    let kind = if spec.kind.is_empty() { "text" } else { spec.kind };
    let auto = if spec.autocomplete.is_empty() { "off" } else { spec.autocomplete };
    view! {
        <div class=field_class(&spec)>
            <label class="app-field__label" for=id.clone()>{spec.label.clone()}</label>
            {hint_and_error(i18n, &spec)}
            <input class="app-input" id=id name=spec.name.clone() type=kind value=spec.value.clone() autocomplete=auto
                inputmode=spec.inputmode required=spec.required aria-describedby=spec.described_by()
                aria-invalid=spec.error.is_some().then_some("true")/>
        </div>
    }
}

/// A labelled multi-line text.
#[component]
pub fn LongText(spec: Spec, #[prop(default = 5)] rows: u32) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&spec.field);
    view! {
        <div class=field_class(&spec)>
            <label class="app-field__label" for=id.clone()>{spec.label.clone()}</label>
            {hint_and_error(i18n, &spec)}
            <textarea class="app-textarea" id=id name=spec.name.clone() rows=rows required=spec.required
                aria-describedby=spec.described_by() aria-invalid=spec.error.is_some().then_some("true")>{spec.value.clone()}</textarea>
        </div>
    }
}

/// A labelled drop-down with a "choose" first option.
#[component]
pub fn Choice(spec: Spec, options: Vec<Named>) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(&spec.field);
    let selected = spec.value.clone();
    view! {
        <div class=field_class(&spec)>
            <label class="app-field__label" for=id.clone()>{spec.label.clone()}</label>
            {hint_and_error(i18n, &spec)}
            <select class="app-select" id=id name=spec.name.clone() required=spec.required
                aria-describedby=spec.described_by() aria-invalid=spec.error.is_some().then_some("true")>
                <option value="">{i18n.t("select-choose")}</option>
                {options.into_iter().map(|o| {
                    let is = o.code == selected;
                    view! { <option value=o.code selected=is>{o.name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A group of checkboxes in a fieldset, named `<name>[]` so the server gets a list. The
/// first box carries the field's id, so the error summary can link to it.
#[component]
pub fn Checkboxes(spec: Spec, options: Vec<Named>, checked: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let stem = field_id(&spec.field);
    let name = format!("{}[]", spec.name);
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let id = if i == 0 { stem.clone() } else { format!("{stem}-{}", o.code) };
            let on = checked.contains(&o.code);
            view! {
                <div class="app-checkbox">
                    <input type="checkbox" id=id.clone() name=name.clone() value=o.code checked=on/>
                    <label for=id>{o.name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=field_class(&spec)>
            <fieldset class="app-fieldset" aria-describedby=spec.described_by()>
                <legend class="app-fieldset__legend">{spec.label.clone()}</legend>
                {hint_and_error(i18n, &spec)}
                <div class="app-checkboxes">{boxes}</div>
            </fieldset>
        </div>
    }
}

/// The error code an upload route put in the URL (`?error=<code>`), if any.
pub fn upload_error() -> Memo<Option<String>> {
    let query = use_query_map();
    Memo::new(move |_| {
        query
            .with(|q| q.get("error"))
            .filter(|c| !c.is_empty() && c.len() <= 40 && c.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    })
}

/// The error summary of an upload that came back with `?error=<code>`, linking to the field
/// `field_for(code)` names.
#[component]
pub fn UploadErrorSummary(field_for: fn(&str) -> &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let error = upload_error();
    move || {
        error.get().map(|code| {
            let field = field_for(&code);
            let msg = field_message(&i18n, field, &code);
            view! {
                <div class="app-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
                    <h2 id="error-summary-title" class="app-error-summary__title">{i18n.t("error-summary-title")}</h2>
                    <ul class="app-error-summary__list"><li><a href=format!("#{}", field_id(field)) rel="external">{msg}</a></li></ul>
                </div>
            }
        })
    }
}
