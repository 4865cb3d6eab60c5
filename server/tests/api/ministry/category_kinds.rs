//! A category staff create works end to end: its kind, not its code, decides how it is
//! offered, ordered and fulfilled, so a new category of goods behaves as goods from the item
//! type to the supplier's statement and the ministry's dashboard.
use crate::both;
use crate::fixtures::{entitlement, recipient, supplier};
use crate::helpers::TestApp;
use chrono::Utc;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::enums::{DbCategoryKind, DbOrderStatus, DbSupplierStatus};
use server::entities::{categories, offerings, orders};

/// The home page's count of listed offerings in the new category.
async fn home_count(app: &TestApp) -> Option<Option<u64>> {
    let list = app.call(None, "categories", &[]).await;
    list.body.as_array().unwrap().iter().find(|c| c["code"] == "hearing").map(|c| c["offerings"].as_u64())
}

both!(a_category_staff_create_works_from_item_type_to_dashboard, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    // The kind is required, beside its field.
    let mut category = vec![
        ("cat_code", "hearing"),
        ("cat_name_kk", "Есту аппараттары"),
        ("cat_name_ru", "Слуховые аппараты"),
        ("cat_name_en", "Hearing aids"),
        ("cat_unit", "piece"),
    ];
    let no_kind = app.call(Some(&staff), "staff_add_category", &category).await;
    assert_eq!(no_kind.field_error("cat_kind").as_deref(), Some("required"), "{}", no_kind.body);
    category.push(("cat_kind", "goods"));
    let made = app.call(Some(&staff), "staff_add_category", &category).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let cat =
        categories::Entity::find().filter(categories::Column::Code.eq("hearing")).one(&app.db).await.unwrap().unwrap();
    assert_eq!(cat.kind, DbCategoryKind::Goods);
    let today = Utc::now().date_naive().to_string();
    let item_type = [
        ("category", "hearing"),
        ("code", "hearing_aid_bte"),
        ("name_kk", "Құлақ артындағы есту аппараты"),
        ("name_ru", "Заушный слуховой аппарат"),
        ("name_en", "Behind-the-ear hearing aid"),
        ("unit", "piece"),
        ("replacement_months", "48"),
        ("param_schema", "[]"),
        ("active", "yes"),
        ("ceiling", "150000"),
        ("ceiling_from", today.as_str()),
    ];
    let it = app.call(Some(&staff), "staff_save_item_type", &item_type).await;
    assert_eq!(it.status, StatusCode::OK, "{}", it.body);
    // The catalogue's filter offers it by its name, and the staff overview shows its kind.
    let overview = app.call(Some(&staff), "staff_catalogue", &[]).await;
    let row = overview.body["categories"].as_array().unwrap().iter().find(|c| c["code"] == "hearing").cloned().unwrap();
    assert_eq!(row["kind"], "goods");
    let search = app.call_json(None, "catalogue_search", serde_json::json!({ "query": { "region": "all" } })).await;
    assert!(
        search.body["categories"].as_array().unwrap().iter().any(|c| c[0] == "hearing" && c[1] == "Есту аппараттары"),
        "{}",
        search.body["categories"]
    );

    // A supplier approved for it (the fixture approves every category) offers it through the
    // form: as goods, the capacity is stock.
    let s = supplier(&app, "sales@sluh.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let choices = app.call(Some(&s.token), "supplier_item_types", &[]).await;
    let choice = choices.body.as_array().unwrap().iter().find(|c| c["code"] == "hearing_aid_bte").cloned().unwrap();
    assert_eq!(choice["kind"], "goods");
    let offer = [
        ("id", ""),
        ("item_type", "hearing_aid_bte"),
        ("sku", "HA-1"),
        ("title_kk", "Есту аппараты"),
        ("title_ru", "Слуховой аппарат"),
        ("title_en", ""),
        ("description_kk", "Сипаттама"),
        ("description_ru", "Описание"),
        ("description_en", ""),
        ("price", "140000"),
        ("lead_time_days", "10"),
        ("capacity", "3"),
        ("regions[]", "ALA"),
    ];
    let saved = app.call(Some(&s.token), "supplier_save_offering", &offer).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let o = offerings::Entity::find().filter(offerings::Column::Sku.eq("HA-1")).one(&app.db).await.unwrap().unwrap();
    assert_eq!(o.capacity, Some(3));
    assert_eq!(home_count(&app).await, Some(Some(0)), "the home page lists the new category, nothing listed yet");
    let published = app
        .call(Some(&s.token), "supplier_set_offering_status", &[("id", &o.id.to_string()), ("action", "publish")])
        .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    assert_eq!(home_count(&app).await, Some(Some(1)), "the published offering is counted");

    // A person with an entitlement orders it with the questions for goods.
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "hearing_aid_bte", 2).await;
    let oid = o.id.to_string();
    let start = app.call(Some(&r.token), "order_start", &[("offering", &oid)]).await;
    assert_eq!(start.body["kind"], "goods", "{}", start.body);
    let form = [
        ("offering", oid.as_str()),
        ("entitlement", &e.id.to_string()),
        ("quantity", "1"),
        ("address", "ул. Абая 1"),
        ("region", "ALA"),
    ];
    let a = app.call(Some(&r.token), "order_save", &form).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    let (key, terms) =
        (check.body["idempotency_key"].as_str().unwrap().to_owned(), check.body["terms"].as_str().unwrap().to_owned());
    let c = app
        .call(
            Some(&r.token),
            "order_confirm",
            &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &terms)],
        )
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.body);
    let placed = orders::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(placed.details.0.stored()["address"], "ул. Абая 1");

    // The supplier accepts (from stock), ships and delivers; the person confirms receipt.
    let id = placed.id.to_string();
    let view = app.call(Some(&s.token), "supplier_order", &[("id", &id)]).await;
    assert_eq!(view.body["actions"], serde_json::json!(["accept", "reject"]), "{}", view.body);
    assert_eq!(app.call(Some(&s.token), "supplier_accept_order", &[("id", &id)]).await.status, StatusCode::OK);
    assert_eq!(
        offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap().capacity,
        Some(2),
        "taken from stock"
    );
    let view = app.call(Some(&s.token), "supplier_order", &[("id", &id)]).await;
    assert!(view.body["actions"].as_array().unwrap().iter().any(|a| a == "ship"), "goods are shipped: {}", view.body);
    for step in ["shipped", "delivered"] {
        let m = app.call(Some(&s.token), "supplier_mark_order", &[("id", &id), ("step", step)]).await;
        assert_eq!(m.status, StatusCode::OK, "{step}: {}", m.body);
    }
    let got = app.call(Some(&r.token), "order_receive", &[("order", &id)]).await;
    assert_eq!(got.status, StatusCode::OK, "{}", got.body);
    assert_eq!(
        orders::Entity::find_by_id(placed.id).one(&app.db).await.unwrap().unwrap().status,
        DbOrderStatus::Confirmed
    );

    // The month's statement lists it, and the dashboard counts it under the new category.
    let st = app.call(Some(&s.token), "supplier_statement", &[("month", "")]).await;
    assert_eq!(st.body["lines"].as_array().map(Vec::len), Some(1), "{}", st.body);
    let dash = app.call(Some(&staff), "staff_provision", &[]).await;
    assert_eq!(dash.status, StatusCode::OK, "{}", dash.body);
    let hearing = dash.body["categories"].as_array().unwrap().iter().find(|c| c["code"] == "hearing").cloned().unwrap();
    assert_eq!(
        (hearing["ordered"].as_u64(), hearing["delivered"].as_u64(), hearing["people_provided"].as_u64()),
        (Some(1), Some(1), Some(1)),
        "{hearing}"
    );
});
