//! The provision dashboard, checked against a fixture whose numbers are worked out by hand.
use crate::both;
use crate::fixtures::{item_type, offering, supplier};
use crate::helpers::{iin, TestApp};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::Value;
use server::entities::enums::{DbOrderStatus, DbSupplierStatus};
use server::entities::{entitlements, offerings, orders, recipients};

pub fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 10, 0, 0).unwrap()
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub async fn person(app: &TestApp, serial: u16, region: Option<&str>) -> i32 {
    recipients::ActiveModel {
        account_id: Set(None),
        iin: Set(iin("800101", 3, serial)),
        full_name: Set(Some(format!("Person {serial}"))),
        region_code: Set(region.map(Into::into)),
        disability_group: Set(None),
        birth_date: Set(None),
        created_at: Set(at(2024, 12, 1)),
        updated_at: Set(at(2024, 12, 1)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

pub async fn grant(app: &TestApp, recipient: i32, code: &str, from: NaiveDate, to: NaiveDate) -> entitlements::Model {
    entitlements::ActiveModel {
        recipient_id: Set(recipient),
        item_type_id: Set(item_type(app, code).await.id),
        quantity_granted: Set(1),
        quantity_remaining: Set(1),
        valid_from: Set(from),
        valid_to: Set(to),
        ipr_number: Set(format!("ИПАР-{code}-{recipient}")),
        source: Set("import".into()),
        created_at: Set(at(2024, 12, 1)),
        updated_at: Set(at(2024, 12, 1)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
}

pub struct Placed {
    pub status: DbOrderStatus,
    pub created: DateTime<Utc>,
    pub accept_by: DateTime<Utc>,
    pub deliver_by: Option<DateTime<Utc>>,
    pub delivered: Option<DateTime<Utc>>,
    pub state_share: i64,
}

pub async fn place(app: &TestApp, e: &entitlements::Model, o: &offerings::Model, p: Placed) {
    orders::ActiveModel {
        number: Set(format!("P-{}", &uuid::Uuid::new_v4().simple().to_string()[..20])),
        recipient_id: Set(e.recipient_id),
        offering_id: Set(o.id),
        supplier_id: Set(o.supplier_id),
        entitlement_id: Set(e.id),
        item_type_id: Set(e.item_type_id),
        quantity: Set(1),
        unit_price_tiyn: Set(p.state_share.max(1)),
        ceiling_tiyn: Set(p.state_share.max(1)),
        total_tiyn: Set(p.state_share),
        state_share_tiyn: Set(p.state_share),
        copay_tiyn: Set(0),
        status: Set(p.status),
        idempotency_key: Set(uuid::Uuid::new_v4().to_string()),
        placed_by: Set(o.supplier_id),
        on_behalf: Set(false),
        region_code: Set("ALA".into()),
        details: Set(Default::default()),
        accept_by: Set(p.accept_by),
        deliver_by: Set(p.deliver_by),
        accepted_at: Set(None),
        delivered_at: Set(p.delivered),
        confirmed_at: Set(None),
        created_at: Set(p.created),
        updated_at: Set(p.created),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

/// The hand-built fixture, for the period 2025-01-01 to 2025-12-31:
///
/// | who | region | entitlement (valid) | order |
/// |---|---|---|---|
/// | R1 | ALA | E1 wheelchair 2025-01-10..2025-12-31 | confirmed, delivered 2025-03-01 (50 days), state 100,000.00 |
/// | R1 | ALA | E2 walker 2025-02-01..2026-01-31 | placed 2025-11-01, accept by 2025-11-04: overdue |
/// | R2 | ALA | E3 hearing aid 2025-06-01..2026-05-31 | delivered 2025-06-21 (20 days), state 50,000.00 |
/// | R2 | ALA | E8 crutches 2025-12-01..2026-06-30 | placed 2025-12-05, delivered 2026-01-15: after the period |
/// | R3 | AST | E4 assistant hours 2025-03-01..2025-12-31 | cancelled |
/// | R3 | AST | E5 sanatorium 2024-01-01..2024-12-31 | none (outside the period) |
/// | R4 | AST | E6 white cane 2025-09-01..2026-08-31 | accepted, deliver by 2025-10-01: overdue |
/// | R5 | unknown | E7 walker 2025-01-01..2025-12-31 | none |
///
/// Worked out by hand: 5 people entitled, 7 entitlements, 5 ordered (E1 E2 E3 E6 E8), 2
/// delivered (E1 E3), 2 people provided (R1 R2): 40.0 %; median of 50 and 20 days = 35;
/// 2 overdue (E2's and E6's orders); the state paid 150,000.00.
pub async fn fixture(app: &TestApp) {
    let s = supplier(app, "sales@medtech.kz", 51, DbSupplierStatus::Approved, &["ALA", "AST"]).await;
    let offer = |code: &'static str| offering(app, s.id, code, 1_000_000, &["ALA", "AST"]);
    let (r1, r2, r3, r4, r5) = (
        person(app, 1, Some("ALA")).await,
        person(app, 2, Some("ALA")).await,
        person(app, 3, Some("AST")).await,
        person(app, 4, Some("AST")).await,
        person(app, 5, None).await,
    );
    let none = |status, created| Placed {
        status,
        created,
        accept_by: created,
        deliver_by: None,
        delivered: None,
        state_share: 0,
    };
    let e1 = grant(app, r1, "wheelchair_manual", day(2025, 1, 10), day(2025, 12, 31)).await;
    place(
        app,
        &e1,
        &offer("wheelchair_manual").await,
        Placed {
            delivered: Some(at(2025, 3, 1)),
            state_share: 10_000_000,
            ..none(DbOrderStatus::Confirmed, at(2025, 2, 1))
        },
    )
    .await;
    let e2 = grant(app, r1, "walker", day(2025, 2, 1), day(2026, 1, 31)).await;
    place(
        app,
        &e2,
        &offer("walker").await,
        Placed { accept_by: at(2025, 11, 4), ..none(DbOrderStatus::Placed, at(2025, 11, 1)) },
    )
    .await;
    let e3 = grant(app, r2, "hearing_aid", day(2025, 6, 1), day(2026, 5, 31)).await;
    place(
        app,
        &e3,
        &offer("hearing_aid").await,
        Placed {
            delivered: Some(at(2025, 6, 21)),
            state_share: 5_000_000,
            ..none(DbOrderStatus::Delivered, at(2025, 6, 5))
        },
    )
    .await;
    let e8 = grant(app, r2, "crutches", day(2025, 12, 1), day(2026, 6, 30)).await;
    place(
        app,
        &e8,
        &offer("crutches").await,
        Placed {
            delivered: Some(at(2026, 1, 15)),
            state_share: 1_400_000,
            ..none(DbOrderStatus::Confirmed, at(2025, 12, 5))
        },
    )
    .await;
    let e4 = grant(app, r3, "assistant_hour", day(2025, 3, 1), day(2025, 12, 31)).await;
    place(app, &e4, &offer("assistant_hour").await, none(DbOrderStatus::Cancelled, at(2025, 3, 5))).await;
    grant(app, r3, "sanatorium_course", day(2024, 1, 1), day(2024, 12, 31)).await;
    let e6 = grant(app, r4, "white_cane", day(2025, 9, 1), day(2026, 8, 31)).await;
    place(
        app,
        &e6,
        &offer("white_cane").await,
        Placed { deliver_by: Some(at(2025, 10, 1)), ..none(DbOrderStatus::Accepted, at(2025, 9, 2)) },
    )
    .await;
    grant(app, r5, "walker", day(2025, 1, 1), day(2025, 12, 31)).await;
}

fn numbers(row: &Value) -> (u64, u64, u64, u64, u64, Value, Value, u64, i64) {
    (
        row["people_entitled"].as_u64().unwrap(),
        row["entitlements"].as_u64().unwrap(),
        row["ordered"].as_u64().unwrap(),
        row["delivered"].as_u64().unwrap(),
        row["people_provided"].as_u64().unwrap(),
        row["rate_permille"].clone(),
        row["median_days"].clone(),
        row["overdue"].as_u64().unwrap(),
        row["state_paid"].as_i64().unwrap(),
    )
}

fn row<'a>(rows: &'a Value, code: &str) -> &'a Value {
    rows.as_array().unwrap().iter().find(|r| r["code"] == code).unwrap_or_else(|| panic!("no row {code}"))
}

both!(the_dashboard_matches_the_hand_computed_fixture, |app: TestApp| async move {
    fixture(&app).await;
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let v = app.call(Some(&staff), "staff_provision", &[("from", "2025-01-01"), ("to", "2025-12-31")]).await;
    assert_eq!(v.status, StatusCode::OK, "{}", v.body);
    let b = &v.body;
    assert_eq!(numbers(&b["total"]), (5, 7, 5, 2, 2, 400.into(), 35.0.into(), 2, 15_000_000));
    assert_eq!(numbers(row(&b["regions"], "ALA")), (2, 4, 4, 2, 2, 1000.into(), 35.0.into(), 1, 15_000_000));
    assert_eq!(numbers(row(&b["regions"], "AST")), (2, 2, 1, 0, 0, 0.into(), Value::Null, 1, 0));
    assert_eq!(numbers(row(&b["regions"], "-")), (1, 1, 0, 0, 0, 0.into(), Value::Null, 0, 0));
    assert_eq!(numbers(row(&b["regions"], "SHY")), (0, 0, 0, 0, 0, Value::Null, Value::Null, 0, 0));
    // Worst first: Astana (0 %), then Almaty (100 %), then regions with no one entitled; the
    // unknown region comes last.
    let order: Vec<&str> = b["regions"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(&order[..2], &["AST", "ALA"]);
    assert_eq!(order.len(), 21);
    assert_eq!(order.last(), Some(&"-"));
    assert_eq!(numbers(row(&b["categories"], "tsr")), (4, 6, 5, 2, 2, 500.into(), 35.0.into(), 2, 15_000_000));
    assert_eq!(numbers(row(&b["categories"], "assistant")), (1, 1, 0, 0, 0, 0.into(), Value::Null, 0, 0));
    assert_eq!(numbers(row(&b["categories"], "sanatorium")), (0, 0, 0, 0, 0, Value::Null, Value::Null, 0, 0));
    // A regional officer sees their region only.
    let almaty = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let r = app.call(Some(&almaty), "staff_provision", &[("from", "2025-01-01"), ("to", "2025-12-31")]).await;
    assert_eq!(numbers(&r.body["total"]), (2, 4, 4, 2, 2, 1000.into(), 35.0.into(), 1, 15_000_000));
    assert_eq!(r.body["regions"].as_array().unwrap().len(), 1);
    // Delivered in the next period: E8 counts as delivered there.
    let next = app.call(Some(&staff), "staff_provision", &[("from", "2026-01-01"), ("to", "2026-03-31")]).await;
    assert_eq!(row(&next.body["regions"], "ALA")["delivered"], 2, "E3 delivered before, E8 within; E1 has ended");
    assert_eq!(next.body["total"]["state_paid"], 1_400_000, "only what was delivered within the period is paid in it");
});

both!(the_period_defaults_to_this_year_and_a_reversed_one_is_refused, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let v = app.call(Some(&staff), "staff_provision", &[]).await;
    let year = chrono::Datelike::year(&Utc::now());
    assert_eq!(
        (v.body["from"].as_str(), v.body["to"].as_str()),
        (Some(format!("{year}-01-01").as_str()), Some(format!("{year}-12-31").as_str()))
    );
    let bad = app.call(Some(&staff), "staff_provision", &[("from", "2025-12-31"), ("to", "2025-01-01")]).await;
    assert_eq!(bad.field_error("period_to").as_deref(), Some("period_reversed"));
});

both!(the_csv_opens_in_excel_with_the_same_numbers, |app: TestApp| async move {
    fixture(&app).await;
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let res = app.get(Some(&staff), "/staff/provision.csv?from=2025-01-01&to=2025-12-31").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("provision_2025-01-01_2025-12-31.csv"));
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a UTF-8 byte-order mark for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0].split(';').count(), 12, "{}", lines[0]);
    assert_eq!(lines[1].split(';').collect::<Vec<_>>()[3..].join(";"), "5;7;5;2;2;40.0;35;2;150000.00");
    assert!(lines.iter().any(|l| l.contains(";AST;") && l.ends_with(";2;2;1;0;0;0.0;;1;0.00")), "{text}");
    let visitor = app.get(None, "/staff/provision.csv").await;
    assert_eq!(visitor.status(), StatusCode::SEE_OTHER, "a visitor is sent to sign in");
    let recipient = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    assert_eq!(app.get(Some(&recipient), "/staff/provision.csv").await.status(), StatusCode::FORBIDDEN);
});
