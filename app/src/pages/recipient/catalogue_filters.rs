use crate::dto::recipient::{CatalogueQuery, ItemTypeOption, ParamField};
use crate::api::reference::regions::regions;
use crate::i18n::use_i18n;
use crate::routes;
use leptos::prelude::*;

/// The filter form: a plain GET form to the catalogue itself.
#[component]
pub fn Filters(query: CatalogueQuery, item_types: Vec<ItemTypeOption>, params: Vec<ParamField>, my_region: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let region_list = Resource::new(|| (), |_| regions());
    let categories = ["tsr", "assistant", "sign_language", "sanatorium"];
    let type_groups = categories
        .iter()
        .map(|cat| {
            let label = i18n.t(&format!("category-{cat}"));
            let options = item_types
                .iter()
                .filter(|t| t.category == *cat)
                .map(|t| view! { <option value=t.code.clone() selected=t.code == query.item_type>{t.name.clone()}</option> })
                .collect_view();
            view! { <optgroup label=label>{options}</optgroup> }
        })
        .collect_view();
    let chosen_region = query.region.clone();
    let mine = my_region.clone();
    let param_fields = params
        .into_iter()
        .map(|p| {
            let value = |k: &str| query.params.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
            if p.options.is_empty() {
                let (min_id, max_id) = (format!("f-p-{}-min", p.key), format!("f-p-{}-max", p.key));
                view! {
                    <fieldset class="app-fieldset app-filters__group">
                        <legend class="app-fieldset__legend">{p.label.clone()}</legend>
                        <div class="app-field">
                            <label class="app-field__label" for=min_id.clone()>{i18n.t("filter-from")}</label>
                            <input class="app-input" type="number" id=min_id name=format!("p_{}_min", p.key) min=p.min max=p.max value=value(&format!("{}_min", p.key))/>
                        </div>
                        <div class="app-field">
                            <label class="app-field__label" for=max_id.clone()>{i18n.t("filter-to")}</label>
                            <input class="app-input" type="number" id=max_id name=format!("p_{}_max", p.key) min=p.min max=p.max value=value(&format!("{}_max", p.key))/>
                        </div>
                    </fieldset>
                }
                .into_any()
            } else {
                let id = format!("f-p-{}", p.key);
                let current = value(&p.key);
                view! {
                    <div class="app-field">
                        <label class="app-field__label" for=id.clone()>{p.label.clone()}</label>
                        <select class="app-select" id=id name=format!("p_{}", p.key)>
                            <option value="">{i18n.t("filter-any")}</option>
                            {p.options.into_iter().map(|(v, l)| {
                                let sel = v == current;
                                view! { <option value=v selected=sel>{l}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }
                .into_any()
            }
        })
        .collect_view();
    let sorts = ["price_asc", "price_desc", "rating", "lead_time"]
        .into_iter()
        .map(|s| view! { <option value=s selected=query.sort == s>{i18n.t(&format!("sort-{s}"))}</option> })
        .collect_view();
    view! {
        <aside class="app-filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{i18n.t("filters-title")}</h2>
            <form method="get" action=routes::CATALOGUE role="search" aria-labelledby="filters-title">
                {query.for_recipient.map(|id| view! { <input type="hidden" name="for" value=id.to_string()/> })}
                <div class="app-field">
                    <label class="app-field__label" for="f-q">{i18n.t("filter-words")}</label>
                    <input class="app-input" type="search" id="f-q" name="q" value=query.q.clone()/>
                </div>
                <div class="app-field">
                    <label class="app-field__label" for="f-item_type">{i18n.t("filter-item-type")}</label>
                    <select class="app-select" id="f-item_type" name="item_type">
                        <option value="">{i18n.t("filter-any")}</option>
                        {type_groups}
                    </select>
                </div>
                <div class="app-field">
                    <label class="app-field__label" for="f-region">{i18n.t("filter-region")}</label>
                    <Suspense fallback=|| ()>
                        {move || {
                            let (chosen, mine) = (chosen_region.clone(), mine.clone());
                            Suspend::new(async move {
                                let list = region_list.await.unwrap_or_default();
                                view! {
                                    <select class="app-select" id="f-region" name="region">
                                        <option value="all" selected=chosen == "all">{i18n.t("filter-all-regions")}</option>
                                        {list.into_iter().map(|r| {
                                            let label = if mine.as_deref() == Some(r.code.as_str()) { format!("{} ({})", r.name, i18n.t("filter-my-region")) } else { r.name };
                                            let sel = r.code == chosen;
                                            view! { <option value=r.code selected=sel>{label}</option> }
                                        }).collect_view()}
                                    </select>
                                }
                            })
                        }}
                    </Suspense>
                </div>
                <fieldset class="app-fieldset app-filters__group">
                    <legend class="app-fieldset__legend">{i18n.t("filter-price")}</legend>
                    <div class="app-field">
                        <label class="app-field__label" for="f-price_min">{i18n.t("filter-from")}</label>
                        <input class="app-input" type="text" inputmode="decimal" id="f-price_min" name="price_min" value=query.price_min.clone()/>
                    </div>
                    <div class="app-field">
                        <label class="app-field__label" for="f-price_max">{i18n.t("filter-to")}</label>
                        <input class="app-input" type="text" inputmode="decimal" id="f-price_max" name="price_max" value=query.price_max.clone()/>
                    </div>
                </fieldset>
                <div class="app-checkboxes">
                    <div class="app-checkbox">
                        <input type="checkbox" id="f-no_copay" name="no_copay" value="on" checked=query.no_copay/>
                        <label for="f-no_copay">{i18n.t("filter-no-copay")}</label>
                    </div>
                </div>
                {param_fields}
                <div class="app-field">
                    <label class="app-field__label" for="f-min_rating">{i18n.t("filter-rating")}</label>
                    <select class="app-select" id="f-min_rating" name="min_rating">
                        <option value="">{i18n.t("filter-any")}</option>
                        {(1..=5).map(|r| view! { <option value=r.to_string() selected=query.min_rating == r.to_string()>{i18n.ta("filter-rating-at-least", &[("rating", r.to_string())])}</option> }).collect_view()}
                    </select>
                </div>
                <div class="app-field">
                    <label class="app-field__label" for="f-max_lead">{i18n.t("filter-lead-time")}</label>
                    <input class="app-input" type="number" min="1" id="f-max_lead" name="max_lead" value=query.max_lead.clone()/>
                </div>
                <div class="app-field">
                    <label class="app-field__label" for="f-sort">{i18n.t("filter-sort")}</label>
                    <select class="app-select" id="f-sort" name="sort">{sorts}</select>
                </div>
                <p class="app-actions">
                    <button type="submit" class="app-button">{i18n.t("filter-apply")}</button>
                    <a href=routes::CATALOGUE>{i18n.t("filter-clear")}</a>
                </p>
            </form>
        </aside>
    }
}
