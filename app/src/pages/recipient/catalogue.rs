use super::catalogue_filters::Filters;
use crate::api::recipient::catalogue_search::catalogue_search;
use crate::components::form::{ErrorSummary, FormState};
use crate::components::format::money;
use crate::components::loaded::Loaded;
use crate::components::pager::{PageHref, Pager};
use crate::components::url::encode;
use crate::dto::recipient::{CatalogueQuery, CatalogueView, OfferingCard};
use crate::dto::PageInfo;
use crate::error::{AppError, FieldError};
use crate::i18n::{use_i18n, I18n};
use crate::pages::PageHeading;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// The filters from the URL: the filter form is a plain GET form, so a search can be
/// bookmarked, shared, and used without JavaScript.
pub fn query_from(q: &ParamsMap) -> CatalogueQuery {
    let get = |k: &str| q.get(k).unwrap_or_default();
    CatalogueQuery {
        category: get("category"),
        item_type: get("item_type"),
        q: get("q"),
        region: get("region"),
        price_min: get("price_min"),
        price_max: get("price_max"),
        no_copay: q.get("no_copay").is_some_and(|v| !v.is_empty()),
        min_rating: get("min_rating"),
        max_lead: get("max_lead"),
        sort: get("sort"),
        page: crate::components::pager::page_param(q),
        params: q
            .clone()
            .into_iter()
            .filter_map(|(k, v)| k.strip_prefix("p_").map(|k| (k.to_owned(), v)))
            .filter(|(_, v)| !v.is_empty())
            .collect(),
        for_recipient: q.get("for").and_then(|v| v.parse().ok()),
    }
}

/// The URL of a catalogue search (for pagination links).
pub fn url_of(q: &CatalogueQuery, page: u32) -> String {
    let mut parts: Vec<(String, String)> = vec![
        ("category".into(), q.category.clone()),
        ("item_type".into(), q.item_type.clone()),
        ("q".into(), q.q.clone()),
        ("region".into(), q.region.clone()),
        ("price_min".into(), q.price_min.clone()),
        ("price_max".into(), q.price_max.clone()),
        ("min_rating".into(), q.min_rating.clone()),
        ("max_lead".into(), q.max_lead.clone()),
        ("sort".into(), q.sort.clone()),
    ];
    if q.no_copay {
        parts.push(("no_copay".into(), "on".into()));
    }
    parts.extend(q.params.iter().map(|(k, v)| (format!("p_{k}"), v.clone())));
    if let Some(id) = q.for_recipient {
        parts.push(("for".into(), id.to_string()));
    }
    parts.push(("page".into(), page.to_string()));
    let query: Vec<String> =
        parts.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}={}", encode(&v))).collect();
    format!("{}?{}", routes::CATALOGUE, query.join("&"))
}

/// The query without the filters the catalogue refused.
fn without(mut q: CatalogueQuery, errors: &[FieldError]) -> CatalogueQuery {
    for e in errors {
        match e.field.as_str() {
            "q" => q.q.clear(),
            "category" => q.category.clear(),
            "item_type" => q.item_type.clear(),
            "region" => q.region.clear(),
            "sort" => q.sort.clear(),
            "price_min" => q.price_min.clear(),
            "price_max" => q.price_max.clear(),
            "min_rating" => q.min_rating.clear(),
            "max_lead" => q.max_lead.clear(),
            "params" => q.params.clear(),
            other => {
                if let Some(key) = other.strip_prefix("p_") {
                    q.params.retain(|(k, _)| k != key);
                }
            }
        }
    }
    q
}

/// Searches; filters the catalogue cannot understand (a price typed as words, a search text
/// far too long) are left out and shown beside their fields, so the page still answers.
/// What was typed comes back in the form, except a text too long to repeat.
pub async fn search_leniently(query: CatalogueQuery) -> Result<CatalogueView, AppError> {
    match catalogue_search(query.clone()).await {
        Err(AppError::Invalid(errors)) => {
            let mut view = catalogue_search(without(query.clone(), &errors)).await?;
            for e in errors.iter().filter(|e| e.code != "too_long") {
                match e.field.as_str() {
                    "price_min" => view.query.price_min = query.price_min.clone(),
                    "price_max" => view.query.price_max = query.price_max.clone(),
                    "min_rating" => view.query.min_rating = query.min_rating.clone(),
                    "max_lead" => view.query.max_lead = query.max_lead.clone(),
                    other => {
                        if let Some((key, value)) =
                            other.strip_prefix("p_").and_then(|k| query.params.iter().find(|(q, _)| q == k))
                        {
                            view.query.params.push((key.clone(), value.clone()));
                        }
                    }
                }
            }
            view.errors = errors;
            Ok(view)
        }
        other => other,
    }
}

/// The catalogue: filters beside the results.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(move || query_from(&query.get()), search_leniently);
    view! {
        <PageHeading key="catalogue-title"/>
        <Loaded resource=data let:view>
            {results_page(view)}
        </Loaded>
    }
}

fn results_page(view: CatalogueView) -> impl IntoView {
    let i18n = use_i18n();
    let CatalogueView { query, categories, item_types, params, my_region, results, total, pages, similar, errors } =
        view;
    let summary = i18n.ta("catalogue-found", &[("count", total.to_string())]);
    let summary_errors = (!errors.is_empty()).then(|| view! { <ErrorSummary state=FormState { error: Some(AppError::Invalid(errors.clone())), typed: Vec::new() }/> });
    let similar = similar.then(|| view! { <p class="app-notice">{i18n.t("catalogue-similar")}</p> });
    let list = if results.is_empty() {
        view! { <p>{i18n.t("catalogue-nothing")}</p> }.into_any()
    } else {
        let who = query.for_recipient;
        view! { <ul class="app-results">{results.into_iter().map(|c| result(&i18n, c, who)).collect_view()}</ul> }
            .into_any()
    };
    let page = PageInfo { page: query.page, pages, total: u64::from(total) };
    let href: PageHref = {
        let query = query.clone();
        std::sync::Arc::new(move |p| url_of(&query, p))
    };
    view! {
        <div class="app-layout-sidebar">
            <Filters query=query.clone() categories item_types params my_region errors/>
            <div>
                {summary_errors}
                <h2 class="app-visually-hidden">{i18n.t("catalogue-results")}</h2>
                <p role="status">{summary}</p>
                {similar}
                {list}
                <Pager page href/>
            </div>
        </div>
    }
}

fn result(i18n: &I18n, c: OfferingCard, who: Option<i32>) -> impl IntoView {
    let href = format!("/offerings/{}{}", c.id, super::for_suffix(who, true));
    let rating = if c.reviews > 0 {
        i18n.ta(
            "catalogue-rating",
            &[("rating", format!("{:.1}", f64::from(c.rating_x100) / 100.0)), ("count", c.reviews.to_string())],
        )
    } else {
        i18n.t("catalogue-no-reviews")
    };
    let pay = if c.copay.tiyn() > 0 {
        view! { <p class="app-result__copay">{i18n.ta("catalogue-you-pay", &[("amount", money(i18n, c.copay))])}</p> }
            .into_any()
    } else {
        view! { <p>{i18n.t("catalogue-no-copay")}</p> }.into_any()
    };
    let region =
        c.serves_my_region.map(|s| i18n.t(if s { "catalogue-serves-you" } else { "catalogue-not-your-region" }));
    view! {
        <li class="app-result">
            <h3 class="app-result__title"><a href=href>{c.title}</a></h3>
            <p class="app-muted">{c.supplier}</p>
            <p class="app-result__price">
                {i18n.ta("catalogue-price", &[("price", money(i18n, c.price)), ("ceiling", money(i18n, c.ceiling))])}
            </p>
            {pay}
            <ul class="app-result__meta">
                <li>{rating}</li>
                <li>{i18n.ta("catalogue-lead-time", &[("days", c.lead_time_days.to_string())])}</li>
                {region.map(|r| view! { <li>{r}</li> })}
            </ul>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_filters_are_left_out_of_the_second_search() {
        let q = CatalogueQuery {
            q: "x".repeat(300),
            price_min: "abc".into(),
            params: vec![("size_min".into(), "big".into()), ("frame".into(), "steel".into())],
            ..Default::default()
        };
        let errors = vec![
            FieldError { field: "q".into(), code: "too_long".into() },
            FieldError { field: "price_min".into(), code: "not_an_amount".into() },
            FieldError { field: "p_size_min".into(), code: "not_a_number".into() },
        ];
        let cleaned = without(q, &errors);
        assert_eq!((cleaned.q.as_str(), cleaned.price_min.as_str()), ("", ""));
        assert_eq!(cleaned.params, vec![("frame".to_owned(), "steel".to_owned())]);
    }
}
