//! Pieces of a page's body: the heading of a page about a named thing, summary-list rows,
//! the links between views of one list, and an audit action's name.
use crate::i18n::use_i18n;
use leptos::prelude::*;

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
