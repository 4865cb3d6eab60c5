//! A drop-down of the 20 regions, named in the reader's language.
use crate::api::reference::regions::regions;
use crate::components::field::{Choice, Field};
use crate::components::form::FormState;
use leptos::prelude::*;

/// A required region field called `name`, labelled by the translation `label`.
#[component]
pub fn RegionSelect(state: FormState, name: &'static str, label: &'static str) -> impl IntoView {
    let list = Resource::new(|| (), |_| regions());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let state = state.clone();
                Suspend::new(async move {
                    let options = list.await.unwrap_or_default().into_iter().map(|r| (r.code, r.name)).collect();
                    view! { <Choice spec={Field { name, label, required: true, autocomplete: "address-level1", ..Default::default() }.spec(&state)} options=options/> }
                })
            }}
        </Suspense>
    }
}
