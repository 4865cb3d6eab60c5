use crate::api::reference::regions::regions;
use crate::components::field::{Choice, Framed, Input, Spec};
use crate::dto::recipient::{CatalogueQuery, ItemTypeOption, ParamField};
use crate::error::FieldError;
use crate::i18n::use_i18n;
use crate::routes;
use leptos::prelude::*;

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
    let chosen_region = query.region.clone();
    let mine = my_region.clone();
    let param_fields = params
        .into_iter()
        .map(|p| {
            let value =
                |k: &str| query.params.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap_or_default();
            if p.options.is_empty() {
                let bound = |end: &str, key: &str| {
                    Spec::new(&format!("p_{}_{end}", p.key), i18n.t(key))
                        .kind("number")
                        .bounds(Some(p.min.to_string()), Some(p.max.to_string()))
                        .value(value(&format!("{}_{end}", p.key)))
                        .error_from(&errors)
                };
                view! {
                    <fieldset class="app-fieldset app-filters__group">
                        <legend class="app-fieldset__legend">{p.label.clone()}</legend>
                        <Input spec=bound("min", "filter-from")/>
                        <Input spec=bound("max", "filter-to")/>
                    </fieldset>
                }
                .into_any()
            } else {
                let spec = Spec::new(&format!("p_{}", p.key), p.label.clone()).value(value(&p.key)).error_from(&errors);
                view! { <Choice spec options=p.options empty=i18n.t("filter-any")/> }.into_any()
            }
        })
        .collect_view();
    // Best match first only means something when words are given.
    let sort_codes: &[&str] = if query.q.trim().is_empty() {
        &["price_asc", "price_desc", "rating", "lead_time"]
    } else {
        &["relevance", "price_asc", "price_desc", "rating", "lead_time"]
    };
    let sorts: Vec<(String, String)> =
        sort_codes.iter().map(|s| ((*s).to_owned(), i18n.t(&format!("sort-{s}")))).collect();
    let ratings: Vec<(String, String)> =
        (1..=5).map(|r| (r.to_string(), i18n.ta("filter-rating-at-least", &[("rating", r.to_string())]))).collect();
    let spec = |field: &str, key: &str, value: &str| Spec::new(field, i18n.t(key)).value(value).error_from(&errors);
    let item_type = spec("item_type", "filter-item-type", &query.item_type);
    let region = spec("region", "filter-region", &query.region);
    view! {
        <aside class="app-filters" aria-labelledby="filters-title">
            <h2 id="filters-title">{i18n.t("filters-title")}</h2>
            <form method="get" action=routes::CATALOGUE role="search" aria-labelledby="filters-title">
                {query.for_recipient.map(|id| view! { <input type="hidden" name="for" value=id.to_string()/> })}
                <Input spec=spec("q", "filter-words", &query.q).kind("search").maxlength(200)/>
                // The kind of help stays chosen while the other filters are refined.
                <Choice spec=spec("category", "filter-category", &query.category) options=categories.clone() empty=i18n.t("filter-any")/>
                <Framed spec=item_type.clone()>
                    <select class="app-select" id=item_type.id() name="item_type" aria-describedby=item_type.described_by()
                        aria-invalid=item_type.invalid()>
                        <option value="">{i18n.t("filter-any")}</option>
                        {type_groups}
                    </select>
                </Framed>
                <Framed spec=region.clone()>
                    <Suspense fallback=|| ()>
                        {move || {
                            let (chosen, mine, region) = (chosen_region.clone(), mine.clone(), region.clone());
                            Suspend::new(async move {
                                let list = region_list.await.unwrap_or_default();
                                view! {
                                    <select class="app-select" id=region.id() name="region" aria-describedby=region.described_by()
                                        aria-invalid=region.invalid()>
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
                </Framed>
                <fieldset class="app-fieldset app-filters__group">
                    <legend class="app-fieldset__legend">{i18n.t("filter-price")}</legend>
                    <Input spec=spec("price_min", "filter-from", &query.price_min).inputmode(Some("decimal"))/>
                    <Input spec=spec("price_max", "filter-to", &query.price_max).inputmode(Some("decimal"))/>
                </fieldset>
                <div class="app-checkboxes">
                    <div class="app-checkbox">
                        <input type="checkbox" id="f-no_copay" name="no_copay" value="on" checked=query.no_copay/>
                        <label for="f-no_copay">{i18n.t("filter-no-copay")}</label>
                    </div>
                </div>
                {param_fields}
                <Choice spec=spec("min_rating", "filter-rating", &query.min_rating) options=ratings empty=i18n.t("filter-any")/>
                <Input spec=spec("max_lead", "filter-lead-time", &query.max_lead).kind("number").bounds(Some("1".into()), None)/>
                <Choice spec=spec("sort", "filter-sort", &query.sort) options=sorts no_empty=true/>
                <p class="app-actions">
                    <button type="submit" class="app-button">{i18n.t("filter-apply")}</button>
                    <a href=routes::CATALOGUE>{i18n.t("filter-clear")}</a>
                </p>
            </form>
        </aside>
    }
}
