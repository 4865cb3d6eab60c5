//! Demo data for a fresh installation: realistic suppliers, offerings, recipients,
//! entitlements and orders in every status, plus one demo account per role (README).
//! Deterministic (fixed random seed), and loaded only into a database without accounts.
use super::demo_names::*;
use super::reference::REGIONS;
use crate::entities::enums::*;
use crate::entities::*;
use app::domain::{iin::with_check_digit, CoPayment, Money, OrderDetails, OrderRequest};
use chrono::{Datelike, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{json, Value};
use sha2::Digest;
use std::collections::HashMap;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo-portal-2026";
/// The authenticator key of the demo staff and admin accounts (base32), published in the
/// README so the demo can be tried; demo data never loads in production.
pub const DEMO_TOTP_SECRET: &str = "DEMOPORTALSOCIALSERVICESKZTWOSIX";

struct Demo<'a> {
    rng: StdRng,
    txn: &'a sea_orm::DatabaseTransaction,
    hash: String,
    item_types: Vec<item_types::Model>,
    categories: HashMap<i32, String>,
    kinds: HashMap<String, app::domain::CategoryKind>,
    ceilings: HashMap<i32, i64>,
    now: chrono::DateTime<Utc>,
    serial: u32,
}

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.gen_range(0..list.len())]
}

impl Demo<'_> {
    async fn account(
        &mut self,
        email: &str,
        role: DbRole,
        name: &str,
        region: Option<&str>,
    ) -> Result<i32, sea_orm::DbErr> {
        let a = accounts::ActiveModel {
            email: Set(email.into()),
            password_hash: Set(self.hash.clone()),
            role: Set(role),
            language: Set(DbLang::Ru),
            status: Set(DbAccountStatus::Active),
            display_name: Set(name.into()),
            staff_region: Set(region.map(Into::into)),
            created_at: Set(self.now - Duration::days(400)),
            updated_at: Set(self.now),
            last_sign_in_at: Set(None),
            // Staff and admins sign in with a second factor; the demo ones share a published key.
            totp_secret: Set(matches!(role, DbRole::Staff | DbRole::Admin).then(|| DEMO_TOTP_SECRET.to_owned())),
            totp_enabled_at: Set(
                matches!(role, DbRole::Staff | DbRole::Admin).then_some(self.now - Duration::days(400))
            ),
            email_confirmed_at: Set(Some(self.now - Duration::days(400))),
            ..Default::default()
        }
        .insert(self.txn)
        .await?;
        Ok(a.id)
    }

    fn iin(&mut self, born: NaiveDate, female: bool) -> String {
        loop {
            let century = match (born.year() >= 2000, female) {
                (true, false) => 5,
                (true, true) => 6,
                (false, false) => 3,
                (false, true) => 4,
            };
            self.serial += 1;
            let first = format!(
                "{:02}{:02}{:02}{}{:04}",
                born.year() % 100,
                born.month(),
                born.day(),
                century,
                self.serial % 10_000
            );
            if let Some(full) = with_check_digit(&first) {
                return full;
            }
        }
    }

    fn person(&mut self) -> (String, bool, NaiveDate) {
        let female = self.rng.gen_bool(0.5);
        let surname = pick(&mut self.rng, SURNAMES).to_string();
        let father = pick(&mut self.rng, FATHERS).to_string();
        let name = if female {
            let given = pick(&mut self.rng, FEMALE);
            format!("{surname}а {given} {father}овна")
        } else {
            let given = pick(&mut self.rng, MALE);
            format!("{surname} {given} {father}ович")
        };
        let year = if self.rng.gen_bool(0.2) { self.rng.gen_range(2008..2020) } else { self.rng.gen_range(1945..2000) };
        let born =
            NaiveDate::from_ymd_opt(year, self.rng.gen_range(1..=12), self.rng.gen_range(1..=28)).unwrap_or_default();
        (name, female, born)
    }

    async fn recipient(
        &mut self,
        account: Option<i32>,
        name: &str,
        region: &str,
        group: DbDisabilityGroup,
        iin: &str,
    ) -> Result<i32, sea_orm::DbErr> {
        let r = recipients::ActiveModel {
            account_id: Set(account),
            iin: Set(iin.into()),
            full_name: Set(Some(name.into())),
            region_code: Set(Some(region.into())),
            disability_group: Set(Some(group)),
            birth_date: Set(app::domain::Iin::parse(iin).ok().and_then(|i| i.birth_date())),
            created_at: Set(self.now - Duration::days(300)),
            updated_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.txn)
        .await?;
        Ok(r.id)
    }

    fn item(&self, code: &str) -> Option<&item_types::Model> {
        self.item_types.iter().find(|t| t.code == code)
    }

    async fn entitlement(
        &mut self,
        recipient: i32,
        code: &str,
        qty: i32,
        expired: bool,
    ) -> Result<Option<entitlements::Model>, sea_orm::DbErr> {
        let Some(it) = self.item(code).map(|t| t.id) else { return Ok(None) };
        let today = self.now.date_naive();
        let (from, to) = if expired {
            (today - Duration::days(800), today - Duration::days(40))
        } else {
            (today - Duration::days(self.rng.gen_range(10..200)), today + Duration::days(self.rng.gen_range(120..700)))
        };
        self.serial += 1;
        let e = entitlements::ActiveModel {
            recipient_id: Set(recipient),
            item_type_id: Set(it),
            quantity_granted: Set(qty),
            quantity_remaining: Set(qty),
            valid_from: Set(from),
            valid_to: Set(to),
            ipr_number: Set(format!("ИПАР-{}-{:06}", from.year(), self.serial)),
            source: Set("import".into()),
            created_at: Set(self.now - Duration::days(200)),
            updated_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.txn)
        .await?;
        Ok(Some(e))
    }

    fn params_for(&mut self, schema: &Value) -> Value {
        let mut out = serde_json::Map::new();
        for p in schema["params"].as_array().into_iter().flatten() {
            let key = p["key"].as_str().unwrap_or_default().to_owned();
            let v = match p["kind"].as_str() {
                Some("int") => {
                    let (min, max) = (p["min"].as_i64().unwrap_or(0), p["max"].as_i64().unwrap_or(1));
                    json!(self.rng.gen_range(min..=max.max(min)))
                }
                _ => {
                    let opts = p["options"].as_array().cloned().unwrap_or_default();
                    if opts.is_empty() {
                        json!("")
                    } else {
                        opts[self.rng.gen_range(0..opts.len())]["value"].clone()
                    }
                }
            };
            out.insert(key, v);
        }
        Value::Object(out)
    }

    async fn offering(
        &mut self,
        supplier: i32,
        it: &item_types::Model,
        regions: &[String],
        sku: String,
        status: DbOfferingStatus,
    ) -> Result<offerings::Model, sea_orm::DbErr> {
        let ceiling = self.ceilings.get(&it.id).copied().unwrap_or(100_000);
        let factor =
            if self.rng.gen_bool(0.27) { self.rng.gen_range(1.05..1.45) } else { self.rng.gen_range(0.78..1.0) };
        // Whole tenge: prices are typed by suppliers in tenge; the float is only the demo's dice.
        let price = ((ceiling as f64 * factor / 100.0).round() as i64).max(1) * 100;
        let model = pick(&mut self.rng, models(&it.code)).to_string();
        let params = self.params_for(&it.param_schema);
        let (t_kk, t_ru, t_en) = (
            format!("{} — {model}", it.name_kk),
            format!("{} — {model}", it.name_ru),
            format!("{} — {model}", it.name_en),
        );
        let d_kk = format!("{model}. Кепілдік 12 ай. Жеткізу және баптау бағаға кіреді. Сертификатталған тауар.");
        let d_ru = format!("{model}. Гарантия 12 месяцев. Доставка и настройка включены в цену. Товар сертифицирован.");
        let d_en =
            format!("{model}. 12-month warranty. Delivery and fitting included in the price. Certified product.");
        let category = self.categories.get(&it.category_id).cloned().unwrap_or_default();
        let capacity = match category.as_str() {
            "tsr" => Some(self.rng.gen_range(5..120)),
            "assistant" | "sign_language" => Some(self.rng.gen_range(40..200)),
            _ => None,
        };
        // Ratings come from the demo's reviews (`recount_ratings` once they are written); the
        // dice for a rating are still thrown so the rest of the demo data stays as it was.
        let rated = self.rng.gen_bool(0.6);
        if rated {
            let _ = self.rng.gen_range(320..500);
        }
        let lead_time = if category == "tsr" { self.rng.gen_range(3..30) } else { self.rng.gen_range(1..10) };
        if rated {
            let _ = self.rng.gen_range(1..40);
        }
        let o = offerings::ActiveModel {
            supplier_id: Set(supplier),
            item_type_id: Set(it.id),
            sku: Set(Some(sku)),
            search_kk: Set(format!("{t_kk} {d_kk}").to_lowercase()),
            search_ru: Set(format!("{t_ru} {d_ru}").to_lowercase()),
            search_en: Set(format!("{t_en} {d_en}").to_lowercase()),
            title_kk: Set(t_kk),
            title_ru: Set(t_ru),
            title_en: Set(Some(t_en)),
            description_kk: Set(d_kk),
            description_ru: Set(d_ru),
            description_en: Set(Some(d_en)),
            price_tiyn: Set(price),
            params: Set(params),
            lead_time_days: Set(lead_time),
            capacity: Set(capacity),
            status: Set(status),
            status_reason: Set(None),
            rating_avg_x100: Set(0),
            review_count: Set(0),
            published_at: Set(Some(self.now - Duration::days(self.rng.gen_range(5..300)))),
            created_at: Set(self.now - Duration::days(320)),
            updated_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.txn)
        .await?;
        for r in regions {
            offering_regions::ActiveModel { offering_id: Set(o.id), region_code: Set(r.clone()) }
                .insert(self.txn)
                .await?;
        }
        if category == "sanatorium" {
            let mut start = self.now.date_naive() + Duration::days(7);
            for _ in 0..12 {
                offering_slots::ActiveModel {
                    offering_id: Set(o.id),
                    starts_on: Set(start),
                    places: Set(self.rng.gen_range(4..20)),
                    taken: Set(0),
                    ..Default::default()
                }
                .insert(self.txn)
                .await?;
                start += Duration::days(14);
            }
        }
        Ok(o)
    }
}

struct SupplierPlan {
    name: String,
    category: &'static str,
    status: DbSupplierStatus,
    reason: Option<&'static str>,
    email: String,
}

fn supplier_plans(rng: &mut StdRng) -> Vec<SupplierPlan> {
    let mut plans = Vec::new();
    let groups: [(&'static str, &[&str]); 4] = [
        ("tsr", TSR_SUPPLIERS),
        ("assistant", ASSISTANT_SUPPLIERS),
        ("sign_language", SIGN_SUPPLIERS),
        ("sanatorium", SANATORIA),
    ];
    for (category, names) in groups {
        for name in names {
            let city = pick(rng, &["Астана", "Алматы", "Шымкент", "Караганда", "Актобе", "Павлодар"]).to_string();
            plans.push(SupplierPlan {
                name: name.replace("{city}", &city),
                category,
                status: DbSupplierStatus::Approved,
                reason: None,
                email: String::new(),
            });
        }
    }
    for (i, p) in plans.iter_mut().enumerate() {
        p.email = format!("supplier{:02}@demo.kz", i + 1);
        p.status = match i % 10 {
            3 if i < 40 => DbSupplierStatus::Pending,
            _ => DbSupplierStatus::Approved,
        };
    }
    // The first is the demo supplier of the README; a few others get decisions to show.
    plans[0].email = "supplier@demo.kz".into();
    plans[0].name = "ТОО «Медтехника Алматы»".into();
    plans[1].email = "pending@demo.kz".into();
    plans[1].status = DbSupplierStatus::Pending;
    plans[5].status = DbSupplierStatus::Suspended;
    plans[5].reason = Some("Жалобы на несоответствие параметров товара; проверка до устранения нарушений.");
    plans[7].status = DbSupplierStatus::Rejected;
    plans[7].reason = Some("Не приложена лицензия; исправьте и отправьте заявку снова.");
    plans
}

/// A one-page PDF naming the demo document.
fn demo_pdf(name: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n\
         % demo document {name}\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// The storage key of a demo document: 32 hex digits, like an uploaded one's.
fn demo_storage_key(name: &str) -> String {
    hex::encode(&sha2::Sha256::digest(format!("demo document {name}").as_bytes())[..16])
}

/// Writes the files of the demo documents that are not on disk yet, owner-only like uploads.
pub async fn write_demo_documents(db: &DatabaseConnection, data_dir: &std::path::Path) -> anyhow::Result<()> {
    let dir = data_dir.join("documents");
    for doc in supplier_documents::Entity::find()
        .filter(supplier_documents::Column::FileName.ends_with(".pdf"))
        .all(db)
        .await?
    {
        let path = dir.join(&doc.storage_key);
        if doc.storage_key != demo_storage_key(&doc.file_name) || path.exists() {
            continue;
        }
        crate::private_files::private_dir(&dir)?;
        crate::private_files::write_private(&path, &demo_pdf(&doc.file_name))?;
    }
    Ok(())
}

/// Stops a production start-up on a database that holds the demo accounts (for instance one
/// first started in development): their password is published in the README.
pub async fn refuse_demo_accounts(db: &DatabaseConnection) -> anyhow::Result<()> {
    let demo = accounts::Entity::find().filter(accounts::Column::Email.ends_with("@demo.kz")).count(db).await?;
    if demo > 0 {
        anyhow::bail!(
            "this database holds the demo accounts (@demo.kz), whose password is public; production will not serve it"
        );
    }
    Ok(())
}

/// Loads the demo data when there are no accounts yet.
pub async fn load_if_empty(db: &DatabaseConnection) -> anyhow::Result<()> {
    if accounts::Entity::find().count(db).await? > 0 {
        return Ok(());
    }
    let hash = crate::auth::password::hash(DEMO_PASSWORD.into()).await?;
    let txn = crate::db::begin_write(db).await?;
    let item_types = item_types::Entity::find().all(&txn).await?;
    let category_rows = categories::Entity::find().all(&txn).await?;
    let kinds: HashMap<String, app::domain::CategoryKind> =
        category_rows.iter().map(|c| (c.code.clone(), c.kind.into())).collect();
    let categories: HashMap<i32, String> = category_rows.into_iter().map(|c| (c.id, c.code)).collect();
    let mut ceilings: HashMap<i32, i64> = HashMap::new();
    for c in ceilings::Entity::find().all(&txn).await? {
        let e = ceilings.entry(c.item_type_id).or_insert(0);
        *e = (*e).max(c.amount_tiyn);
    }
    let mut d = Demo {
        rng: StdRng::seed_from_u64(2020),
        txn: &txn,
        hash,
        item_types,
        categories,
        kinds,
        ceilings,
        now: Utc::now(),
        serial: 0,
    };
    let region_codes: Vec<String> = REGIONS.iter().map(|r| r.0.to_owned()).collect();

    // Staff.
    let staff = d.account("staff@demo.kz", DbRole::Staff, "Айгерим Нурланова", None).await?;
    d.account("staff.almaty@demo.kz", DbRole::Staff, "Ерлан Сапаров", Some("ALA")).await?;
    d.account("admin@demo.kz", DbRole::Admin, "Администратор портала", None).await?;

    // Suppliers and offerings.
    let mut offerings_by_type: HashMap<i32, Vec<(offerings::Model, Vec<String>)>> = HashMap::new();
    let plans = supplier_plans(&mut d.rng);
    for (i, p) in plans.iter().enumerate() {
        let account = d.account(&p.email, DbRole::Supplier, &p.name, None).await?;
        let home = if i == 0 { "ALA".to_owned() } else { region_codes[i % region_codes.len()].clone() };
        let mut served = vec![home.clone()];
        let extra = if p.category == "sanatorium" { 19 } else { d.rng.gen_range(1..6) };
        for _ in 0..extra {
            let r = pick(&mut d.rng, &region_codes).clone();
            if !served.contains(&r) {
                served.push(r);
            }
        }
        if i == 0 {
            for r in ["ALM", "AST", "ZHE"] {
                if !served.iter().any(|s| s == r) {
                    served.push(r.into());
                }
            }
        }
        let decided = !matches!(p.status, DbSupplierStatus::Pending);
        let bin = with_check_digit(&format!("{:02}{:02}4{:06}", 5 + i % 18, 1 + i % 12, 100_000 + i * 7919))
            .unwrap_or_default();
        let s = suppliers::ActiveModel {
            account_id: Set(account),
            bin: Set(bin),
            kind: Set(if p.name.starts_with("ИП") {
                DbSupplierKind::Entrepreneur
            } else {
                DbSupplierKind::LegalEntity
            }),
            legal_name: Set(p.name.clone()),
            address: Set(Some(format!(
                "{}, ул. Абая, {}",
                REGIONS.iter().find(|r| r.0 == home).map(|r| r.2).unwrap_or(""),
                10 + i
            ))),
            home_region: Set(Some(home.clone())),
            contact_person: Set(Some(d.person().0)),
            phone: Set(Some(format!("+7 701 {:03} {:02} {:02}", 100 + i * 7, i % 100, (i * 3) % 100))),
            email: Set(Some(p.email.clone())),
            status: Set(p.status),
            status_reason: Set(p.reason.map(Into::into)),
            decided_by: Set(decided.then_some(staff)),
            decided_at: Set(decided.then(|| d.now - Duration::days(200))),
            submitted_at: Set(Some(d.now - Duration::days(if decided { 230 } else { 3 + i as i64 % 9 }))),
            approved_at: Set(matches!(p.status, DbSupplierStatus::Approved | DbSupplierStatus::Suspended)
                .then(|| d.now - Duration::days(200))),
            created_at: Set(d.now - Duration::days(240)),
            updated_at: Set(d.now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for r in &served {
            supplier_regions::ActiveModel { supplier_id: Set(s.id), region_code: Set(r.clone()), approved: Set(true) }
                .insert(&txn)
                .await?;
        }
        let cat_id = d.categories.iter().find(|(_, c)| c.as_str() == p.category).map(|(id, _)| *id).unwrap_or(0);
        supplier_categories::ActiveModel { supplier_id: Set(s.id), category_id: Set(cat_id), approved: Set(true) }
            .insert(&txn)
            .await?;
        // Every supplier that reached the ministry sent the documents its category needs
        // (the files themselves are written by `write_demo_documents`).
        if !matches!(p.status, DbSupplierStatus::Draft) {
            let category_kinds: Vec<app::domain::CategoryKind> = d.kinds.get(p.category).copied().into_iter().collect();
            for kind in crate::services::supplier::requirements::documents_needed(&category_kinds) {
                let file_name = format!("{}-{}.pdf", kind.code(), s.id);
                let bytes = demo_pdf(&file_name);
                supplier_documents::ActiveModel {
                    supplier_id: Set(s.id),
                    kind: Set(kind.into()),
                    file_name: Set(file_name.clone()),
                    content_type: Set("application/pdf".into()),
                    size_bytes: Set(i64::try_from(bytes.len()).unwrap_or(0)),
                    storage_key: Set(demo_storage_key(&file_name)),
                    sha256: Set(hex::encode(sha2::Sha256::digest(&bytes))),
                    uploaded_at: Set(d.now - Duration::days(232)),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
        if decided {
            crate::services::audit::record(
                &txn,
                None,
                crate::services::audit::Entry {
                    action: &format!(
                        "supplier.{}",
                        match p.status {
                            DbSupplierStatus::Approved => "approve",
                            DbSupplierStatus::Suspended => "suspend",
                            _ => "reject",
                        }
                    ),
                    object_type: "supplier",
                    object_id: Some(s.id.to_string()),
                    reason: p.reason.map(Into::into),
                    details: None,
                },
            )
            .await?;
        }
        let types: Vec<item_types::Model> = d.item_types.iter().filter(|t| t.category_id == cat_id).cloned().collect();
        let per_type = match p.category {
            "tsr" if i == 0 => 4,
            "tsr" => 2,
            _ => 3,
        };
        let picked: Vec<item_types::Model> = if p.category == "tsr" && i != 0 {
            let mut v: Vec<item_types::Model> = Vec::new();
            while v.len() < 7 {
                let t = pick(&mut d.rng, &types).clone();
                if !v.iter().any(|x| x.id == t.id) {
                    v.push(t);
                }
            }
            v
        } else {
            types
        };
        if matches!(p.status, DbSupplierStatus::Approved | DbSupplierStatus::Suspended | DbSupplierStatus::Pending) {
            for it in &picked {
                for n in 0..per_type {
                    let status = if p.status == DbSupplierStatus::Pending {
                        DbOfferingStatus::Draft
                    } else {
                        DbOfferingStatus::Published
                    };
                    let o = d.offering(s.id, it, &served, format!("{}-{}-{}", it.code, s.id, n + 1), status).await?;
                    if p.status == DbSupplierStatus::Approved {
                        offerings_by_type.entry(it.id).or_default().push((o, served.clone()));
                    }
                }
            }
        }
    }

    // The README's recipient and representative.
    let asel_account = d.account("recipient@demo.kz", DbRole::Recipient, "Асель Жумабаева", None).await?;
    let asel_iin = d.iin(NaiveDate::from_ymd_opt(1987, 4, 12).unwrap_or_default(), true);
    let asel = d
        .recipient(Some(asel_account), "Жумабаева Асель Маратовна", "ALA", DbDisabilityGroup::First, &asel_iin)
        .await?;
    let mut demo_entitlements = Vec::new();
    for (code, qty) in [
        ("wheelchair_manual", 1),
        ("anti_bedsore_mattress", 1),
        ("orthopedic_shoes", 2),
        ("assistant_hour", 960),
        ("sanatorium_course", 1),
        ("diapers_adult", 1095),
    ] {
        if let Some(e) = d.entitlement(asel, code, qty, false).await? {
            demo_entitlements.push(e);
        }
    }
    d.entitlement(asel, "walker", 1, true).await?;
    let parent = d.account("parent@demo.kz", DbRole::Representative, "Гульнара Ахметова", None).await?;
    let child_iin = d.iin(NaiveDate::from_ymd_opt(2016, 9, 3).unwrap_or_default(), false);
    let child = d.recipient(None, "Ахметов Алихан Ерланович", "AST", DbDisabilityGroup::Child, &child_iin).await?;
    representatives::ActiveModel {
        account_id: Set(parent),
        recipient_id: Set(child),
        basis: Set("parent".into()),
        created_at: Set(d.now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (code, qty) in [("hearing_aid", 2), ("sign_language_hour", 60), ("sanatorium_course", 1)] {
        d.entitlement(child, code, qty, false).await?;
    }

    // 200 recipients with entitlements; orders against some of them.
    let weights: [(&str, i32); 12] = [
        ("wheelchair_manual", 1),
        ("walker", 1),
        ("crutches", 1),
        ("hearing_aid", 2),
        ("white_cane", 1),
        ("diapers_adult", 1095),
        ("anti_bedsore_mattress", 1),
        ("orthopedic_shoes", 2),
        ("assistant_hour", 960),
        ("sign_language_hour", 60),
        ("sanatorium_course", 1),
        ("ostomy_bag", 360),
    ];
    let statuses = DbOrderStatus::iter_all();
    let mut order_no = 0u32;
    for n in 0..200 {
        let (name, female, born) = d.person();
        let iin = d.iin(born, female);
        let region = region_codes[(n * 7 + n / 3) % region_codes.len()].clone();
        let group = *pick(&mut d.rng, &[DbDisabilityGroup::First, DbDisabilityGroup::Second, DbDisabilityGroup::Third]);
        let group = if born.year() >= 2008 { DbDisabilityGroup::Child } else { group };
        let account = if n < 120 {
            Some(d.account(&format!("recipient{:03}@demo.kz", n + 1), DbRole::Recipient, &name, None).await?)
        } else {
            None
        };
        let r = d.recipient(account, &name, &region, group, &iin).await?;
        if account.is_none() {
            // Records that arrived with the IPR before their person signed up carry the phone
            // a proof code is sent to.
            recipients::Entity::update_many()
                .col_expr(
                    recipients::Column::Phone,
                    sea_orm::sea_query::Expr::value(format!("+7701{:07}", 5_550_000 + n)),
                )
                .filter(recipients::Column::Id.eq(r))
                .exec(&txn)
                .await?;
        }
        let count = d.rng.gen_range(1..=3);
        for k in 0..count {
            let (code, qty) = *pick(&mut d.rng, &weights);
            let Some(e) = d.entitlement(r, code, qty, k == 2).await? else { continue };
            let Some(account) = account else { continue };
            if k == 2 || !d.rng.gen_bool(0.7) {
                continue;
            }
            let candidates: Vec<(offerings::Model, Vec<String>)> = offerings_by_type
                .get(&e.item_type_id)
                .map(|v| v.iter().filter(|(_, regs)| regs.contains(&region)).cloned().collect())
                .unwrap_or_default();
            if candidates.is_empty() {
                continue;
            }
            let (o, _) = pick(&mut d.rng, &candidates).clone();
            let status = statuses[order_no as usize % statuses.len()];
            order_no += 1;
            place_demo_order(&mut d, &e, &o, account, &region, status, order_no).await?;
        }
    }
    // Orders of the README recipient, delivered and waiting for her to confirm receipt.
    for (code, count) in [("anti_bedsore_mattress", 1), ("orthopedic_shoes", 2)] {
        let Some(e) = demo_entitlements.iter().find(|e| d.item(code).map(|t| t.id) == Some(e.item_type_id)).cloned()
        else {
            continue;
        };
        let Some((o, _)) = offerings_by_type
            .get(&e.item_type_id)
            .and_then(|v| v.iter().find(|(_, r)| r.iter().any(|x| x == "ALA")))
            .cloned()
        else {
            continue;
        };
        for _ in 0..count {
            order_no += 1;
            let now = entitlements::Entity::find_by_id(e.id).one(&txn).await?.unwrap_or_else(|| e.clone());
            place_demo_order(&mut d, &now, &o, asel_account, "ALA", DbOrderStatus::Delivered, order_no).await?;
        }
    }
    super::recount_ratings(&txn).await?;
    txn.commit().await?;
    tracing::info!(orders = order_no, "demo data loaded");
    Ok(())
}

impl DbOrderStatus {
    fn iter_all() -> Vec<DbOrderStatus> {
        use sea_orm::Iterable;
        DbOrderStatus::iter().collect()
    }
}

async fn place_demo_order(
    d: &mut Demo<'_>,
    e: &entitlements::Model,
    o: &offerings::Model,
    account: i32,
    region: &str,
    status: DbOrderStatus,
    n: u32,
) -> Result<(), sea_orm::DbErr> {
    let category = d
        .item_types
        .iter()
        .find(|t| t.id == e.item_type_id)
        .and_then(|t| d.categories.get(&t.category_id))
        .cloned()
        .unwrap_or_default();
    let qty = match category.as_str() {
        "assistant" => 40.min(e.quantity_remaining),
        "sign_language" => 4.min(e.quantity_remaining),
        _ if e.quantity_granted > 100 => 90.min(e.quantity_remaining),
        _ => 1,
    };
    let ceiling = d.ceilings.get(&e.item_type_id).copied().unwrap_or(0);
    let split = CoPayment::split(Money::from_tiyn(o.price_tiyn), Money::from_tiyn(ceiling), i64::from(qty))
        .unwrap_or(CoPayment { total: Money::ZERO, state_share: Money::ZERO, copay: Money::ZERO });
    let placed_at = d.now - Duration::days(d.rng.gen_range(2..120));
    let path: &[DbOrderStatus] = match status {
        DbOrderStatus::Placed => &[DbOrderStatus::Placed],
        DbOrderStatus::Accepted => &[DbOrderStatus::Placed, DbOrderStatus::Accepted],
        DbOrderStatus::Scheduled => &[DbOrderStatus::Placed, DbOrderStatus::Accepted, DbOrderStatus::Scheduled],
        DbOrderStatus::InDelivery => &[DbOrderStatus::Placed, DbOrderStatus::Accepted, DbOrderStatus::InDelivery],
        DbOrderStatus::Delivered => {
            &[DbOrderStatus::Placed, DbOrderStatus::Accepted, DbOrderStatus::InDelivery, DbOrderStatus::Delivered]
        }
        DbOrderStatus::Rendered => {
            &[DbOrderStatus::Placed, DbOrderStatus::Accepted, DbOrderStatus::Scheduled, DbOrderStatus::Rendered]
        }
        DbOrderStatus::Confirmed => &[
            DbOrderStatus::Placed,
            DbOrderStatus::Accepted,
            DbOrderStatus::InDelivery,
            DbOrderStatus::Delivered,
            DbOrderStatus::Confirmed,
        ],
        DbOrderStatus::Rejected => &[DbOrderStatus::Placed, DbOrderStatus::Rejected],
        DbOrderStatus::Cancelled => &[DbOrderStatus::Placed, DbOrderStatus::Cancelled],
        DbOrderStatus::Returned => &[
            DbOrderStatus::Placed,
            DbOrderStatus::Accepted,
            DbOrderStatus::InDelivery,
            DbOrderStatus::Delivered,
            DbOrderStatus::Returned,
        ],
    };
    let at = |i: usize| placed_at + Duration::days(2 * i as i64);
    let reached = |s: DbOrderStatus| path.iter().position(|p| *p == s).map(at);
    let order = orders::ActiveModel {
        number: Set(format!("SSP-{}-{:06}", placed_at.year(), n)),
        recipient_id: Set(e.recipient_id),
        offering_id: Set(o.id),
        supplier_id: Set(o.supplier_id),
        entitlement_id: Set(e.id),
        item_type_id: Set(e.item_type_id),
        quantity: Set(qty),
        unit_price_tiyn: Set(o.price_tiyn),
        ceiling_tiyn: Set(ceiling),
        total_tiyn: Set(split.total.tiyn()),
        state_share_tiyn: Set(split.state_share.tiyn()),
        copay_tiyn: Set(split.copay.tiyn()),
        status: Set(status),
        idempotency_key: Set(format!("demo-{n}")),
        placed_by: Set(account),
        on_behalf: Set(false),
        region_code: Set(region.into()),
        details: Set(orders::Details(OrderDetails::asked(OrderRequest::Goods {
            address: "ул. Абая, 1, кв. 1".into(),
            region: None,
        }))),
        accept_by: Set(placed_at + Duration::days(5)),
        deliver_by: Set(reached(DbOrderStatus::Accepted).map(|a| a + Duration::days(42))),
        accepted_at: Set(reached(DbOrderStatus::Accepted)),
        delivered_at: Set(reached(DbOrderStatus::Delivered).or(reached(DbOrderStatus::Rendered))),
        confirmed_at: Set(reached(DbOrderStatus::Confirmed)),
        created_at: Set(placed_at),
        updated_at: Set(at(path.len() - 1)),
        ..Default::default()
    }
    .insert(d.txn)
    .await?;
    for (i, s) in path.iter().enumerate() {
        order_events::ActiveModel {
            order_id: Set(order.id),
            status: Set(*s),
            actor_account_id: Set(None),
            note: Set(None),
            created_at: Set(at(i)),
            ..Default::default()
        }
        .insert(d.txn)
        .await?;
    }
    if !matches!(status, DbOrderStatus::Rejected | DbOrderStatus::Cancelled) {
        entitlements::Entity::update_many()
            .col_expr(
                entitlements::Column::QuantityRemaining,
                sea_orm::sea_query::ExprTrait::sub(
                    sea_orm::sea_query::Expr::col(entitlements::Column::QuantityRemaining),
                    qty,
                ),
            )
            .filter(entitlements::Column::Id.eq(e.id))
            .filter(entitlements::Column::QuantityRemaining.gte(qty))
            .exec(d.txn)
            .await?;
    }
    if status == DbOrderStatus::Confirmed && d.rng.gen_bool(0.7) {
        let rating = d.rng.gen_range(3..=5);
        reviews::ActiveModel {
            order_id: Set(order.id),
            offering_id: Set(o.id),
            recipient_id: Set(e.recipient_id),
            rating: Set(rating),
            body: Set(pick(
                &mut d.rng,
                &[
                    "Всё пришло вовремя, качество хорошее.",
                    "Доставили быстро, помогли настроить.",
                    "Уақытында жеткізді, рахмет!",
                    "Нормально, но пришлось ждать дольше срока.",
                ],
            )
            .to_string()),
            reply: Set(None),
            replied_at: Set(None),
            created_at: Set(at(path.len())),
            ..Default::default()
        }
        .insert(d.txn)
        .await?;
    }
    if status == DbOrderStatus::Returned {
        complaints::ActiveModel {
            order_id: Set(order.id),
            recipient_id: Set(e.recipient_id),
            supplier_id: Set(o.supplier_id),
            region_code: Set(region.into()),
            body: Set("Размер не соответствует заявленным параметрам.".into()),
            status: Set(DbComplaintStatus::Open),
            due_at: Set(d.now + Duration::days(d.rng.gen_range(-3..12))),
            assigned_to: Set(None),
            supplier_response: Set(None),
            supplier_responded_at: Set(None),
            outcome: Set(None),
            closed_by: Set(None),
            closed_at: Set(None),
            created_at: Set(at(path.len())),
            ..Default::default()
        }
        .insert(d.txn)
        .await?;
    }
    Ok(())
}
