use crate::api::supplier::discard_offering_draft::DiscardOfferingDraft;
use crate::api::supplier::save_offering::SaveOffering;
use crate::components::field::{named_options, Checkboxes, Choice, Input, LongText, Spec};
use crate::components::form::{refusal_for, ErrorSummary, FormState};
use crate::domain::CategoryKind;
use crate::dto::supplier::OfferingEditView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use server_fn::ServerFn;

/// The offering form, new or existing: titles and descriptions in Kazakh and Russian
/// (English optional), the price beside the guaranteed sum and what a recipient would
/// co-pay, the item type's parameters, regions, lead time and capacity. Values come from
/// the saved offering or from the unsaved draft of a refused attempt.
#[component]
pub fn OfferingFormView(v: OfferingEditView, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let refusal = refusal_for(SaveOffering::PATH).get_untracked();
    let e = |field: &str| refusal.as_ref().and_then(|r| r.field_code(field)).map(str::to_owned);
    let f = v.form.clone();
    let it = v.item_type.clone();
    let unit_name = i18n.code("unit_each", it.unit.code());
    let mut price_hint = i18n.ta("supplier-price-hint", &[("ceiling", it.ceiling.format(lang)), ("unit", unit_name)]);
    if let Some(c) = v.copay_at_price {
        price_hint.push(' ');
        price_hint.push_str(&i18n.ta("supplier-price-copay-now", &[("amount", c.format(lang))]));
    }
    let draft_key = v.id.map(|id| id.to_string()).unwrap_or_else(|| format!("new-{}", it.code));
    let params = v
        .params
        .iter()
        .map(|p| {
            let field = format!("param_{}", p.key);
            let name = format!("params[{}]", p.key);
            let value = f.params.get(&p.key).cloned().unwrap_or_default();
            let spec = Spec::new(&field, p.label.clone()).named(name).value(value).error(e(&field)).required();
            if p.options.is_empty() {
                let hint = i18n.ta(
                    "supplier-param-range",
                    &[("min", p.min.unwrap_or(0).to_string()), ("max", p.max.unwrap_or(0).to_string())],
                );
                view! { <Input spec=spec.hint(hint).numeric()/> }.into_any()
            } else {
                view! { <Choice spec=spec options=named_options(p.options.clone())/> }.into_any()
            }
        })
        .collect_view();
    let capacity = match it.kind {
        CategoryKind::Course => view! { <p class="app-field__hint">{i18n.t("supplier-capacity-sanatorium-hint")}</p> }.into_any(),
        CategoryKind::Hours | CategoryKind::Sessions => view! {
            <Input spec=Spec::new("capacity", i18n.t("supplier-field-capacity-hours")).hint(i18n.t("supplier-field-capacity-hours-hint")).value(f.capacity.clone()).error(e("capacity")).numeric().required()/>
        }.into_any(),
        CategoryKind::Goods => view! {
            <Input spec=Spec::new("capacity", i18n.t("supplier-field-capacity-stock")).hint(i18n.t("supplier-field-capacity-stock-hint")).value(f.capacity.clone()).error(e("capacity")).numeric().required()/>
        }.into_any(),
    };
    let state = FormState { error: refusal.clone(), typed: Vec::new() };
    view! {
        <ErrorSummary state=state/>
        {v.from_draft.then(|| view! {
            <div class="app-notice" role="note">
                <p>{i18n.t("supplier-offering-draft-note")}</p>
                <form method="post" action=DiscardOfferingDraft::PATH>
                    <input type="hidden" name="key" value=draft_key.clone()/>
                    <input type="hidden" name="back" value=back.clone()/>
                    <button type="submit" class="app-button app-button--secondary">{i18n.t("supplier-offering-draft-discard")}</button>
                </form>
            </div>
        })}
        <form method="post" action=SaveOffering::PATH class="app-form" novalidate>
            <input type="hidden" name="id" value=v.id.map(|i| i.to_string()).unwrap_or_default()/>
            <input type="hidden" name="item_type" value=it.code.clone()/>
            <dl class="app-summary-list">
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{i18n.t("supplier-col-item-type")}</dt>
                    <dd class="app-summary-list__value">{it.name.clone()}" ("{it.category_name.clone()}")"</dd>
                </div>
                <div class="app-summary-list__row">
                    <dt class="app-summary-list__key">{i18n.t("supplier-ceiling")}</dt>
                    <dd class="app-summary-list__value">{it.ceiling.format(lang)}</dd>
                </div>
            </dl>
            <Input spec=Spec::new("sku", i18n.t("supplier-field-sku")).hint(i18n.t("supplier-field-sku-hint")).value(f.sku.clone()).error(e("sku"))/>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">{i18n.t("supplier-texts-legend")}</legend>
                <Input spec=Spec::new("title_kk", i18n.t("supplier-field-title_kk")).value(f.title_kk.clone()).error(e("title_kk")).required()/>
                <LongText spec=Spec::new("description_kk", i18n.t("supplier-field-description_kk")).value(f.description_kk.clone()).error(e("description_kk")).required()/>
                <Input spec=Spec::new("title_ru", i18n.t("supplier-field-title_ru")).value(f.title_ru.clone()).error(e("title_ru")).required()/>
                <LongText spec=Spec::new("description_ru", i18n.t("supplier-field-description_ru")).value(f.description_ru.clone()).error(e("description_ru")).required()/>
                <Input spec=Spec::new("title_en", i18n.t("supplier-field-title_en")).value(f.title_en.clone()).error(e("title_en"))/>
                <LongText spec=Spec::new("description_en", i18n.t("supplier-field-description_en")).value(f.description_en.clone()).error(e("description_en"))/>
            </fieldset>
            <Input spec=Spec::new("price", i18n.t("supplier-field-price")).hint(price_hint).value(f.price.clone()).error(e("price")).required().autocomplete("off")/>
            {(!v.params.is_empty()).then(|| view! {
                <fieldset class="app-fieldset">
                    <legend class="app-fieldset__legend">{i18n.t("supplier-params-legend")}</legend>
                    {params}
                </fieldset>
            })}
            <Checkboxes spec=Spec::new("regions", i18n.t("supplier-field-offering-regions")).hint(i18n.t("supplier-field-offering-regions-hint")).error(e("regions")) options=v.regions.clone() checked=f.regions.clone()/>
            <Input spec=Spec::new("lead_time_days", i18n.t("supplier-field-lead_time_days")).hint(i18n.t("supplier-field-lead_time_days-hint")).value(f.lead_time_days.clone()).error(e("lead_time_days")).numeric().required()/>
            {capacity}
            <button type="submit" class="app-button">{i18n.t("supplier-offering-save")}</button>
        </form>
    }
}
