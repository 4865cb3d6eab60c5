//! One file per page.
pub mod account;
pub mod audit;
pub mod confirm_email;
pub mod dashboard;
pub mod home;
pub mod ministry;
pub mod not_found;
pub mod password_reset;
pub mod recipient;
pub mod sign_in;
pub mod sign_up;
pub mod sign_up_recipient;
pub mod sign_up_sent;
pub mod sign_up_supplier;
pub mod supplier;

use crate::components::title::PageTitle;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The page's `<title>` and its one `<h1>`.
#[component]
pub fn PageHeading(key: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let text = i18n.t(key);
    view! {
        <PageTitle text=text.clone()/>
        <h1 class="app-heading">{text}</h1>
    }
}

/// A green confirmation banner for `?done=<code>` after a successful action.
#[component]
pub fn DoneBanner() -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    move || {
        query.with(|q| q.get("done")).filter(|d| d.chars().all(|c| c.is_ascii_lowercase() || c == '_')).map(|done| {
            view! {
                <div class="app-notice app-notice--success" role="status">
                    <p>{i18n.t(&format!("done-{done}"))}</p>
                </div>
            }
        })
    }
}
