use crate::api::audit_search::audit_search;
use crate::components::field::{Choice, Input, Spec};
use crate::components::loaded::load_error;
use crate::components::page::action_label;
use crate::components::url::query_string;
use crate::dto::AuditEntryView;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Kinds of entries staff filter by: a full action code, or a prefix ending in `.`.
const ACTIONS: [&str; 11] = [
    "supplier.",
    "offering.",
    "ceiling.add",
    "item_type.",
    "category.create",
    "ipr.import",
    "complaint.",
    "recipient.view",
    "staff.",
    "supplier.approve",
    "supplier.reject",
];

/// Entries shown at a time (the server's page size).
const PAGE: usize = 100;

/// The audit log for staff: a GET form (words, kind of action, who, dates) and the matching
/// entries, newest first, a hundred at a time. Nothing here changes an entry.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let get = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let args = move || (get("q"), get("action"), get("actor"), get("from"), get("to"), get("before"));
    let entries = Resource::new(args, |(q, action, actor, from, to, before)| {
        audit_search(q, Some(action), Some(actor), Some(from), Some(to), Some(before))
    });
    let action_options = move || {
        ACTIONS
            .iter()
            .map(|a| {
                let label = if a.ends_with('.') {
                    i18n.t(&format!("audit-kind-{}", a.trim_end_matches('.')))
                } else {
                    action_label(a)
                };
                ((*a).to_owned(), label)
            })
            .collect::<Vec<_>>()
    };
    // Drawn again when the address changes, so the fields show the search in it.
    let fields = move || {
        let text =
            |field: &str, key: &str, kind: &'static str| Spec::new(field, i18n.t(key)).kind(kind).value(get(field));
        view! {
            <Input spec=text("q", "audit-search", "search")/>
            <Choice spec=Spec::new("action", i18n.t("audit-action-filter")).value(get("action")) options=action_options()
                empty=i18n.t("audit-any-action")/>
            <Input spec=text("actor", "audit-actor-filter", "search")/>
            <Input spec=text("from", "provision-from", "date")/>
            <Input spec=text("to", "provision-to", "date")/>
        }
    };
    view! {
        <PageHeading key="audit-title"/>
        <p>{i18n.t("audit-lead")}</p>
        <form method="get" action=routes::STAFF_AUDIT class="app-form app-form--inline" role="search">
            {fields}
            <button type="submit" class="app-button">{i18n.t("search-submit")}</button>
        </form>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(list) if list.is_empty() => view! { <p>{i18n.t("audit-empty")}</p> }.into_any(),
                    Ok(list) => {
                        let older = (list.len() >= PAGE).then(|| list.last().map(|e| e.id)).flatten().map(|last| {
                            let q = query.with_untracked(|m| {
                                ["q", "action", "actor", "from", "to"].map(|k| (k, m.get(k).unwrap_or_default()))
                            });
                            let mut pairs: Vec<(&str, String)> = q.to_vec();
                            pairs.push(("before", last.to_string()));
                            format!("{}{}", routes::STAFF_AUDIT, query_string(&pairs))
                        });
                        view! {
                            {table(list)}
                            {older.map(|href| view! { <p><a href=href>{i18n.t("audit-older")}</a></p> })}
                        }.into_any()
                    }
                    Err(e) => load_error(e, routes::STAFF_AUDIT.into()),
                }
            })}
        </Suspense>
    }
}

fn table(list: Vec<AuditEntryView>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="audit-caption">
            <table class="app-table">
                <caption id="audit-caption" class="app-visually-hidden">{i18n.t("audit-title")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("audit-when")}</th>
                    <th scope="col">{i18n.t("audit-who")}</th>
                    <th scope="col">{i18n.t("audit-what")}</th>
                    <th scope="col">{i18n.t("audit-object")}</th>
                    <th scope="col">{i18n.t("audit-why")}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|e| {
                        let label = action_label(&e.action);
                        let code = (label != e.action).then(|| view! { <br/><code class="app-muted">{e.action.clone()}</code> });
                        view! {
                            <tr>
                                <td class="app-nowrap">{e.at}</td>
                                <td>{e.actor}</td>
                                <td>{label}{code}</td>
                                <td>{e.object}</td>
                                <td>{e.reason.unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
