use crate::api::supplier::import_report::offering_import_report;
use crate::components::field::{field_message, Spec, Upload};
use crate::components::form::{upload_error, UploadErrorSummary};
use crate::components::loaded::{here, load_error};
use crate::dto::supplier::ImportReport;
use crate::i18n::{use_i18n, I18n};
use crate::pages::PageHeading;
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The columns of the CSV file, in order, and whether each is required.
pub const COLUMNS: [(&str, bool); 14] = [
    ("sku", true),
    ("item_type", true),
    ("title_kk", true),
    ("title_ru", true),
    ("title_en", false),
    ("description_kk", true),
    ("description_ru", true),
    ("description_en", false),
    ("price", true),
    ("lead_time_days", true),
    ("capacity", false),
    ("regions", true),
    ("params", false),
    ("status", false),
];

/// Bulk upload of offerings from a CSV file: the format and a template, the upload form,
/// and the report of the last upload, line by line.
#[component]
pub fn OfferingImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let key = move || query.with(|q| q.get("report").unwrap_or_default());
    let report = Resource::new(key, offering_import_report);
    let here = here();
    view! {
        <UploadErrorSummary field_for=|_| "file"/>
        <PageHeading key="supplier-import-title"/>
        <p><a href=r::OFFERINGS>{i18n.t("supplier-back-offerings")}</a></p>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                let has = !key().is_empty();
                Suspend::new(async move {
                    if !has {
                        return ().into_any();
                    }
                    match report.await {
                        Ok(rep) => report_view(i18n, rep).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
        <p>{i18n.t("supplier-import-lead")}</p>
        <p><a href=r::OFFERINGS_TEMPLATE download="">{i18n.t("supplier-import-template")}</a></p>
        <p><a href=r::API_KEYS>{i18n.t("supplier-import-api-keys")}</a></p>
        <details class="app-details">
            <summary>{i18n.t("supplier-import-columns")}</summary>
            <div>
                <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="columns-caption">
                    <table class="app-table">
                        <caption id="columns-caption" class="app-visually-hidden">{i18n.t("supplier-import-columns")}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("supplier-col-column")}</th>
                            <th scope="col">{i18n.t("supplier-col-required")}</th>
                            <th scope="col">{i18n.t("supplier-col-meaning")}</th>
                        </tr></thead>
                        <tbody>
                            {COLUMNS.iter().map(|(c, required)| view! {
                                <tr>
                                    <td><code>{*c}</code></td>
                                    <td>{if *required { i18n.t("supplier-yes") } else { i18n.t("supplier-no") }}</td>
                                    <td>{i18n.t(&format!("supplier-import-col-{c}"))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        </details>
        {upload_form(i18n)}
    }
}

fn upload_form(i18n: I18n) -> impl IntoView {
    let error = upload_error().get_untracked();
    view! {
        <form method="post" action=r::OFFERINGS_IMPORT_UPLOAD enctype="multipart/form-data" class="app-form" novalidate>
            <Upload spec=Spec::new("file", i18n.t("supplier-import-file")).hint(i18n.t("supplier-import-file-hint")).error(error).required() accept=".csv,text/csv"/>
            <button type="submit" class="app-button">{i18n.t("supplier-import-submit")}</button>
        </form>
    }
}

fn report_view(i18n: I18n, rep: ImportReport) -> impl IntoView {
    let tone = if rep.refused > 0 { "app-notice app-notice--error" } else { "app-notice app-notice--success" };
    let role = if rep.refused > 0 { "alert" } else { "status" };
    let counts =
        [("created", rep.created), ("updated", rep.updated), ("unchanged", rep.unchanged), ("refused", rep.refused)];
    let rows = rep
        .lines
        .into_iter()
        .map(|l| {
            let reasons = l
                .errors
                .iter()
                .map(|e| format!("{}: {}", e.field, field_message(&i18n, &e.field, &e.code)))
                .collect::<Vec<_>>();
            view! {
                <tr>
                    <td>{l.line}</td>
                    <td>{l.sku}</td>
                    <td>{i18n.t(&format!("supplier-import-outcome-{}", l.outcome))}</td>
                    <td>{(!reasons.is_empty()).then(|| view! { <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="report-title">
            <div class=tone role=role>
                <h2 id="report-title">{i18n.ta("supplier-import-report-title", &[("file", rep.file_name.clone())])}</h2>
                <p>{rep.at.clone()}</p>
                <ul>{counts.into_iter().map(|(k, n)| view! { <li>{i18n.ta(&format!("supplier-import-count-{k}"), &[("count", n.to_string())])}</li> }).collect_view()}</ul>
            </div>
            <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="lines-caption">
                <table class="app-table">
                    <caption id="lines-caption">{i18n.t("supplier-import-lines")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("supplier-col-line")}</th>
                        <th scope="col">{i18n.t("supplier-col-sku")}</th>
                        <th scope="col">{i18n.t("supplier-col-outcome")}</th>
                        <th scope="col">{i18n.t("supplier-col-reasons")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
