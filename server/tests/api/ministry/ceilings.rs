//! Guaranteed sums over time, item types and categories.
use super::audit_entries;
use crate::both;
use crate::fixtures::item_type;
use crate::helpers::TestApp;
use app::domain::Money;
use chrono::{Duration, NaiveDate, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{categories, item_types};
use server::services::ceilings::ceiling_on;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

both!(an_order_date_picks_the_ceiling_in_force_that_day, |app: TestApp| async move {
    // The reference data keeps two sums for the manual wheelchair: 178,200.00 from 2024 and
    // 186,450.00 from 2025.
    let it = item_type(&app, "wheelchair_manual").await;
    assert_eq!(ceiling_on(&app.db, it.id, day(2023, 12, 31)).await.unwrap(), None, "before any ceiling");
    assert_eq!(ceiling_on(&app.db, it.id, day(2024, 1, 1)).await.unwrap(), Some(Money::from_tiyn(17_820_000)));
    assert_eq!(ceiling_on(&app.db, it.id, day(2024, 12, 31)).await.unwrap(), Some(Money::from_tiyn(17_820_000)));
    assert_eq!(ceiling_on(&app.db, it.id, day(2025, 1, 1)).await.unwrap(), Some(Money::from_tiyn(18_645_000)));
    // A new sum announced for next month leaves today's orders on the current one.
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let today = Utc::now().date_naive();
    let next_month = today + Duration::days(30);
    let a = app
        .call(
            Some(&staff),
            "staff_add_ceiling",
            &[
                ("item_type_id", &it.id.to_string()),
                ("ceiling_amount", "195 000,50"),
                ("ceiling_valid_from", &next_month.to_string()),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(ceiling_on(&app.db, it.id, today).await.unwrap(), Some(Money::from_tiyn(18_645_000)));
    assert_eq!(
        ceiling_on(&app.db, it.id, next_month - Duration::days(1)).await.unwrap(),
        Some(Money::from_tiyn(18_645_000))
    );
    assert_eq!(ceiling_on(&app.db, it.id, next_month).await.unwrap(), Some(Money::from_tiyn(19_500_050)));
    let detail = app.call(Some(&staff), "staff_item_type", &[("id", &it.id.to_string())]).await;
    let rows = detail.body["ceilings"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "the history is kept: {}", detail.body);
    assert_eq!(rows[0]["future"], true);
    assert_eq!(rows[1]["in_force"], true);
    assert_eq!(rows[0]["entered_by"], "officer@enbek.gov.kz");
    let entry = &audit_entries(&app, "ceiling.add").await[0];
    assert_eq!(entry.details.as_ref().unwrap()["amount"], "195000.50");
    assert_eq!(entry.details.as_ref().unwrap()["previous"], "186450.00");
});

both!(a_ceiling_cannot_start_in_the_past_or_twice_on_one_day, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let it = item_type(&app, "walker").await.id.to_string();
    let yesterday = (Utc::now().date_naive() - Duration::days(1)).to_string();
    let past = app
        .call(
            Some(&staff),
            "staff_add_ceiling",
            &[("item_type_id", &it), ("ceiling_amount", "40000"), ("ceiling_valid_from", &yesterday)],
        )
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(past.field_error("ceiling_valid_from").as_deref(), Some("ceiling_in_past"));
    let bad = app
        .call(
            Some(&staff),
            "staff_add_ceiling",
            &[("item_type_id", &it), ("ceiling_amount", "-5"), ("ceiling_valid_from", "soon")],
        )
        .await;
    assert_eq!(bad.field_error("ceiling_amount").as_deref(), Some("not_an_amount"));
    assert_eq!(bad.field_error("ceiling_valid_from").as_deref(), Some("bad_date_format"));
    let later = (Utc::now().date_naive() + Duration::days(60)).to_string();
    let first = app
        .call(
            Some(&staff),
            "staff_add_ceiling",
            &[("item_type_id", &it), ("ceiling_amount", "40000"), ("ceiling_valid_from", &later)],
        )
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let twice = app
        .call(
            Some(&staff),
            "staff_add_ceiling",
            &[("item_type_id", &it), ("ceiling_amount", "41000"), ("ceiling_valid_from", &later)],
        )
        .await;
    assert_eq!(twice.field_error("ceiling_valid_from").as_deref(), Some("ceiling_date_taken"));
    assert_eq!(audit_entries(&app, "ceiling.add").await.len(), 1, "only the change that happened is recorded");
});

both!(only_central_staff_change_the_catalogue, |app: TestApp| async move {
    let regional = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let it = item_type(&app, "walker").await.id.to_string();
    let later = (Utc::now().date_naive() + Duration::days(60)).to_string();
    let a = app
        .call(
            Some(&regional),
            "staff_add_ceiling",
            &[("item_type_id", &it), ("ceiling_amount", "40000"), ("ceiling_valid_from", &later)],
        )
        .await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let read = app.call(Some(&regional), "staff_catalogue", &[]).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.body["can_edit"], false);
    let walker = read.body["categories"][0]["item_types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "walker")
        .cloned()
        .unwrap();
    assert_eq!(walker["ceiling"], 3_250_000);
    let cat = app
        .call(
            Some(&regional),
            "staff_add_category",
            &[
                ("cat_code", "invataxi"),
                ("cat_name_kk", "a"),
                ("cat_name_ru", "b"),
                ("cat_name_en", "c"),
                ("cat_unit", "hour"),
            ],
        )
        .await;
    assert_eq!(cat.status, StatusCode::FORBIDDEN);
});

both!(central_staff_create_an_item_type_with_its_first_ceiling_and_change_its_parameters, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let cat = app
        .call(
            Some(&staff),
            "staff_add_category",
            &[
                ("cat_code", "invataxi"),
                ("cat_name_kk", "Инватакси"),
                ("cat_name_ru", "Инватакси"),
                ("cat_name_en", "InvaTaxi"),
                ("cat_unit", "hour"),
                ("cat_kind", "hours"),
            ],
        )
        .await;
    assert_eq!(cat.status, StatusCode::OK, "{}", cat.body);
    assert!(categories::Entity::find()
        .filter(categories::Column::Code.eq("invataxi"))
        .one(&app.db)
        .await
        .unwrap()
        .is_some());
    let schema = r#"[{"key":"wheelchair_ramp","kind":"choice","label":{"kk":"Пандус","ru":"Пандус","en":"Ramp"},
        "options":[{"value":"yes","label":{"kk":"Бар","ru":"Есть","en":"Yes"}}]}]"#;
    let mut form = vec![
        ("category", "invataxi"),
        ("code", "invataxi_trip_hour"),
        ("name_kk", "Инватакси сағаты"),
        ("name_ru", "Час инватакси"),
        ("name_en", "InvaTaxi hour"),
        ("unit", "hour"),
        ("replacement_months", ""),
        ("param_schema", "[{\"key\":\"x\"}]"),
        ("active", "yes"),
        ("ceiling", "4500"),
        ("ceiling_from", "2026-01-01"),
    ];
    let bad = app.call(Some(&staff), "staff_save_item_type", &form).await;
    assert_eq!(bad.field_error("param_schema").as_deref(), Some("bad_schema"));
    form[7] = ("param_schema", schema);
    let a = app.call(Some(&staff), "staff_save_item_type", &form).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let it = item_types::Entity::find()
        .filter(item_types::Column::Code.eq("invataxi_trip_hour"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(it.param_schema["params"][0]["key"], "wheelchair_ramp");
    assert_eq!(ceiling_on(&app.db, it.id, day(2026, 6, 1)).await.unwrap(), Some(Money::from_tenge(4_500)));
    let taken = app.call(Some(&staff), "staff_save_item_type", &form).await;
    assert_eq!(taken.field_error("code").as_deref(), Some("code_taken"));
    let edit = app
        .call(
            Some(&staff),
            "staff_save_item_type",
            &[
                ("item_type_id", &it.id.to_string()),
                ("name_kk", "Инватакси сағаты"),
                ("name_ru", "Час инватакси"),
                ("name_en", "InvaTaxi hour"),
                ("replacement_months", "300"),
                ("param_schema", schema),
                ("active", "no"),
            ],
        )
        .await;
    assert_eq!(edit.field_error("replacement_months").as_deref(), Some("months_out_of_range"));
    let edit = app
        .call(
            Some(&staff),
            "staff_save_item_type",
            &[
                ("item_type_id", &it.id.to_string()),
                ("name_kk", "Инватакси сағаты"),
                ("name_ru", "Час поездки на инватакси"),
                ("name_en", "InvaTaxi hour"),
                ("replacement_months", ""),
                ("param_schema", schema),
                ("active", "no"),
            ],
        )
        .await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    let after = item_types::Entity::find_by_id(it.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!((after.name_ru.as_str(), after.active), ("Час поездки на инватакси", false));
    for action in ["category.create", "item_type.create", "ceiling.add", "item_type.update"] {
        assert_eq!(audit_entries(&app, action).await.len(), 1, "{action}");
    }
    let changed = &audit_entries(&app, "item_type.update").await[0];
    assert_eq!(changed.details.as_ref().unwrap()["changed"], serde_json::json!(["name_ru", "active"]));
});
