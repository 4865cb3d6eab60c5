//! The portal's form fields, one family on one frame (govuk-frontend is the model): a label
//! (or a legend for a group), a hint and an error tied to the control with
//! `aria-describedby`, `aria-invalid` on a refused control, and the id `f-<field>` the error
//! summary links to.
//!
//! A field is described by a [`Spec`]: texts already translated, the value and the error
//! already known. A page that keeps its form in a [`FormState`] (the refusal from the URL and
//! what was typed) builds the spec with [`Spec::from_state`]; a page whose values come from a
//! server-side draft sets them itself.
use crate::components::form::FormState;
use crate::dto::supplier::Named;
use crate::i18n::{use_i18n, I18n};
use leptos::prelude::*;

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

/// A field of a form kept in a [`FormState`], described by translation keys; `.spec(&state)`
/// gives the [`Spec`] with the label and hint translated and the typed value and error put in.
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

impl Field {
    /// The field as shown in a form with `state`.
    pub fn spec(self, state: &FormState) -> Spec {
        let i18n = use_i18n();
        Spec::from_state(state, self.name, i18n.t(self.label), &self.value)
            .hint_opt(self.hint.map(|h| i18n.t(h)))
            .kind(self.kind)
            .autocomplete(self.autocomplete)
            .inputmode(self.inputmode)
            .required_if(self.required)
    }
}

/// A field, decided by the page: texts translated, value and error known.
#[derive(Clone, Default)]
pub struct Spec {
    /// Stem of the id (`f-<field>`) and the name of its errors.
    pub field: String,
    /// `name` of the control (defaults to `field`).
    pub name: String,
    /// Label (or legend) text.
    pub label: String,
    /// Hint text.
    pub hint: Option<String>,
    /// Value to show (for a choice: the value chosen).
    pub value: String,
    /// Error code, if refused.
    pub error: Option<String>,
    /// Must be filled in.
    pub required: bool,
    /// `type` of an input (`text` when empty).
    pub kind: &'static str,
    /// `inputmode`.
    pub inputmode: Option<&'static str>,
    /// `autocomplete` (left out when empty).
    pub autocomplete: &'static str,
    /// `min` and `max` of a number.
    pub bounds: (Option<String>, Option<String>),
    /// `maxlength` of a text.
    pub maxlength: Option<u32>,
}

impl Spec {
    /// A field called `field`, labelled `label`.
    pub fn new(field: &str, label: String) -> Self {
        Self { field: field.into(), name: field.into(), label, ..Default::default() }
    }

    /// A field of a form kept in `state`: its error, and what was typed into it (else
    /// `default`). A password is never typed back.
    pub fn from_state(state: &FormState, field: &str, label: String, default: &str) -> Self {
        Self::new(field, label).value(state.value_or(field, default)).error(state.field_error(field))
    }

    /// With a hint.
    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    /// With a hint, if any.
    pub fn hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
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

    /// Required when `on`.
    pub fn required_if(mut self, on: bool) -> Self {
        self.required = on;
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

    /// With an `inputmode`, if any.
    pub fn inputmode(mut self, mode: Option<&'static str>) -> Self {
        self.inputmode = mode;
        self
    }

    /// Of an input type (`date`, `email`, `tel`, `password`...).
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    /// With the least and the greatest number the field takes, where known.
    pub fn bounds(mut self, min: Option<String>, max: Option<String>) -> Self {
        self.bounds = (min, max);
        self
    }

    /// With the longest text the field takes.
    pub fn maxlength(mut self, chars: u32) -> Self {
        self.maxlength = Some(chars);
        self
    }

    /// With the error the list gives for this field, if any (GET forms answered with errors).
    pub fn error_from(self, errors: &[crate::error::FieldError]) -> Self {
        let code = errors.iter().find(|e| e.field == self.field).map(|e| e.code.clone());
        self.error(code)
    }

    /// With an autocomplete token.
    pub fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = token;
        self
    }

    /// The control's id (`f-<field>`), for a control a page draws itself inside [`Framed`].
    pub fn id(&self) -> String {
        field_id(&self.field)
    }

    /// The control's `aria-describedby`: the hint and the error, when there are.
    pub fn described_by(&self) -> Option<String> {
        let id = self.id();
        let ids: Vec<String> =
            [(self.hint.is_some(), format!("{id}-hint")), (self.error.is_some(), format!("{id}-error"))]
                .into_iter()
                .filter_map(|(on, s)| on.then_some(s))
                .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// The control's `aria-invalid`.
    pub fn invalid(&self) -> Option<&'static str> {
        self.error.is_some().then_some("true")
    }

    fn autocomplete_attr(&self) -> Option<&'static str> {
        (!self.autocomplete.is_empty()).then_some(self.autocomplete)
    }
}

/// A field's error, said beside it: `f-<field>-error`, prefixed "Error:" for screen readers.
pub fn error_line(i18n: &I18n, field: &str, code: &str) -> impl IntoView {
    let msg = field_message(i18n, field, code);
    view! {
        <p id=format!("{}-error", field_id(field)) class="app-field__error">
            <span class="app-visually-hidden">{i18n.t("error-prefix")}" "</span>{msg}
        </p>
    }
}

/// The one frame of every field: a label above one control, or a legend above a group; then
/// the hint, then the error, then the control(s).
fn frame(spec: &Spec, group: bool, control: AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let id = spec.id();
    let class = if spec.error.is_some() { "app-field app-field--error" } else { "app-field" };
    let hint = spec.hint.clone().map(|h| view! { <p id=format!("{id}-hint") class="app-field__hint">{h}</p> });
    let error = spec.error.clone().map(|code| error_line(&i18n, &spec.field, &code));
    let label = spec.label.clone();
    if group {
        view! {
            <div class=class>
                <fieldset class="app-fieldset" aria-describedby=spec.described_by()>
                    <legend class="app-fieldset__legend">{label}</legend>
                    {hint}
                    {error}
                    {control}
                </fieldset>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class=class>
                <label class="app-field__label" for=id>{label}</label>
                {hint}
                {error}
                {control}
            </div>
        }
        .into_any()
    }
}

/// A labelled one-line input.
#[component]
pub fn Input(spec: Spec) -> impl IntoView {
    let kind = if spec.kind.is_empty() { "text" } else { spec.kind };
    let value = if kind == "password" { String::new() } else { spec.value.clone() };
    let control = view! {
        <input class="app-input" id=spec.id() name=spec.name.clone() type=kind value=value
            autocomplete=spec.autocomplete_attr() inputmode=spec.inputmode required=spec.required
            min=spec.bounds.0.clone() max=spec.bounds.1.clone() maxlength=spec.maxlength
            aria-describedby=spec.described_by() aria-invalid=spec.invalid()/>
    }
    .into_any();
    frame(&spec, false, control)
}

/// A labelled multi-line text.
#[component]
pub fn LongText(spec: Spec, #[prop(default = 5)] rows: u32) -> impl IntoView {
    let control = view! {
        <textarea class="app-textarea" id=spec.id() name=spec.name.clone() rows=rows required=spec.required
            aria-describedby=spec.described_by() aria-invalid=spec.invalid()>{spec.value.clone()}</textarea>
    }
    .into_any();
    frame(&spec, false, control)
}

/// A labelled drop-down of `(value, text)` options after an empty first option ("choose",
/// unless `empty` names what choosing nothing means), or with none when `no_empty` (a filter
/// whose every option is a choice, such as a sort order).
#[component]
pub fn Choice(
    spec: Spec,
    options: Vec<(String, String)>,
    /// The text of the empty first option.
    #[prop(optional)]
    empty: Option<String>,
    /// No empty first option.
    #[prop(optional)]
    no_empty: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let selected = spec.value.clone();
    let empty = (!no_empty).then(|| empty.unwrap_or_else(|| i18n.t("select-choose")));
    let control = view! {
        <select class="app-select" id=spec.id() name=spec.name.clone() required=spec.required
            autocomplete=spec.autocomplete_attr() aria-describedby=spec.described_by() aria-invalid=spec.invalid()>
            {empty.map(|e| view! { <option value="">{e}</option> })}
            {options.into_iter().map(|(v, text)| {
                let is = v == selected;
                view! { <option value=v selected=is>{text}</option> }
            }).collect_view()}
        </select>
    }
    .into_any();
    frame(&spec, false, control)
}

/// The one frame around a control the kit does not draw (a drop-down with option groups, or one
/// filled in when its options arrive). The control takes its id, `aria-describedby` and
/// `aria-invalid` from the same `spec`.
#[component]
pub fn Framed(spec: Spec, children: Children) -> impl IntoView {
    frame(&spec, false, children().into_any())
}

/// A labelled file input; `accept` lists the types offered. A refused upload comes back
/// with its error code in `spec.error` (see [`crate::components::form::upload_error`]).
#[component]
pub fn Upload(spec: Spec, accept: &'static str) -> impl IntoView {
    let control = view! {
        <input class="app-input" id=spec.id() name=spec.name.clone() type="file" accept=accept required=spec.required
            aria-describedby=spec.described_by() aria-invalid=spec.invalid()/>
    }
    .into_any();
    frame(&spec, false, control)
}

/// A group of radio buttons of `(value, text)` options under a legend; the first button
/// carries the field's id, so the error summary's link lands on it.
#[component]
pub fn Radios(spec: Spec, options: Vec<(String, String)>) -> impl IntoView {
    let id = spec.id();
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, (v, text))| {
            let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            let checked = v == spec.value;
            view! {
                <div class="app-radio">
                    <input type="radio" id=input_id.clone() name=spec.name.clone() value=v checked=checked/>
                    <label for=input_id>{text}</label>
                </div>
            }
        })
        .collect_view();
    let control = view! { <div class="app-radios">{buttons}</div> }.into_any();
    frame(&spec, true, control)
}

/// A group of checkboxes under a legend, named `<name>[]` so the server gets a list. The
/// first box carries the field's id, so the error summary can link to it.
#[component]
pub fn Checkboxes(spec: Spec, options: Vec<Named>, checked: Vec<String>) -> impl IntoView {
    let stem = spec.id();
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
    let control = view! { <div class="app-checkboxes">{boxes}</div> }.into_any();
    frame(&spec, true, control)
}

/// `Named` options as the `(value, text)` pairs a choice takes.
pub fn named_options(options: Vec<Named>) -> Vec<(String, String)> {
    options.into_iter().map(|o| (o.code, o.name)).collect()
}
