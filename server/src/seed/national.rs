//! National data on demand: a freshly migrated database filled with a country's worth of
//! recipients, entitlements, suppliers, offerings and two years of orders, so the portal can
//! be measured and its query plans checked at the size it serves. At scale 1.0: 732,100
//! recipients, about 1.5 million entitlements, 30,000 suppliers (most of them personal
//! assistants), 100,000 offerings and 2 million orders with their status history, reviews and
//! complaints. Everything comes from one seeded generator, so two runs with the same seed and
//! day write the same rows.
//!
//! Rows are written in large batches (multi-row `INSERT` on SQLite, `COPY` on PostgreSQL);
//! the schema's triggers run for every row exactly as for the portal's own writes, so the
//! catalogue's `listed` flag, the parameter rows and the search index are the ones the
//! application would keep. What the application maintains in code (an entitlement's
//! remaining quantity, an offering's rating) is computed the same way here.
use super::demo_names::{models, FATHERS, FEMALE, MALE, SURNAMES};
use crate::entities::{categories, ceilings, item_types, offerings, recipients};
use app::domain::iin::with_check_digit;
use app::domain::{CoPayment, Money, OrderDetails, OrderRequest};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, DatabaseTransaction, EntityTrait, PaginatorTrait, Statement,
    TransactionTrait,
};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::time::Instant;

/// Persons with disabilities in Kazakhstan (2024).
pub const RECIPIENTS: f64 = 732_100.0;
/// Entitlements at scale 1.0 (about two per person).
pub const ENTITLEMENTS: f64 = 1_500_000.0;
/// Suppliers at scale 1.0.
pub const SUPPLIERS: f64 = 30_000.0;
/// Offerings at scale 1.0.
pub const OFFERINGS: f64 = 100_000.0;
/// Orders at scale 1.0, over about two years.
pub const ORDERS: f64 = 2_000_000.0;

/// Population of each region in thousands (2024, rounded): recipients, suppliers' home
/// regions and orders follow it. Almaty city, Turkistan, Almaty region, Astana and Shymkent
/// are the five largest.
pub const POPULATION: [(&str, u32); 20] = [
    ("ALA", 2_229),
    ("TUR", 2_110),
    ("ALM", 1_519),
    ("AST", 1_423),
    ("SHY", 1_230),
    ("ZHA", 1_218),
    ("KAR", 1_134),
    ("AKT", 935),
    ("KZY", 845),
    ("KOS", 830),
    ("AKM", 785),
    ("MAN", 775),
    ("PAV", 750),
    ("VKO", 730),
    ("ATY", 700),
    ("ZHE", 700),
    ("ZKO", 690),
    ("ABA", 605),
    ("SKO", 535),
    ("ULY", 220),
];

/// The e-mail domain of generated accounts.
pub const EMAIL_DOMAIN: &str = "national.test";

/// How many rows went into each table, and how long each took.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Table, rows written, seconds spent writing it (generation included).
    pub tables: Vec<(&'static str, u64, f64)>,
    /// Seconds for the whole run.
    pub total_seconds: f64,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Plan {
    /// 1.0 is the national size; 0.01 a hundredth of it.
    pub scale: f64,
    /// The generator's seed.
    pub seed: u64,
    /// The moment the data ends at: orders are placed in the two years before it.
    pub now: DateTime<Utc>,
    /// The password hash every generated account shares.
    pub password_hash: String,
}

/// Refuses a database that already holds recipients or offerings: generated rows take their
/// ids from what is there, and mixing them with real or demo data would help nobody.
pub async fn refuse_if_not_empty(db: &DatabaseConnection) -> anyhow::Result<()> {
    let r = recipients::Entity::find().count(db).await?;
    let o = offerings::Entity::find().count(db).await?;
    if r > 0 || o > 0 {
        anyhow::bail!("this database already holds {r} recipients and {o} offerings; seed-national fills a freshly migrated database only");
    }
    Ok(())
}

fn scaled(base: f64, scale: f64) -> usize {
    (base * scale).round().max(1.0) as usize
}

/// A value in a generated row.
enum V<'a> {
    I(i64),
    T(&'a str),
    N,
    B(bool),
    Ts(DateTime<Utc>),
    D(NaiveDate),
}

/// Rows of one table waiting to be written.
struct Table {
    name: &'static str,
    columns: &'static str,
    buf: String,
    rows: usize,
    batch: usize,
    written: u64,
    started: Instant,
}

impl Table {
    fn new(name: &'static str, columns: &'static str, batch: usize, backend: DatabaseBackend) -> Self {
        // One `COPY` costs a round trip and a statement whatever its size, so PostgreSQL
        // takes ten times the rows SQLite takes in one `INSERT`.
        let batch = if backend == DatabaseBackend::Postgres { batch * 10 } else { batch };
        Table {
            name,
            columns,
            buf: String::with_capacity(batch * 200),
            rows: 0,
            batch,
            written: 0,
            started: Instant::now(),
        }
    }

    fn full(&self) -> bool {
        self.rows >= self.batch
    }

    /// Appends a row: a tuple of literals for SQLite's `INSERT`, a text line for `COPY`.
    fn row(&mut self, backend: DatabaseBackend, values: &[V<'_>]) {
        let pg = backend == DatabaseBackend::Postgres;
        if !pg {
            self.buf.push_str(if self.rows == 0 { "(" } else { ",(" });
        }
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.buf.push(if pg { '\t' } else { ',' });
            }
            match v {
                V::I(n) => {
                    let _ = write!(self.buf, "{n}");
                }
                V::T(s) if pg => {
                    for c in s.chars() {
                        match c {
                            '\\' => self.buf.push_str("\\\\"),
                            '\t' => self.buf.push_str("\\t"),
                            '\n' => self.buf.push_str("\\n"),
                            '\r' => self.buf.push_str("\\r"),
                            c => self.buf.push(c),
                        }
                    }
                }
                V::T(s) => {
                    self.buf.push('\'');
                    self.buf.push_str(&s.replace('\'', "''"));
                    self.buf.push('\'');
                }
                V::N => self.buf.push_str(if pg { "\\N" } else { "NULL" }),
                V::B(b) => self.buf.push_str(match (pg, b) {
                    (true, true) => "t",
                    (true, false) => "f",
                    (false, true) => "1",
                    (false, false) => "0",
                }),
                // The text sqlx writes for a `DateTime<Utc>`, so SQLite compares and parses
                // generated times exactly like the portal's own.
                V::Ts(t) => {
                    let s = t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false);
                    if pg {
                        self.buf.push_str(&s);
                    } else {
                        let _ = write!(self.buf, "'{s}'");
                    }
                }
                V::D(d) => {
                    if pg {
                        let _ = write!(self.buf, "{}", d.format("%F"));
                    } else {
                        let _ = write!(self.buf, "'{}'", d.format("%F"));
                    }
                }
            }
        }
        self.buf.push(if pg { '\n' } else { ')' });
        self.rows += 1;
    }
}

/// Where rows go: SQLite through one transaction renewed every few batches, PostgreSQL by
/// `COPY` on the pool.
struct Writer<'a> {
    db: &'a DatabaseConnection,
    backend: DatabaseBackend,
    txn: Option<DatabaseTransaction>,
    batches: usize,
}

impl Writer<'_> {
    async fn flush(&mut self, t: &mut Table) -> anyhow::Result<()> {
        if t.rows == 0 {
            return Ok(());
        }
        let data = std::mem::take(&mut t.buf);
        match self.backend {
            DatabaseBackend::Postgres => {
                use sea_orm::sqlx::postgres::PgPoolCopyExt;
                let pool = self.db.get_postgres_connection_pool();
                let mut copy = pool.copy_in_raw(&format!("COPY {} ({}) FROM STDIN", t.name, t.columns)).await?;
                copy.send(data.into_bytes()).await?;
                copy.finish().await?;
            }
            _ => {
                if self.txn.is_none() {
                    self.txn = Some(self.db.begin().await?);
                }
                if let Some(txn) = &self.txn {
                    txn.execute_unprepared(&format!("INSERT INTO {} ({}) VALUES {data}", t.name, t.columns)).await?;
                }
                self.batches += 1;
                if self.batches >= 200 {
                    self.commit().await?;
                }
            }
        }
        t.written += t.rows as u64;
        t.rows = 0;
        t.buf = String::with_capacity(t.batch * 200);
        Ok(())
    }

    async fn commit(&mut self) -> anyhow::Result<()> {
        if let Some(txn) = self.txn.take() {
            txn.commit().await?;
        }
        self.batches = 0;
        Ok(())
    }
}

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.gen_range(0..list.len())]
}

/// Splits `total` among `weights` by largest remainder, so every scale keeps the order of
/// the weights exactly.
fn apportion(total: usize, weights: &[u32]) -> Vec<usize> {
    let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    let exact: Vec<(usize, u64)> = weights
        .iter()
        .map(|w| (total as u64 * u64::from(*w) / sum, (total as u64 * u64::from(*w)) % sum))
        .map(|(q, r)| (q as usize, r))
        .collect();
    let mut out: Vec<usize> = exact.iter().map(|(q, _)| *q).collect();
    let mut left = total - out.iter().sum::<usize>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| exact[*b].1.cmp(&exact[*a].1).then(a.cmp(b)));
    for i in order {
        if left == 0 {
            break;
        }
        out[i] += 1;
        left -= 1;
    }
    out
}

/// An item type as the generator needs it.
struct Kind {
    id: i32,
    code: String,
    category: String,
    names: [String; 3],
    schema: serde_json::Value,
    /// (valid from, amount), oldest first.
    ceilings: Vec<(NaiveDate, i64)>,
}

impl Kind {
    fn ceiling_on(&self, day: NaiveDate) -> i64 {
        self.ceilings
            .iter()
            .filter(|(from, _)| *from <= day)
            .map(|(_, a)| *a)
            .next_back()
            .or_else(|| self.ceilings.first().map(|(_, a)| *a))
            .unwrap_or(100_000)
    }

    fn is_service(&self) -> bool {
        matches!(self.category.as_str(), "assistant" | "sign_language")
    }
}

/// What an IPR grants of each item type: how often it appears among entitlements, the
/// quantity, and how much one order takes.
fn grant(code: &str) -> (u32, i32, i32) {
    match code {
        "diapers_adult" => (18, 1095, 90),
        "assistant_hour" => (14, 960, 40),
        "sign_language_hour" => (4, 60, 4),
        "ostomy_bag" => (4, 360, 90),
        "sanatorium_course" => (8, 1, 1),
        "wheelchair_manual" => (7, 1, 1),
        "wheelchair_electric" => (2, 1, 1),
        "orthopedic_shoes" => (8, 2, 1),
        "hearing_aid" => (7, 2, 1),
        "walker" => (5, 1, 1),
        "crutches" => (6, 1, 1),
        "white_cane" => (4, 1, 1),
        "anti_bedsore_mattress" => (5, 1, 1),
        "prosthesis_shin" => (3, 1, 1),
        "braille_display" => (1, 1, 1),
        "talking_book_player" => (2, 1, 1),
        _ => (2, 1, 1),
    }
}

fn params_for(rng: &mut StdRng, schema: &serde_json::Value) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for p in schema["params"].as_array().into_iter().flatten() {
        let Some(key) = p["key"].as_str() else { continue };
        let v = match p["kind"].as_str() {
            Some("int") => {
                let (min, max) = (p["min"].as_i64().unwrap_or(0), p["max"].as_i64().unwrap_or(1));
                serde_json::json!(rng.gen_range(min..=max.max(min)))
            }
            _ => {
                let opts = p["options"].as_array().cloned().unwrap_or_default();
                if opts.is_empty() {
                    continue;
                }
                opts[rng.gen_range(0..opts.len())]["value"].clone()
            }
        };
        out.insert(key.to_owned(), v);
    }
    serde_json::Value::Object(out)
}

/// An IIN or BIN: six digits of a date, a type digit, a four-digit serial and the check digit,
/// never one already given.
fn unique_number(taken: &mut HashSet<u64>, date: NaiveDate, kind: u32, serial: &mut u32) -> String {
    loop {
        *serial = serial.wrapping_add(1);
        let first =
            format!("{:02}{:02}{:02}{}{:04}", date.year() % 100, date.month(), date.day(), kind, *serial % 10_000);
        if let Some(full) = with_check_digit(&first) {
            if let Ok(n) = full.parse::<u64>() {
                if taken.insert(n) {
                    return full;
                }
            }
        }
    }
}

/// A supplier that may own offerings: id, whether its offerings can be published, the
/// indexes of the regions it serves.
type Owner = (i32, bool, Vec<usize>);

struct OfferingRow {
    id: i32,
    supplier_id: i32,
    price: i64,
}

/// The status an order has reached `age` days after it was placed, and the steps it took.
fn path(rng: &mut StdRng, age: i64, service: bool) -> &'static [&'static str] {
    const GOODS_DONE: &[&str] = &["placed", "accepted", "in_delivery", "delivered", "confirmed"];
    const SERVICE_DONE: &[&str] = &["placed", "accepted", "scheduled", "rendered", "confirmed"];
    let roll = rng.gen_range(0..100);
    if roll < 4 {
        return &["placed", "rejected"];
    }
    if roll < 9 {
        return &["placed", "cancelled"];
    }
    let steps: usize = match age {
        0..=1 => rng.gen_range(1..=2),
        2..=6 => rng.gen_range(2..=3),
        7..=20 => rng.gen_range(2..=5),
        21..=45 => {
            if rng.gen_bool(0.75) {
                5
            } else {
                4
            }
        }
        _ => {
            if rng.gen_bool(0.96) {
                5
            } else {
                4
            }
        }
    };
    if steps == 5 && !service && age > 20 && roll < 12 {
        return &["placed", "accepted", "in_delivery", "delivered", "returned"];
    }
    if service {
        &SERVICE_DONE[..steps]
    } else {
        &GOODS_DONE[..steps]
    }
}

const REVIEWS: &[&str] = &[
    "Всё пришло вовремя, качество хорошее.",
    "Доставили быстро, помогли настроить.",
    "Уақытында жеткізді, рахмет!",
    "Нормально, но пришлось ждать дольше срока.",
    "Ассистент внимательный, приходит без опозданий.",
    "Good quality, delivered on time.",
];
const COMPLAINTS: &[&str] = &[
    "Размер не соответствует заявленным параметрам.",
    "Доставка задержалась больше чем на две недели.",
    "Ассистент дважды не пришёл в назначенное время.",
    "Тауар сипаттамаға сәйкес келмейді.",
];

/// Fills the database. The caller has migrated it, loaded the reference data and checked
/// that it holds no recipients or offerings; `progress` hears one line per table.
pub async fn seed(db: &DatabaseConnection, plan: &Plan, progress: &(dyn Fn(&str) + Sync)) -> anyhow::Result<Report> {
    let begun = Instant::now();
    let backend = db.get_database_backend();
    let mut rng = StdRng::seed_from_u64(plan.seed);
    let now = plan.now;
    let today = now.date_naive();
    let s = plan.scale;
    let mut report = Report::default();
    if backend == DatabaseBackend::Sqlite {
        // Nothing here is worth an fsync: a seed that stops half-way is started again on a
        // fresh file. Every connection of the pool gets the setting.
        for _ in 0..8 {
            db.execute_unprepared("PRAGMA synchronous = OFF").await?;
        }
    }
    let mut w = Writer { db, backend, txn: None, batches: 0 };

    // Reference data as the portal has it.
    let cats: HashMap<i32, String> =
        categories::Entity::find().all(db).await?.into_iter().map(|c| (c.id, c.code)).collect();
    let cat_ids: HashMap<String, i32> = cats.iter().map(|(id, c)| (c.clone(), *id)).collect();
    let mut all_ceilings = ceilings::Entity::find().all(db).await?;
    all_ceilings.sort_by_key(|c| (c.item_type_id, c.valid_from));
    let kinds: Vec<Kind> = {
        let mut types = item_types::Entity::find().all(db).await?;
        types.sort_by_key(|t| t.id);
        types
            .into_iter()
            .filter(|t| t.active)
            .map(|t| Kind {
                id: t.id,
                category: cats.get(&t.category_id).cloned().unwrap_or_default(),
                names: [t.name_kk.clone(), t.name_ru.clone(), t.name_en.clone()],
                schema: t.param_schema.clone(),
                ceilings: all_ceilings
                    .iter()
                    .filter(|c| c.item_type_id == t.id)
                    .map(|c| (c.valid_from, c.amount_tiyn))
                    .collect(),
                code: t.code,
            })
            .collect()
    };
    if kinds.is_empty() {
        anyhow::bail!("no item types: load the reference data first");
    }
    let regions: Vec<&str> = POPULATION.iter().map(|(c, _)| *c).collect();
    let population: Vec<u32> = POPULATION.iter().map(|(_, p)| *p).collect();
    let region_pick = rand::distributions::WeightedIndex::new(&population)?;
    let next = |table: &'static str| async move {
        let row = db
            .query_one_raw(Statement::from_string(backend, format!("SELECT COALESCE(MAX(id), 0) AS m FROM {table}")))
            .await?;
        anyhow::Ok(
            row.map(|r| r.try_get::<i64>("", "m").or_else(|_| r.try_get::<i32>("", "m").map(i64::from)))
                .transpose()?
                .unwrap_or(0)
                + 1,
        )
    };
    let mut next_account = next("accounts").await?;
    let hash = plan.password_hash.as_str();
    let mut taken_numbers: HashSet<u64> = HashSet::new();
    let mut serial = 0u32;

    // Suppliers: personal assistants are most of them (30k of the country's providers), then
    // goods, sign language and sanatoria, in the proportions the ministry reports.
    let n_suppliers = scaled(SUPPLIERS, s);
    let shares = apportion(n_suppliers, &[792, 756, 125, 28_327]);
    let supplier_cats = ["tsr", "sign_language", "sanatorium", "assistant"];
    let mut accounts = Table::new(
        "accounts",
        "id, email, password_hash, role, language, status, display_name, created_at, updated_at",
        1000,
        backend,
    );
    let mut suppliers = Table::new(
        "suppliers",
        "id, account_id, bin, kind, legal_name, name_folded, address, home_region, contact_person, phone, email, status, status_reason, decided_at, submitted_at, approved_at, created_at, updated_at",
        1000, backend,
    );
    let mut supplier_regions = Table::new("supplier_regions", "supplier_id, region_code, approved", 2000, backend);
    let mut supplier_categories =
        Table::new("supplier_categories", "supplier_id, category_id, approved", 2000, backend);
    let first_supplier = next("suppliers").await?;
    // Per category: (supplier id, approved, regions served).
    let mut by_cat: HashMap<&str, Vec<Owner>> = HashMap::new();
    let mut sid = first_supplier;
    for (ci, count) in shares.iter().enumerate() {
        let cat = supplier_cats[ci];
        for _ in 0..*count {
            let id = sid as i32;
            sid += 1;
            let aid = next_account;
            next_account += 1;
            let roll = rng.gen_range(0..1000);
            let status = match roll {
                0..=919 => "approved",
                920..=949 => "pending",
                950..=969 => "suspended",
                970..=984 => "rejected",
                985..=992 => "removed",
                _ => "draft",
            };
            let home = rand::distributions::Distribution::sample(&region_pick, &mut rng);
            let mut served = vec![home];
            let extra = match cat {
                "tsr" => rng.gen_range(0..8),
                "sanatorium" => 19,
                "sign_language" => rng.gen_range(0..3),
                _ => usize::from(rng.gen_bool(0.2)),
            };
            for _ in 0..extra {
                let r = if cat == "sanatorium" {
                    rng.gen_range(0..regions.len())
                } else {
                    rand::distributions::Distribution::sample(&region_pick, &mut rng)
                };
                if !served.contains(&r) {
                    served.push(r);
                }
            }
            if cat == "sanatorium" {
                served = (0..regions.len()).collect();
            }
            let entrepreneur = cat == "assistant" && rng.gen_bool(0.85);
            let (surname, given, father) = (
                pick(&mut rng, SURNAMES).to_string(),
                pick(&mut rng, MALE).to_string(),
                pick(&mut rng, FATHERS).to_string(),
            );
            let name = if entrepreneur {
                format!("ИП «{surname} {given}»")
            } else {
                let word = match cat {
                    "tsr" => "Медтехника",
                    "sign_language" => "Сурдоцентр",
                    "sanatorium" => "Санаторий",
                    _ => "Забота",
                };
                format!("ТОО «{word} {surname} {id}»")
            };
            let founded =
                NaiveDate::from_ymd_opt(rng.gen_range(1960..2000), rng.gen_range(1..=12), rng.gen_range(1..=28))
                    .unwrap_or(today);
            let bin = unique_number(&mut taken_numbers, founded, if entrepreneur { 3 } else { 4 }, &mut serial);
            let email = format!("supplier{id}@{EMAIL_DOMAIN}");
            let created = now - Duration::days(rng.gen_range(60..900));
            let decided = !matches!(status, "pending" | "draft");
            let region = regions[home];
            accounts.row(
                backend,
                &[
                    V::I(aid),
                    V::T(&email),
                    V::T(hash),
                    V::T("supplier"),
                    V::T("ru"),
                    V::T("active"),
                    V::T(&name),
                    V::Ts(created),
                    V::Ts(created),
                ],
            );
            let phone = format!(
                "+7 70{} {:03} {:02} {:02}",
                rng.gen_range(0..9),
                rng.gen_range(0..1000),
                rng.gen_range(0..100),
                rng.gen_range(0..100)
            );
            let address = format!("{}, ул. Абая, {}", region, rng.gen_range(1..200));
            let contact = format!("{surname} {given} {father}ович");
            let reason = match status {
                "suspended" => Some("Жалобы на несоответствие параметров товара; проверка до устранения нарушений."),
                "rejected" => Some("Не приложена лицензия; исправьте и отправьте заявку снова."),
                "removed" => Some("Деятельность прекращена."),
                _ => None,
            };
            let opt_ts = |b: bool, t: DateTime<Utc>| if b { V::Ts(t) } else { V::N };
            suppliers.row(
                backend,
                &[
                    V::I(id.into()),
                    V::I(aid),
                    V::T(&bin),
                    V::T(if entrepreneur { "entrepreneur" } else { "legal_entity" }),
                    V::T(&name),
                    V::T(&name.to_lowercase()),
                    V::T(&address),
                    V::T(region),
                    V::T(&contact),
                    V::T(&phone),
                    V::T(&email),
                    V::T(status),
                    reason.map_or(V::N, V::T),
                    opt_ts(decided, created + Duration::days(10)),
                    opt_ts(status != "draft", created + Duration::days(2)),
                    opt_ts(matches!(status, "approved" | "suspended" | "removed"), created + Duration::days(10)),
                    V::Ts(created),
                    V::Ts(created + Duration::days(10)),
                ],
            );
            for r in &served {
                supplier_regions.row(backend, &[V::I(id.into()), V::T(regions[*r]), V::B(true)]);
            }
            supplier_categories
                .row(backend, &[V::I(id.into()), V::I(cat_ids.get(cat).copied().unwrap_or(0).into()), V::B(true)]);
            by_cat.entry(cat).or_default().push((
                id,
                matches!(status, "approved" | "suspended" | "pending" | "removed"),
                served,
            ));
            if suppliers.full() {
                w.flush(&mut accounts).await?;
                w.flush(&mut suppliers).await?;
                w.flush(&mut supplier_regions).await?;
                w.flush(&mut supplier_categories).await?;
            }
        }
    }
    for t in [&mut accounts, &mut suppliers, &mut supplier_regions, &mut supplier_categories] {
        w.flush(t).await?;
    }
    w.commit().await?;
    for t in [&suppliers, &supplier_regions, &supplier_categories] {
        report.tables.push((t.name, t.written, t.started.elapsed().as_secs_f64()));
        progress(&format!("{:<22} {:>10} rows {:>8.1} s", t.name, t.written, t.started.elapsed().as_secs_f64()));
    }

    // Offerings: goods spread over few large suppliers, assistants one or two each.
    let n_offerings = scaled(OFFERINGS, s);
    let offering_shares = apportion(n_offerings, &[45, 7, 3, 45]);
    let mut offerings_t = Table::new(
        "offerings",
        "id, supplier_id, item_type_id, sku, title_kk, title_ru, title_en, description_kk, description_ru, description_en, search_kk, search_ru, search_en, \
         price_tiyn, params, lead_time_days, capacity, status, rating_avg_x100, review_count, published_at, created_at, updated_at",
        500, backend,
    );
    let mut offering_regions = Table::new("offering_regions", "offering_id, region_code", 2000, backend);
    let mut offering_slots = Table::new("offering_slots", "offering_id, starts_on, places, taken", 2000, backend);
    let first_offering = next("offerings").await?;
    let mut oid = first_offering;
    // Offerings an order can go to, by (item type index, region index).
    let mut orderable: HashMap<(usize, usize), Vec<OfferingRow>> = HashMap::new();
    let mut orderable_any: HashMap<usize, Vec<(i32, i32, i64)>> = HashMap::new();
    for (ci, count) in offering_shares.iter().enumerate() {
        let cat = supplier_cats[ci];
        let Some(owners) = by_cat.get(cat).filter(|v| !v.is_empty()) else { continue };
        let types: Vec<usize> = kinds.iter().enumerate().filter(|(_, k)| k.category == cat).map(|(i, _)| i).collect();
        if types.is_empty() {
            continue;
        }
        for n in 0..*count {
            let id = oid as i32;
            oid += 1;
            let (supplier, active, served) = pick(&mut rng, owners);
            let ki = *pick(&mut rng, &types);
            let k = &kinds[ki];
            let ceiling = k.ceiling_on(today);
            // About a quarter priced above the guaranteed sum, the rest at or a little under it.
            let factor = if rng.gen_bool(0.26) { rng.gen_range(1.05..1.45) } else { rng.gen_range(0.78..1.0) };
            let price = if rng.gen_bool(0.1) {
                ceiling
            } else {
                ((ceiling as f64 * factor / 100.0).round() as i64).max(1) * 100
            };
            let model = pick(&mut rng, models(&k.code)).to_string();
            let (t_kk, t_ru, t_en) = (
                format!("{} — {model}", k.names[0]),
                format!("{} — {model}", k.names[1]),
                format!("{} — {model}", k.names[2]),
            );
            let d_kk = format!("{model}. Кепілдік 12 ай. Жеткізу бағаға кіреді. Сертификатталған.");
            let d_ru = format!("{model}. Гарантия 12 месяцев. Доставка включена в цену. Сертифицировано.");
            let d_en = format!("{model}. 12-month warranty. Delivery included in the price. Certified.");
            let status = if !active {
                "draft"
            } else {
                match rng.gen_range(0..100) {
                    0..=89 => "published",
                    90..=94 => "draft",
                    95..=97 => "withdrawn",
                    _ => "blocked",
                }
            };
            let capacity = match cat {
                "tsr" => Some(rng.gen_range(5..120)),
                "assistant" | "sign_language" => Some(rng.gen_range(40..200)),
                _ => None,
            };
            let created = now - Duration::days(rng.gen_range(30..800));
            let params = params_for(&mut rng, &k.schema).to_string();
            let sku = format!("{}-{id}", k.code);
            let lead = if cat == "tsr" { rng.gen_range(3..30) } else { rng.gen_range(1..10) };
            offerings_t.row(
                backend,
                &[
                    V::I(id.into()),
                    V::I((*supplier).into()),
                    V::I(k.id.into()),
                    V::T(&sku),
                    V::T(&t_kk),
                    V::T(&t_ru),
                    V::T(&t_en),
                    V::T(&d_kk),
                    V::T(&d_ru),
                    V::T(&d_en),
                    V::T(&format!("{t_kk} {d_kk}").to_lowercase()),
                    V::T(&format!("{t_ru} {d_ru}").to_lowercase()),
                    V::T(&format!("{t_en} {d_en}").to_lowercase()),
                    V::I(price),
                    V::T(&params),
                    V::I(lead),
                    capacity.map_or(V::N, V::I),
                    V::T(status),
                    V::I(0),
                    V::I(0),
                    if status == "draft" { V::N } else { V::Ts(created + Duration::days(1)) },
                    V::Ts(created),
                    V::Ts(created + Duration::days(1)),
                ],
            );
            // Regions: the supplier's own, all of them for an assistant, a few for goods.
            let mut own: Vec<usize> = served.clone();
            if cat == "tsr" && own.len() > 1 {
                own.truncate(rng.gen_range(1..=own.len()));
            }
            for r in &own {
                offering_regions.row(backend, &[V::I(id.into()), V::T(regions[*r])]);
            }
            if cat == "sanatorium" {
                let mut start = today + Duration::days(7 + (n % 7) as i64);
                for _ in 0..6 {
                    offering_slots.row(backend, &[V::I(id.into()), V::D(start), V::I(rng.gen_range(4..20)), V::I(0)]);
                    start += Duration::days(14);
                }
            }
            // Orders go to published offerings (those of suppliers suspended or removed since
            // stay in the history).
            if status == "published" {
                for r in &own {
                    orderable.entry((ki, *r)).or_default().push(OfferingRow { id, supplier_id: *supplier, price });
                }
                orderable_any.entry(ki).or_default().push((id, *supplier, price));
            }
            if offerings_t.full() {
                w.flush(&mut offerings_t).await?;
                w.flush(&mut offering_regions).await?;
                w.flush(&mut offering_slots).await?;
            }
        }
    }
    for t in [&mut offerings_t, &mut offering_regions, &mut offering_slots] {
        w.flush(t).await?;
    }
    w.commit().await?;
    for t in [&offerings_t, &offering_regions, &offering_slots] {
        report.tables.push((t.name, t.written, t.started.elapsed().as_secs_f64()));
        progress(&format!("{:<22} {:>10} rows {:>8.1} s", t.name, t.written, t.started.elapsed().as_secs_f64()));
    }

    // Recipients by region in proportion to population, a share of them with an account
    // (children through a parent's), each with about two entitlements.
    let n_recipients = scaled(RECIPIENTS, s);
    let n_entitlements = scaled(ENTITLEMENTS, s);
    let n_orders = scaled(ORDERS, s);
    let mut region_of: Vec<u8> = Vec::with_capacity(n_recipients);
    for (r, count) in apportion(n_recipients, &population).into_iter().enumerate() {
        region_of.extend(std::iter::repeat_n(r as u8, count));
    }
    use rand::seq::SliceRandom;
    region_of.shuffle(&mut rng);
    let grants: Vec<(u32, i32, i32)> = kinds.iter().map(|k| grant(&k.code)).collect();
    let grant_pick = rand::distributions::WeightedIndex::new(grants.iter().map(|g| g.0))?;
    let mut recipients_t = Table::new(
        "recipients",
        "id, account_id, iin, full_name, region_code, disability_group, birth_date, created_at, updated_at",
        1000,
        backend,
    );
    let mut representatives =
        Table::new("representatives", "account_id, recipient_id, basis, created_at", 1000, backend);
    let mut entitlements = Table::new(
        "entitlements",
        "id, recipient_id, item_type_id, quantity_granted, quantity_remaining, valid_from, valid_to, ipr_number, source, created_at, updated_at",
        1000, backend,
    );
    let mut orders = Table::new(
        "orders",
        "id, number, recipient_id, offering_id, supplier_id, entitlement_id, item_type_id, quantity, unit_price_tiyn, ceiling_tiyn, total_tiyn, \
         state_share_tiyn, copay_tiyn, status, idempotency_key, placed_by, on_behalf, region_code, details, accept_by, deliver_by, accepted_at, \
         delivered_at, confirmed_at, created_at, updated_at",
        1000, backend,
    );
    let mut events = Table::new("order_events", "order_id, status, actor_account_id, note, created_at", 4000, backend);
    let mut reviews = Table::new(
        "reviews",
        "id, order_id, offering_id, recipient_id, rating, body, reply, replied_at, created_at",
        1000,
        backend,
    );
    let mut complaints = Table::new(
        "complaints",
        "order_id, recipient_id, supplier_id, region_code, body, status, due_at, supplier_response, supplier_responded_at, outcome, closed_at, created_at",
        1000, backend,
    );
    // People with an account order: the chance of each possible order is set so the total
    // comes near the national figure.
    let with_account = 0.45;
    let expected_slots: f64 = {
        let total: f64 = grants.iter().map(|g| f64::from(g.0)).sum();
        grants.iter().map(|g| f64::from(g.0) / total * f64::from((g.1 / g.2).max(1))).sum::<f64>()
    };
    let order_chance = (n_orders as f64 / (n_entitlements as f64 * with_account * expected_slots * 0.93)).min(1.0);
    let first_recipient = next("recipients").await?;
    let mut next_entitlement = next("entitlements").await?;
    let mut next_order = next("orders").await?;
    // Every order asks for delivery to one address: the readers see an address either way.
    let details =
        OrderDetails::asked(OrderRequest::Goods { address: "ул. Абая, 1, кв. 1".into(), region: None })
            .stored()
            .to_string();
    let mut next_review = next("reviews").await?;
    let mut entitlements_left = n_entitlements;
    let two_years = 730;
    for (i, region_index) in region_of.iter().enumerate() {
        let rid = first_recipient + i as i64;
        let region = regions[usize::from(*region_index)];
        let female = rng.gen_bool(0.5);
        let child = rng.gen_bool(112.3 / 732.1);
        let year = if child { rng.gen_range(2008..2024) } else { rng.gen_range(1940..2006) };
        let born = NaiveDate::from_ymd_opt(year, rng.gen_range(1..=12), rng.gen_range(1..=28)).unwrap_or(today);
        let century = match (year >= 2000, female) {
            (true, false) => 5,
            (true, true) => 6,
            (false, false) => 3,
            (false, true) => 4,
        };
        let iin = unique_number(&mut taken_numbers, born, century, &mut serial);
        let surname = pick(&mut rng, SURNAMES).to_string();
        let father = pick(&mut rng, FATHERS).to_string();
        let name = if female {
            format!("{surname}а {} {father}овна", pick(&mut rng, FEMALE))
        } else {
            format!("{surname} {} {father}ович", pick(&mut rng, MALE))
        };
        let group = if child {
            "child"
        } else {
            match rng.gen_range(0..100) {
                0..=14 => "1",
                15..=59 => "2",
                _ => "3",
            }
        };
        let created = now - Duration::days(rng.gen_range(30..1500));
        let account = rng.gen_bool(with_account).then(|| {
            next_account += 1;
            next_account - 1
        });
        if let Some(aid) = account {
            let email = format!("{}{rid}@{EMAIL_DOMAIN}", if child { "parent" } else { "recipient" });
            let role = if child { "representative" } else { "recipient" };
            let lang = match rng.gen_range(0..10) {
                0..=4 => "kk",
                5..=8 => "ru",
                _ => "en",
            };
            let display =
                if child { format!("{surname}а {} (родитель)", pick(&mut rng, FEMALE)) } else { name.clone() };
            accounts.row(
                backend,
                &[
                    V::I(aid),
                    V::T(&email),
                    V::T(hash),
                    V::T(role),
                    V::T(lang),
                    V::T("active"),
                    V::T(&display),
                    V::Ts(created),
                    V::Ts(created),
                ],
            );
            if child {
                representatives.row(backend, &[V::I(aid), V::I(rid), V::T("parent"), V::Ts(created)]);
            }
        }
        let own_account = if child { None } else { account };
        recipients_t.row(
            backend,
            &[
                V::I(rid),
                own_account.map_or(V::N, V::I),
                V::T(&iin),
                V::T(&name),
                V::T(region),
                V::T(group),
                V::D(born),
                V::Ts(created),
                V::Ts(created),
            ],
        );
        // Entitlements: the remaining ones shared over the remaining people.
        let left_people = (n_recipients - i) as f64;
        let mean = (entitlements_left as f64 / left_people).clamp(0.0, 3.0);
        let mut count = mean.floor() as usize + usize::from(rng.gen_bool(mean.fract()));
        if i + 1 == n_recipients {
            count = entitlements_left;
        }
        count = count.min(entitlements_left);
        entitlements_left -= count;
        let mut had: Vec<usize> = Vec::new();
        for e in 0..count {
            let mut ki = rand::distributions::Distribution::sample(&grant_pick, &mut rng);
            if had.contains(&ki) {
                ki = (ki + 1 + e) % kinds.len();
            }
            had.push(ki);
            let k = &kinds[ki];
            let (_, granted, per_order) = grants[ki];
            let eid = next_entitlement;
            next_entitlement += 1;
            let valid_from = today - Duration::days(rng.gen_range(0..900));
            let valid_to = valid_from + Duration::days(rng.gen_range(365..1095));
            let ipr = format!("ИПАР-{}-{eid:07}", valid_from.year());
            let mut used = 0;
            if let Some(placer) = account {
                // Orders within the entitlement's validity, in the last two years.
                let start = valid_from.max(today - Duration::days(two_years));
                let end = valid_to.min(today);
                let slots = (granted / per_order).max(1);
                let window = (end - start).num_days();
                if window > 0 {
                    for slot in 0..slots {
                        if !rng.gen_bool(order_chance) {
                            continue;
                        }
                        let day = window * i64::from(slot) / i64::from(slots)
                            + rng.gen_range(0..(window / i64::from(slots)).max(1));
                        let placed = DateTime::<Utc>::from_naive_utc_and_offset(
                            start.and_hms_opt(0, 0, 0).unwrap_or_default(),
                            Utc,
                        ) + Duration::days(day)
                            + Duration::seconds(rng.gen_range(8 * 3600..20 * 3600));
                        if placed >= now {
                            continue;
                        }
                        let qty = per_order.min(granted - used);
                        if qty <= 0 {
                            break;
                        }
                        let (oid, supplier, price) =
                            match orderable.get(&(ki, usize::from(*region_index))).filter(|v| !v.is_empty()) {
                                Some(v) => {
                                    let o = pick(&mut rng, v);
                                    (o.id, o.supplier_id, o.price)
                                }
                                None => match orderable_any.get(&ki).filter(|v| !v.is_empty()) {
                                    Some(v) => *pick(&mut rng, v),
                                    None => continue,
                                },
                            };
                        let ceiling = k.ceiling_on(placed.date_naive());
                        let Some(split) =
                            CoPayment::split(Money::from_tiyn(price), Money::from_tiyn(ceiling), i64::from(qty))
                        else {
                            continue;
                        };
                        let age = (now - placed).num_days();
                        let steps = path(&mut rng, age, k.is_service());
                        let status = steps[steps.len() - 1];
                        // Times of the steps: accepted within two days, delivered or rendered
                        // within three weeks, confirmed within a week; none after now.
                        let mut at = vec![placed];
                        for step in &steps[1..] {
                            let prev = at[at.len() - 1];
                            let gap = match *step {
                                "accepted" | "rejected" | "cancelled" => Duration::hours(rng.gen_range(1..48)),
                                "in_delivery" | "scheduled" => Duration::hours(rng.gen_range(12..96)),
                                "delivered" | "rendered" => Duration::hours(rng.gen_range(24..400)),
                                _ => Duration::hours(rng.gen_range(2..170)),
                            };
                            let t = (prev + gap).min(now - Duration::minutes(1)).max(prev);
                            at.push(t);
                        }
                        let reached = |s: &str| steps.iter().position(|p| *p == s).map(|p| at[p]);
                        let order_id = next_order;
                        next_order += 1;
                        if !matches!(status, "rejected" | "cancelled") {
                            used += qty;
                        }
                        let number = format!("SSP-{}-{order_id:07}", placed.year());
                        let key = format!("national-{order_id}");
                        let accepted = reached("accepted");
                        let delivered = reached("delivered").or(reached("rendered"));
                        let last = at[at.len() - 1];
                        orders.row(
                            backend,
                            &[
                                V::I(order_id),
                                V::T(&number),
                                V::I(rid),
                                V::I(oid.into()),
                                V::I(supplier.into()),
                                V::I(eid),
                                V::I(k.id.into()),
                                V::I(qty.into()),
                                V::I(price),
                                V::I(ceiling),
                                V::I(split.total.tiyn()),
                                V::I(split.state_share.tiyn()),
                                V::I(split.copay.tiyn()),
                                V::T(status),
                                V::T(&key),
                                V::I(placer),
                                V::B(child),
                                V::T(region),
                                V::T(&details),
                                V::Ts(placed + Duration::days(5)),
                                accepted.map_or(V::N, |a| V::Ts(a + Duration::days(42))),
                                accepted.map_or(V::N, V::Ts),
                                delivered.map_or(V::N, V::Ts),
                                reached("confirmed").map_or(V::N, V::Ts),
                                V::Ts(placed),
                                V::Ts(last),
                            ],
                        );
                        for (step, t) in steps.iter().zip(&at) {
                            let actor = match *step {
                                "placed" | "confirmed" | "cancelled" | "returned" => V::I(placer),
                                _ => V::N,
                            };
                            let note = if *step == "rejected" {
                                V::T("Нет в наличии нужного размера.")
                            } else {
                                V::N
                            };
                            events.row(backend, &[V::I(order_id), V::T(step), actor, note, V::Ts(*t)]);
                        }
                        if status == "confirmed" && rng.gen_bool(0.12) {
                            let rating = match rng.gen_range(0..100) {
                                0..=54 => 5,
                                55..=79 => 4,
                                80..=89 => 3,
                                90..=94 => 2,
                                _ => 1,
                            };
                            let created = (last + Duration::hours(rng.gen_range(1..240))).min(now);
                            let replied = rng.gen_bool(0.3);
                            reviews.row(
                                backend,
                                &[
                                    V::I(next_review),
                                    V::I(order_id),
                                    V::I(oid.into()),
                                    V::I(rid),
                                    V::I(rating),
                                    V::T(REVIEWS[rng.gen_range(0..REVIEWS.len())]),
                                    if replied { V::T("Спасибо за отзыв!") } else { V::N },
                                    if replied { V::Ts(created) } else { V::N },
                                    V::Ts(created),
                                ],
                            );
                            next_review += 1;
                        }
                        if status == "returned"
                            || (matches!(status, "confirmed" | "delivered" | "rendered") && rng.gen_bool(0.004))
                        {
                            let created = (last + Duration::hours(rng.gen_range(1..72))).min(now);
                            let due = created + Duration::days(14);
                            let (state, response, outcome, closed) = if due > now {
                                if rng.gen_bool(0.5) {
                                    ("open", None, None, None)
                                } else {
                                    ("answered", Some(created + Duration::days(3)), None, None)
                                }
                            } else if rng.gen_bool(0.85) {
                                (
                                    "closed",
                                    Some(created + Duration::days(3)),
                                    Some("Поставщик заменил товар; жалоба закрыта."),
                                    Some(created + Duration::days(rng.gen_range(5..14))),
                                )
                            } else {
                                ("answered", Some(created + Duration::days(4)), None, None)
                            };
                            complaints.row(
                                backend,
                                &[
                                    V::I(order_id),
                                    V::I(rid),
                                    V::I(supplier.into()),
                                    V::T(region),
                                    V::T(COMPLAINTS[rng.gen_range(0..COMPLAINTS.len())]),
                                    V::T(state),
                                    V::Ts(due),
                                    if response.is_some() {
                                        V::T("Готовы заменить товар или вернуть деньги.")
                                    } else {
                                        V::N
                                    },
                                    response.map_or(V::N, V::Ts),
                                    outcome.map_or(V::N, V::T),
                                    closed.map_or(V::N, V::Ts),
                                    V::Ts(created),
                                ],
                            );
                        }
                    }
                }
            }
            let created_e =
                DateTime::<Utc>::from_naive_utc_and_offset(valid_from.and_hms_opt(9, 0, 0).unwrap_or_default(), Utc);
            entitlements.row(
                backend,
                &[
                    V::I(eid),
                    V::I(rid),
                    V::I(k.id.into()),
                    V::I(granted.into()),
                    V::I((granted - used).into()),
                    V::D(valid_from),
                    V::D(valid_to),
                    V::T(&ipr),
                    V::T("import"),
                    V::Ts(created_e.min(now)),
                    V::Ts(created_e.min(now)),
                ],
            );
        }
        // Parents first, children after: the order of the foreign keys.
        if recipients_t.full() || entitlements.full() || orders.full() || events.full() {
            flush_people(
                &mut w,
                &mut [
                    &mut accounts,
                    &mut recipients_t,
                    &mut representatives,
                    &mut entitlements,
                    &mut orders,
                    &mut events,
                    &mut reviews,
                    &mut complaints,
                ],
            )
            .await?;
        }
        if i > 0 && i % 100_000 == 0 {
            progress(&format!(
                "  {i} recipients, {} orders so far ({:.1} s)",
                orders.written,
                recipients_t.started.elapsed().as_secs_f64()
            ));
        }
    }
    flush_people(
        &mut w,
        &mut [
            &mut accounts,
            &mut recipients_t,
            &mut representatives,
            &mut entitlements,
            &mut orders,
            &mut events,
            &mut reviews,
            &mut complaints,
        ],
    )
    .await?;
    w.commit().await?;
    let people_took = recipients_t.started.elapsed().as_secs_f64();
    for t in [&accounts, &recipients_t, &representatives, &entitlements, &orders, &events, &reviews, &complaints] {
        report.tables.push((t.name, t.written, people_took));
    }
    progress(&format!(
        "{:<22} {:>10} rows\n{:<22} {:>10} rows\n{:<22} {:>10} rows\n{:<22} {:>10} rows\n{:<22} {:>10} rows\n{:<22} {:>10} rows\n{:<22} {:>10} rows\n  written together in {people_took:.1} s",
        "accounts", accounts.written, "recipients", recipients_t.written, "entitlements", entitlements.written, "orders", orders.written,
        "order_events", events.written, "reviews", reviews.written, "complaints", complaints.written
    ));

    // What the portal keeps in code: an offering's rating (services::recipient::my_orders).
    let t = Instant::now();
    super::recount_ratings(db).await?;
    // The change log the provision summaries catch up from: on a database no dashboard has
    // read yet, every change is already in whatever is computed first.
    db.execute_unprepared("DELETE FROM provision_changes WHERE NOT EXISTS (SELECT 1 FROM provision_periods)").await?;
    if backend == DatabaseBackend::Postgres {
        for table in [
            "accounts",
            "suppliers",
            "offerings",
            "recipients",
            "representatives",
            "entitlements",
            "orders",
            "order_events",
            "reviews",
            "complaints",
            "offering_slots",
        ] {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))"
            ))
            .await?;
        }
        // The triggers rewrote every offering once more after its `COPY` (the listed flag,
        // the search vector) and the ratings once again: without a vacuum the catalogue's
        // count reads a heap of dead rows instead of an index alone.
        db.execute_unprepared("VACUUM ANALYZE").await?;
    } else {
        db.execute_unprepared("ANALYZE").await?;
    }
    progress(&format!("{:<22} {:>10}      {:>8.1} s", "ratings, statistics", "", t.elapsed().as_secs_f64()));
    report.total_seconds = begun.elapsed().as_secs_f64();
    Ok(report)
}

async fn flush_people(w: &mut Writer<'_>, tables: &mut [&mut Table]) -> anyhow::Result<()> {
    for t in tables.iter_mut() {
        w.flush(t).await?;
    }
    Ok(())
}
