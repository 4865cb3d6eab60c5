use super::order_fields::fields;
use crate::api::recipient::order_save::OrderSave;
use crate::api::recipient::order_start::order_start;
use crate::components::acting_for::for_param;
use crate::components::field::{Radios, Spec};
use crate::components::form::{refusal_for, ErrorSummary, FormState};
use crate::components::format::money;
use crate::components::loaded::Loaded;
use crate::dto::orders::OrderStartView;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// The order's question page. Answers are kept on the server as they are sent, so a reload,
/// a lost connection or a refusal never loses them.
#[component]
pub fn OrderStartPage() -> impl IntoView {
    let params = use_params_map();
    let who = for_param();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let data = Resource::new(move || (id(), who.get()), |(id, who)| order_start(id, who));
    let refusal = refusal_for(OrderSave::PATH);
    view! {
        <Loaded resource=data let:view>
            {page(view, FormState { error: refusal.get_untracked(), typed: Vec::new() })}
        </Loaded>
    }
}

fn page(v: OrderStartView, state: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let for_name = v
        .acting_for
        .as_representative
        .then(|| i18n.ta("acting-for-now", &[("name", v.acting_for.current.name.clone())]));
    let body = match &v.none_fits {
        Some(code) => view! {
            <div class="app-notice app-notice--error" role="alert">
                <p>{i18n.err(code)}</p>
                <p><a href=routes::ENTITLEMENTS>{i18n.t("nav-entitlements")}</a></p>
            </div>
        }
        .into_any(),
        None => {
            let choices = v
                .entitlements
                .iter()
                .map(|e| {
                    (
                        e.id.to_string(),
                        i18n.ta(
                            "order-entitlement-choice",
                            &[
                                ("ipr", e.ipr_number.clone()),
                                ("remaining", e.remaining.to_string()),
                                ("until", e.valid_to.clone()),
                            ],
                        ),
                    )
                })
                .collect::<Vec<_>>();
            view! {
                <form method="post" action=OrderSave::PATH class="app-form" novalidate>
                    <input type="hidden" name="offering" value=v.offering.id.to_string()/>
                    <input type="hidden" name="for_recipient" value=v.draft.for_recipient.clone()/>
                    <Radios spec={Spec::new("entitlement", i18n.t("order-field-entitlement")).value(v.draft.entitlement.clone()).error(state.field_error("entitlement"))} options=choices/>
                    {fields(&i18n, &v, &state)}
                    <button type="submit" class="app-button">{i18n.t("order-continue")}</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <ErrorSummary state=state.clone()/>
        <PageHeading key="order-start-title"/>
        {for_name.map(|n| view! { <p class="app-inset">{n}</p> })}
        <p class="app-lead">{v.offering.title.clone()}" — "{v.offering.supplier.clone()}</p>
        <p>{i18n.ta("catalogue-price", &[("price", money(&i18n, v.offering.price)), ("ceiling", money(&i18n, v.offering.ceiling))])}</p>
        {body}
    }
}
