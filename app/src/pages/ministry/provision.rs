use super::provision_chart::ProvisionChart;
use crate::api::ministry::staff_provision::staff_provision;
use crate::components::field::{Input, Spec};
use crate::components::loaded::load_error;
use crate::components::url::query_string;
use crate::dto::ministry::{ProvisionRow, ProvisionView};
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The provision dashboard: national (or regional) totals, the provision rate by region as a
/// chart and a table, the same by category, and the CSV.
#[component]
pub fn StaffProvisionPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || query.with(|q| (q.get("from"), q.get("to")));
    let data = Resource::new(args, |(f, t)| staff_provision(f, t));
    view! {
        <PageHeading key="provision-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => dashboard(v).into_any(),
                    Err(crate::error::AppError::Invalid(fields)) => {
                        let i18n = use_i18n();
                        let msg = fields.first().map(|f| crate::components::field::field_message(&i18n, &f.field, &f.code)).unwrap_or_default();
                        view! { <p class="app-notice app-notice--error" role="alert">{msg}</p> {period_form(String::new(), String::new())} }.into_any()
                    }
                    Err(e) => load_error(e, routes::STAFF_PROVISION.into()),
                }
            })}
        </Suspense>
    }
}

fn period_form(from: String, to: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action=routes::STAFF_PROVISION class="app-form app-form--inline">
            <Input spec=Spec::new("from", i18n.t("provision-from")).kind("date").value(from)/>
            <Input spec=Spec::new("to", i18n.t("provision-to")).kind("date").value(to)/>
            <button type="submit" class="app-button">{i18n.t("provision-show")}</button>
        </form>
    }
}

fn stat(label: String, value: String) -> impl IntoView {
    view! {
        <div class="app-stat">
            <dt class="app-stat__label">{label}</dt>
            <dd class="app-stat__value">{value}</dd>
        </div>
    }
}

fn table(
    id: &'static str,
    caption: String,
    first: &'static str,
    rows: Vec<ProvisionRow>,
    total: Option<ProvisionRow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let dash = || "—".to_owned();
    let line = move |r: ProvisionRow, is_total: bool| {
        let name = if is_total {
            view! { <strong>{r.name.clone()}</strong> }.into_any()
        } else {
            view! { <span>{r.name.clone()}</span> }.into_any()
        };
        view! {
            <tr>
                <th scope="row">{name}</th>
                <td>{r.people_entitled}</td>
                <td>{r.entitlements}</td>
                <td>{r.ordered}</td>
                <td>{r.delivered}</td>
                <td>{r.people_provided}</td>
                <td class="app-nowrap">{r.rate_text().map(|t| format!("{t} %")).unwrap_or_else(dash)}</td>
                <td>{r.median_text().unwrap_or_else(dash)}</td>
                <td>{r.overdue}</td>
                <td class="app-nowrap">{r.state_paid.format(lang)}</td>
            </tr>
        }
    };
    let body = rows.into_iter().map(|r| line(r, false)).collect_view();
    let foot = total.map(|t| view! { <tfoot>{line(t, true)}</tfoot> });
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby=id>
            <table class="app-table">
                <caption id=id>{caption}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t(first)}</th>
                    <th scope="col">{i18n.t("provision-people-entitled")}</th>
                    <th scope="col">{i18n.t("provision-entitlements")}</th>
                    <th scope="col">{i18n.t("provision-ordered")}</th>
                    <th scope="col">{i18n.t("provision-delivered")}</th>
                    <th scope="col">{i18n.t("provision-people-provided")}</th>
                    <th scope="col">{i18n.t("provision-rate")}</th>
                    <th scope="col">{i18n.t("provision-median-days")}</th>
                    <th scope="col">{i18n.t("provision-overdue")}</th>
                    <th scope="col">{i18n.t("provision-state-paid")}</th>
                </tr></thead>
                <tbody>{body}</tbody>
                {foot}
            </table>
        </div>
    }
}

fn dashboard(v: ProvisionView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let t = v.total.clone();
    let csv =
        format!("{}{}", routes::STAFF_PROVISION_CSV, query_string(&[("from", v.from.clone()), ("to", v.to.clone())]));
    let scope = match &v.own_region {
        Some(r) => i18n.ta("staff-scope-region", &[("region", r.clone())]),
        None => i18n.t("staff-scope-country"),
    };
    let chart_rows: Vec<ProvisionRow> = v.regions.iter().filter(|r| r.code != "-").cloned().collect();
    view! {
        <p>{scope}" "{i18n.ta("provision-period", &[("from", v.from.clone()), ("to", v.to.clone())])}" "
            {i18n.ta("provision-computed-at", &[("at", v.computed_at.clone())])}</p>
        {period_form(v.from.clone(), v.to.clone())}
        <p><a href=csv download="">{i18n.t("provision-csv")}</a></p>
        <h2>{t.name.clone()}</h2>
        <dl class="app-stats">
            {stat(i18n.t("provision-people-entitled"), t.people_entitled.to_string())}
            {stat(i18n.t("provision-people-provided"), t.people_provided.to_string())}
            {stat(i18n.t("provision-rate"), t.rate_text().map(|r| format!("{r} %")).unwrap_or_else(|| "—".into()))}
            {stat(i18n.t("provision-median-days"), t.median_text().unwrap_or_else(|| "—".into()))}
            {stat(i18n.t("provision-overdue"), t.overdue.to_string())}
        </dl>
        // An amount is too wide for a stat box; it reads better as a sentence.
        <p>{i18n.t("provision-state-paid")}": "<strong class="app-nowrap">{t.state_paid.format(lang)}</strong></p>
        <details class="app-details">
            <summary>{i18n.t("provision-how")}</summary>
            <div>
                <p>{i18n.t("provision-how-entitled")}</p>
                <p>{i18n.t("provision-how-delivered")}</p>
                <p>{i18n.t("provision-how-median")}</p>
                <p>{i18n.t("provision-how-overdue")}</p>
            </div>
        </details>
        <h2>{i18n.t("provision-by-region")}</h2>
        <ProvisionChart rows=chart_rows caption_id="chart-caption"/>
        {table("regions-caption", i18n.t("provision-regions-caption"), "provision-region", v.regions, Some(v.total.clone()))}
        <h2>{i18n.t("provision-by-category")}</h2>
        {table("categories-caption", i18n.t("provision-categories-caption"), "provision-category", v.categories, Some(v.total))}
    }
}
