//! Indexes proven: the database's own plan for each catalogue query and the offering page's
//! queries, on a catalogue big enough for the planner to prefer indexes, must not read the
//! offerings, orders or entitlements table from end to end. The statements are the ones the
//! service runs, built by the same functions.
use crate::both;
use crate::fixtures::catalogue_data::{generate, Shape};
use crate::helpers::TestApp;
use app::domain::Lang;
use app::dto::recipient::CatalogueQuery;
use app::ports::Caller;
use sea_orm::{ConnectionTrait, DatabaseBackend, QueryTrait, Statement};
use server::services::recipient::catalogue::prepare;
use server::services::recipient::offering::{reviews_query, scorecard_query, visible_offering_query};

/// The plan's lines: PostgreSQL's `EXPLAIN`, SQLite's `EXPLAIN QUERY PLAN` details.
pub async fn plan(app: &TestApp, stmt: Statement) -> Vec<String> {
    let backend = app.db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => format!("EXPLAIN {}", stmt.sql),
        _ => format!("EXPLAIN QUERY PLAN {}", stmt.sql),
    };
    let rows = app.db.query_all_raw(Statement { sql, ..stmt }).await.unwrap();
    rows.iter()
        .map(|r| match backend {
            DatabaseBackend::Postgres => r.try_get::<String>("", "QUERY PLAN").unwrap(),
            _ => r.try_get::<String>("", "detail").unwrap(),
        })
        .collect()
}

/// Lines that read a large table from end to end: `Seq Scan` on PostgreSQL, a `SCAN` without
/// an index on SQLite (the catalogue names offerings `o`).
pub fn full_scans(lines: &[String]) -> Vec<String> {
    const TABLES: &[&str] = &["offerings", "o", "orders", "entitlements"];
    lines
        .iter()
        .filter(|l| {
            let l = l.trim().trim_start_matches("->").trim();
            let pg = TABLES
                .iter()
                .any(|t| l.contains(&format!("Seq Scan on {t} ")) || l.ends_with(&format!("Seq Scan on {t}")));
            let sqlite = l.strip_prefix("SCAN ").is_some_and(|rest| {
                let table = rest.split_whitespace().next().unwrap_or_default();
                TABLES.contains(&table) && !rest.contains("USING")
            });
            pg || sqlite
        })
        .cloned()
        .collect()
}

fn query(v: serde_json::Value) -> CatalogueQuery {
    serde_json::from_value(v).unwrap()
}

both!(catalogue_and_offering_page_queries_use_indexes_not_full_scans, |app: TestApp| async move {
    let shape = Shape { suppliers: 400, offerings: 8_000, orders: 6_000, dated_ceilings: false, seed: 11 };
    let world = generate(&app.db, &shape).await.unwrap();
    let analyse = match app.db.get_database_backend() {
        DatabaseBackend::Postgres => "VACUUM ANALYZE",
        _ => "ANALYZE",
    };
    app.db.execute_unprepared(analyse).await.unwrap();
    let visitor = Caller {
        actor: None,
        pending: None,
        ip: "127.0.0.1".into(),
        user_agent: None,
        lang: Lang::Ru,
        secure_cookies: false,
    };
    let backend = app.db.get_database_backend();
    let mut statements: Vec<(String, Statement)> = Vec::new();
    for (name, q) in [
        ("all regions", serde_json::json!({ "region": "all" })),
        (
            "item type, region, no co-payment",
            serde_json::json!({ "item_type": "wheelchair_manual", "region": "ALA", "no_copay": true }),
        ),
        ("one word", serde_json::json!({ "region": "all", "q": "коляска" })),
        ("one word, cheapest first", serde_json::json!({ "region": "all", "q": "қыран", "sort": "price_asc" })),
        ("a region, all types", serde_json::json!({ "region": "ALA" })),
        (
            "no co-payment, all types, best rated",
            serde_json::json!({ "region": "all", "no_copay": true, "sort": "rating" }),
        ),
        (
            "a parameter",
            serde_json::json!({ "region": "all", "item_type": "wheelchair_manual", "params": [["frame", "steel"], ["seat_width_cm_min", "45"]] }),
        ),
        ("page 40, dearest first", serde_json::json!({ "region": "all", "sort": "price_desc", "page": 40 })),
    ] {
        let search = prepare(&app.db, &visitor, query(q)).await.unwrap().search;
        statements.push((format!("{name}: count"), search.count(backend)));
        statements.push((format!("{name}: page"), search.page(backend, 20, 20)));
        // The open-data API's next page, from a cursor.
        let after = server::services::recipient::catalogue_sql::Keyset {
            price_tiyn: 5_000_000,
            lead_time_days: 10,
            rating_x100: 400,
            review_count: 3,
            id: 4_000,
        };
        statements.push((format!("{name}: page after a cursor"), search.page_after(backend, 21, Some(&after))));
    }
    let offering = world.busiest_offering.unwrap();
    let supplier = world.offerings.iter().find(|o| o.id == offering).unwrap().supplier_id;
    statements.push(("offering page: the offering".into(), visible_offering_query(offering).build(backend)));
    statements.push(("offering page: supplier's record".into(), scorecard_query(supplier).build(backend)));
    statements.push(("offering page: reviews".into(), reviews_query(offering).build(backend)));
    let mut failures = Vec::new();
    for (name, stmt) in statements {
        let lines = plan(&app, stmt).await;
        if std::env::var_os("CATALOGUE_PLANS").is_some() {
            println!("== {name}\n{}", lines.join("\n"));
        }
        let scans = full_scans(&lines);
        if !scans.is_empty() {
            failures.push(format!("{name}: {scans:?}\n{}", lines.join("\n")));
        }
    }
    assert!(failures.is_empty(), "full scans:\n{}", failures.join("\n\n"));
});
