use crate::api::supplier::api_keys::{supplier_api_keys, SupplierCreateApiKey, SupplierRevokeApiKey};
use crate::components::field::{Input, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::{here, load_error};
use crate::dto::supplier::ApiKeysView;
use crate::i18n::{use_i18n, I18n};
use crate::pages::{DoneBanner, PageHeading};
use crate::routes::supplier as r;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Keys for the supplier's own stock system: the ones made (never the key itself), a new key
/// shown once, revoking, and how the system syncs offerings with one.
#[component]
pub fn SupplierApiKeysPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| supplier_api_keys());
    let here = here();
    view! {
        <DoneBanner/>
        <PageHeading key="supplier-api-keys-title"/>
        <p><a href=r::OFFERINGS_IMPORT>{use_i18n().t("supplier-api-keys-back")}</a></p>
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

fn page(v: ApiKeysView) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {v.new_key.clone().map(|key| view! {
            <div class="app-notice app-notice--success" role="note" aria-labelledby="new-key-title">
                <h2 id="new-key-title">{i18n.t("supplier-api-key-new-title")}</h2>
                <p>{i18n.t("supplier-api-key-new-once")}</p>
                <p><code class="app-secret">{key}</code></p>
            </div>
        })}
        <p>{i18n.t("supplier-api-keys-lead")}</p>
        {(!v.approved).then(|| view! { <div class="app-notice" role="note"><p>{i18n.t("supplier-api-keys-not-approved")}</p></div> })}
        <p><code>"POST /api/v1/supplier/offerings"</code>" — "<a href="/api/v1">{i18n.t("open-data-title")}</a></p>
        {table(i18n, &v)}
        <h2>{i18n.t("supplier-api-key-create-title")}</h2>
        <WithForm form="create_api_key" path=SupplierCreateApiKey::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=SupplierCreateApiKey::PATH class="app-form" novalidate>
                <Input spec=Spec::new("label", i18n.t("supplier-field-api-key-label")).hint(i18n.t("supplier-field-api-key-label-hint")).value(state.value("label")).error(state.field_error("label")).required()/>
                <button type="submit" class="app-button">{i18n.t("supplier-api-key-create")}</button>
            </form>
        </WithForm>
    }
}

fn table(i18n: I18n, v: &ApiKeysView) -> AnyView {
    if v.keys.is_empty() {
        return view! { <p>{i18n.t("supplier-api-keys-empty")}</p> }.into_any();
    }
    let rows = v
        .keys
        .iter()
        .map(|k| {
            let status = match &k.revoked {
                Some(on) => i18n.ta("supplier-api-key-revoked-on", &[("date", on.clone())]),
                None => i18n.t("supplier-api-key-active"),
            };
            let revoke = k.revoked.is_none().then(|| view! {
                <form method="post" action=SupplierRevokeApiKey::PATH>
                    <input type="hidden" name="id" value=k.id.to_string()/>
                    <button type="submit" class="app-button app-button--warning">
                        {i18n.t("supplier-api-key-revoke")}<span class="app-visually-hidden">" "{k.label.clone()}</span>
                    </button>
                </form>
            });
            view! {
                <tr>
                    <td>{k.label.clone()}</td>
                    <td><code>{format!("{}…", k.prefix)}</code></td>
                    <td class="app-nowrap">{k.created.clone()}</td>
                    <td class="app-nowrap">{k.last_used.clone().unwrap_or_else(|| i18n.t("supplier-api-key-never-used"))}</td>
                    <td>{status}</td>
                    <td>{revoke}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="keys-caption">
            <table class="app-table">
                <caption id="keys-caption">{i18n.t("supplier-api-keys-caption")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("supplier-col-api-key-label")}</th>
                    <th scope="col">{i18n.t("supplier-col-api-key-begins")}</th>
                    <th scope="col">{i18n.t("supplier-col-api-key-created")}</th>
                    <th scope="col">{i18n.t("supplier-col-api-key-last-used")}</th>
                    <th scope="col">{i18n.t("supplier-col-api-key-status")}</th>
                    <th scope="col"><span class="app-visually-hidden">{i18n.t("supplier-col-actions")}</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
