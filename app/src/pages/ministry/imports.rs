use crate::api::ministry::staff_imports::staff_imports;
use crate::components::field::{Spec, Upload};
use crate::components::form::{upload_error, UploadErrorSummary};
use crate::components::loaded::load_error;
use crate::dto::ministry::ImportSummary;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;

/// The IPR import page: upload a CSV or JSON file of IPR lines (a plain multipart form the
/// server handles, so it works without JavaScript), the expected format, and past imports.
#[component]
pub fn StaffImportsPage() -> impl IntoView {
    let i18n = use_i18n();
    // The upload handler sends refusals back as `?error=<code>` (never the file's content).
    let error = upload_error();
    let data = Resource::new(|| (), |_| staff_imports());
    view! {
        <DoneBanner/>
        <UploadErrorSummary field_for=|_| "ipr_file"/>
        <PageHeading key="staff-imports-title"/>
        <p>{i18n.t("staff-imports-lead")}</p>
        <form method="post" action=routes::STAFF_IMPORT_UPLOAD enctype="multipart/form-data" class="app-form">
            {move || view! {
                <Upload spec=Spec::new("ipr_file", i18n.t("staff-imports-file")).hint(i18n.t("staff-imports-file-hint")).error(error.get()).required()
                    accept=".csv,.json,text/csv,application/json"/>
            }}
            <button type="submit" class="app-button">{i18n.t("staff-imports-submit")}</button>
        </form>
        <details class="app-details">
            <summary>{i18n.t("staff-imports-format")}</summary>
            <div>
                <p>{i18n.t("staff-imports-format-csv")}</p>
                <pre><code>"iin;ipr_number;item_type;quantity;valid_from;valid_to\n870412400772;ИПАР-2026-000123;wheelchair_manual;1;2026-01-15;2027-01-14\n870412400772;ИПАР-2026-000123;assistant_hour;960;2026-01-15;2026-12-31"</code></pre>
                <p>{i18n.t("staff-imports-format-json")}</p>
                <p>{i18n.t("staff-imports-format-rules")}</p>
                <p><a href=routes::STAFF_CATALOGUE>{i18n.t("staff-imports-codes")}</a></p>
            </div>
        </details>
        <h2 id="imports-caption">{i18n.t("staff-imports-recent")}</h2>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.is_empty() => view! { <p>{i18n.t("staff-imports-none")}</p> }.into_any(),
                    Ok(list) => table(list).into_any(),
                    Err(e) => load_error(e, routes::STAFF_IMPORTS.into()),
                }
            })}
        </Suspense>
    }
}

fn table(list: Vec<ImportSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = list
        .into_iter()
        .map(|s| {
            let href = format!("{}/{}", routes::STAFF_IMPORTS, s.id);
            view! {
                <tr>
                    <td class="app-nowrap"><a href=href>{s.at}</a></td>
                    <td>{s.file_name}</td>
                    <td>{s.by}</td>
                    <td>{s.lines}</td>
                    <td>{s.accepted}</td>
                    <td>{s.unchanged}</td>
                    <td>{s.refused}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="imports-caption">
            <table class="app-table">
                <thead><tr>
                    <th scope="col">{i18n.t("audit-when")}</th>
                    <th scope="col">{i18n.t("staff-imports-file-name")}</th>
                    <th scope="col">{i18n.t("audit-who")}</th>
                    <th scope="col">{i18n.t("staff-imports-lines")}</th>
                    <th scope="col">{i18n.t("staff-imports-accepted")}</th>
                    <th scope="col">{i18n.t("staff-imports-unchanged")}</th>
                    <th scope="col">{i18n.t("staff-imports-refused")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
