//! Arranging data directly in the database, for tests of later steps of a journey.
#![allow(dead_code, reason = "shared by the journeys' tests; not every test file uses every fixture")]
use crate::helpers::{bin, iin, TestApp};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::entities::enums::*;
use server::entities::*;

/// The id of an item type by code.
pub async fn item_type(app: &TestApp, code: &str) -> item_types::Model {
    item_types::Entity::find().filter(item_types::Column::Code.eq(code)).one(&app.db).await.unwrap().unwrap()
}

/// The current ceiling of an item type in tiyn.
pub async fn ceiling(app: &TestApp, code: &str) -> i64 {
    let it = item_type(app, code).await;
    ceilings::Entity::find()
        .filter(ceilings::Column::ItemTypeId.eq(it.id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .max_by_key(|c| c.valid_from)
        .unwrap()
        .amount_tiyn
}

/// A supplier with a signed-in account.
pub struct Supplier {
    pub id: i32,
    pub account_id: i32,
    pub token: String,
}

/// Signs up a supplier serving `regions` and sets its status (e.g. approved).
pub async fn supplier(app: &TestApp, email: &str, serial: u32, status: DbSupplierStatus, regions: &[&str]) -> Supplier {
    let token = app.sign_up_supplier(email, &bin(serial)).await;
    let s = suppliers::Entity::find().filter(suppliers::Column::Email.eq(email)).one(&app.db).await.unwrap().unwrap();
    let (id, account_id) = (s.id, s.account_id);
    let mut am: suppliers::ActiveModel = s.into();
    am.status = Set(status);
    if status == DbSupplierStatus::Approved {
        am.approved_at = Set(Some(Utc::now()));
    }
    // A supplier that reached the ministry sent a complete application.
    if status != DbSupplierStatus::Draft {
        am.address = Set(Some("г. Астана, ул. Кенесары, 40".into()));
        am.contact_person = Set(Some("Сейткали Айгерим".into()));
        am.phone = Set(Some("+7 701 234 56 78".into()));
        am.submitted_at = Set(Some(Utc::now()));
    }
    am.update(&app.db).await.unwrap();
    supplier_regions::Entity::delete_many()
        .filter(supplier_regions::Column::SupplierId.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    for r in regions {
        supplier_regions::ActiveModel { supplier_id: Set(id), region_code: Set((*r).into()), approved: Set(true) }
            .insert(&app.db)
            .await
            .unwrap();
    }
    for c in categories::Entity::find().all(&app.db).await.unwrap() {
        supplier_categories::ActiveModel { supplier_id: Set(id), category_id: Set(c.id), approved: Set(true) }
            .insert(&app.db)
            .await
            .unwrap();
    }
    Supplier { id, account_id, token }
}

/// Adds the documents every category needs (rows only), so the application is complete and
/// staff may approve it.
pub async fn complete_application(app: &TestApp, supplier_id: i32) {
    for kind in [DbDocumentKind::Registration, DbDocumentKind::Licence, DbDocumentKind::Certificate] {
        supplier_documents::ActiveModel {
            supplier_id: Set(supplier_id),
            kind: Set(kind),
            file_name: Set(format!("{}.pdf", sea_orm::ActiveEnum::to_value(&kind))),
            content_type: Set("application/pdf".into()),
            size_bytes: Set(100),
            storage_key: Set(uuid::Uuid::new_v4().simple().to_string()),
            sha256: Set("0".repeat(64)),
            uploaded_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

/// A published offering of `code` at `price_tiyn`, available in `regions`.
pub async fn offering(
    app: &TestApp,
    supplier_id: i32,
    code: &str,
    price_tiyn: i64,
    regions: &[&str],
) -> offerings::Model {
    let it = item_type(app, code).await;
    let now = Utc::now();
    let o = offerings::ActiveModel {
        supplier_id: Set(supplier_id),
        item_type_id: Set(it.id),
        sku: Set(Some(format!("{code}-{}", uuid::Uuid::new_v4().simple()))),
        title_kk: Set(format!("{} тест", it.name_kk)),
        title_ru: Set(format!("{} тест", it.name_ru)),
        title_en: Set(Some(format!("{} test", it.name_en))),
        description_kk: Set("Сипаттама".into()),
        description_ru: Set("Описание".into()),
        description_en: Set(Some("Description".into())),
        search_kk: Set(format!("{} тест сипаттама", it.name_kk).to_lowercase()),
        search_ru: Set(format!("{} тест описание", it.name_ru).to_lowercase()),
        search_en: Set(format!("{} test description", it.name_en).to_lowercase()),
        price_tiyn: Set(price_tiyn),
        params: Set(serde_json::json!({})),
        lead_time_days: Set(10),
        capacity: Set(Some(100)),
        status: Set(DbOfferingStatus::Published),
        status_reason: Set(None),
        rating_avg_x100: Set(0),
        review_count: Set(0),
        published_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    for r in regions {
        offering_regions::ActiveModel { offering_id: Set(o.id), region_code: Set((*r).into()) }
            .insert(&app.db)
            .await
            .unwrap();
    }
    o
}

/// A signed-up recipient.
pub struct Recipient {
    pub id: i32,
    pub account_id: i32,
    pub token: String,
}

/// Signs up a recipient living in Almaty (`ALA`).
pub async fn recipient(app: &TestApp, email: &str, serial: u16) -> Recipient {
    let token = app.sign_up_recipient(email, &iin("870412", 4, serial)).await;
    let acc = accounts::Entity::find().filter(accounts::Column::Email.eq(email)).one(&app.db).await.unwrap().unwrap();
    let r = recipients::Entity::find()
        .filter(recipients::Column::AccountId.eq(acc.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    Recipient { id: r.id, account_id: acc.id, token }
}

/// A valid entitlement of `quantity` units of `code`.
pub async fn entitlement(app: &TestApp, recipient_id: i32, code: &str, quantity: i32) -> entitlements::Model {
    let it = item_type(app, code).await;
    let now = Utc::now();
    entitlements::ActiveModel {
        recipient_id: Set(recipient_id),
        item_type_id: Set(it.id),
        quantity_granted: Set(quantity),
        quantity_remaining: Set(quantity),
        valid_from: Set(now.date_naive() - Duration::days(30)),
        valid_to: Set(now.date_naive() + Duration::days(300)),
        ipr_number: Set(format!("ИПАР-2026-{}", uuid::Uuid::new_v4().simple())),
        source: Set("import".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
}

/// An order inserted as if placed (entitlement reduced), in `status`.
pub async fn order(
    app: &TestApp,
    recipient: &Recipient,
    e: &entitlements::Model,
    o: &offerings::Model,
    quantity: i32,
    status: DbOrderStatus,
) -> orders::Model {
    let now = Utc::now();
    let ceiling = ceilings::Entity::find()
        .filter(ceilings::Column::ItemTypeId.eq(o.item_type_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .max_by_key(|c| c.valid_from)
        .unwrap()
        .amount_tiyn;
    let total = o.price_tiyn * i64::from(quantity);
    let state = o.price_tiyn.min(ceiling) * i64::from(quantity);
    let order = orders::ActiveModel {
        number: Set(format!("T{}", &uuid::Uuid::new_v4().simple().to_string()[..30])),
        recipient_id: Set(recipient.id),
        offering_id: Set(o.id),
        supplier_id: Set(o.supplier_id),
        entitlement_id: Set(e.id),
        item_type_id: Set(o.item_type_id),
        quantity: Set(quantity),
        unit_price_tiyn: Set(o.price_tiyn),
        ceiling_tiyn: Set(ceiling),
        total_tiyn: Set(total),
        state_share_tiyn: Set(state),
        copay_tiyn: Set(total - state),
        status: Set(status),
        idempotency_key: Set(uuid::Uuid::new_v4().to_string()),
        placed_by: Set(recipient.account_id),
        on_behalf: Set(false),
        region_code: Set("ALA".into()),
        details: Set(serde_json::json!({})),
        accept_by: Set(now + Duration::days(3)),
        deliver_by: Set(None),
        accepted_at: Set(None),
        delivered_at: Set(None),
        confirmed_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut am: entitlements::ActiveModel = e.clone().into();
    am.quantity_remaining = Set(e.quantity_remaining - quantity);
    am.update(&app.db).await.unwrap();
    order_events::ActiveModel {
        order_id: Set(order.id),
        status: Set(DbOrderStatus::Placed),
        actor_account_id: Set(Some(recipient.account_id)),
        note: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    order
}
