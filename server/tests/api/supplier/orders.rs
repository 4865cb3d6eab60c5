//! Orders as the supplier handles them: capacity on acceptance, rejection giving the
//! entitlement back, fulfilment on the recipient's timeline, sessions, and isolation.
use crate::both;
use crate::fixtures::supplier::*;
use crate::fixtures::{entitlement, offering, order, recipient, supplier};
use crate::helpers::TestApp;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde_json::json;
use server::entities::enums::{DbOrderStatus, DbSupplierStatus};
use server::entities::{entitlements, notifications, offering_slots, offerings, order_events, orders};

both!(accepting_goods_takes_them_from_stock_and_never_beyond_it, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    set_capacity(&app, &o, Some(2)).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 5).await;
    let first = order(&app, &r, &e, &o, 2, DbOrderStatus::Placed).await;
    let e = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
    let second = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let a = app.call(Some(&s.token), "supplier_accept_order", &[("id", &first.id.to_string())]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap().capacity, Some(0));
    let b = app.call(Some(&s.token), "supplier_accept_order", &[("id", &second.id.to_string())]).await;
    assert_eq!(b.error_code().as_deref(), Some("not_enough_stock"));
    assert_eq!(reload_order(&app, second.id).await.status, DbOrderStatus::Placed);
    let accepted = reload_order(&app, first.id).await;
    assert!(accepted.deliver_by.is_some() && accepted.accepted_at.is_some());
    // Rejecting an accepted order puts its goods back in stock.
    let rej = app
        .call(
            Some(&s.token),
            "supplier_reject_order",
            &[("id", &first.id.to_string()), ("reason", "Нет нужного размера")],
        )
        .await;
    assert_eq!(rej.status, StatusCode::OK, "{}", rej.body);
    assert_eq!(offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap().capacity, Some(2));
});

both!(no_more_sanatorium_places_are_accepted_than_a_date_has, |app: TestApp| async move {
    let s = supplier(&app, "kurort@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "sanatorium_course", 30_000_000, &["ALA"]).await;
    let arrival = Utc::now().date_naive() + Duration::days(20);
    offering_slots::ActiveModel {
        offering_id: Set(o.id),
        starts_on: Set(arrival),
        places: Set(1),
        taken: Set(1),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut ids = Vec::new();
    for (email, serial) in [("a@mail.kz", 77), ("b@mail.kz", 78)] {
        let r = recipient(&app, email, serial).await;
        let e = entitlement(&app, r.id, "sanatorium_course", 1).await;
        let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
        set_details(&app, &placed, json!({ "arrival": arrival, "days": 14 })).await;
        ids.push(placed.id.to_string());
    }
    let first = app.call(Some(&s.token), "supplier_accept_order", &[("id", &ids[0])]).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let second = app.call(Some(&s.token), "supplier_accept_order", &[("id", &ids[1])]).await;
    assert_eq!(second.error_code().as_deref(), Some("no_places"));
    // Rejecting the second gives its reserved place back on the date.
    app.call(Some(&s.token), "supplier_reject_order", &[("id", &ids[1]), ("reason", "Мест нет")]).await;
    assert_eq!(offering_slots::Entity::find().one(&app.db).await.unwrap().unwrap().taken, 0);
});

both!(assistant_hours_stay_within_the_weekly_capacity, |app: TestApp| async move {
    let s = supplier(&app, "help@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "assistant_hour", 140_000, &["ALA"]).await;
    set_capacity(&app, &o, Some(10)).await;
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let mut orders = Vec::new();
    for (n, per_day) in [4, 2].iter().enumerate() {
        let r = recipient(&app, &format!("r{n}@mail.kz"), 72 + n as u16).await;
        let e = entitlement(&app, r.id, "assistant_hour", 960).await;
        let placed = order(&app, &r, &e, &o, per_day * 2 * 4, DbOrderStatus::Placed).await;
        let details = json!({ "start_date": monday, "weeks": 4, "schedule": { "mon": per_day, "thu": per_day } });
        orders.push(set_details(&app, &placed, details).await);
    }
    // 8 hours a week fit into 10; another 4 would make 12.
    let a = app.call(Some(&s.token), "supplier_accept_order", &[("id", &orders[0].id.to_string())]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let b = app.call(Some(&s.token), "supplier_accept_order", &[("id", &orders[1].id.to_string())]).await;
    assert_eq!(b.error_code().as_deref(), Some("over_weekly_capacity"));
    // Sessions: not in the future, at most 8 hours a day, never past the weekly capacity.
    let mut am: server::entities::orders::ActiveModel = reload_order(&app, orders[0].id).await.into();
    am.accepted_at = Set(Some(Utc::now() - Duration::days(30)));
    am.update(&app.db).await.unwrap();
    let id = orders[0].id.to_string();
    let today = Utc::now().date_naive();
    let last_monday = server::services::supplier::capacity::monday(today) - Duration::days(7);
    let record = |date: chrono::NaiveDate, hours: &'static str| {
        let (id, token, app) = (id.clone(), s.token.clone(), &app);
        async move {
            app.call(
                Some(&token),
                "supplier_record_session",
                &[("id", id.as_str()), ("session_date", date.to_string().as_str()), ("hours", hours)],
            )
            .await
        }
    };
    assert_eq!(
        record(today + Duration::days(2), "4").await.field_error("session_date").as_deref(),
        Some("date_in_future")
    );
    assert_eq!(record(last_monday, "9").await.field_error("hours").as_deref(), Some("hours_out_of_range"));
    let done = record(last_monday, "6").await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(record(last_monday, "3").await.field_error("hours").as_deref(), Some("over_8_hours_a_day"));
    assert_eq!(
        record(last_monday + Duration::days(1), "5").await.field_error("hours").as_deref(),
        Some("over_weekly_capacity")
    );
    assert_eq!(
        record(last_monday + Duration::days(1), "4").await.status,
        StatusCode::OK,
        "exactly the weekly capacity"
    );
    let early = app.call(Some(&s.token), "supplier_mark_order", &[("id", id.as_str()), ("step", "rendered")]).await;
    assert_eq!(early.error_code().as_deref(), Some("hours_not_all_rendered"));
    let events = order_events::Entity::find()
        .filter(order_events::Column::OrderId.eq(orders[0].id))
        .order_by_asc(order_events::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    assert!(
        events.iter().any(|e| e.note.as_deref() == Some(&format!("session:{last_monday}:6"))),
        "the session is on the recipient's timeline"
    );
});

both!(rejecting_needs_a_reason_and_gives_the_recipient_the_entitlement_back, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 1).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    assert_eq!(entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap().quantity_remaining, 0);
    let id = placed.id.to_string();
    let bare = app.call(Some(&s.token), "supplier_reject_order", &[("id", &id), ("reason", "  ")]).await;
    assert_eq!(bare.field_error("reason").as_deref(), Some("required"));
    let done = app
        .call(Some(&s.token), "supplier_reject_order", &[("id", &id), ("reason", "Модель снята с производства")])
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(reload_order(&app, placed.id).await.status, DbOrderStatus::Rejected);
    assert_eq!(
        entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap().quantity_remaining,
        1,
        "the entitlement is back"
    );
    let last = order_events::Entity::find()
        .filter(order_events::Column::OrderId.eq(placed.id))
        .order_by_desc(order_events::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((last.status, last.note.as_deref()), (DbOrderStatus::Rejected, Some("Модель снята с производства")));
    let told = notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(r.account_id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].params["status"], "rejected");
    let twice = app.call(Some(&s.token), "supplier_reject_order", &[("id", &id), ("reason", "ещё раз")]).await;
    assert_eq!(twice.error_code().as_deref(), Some("cannot_reject_now"));
    assert_eq!(
        entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap().quantity_remaining,
        1,
        "never given back twice"
    );
});

both!(fulfilling_goods_shows_each_step_on_the_recipients_timeline, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 1).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let id = placed.id.to_string();
    let view = app.call(Some(&s.token), "supplier_order", &[("id", &id)]).await;
    assert_eq!(view.body["actions"], json!(["accept", "reject"]));
    let date = (Utc::now().date_naive() + Duration::days(3)).to_string();
    let t = Some(s.token.as_str());
    for (function, args) in [
        ("supplier_accept_order", vec![("id", id.as_str())]),
        ("supplier_schedule_order", vec![("id", id.as_str()), ("scheduled_for", date.as_str())]),
        ("supplier_mark_order", vec![("id", id.as_str()), ("step", "shipped")]),
        ("supplier_mark_order", vec![("id", id.as_str()), ("step", "delivered")]),
    ] {
        let a = app.call(t, function, &args).await;
        assert_eq!(a.status, StatusCode::OK, "{function}: {}", a.body);
    }
    let statuses: Vec<DbOrderStatus> = order_events::Entity::find()
        .filter(order_events::Column::OrderId.eq(placed.id))
        .order_by_asc(order_events::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.status)
        .collect();
    assert_eq!(
        statuses,
        vec![
            DbOrderStatus::Placed,
            DbOrderStatus::Accepted,
            DbOrderStatus::Scheduled,
            DbOrderStatus::InDelivery,
            DbOrderStatus::Delivered
        ]
    );
    let told = notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(r.account_id))
        .all(&app.db)
        .await
        .unwrap()
        .len();
    assert_eq!(told, 4, "the recipient is told of every step");
    let view = app.call(Some(&s.token), "supplier_order", &[("id", &id)]).await;
    assert_eq!(view.body["status"], "delivered");
    assert_eq!(view.body["actions"], json!([]));
    let note = view.body["events"][2]["note"].as_str().unwrap_or_default().to_owned();
    assert!(note.contains(&date) && !note.starts_with("scheduled:"), "notes read as words: {note}");
    let rendered = app.call(t, "supplier_mark_order", &[("id", &id), ("step", "rendered")]).await;
    assert_eq!(rendered.error_code().as_deref(), Some("cannot_mark_now"));
    // The planned day is kept beside what the person asked for, and both sides read it.
    let stored = orders::Entity::find_by_id(placed.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(stored.details.0.scheduled_for.map(|d| d.to_string()), Some(date.clone()));
    assert!(view.body["details"].as_array().unwrap().contains(&json!(["supplier-detail-scheduled", date])));
    let mine = app.call(Some(&r.token), "order_get", &[("id", &id)]).await;
    assert!(
        mine.body["details"].as_array().unwrap().contains(&json!(["order-detail-scheduled", date])),
        "{}",
        mine.body
    );
});

both!(an_order_whose_stored_details_do_not_read_is_an_error_not_a_guess, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 1).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    // A session recorded with a date in another format, written around the portal.
    let odd = json!({ "address": "Абая 1", "rendered": [{ "date": "01.12.2026", "hours": 4 }] });
    orders::Entity::update_many()
        .col_expr(orders::Column::Details, sea_orm::sea_query::Expr::value(odd))
        .filter(orders::Column::Id.eq(placed.id))
        .exec(&app.db)
        .await
        .unwrap();
    let id = placed.id.to_string();
    let view = app.call(Some(&s.token), "supplier_order", &[("id", &id)]).await;
    assert_eq!(view.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", view.body);
    let accept = app.call(Some(&s.token), "supplier_accept_order", &[("id", &id)]).await;
    assert_eq!(accept.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", accept.body);
    let mine = app.call(Some(&r.token), "order_get", &[("id", &id)]).await;
    assert_eq!(mine.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", mine.body);
    let unchanged = orders::Entity::find().filter(orders::Column::Id.eq(placed.id)).into_json().one(&app.db).await;
    assert_eq!(unchanged.unwrap().unwrap()["status"], "placed", "nothing was changed on a guess");
});

both!(a_supplier_cannot_see_or_change_another_suppliers_orders_or_complaints, |app: TestApp| async move {
    let owner = supplier(&app, "owner@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let other = supplier(&app, "other@medtech.kz", 8, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, owner.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 1).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let complaint = add_complaint(&app, &placed, Utc::now() + Duration::days(5)).await;
    let id = placed.id.to_string();
    let t = Some(other.token.as_str());
    for (function, args) in [
        ("supplier_order", vec![("id", id.as_str())]),
        ("supplier_accept_order", vec![("id", id.as_str())]),
        ("supplier_reject_order", vec![("id", id.as_str()), ("reason", "чужой")]),
        ("supplier_mark_order", vec![("id", id.as_str()), ("step", "delivered")]),
        ("supplier_record_session", vec![("id", id.as_str()), ("session_date", "2026-01-01"), ("hours", "1")]),
    ] {
        let a = app.call(t, function, &args).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{function}: {}", a.body);
    }
    let c = complaint.to_string();
    assert_eq!(app.call(t, "supplier_complaint", &[("id", &c)]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.call(t, "supplier_answer_complaint", &[("id", &c), ("answer", "не наше")]).await.status,
        StatusCode::NOT_FOUND
    );
    let inbox = app.call(t, "supplier_inbox", &[("status", "all"), ("deadline", "")]).await;
    assert_eq!(inbox.body["rows"], json!([]));
    assert_eq!(reload_order(&app, placed.id).await.status, DbOrderStatus::Placed);
    let recipient_try = app.call(Some(&r.token), "supplier_order", &[("id", &id)]).await;
    assert_eq!(recipient_try.status, StatusCode::FORBIDDEN);
});

both!(the_inbox_puts_overdue_orders_first_and_filters_by_deadline, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 10).await;
    let mut ids = Vec::new();
    for days in [5i64, -2, 1] {
        let e = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
        let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
        let mut am: server::entities::orders::ActiveModel = placed.clone().into();
        am.accept_by = Set(Utc::now() + Duration::days(days));
        am.update(&app.db).await.unwrap();
        ids.push(placed.id);
    }
    let inbox = app.call(Some(&s.token), "supplier_inbox", &[("status", ""), ("deadline", "")]).await;
    let order_ids: Vec<i64> =
        inbox.body["rows"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(order_ids, vec![i64::from(ids[1]), i64::from(ids[2]), i64::from(ids[0])]);
    assert!(inbox.body["rows"][0]["due"]["days_left"].as_i64().unwrap() < 0);
    let overdue = app.call(Some(&s.token), "supplier_inbox", &[("status", "placed"), ("deadline", "overdue")]).await;
    assert_eq!(overdue.body["rows"].as_array().unwrap().len(), 1);
    let soon = app.call(Some(&s.token), "supplier_inbox", &[("status", "open"), ("deadline", "soon")]).await;
    assert_eq!(soon.body["rows"].as_array().unwrap().len(), 1);
});
