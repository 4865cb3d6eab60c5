//! Load benchmark at the size of the country, on loopback only, bounded in time.
//!
//! Fills a database with `server seed-national --scale $BENCH_SCALE` once (kept between runs),
//! starts the release server as its own process on it, and for each scenario runs
//! `BENCH_CONNECTIONS` concurrent clients for `BENCH_SECONDS`, alternating with a bare
//! axum + sqlx handler started inside the bench that reads 100 offerings by region and price
//! bound from the same database, so each figure comes with a ratio measured in the same run.
//! Prints requests per second, p50, p99, errors and the server's memory.
//!
//! `scripts/bench.sh` (SQLite in `target/bench/`), or with
//! `BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_national` (an existing database;
//! filled on the first run).
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a measuring program run by hand: any failure ends the run with its message"
)]
use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use chrono::{Duration as Days, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait};
use sea_orm::{
    ConnectionTrait, Database, DatabaseConnection, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    Statement,
};
use server::auth::session::{start, Origin, COOKIE};
use server::auth::token::Tokens;
use server::entities::enums::{DbAccountStatus, DbOrderStatus};
use server::entities::{accounts, entitlements, offering_regions, offerings, orders, recipients, suppliers};
use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SECRET: &str = "bench-secret-that-is-long-enough-0123456789";

fn env_num<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn memory_kib(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default().as_secs_f64() * 1000.0
}

/// What one scenario measured.
struct Run {
    rate: f64,
    p50: f64,
    p99: f64,
    errors: usize,
}

/// `connections` clients asking `make()` requests for `seconds`.
async fn load<F>(client: &reqwest::Client, connections: usize, seconds: f64, make: F) -> Run
where
    F: Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let make = Arc::new(make);
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for n in 0..connections {
        let (client, make) = (client.clone(), make.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = 0;
            let mut i = n;
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = match make(&client, i).send().await {
                    Ok(r) => {
                        let ok = r.status().is_success() || r.status().is_redirection();
                        let _ = r.bytes().await;
                        ok
                    }
                    Err(_) => false,
                };
                times.push(t.elapsed());
                if !ok {
                    errors += 1;
                }
                i += connections;
            }
            (times, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((times, e)) = t.await {
            all.extend(times);
            errors += e;
        }
    }
    let wall = started.elapsed().as_secs_f64();
    all.sort();
    Run { rate: all.len() as f64 / wall, p50: percentile(&all, 0.5), p99: percentile(&all, 0.99), errors }
}

#[derive(serde::Deserialize)]
struct BareQuery {
    region: String,
    max: i64,
}

/// The bare handler: 100 listed offerings serving a region under a price, as a small page.
/// `listed = TRUE`, not `listed` alone: SQLite uses the (listed, price) index in order only
/// for an equality, and sorts every listed offering otherwise.
async fn bare(State(db): State<DatabaseConnection>, Query(q): Query<BareQuery>) -> Html<String> {
    const POSTGRES: &str =
        "SELECT o.id, o.title_ru, o.price_tiyn FROM offerings o WHERE o.listed = TRUE AND o.price_tiyn <= $2 \
               AND EXISTS (SELECT 1 FROM offering_regions r WHERE r.offering_id = o.id AND r.region_code = $1) \
               ORDER BY o.price_tiyn, o.id LIMIT 100";
    const SQLITE: &str =
        "SELECT o.id, o.title_ru, o.price_tiyn FROM offerings o WHERE o.listed = TRUE AND o.price_tiyn <= ?2 \
               AND EXISTS (SELECT 1 FROM offering_regions r WHERE r.offering_id = o.id AND r.region_code = ?1) \
               ORDER BY o.price_tiyn, o.id LIMIT 100";
    let mut out = String::from("<ul>");
    let rows: Vec<(i32, String, i64)> = match db.get_database_backend() {
        DbBackend::Postgres => sea_orm::sqlx::query_as(POSTGRES)
            .bind(&q.region)
            .bind(q.max)
            .fetch_all(db.get_postgres_connection_pool())
            .await
            .unwrap_or_default(),
        _ => sea_orm::sqlx::query_as(SQLITE)
            .bind(&q.region)
            .bind(q.max)
            .fetch_all(db.get_sqlite_connection_pool())
            .await
            .unwrap_or_default(),
    };
    for (id, title, price) in rows {
        out.push_str(&format!("<li><a href=\"/offerings/{id}\">{}</a> {price}</li>", title.replace('<', "&lt;")));
    }
    out.push_str("</ul>");
    Html(out)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(3999)
}

/// The release server on the national database, and how long it took to answer.
async fn start_server(bin: &str, url: &str, dir: &std::path::Path, port: u16) -> (Child, Duration) {
    let t = Instant::now();
    let mut child = Command::new(bin)
        .env("DATABASE_URL", url)
        .env("APP_PORT", port.to_string())
        .env("APP_HOST", "127.0.0.1")
        .env("APP_DATA_DIR", dir)
        .env("APP_DEMO_DATA", "false")
        .env("APP_JWT_SECRET", SECRET)
        .env("APP_SITE_ROOT", std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "../target/site".into()))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start the server");
    let client = reqwest::Client::new();
    for _ in 0..600 {
        if client
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await
            .map(|r| r.status().is_success())
            .unwrap_or(false)
        {
            return (child, t.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not start");
}

async fn account(db: &DatabaseConnection, role: app::domain::Role, email: &str) -> i32 {
    if let Some(a) = accounts::Entity::find().filter(accounts::Column::Email.eq(email)).one(db).await.expect("account")
    {
        return a.id;
    }
    let email = app::domain::Email::parse(email).expect("e-mail");
    server::services::accounts::insert_account(
        db,
        server::services::accounts::NewAccount {
            email: &email,
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0$YmVuY2hoYXNo".into(),
            role,
            lang: app::domain::Lang::Ru,
            display_name: "Bench".into(),
            staff_region: None,
        },
    )
    .await
    .expect("account")
    .id
}

async fn cookie(db: &DatabaseConnection, tokens: &Tokens, account_id: i32) -> String {
    let token = start(db, tokens, account_id, &Origin { ip: "127.0.0.1", user_agent: Some("bench") }, false)
        .await
        .expect("session");
    format!("{COOKIE}={token}")
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let scale: f64 = env_num("BENCH_SCALE", 1.0);
    let seconds: f64 = env_num("BENCH_SECONDS", 8.0);
    let connections: usize = env_num("BENCH_CONNECTIONS", 64);
    // `cargo bench` runs this in `server/`; the workspace's target folder is one level up.
    let bin = std::env::var("PORTAL_BIN").unwrap_or_else(|_| "../target/server-release/server".into());
    let bench_dir = std::path::PathBuf::from(std::env::var("BENCH_DIR").unwrap_or_else(|_| "../target/bench".into()));
    std::fs::create_dir_all(&bench_dir).expect("bench folder");
    let url = std::env::var("BENCH_DATABASE_URL").unwrap_or_else(|_| {
        format!(
            "sqlite://{}?mode=rwc",
            std::fs::canonicalize(&bench_dir).expect("folder").join(format!("national-{scale}.db")).display()
        )
    });
    println!("database: {}", if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" });

    // The data set, once.
    let db = server::db::connect_and_migrate(&url).await.expect("database");
    let offerings_now = offerings::Entity::find()
        .select_only()
        .column_as(sea_orm::sea_query::Expr::cust("COUNT(*)"), "n")
        .into_tuple::<i64>()
        .one(&db)
        .await
        .expect("count")
        .unwrap_or(0);
    if offerings_now == 0 {
        let t = Instant::now();
        let status = Command::new(&bin)
            .args(["seed-national", "--scale", &scale.to_string()])
            .env("DATABASE_URL", &url)
            .status()
            .expect("seed");
        assert!(status.success(), "seed-national failed");
        println!("seed-national --scale {scale}: {:.0} s", t.elapsed().as_secs_f64());
    }
    let count = |sql: &'static str| {
        let db = db.clone();
        async move {
            db.query_one_raw(Statement::from_string(db.get_database_backend(), sql))
                .await
                .ok()
                .flatten()
                .and_then(|r| r.try_get_by_index::<i64>(0).ok())
                .unwrap_or(0)
        }
    };
    println!(
        "{} people, {} entitlements, {} suppliers, {} offerings, {} orders",
        count("SELECT COUNT(*) FROM recipients").await,
        count("SELECT COUNT(*) FROM entitlements").await,
        count("SELECT COUNT(*) FROM suppliers").await,
        count("SELECT COUNT(*) FROM offerings").await,
        count("SELECT COUNT(*) FROM orders").await
    );

    // Who asks: the person with the most orders, the busiest supplier, a central officer, and
    // sixteen people who order (each with a large entitlement of one item type).
    let tokens = Tokens::new(SECRET.as_bytes(), 600);
    let busiest_person: Option<(i32,)> = orders::Entity::find()
        .select_only()
        .column(orders::Column::RecipientId)
        .join(
            sea_orm::JoinType::InnerJoin,
            orders::Entity::belongs_to(recipients::Entity)
                .from(orders::Column::RecipientId)
                .to(recipients::Column::Id)
                .into(),
        )
        .filter(recipients::Column::AccountId.is_not_null())
        .group_by(orders::Column::RecipientId)
        .order_by_desc(sea_orm::sea_query::Expr::cust("COUNT(*)"))
        .into_tuple()
        .one(&db)
        .await
        .expect("person");
    let person = match busiest_person {
        Some((id,)) => recipients::Entity::find_by_id(id).one(&db).await.expect("person").expect("person"),
        None => panic!("no person with an account has orders; seed the national data first"),
    };
    let person_cookie = cookie(&db, &tokens, person.account_id.expect("account")).await;
    let staff_cookie =
        cookie(&db, &tokens, account(&db, app::domain::Role::Staff, "bench.staff@enbek.gov.kz").await).await;
    let busiest_supplier: (i32,) = orders::Entity::find()
        .select_only()
        .column(orders::Column::SupplierId)
        .group_by(orders::Column::SupplierId)
        .order_by_desc(sea_orm::sea_query::Expr::cust("COUNT(*)"))
        .into_tuple()
        .one(&db)
        .await
        .expect("supplier")
        .expect("supplier");
    let supplier =
        suppliers::Entity::find_by_id(busiest_supplier.0).one(&db).await.expect("supplier").expect("supplier");
    let supplier_cookie = cookie(&db, &tokens, supplier.account_id).await;
    let offering_id: (i32,) = orders::Entity::find()
        .select_only()
        .column(orders::Column::OfferingId)
        .filter(orders::Column::SupplierId.eq(supplier.id))
        .limit(1)
        .into_tuple()
        .one(&db)
        .await
        .expect("offering")
        .expect("offering");
    // An offering in Almaty for the people who order, priced under its ceiling.
    let wheelchair = server::entities::item_types::Entity::find()
        .filter(server::entities::item_types::Column::Code.eq("walker"))
        .one(&db)
        .await
        .expect("item type")
        .expect("walker");
    let for_orders = offerings::Entity::find()
        .filter(sea_orm::sea_query::Expr::cust("offerings.listed"))
        .filter(offerings::Column::ItemTypeId.eq(wheelchair.id))
        .join(
            sea_orm::JoinType::InnerJoin,
            offerings::Entity::belongs_to(offering_regions::Entity)
                .from(offerings::Column::Id)
                .to(offering_regions::Column::OfferingId)
                .into(),
        )
        .filter(offering_regions::Column::RegionCode.eq("ALA"))
        .order_by_asc(offerings::Column::PriceTiyn)
        .one(&db)
        .await
        .expect("offering")
        .expect("a walker offered in Almaty");
    // Enough stock for every order the run places.
    offerings::Entity::update_many()
        .col_expr(offerings::Column::Capacity, sea_orm::sea_query::Expr::value(Some(100_000_000)))
        .filter(offerings::Column::Id.eq(for_orders.id))
        .exec(&db)
        .await
        .expect("stock");
    let mut buyers = Vec::new();
    for n in 0..16 {
        let account_id = account(&db, app::domain::Role::Recipient, &format!("bench.buyer{n}@mail.kz")).await;
        let rid = match recipients::Entity::find()
            .filter(recipients::Column::AccountId.eq(account_id))
            .one(&db)
            .await
            .expect("recipient")
        {
            Some(r) => r.id,
            None => {
                recipients::ActiveModel {
                    account_id: Set(Some(account_id)),
                    iin: Set(format!("9901014{:05}", 90000 + n)),
                    full_name: Set(Some(format!("Покупатель {n}"))),
                    region_code: Set(Some("ALA".into())),
                    disability_group: Set(None),
                    birth_date: Set(None),
                    created_at: Set(Utc::now()),
                    updated_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&db)
                .await
                .expect("recipient")
                .id
            }
        };
        let e = entitlements::ActiveModel {
            recipient_id: Set(rid),
            item_type_id: Set(wheelchair.id),
            quantity_granted: Set(1_000_000),
            quantity_remaining: Set(1_000_000),
            valid_from: Set(Utc::now().date_naive() - Days::days(1)),
            valid_to: Set(Utc::now().date_naive() + Days::days(365)),
            ipr_number: Set(format!("BENCH-{n}-{}", uuid::Uuid::new_v4().simple())),
            source: Set("import".into()),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .expect("entitlement");
        buyers.push((cookie(&db, &tokens, account_id).await, e.id));
    }
    let _ = accounts::Entity::update_many()
        .col_expr(accounts::Column::Status, sea_orm::sea_query::Expr::value(DbAccountStatus::Active))
        .filter(accounts::Column::Email.like("bench.%"))
        .exec(&db)
        .await;

    // The bare handler beside the server, on the same database.
    let bare_db = Database::connect(url.clone()).await.expect("bare pool");
    let bare_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let bare_base = format!("http://{}", bare_listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        axum::serve(bare_listener, Router::new().route("/bare", get(bare)).with_state(bare_db)).await
    });

    let port = free_port();
    let data = bench_dir.join("data");
    std::fs::create_dir_all(&data).expect("data folder");
    let (mut child, startup) = start_server(&bin, &url, &data, port).await;
    let pid = child.id();
    println!("server start-up on this database: {:.2} s", startup.as_secs_f64());
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(connections)
        .build()
        .expect("client");
    let year = Utc::now().format("%Y").to_string();
    let first = Instant::now();
    let res = client
        .get(format!("{base}/staff/provision?from={year}-01-01&to={year}-12-31"))
        .header("cookie", &staff_cookie)
        .send()
        .await
        .expect("dashboard");
    println!(
        "provision dashboard for {year}, first request (computes the period): {:.0} ms, {}",
        first.elapsed().as_secs_f64() * 1000.0,
        res.status()
    );

    type Make = Box<dyn Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync>;
    let get_with = |path: String, cookie: Option<String>| -> Make {
        let url = format!("{base}{path}");
        Box::new(move |c: &reqwest::Client, _| {
            let r = c.get(&url);
            match &cookie {
                Some(k) => r.header("cookie", k),
                None => r,
            }
        })
    };
    let scenarios: Vec<(&str, Make)> = vec![
        ("/catalogue?region=all", get_with("/catalogue?region=all".into(), None)),
        (
            "catalogue, item type + region + no co-payment",
            get_with("/catalogue?item_type=wheelchair_manual&region=ALA&no_copay=on".into(), None),
        ),
        (
            "catalogue, one word (коляска)",
            get_with("/catalogue?region=all&q=%D0%BA%D0%BE%D0%BB%D1%8F%D1%81%D0%BA%D0%B0".into(), None),
        ),
        (
            "catalogue, price range, cheapest first",
            get_with("/catalogue?region=all&price_min=10000&price_max=200000&sort=price_asc".into(), None),
        ),
        ("/offerings/<id> (busiest supplier)", get_with(format!("/offerings/{}", offering_id.0), None)),
        ("/orders (person with most orders)", get_with("/orders".into(), Some(person_cookie.clone()))),
        ("/entitlements", get_with("/entitlements".into(), Some(person_cookie.clone()))),
        ("supplier inbox /supplier/orders", get_with("/supplier/orders".into(), Some(supplier_cookie.clone()))),
        (
            "/staff/provision (this year)",
            get_with(format!("/staff/provision?from={year}-01-01&to={year}-12-31"), Some(staff_cookie.clone())),
        ),
        (
            "/staff/provision.csv (this year)",
            get_with(format!("/staff/provision.csv?from={year}-01-01&to={year}-12-31"), Some(staff_cookie.clone())),
        ),
    ];
    let bare_url = format!("{bare_base}/bare?region=ALA&max=50000000");
    println!("{connections} connections, {seconds} s per scenario, each followed by the bare handler; 127.0.0.1 only");
    println!(
        "{:<48} {:>8} {:>8} {:>8} {:>7} {:>9} {:>7} {:>8}",
        "scenario", "req/s", "p50 ms", "p99 ms", "errors", "bare r/s", "ratio", "RSS MB"
    );
    for (name, make) in scenarios {
        let run = load(&client, connections, seconds, make).await;
        let rss = memory_kib(pid, "VmRSS:") as f64 / 1024.0;
        let bare_url = bare_url.clone();
        let b = load(&client, connections, seconds, move |c, _| c.get(&bare_url)).await;
        println!(
            "{:<48} {:>8.0} {:>8.1} {:>8.1} {:>7} {:>9.0} {:>7.2} {:>8.0}",
            name,
            run.rate,
            run.p50,
            run.p99,
            run.errors,
            b.rate,
            run.rate / b.rate.max(1.0),
            rss
        );
    }

    // Ordering end to end: save, check, confirm, by 16 people at once.
    let offering = for_orders.id.to_string();
    let ordered_before = orders::Entity::find()
        .filter(orders::Column::EntitlementId.is_in(buyers.iter().map(|b| b.1).collect::<Vec<_>>()))
        .all(&db)
        .await
        .map(|v| v.len())
        .unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs_f64(seconds * 2.0);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (cookie, entitlement) in buyers.clone() {
        let (client, base, offering) = (client.clone(), base.clone(), offering.clone());
        tasks.push(tokio::spawn(async move {
            let mut placed = 0usize;
            let mut errors = 0usize;
            let mut times = Vec::new();
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = async {
                    let e = entitlement.to_string();
                    let save = client
                        .post(format!("{base}/api/order_save"))
                        .header("cookie", &cookie)
                        .header("origin", &base)
                        .header("accept", "application/json")
                        .form(&[
                            ("offering", offering.as_str()),
                            ("entitlement", e.as_str()),
                            ("quantity", "1"),
                            ("address", "ул. Абая 1"),
                            ("region", "ALA"),
                        ])
                        .send()
                        .await
                        .ok()?;
                    if !save.status().is_success() {
                        return None;
                    }
                    let check: serde_json::Value = client
                        .post(format!("{base}/api/order_check"))
                        .header("cookie", &cookie)
                        .header("origin", &base)
                        .header("accept", "application/json")
                        .form(&[("offering", offering.as_str())])
                        .send()
                        .await
                        .ok()?
                        .json()
                        .await
                        .ok()?;
                    let key = check["idempotency_key"].as_str()?.to_owned();
                    let terms = check["terms"].as_str()?.to_owned();
                    let confirm = client
                        .post(format!("{base}/api/order_confirm"))
                        .header("cookie", &cookie)
                        .header("origin", &base)
                        .header("accept", "application/json")
                        .form(&[
                            ("offering", offering.as_str()),
                            ("for_recipient", ""),
                            ("key", key.as_str()),
                            ("terms", terms.as_str()),
                        ])
                        .send()
                        .await
                        .ok()?;
                    confirm.status().is_success().then_some(())
                }
                .await
                .is_some();
                times.push(t.elapsed());
                if ok {
                    placed += 1;
                } else {
                    errors += 1;
                }
            }
            (placed, errors, times)
        }));
    }
    let (mut placed, mut errors, mut times) = (0, 0, Vec::new());
    for t in tasks {
        if let Ok((p, e, ts)) = t.await {
            placed += p;
            errors += e;
            times.extend(ts);
        }
    }
    let wall = started.elapsed().as_secs_f64();
    times.sort();
    // No double spend: what each entitlement lost is what its orders hold.
    let mut spent: HashMap<i32, i32> = HashMap::new();
    let ids: Vec<i32> = buyers.iter().map(|b| b.1).collect();
    let all =
        orders::Entity::find().filter(orders::Column::EntitlementId.is_in(ids.clone())).all(&db).await.expect("orders");
    for o in &all {
        if !matches!(o.status, DbOrderStatus::Cancelled | DbOrderStatus::Rejected) {
            *spent.entry(o.entitlement_id).or_default() += o.quantity;
        }
    }
    let mut consistent = true;
    for e in
        entitlements::Entity::find().filter(entitlements::Column::Id.is_in(ids)).all(&db).await.expect("entitlements")
    {
        if e.quantity_granted - e.quantity_remaining != spent.get(&e.id).copied().unwrap_or(0) {
            consistent = false;
        }
    }
    println!(
        "ordering (save, check, confirm), 16 people: {:.0} orders/s, p50 {:.1} ms, p99 {:.1} ms, {} errors, {} orders written, entitlements {}",
        placed as f64 / wall,
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        errors,
        all.len() - ordered_before,
        if consistent { "spent exactly once" } else { "INCONSISTENT" }
    );
    println!(
        "server memory: {:.0} MB now, {:.0} MB at its peak",
        memory_kib(pid, "VmRSS:") as f64 / 1024.0,
        memory_kib(pid, "VmHWM:") as f64 / 1024.0
    );
    let _ = child.kill();
    let _ = child.wait();
}
