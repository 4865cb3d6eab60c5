//! Offerings: the form with the guaranteed sum and parameters, publishing, price snapshots,
//! CSV upload, course dates, and one supplier never reaching another's offerings.
use crate::both;
use crate::fixtures::supplier::*;
use crate::fixtures::{ceiling, entitlement, offering, order, recipient, supplier};
use crate::helpers::TestApp;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::enums::{DbOfferingStatus, DbOrderStatus, DbSupplierStatus};
use server::entities::{offering_slots, offerings};

fn wheelchair<'a>(id: &'a str, price: &'a str, seat: &'a str, title_kk: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("item_type", "wheelchair_manual"),
        ("sku", "WC-100"),
        ("title_kk", title_kk),
        ("title_ru", "Коляска прогулочная"),
        ("title_en", ""),
        ("description_kk", "Жеңіл арба"),
        ("description_ru", "Лёгкая коляска"),
        ("description_en", ""),
        ("price", price),
        ("lead_time_days", "10"),
        ("capacity", "5"),
        ("regions[]", "ALA"),
        ("params[seat_width_cm]", seat),
        ("params[max_user_weight_kg]", "120"),
        ("params[frame]", "steel"),
    ]
}

both!(an_approved_supplier_creates_publishes_edits_and_withdraws_an_offering, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA", "ALM"]).await;
    let form = app.call(Some(&s.token), "supplier_new_offering_form", &[("item_type", "wheelchair_manual")]).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(
        form.body["item_type"]["ceiling"],
        ceiling(&app, "wheelchair_manual").await,
        "the ceiling beside the price"
    );
    let keys: Vec<&str> = form.body["params"].as_array().unwrap().iter().filter_map(|p| p["key"].as_str()).collect();
    assert_eq!(keys, vec!["seat_width_cm", "max_user_weight_kg", "frame"]);
    // A refused form is kept on the server as typed.
    let bad = app.call(Some(&s.token), "supplier_save_offering", &wheelchair("", "185000", "90", "")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.field_error("param_seat_width_cm").as_deref(), Some("out_of_range"));
    assert_eq!(bad.field_error("title_kk").as_deref(), Some("required"));
    let draft = app.call(Some(&s.token), "supplier_new_offering_form", &[("item_type", "wheelchair_manual")]).await;
    assert_eq!(
        (draft.body["from_draft"].as_bool(), draft.body["form"]["params"]["seat_width_cm"].as_str()),
        (Some(true), Some("90"))
    );
    let ok =
        app.call(Some(&s.token), "supplier_save_offering", &wheelchair("", "185000", "45", "Серуендеу арбасы")).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let o = offerings::Entity::find().filter(offerings::Column::Sku.eq("WC-100")).one(&app.db).await.unwrap().unwrap();
    assert_eq!((o.status, o.price_tiyn, o.capacity), (DbOfferingStatus::Draft, 18_500_000, Some(5)));
    assert_eq!(o.params, serde_json::json!({ "seat_width_cm": 45, "max_user_weight_kg": 120, "frame": "steel" }));
    let fresh = app.call(Some(&s.token), "supplier_new_offering_form", &[("item_type", "wheelchair_manual")]).await;
    assert_eq!(fresh.body["from_draft"], false, "the draft is gone once saved");
    assert_eq!(visible(&app).await, 0, "a draft is not in the catalogue");
    let id = o.id.to_string();
    let p = app.call(Some(&s.token), "supplier_set_offering_status", &[("id", &id), ("action", "publish")]).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert_eq!(visible(&app).await, 1);
    // Editing the price never changes an order already placed.
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "wheelchair_manual", 1).await;
    let placed = order(
        &app,
        &r,
        &e,
        &offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap(),
        1,
        DbOrderStatus::Placed,
    )
    .await;
    let edit =
        app.call(Some(&s.token), "supplier_save_offering", &wheelchair(&id, "199000", "45", "Серуендеу арбасы")).await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    let after = reload_order(&app, placed.id).await;
    assert_eq!((after.unit_price_tiyn, after.total_tiyn), (18_500_000, 18_500_000));
    let view = app.call(Some(&s.token), "supplier_offering", &[("id", &id)]).await;
    assert_eq!(view.body["status"], "published", "editing keeps it published");
    assert_eq!(view.body["copay_at_price"], 19_900_000 - ceiling(&app, "wheelchair_manual").await);
    let w = app.call(Some(&s.token), "supplier_set_offering_status", &[("id", &id), ("action", "withdraw")]).await;
    assert_eq!(w.status, StatusCode::OK);
    assert_eq!(visible(&app).await, 0);
});

both!(a_supplier_cannot_see_or_change_another_suppliers_offerings, |app: TestApp| async move {
    let owner = supplier(&app, "owner@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let other = supplier(&app, "other@medtech.kz", 8, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, owner.id, "walker", 3_000_000, &["ALA"]).await;
    let id = o.id.to_string();
    let t = Some(other.token.as_str());
    assert_eq!(app.call(t, "supplier_offering", &[("id", &id)]).await.status, StatusCode::NOT_FOUND);
    let mut form = wheelchair(&id, "1", "45", "x");
    form[1] = ("item_type", "walker");
    assert_eq!(app.call(t, "supplier_save_offering", &form).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.call(t, "supplier_set_offering_status", &[("id", &id), ("action", "withdraw")]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.call(t, "supplier_set_offering_slot", &[("id", &id), ("starts_on", "2099-01-01"), ("places", "5")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let list = app.call(t, "supplier_offerings", &[("status", "")]).await;
    assert_eq!(list.body["offerings"], serde_json::json!([]));
    let unchanged = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(unchanged, o);
});

both!(a_sanatorium_offers_dated_places_and_never_below_those_taken, |app: TestApp| async move {
    let s = supplier(&app, "kurort@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "sanatorium_course", 30_000_000, &["ALA"]).await;
    let id = o.id.to_string();
    let date = (chrono::Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
    let a = app
        .call(Some(&s.token), "supplier_set_offering_slot", &[("id", &id), ("starts_on", &date), ("places", "2")])
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let slot = offering_slots::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(slot.places, 2);
    let mut am: offering_slots::ActiveModel = slot.into();
    am.taken = sea_orm::Set(2);
    sea_orm::ActiveModelTrait::update(am, &app.db).await.unwrap();
    let below = app
        .call(Some(&s.token), "supplier_set_offering_slot", &[("id", &id), ("starts_on", &date), ("places", "1")])
        .await;
    assert_eq!(below.field_error("places").as_deref(), Some("below_taken"));
    let past = app
        .call(
            Some(&s.token),
            "supplier_set_offering_slot",
            &[("id", &id), ("starts_on", "2020-01-01"), ("places", "1")],
        )
        .await;
    assert_eq!(past.field_error("starts_on").as_deref(), Some("date_in_past"));
    let goods = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let wrong = app
        .call(
            Some(&s.token),
            "supplier_set_offering_slot",
            &[("id", &goods.id.to_string()), ("starts_on", &date), ("places", "1")],
        )
        .await;
    assert_eq!(wrong.error_code().as_deref(), Some("not_a_sanatorium"));
});
