//! A form's state and its error summary: the refusal the server brought back (in the URL
//! after a plain post, or from an upload route's `?error=`), what was typed put back, and
//! the list of problems at the top, each linked to its field (fields are in `field.rs`).
use crate::api::typed::typed_values;
use crate::components::field::{field_id, field_message};
use crate::error::AppError;
use crate::i18n::use_i18n;
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
                // A plain in-page link: the browser moves focus to the field.
                view! { <li><a href=href>{msg}</a></li> }.into_any()
            })
            .collect()
    };
    Some(summary_box(items))
}

fn summary_box(items: Vec<AnyView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
            <h2 id="error-summary-title" class="app-error-summary__title">{i18n.t("error-summary-title")}</h2>
            <ul class="app-error-summary__list">{items}</ul>
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
            let item =
                view! { <li><a href=format!("#{}", field_id(field))>{field_message(&i18n, field, &code)}</a></li> };
            summary_box(vec![item.into_any()])
        })
    }
}
