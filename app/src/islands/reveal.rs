//! A conditional reveal, after govuk-frontend's conditional radios.
use leptos::prelude::*;

/// Wraps a group of radio buttons named `name` and shows the element `target` (an id) only
/// while the button with `value` is chosen. Without JavaScript the element is always shown
/// and its hint says when it is needed. Hiding it never clears what was typed into it: the
/// server decides what it keeps, as it does without JavaScript.
#[island]
pub fn Reveal(name: String, value: String, target: String, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let (n, v, t) = (name.clone(), value.clone(), target.clone());
        Effect::new(move |_| show_when_chosen(&n, &v, &t));
    }
    let on_change = move |_| {
        #[cfg(feature = "hydrate")]
        show_when_chosen(&name, &value, &target);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&name, &value, &target);
    };
    view! { <div class="app-reveal" on:change=on_change>{children()}</div> }
}

/// Hides `target` unless the chosen button of the group `name` has `value`.
#[cfg(feature = "hydrate")]
fn show_when_chosen(name: &str, value: &str, target: &str) {
    let document = document();
    let chosen = document
        .query_selector(&format!("input[type=radio][name=\"{name}\"]:checked"))
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("value"));
    if let Some(el) = document.get_element_by_id(target) {
        let _ = el.toggle_attribute_with_force("hidden", chosen.as_deref() != Some(value));
    }
}
