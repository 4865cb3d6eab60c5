use crate::api::supplier::delete_document::DeleteSupplierDocument;
use crate::api::supplier::documents::supplier_documents;
use crate::components::field::{named_options, Choice, Spec, Upload};
use crate::components::form::{upload_error, UploadErrorSummary};
use crate::components::format::file_size;
use crate::components::loaded::{here, load_error};
use crate::domain::DocumentKind;
use crate::dto::supplier::{DocumentsView, Named};
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Which field an upload error belongs to.
fn field_for(code: &str) -> &'static str {
    if code == "unknown_kind" {
        "kind"
    } else {
        "file"
    }
}

/// The supplier's documents: what is uploaded (with date and a download link), what the
/// chosen categories still need, and the upload form (PDF, JPEG or PNG up to 10 MB).
#[component]
pub fn SupplierDocumentsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| supplier_documents());
    let here = here();
    view! {
        <DoneBanner/>
        <UploadErrorSummary field_for=field_for/>
        <PageHeading key="supplier-documents-title"/>
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => page(v).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn page(v: DocumentsView) -> impl IntoView {
    let i18n = use_i18n();
    let needed = v.still_needed.clone();
    view! {
        <p>{i18n.t("supplier-documents-lead")}</p>
        {(!needed.is_empty()).then(|| view! {
            <div class="app-notice" role="note">
                <p>{i18n.t("supplier-documents-needed")}</p>
                <ul>{needed.into_iter().map(|k| view! { <li>{i18n.code("document_kind", k.code())}</li> }).collect_view()}</ul>
            </div>
        })}
        {table(i18n, &v)}
        {v.can_upload.then(|| upload_form(i18n, v.max_megabytes))}
    }
}

fn table(i18n: I18n, v: &DocumentsView) -> impl IntoView {
    if v.documents.is_empty() {
        return view! { <p>{i18n.t("supplier-documents-empty")}</p> }.into_any();
    }
    let can_delete = v.can_delete;
    let rows = v
        .documents
        .iter()
        .map(|d| {
            let remove = can_delete.then(|| view! {
                <form method="post" action=DeleteSupplierDocument::PATH>
                    <input type="hidden" name="id" value=d.id.to_string()/>
                    <button type="submit" class="app-button app-button--warning">
                        {i18n.t("supplier-document-delete")}<span class="app-visually-hidden">" "{d.file_name.clone()}</span>
                    </button>
                </form>
            });
            view! {
                <tr>
                    <td>{i18n.code("document_kind", d.kind.code())}</td>
                    <td><a href=d.href.clone() download="">{d.file_name.clone()}</a></td>
                    <td class="app-nowrap">{file_size(i18n.lang(), d.size_bytes)}</td>
                    <td class="app-nowrap">{d.uploaded_at.clone()}</td>
                    {can_delete.then(|| view! { <td>{remove}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="documents-caption">
            <table class="app-table">
                <caption id="documents-caption">{i18n.t("supplier-documents-uploaded")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("supplier-col-kind")}</th>
                    <th scope="col">{i18n.t("supplier-col-file")}</th>
                    <th scope="col">{i18n.t("supplier-col-size")}</th>
                    <th scope="col">{i18n.t("supplier-col-uploaded")}</th>
                    {can_delete.then(|| view! { <th scope="col"><span class="app-visually-hidden">{i18n.t("supplier-col-actions")}</span></th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn upload_form(i18n: I18n, max_mb: u32) -> impl IntoView {
    let error = upload_error();
    let kinds: Vec<Named> = DocumentKind::ALL
        .iter()
        .map(|k| Named { code: k.code().into(), name: i18n.code("document_kind", k.code()) })
        .collect();
    let kind_error = move || error.get().filter(|c| field_for(c) == "kind");
    let file_error = move || error.get().filter(|c| field_for(c) == "file");
    view! {
        <h2>{i18n.t("supplier-document-upload-title")}</h2>
        <form method="post" action=r::DOCUMENT_UPLOAD enctype="multipart/form-data" class="app-form" novalidate>
            <Choice spec=Spec::new("kind", i18n.t("supplier-field-kind")).error(kind_error()).required() options=named_options(kinds)/>
            <Upload spec=Spec::new("file", i18n.t("supplier-field-file")).hint(i18n.ta("supplier-field-file-hint", &[("mb", max_mb.to_string())])).error(file_error()).required()
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"/>
            <button type="submit" class="app-button">{i18n.t("supplier-document-upload")}</button>
        </form>
    }
}
