use crate::api::reference::regions::regions;
use crate::components::field::{error_line, field_id};
use crate::dto::recipient::{CatalogueQuery, ItemTypeOption, ParamField};
use crate::error::FieldError;
use crate::i18n::{use_i18n, I18n};
use crate::routes;
use leptos::prelude::*;

/// A filter's error (if the catalogue could not use it): the message beside the field, and
/// the `aria-describedby` and `aria-invalid` values for its control.
struct Problem {
    message: Option<AnyView>,
    described_by: Option<String>,
    invalid: Option<&'static str>,
}

fn problem(i18n: &I18n, errors: &[FieldError], name: &str) -> Problem {
    match errors.iter().find(|e| e.field == name) {
        None => Problem { message: None, described_by: None, invalid: None },
        Some(e) => {
            let id = format!("{}-error", field_id(name));
            Problem {
                message: Some(error_line(i18n, name, &e.code).into_any()),
                described_by: Some(id),
                invalid: Some("true"),
            }
        }
    }
}

/// The filter form: a plain GET form to the catalogue itself. Filters the catalogue could not
/// use carry their error beside them.
#[component]
pub fn Filters(
    query: CatalogueQuery,
    /// Active categories: (code, name).
    categories: Vec<(String, String)>,
    item_types: Vec<ItemTypeOption>,
    params: Vec<ParamField>,
    my_region: Option<String>,
    errors: Vec<FieldError>,
) -> impl IntoView {
    let i18n = use_i18n();
    let region_list = Resource::new(|| (), |_| regions());
    let type_groups = categories
        .iter()
        .map(|(cat, name)| {
            let label = name.clone();
            let options = item_types
                .iter()
                .filter(|t| t.category == *cat)
                .map(|t| view! { <option value=t.code.clone() selected=t.code == query.item_type>{t.name.clone()}</option> })
                .collect_view();
            view! { <optgroup label=label>{options}</optgroup> }
        })
        .collect_view();
    // The kind of help stays chosen while the other filters are refined.
    let category_options = categories
        .iter()
        .map(|(cat, name)| view! { <option value=cat.clone() selected=query.category == *cat>{name.clone()}</option> })
        .collect_view();
    let chosen_region = query.region.clone();
    let mine = my_region.clone();
    let param_fields = params
        .into_iter()
        .map(|p| {
            let value = |k: &str| query.params.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
            if p.options.is_empty() {
                let (min_name, max_name) = (format!("p_{}_min", p.key), format!("p_{}_max", p.key));
                let (min_id, max_id) = (field_id(&min_name), field_id(&max_name));
                let (min_problem, max_problem) = (problem(&i18n, &errors, &min_name), problem(&i18n, &errors, &max_name));
                view! {
                    <fieldset class="app-fieldset app-filters__group">
                        <legend class="app-fieldset__legend">{p.label.clone()}</legend>
                        <div class="app-field">
                            <label class="app-field__label" for=min_id.clone()>{i18n.t("filter-from")}</label>
                            {min_problem.message}
                            <input class="app-input" type="number" id=min_id name=min_name min=p.min max=p.max value=value(&format!("{}_min", p.key))
                                aria-describedby=min_problem.described_by aria-invalid=min_problem.invalid/>
                        </div>
                        <div class="app-field">
                            <label class="app-field__label" for=max_id.clone()>{i18n.t("filter-to")}</label>
                            {max_problem.message}
                            <input class="app-input" type="number" id=max_id name=max_name min=p.min max=p.max value=value(&format!("{}_max", p.key))
                                aria-describedby=max_problem.described_by aria-invalid=max_problem.invalid/>
                        </div>
                    </fieldset>
                }
                .into_any()
            } else {
                let id = field_id(&format!("p_{}", p.key));
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
    // Best match first only means something when words are given.
    let sort_codes: &[&str] = if query.q.trim().is_empty() {
        &["price_asc", "price_desc", "rating", "lead_time"]
    } else {
        &["relevance", "price_asc", "price_desc", "rating", "lead_time"]
    };
    let sorts = sort_codes
        .iter()
        .copied()
        .map(|s| view! { <option value=s selected=query.sort == s>{i18n.t(&format!("sort-{s}"))}</option> })
        .collect_view();
    let q_problem = problem(&i18n, &errors, "q");
    let (min_price, max_price) = (problem(&i18n, &errors, "price_min"), problem(&i18n, &errors, "price_max"));
    let (rating, lead) = (problem(&i18n, &errors, "min_rating"), problem(&i18n, &errors, "max_lead"));
    view! {
        <aside class="app-filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{i18n.t("filters-title")}</h2>
            <form method="get" action=routes::CATALOGUE role="search" aria-labelledby="filters-title">
                {query.for_recipient.map(|id| view! { <input type="hidden" name="for" value=id.to_string()/> })}
                <div class="app-field">
                    <label class="app-field__label" for="f-q">{i18n.t("filter-words")}</label>
                    {q_problem.message}
                    <input class="app-input" type="search" id="f-q" name="q" maxlength="200" value=query.q.clone()
                        aria-describedby=q_problem.described_by aria-invalid=q_problem.invalid/>
                </div>
                <div class="app-field">
                    <label class="app-field__label" for="f-category">{i18n.t("filter-category")}</label>
                    <select class="app-select" id="f-category" name="category">
                        <option value="">{i18n.t("filter-any")}</option>
                        {category_options}
                    </select>
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
                        {min_price.message}
                        <input class="app-input" type="text" inputmode="decimal" id="f-price_min" name="price_min" value=query.price_min.clone()
                            aria-describedby=min_price.described_by aria-invalid=min_price.invalid/>
                    </div>
                    <div class="app-field">
                        <label class="app-field__label" for="f-price_max">{i18n.t("filter-to")}</label>
                        {max_price.message}
                        <input class="app-input" type="text" inputmode="decimal" id="f-price_max" name="price_max" value=query.price_max.clone()
                            aria-describedby=max_price.described_by aria-invalid=max_price.invalid/>
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
                    {rating.message}
                    <select class="app-select" id="f-min_rating" name="min_rating" aria-describedby=rating.described_by aria-invalid=rating.invalid>
                        <option value="">{i18n.t("filter-any")}</option>
                        {(1..=5).map(|r| view! { <option value=r.to_string() selected=query.min_rating == r.to_string()>{i18n.ta("filter-rating-at-least", &[("rating", r.to_string())])}</option> }).collect_view()}
                    </select>
                </div>
                <div class="app-field">
                    <label class="app-field__label" for="f-max_lead">{i18n.t("filter-lead-time")}</label>
                    {lead.message}
                    <input class="app-input" type="number" min="1" id="f-max_lead" name="max_lead" value=query.max_lead.clone()
                        aria-describedby=lead.described_by aria-invalid=lead.invalid/>
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
