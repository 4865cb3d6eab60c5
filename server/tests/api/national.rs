//! National data on demand (`server seed-national`): the generator is deterministic, its
//! sizes follow the scale, its people live where Kazakhstan's people live, and what it writes
//! is consistent the way the portal keeps it (the catalogue finds every listed offering, an
//! entitlement's remainder is what its orders left, a rating is its reviews'). On the same
//! data, the database's own plans for the pages a recipient and a supplier open most must not
//! read orders, offerings or entitlements from end to end.
use crate::both;
use crate::helpers::{spawn, Backend, TestApp};
use crate::recipient::catalogue_plans::{full_scans, plan};
use app::domain::Lang;
use app::dto::recipient::CatalogueQuery;
use app::ports::Caller;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryTrait, Statement};
use server::seed::national::{seed, Plan, ENTITLEMENTS, OFFERINGS, ORDERS, RECIPIENTS, SUPPLIERS};
use server::services::ministry::provision::period;
use server::services::ministry::provision_summary::summary_rows;
use server::services::recipient::catalogue::prepare;
use server::services::recipient::entitlements::entitlements_query;
use server::services::recipient::my_orders::orders_query;
use server::services::recipient::offering::{reviews_query, scorecard_query, visible_offering_query};
use server::services::supplier::orders::inbox_query;

fn plan_at(scale: f64, now: DateTime<Utc>) -> Plan {
    Plan { scale, seed: 7, now, password_hash: "not a hash: generated account".into() }
}

fn a_second_ago() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp(now.timestamp() - 1, 0).unwrap()
}

async fn number(db: &DatabaseConnection, sql: impl AsRef<str>) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql.as_ref().to_owned()))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").or_else(|_| row.try_get::<i32>("", "n").map(i64::from)).unwrap()
}

const TABLES: &[&str] = &[
    "accounts",
    "suppliers",
    "supplier_regions",
    "offerings",
    "offering_regions",
    "offering_params",
    "recipients",
    "representatives",
    "entitlements",
    "orders",
    "order_events",
    "reviews",
    "complaints",
];

/// Row counts and checksums of columns that carry the generator's choices.
async fn fingerprint(db: &DatabaseConnection) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for t in TABLES {
        out.push((format!("{t} rows"), number(db, format!("SELECT COUNT(*) AS n FROM {t}")).await));
    }
    for (name, sql) in [
        ("orders", "SELECT CAST(COALESCE(SUM((id * 7 + offering_id * 13 + total_tiyn + copay_tiyn + LENGTH(status) * 101) % 1000003), 0) AS BIGINT) AS n FROM orders"),
        ("entitlements", "SELECT CAST(COALESCE(SUM((quantity_remaining * 31 + item_type_id) * id % 1000003), 0) AS BIGINT) AS n FROM entitlements"),
        ("offerings", "SELECT CAST(COALESCE(SUM((price_tiyn + rating_avg_x100 * 17 + supplier_id) % 1000003), 0) AS BIGINT) AS n FROM offerings"),
        ("recipients", "SELECT CAST(COALESCE(SUM(CAST(SUBSTR(iin, 1, 9) AS BIGINT) % 1000003 + LENGTH(region_code) * id), 0) AS BIGINT) AS n FROM recipients"),
        ("events", "SELECT CAST(COALESCE(SUM((order_id * 3 + LENGTH(status)) % 1000003), 0) AS BIGINT) AS n FROM order_events"),
    ] {
        out.push((format!("{name} checksum"), number(db, sql).await));
    }
    out
}

fn visitor() -> Caller {
    Caller {
        actor: None,
        pending: None,
        ip: "127.0.0.1".into(),
        user_agent: None,
        lang: Lang::Ru,
        secure_cookies: false,
    }
}

async fn catalogue_count(db: &DatabaseConnection, q: serde_json::Value) -> i64 {
    let q: CatalogueQuery = serde_json::from_value(q).unwrap();
    let search = prepare(db, &visitor(), q).await.unwrap().search;
    let stmt = search.count(db.get_database_backend());
    let row = db.query_one_raw(stmt).await.unwrap().unwrap();
    let col = row.column_names().into_iter().next().unwrap();
    row.try_get::<i64>("", &col).or_else(|_| row.try_get::<i32>("", &col).map(i64::from)).unwrap()
}

both!(national_seed_is_deterministic_proportional_and_consistent, |app: TestApp| async move {
    let scale = 0.01;
    let now = a_second_ago();
    let backend = match app.db.get_database_backend() {
        DatabaseBackend::Postgres => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    seed(&app.db, &plan_at(scale, now), &|_| {}).await.unwrap();
    let (other, _dir) = spawn(backend).await;
    seed(&other.db, &plan_at(scale, now), &|_| {}).await.unwrap();
    let first = fingerprint(&app.db).await;
    assert_eq!(first, fingerprint(&other.db).await, "two runs with the same seed wrote different data");
    let db = &app.db;

    // Sizes follow the scale: exactly where the generator apportions, near it for orders.
    let count = |t: &'static str| number(db, format!("SELECT COUNT(*) AS n FROM {t}"));
    assert_eq!(count("recipients").await, (RECIPIENTS * scale).round() as i64);
    assert_eq!(count("entitlements").await, (ENTITLEMENTS * scale).round() as i64);
    assert_eq!(count("suppliers").await, (SUPPLIERS * scale).round() as i64);
    assert_eq!(count("offerings").await, (OFFERINGS * scale).round() as i64);
    let orders = count("orders").await as f64;
    let expected = ORDERS * scale;
    assert!(
        (0.8 * expected..=1.2 * expected).contains(&orders),
        "{orders} orders at scale {scale}, expected about {expected}"
    );
    assert!(count("reviews").await > 0 && count("complaints").await > 0);

    // The five largest regions by people are Kazakhstan's five most populous.
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT region_code, COUNT(*) AS n FROM recipients GROUP BY region_code ORDER BY n DESC, region_code LIMIT 5",
        ))
        .await
        .unwrap();
    let top: Vec<String> = rows.iter().map(|r| r.try_get::<String>("", "region_code").unwrap()).collect();
    assert_eq!(top, ["ALA", "TUR", "ALM", "AST", "SHY"]);

    // Consistent as the portal keeps it: the listed flag, the catalogue and its search engine.
    let listed = number(db, "SELECT COUNT(*) AS n FROM offerings WHERE listed").await;
    let should = number(
        db,
        "SELECT COUNT(*) AS n FROM offerings o JOIN suppliers s ON s.id = o.supplier_id WHERE o.status = 'published' AND s.status = 'approved'",
    )
    .await;
    assert!(listed > 0);
    assert_eq!(listed, should, "the listed flag differs from published offerings of approved suppliers");
    assert_eq!(
        catalogue_count(db, serde_json::json!({ "region": "all" })).await,
        listed,
        "the catalogue does not find every listed offering"
    );
    let wheelchairs = number(
        db,
        "SELECT COUNT(*) AS n FROM offerings o JOIN item_types t ON t.id = o.item_type_id \
         WHERE o.listed AND t.code IN ('wheelchair_manual', 'wheelchair_electric')",
    )
    .await;
    assert!(wheelchairs > 0);
    for word in ["коляска", "wheelchair"] {
        assert_eq!(
            catalogue_count(db, serde_json::json!({ "region": "all", "q": word })).await,
            wheelchairs,
            "searching {word}"
        );
    }
    let in_almaty = number(db, "SELECT COUNT(*) AS n FROM offerings o WHERE o.listed AND EXISTS (SELECT 1 FROM offering_regions r WHERE r.offering_id = o.id AND r.region_code = 'ALA')").await;
    assert_eq!(catalogue_count(db, serde_json::json!({ "region": "ALA" })).await, in_almaty);
    // Parameters as rows: every offering's JSON has its rows.
    let with_params = number(db, "SELECT COUNT(DISTINCT offering_id) AS n FROM offering_params").await;
    assert!(with_params > listed / 2, "{with_params} offerings with parameter rows");

    // What the portal keeps in code: remainders and ratings.
    let wrong_remainders = number(
        db,
        "SELECT COUNT(*) AS n FROM entitlements e WHERE e.quantity_granted - e.quantity_remaining <> \
         COALESCE((SELECT SUM(o.quantity) FROM orders o WHERE o.entitlement_id = e.id AND o.status NOT IN ('rejected', 'cancelled')), 0)",
    )
    .await;
    assert_eq!(wrong_remainders, 0);
    let wrong_ratings = number(
        db,
        "SELECT COUNT(*) AS n FROM offerings o WHERE o.review_count <> (SELECT COUNT(*) FROM reviews r WHERE r.offering_id = o.id) \
         OR o.rating_avg_x100 <> COALESCE((SELECT SUM(r.rating) * 100 / COUNT(*) FROM reviews r WHERE r.offering_id = o.id), 0)",
    )
    .await;
    assert_eq!(wrong_ratings, 0);
    // Every order's history starts with its placing and ends in its status.
    let wrong_history = number(
        db,
        "SELECT COUNT(*) AS n FROM orders o WHERE o.status <> (SELECT e.status FROM order_events e WHERE e.order_id = o.id ORDER BY e.id DESC LIMIT 1)",
    )
    .await;
    assert_eq!(wrong_history, 0);
});

both!(recipient_and_supplier_pages_use_indexes_on_national_data, |app: TestApp| async move {
    let started = std::time::Instant::now();
    let report = seed(&app.db, &plan_at(0.05, a_second_ago()), &|_| {}).await.unwrap();
    let backend = app.db.get_database_backend();
    if std::env::var_os("CATALOGUE_PLANS").is_some() {
        println!("seeded scale 0.05 in {:.1} s: {:?}", started.elapsed().as_secs_f64(), report.tables);
    }
    if backend == DatabaseBackend::Postgres {
        app.db.execute_unprepared("VACUUM ANALYZE").await.unwrap();
    }
    let db = &app.db;
    // The busiest recipient, supplier and offering: where a full scan would be most tempting.
    let recipient = number(
        db,
        "SELECT recipient_id AS n FROM orders GROUP BY recipient_id ORDER BY COUNT(*) DESC, recipient_id LIMIT 1",
    )
    .await as i32;
    let supplier_id = number(
        db,
        "SELECT supplier_id AS n FROM orders GROUP BY supplier_id ORDER BY COUNT(*) DESC, supplier_id LIMIT 1",
    )
    .await as i32;
    let offering = number(
        db,
        "SELECT offering_id AS n FROM reviews GROUP BY offering_id ORDER BY COUNT(*) DESC, offering_id LIMIT 1",
    )
    .await as i32;
    let offering_supplier =
        number(db, &format!("SELECT supplier_id AS n FROM offerings WHERE id = {offering}")).await as i32;
    let supplier = server::entities::suppliers::Entity::find_by_id(supplier_id).one(db).await.unwrap().unwrap();
    let mut statements: Vec<(String, Statement)> = vec![
        ("my orders".into(), orders_query(recipient).build(backend)),
        ("my entitlements".into(), entitlements_query(recipient, Utc::now().date_naive()).build(backend)),
        ("inbox: open orders".into(), inbox_query(&supplier, "", "", Utc::now()).build(backend)),
        ("inbox: all orders".into(), inbox_query(&supplier, "all", "", Utc::now()).build(backend)),
        ("inbox: delivered".into(), inbox_query(&supplier, "delivered", "", Utc::now()).build(backend)),
        ("offering page: the offering".into(), visible_offering_query(offering).build(backend)),
        ("offering page: supplier's record".into(), scorecard_query(offering_supplier).build(backend)),
        ("offering page: reviews".into(), reviews_query(offering).build(backend)),
        (
            "provision dashboard and its CSV: this year's summary".into(),
            summary_rows(period("", "", Utc::now().date_naive()).unwrap()).build(backend),
        ),
    ];
    for (name, q) in [
        ("catalogue: all regions", serde_json::json!({ "region": "all" })),
        ("catalogue: one word", serde_json::json!({ "region": "all", "q": "коляска" })),
    ] {
        let q: CatalogueQuery = serde_json::from_value(q).unwrap();
        let search = prepare(db, &visitor(), q).await.unwrap().search;
        statements.push((format!("{name}: count"), search.count(backend)));
        statements.push((format!("{name}: page"), search.page(backend, 20, 0)));
    }
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
