use crate::api::recipient::notifications_list::notifications_list;
use crate::api::recipient::notifications_read::NotificationsRead;
use crate::components::loaded::Loaded;
use crate::components::me::use_session;
use crate::domain::Role;
use crate::dto::orders::NotificationView;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use leptos::prelude::*;
use server_fn::ServerFn;

/// Notifications: readable without JavaScript; marked read only when asked.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| notifications_list());
    view! {
        <DoneBanner/>
        <PageHeading key="notifications-title"/>
        <Loaded resource=data let:list>
            {page(list)}
        </Loaded>
    }
}

fn page(list: Vec<NotificationView>) -> impl IntoView {
    let i18n = use_i18n();
    let supplier = use_session().is_some_and(|s| s.role == Role::Supplier);
    if list.is_empty() {
        return view! { <p>{i18n.t("notifications-none")}</p> }.into_any();
    }
    let any_unread = list.iter().any(|n| n.unread);
    let items = list
        .into_iter()
        .map(|n| {
            let mut args: Vec<(&'static str, String)> = Vec::new();
            for (k, v) in &n.args {
                let key: &'static str = match k.as_str() {
                    "number" => "number",
                    "due" => "due",
                    "note" => "note",
                    "status" => "status",
                    _ => continue,
                };
                let v = if key == "status" { i18n.code("order_status", v) } else { v.clone() };
                args.push((key, v));
            }
            let text = i18n.ta(&format!("notification-{}", n.kind), &args);
            let href = n.order_id.map(|id| if supplier { format!("/supplier/orders/{id}") } else { format!("/orders/{id}") });
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
    }
    .into_any()
}
