//! Shows what a page loaded, or why it could not: a visitor is sent to sign in (and back),
//! any other refusal is said in words, never a blank page.
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
use serde::{de::DeserializeOwned, Serialize};

/// Percent-encodes a URL query value.
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Renders `children` with the resource's value once loaded.
#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, children: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let location = use_location();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(v) => children(v).into_any(),
                        Err(AppError::NotSignedIn) => {
                            let here = format!("{}{}", location.pathname.get_untracked(), {
                                let s = location.search.get_untracked();
                                if s.is_empty() { String::new() } else { format!("?{s}") }
                            });
                            view! { <Redirect path=format!("/sign-in?next={}", encode(&here))/> }.into_any()
                        }
                        Err(e) => view! { <p class="app-notice app-notice--error" role="alert">{i18n.err(e.code())}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
