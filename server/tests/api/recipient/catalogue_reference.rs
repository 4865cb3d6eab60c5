//! The catalogue's answers against a brute-force reference: a few thousand random offerings
//! (item types, prices on and around the guaranteed sums, regions, parameters, ratings, lead
//! times, statuses of offerings and suppliers, planted words), then changes made the way any
//! writer would make them, then random queries. For each, the count, the ids of the page and
//! their order must equal a plain filter and sort of what was written, kept in memory.
use crate::both;
use crate::fixtures::catalogue_data::{generate, params_json, Param, Shape, World, VOCABULARY};
use crate::helpers::TestApp;
use app::domain::Money;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{json, Value};
use server::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use server::entities::{offerings, suppliers};
use server::services::recipient::catalogue_sql::words;
use std::cmp::Reverse;

const CASES: usize = 160;
const PAGE: usize = 20;

/// Changes made after the offerings were written: suppliers change status, offerings get new
/// parameters, titles, statuses and prices. The triggers must follow each.
async fn change(app: &TestApp, world: &mut World, rng: &mut StdRng) {
    let ids: Vec<i32> = world.suppliers.keys().copied().collect();
    for _ in 0..6 {
        let id = ids[rng.gen_range(0..ids.len())];
        let status =
            [DbSupplierStatus::Approved, DbSupplierStatus::Suspended, DbSupplierStatus::Removed][rng.gen_range(0..3)];
        suppliers::ActiveModel { id: Set(id), status: Set(status), ..Default::default() }
            .update(&app.db)
            .await
            .unwrap();
        world.suppliers.insert(id, status);
    }
    for _ in 0..120 {
        let i = rng.gen_range(0..world.offerings.len());
        let o = &mut world.offerings[i];
        let mut am = offerings::ActiveModel { id: Set(o.id), ..Default::default() };
        match rng.gen_range(0..4) {
            0 => {
                // Parameters replaced: one dropped, the others moved.
                let mut params = o.params.clone();
                if let Some(k) = params.keys().next().cloned() {
                    params.remove(&k);
                }
                for v in params.values_mut() {
                    if let Param::Num(n) = v {
                        *n += 1;
                    }
                }
                am.params = Set(params_json(&params));
                o.params = params;
            }
            1 => {
                let w = VOCABULARY[rng.gen_range(0..VOCABULARY.len())].to_uppercase();
                o.texts[0] = format!("{w} {}", o.texts[0]);
                o.texts[4] = "Описание заменено".into();
                am.title_kk = Set(o.texts[0].clone());
                am.description_ru = Set(o.texts[4].clone());
            }
            2 => {
                let status = [DbOfferingStatus::Published, DbOfferingStatus::Withdrawn, DbOfferingStatus::Blocked]
                    [rng.gen_range(0..3)];
                am.status = Set(status);
                o.status = status;
            }
            _ => {
                o.price = (o.price + rng.gen_range(-5_000..5_000)).max(100);
                am.price_tiyn = Set(o.price);
            }
        }
        am.update(&app.db).await.unwrap();
    }
}

fn tenge(tiyn: i64) -> String {
    if tiyn % 100 == 0 {
        format!("{}", tiyn / 100)
    } else {
        format!("{},{:02}", tiyn / 100, tiyn % 100)
    }
}

/// A random query, as the page's form or a script would send it.
fn random_query(world: &World, rng: &mut StdRng) -> Value {
    let mut q = serde_json::Map::new();
    let types: Vec<_> = world.item_types.iter().filter(|t| t.active).collect();
    let chosen = match rng.gen_range(0..100) {
        0..=39 => {
            let t = types[rng.gen_range(0..types.len())];
            q.insert("item_type".into(), json!(t.code));
            Some(t)
        }
        40..=42 => {
            q.insert("item_type".into(), json!("no_such_type"));
            None
        }
        _ => None,
    };
    if chosen.is_none() && rng.gen_bool(0.25) {
        let cats = &world.categories;
        let c = if rng.gen_bool(0.9) { cats[rng.gen_range(0..cats.len())].clone() } else { "no_such_category".into() };
        q.insert("category".into(), json!(c));
    }
    let region = match rng.gen_range(0..10) {
        0..=3 => "all".to_owned(),
        4 => String::new(),
        _ => world.regions[rng.gen_range(0..world.regions.len())].clone(),
    };
    q.insert("region".into(), json!(region));
    let around = |rng: &mut StdRng| {
        let t = &world.item_types[rng.gen_range(0..world.item_types.len())];
        let c = world.ceiling_on(t.id, world.today).unwrap_or(1_000_000);
        (c as f64 * rng.gen_range(0.6..1.4)) as i64
    };
    if rng.gen_bool(0.2) {
        let p = around(rng);
        q.insert("price_min".into(), json!(tenge(p)));
    }
    if rng.gen_bool(0.2) {
        let p = around(rng);
        q.insert("price_max".into(), json!(tenge(p)));
    }
    if rng.gen_bool(0.35) {
        q.insert("no_copay".into(), json!(true));
    }
    if rng.gen_bool(0.2) {
        q.insert("min_rating".into(), json!(rng.gen_range(1..=5).to_string()));
    }
    if rng.gen_bool(0.2) {
        q.insert("max_lead".into(), json!(rng.gen_range(1..=60).to_string()));
    }
    if let Some(t) = chosen.filter(|_| rng.gen_bool(0.6)) {
        let mut params = Vec::new();
        for p in t.schema["params"].as_array().into_iter().flatten() {
            if !rng.gen_bool(0.6) {
                continue;
            }
            let key = p["key"].as_str().unwrap_or_default();
            if p["kind"] == "int" {
                let (min, max) = (p["min"].as_i64().unwrap_or(0), p["max"].as_i64().unwrap_or(10));
                let a = rng.gen_range(min..=max);
                match rng.gen_range(0..3) {
                    0 => params.push(json!([format!("{key}_min"), a.to_string()])),
                    1 => params.push(json!([format!("{key}_max"), a.to_string()])),
                    _ => {
                        params.push(json!([format!("{key}_min"), a.to_string()]));
                        params.push(json!([format!("{key}_max"), rng.gen_range(a..=max).to_string()]));
                    }
                }
            } else {
                let options: Vec<&str> =
                    p["options"].as_array().into_iter().flatten().filter_map(|o| o["value"].as_str()).collect();
                params.push(json!([key, options[rng.gen_range(0..options.len())]]));
            }
        }
        q.insert("params".into(), json!(params));
    }
    let with_words = rng.gen_bool(0.3);
    if with_words {
        let n = rng.gen_range(1..=2);
        let text: Vec<String> = (0..n)
            .map(|_| {
                let w = VOCABULARY[rng.gen_range(0..VOCABULARY.len())];
                if rng.gen_bool(0.5) {
                    w.to_uppercase()
                } else {
                    w.to_owned()
                }
            })
            .collect();
        q.insert("q".into(), json!(text.join(" ")));
    }
    // With words, only the orders the reference can compute (relevance is checked by count).
    let sorts: &[&str] = if with_words {
        &["price_asc", "price_desc", "rating", "lead_time", "relevance"]
    } else {
        &["", "price_asc", "price_desc", "rating", "lead_time", "relevance", "cheapest"]
    };
    q.insert("sort".into(), json!(sorts[rng.gen_range(0..sorts.len())]));
    let page = match rng.gen_range(0..10) {
        0..=5 => 1,
        6..=8 => rng.gen_range(2..=6),
        _ => 10_000,
    };
    q.insert("page".into(), json!(page));
    Value::Object(q)
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(|t| t.to_lowercase().replace('ё', "е"))
}

/// The reference: a plain filter and sort of what was written. Returns (total, ids of the page).
fn reference(world: &World, q: &Value) -> (usize, Vec<i32>, bool) {
    let s = |k: &str| q[k].as_str().unwrap_or_default().to_owned();
    let active: Vec<_> = world.item_types.iter().filter(|t| t.active).collect();
    let chosen = active.iter().find(|t| t.code == s("item_type"));
    let types: Option<Vec<i32>> = match (chosen, s("category")) {
        (Some(t), _) => Some(vec![t.id]),
        (None, c) if !c.is_empty() => Some(active.iter().filter(|t| t.category == c).map(|t| t.id).collect()),
        _ => None,
    };
    let region = s("region");
    let money = |k: &str| Money::parse(&s(k)).ok().map(|m| m.tiyn());
    let (min, max) = (money("price_min"), money("price_max"));
    let rating = s("min_rating").parse::<i32>().ok().map(|r| r.clamp(1, 5) * 100);
    let lead = s("max_lead").parse::<i32>().ok();
    let given: Vec<(String, String)> = q["params"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| (p[0].as_str().unwrap_or_default().to_owned(), p[1].as_str().unwrap_or_default().to_owned()))
        .collect();
    let get = |k: &str| given.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let terms = words(&s("q"));
    let mut found: Vec<_> = world
        .offerings
        .iter()
        .filter(|o| world.listed(o))
        .filter(|o| types.as_ref().is_none_or(|t| t.contains(&o.item_type_id)))
        .filter(|o| region.is_empty() || region == "all" || o.regions.contains(&region))
        .filter(|o| min.is_none_or(|m| o.price >= m) && max.is_none_or(|m| o.price <= m))
        .filter(|o| {
            !q["no_copay"].as_bool().unwrap_or(false)
                || world.ceiling_on(o.item_type_id, world.today).is_some_and(|c| o.price <= c)
        })
        .filter(|o| rating.is_none_or(|r| o.rating >= r) && lead.is_none_or(|d| o.lead <= d))
        .filter(|o| {
            let Some(t) = chosen else { return true };
            t.schema["params"].as_array().into_iter().flatten().all(|p| {
                let key = p["key"].as_str().unwrap_or_default();
                let have = o.params.get(key);
                if p["kind"] == "int" {
                    let n = match have {
                        Some(Param::Num(n)) => Some(*n),
                        _ => None,
                    };
                    let bound = |suffix: &str| get(&format!("{key}_{suffix}")).and_then(|v| v.parse::<i64>().ok());
                    bound("min").is_none_or(|m| n.is_some_and(|n| n >= m))
                        && bound("max").is_none_or(|m| n.is_some_and(|n| n <= m))
                } else {
                    get(key).filter(|v| !v.is_empty()).is_none_or(|v| have == Some(&Param::Text(v)))
                }
            })
        })
        .filter(|o| {
            terms.iter().all(|term| o.texts.iter().any(|t| tokens(t).any(|tok| tok.starts_with(term.as_str()))))
        })
        .collect();
    let sort = s("sort");
    let ranked = sort == "relevance" || (sort.is_empty() && !terms.is_empty());
    match sort.as_str() {
        "price_desc" => found.sort_by_key(|o| (Reverse(o.price), Reverse(o.id))),
        "rating" => found.sort_by_key(|o| (Reverse(o.rating), Reverse(o.reviews), o.id)),
        "lead_time" => found.sort_by_key(|o| (o.lead, o.price, o.id)),
        _ => found.sort_by_key(|o| (o.price, o.id)),
    }
    let total = found.len();
    let pages = total.div_ceil(PAGE).max(1);
    let page = usize::try_from(q["page"].as_u64().unwrap_or(1)).unwrap_or(1).clamp(1, pages);
    let ids = found.iter().skip((page - 1) * PAGE).take(PAGE).map(|o| o.id).collect();
    (total, ids, ranked && !terms.is_empty())
}

both!(catalogue_answers_equal_a_brute_force_filter_of_random_offerings_for_random_queries, |app: TestApp| async move {
    let shape = Shape { suppliers: 60, offerings: 2_500, orders: 0, dated_ceilings: true, seed: 20_261_201 };
    let mut world = generate(&app.db, &shape).await.unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    change(&app, &mut world, &mut rng).await;
    let mut nonempty = 0;
    for case in 0..CASES {
        let q = random_query(&world, &mut rng);
        let a = app.call_json(None, "catalogue_search", json!({ "query": q })).await;
        assert_eq!(a.status, StatusCode::OK, "case {case}: {q}: {}", a.body);
        let (total, ids, ranked) = reference(&world, &q);
        if a.body["similar"] == true {
            // PostgreSQL's trigram fallback answers only when the exact words found nothing.
            assert_eq!(total, 0, "case {case}, similar words offered although exact ones exist: {q}");
            continue;
        }
        assert_eq!(a.body["total"].as_u64(), Some(total as u64), "case {case}, count: {q}");
        let got: Vec<i32> =
            a.body["results"].as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap() as i32).collect();
        if ranked {
            // Ranked by relevance: the same page size; the order is the engine's.
            assert_eq!(got.len(), ids.len(), "case {case}, page size: {q}");
        } else {
            assert_eq!(got, ids, "case {case}, page: {q}");
        }
        nonempty += usize::from(total > 0);
    }
    assert!(nonempty > CASES / 3, "the random queries find something often enough to test: {nonempty}");
});
