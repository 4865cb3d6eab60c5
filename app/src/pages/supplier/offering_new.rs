use super::offering_form::OfferingFormView;
use crate::api::supplier::item_types::supplier_item_types;
use crate::api::supplier::new_offering_form::new_offering_form;
use crate::components::field::{Framed, Spec};
use crate::components::loaded::{here, load_error};
use crate::dto::supplier::ItemTypeChoice;
use crate::i18n::{use_i18n, I18n};
use crate::pages::PageHeading;
use crate::routes::supplier as r;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A new offering in two steps that work without JavaScript: first the item type (its
/// guaranteed sum shown beside it), then the form for that type.
#[component]
pub fn NewOfferingPage() -> impl IntoView {
    let query = use_query_map();
    let item_type = move || query.with(|q| q.get("item_type").unwrap_or_default());
    let here = here();
    view! {
        <PageHeading key="supplier-offering-new-title"/>
        <p><a href=r::OFFERINGS>{use_i18n().t("supplier-back-offerings")}</a></p>
        {move || {
            let here = here.clone();
            let chosen = item_type();
            if chosen.is_empty() { choose(here).into_any() } else { form(chosen, here).into_any() }
        }}
    }
}

fn choose(here: String) -> impl IntoView {
    let i18n = use_i18n();
    let types = Resource::new(|| (), |_| supplier_item_types());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match types.await {
                        Ok(list) => chooser(i18n, list).into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}

fn chooser(i18n: I18n, list: Vec<ItemTypeChoice>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{i18n.t("supplier-no-categories")}" "<a href=r::PROFILE>{i18n.t("nav-supplier-profile")}</a></p> }.into_any();
    }
    let mut groups: Vec<(String, Vec<ItemTypeChoice>)> = Vec::new();
    for t in list {
        match groups.iter_mut().find(|(c, _)| *c == t.category_name) {
            Some((_, v)) => v.push(t),
            None => groups.push((t.category_name.clone(), vec![t])),
        }
    }
    let lang = i18n.lang();
    let optgroups = groups
        .into_iter()
        .map(|(label, items)| {
            let options = items
                .into_iter()
                .map(|t| view! { <option value=t.code>{format!("{} — {}", t.name, i18n.ta("supplier-ceiling-short", &[("amount", t.ceiling.format(lang))]))}</option> })
                .collect_view();
            view! { <optgroup label=label>{options}</optgroup> }
        })
        .collect_view();
    let spec = Spec::new("item_type", i18n.t("supplier-field-item_type")).hint(i18n.t("supplier-field-item_type-hint"));
    view! {
        <form method="get" action=r::OFFERING_NEW class="app-form">
            <Framed spec=spec.clone()>
                <select class="app-select" id=spec.id() name="item_type" required=true aria-describedby=spec.described_by()>
                    {optgroups}
                </select>
            </Framed>
            <button type="submit" class="app-button">{i18n.t("supplier-continue")}</button>
        </form>
    }
    .into_any()
}

fn form(item_type: String, here: String) -> impl IntoView {
    let back = format!("{}?item_type={item_type}", r::OFFERING_NEW);
    let data = Resource::new(move || item_type.clone(), new_offering_form);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (here, back) = (here.clone(), back.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => view! { <OfferingFormView v back/> }.into_any(),
                        Err(e) => load_error(e, here),
                    }
                })
            }}
        </Suspense>
    }
}
