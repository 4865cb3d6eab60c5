//! The public API: reference lists, the catalogue paged by cursors that stay put, offerings,
//! suppliers' scorecards, statistics with small counts withheld, the contract covering every
//! route, and each client's request budget.
use crate::both;
use crate::fixtures::*;
use crate::helpers::{Backend, TestApp};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::Value;
use server::entities::enums::*;
use server::entities::{ceilings, recipients};

async fn get(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let res = app.client.get(format!("{}{path}", app.base)).send().await.unwrap();
    let status = res.status();
    (status, res.json::<Value>().await.unwrap_or(Value::Null))
}

both!(reference_lists_and_item_types_with_the_history_of_their_guaranteed_sums, |app: TestApp| async move {
    let (status, cats) = get(&app, "/api/v1/categories").await;
    assert_eq!(status, StatusCode::OK);
    let tsr = cats.as_array().unwrap().iter().find(|c| c["code"] == "tsr").unwrap();
    assert_eq!((tsr["kind"].as_str(), tsr["unit"].as_str()), (Some("goods"), Some("piece")));
    assert!(tsr["name"]["kk"].as_str().is_some_and(|n| !n.is_empty()));
    let (_, regions) = get(&app, "/api/v1/regions").await;
    assert!(regions.as_array().unwrap().iter().any(|r| r["code"] == "ALA"));
    // A new sum from next month: today's stays in force, and both are in the history.
    let walker = item_type(&app, "walker").await;
    let today_sum = ceiling(&app, "walker").await;
    ceilings::ActiveModel {
        item_type_id: Set(walker.id),
        amount_tiyn: Set(today_sum + 500_000),
        valid_from: Set(chrono::Utc::now().date_naive() + chrono::Duration::days(40)),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let (_, types) = get(&app, "/api/v1/item-types").await;
    let w = types.as_array().unwrap().iter().find(|t| t["code"] == "walker").unwrap();
    assert_eq!(w["guaranteed_sum_tiyn"], today_sum);
    let history = w["history"].as_array().unwrap();
    assert!(history.len() >= 2, "{w}");
    assert_eq!(history[0]["amount_tiyn"], today_sum + 500_000, "newest first");
    assert_eq!(w["category"], "tsr");
});

both!(the_catalogue_pages_by_cursors_that_neither_repeat_nor_skip_when_offerings_appear, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(offering(&app, s.id, "walker", 1_000_000 + i * 10_000, &["ALA"]).await.id);
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/catalogue?item_type=walker&limit=10&cursor={c}"),
            None => "/api/v1/catalogue?item_type=walker&limit=10".to_owned(),
        };
        let (status, page) = get(&app, &path).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["total"], 25 + u64::from(pages > 0));
        seen.extend(page["items"].as_array().unwrap().iter().map(|o| o["id"].as_i64().unwrap() as i32));
        pages += 1;
        if pages == 1 {
            // A cheaper offering appears after the first page was read: it sorts before the
            // cursor, so the next pages neither repeat nor skip what was there.
            offering(&app, s.id, "walker", 500_000, &["ALA"]).await;
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, ids, "every offering once, cheapest first");
    // Dearest first walks the other way.
    let (_, first) = get(&app, "/api/v1/catalogue?item_type=walker&sort=price_desc&limit=3").await;
    let prices: Vec<i64> =
        first["items"].as_array().unwrap().iter().map(|o| o["price_tiyn"].as_i64().unwrap()).collect();
    assert_eq!(prices, vec![1_240_000, 1_230_000, 1_220_000]);
    let (_, next) = get(
        &app,
        &format!(
            "/api/v1/catalogue?item_type=walker&sort=price_desc&limit=3&cursor={}",
            first["next_cursor"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(next["items"][0]["price_tiyn"], 1_210_000);
    // Refusals share one shape, with the field at fault.
    for bad in [
        "cursor=not-a-cursor",
        "sort=relevance_please",
        "limit=0",
        "limit=101",
        "lang=de",
        "no_copay=maybe",
        "price_min=abc",
    ] {
        let (status, body) = get(&app, &format!("/api/v1/catalogue?{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert_eq!(body["error"], "invalid", "{bad}: {body}");
        assert!(!body["fields"].as_array().unwrap().is_empty(), "{bad}: {body}");
    }
});

both!(an_offering_is_public_only_while_listed, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 1_000_000, &["ALA"]).await;
    let (status, body) = get(&app, &format!("/api/v1/offerings/{}?lang=en", o.id)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["id"].as_i64(), body["supplier_id"].as_i64(), body["item_type"].as_str()),
        (Some(i64::from(o.id)), Some(i64::from(s.id)), Some("walker"))
    );
    assert_eq!(body["price_tiyn"], 1_000_000);
    let mut am: server::entities::offerings::ActiveModel = o.clone().into();
    am.status = Set(DbOfferingStatus::Withdrawn);
    am.update(&app.db).await.unwrap();
    for path in
        [format!("/api/v1/offerings/{}", o.id), "/api/v1/offerings/999999".to_owned(), "/api/v1/offerings/x".to_owned()]
    {
        let (status, body) = get(&app, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(body["error"], "not_found", "{path}: {body}");
    }
});

both!(only_approved_suppliers_are_listed_with_their_scorecards, |app: TestApp| async move {
    let mut approved = Vec::new();
    for i in 0..5 {
        approved.push(supplier(&app, &format!("a{i}@x.kz"), i + 1, DbSupplierStatus::Approved, &["ALA"]).await.id);
    }
    supplier(&app, "p@x.kz", 20, DbSupplierStatus::Pending, &["ALA"]).await;
    supplier(&app, "s@x.kz", 21, DbSupplierStatus::Suspended, &["ALA"]).await;
    let (_, first) = get(&app, "/api/v1/suppliers?limit=3").await;
    let (_, second) =
        get(&app, &format!("/api/v1/suppliers?limit=3&cursor={}", first["next_cursor"].as_str().unwrap())).await;
    assert!(second["next_cursor"].is_null());
    let listed: Vec<i32> = [&first, &second]
        .iter()
        .flat_map(|p| p["items"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap() as i32))
        .collect();
    assert_eq!(listed, approved);
    let card = &first["items"][0];
    assert_eq!(card["regions"], serde_json::json!(["ALA"]));
    for key in ["delivered", "delivered_on_time", "complaints", "reviews"] {
        assert!(card[key].is_i64(), "{key}: {card}");
    }
    assert!(
        card.get("email").is_none() && card.get("phone").is_none() && card.get("bin").is_none(),
        "no contact data: {card}"
    );
});

both!(provision_statistics_withhold_every_count_under_five, |app: TestApp| async move {
    // Six people in Almaty, three in Astana, each with a walker.
    for i in 0..9u16 {
        let r = recipient(&app, &format!("r{i}@x.kz"), 10 + i).await;
        if i >= 6 {
            let row = recipients::Entity::find_by_id(r.id).one(&app.db).await.unwrap().unwrap();
            let mut am: recipients::ActiveModel = row.into();
            am.region_code = Set(Some("AST".into()));
            am.update(&app.db).await.unwrap();
        }
        entitlement(&app, r.id, "walker", 1).await;
    }
    let month = chrono::Utc::now().format("%Y-%m").to_string();
    let (status, stats) = get(&app, &format!("/api/v1/statistics/provision?month={month}")).await;
    assert_eq!(status, StatusCode::OK, "{stats}");
    let cells = stats["cells"].as_array().unwrap();
    let ala = cells.iter().find(|c| c["region"] == "ALA" && c["category"] == "tsr").unwrap();
    assert_eq!(
        (ala["people_entitled"].as_u64(), ala["people_provided"].as_u64(), ala["suppressed"].as_bool()),
        (Some(6), Some(0), Some(false))
    );
    let ast = cells.iter().find(|c| c["region"] == "AST" && c["category"] == "tsr").unwrap();
    assert_eq!(ast["suppressed"], true);
    assert!(
        ast["people_entitled"].is_null() && ast["people_provided"].is_null() && ast["provision_rate_percent"].is_null()
    );
    assert!(cells.iter().all(|c| c["people_entitled"].as_u64().is_none_or(|n| n >= 5)), "{stats}");
    assert!(cells.iter().all(|c| c["region"] != "" && c["category"] != ""), "no totals to subtract from");
    let csv =
        app.client.get(format!("{}/api/v1/statistics/provision.csv?month={month}", app.base)).send().await.unwrap();
    assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    assert!(text.contains(&format!("{month},ALA,tsr,false,6,0,0.0,")), "{text}");
    assert!(text.contains(&format!("{month},AST,tsr,true,,,,")), "{text}");
    for bad in ["2999-01", "2026-13", "yesterday", "2001-01"] {
        let (status, body) = get(&app, &format!("/api/v1/statistics/provision?month={bad}")).await;
        assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("month")), "{bad}");
    }
});

both!(the_contract_documents_every_route_of_the_api_and_the_page_lists_them, |app: TestApp| async move {
    let (status, spec) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"), "{}", spec["openapi"]);
    let documented: Vec<String> = spec["paths"].as_object().unwrap().keys().cloned().collect();
    let routes: Vec<String> = server::startup::own_routes()
        .into_iter()
        .map(|r| r.path)
        .filter(|p| p.starts_with("/api/v1/") && p != "/api/v1/openapi.json")
        .collect();
    let missing: Vec<&String> = routes.iter().filter(|r| !documented.contains(r)).collect();
    assert!(missing.is_empty(), "routes under /api/v1 missing from the contract: {missing:?}");
    let undocumented_errors: Vec<String> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(p, item)| item.as_object().unwrap().iter().map(move |(m, op)| (p.clone(), m.clone(), op.clone())))
        .filter(|(_, _, op)| op["responses"].as_object().unwrap().keys().all(|k| k.starts_with('2')))
        .map(|(p, m, _)| format!("{m} {p}"))
        .collect();
    assert!(undocumented_errors.is_empty(), "operations without an error answer: {undocumented_errors:?}");
    let page = app.client.get(format!("{}/api/v1", app.base)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    for route in &routes {
        assert!(html.contains(route.as_str()), "the page lists {route}");
    }
});

async fn limited(backend: Backend) -> (TestApp, crate::helpers::TempDir) {
    crate::helpers::spawn_with(backend, |s| {
        s.api_requests_per_minute = 5;
        s.trusted_proxies = vec!["127.0.0.1".into()];
    })
    .await
}

macro_rules! limited {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let (app, _dir) = limited(Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let (app, _dir) = limited(Backend::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}

limited!(each_client_has_its_own_budget_of_requests, |app: TestApp| async move {
    let from = |client: &'static str| {
        let app = &app;
        async move {
            app.client
                .get(format!("{}/api/v1/regions", app.base))
                .header("x-forwarded-for", client)
                .send()
                .await
                .unwrap()
        }
    };
    for _ in 0..5 {
        assert_eq!(from("203.0.113.7").await.status(), StatusCode::OK);
    }
    let refused = from("203.0.113.7").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|s| s >= 1));
    assert_eq!(refused.json::<Value>().await.unwrap()["error"], "too_many_requests");
    assert_eq!(from("198.51.100.20").await.status(), StatusCode::OK, "another client is not held back");
    // The portal's pages are not counted against anyone.
    let page = app
        .client
        .get(format!("{}/catalogue", app.base))
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
});
