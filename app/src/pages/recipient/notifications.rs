use crate::api::recipient::notifications_list::notifications_list;
use crate::api::recipient::notifications_read::NotificationsRead;
use crate::components::loaded::Loaded;
use crate::components::me::use_session;
use crate::components::pager::{page_param, Pager};
use crate::dto::orders::NotificationsView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn;

/// Notifications: readable without JavaScript; marked read only when asked.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let query = use_query_map();
    let page_no = Memo::new(move |_| query.with(page_param));
    let data = Resource::new(move || page_no.get(), |page| notifications_list(Some(page)));
    view! {
        <DoneBanner/>
        <PageHeading key="notifications-title"/>
        <Loaded resource=data let:list>
            {page(list)}
        </Loaded>
    }
}

fn page(view: NotificationsView) -> impl IntoView {
    let i18n = use_i18n();
    let NotificationsView { items: list, page } = view;
    let role = use_session().map(|s| s.role);
    if list.is_empty() {
        return view! { <p>{i18n.t("notifications-none")}</p> }.into_any();
    }
    let any_unread = list.iter().any(|n| n.unread);
    let items = list
        .into_iter()
        .map(|n| {
            let text = crate::notices::notice_text(i18n.lang(), &n.kind, &n.args);
            let href = crate::notices::notice_path(role, &n.kind, n.order_id, &n.args);
            view! {
                <li class="app-card">
                    {n.unread.then(|| view! { <strong class="app-tag">{i18n.t("notifications-new")}</strong>" " })}
                    {match href { Some(h) => view! { <a href=h>{text}</a> }.into_any(), None => view! { <span>{text}</span> }.into_any() }}
                    <p class="app-muted">{n.at}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        {any_unread.then(|| view! {
            <form method="post" action=NotificationsRead::PATH>
                <button type="submit" class="app-button app-button--secondary">{i18n.t("notifications-mark-read")}</button>
            </form>
        })}
        <ul class="app-results">{items}</ul>
        <Pager page/>
    }
    .into_any()
}
