//! Statements, complaints and reviews: what a supplier is owed, answering in time, replying once.
use crate::both;
use crate::fixtures::supplier::*;
use crate::fixtures::{entitlement, offering, order, recipient, supplier};
use crate::helpers::TestApp;
use chrono::{Datelike, Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::entities::enums::{DbComplaintStatus, DbOrderStatus, DbSupplierStatus};
use server::entities::{complaints, notifications, reviews};

both!(a_statement_lists_the_months_confirmed_orders_and_its_totals_match_them, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let other = supplier(&app, "other@medtech.kz", 8, DbSupplierStatus::Approved, &["ALA"]).await;
    let cheap = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let dear = offering(&app, s.id, "wheelchair_manual", 20_000_050, &["ALA"]).await;
    let theirs = offering(&app, other.id, "walker", 2_900_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let now = Utc::now();
    let this_month = now.format("%Y-%m").to_string();
    let first_of_month = now.date_naive().with_day(1).unwrap().and_hms_opt(0, 0, 1).unwrap().and_utc();
    let mut expected = (0i64, 0i64, 0i64);
    for (o, qty, when) in [(&cheap, 2, now), (&dear, 1, first_of_month)] {
        let e = entitlement(&app, r.id, if o.id == cheap.id { "walker" } else { "wheelchair_manual" }, 2).await;
        let placed = confirm(&app, &order(&app, &r, &e, o, qty, DbOrderStatus::Placed).await, when).await;
        expected =
            (expected.0 + placed.total_tiyn, expected.1 + placed.state_share_tiyn, expected.2 + placed.copay_tiyn);
    }
    // Not in this month's statement: last month's, one not yet confirmed, another supplier's.
    let e = entitlement(&app, r.id, "walker", 3).await;
    confirm(&app, &order(&app, &r, &e, &cheap, 1, DbOrderStatus::Placed).await, first_of_month - Duration::days(2))
        .await;
    order(&app, &r, &entitlement(&app, r.id, "walker", 1).await, &cheap, 1, DbOrderStatus::Delivered).await;
    confirm(
        &app,
        &order(&app, &r, &entitlement(&app, r.id, "walker", 1).await, &theirs, 1, DbOrderStatus::Placed).await,
        now,
    )
    .await;
    let st = app.call(Some(&s.token), "supplier_statement", &[("month", "")]).await;
    assert_eq!(st.status, StatusCode::OK, "{}", st.body);
    assert_eq!(st.body["month"], this_month);
    assert_eq!(st.body["lines"].as_array().unwrap().len(), 2);
    let lines_sum = |k: &str| st.body["lines"].as_array().unwrap().iter().map(|l| l[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!(
        (
            st.body["total"].as_i64().unwrap(),
            st.body["state_share"].as_i64().unwrap(),
            st.body["copay"].as_i64().unwrap()
        ),
        expected
    );
    assert_eq!((lines_sum("total"), lines_sum("state_share"), lines_sum("copay")), expected);
    assert!(expected.2 > 0, "the dear wheelchair carries a co-payment");
    assert_eq!(expected.0, expected.1 + expected.2);
    assert_eq!(st.body["months"].as_array().unwrap().len(), 2, "this month and the last one with orders");
    // The CSV says the same, in a form Excel opens.
    let csv = app.get(Some(&s.token), &format!("/supplier/statement.csv?month={this_month}")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("statement-{}-{this_month}.csv", crate::helpers::bin(7))));
    let bytes = csv.bytes().await.unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "a byte-order mark for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let money = |t: i64| format!("{}.{:02}", t / 100, t % 100);
    assert!(
        lines[3].ends_with(&format!(";{};{};{}", money(expected.0), money(expected.1), money(expected.2))),
        "{}",
        lines[3]
    );
    // Another supplier sees none of this, by page or by file.
    let theirs_st = app.call(Some(&other.token), "supplier_statement", &[("month", &this_month)]).await;
    assert_eq!(theirs_st.body["lines"].as_array().unwrap().len(), 1);
    let bad = app.call(Some(&s.token), "supplier_statement", &[("month", "2026-13")]).await;
    assert_eq!(bad.field_error("month").as_deref(), Some("not_a_month"));
});

both!(a_complaint_is_answered_before_its_deadline_and_the_recipient_is_told, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let placed = order(&app, &r, &entitlement(&app, r.id, "walker", 2).await, &o, 1, DbOrderStatus::Delivered).await;
    let open = add_complaint(&app, &placed, Utc::now() + Duration::days(4)).await;
    let late = add_complaint(&app, &placed, Utc::now() - Duration::hours(1)).await;
    let list = app.call(Some(&s.token), "supplier_complaints", &[]).await;
    assert_eq!(list.body["rows"].as_array().unwrap().len(), 2);
    assert_eq!(list.body["page"]["total"], 2);
    assert_eq!(list.body["rows"][0]["id"], late, "the most urgent first");
    assert_eq!(list.body["rows"][0]["can_answer"], false);
    let empty =
        app.call(Some(&s.token), "supplier_answer_complaint", &[("id", &open.to_string()), ("answer", "")]).await;
    assert_eq!(empty.field_error("answer").as_deref(), Some("required"));
    let ok = app
        .call(
            Some(&s.token),
            "supplier_answer_complaint",
            &[("id", &open.to_string()), ("answer", "Заменим на размер больше за наш счёт.")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let c = complaints::Entity::find_by_id(open).one(&app.db).await.unwrap().unwrap();
    assert_eq!(
        (c.status, c.supplier_response.as_deref()),
        (DbComplaintStatus::Answered, Some("Заменим на размер больше за наш счёт."))
    );
    let told = notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(r.account_id))
        .filter(notifications::Column::Kind.eq("complaint_answered"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(told.len(), 1);
    let again =
        app.call(Some(&s.token), "supplier_answer_complaint", &[("id", &open.to_string()), ("answer", "ещё")]).await;
    assert_eq!(again.error_code().as_deref(), Some("already_answered"));
    let too_late = app
        .call(Some(&s.token), "supplier_answer_complaint", &[("id", &late.to_string()), ("answer", "Извините")])
        .await;
    assert_eq!(too_late.error_code().as_deref(), Some("complaint_deadline_passed"));
});

both!(the_scorecard_counts_delivery_on_time_and_a_review_gets_one_public_reply, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let other = supplier(&app, "other@medtech.kz", 8, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let on_time = confirm(
        &app,
        &order(&app, &r, &entitlement(&app, r.id, "walker", 1).await, &o, 1, DbOrderStatus::Placed).await,
        Utc::now(),
    )
    .await;
    let late = order(&app, &r, &entitlement(&app, r.id, "walker", 1).await, &o, 1, DbOrderStatus::Delivered).await;
    let mut am: server::entities::orders::ActiveModel = late.into();
    am.deliver_by = Set(Some(Utc::now() - Duration::days(5)));
    am.delivered_at = Set(Some(Utc::now() - Duration::days(1)));
    am.update(&app.db).await.unwrap();
    let review = reviews::ActiveModel {
        order_id: Set(on_time.id),
        offering_id: Set(o.id),
        recipient_id: Set(r.id),
        rating: Set(4),
        body: Set("Удобные ходунки".into()),
        reply: Set(None),
        replied_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let card = app.call(Some(&s.token), "supplier_scorecard", &[]).await;
    assert_eq!(card.status, StatusCode::OK, "{}", card.body);
    assert_eq!(
        (card.body["delivered"].as_u64(), card.body["on_time_percent"].as_u64(), card.body["rating_x100"].as_i64()),
        (Some(2), Some(50), Some(400))
    );
    let id = review.id.to_string();
    assert_eq!(
        app.call(Some(&other.token), "supplier_reply_review", &[("id", &id), ("reply", "чужой")]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.call(Some(&other.token), "supplier_review", &[("id", &id)]).await.status, StatusCode::NOT_FOUND);
    let ok = app.call(Some(&s.token), "supplier_reply_review", &[("id", &id), ("reply", "Спасибо за отзыв!")]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let twice = app.call(Some(&s.token), "supplier_reply_review", &[("id", &id), ("reply", "Ещё раз спасибо")]).await;
    assert_eq!(twice.error_code().as_deref(), Some("already_replied"));
    assert_eq!(
        reviews::Entity::find_by_id(review.id).one(&app.db).await.unwrap().unwrap().reply.as_deref(),
        Some("Спасибо за отзыв!")
    );
});
