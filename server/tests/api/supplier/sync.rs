//! A supplier's own system syncs offerings with a key: made on the keys page and shown once,
//! stored hashed, revocable, audited, working only while the supplier is approved, each key
//! with its own budget; the lines are checked like a file's and matched by SKU.
use crate::both;
use crate::fixtures::*;
use crate::helpers::{Backend, TestApp};
use crate::ministry::audit_entries;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{json, Value};
use server::entities::enums::*;
use server::entities::{offerings, supplier_api_keys, suppliers};

/// Makes a key on the keys page; returns the key the page shows once.
async fn make_key(app: &TestApp, token: &str, label: &str) -> String {
    use base64::Engine;
    let made = app.call(Some(token), "supplier_create_api_key", &[("label", label)]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let cookie = made
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("ssp_new_api_key="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .expect("the new key goes to the page in a short-lived cookie");
    let shown = app
        .client
        .post(format!("{}/api/supplier_api_keys", app.base))
        .header("origin", &app.base)
        .header("cookie", format!("ssp_session={token}; ssp_new_api_key={cookie}"))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    let key = shown["new_key"].as_str().expect("shown once").to_owned();
    assert_eq!(
        key,
        String::from_utf8(base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&cookie).unwrap()).unwrap()
    );
    key
}

async fn sync(app: &TestApp, key: &str, body: Value) -> (StatusCode, Value) {
    let res = app
        .client
        .post(format!("{}/api/v1/supplier/offerings", app.base))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json::<Value>().await.unwrap_or(Value::Null))
}

fn walker(sku: &str, price: Value) -> Value {
    json!({
        "sku": sku, "item_type": "walker", "title_kk": "Жүруге арналған құрал", "title_ru": "Ходунки", "description_kk": "Сипаттама",
        "description_ru": "Описание", "price": price, "lead_time_days": 7, "capacity": 10, "regions": ["ALA"],
        "params": { "max_user_weight_kg": 120 }, "status": "published"
    })
}

both!(a_key_is_shown_once_stored_hashed_and_syncs_offerings_by_sku, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let key = make_key(&app, &s.token, "Склад 1С").await;
    assert!(key.starts_with("ssp_") && key.len() > 40, "{key}");
    let again = app.call(Some(&s.token), "supplier_api_keys", &[]).await;
    assert!(again.body["new_key"].is_null(), "never shown again");
    assert_eq!(again.body["keys"][0]["label"], "Склад 1С");
    assert!(key.starts_with(again.body["keys"][0]["prefix"].as_str().unwrap()));
    let row = supplier_api_keys::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.key_hash, server::services::supplier::api_keys::hash(&key));
    assert!(row.key_hash != key && !row.prefix.contains(&key[10..]), "only a hash is kept");
    assert_eq!(audit_entries(&app, "supplier.api_key_create").await.len(), 1);
    // A list with one good line and two bad ones: the good one is applied.
    let (status, report) = sync(
        &app,
        &key,
        json!({ "lines": [
            walker("W-1", json!("30000")),
            { "sku": "BAD-1", "item_type": "walker", "title_ru": "Ходунки", "price": -5, "regions": ["AST"] },
            { "sku": "X-1", "item_type": "no_such_type" },
        ]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!((report["created"].as_u64(), report["refused"].as_u64()), (Some(1), Some(2)), "{report}");
    let bad = &report["lines"][1];
    assert_eq!((bad["line"].as_u64(), bad["outcome"].as_str()), (Some(2), Some("refused")));
    let fields: Vec<&str> = bad["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"title_kk") && fields.contains(&"price") && fields.contains(&"regions"), "{bad}");
    assert_eq!(report["lines"][2]["errors"][0]["code"], "unknown_item_type");
    let w = offerings::Entity::find().filter(offerings::Column::Sku.eq("W-1")).one(&app.db).await.unwrap().unwrap();
    assert_eq!((w.status, w.price_tiyn, w.supplier_id), (DbOfferingStatus::Published, 3_000_000, s.id));
    // The same list again changes nothing; a new price updates the one offering.
    let (_, same) = sync(&app, &key, json!({ "lines": [walker("W-1", json!("30000"))] })).await;
    assert_eq!(same["unchanged"], 1, "{same}");
    let (_, changed) = sync(&app, &key, json!({ "lines": [walker("W-1", json!(31000))] })).await;
    assert_eq!(changed["updated"], 1, "{changed}");
    assert_eq!(
        offerings::Entity::find().filter(offerings::Column::SupplierId.eq(s.id)).all(&app.db).await.unwrap().len(),
        1
    );
    let used = supplier_api_keys::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(used.last_used_at.is_some(), "its last use is shown");
    // Malformed bodies are refused with the API's error shape.
    for body in [json!([]), json!({ "lines": "x" }), json!({})] {
        let (status, err) = sync(&app, &key, body).await;
        assert_eq!((status, err["error"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_json")));
    }
});

both!(a_revoked_key_or_a_suspended_supplier_stops_at_once, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let other = supplier(&app, "o@x.kz", 2, DbSupplierStatus::Approved, &["ALA"]).await;
    let key = make_key(&app, &s.token, "Склад").await;
    let spare = make_key(&app, &s.token, "Запасной").await;
    for bad in ["", "ssp_not-a-key", "Bearer", &key[..key.len() - 1]] {
        let (status, body) = sync(&app, bad, json!({ "lines": [] })).await;
        assert_eq!((status, body["error"].as_str()), (StatusCode::UNAUTHORIZED, Some("unauthorized")), "{bad:?}");
    }
    // Another supplier cannot revoke it; its owner can.
    let id = supplier_api_keys::Entity::find()
        .filter(supplier_api_keys::Column::Label.eq("Склад"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let theirs = app.call(Some(&other.token), "supplier_revoke_api_key", &[("id", &id)]).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(sync(&app, &key, json!({ "lines": [] })).await.0, StatusCode::OK);
    let revoked = app.call(Some(&s.token), "supplier_revoke_api_key", &[("id", &id)]).await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    assert_eq!(sync(&app, &key, json!({ "lines": [] })).await.0, StatusCode::UNAUTHORIZED, "revoked at once");
    assert_eq!(audit_entries(&app, "supplier.api_key_revoke").await.len(), 1);
    // Suspension stops every key at once, and reinstatement brings them back.
    assert_eq!(sync(&app, &spare, json!({ "lines": [] })).await.0, StatusCode::OK);
    let row = suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap();
    let mut am: suppliers::ActiveModel = row.into();
    am.status = Set(DbSupplierStatus::Suspended);
    am.update(&app.db).await.unwrap();
    let (status, body) = sync(&app, &spare, json!({ "lines": [walker("W-9", json!("30000"))] })).await;
    assert_eq!((status, body["error"].as_str()), (StatusCode::FORBIDDEN, Some("supplier_not_approved")));
    assert!(offerings::Entity::find().filter(offerings::Column::Sku.eq("W-9")).one(&app.db).await.unwrap().is_none());
});

both!(a_pending_supplier_may_make_keys_but_they_sync_nothing_until_approval, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Pending, &["ALA"]).await;
    let key = make_key(&app, &s.token, "Склад").await;
    let page = app.call(Some(&s.token), "supplier_api_keys", &[]).await;
    assert_eq!(page.body["approved"], false);
    let (status, _) = sync(&app, &key, json!({ "lines": [walker("W-1", json!("30000"))] })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let empty = app.call(Some(&s.token), "supplier_create_api_key", &[("label", "  ")]).await;
    assert_eq!(empty.field_error("label").as_deref(), Some("required"));
    let long = "я".repeat(81);
    let too_long = app.call(Some(&s.token), "supplier_create_api_key", &[("label", &long)]).await;
    assert_eq!(too_long.field_error("label").as_deref(), Some("too_long"));
});

async fn one_sync_a_minute(backend: Backend) -> (TestApp, crate::helpers::TempDir) {
    crate::helpers::spawn_with(backend, |s| s.api_syncs_per_minute = 2).await
}

mod each_key_has_its_own_budget_of_syncs {
    use super::*;

    async fn run(app: TestApp) {
        let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
        let first = make_key(&app, &s.token, "Один").await;
        let second = make_key(&app, &s.token, "Два").await;
        for _ in 0..2 {
            assert_eq!(sync(&app, &first, json!({ "lines": [] })).await.0, StatusCode::OK);
        }
        let (status, body) = sync(&app, &first, json!({ "lines": [] })).await;
        assert_eq!((status, body["error"].as_str()), (StatusCode::TOO_MANY_REQUESTS, Some("too_many_requests")));
        assert_eq!(sync(&app, &second, json!({ "lines": [] })).await.0, StatusCode::OK, "another key is not held back");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        let (app, _dir) = one_sync_a_minute(Backend::Sqlite).await;
        run(app).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        let (app, _dir) = one_sync_a_minute(Backend::Postgres).await;
        run(app).await;
    }
}
