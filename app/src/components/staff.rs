//! Building blocks of the ministry's pages: a text area and radio buttons that fit the
//! form pattern of `form.rs` (error summary links, hints and errors tied to the control,
//! typed values back after a refusal), pagination for GET filter forms, and the standard
//! answer to a failed data load.
use crate::components::form::{field_id, field_message, FormState};
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, format!("{id}-hint")), (error, format!("{id}-error"))]
        .into_iter()
        .filter_map(|(on, s)| on.then_some(s))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn ErrorLine(id: String, name: &'static str, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let msg = field_message(&i18n, name, &code);
    view! {
        <p id=format!("{id}-error") class="app-field__error">
            <span class="app-visually-hidden">{i18n.t("error-prefix")}" "</span>{msg}
        </p>
    }
}

/// A labelled multi-line text field.
#[component]
pub fn TextAreaField(
    /// `name` of the control.
    name: &'static str,
    /// Translation key of the label.
    label: &'static str,
    /// Translation key of the hint.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The form's state.
    state: FormState,
    /// Initial value when nothing was typed.
    #[prop(optional)]
    value: String,
    /// Visible rows.
    #[prop(default = 5)]
    rows: u32,
    /// Whether it must be filled in.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(name);
    let error = state.field_error(name);
    let value = state.value_or(name, &value);
    let class = if error.is_some() { "app-field app-field--error" } else { "app-field" };
    let describedby = described_by(&id, hint.is_some(), error.is_some());
    let invalid = error.is_some().then_some("true");
    view! {
        <div class=class>
            <label class="app-field__label" for=id.clone()>{i18n.t(label)}</label>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="app-field__hint">{i18n.t(h)}</p> })}
            {error.map(|code| view! { <ErrorLine id=id.clone() name code/> })}
            <textarea class="app-textarea" id=id.clone() name=name rows=rows required=required aria-describedby=describedby aria-invalid=invalid>{value}</textarea>
        </div>
    }
}

/// A group of radio buttons with a legend; the first button carries the field's id, so the
/// error summary's link lands on it.
#[component]
pub fn RadiosField(
    /// `name` of the buttons.
    name: &'static str,
    /// Translation key of the legend.
    legend: &'static str,
    /// `(value, text)` of each button.
    options: Vec<(String, String)>,
    /// The form's state.
    state: FormState,
    /// The value chosen when nothing was typed.
    #[prop(optional)]
    value: String,
    /// Translation key of the hint.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(name);
    let error = state.field_error(name);
    let chosen = state.value_or(name, &value);
    let class = if error.is_some() { "app-field app-field--error" } else { "app-field" };
    let describedby = described_by(&id, hint.is_some(), error.is_some());
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, (v, text))| {
            let input_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            let checked = v == chosen;
            view! {
                <div class="app-radio">
                    <input type="radio" id=input_id.clone() name=name value=v checked=checked/>
                    <label for=input_id>{text}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=class>
            <fieldset class="app-fieldset" aria-describedby=describedby>
                <legend class="app-fieldset__legend">{i18n.t(legend)}</legend>
                {hint.map(|h| view! { <p id=format!("{id}-hint") class="app-field__hint">{i18n.t(h)}</p> })}
                {error.map(|code| view! { <ErrorLine id=id.clone() name code/> })}
                <div class="app-radios">{buttons}</div>
            </fieldset>
        </div>
    }
}

/// What a page shows when its data could not be loaded: the sign-in page for a visitor,
/// otherwise the translated reason.
pub fn load_error(e: AppError, here: String) -> AnyView {
    crate::components::loaded::refusal(e, encode(&here))
}

/// A query string from `(name, value)` pairs, leaving out empty values.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let parts: Vec<String> =
        pairs.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}", encode(v))).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes a query value.
pub fn encode(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A status tag: words always, colour only as emphasis.
pub fn tag(text: String, tone: &'static str) -> impl IntoView {
    let class = match tone {
        "green" => "app-tag app-tag--green",
        "yellow" => "app-tag app-tag--yellow",
        "red" => "app-tag app-tag--red",
        _ => "app-tag",
    };
    view! { <strong class=class>{text}</strong> }
}

/// The page's `<title>` and its one `<h1>` for a page about a named thing (a supplier, an
/// offering): the name is the heading, the kind of page goes in the title.
#[component]
pub fn NamedHeading(
    /// Translation key of the kind of page, e.g. "Supplier".
    kind: &'static str,
    /// The name shown as the heading.
    name: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = format!("{name} — {}", i18n.t(kind));
    view! {
        <crate::components::title::PageTitle text=title/>
        <p class="app-muted">{i18n.t(kind)}</p>
        <h1 class="app-heading">{name}</h1>
    }
}

/// A row of a summary list.
pub fn summary_row(key: String, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="app-summary-list__row">
            <dt class="app-summary-list__key">{key}</dt>
            <dd class="app-summary-list__value">{value}</dd>
        </div>
    }
}

/// A row of links between views of one list (e.g. supplier statuses); the current one is
/// marked with `aria-current` and shown as the pagination's current item.
#[component]
pub fn SubNav(
    /// Translation key of the navigation's label.
    label: &'static str,
    /// `(href, text, current)` of each view.
    items: Vec<(String, String, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let links = items
        .into_iter()
        .map(|(href, text, current)| {
            if current {
                view! { <li><span class="app-pagination__current" aria-current="page">{text}</span></li> }.into_any()
            } else {
                view! { <li><a class="app-pagination__link" href=href>{text}</a></li> }.into_any()
            }
        })
        .collect_view();
    view! { <nav class="app-pagination" aria-label=i18n.t(label)><ul>{links}</ul></nav> }
}

/// An audit action's name in the reader's language (`audit-action-supplier-approve`), or the
/// code itself for an action without a translation.
pub fn action_label(action: &str) -> String {
    let i18n = use_i18n();
    let key = format!("audit-action-{}", action.replace('.', "-"));
    if crate::i18n::has(i18n.lang(), &key) {
        i18n.t(&key)
    } else {
        action.to_owned()
    }
}
