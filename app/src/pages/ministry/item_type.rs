use crate::api::ministry::staff_add_ceiling::StaffAddCeiling;
use crate::api::ministry::staff_item_type::staff_item_type;
use crate::api::ministry::staff_save_item_type::StaffSaveItemType;
use crate::components::field::{Field, Input, LongText, Radios, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::load_error;
use crate::components::page::{summary_row, NamedHeading};
use crate::components::status::{tag, Tone};
use crate::dto::ministry::ItemTypeDetail;
use crate::i18n::use_i18n;
use crate::pages::DoneBanner;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

/// One item type: its guaranteed sums over time, a new sum from a date, and its names,
/// replacement period and parameters.
#[component]
pub fn StaffItemTypePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = Resource::new(id, staff_item_type);
    view! {
        <DoneBanner/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(t) => detail(t).into_any(),
                    Err(e) => load_error(e, format!("{}/{}", routes::STAFF_ITEM_TYPES, id())),
                }
            })}
        </Suspense>
    }
}

/// Yes/no choices for the "can be ordered" radios.
pub fn active_options() -> Vec<(String, String)> {
    let i18n = use_i18n();
    vec![("yes".into(), i18n.t("staff-active-yes")), ("no".into(), i18n.t("staff-active-no"))]
}

fn detail(t: ItemTypeDetail) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let name = match lang {
        crate::domain::Lang::Kk => t.name_kk.clone(),
        crate::domain::Lang::Ru => t.name_ru.clone(),
        crate::domain::Lang::En => t.name_en.clone(),
    };
    let rows = t
        .ceilings
        .iter()
        .map(|c| {
            let state = if c.in_force {
                tag(i18n.t("staff-ceiling-in-force"), Tone::Green).into_any()
            } else if c.future {
                tag(i18n.t("staff-ceiling-future"), Tone::Yellow).into_any()
            } else {
                view! { <span>{i18n.t("staff-ceiling-past")}</span> }.into_any()
            };
            view! {
                <tr>
                    <td class="app-nowrap">{c.valid_from.clone()}</td>
                    <td class="app-nowrap">{c.amount.format(lang)}</td>
                    <td>{state}</td>
                    <td>{c.entered_by.clone().unwrap_or_else(|| i18n.t("staff-ceiling-reference-data"))}</td>
                </tr>
            }
        })
        .collect_view();
    let months = t
        .replacement_months
        .map(|m| i18n.ta("staff-months", &[("count", m.to_string())]))
        .unwrap_or_else(|| "—".into());
    let can_edit = t.can_edit;
    view! {
        <NamedHeading kind="staff-item-type" name=name/>
        <dl class="app-summary-list">
            {summary_row(i18n.t("staff-code"), view! { <code>{t.code.clone()}</code> })}
            {summary_row(i18n.t("staff-category"), t.category_name.clone())}
            {summary_row(i18n.t("staff-unit-label"), i18n.code("staff-unit", t.unit.code()))}
            {summary_row(i18n.t("staff-replacement"), months)}
            {summary_row(i18n.t("staff-status"), i18n.t(if t.active { "staff-active" } else { "staff-inactive" }))}
        </dl>
        <h2 id="ceilings-caption">{i18n.t("staff-ceilings-title")}</h2>
        <p>{i18n.t("staff-ceilings-lead")}</p>
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby="ceilings-caption">
            <table class="app-table">
                <thead><tr>
                    <th scope="col">{i18n.t("staff-ceiling-valid-from")}</th>
                    <th scope="col">{i18n.t("staff-ceiling-amount")}</th>
                    <th scope="col">{i18n.t("staff-status")}</th>
                    <th scope="col">{i18n.t("staff-ceiling-entered-by")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {can_edit.then(|| view! { <CeilingForm id=t.id/> <EditForm t=t.clone()/> })}
        <p><a href=routes::STAFF_CATALOGUE>{i18n.t("staff-back-to-catalogue")}</a></p>
    }
}

#[component]
fn CeilingForm(id: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id="new-ceiling">{i18n.t("staff-new-ceiling")}</h2>
        <WithForm form="staff_add_ceiling" path=StaffAddCeiling::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffAddCeiling::PATH class="app-form" novalidate>
                <input type="hidden" name="item_type_id" value=id.to_string()/>
                <Input spec={Field { name: "ceiling_amount", label: "staff-ceiling-amount", hint: Some("staff-amount-hint"), inputmode: Some("decimal"), autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "ceiling_valid_from", label: "staff-ceiling-valid-from", hint: Some("staff-ceiling-valid-from-hint"), kind: "date", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <button type="submit" class="app-button">{i18n.t("staff-add-ceiling-submit")}</button>
            </form>
        </WithForm>
    }
}

#[component]
fn EditForm(t: ItemTypeDetail) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id="edit">{i18n.t("staff-edit-item-type")}</h2>
        <WithForm form="staff_save_item_type" path=StaffSaveItemType::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffSaveItemType::PATH class="app-form" novalidate>
                <input type="hidden" name="item_type_id" value=t.id.to_string()/>
                <Input spec={Field { name: "name_kk", label: "staff-name-kk", autocomplete: "off", required: true, value: t.name_kk.clone(), ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "name_ru", label: "staff-name-ru", autocomplete: "off", required: true, value: t.name_ru.clone(), ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "name_en", label: "staff-name-en", autocomplete: "off", required: true, value: t.name_en.clone(), ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "replacement_months", label: "staff-replacement", hint: Some("staff-replacement-hint"), inputmode: Some("numeric"), autocomplete: "off", value: t.replacement_months.map(|m| m.to_string()).unwrap_or_default(), ..Default::default() }.spec(&state)}/>
                <LongText spec={Spec::from_state(&state, "param_schema", i18n.t("staff-param-schema"), &t.param_schema.clone()).hint(i18n.t("staff-param-schema-hint"))} rows=14/>
                <Radios spec={Spec::from_state(&state, "active", i18n.t("staff-active-legend"), if t.active { "yes" } else { "no" })} options=active_options()/>
                <button type="submit" class="app-button">{i18n.t("staff-save-item-type")}</button>
            </form>
        </WithForm>
    }
}
