use crate::api::ministry::staff_add_category::StaffAddCategory;
use crate::api::ministry::staff_catalogue::staff_catalogue;
use crate::components::field::{Field, Input, Radios, Spec};
use crate::components::form::{ErrorSummary, WithForm};
use crate::components::loaded::load_error;
use crate::components::status::{tag, Tone};
use crate::domain::{CategoryKind, Unit};
use crate::dto::ministry::{CatalogueOverview, CategoryAdminRow};
use crate::i18n::use_i18n;
use crate::pages::{DoneBanner, PageHeading};
use crate::routes;
use leptos::prelude::*;
use server_fn::ServerFn;

/// Categories and item types with the guaranteed sum in force today and the next announced
/// one. Central staff add categories and item types here.
#[component]
pub fn StaffCataloguePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| staff_catalogue());
    view! {
        <DoneBanner/>
        <PageHeading key="staff-catalogue-title"/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => overview(c).into_any(),
                    Err(e) => load_error(e, routes::STAFF_CATALOGUE.into()),
                }
            })}
        </Suspense>
    }
}

/// Unit choices for forms.
pub fn unit_options() -> Vec<(String, String)> {
    let i18n = use_i18n();
    Unit::ALL.iter().map(|u| (u.code().to_owned(), i18n.code("staff-unit", u.code()))).collect()
}

/// The kinds of help, each described by what it means for ordering.
fn kind_options() -> Vec<(String, String)> {
    let i18n = use_i18n();
    CategoryKind::ALL.iter().map(|k| (k.code().to_owned(), i18n.code("category_kind", k.code()))).collect()
}

fn category_table(c: CategoryAdminRow) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang();
    let caption = format!("cat-{}", c.code);
    let rows = c
        .item_types
        .into_iter()
        .map(|t| {
            let href = format!("{}/{}", routes::STAFF_ITEM_TYPES, t.id);
            let next = t.next_ceiling.map(|(from, m)| i18n.ta("staff-ceiling-from", &[("amount", m.format(lang)), ("date", from)]));
            let months = t.replacement_months.map(|m| i18n.ta("staff-months", &[("count", m.to_string())])).unwrap_or_else(|| "—".into());
            view! {
                <tr>
                    <td><a href=href>{t.name}</a></td>
                    <td><code>{t.code}</code></td>
                    <td>{i18n.code("staff-unit", t.unit.code())}</td>
                    <td>{months}</td>
                    <td class="app-nowrap">{t.ceiling.map(|m| m.format(lang)).unwrap_or_else(|| "—".into())}</td>
                    <td>{next.unwrap_or_default()}</td>
                    <td>{if t.active { tag(i18n.t("staff-active"), Tone::Green).into_any() } else { tag(i18n.t("staff-inactive"), Tone::Neutral).into_any() }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id=caption.clone()>{c.name}" "<span class="app-muted">"("<code>{c.code.clone()}</code>")"</span></h2>
        <p class="app-muted">{i18n.t("staff-kind-label")}": "{i18n.code("category_kind", c.kind.code())}</p>
        <div class="app-table-wrap" role="region" tabindex="0" aria-labelledby=caption.clone()>
            <table class="app-table">
                <thead><tr>
                    <th scope="col">{i18n.t("staff-item-type")}</th>
                    <th scope="col">{i18n.t("staff-code")}</th>
                    <th scope="col">{i18n.t("staff-unit-label")}</th>
                    <th scope="col">{i18n.t("staff-replacement")}</th>
                    <th scope="col">{i18n.t("staff-ceiling-now")}</th>
                    <th scope="col">{i18n.t("staff-ceiling-next")}</th>
                    <th scope="col">{i18n.t("staff-status")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn overview(c: CatalogueOverview) -> impl IntoView {
    let i18n = use_i18n();
    let can_edit = c.can_edit;
    let tables = c.categories.into_iter().map(category_table).collect_view();
    view! {
        <p>{i18n.t(if can_edit { "staff-catalogue-lead" } else { "staff-catalogue-read-only" })}</p>
        {can_edit.then(|| view! {
            <p class="app-actions"><a class="app-button" href=routes::STAFF_NEW_ITEM_TYPE>{i18n.t("staff-new-item-type")}</a></p>
        })}
        {tables}
        {can_edit.then(|| view! { <NewCategoryForm/> })}
    }
}

#[component]
fn NewCategoryForm() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id="new-category">{i18n.t("staff-new-category")}</h2>
        <p>{i18n.t("staff-new-category-lead")}</p>
        <WithForm form="staff_add_category" path=StaffAddCategory::PATH let:state>
            <ErrorSummary state=state.clone()/>
            <form method="post" action=StaffAddCategory::PATH class="app-form" novalidate>
                <Input spec={Field { name: "cat_code", label: "staff-code", hint: Some("staff-code-hint"), autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "cat_name_kk", label: "staff-name-kk", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "cat_name_ru", label: "staff-name-ru", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <Input spec={Field { name: "cat_name_en", label: "staff-name-en", autocomplete: "off", required: true, ..Default::default() }.spec(&state)}/>
                <Radios spec={Spec::from_state(&state, "cat_unit", i18n.t("staff-unit-label"), "")} options=unit_options()/>
                <Radios spec={Spec::from_state(&state, "cat_kind", i18n.t("staff-kind-label"), "")} options=kind_options()/>
                <button type="submit" class="app-button">{i18n.t("staff-add-category-submit")}</button>
            </form>
        </WithForm>
    }
}
