//! For a representative: whom the page is about, and a plain GET form to switch.
use crate::dto::recipient::ActingFor;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Shows whom the page is for; for representatives with several people, a switch.
#[component]
pub fn ActingForSwitch(acting: ActingFor, action: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if !acting.as_representative {
        return ().into_any();
    }
    let current = acting.current.id;
    let name = acting.current.name.clone();
    let switch = (acting.choices.len() > 1).then(|| {
        let options = acting
            .choices
            .into_iter()
            .map(|c| view! { <option value=c.id.to_string() selected=c.id == current>{c.name}</option> })
            .collect_view();
        view! {
            <form method="get" action=action class="app-form app-form--inline">
                <div class="app-field">
                    <label class="app-field__label" for="f-for">{i18n.t("acting-for-switch")}</label>
                    <select class="app-select" id="f-for" name="for">{options}</select>
                </div>
                <button type="submit" class="app-button app-button--secondary">{i18n.t("acting-for-show")}</button>
            </form>
        }
    });
    view! {
        <div class="app-inset">
            <p>{i18n.ta("acting-for-now", &[("name", name)])}</p>
            {switch}
        </div>
    }
    .into_any()
}

/// The `for` query parameter of the current page, if any.
pub fn for_param() -> Memo<Option<i32>> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| query.with(|q| q.get("for")).and_then(|v| v.parse().ok()))
}
