//! A synthetic catalogue written straight into the database in batches, with what was written
//! kept in memory. The property test compares the catalogue's answers with a brute-force
//! filter over this record, the EXPLAIN test needs rows enough for the planner to prefer
//! indexes, and `examples/catalogue_timing.rs` times the pages on 100,000 offerings.
//! Everything comes from one seeded generator, so a failing case can be replayed.
#![allow(dead_code, reason = "shared by the property test, the EXPLAIN test and the timing example")]
use chrono::{Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait, QueryOrder, Set,
    Statement,
};
use serde_json::{json, Map, Value};
use server::entities::enums::*;
use server::entities::*;
use std::collections::{BTreeMap, HashMap};

/// How big a catalogue to write.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Suppliers (each with an account).
    pub suppliers: usize,
    /// Offerings.
    pub offerings: usize,
    /// Orders, most of them on a few large suppliers, with a review on every tenth.
    pub orders: usize,
    /// Adds guaranteed sums dated today and tomorrow for some item types, so "no co-payment"
    /// must pick the sum in force today.
    pub dated_ceilings: bool,
    /// The generator's seed.
    pub seed: u64,
}

/// Words planted in the texts. No two share their first three letters, and none shares them
/// with any other word the generator writes, so a word (or its stem, or a prefix of it) found
/// in an offering means exactly that this word was planted there.
pub const VOCABULARY: &[&str] =
    &["ақбота", "ғарыш", "қыран", "өрнек", "ұшқыр", "үміт", "іңкәр", "шұғыла", "zephyr", "quokka", "бүркіт", "жұлдыз"];

/// A parameter value as written.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// A number.
    Num(i64),
    /// A choice.
    Text(String),
}

/// An item type as the generator saw it.
#[derive(Clone, Debug)]
pub struct ItemType {
    pub id: i32,
    pub code: String,
    pub category: String,
    pub active: bool,
    pub schema: Value,
}

/// One offering as written.
#[derive(Clone, Debug)]
pub struct Offering {
    pub id: i32,
    pub supplier_id: i32,
    pub item_type_id: i32,
    pub price: i64,
    pub regions: Vec<String>,
    pub params: BTreeMap<String, Param>,
    pub rating: i32,
    pub reviews: i32,
    pub lead: i32,
    pub status: DbOfferingStatus,
    /// The six texts: titles kk, ru, en, descriptions kk, ru, en.
    pub texts: [String; 6],
}

/// What is in the database.
#[derive(Clone, Debug)]
pub struct World {
    pub today: NaiveDate,
    pub regions: Vec<String>,
    pub item_types: Vec<ItemType>,
    /// (item type, valid from, amount).
    pub ceilings: Vec<(i32, NaiveDate, i64)>,
    pub categories: Vec<String>,
    pub suppliers: BTreeMap<i32, DbSupplierStatus>,
    pub offerings: Vec<Offering>,
    /// The offering with the most orders and reviews.
    pub busiest_offering: Option<i32>,
}

impl World {
    /// The guaranteed sum of an item type in force on `day`.
    pub fn ceiling_on(&self, item_type: i32, day: NaiveDate) -> Option<i64> {
        self.ceilings
            .iter()
            .filter(|(t, from, _)| *t == item_type && *from <= day)
            .max_by_key(|(_, from, _)| *from)
            .map(|(_, _, a)| *a)
    }

    /// Whether the catalogue shows this offering.
    pub fn listed(&self, o: &Offering) -> bool {
        o.status == DbOfferingStatus::Published
            && self.suppliers.get(&o.supplier_id) == Some(&DbSupplierStatus::Approved)
    }
}

const SUPPLIER_STATUSES: &[DbSupplierStatus] = &[
    DbSupplierStatus::Pending,
    DbSupplierStatus::Suspended,
    DbSupplierStatus::Removed,
    DbSupplierStatus::Rejected,
    DbSupplierStatus::Draft,
];
const OFFERING_STATUSES: &[DbOfferingStatus] =
    &[DbOfferingStatus::Draft, DbOfferingStatus::Withdrawn, DbOfferingStatus::Blocked];

async fn next_id(db: &impl ConnectionTrait, table: &str) -> Result<i32, DbErr> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COALESCE(MAX(id), 0) AS m FROM {table}"),
        ))
        .await?;
    Ok(row.map(|r| r.try_get::<i32>("", "m")).transpose()?.unwrap_or(0) + 1)
}

/// After rows were written with their ids, PostgreSQL's sequences must move past them.
async fn fix_sequences(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if db.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    for t in ["accounts", "suppliers", "offerings", "recipients", "entitlements", "orders", "reviews"] {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{t}', 'id'), GREATEST((SELECT MAX(id) FROM {t}), 1))"
        ))
        .await?;
    }
    Ok(())
}

fn params_for(rng: &mut StdRng, schema: &Value) -> BTreeMap<String, Param> {
    let mut out = BTreeMap::new();
    for p in schema["params"].as_array().into_iter().flatten() {
        let Some(key) = p["key"].as_str() else { continue };
        if rng.gen_bool(0.1) {
            continue; // an older offering without this parameter
        }
        let value = match p["kind"].as_str() {
            Some("int") => {
                let (min, max) = (p["min"].as_i64().unwrap_or(0), p["max"].as_i64().unwrap_or(10));
                Param::Num(rng.gen_range(min..=max.max(min)))
            }
            _ => {
                let options: Vec<&str> =
                    p["options"].as_array().into_iter().flatten().filter_map(|o| o["value"].as_str()).collect();
                match options.is_empty() {
                    true => continue,
                    false => Param::Text(options[rng.gen_range(0..options.len())].to_owned()),
                }
            }
        };
        out.insert(key.to_owned(), value);
    }
    out
}

/// The parameters as the offering's JSON.
pub fn params_json(params: &BTreeMap<String, Param>) -> Value {
    let mut m = Map::new();
    for (k, v) in params {
        m.insert(
            k.clone(),
            match v {
                Param::Num(n) => json!(n),
                Param::Text(t) => json!(t),
            },
        );
    }
    Value::Object(m)
}

fn planted(rng: &mut StdRng) -> String {
    let w = VOCABULARY[rng.gen_range(0..VOCABULARY.len())];
    match rng.gen_range(0..3) {
        0 => w.to_uppercase(),
        1 => {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
        _ => w.to_owned(),
    }
}

/// The six texts of an offering of `t`, with words from [`VOCABULARY`] planted at random.
fn texts(rng: &mut StdRng, t: &item_types::Model, n: usize) -> [String; 6] {
    let mut texts = [
        format!("{} модель {n}", t.name_kk),
        format!("{} модель {n}", t.name_ru),
        format!("{} model {n}", t.name_en),
        "Кепілдік 12 ай, жеткізу бағаға кіреді.".to_owned(),
        "Гарантия 12 месяцев, доставка входит в цену.".to_owned(),
        "Twelve months of warranty, delivery included.".to_owned(),
    ];
    let plants = match rng.gen_range(0..10) {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    for _ in 0..plants {
        let field = rng.gen_range(0..6);
        let word = planted(rng);
        texts[field] = format!("{} {word}", texts[field]);
    }
    texts
}

/// How common each item type is among offerings: personal assistants are most of the
/// providers, hygiene items the most common goods; any other type gets the default.
fn weight(code: &str) -> u32 {
    match code {
        "assistant_hour" => 35,
        "diapers_adult" => 10,
        "sign_language_hour" => 3,
        "sanatorium_course" => 2,
        _ => 4,
    }
}

/// A price near the guaranteed sum: often exactly on it or a tiyn either side.
fn price_near(rng: &mut StdRng, ceiling: i64) -> i64 {
    let p = match rng.gen_range(0..10) {
        0 => ceiling,
        1 => ceiling + 1,
        2 => ceiling - 1,
        _ => (ceiling as f64 * rng.gen_range(0.5..1.5)) as i64 / 100 * 100,
    };
    p.max(100)
}

/// Writes a catalogue of `shape` into a migrated database with the reference data loaded.
pub async fn generate(db: &DatabaseConnection, shape: &Shape) -> Result<World, DbErr> {
    let mut rng = StdRng::seed_from_u64(shape.seed);
    let now = Utc::now();
    let today = now.date_naive();
    let regions: Vec<String> = regions::Entity::find()
        .order_by_asc(regions::Column::Sort)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.code)
        .collect();
    let cats: HashMap<i32, String> =
        categories::Entity::find().all(db).await?.into_iter().map(|c| (c.id, c.code)).collect();
    let types = item_types::Entity::find().order_by_asc(item_types::Column::Id).all(db).await?;
    if shape.dated_ceilings {
        for (i, t) in types.iter().enumerate().filter(|(i, _)| i % 3 == 0) {
            // Tomorrow's sum is not in force yet; for every sixth type a new one starts today.
            let base = ceilings::Entity::find()
                .all(db)
                .await?
                .into_iter()
                .filter(|c| c.item_type_id == t.id)
                .map(|c| c.amount_tiyn)
                .max()
                .unwrap_or(100_000);
            let mut dated = vec![(today + Duration::days(1), base / 2)];
            if i % 2 == 0 {
                dated.push((today, base + base / 10));
            }
            for (from, amount) in dated {
                ceilings::ActiveModel {
                    item_type_id: Set(t.id),
                    amount_tiyn: Set(amount),
                    valid_from: Set(from),
                    created_by: Set(None),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await?;
            }
        }
    }
    let ceilings: Vec<(i32, NaiveDate, i64)> = ceilings::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.item_type_id, c.valid_from, c.amount_tiyn))
        .collect();
    let mut world = World {
        today,
        regions: regions.clone(),
        item_types: types
            .iter()
            .map(|t| ItemType {
                id: t.id,
                code: t.code.clone(),
                category: cats.get(&t.category_id).cloned().unwrap_or_default(),
                active: t.active,
                schema: t.param_schema.clone(),
            })
            .collect(),
        ceilings,
        categories: cats.values().cloned().collect(),
        suppliers: BTreeMap::new(),
        offerings: Vec::new(),
        busiest_offering: None,
    };
    let txn = server::db::begin_write(db).await?;
    // Suppliers, each with an account.
    let first_account = next_id(&txn, "accounts").await?;
    let first_supplier = next_id(&txn, "suppliers").await?;
    let mut accounts_batch = Vec::new();
    let mut suppliers_batch = Vec::new();
    for i in 0..shape.suppliers {
        let (aid, sid) = (first_account + i as i32, first_supplier + i as i32);
        let status = if rng.gen_bool(0.8) {
            DbSupplierStatus::Approved
        } else {
            SUPPLIER_STATUSES[rng.gen_range(0..SUPPLIER_STATUSES.len())]
        };
        world.suppliers.insert(sid, status);
        accounts_batch.push(accounts::ActiveModel {
            id: Set(aid),
            email: Set(format!("supplier{sid}@catalogue.test")),
            password_hash: Set("not a hash: generated supplier".into()),
            role: Set(DbRole::Supplier),
            language: Set(DbLang::Ru),
            status: Set(DbAccountStatus::Active),
            display_name: Set(format!("Supplier {sid}")),
            staff_region: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            last_sign_in_at: Set(None),
            email_confirmed_at: Set(Some(now)),
            ..Default::default()
        });
        suppliers_batch.push(suppliers::ActiveModel {
            id: Set(sid),
            account_id: Set(aid),
            bin: Set(format!("{:012}", 900_000_000_000_i64 + i64::from(sid))),
            kind: Set(DbSupplierKind::LegalEntity),
            legal_name: Set(format!("ТОО «Поставщик {sid}»")),
            name_folded: Set(format!("тоо «поставщик {sid}»")),
            address: Set(None),
            home_region: Set(Some(regions[rng.gen_range(0..regions.len())].clone())),
            contact_person: Set(None),
            phone: Set(None),
            email: Set(Some(format!("supplier{sid}@catalogue.test"))),
            status: Set(status),
            status_reason: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            submitted_at: Set(Some(now)),
            approved_at: Set((status == DbSupplierStatus::Approved).then_some(now)),
            created_at: Set(now),
            updated_at: Set(now),
        });
        if accounts_batch.len() == 500 {
            accounts::Entity::insert_many(std::mem::take(&mut accounts_batch)).exec_without_returning(&txn).await?;
            suppliers::Entity::insert_many(std::mem::take(&mut suppliers_batch)).exec_without_returning(&txn).await?;
        }
    }
    if !accounts_batch.is_empty() {
        accounts::Entity::insert_many(accounts_batch).exec_without_returning(&txn).await?;
        suppliers::Entity::insert_many(suppliers_batch).exec_without_returning(&txn).await?;
    }
    let supplier_ids: Vec<i32> = world.suppliers.keys().copied().collect();
    // Offerings with their regions.
    let first_offering = next_id(&txn, "offerings").await?;
    let mut offerings_batch = Vec::new();
    let mut regions_batch = Vec::new();
    let weights: Vec<u32> = types.iter().map(|t| weight(&t.code)).collect();
    let pick = rand::distributions::WeightedIndex::new(&weights).map_err(|e| DbErr::Custom(e.to_string()))?;
    for i in 0..shape.offerings {
        let id = first_offering + i as i32;
        let t = &types[rand::distributions::Distribution::sample(&pick, &mut rng)];
        let ceiling = world.ceiling_on(t.id, today).unwrap_or(100_000);
        let mut own: Vec<String> =
            (0..rng.gen_range(1..=6)).map(|_| regions[rng.gen_range(0..regions.len())].clone()).collect();
        own.sort();
        own.dedup();
        let rating = if rng.gen_bool(0.4) { 0 } else { rng.gen_range(100..=500) };
        let o = Offering {
            id,
            supplier_id: supplier_ids[rng.gen_range(0..supplier_ids.len())],
            item_type_id: t.id,
            price: price_near(&mut rng, ceiling),
            regions: own,
            params: params_for(&mut rng, &t.param_schema),
            rating,
            reviews: if rating > 0 { rng.gen_range(1..=50) } else { 0 },
            lead: rng.gen_range(1..=60),
            status: if rng.gen_bool(0.85) {
                DbOfferingStatus::Published
            } else {
                OFFERING_STATUSES[rng.gen_range(0..OFFERING_STATUSES.len())]
            },
            texts: texts(&mut rng, t, i),
        };
        let [tkk, tru, ten, dkk, dru, den] = o.texts.clone();
        offerings_batch.push(offerings::ActiveModel {
            id: Set(id),
            supplier_id: Set(o.supplier_id),
            item_type_id: Set(o.item_type_id),
            sku: Set(Some(format!("GEN-{id}"))),
            search_kk: Set(format!("{tkk} {dkk}").to_lowercase()),
            search_ru: Set(format!("{tru} {dru}").to_lowercase()),
            search_en: Set(format!("{ten} {den}").to_lowercase()),
            title_kk: Set(tkk),
            title_ru: Set(tru),
            title_en: Set(Some(ten)),
            description_kk: Set(dkk),
            description_ru: Set(dru),
            description_en: Set(Some(den)),
            price_tiyn: Set(o.price),
            params: Set(params_json(&o.params)),
            lead_time_days: Set(o.lead),
            capacity: Set(Some(10)),
            status: Set(o.status),
            status_reason: Set(None),
            rating_avg_x100: Set(o.rating),
            review_count: Set(o.reviews),
            published_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
        });
        for r in &o.regions {
            regions_batch.push(offering_regions::ActiveModel { offering_id: Set(id), region_code: Set(r.clone()) });
        }
        world.offerings.push(o);
        if offerings_batch.len() == 400 {
            offerings::Entity::insert_many(std::mem::take(&mut offerings_batch)).exec_without_returning(&txn).await?;
            offering_regions::Entity::insert_many(std::mem::take(&mut regions_batch))
                .exec_without_returning(&txn)
                .await?;
        }
    }
    if !offerings_batch.is_empty() {
        offerings::Entity::insert_many(offerings_batch).exec_without_returning(&txn).await?;
        offering_regions::Entity::insert_many(regions_batch).exec_without_returning(&txn).await?;
    }
    if shape.orders > 0 && !world.offerings.is_empty() {
        orders_for(&txn, &mut world, &mut rng, shape.orders).await?;
    }
    fix_sequences(&txn).await?;
    txn.commit().await?;
    Ok(world)
}

/// Orders on a few large suppliers (half of them on the first offering's supplier), one
/// recipient placing them all, and a review on every tenth.
async fn orders_for(txn: &impl ConnectionTrait, world: &mut World, rng: &mut StdRng, n: usize) -> Result<(), DbErr> {
    let now = Utc::now();
    let account = next_id(txn, "accounts").await?;
    accounts::ActiveModel {
        id: Set(account),
        email: Set("orders@catalogue.test".into()),
        password_hash: Set("not a hash: generated recipient".into()),
        role: Set(DbRole::Recipient),
        language: Set(DbLang::Ru),
        status: Set(DbAccountStatus::Active),
        display_name: Set("Recipient".into()),
        staff_region: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        last_sign_in_at: Set(None),
        email_confirmed_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let recipient = next_id(txn, "recipients").await?;
    recipients::ActiveModel {
        id: Set(recipient),
        account_id: Set(Some(account)),
        iin: Set("990101300001".into()),
        full_name: Set(Some("Получатель".into())),
        region_code: Set(Some("ALA".into())),
        disability_group: Set(Some(DbDisabilityGroup::First)),
        birth_date: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        phone: Set(None),
    }
    .insert(txn)
    .await?;
    let entitlement = next_id(txn, "entitlements").await?;
    let first = world.offerings.iter().find(|o| world.listed(o)).unwrap_or(&world.offerings[0]).clone();
    entitlements::ActiveModel {
        id: Set(entitlement),
        recipient_id: Set(recipient),
        item_type_id: Set(first.item_type_id),
        quantity_granted: Set(1),
        quantity_remaining: Set(0),
        valid_from: Set(world.today - Duration::days(400)),
        valid_to: Set(world.today + Duration::days(400)),
        ipr_number: Set("ИПАР-GEN-1".into()),
        source: Set("import".into()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(txn)
    .await?;
    let big: Vec<Offering> = world.offerings.iter().take(50).cloned().collect();
    let first_order = next_id(txn, "orders").await?;
    let first_review = next_id(txn, "reviews").await?;
    let (mut batch, mut reviews_batch) = (Vec::new(), Vec::new());
    let statuses = [
        DbOrderStatus::Confirmed,
        DbOrderStatus::Delivered,
        DbOrderStatus::Returned,
        DbOrderStatus::Placed,
        DbOrderStatus::Accepted,
    ];
    for i in 0..n {
        let id = first_order + i as i32;
        let o = if rng.gen_bool(0.5) { &first } else { &big[rng.gen_range(0..big.len())] };
        let status = statuses[rng.gen_range(0..statuses.len())];
        let placed = now - Duration::days(rng.gen_range(1..700));
        let deliver_by = placed + Duration::days(15);
        let delivered = matches!(status, DbOrderStatus::Confirmed | DbOrderStatus::Delivered | DbOrderStatus::Returned)
            .then(|| placed + Duration::days(rng.gen_range(2..25)));
        batch.push(orders::ActiveModel {
            id: Set(id),
            number: Set(format!("G{id:010}")),
            recipient_id: Set(recipient),
            offering_id: Set(o.id),
            supplier_id: Set(o.supplier_id),
            entitlement_id: Set(entitlement),
            item_type_id: Set(o.item_type_id),
            quantity: Set(1),
            unit_price_tiyn: Set(o.price),
            ceiling_tiyn: Set(o.price),
            total_tiyn: Set(o.price),
            state_share_tiyn: Set(o.price),
            copay_tiyn: Set(0),
            status: Set(status),
            idempotency_key: Set(format!("gen-{id}")),
            placed_by: Set(account),
            on_behalf: Set(false),
            region_code: Set("ALA".into()),
            details: Set(json!({})),
            accept_by: Set(placed + Duration::days(3)),
            deliver_by: Set(Some(deliver_by)),
            accepted_at: Set(Some(placed + Duration::days(1))),
            delivered_at: Set(delivered),
            confirmed_at: Set((status == DbOrderStatus::Confirmed).then_some(deliver_by)),
            created_at: Set(placed),
            updated_at: Set(placed),
        });
        if i % 10 == 0 && status == DbOrderStatus::Confirmed {
            reviews_batch.push(reviews::ActiveModel {
                id: Set(first_review + reviews_batch.len() as i32),
                order_id: Set(id),
                offering_id: Set(o.id),
                recipient_id: Set(recipient),
                rating: Set(rng.gen_range(1..=5)),
                body: Set("Хорошо, доставили вовремя.".into()),
                reply: Set(None),
                replied_at: Set(None),
                created_at: Set(placed + Duration::days(20)),
            });
        }
        if batch.len() == 400 {
            orders::Entity::insert_many(std::mem::take(&mut batch)).exec_without_returning(txn).await?;
        }
    }
    if !batch.is_empty() {
        orders::Entity::insert_many(batch).exec_without_returning(txn).await?;
    }
    for chunk in reviews_batch.chunks(400) {
        reviews::Entity::insert_many(chunk.to_vec()).exec_without_returning(txn).await?;
    }
    world.busiest_offering = Some(first.id);
    Ok(())
}
