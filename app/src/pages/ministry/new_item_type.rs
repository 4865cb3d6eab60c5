use super::catalogue::unit_options;
use super::item_type::active_options;
use crate::api::ministry::staff_catalogue::staff_catalogue;
use crate::api::ministry::staff_save_item_type::StaffSaveItemType;
use crate::components::field::{Choice, Field, Input, LongText, Radios, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::load_error;
use crate::i18n::use_i18n;
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use server_fn::ServerFn;

/// A new item type with its first guaranteed sum (central staff).
#[component]
pub fn StaffNewItemTypePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(|| (), |_| staff_catalogue());
    view! {
        <PageHeading key="staff-new-item-type"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let cats = match data.await {
                    Ok(c) if c.can_edit => c.categories,
                    Ok(_) => return view! { <p class="app-notice app-notice--error" role="alert">{i18n.err("forbidden")}</p> }.into_any(),
                    Err(e) => return load_error(e, routes::STAFF_NEW_ITEM_TYPE.into()),
                };
                let options: Vec<(String, String)> = cats.into_iter().map(|c| (c.code, c.name)).collect();
                view! {
                    <WithForm form="staff_save_item_type" path=StaffSaveItemType::PATH let:state>
                        <ErrorSummary state=state.clone()/>
                        <form method="post" action=StaffSaveItemType::PATH class="app-form" novalidate>
                            <Choice spec={Field { name: "category", label: "staff-category", required: true, ..Default::default() }.spec(&state)} options=options.clone()/>
                            <Input spec={Field { name: "code", label: "staff-code", hint: Some("staff-code-hint"), autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                            <Input spec={Field { name: "name_kk", label: "staff-name-kk", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                            <Input spec={Field { name: "name_ru", label: "staff-name-ru", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                            <Input spec={Field { name: "name_en", label: "staff-name-en", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                            <Radios spec={Spec::from_state(&state, "unit", i18n.t("staff-unit-label"), "")} options=unit_options()/>
                            <Input spec={Field { name: "replacement_months", label: "staff-replacement", hint: Some("staff-replacement-hint"), inputmode: Some("numeric"), autocomplete: "off", ..Default::default() }.spec(&state)}/>
                            <LongText spec={Spec::from_state(&state, "param_schema", i18n.t("staff-param-schema"), "").hint(i18n.t("staff-param-schema-hint"))} rows=10/>
                            <Radios spec={Spec::from_state(&state, "active", i18n.t("staff-active-legend"), "yes")} options=active_options()/>
                            <Input spec={Field { name: "ceiling", label: "staff-ceiling-amount", hint: Some("staff-amount-hint"), inputmode: Some("decimal"), autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                            <Input spec={Field { name: "ceiling_from", label: "staff-ceiling-valid-from", kind: "date", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                            <button type="submit" class="app-button">{i18n.t("staff-save-item-type")}</button>
                        </form>
                    </WithForm>
                }.into_any()
            })}
        </Suspense>
        <p><a href=routes::STAFF_CATALOGUE>{i18n.t("staff-back-to-catalogue")}</a></p>
    }
}
