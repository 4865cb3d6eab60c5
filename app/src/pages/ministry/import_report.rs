use crate::api::ministry::staff_import::staff_import;
use crate::components::loaded::load_error;
use crate::components::status::{tag, Tone};
use crate::dto::ministry::{ImportLine, ImportReport, LineOutcome};
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Loaded lines shown on the page at most (the counts always cover every line).
const SHOWN: usize = 1000;

/// One import's report: the counts, each refused line with its reason, then the lines loaded.
#[component]
pub fn StaffImportReportPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, staff_import);
    view! {
        <DoneBanner/>
        <PageHeading key="staff-import-report-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(r) => report(r).into_any(),
                    Err(e) => load_error(e, format!("{}/{}", routes::STAFF_IMPORTS, id())),
                }
            })}
        </Suspense>
    }
}

fn stat(label: String, value: u32) -> impl IntoView {
    view! {
        <div class="app-stat">
            <dt class="app-stat__label">{label}</dt>
            <dd class="app-stat__value">{value}</dd>
        </div>
    }
}

fn lines_table(id: &'static str, caption: String, lines: Vec<ImportLine>, with_reason: bool) -> impl IntoView {
    let i18n = use_i18n();
    let rows = lines
        .into_iter()
        .map(|l| {
            let outcome = match l.outcome {
                LineOutcome::Accepted => tag(i18n.t("staff-line-accepted"), Tone::Green).into_any(),
                LineOutcome::Unchanged => tag(i18n.t("staff-line-unchanged"), Tone::Neutral).into_any(),
                LineOutcome::Refused => tag(i18n.t("staff-line-refused"), Tone::Red).into_any(),
            };
            let note = if with_reason {
                l.reason.map(|r| i18n.code("staff-line-reason", &r)).unwrap_or_default()
            } else if l.deferred {
                i18n.t("staff-line-deferred")
            } else {
                String::new()
            };
            view! {
                <tr>
                    <td>{l.line}</td>
                    <td class="app-nowrap">{l.iin}</td>
                    <td>{l.ipr_number}</td>
                    <td><code>{l.item_type}</code></td>
                    <td>{outcome}</td>
                    <td>{note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id=id>{caption}</h2>
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby=id>
            <table class="app-table">
                <thead><tr>
                    <th scope="col">{i18n.t("staff-line")}</th>
                    <th scope="col">{i18n.t("staff-line-iin")}</th>
                    <th scope="col">{i18n.t("staff-line-ipr")}</th>
                    <th scope="col">{i18n.t("staff-item-type")}</th>
                    <th scope="col">{i18n.t("staff-line-outcome")}</th>
                    <th scope="col">{i18n.t(if with_reason { "staff-reason" } else { "staff-line-note" })}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn report(r: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let s = r.summary;
    let (refused, loaded): (Vec<ImportLine>, Vec<ImportLine>) =
        r.lines.into_iter().partition(|l| l.outcome == LineOutcome::Refused);
    let more = loaded.len().saturating_sub(SHOWN);
    let loaded: Vec<ImportLine> = loaded.into_iter().take(SHOWN).collect();
    let deferred = loaded.iter().filter(|l| l.deferred && l.outcome == LineOutcome::Accepted).count();
    view! {
        <p>{i18n.ta("staff-import-report-lead", &[("file", s.file_name.clone()), ("at", s.at.clone()), ("by", s.by.clone())])}</p>
        <dl class="app-stats">
            {stat(i18n.t("staff-imports-lines"), s.lines)}
            {stat(i18n.t("staff-imports-accepted"), s.accepted)}
            {stat(i18n.t("staff-imports-unchanged"), s.unchanged)}
            {stat(i18n.t("staff-imports-refused"), s.refused)}
        </dl>
        {(deferred > 0).then(|| view! { <p class="app-inset">{i18n.ta("staff-import-deferred", &[("count", deferred.to_string())])}</p> })}
        {if refused.is_empty() {
            view! { <p>{i18n.t("staff-import-no-refused")}</p> }.into_any()
        } else {
            lines_table("refused-caption", i18n.t("staff-import-refused-title"), refused, true).into_any()
        }}
        {(!loaded.is_empty()).then(|| lines_table("loaded-caption", i18n.t("staff-import-loaded-title"), loaded, false))}
        {(more > 0).then(|| view! { <p>{i18n.ta("staff-import-more", &[("count", more.to_string())])}</p> })}
        <p><a href=routes::STAFF_IMPORTS>{i18n.t("staff-back-to-imports")}</a></p>
    }
}
