use crate::api::ministry::staff_complaints::staff_complaints;
use crate::components::field::{Choice, Input, Spec};
use crate::components::loaded::load_error;
use crate::components::page::SubNav;
use crate::components::pager::Pager;
use crate::components::status::{tag, Tone};
use crate::components::url::query_string;
use crate::domain::ComplaintStatus;
use crate::dto::ministry::{ComplaintList, ComplaintRow};
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::sync::Arc;

/// The complaints desk: complaints in the officer's scope, overdue first, with deadlines in
/// days; filters by status, assignment and order number.
#[component]
pub fn StaffComplaintsPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || query.with(|q| (q.get("status"), q.get("assigned"), q.get("q"), q.get("page")));
    let data = Resource::new(args, |(s, a, q, p)| staff_complaints(s, a, q, p));
    view! {
        <DoneBanner/>
        <PageHeading key="staff-complaints-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => list(v).into_any(),
                    Err(e) => load_error(e, routes::STAFF_COMPLAINTS.into()),
                }
            })}
        </Suspense>
    }
}

/// "3 days left", "due today" or "2 days overdue", with an Overdue tag when it is.
pub fn deadline(r: &ComplaintRow) -> AnyView {
    let i18n = use_i18n();
    let text = if r.status == ComplaintStatus::Closed {
        String::new()
    } else if r.overdue {
        i18n.ta("staff-overdue-days", &[("count", (-r.days_left).max(0).to_string())])
    } else if r.days_left == 0 {
        i18n.t("staff-due-today")
    } else {
        i18n.ta("staff-days-left", &[("count", r.days_left.to_string())])
    };
    view! {
        <span class="app-nowrap">{r.due_on.clone()}</span>
        {r.overdue.then(|| view! { " " {tag(i18n.t("staff-overdue"), Tone::Red)} })}
        {(!text.is_empty()).then(|| view! { <br/><span>{text}</span> })}
    }
    .into_any()
}

fn list(v: ComplaintList) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let (status, assigned, q) = query.with_untracked(|m| {
        (m.get("status").unwrap_or_default(), m.get("assigned").unwrap_or_default(), m.get("q").unwrap_or_default())
    });
    let tabs: Vec<(String, String, bool)> =
        [("", "staff-complaints-open"), ("closed", "staff-complaints-closed"), ("all", "staff-complaints-all")]
            .into_iter()
            .map(|(code, key)| {
                let current = status == code || (code.is_empty() && !matches!(status.as_str(), "closed" | "all"));
                (
                    format!(
                        "{}{}",
                        routes::STAFF_COMPLAINTS,
                        query_string(&[("status", code.into()), ("assigned", assigned.clone())])
                    ),
                    i18n.t(key),
                    current,
                )
            })
            .collect();
    let assigned_options: Vec<(String, String)> =
        [("", "staff-assigned-anyone"), ("me", "staff-assigned-me"), ("unassigned", "staff-assigned-nobody")]
            .into_iter()
            .map(|(code, key)| (code.to_owned(), i18n.t(key)))
            .collect();
    let assigned_spec = Spec::new("assigned", i18n.t("staff-assigned-filter")).value(assigned.clone());
    let page = v.page;
    let (s2, a2, q2) = (status.clone(), assigned.clone(), q.clone());
    let href: Arc<dyn Fn(u32) -> String + Send + Sync> = Arc::new(move |p| {
        format!(
            "{}{}",
            routes::STAFF_COMPLAINTS,
            query_string(&[
                ("status", s2.clone()),
                ("assigned", a2.clone()),
                ("q", q2.clone()),
                ("page", p.to_string())
            ])
        )
    });
    let rows = v
        .rows
        .iter()
        .map(|r| {
            let href = format!("{}/{}", routes::STAFF_COMPLAINTS, r.id);
            view! {
                <tr>
                    <td><a href=href>{r.order_number.clone()}</a></td>
                    <td>{r.supplier.clone()}</td>
                    <td>{r.region.clone()}</td>
                    <td class="app-nowrap">{r.filed_on.clone()}</td>
                    <td>{deadline(r)}</td>
                    <td>{i18n.code("staff-complaint-status", r.status.code())}</td>
                    <td>{r.assigned_to.clone().unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = v.rows.is_empty();
    view! {
        {(v.overdue > 0).then(|| view! {
            <div class="app-notice"><p><strong>{i18n.ta("staff-complaints-overdue", &[("count", v.overdue.to_string())])}</strong></p></div>
        })}
        <SubNav label="staff-complaints-tabs" items=tabs/>
        <form method="get" action=routes::STAFF_COMPLAINTS class="app-form app-form--inline" role="search">
            <input type="hidden" name="status" value=status.clone()/>
            <Choice spec=assigned_spec options=assigned_options no_empty=true/>
            <Input spec=Spec::new("q", i18n.t("staff-complaints-search")).kind("search").value(q)/>
            <button type="submit" class="app-button">{i18n.t("search-submit")}</button>
        </form>
        <p role="status">{i18n.ta("staff-complaints-count", &[("count", page.total.to_string())])}</p>
        {(!empty).then(|| view! {
            <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="complaints-caption">
                <table class="app-table">
                    <caption id="complaints-caption" class="app-visually-hidden">{i18n.t("staff-complaints-title")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("staff-order")}</th>
                        <th scope="col">{i18n.t("staff-offering-supplier")}</th>
                        <th scope="col">{i18n.t("staff-supplier-region")}</th>
                        <th scope="col">{i18n.t("staff-filed")}</th>
                        <th scope="col">{i18n.t("staff-due")}</th>
                        <th scope="col">{i18n.t("staff-status")}</th>
                        <th scope="col">{i18n.t("staff-assigned")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
        <Pager page href/>
    }
}
