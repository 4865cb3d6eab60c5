//! For a representative: whom the page is about, and a plain GET form to switch.
use crate::components::field::{Choice, Spec};
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
        let options: Vec<(String, String)> = acting.choices.into_iter().map(|c| (c.id.to_string(), c.name)).collect();
        let spec = Spec::new("for", i18n.t("acting-for-switch")).value(current.to_string());
        view! {
            <form method="get" action=action class="app-form app-form--inline">
                <Choice spec options no_empty=true/>
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
