use crate::api::ministry::staff_imports::staff_imports;
use crate::components::form::field_message;
use crate::components::staff::load_error;
use crate::dto::ministry::ImportSummary;
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The IPR import page: upload a CSV or JSON file of IPR lines (a plain multipart form the
/// server handles, so it works without JavaScript), the expected format, and past imports.
#[component]
pub fn StaffImportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    // The upload handler sends refusals back as `?error=<code>` (never the file's content).
    let error =
        move || query.with(|q| q.get("error")).filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
    let data = Resource::new(|| (), |_| staff_imports());
    view! {
        <DoneBanner/>
        {move || error().map(|code| {
            let msg = field_message(&i18n, "ipr_file", &code);
            view! {
                <div class="app-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
                    <h2 id="error-summary-title" class="app-error-summary__title">{i18n.t("error-summary-title")}</h2>
                    <ul class="app-error-summary__list"><li><a href="#f-ipr_file">{msg}</a></li></ul>
                </div>
            }
        })}
        <PageHeading key="staff-imports-title"/>
        <p>{i18n.t("staff-imports-lead")}</p>
        <form method="post" action=routes::STAFF_IMPORT_UPLOAD enctype="multipart/form-data" class="app-form">
            {move || {
                let err = error();
                let class = if err.is_some() { "app-field app-field--error" } else { "app-field" };
                let described = if err.is_some() { "f-ipr_file-hint f-ipr_file-error" } else { "f-ipr_file-hint" };
                view! {
                    <div class=class>
                        <label class="app-field__label" for="f-ipr_file">{i18n.t("staff-imports-file")}</label>
                        <p id="f-ipr_file-hint" class="app-field__hint">{i18n.t("staff-imports-file-hint")}</p>
                        {err.clone().map(|code| view! {
                            <p id="f-ipr_file-error" class="app-field__error">
                                <span class="app-visually-hidden">{i18n.t("error-prefix")}" "</span>{field_message(&i18n, "ipr_file", &code)}
                            </p>
                        })}
                        <input class="app-input" id="f-ipr_file" name="ipr_file" type="file" accept=".csv,.json,text/csv,application/json" required=true aria-describedby=described aria-invalid=err.is_some().then_some("true")/>
                    </div>
                }
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
