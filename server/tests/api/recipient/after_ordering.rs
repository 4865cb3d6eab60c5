//! The recipient side after ordering: ownership of every action, representatives, cancelling,
//! confirming, reviews, complaints, the catalogue's filters and notifications.
use crate::both;
use crate::fixtures::*;
use crate::helpers::TestApp;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::entities::enums::*;
use server::entities::{complaints, entitlements, notifications, offerings, orders, representatives, reviews};

async fn set_status(app: &TestApp, order: &orders::Model, status: DbOrderStatus) {
    let mut am: orders::ActiveModel = order.clone().into();
    am.status = Set(status);
    am.update(&app.db).await.unwrap();
}

both!(a_recipient_cannot_see_or_act_on_another_recipients_orders, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let owner = recipient(&app, "owner@x.kz", 1).await;
    let e = entitlement(&app, owner.id, "walker", 2).await;
    let placed = order(&app, &owner, &e, &o, 1, DbOrderStatus::Placed).await;
    let delivered = order(&app, &owner, &e, &o, 1, DbOrderStatus::Delivered).await;
    let intruder = recipient(&app, "intruder@x.kz", 2).await;
    let (p, d) = (placed.id.to_string(), delivered.id.to_string());
    for (function, form) in [
        ("order_get", vec![("id", p.as_str())]),
        ("order_cancel", vec![("order", p.as_str())]),
        ("order_receive", vec![("order", d.as_str())]),
        ("order_report", vec![("order", d.as_str()), ("problem", "Не тот размер")]),
        ("order_review", vec![("order", d.as_str()), ("rating", "1"), ("review", "Плохо")]),
    ] {
        let a = app.call(Some(&intruder.token), function, &form).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{function}: {}", a.body);
    }
    let list = app.call(Some(&intruder.token), "orders_list", &[]).await;
    assert_eq!(list.body["orders"].as_array().unwrap().len(), 0);
    let ents = app.call(Some(&intruder.token), "entitlements_list", &[]).await;
    assert_eq!(ents.body["current"].as_array().unwrap().len(), 0);
    // Nothing changed.
    let after = orders::Entity::find_by_id(placed.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(after.status, DbOrderStatus::Placed);
    assert!(complaints::Entity::find().all(&app.db).await.unwrap().is_empty());
    // A supplier or a visitor cannot use these either.
    assert_eq!(app.call(Some(&s.token), "order_get", &[("id", &p)]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.call(None, "order_get", &[("id", &p)]).await.status, StatusCode::UNAUTHORIZED);
});

both!(cancelling_before_acceptance_restores_the_entitlement, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 2).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let e_now = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
    let accepted = order(&app, &r, &e_now, &o, 1, DbOrderStatus::Accepted).await;
    let a = app.call(Some(&r.token), "order_cancel", &[("order", &placed.id.to_string())]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap().quantity_remaining, 1);
    let view = app.call(Some(&r.token), "order_get", &[("id", &placed.id.to_string())]).await;
    assert_eq!(view.body["status"], "cancelled");
    assert_eq!(view.body["events"].as_array().unwrap().len(), 2);
    assert!(notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(s.account_id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .any(|n| n.kind == "order_status"));
    // After acceptance it is too late to cancel.
    let late = app.call(Some(&r.token), "order_cancel", &[("order", &accepted.id.to_string())]).await;
    assert_eq!(late.error_code().as_deref(), Some("cannot_cancel_now"));
    // Cancelling twice does not give the quantity back twice.
    app.call(Some(&r.token), "order_cancel", &[("order", &placed.id.to_string())]).await;
    assert_eq!(entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap().quantity_remaining, 1);
});

both!(confirming_receipt_allows_one_review_and_a_problem_opens_a_complaint, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 3).await;
    let first = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let id = first.id.to_string();
    // No review before the order is confirmed.
    let early =
        app.call(Some(&r.token), "order_review", &[("order", &id), ("rating", "5"), ("review", "Отлично")]).await;
    assert_eq!(early.error_code().as_deref(), Some("review_needs_confirmed_order"));
    set_status(&app, &first, DbOrderStatus::Delivered).await;
    let ok = app.call(Some(&r.token), "order_receive", &[("order", &id)]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let bad = app.call(Some(&r.token), "order_review", &[("order", &id), ("rating", "7"), ("review", "")]).await;
    assert_eq!(bad.field_error("rating").as_deref(), Some("rating_out_of_range"));
    assert_eq!(bad.field_error("review").as_deref(), Some("required"));
    let good = app
        .call(Some(&r.token), "order_review", &[("order", &id), ("rating", "4"), ("review", "Привезли вовремя")])
        .await;
    assert_eq!(good.status, StatusCode::OK, "{}", good.body);
    let again =
        app.call(Some(&r.token), "order_review", &[("order", &id), ("rating", "1"), ("review", "Ещё раз")]).await;
    assert_eq!(again.error_code().as_deref(), Some("already_reviewed"));
    assert_eq!(reviews::Entity::find().all(&app.db).await.unwrap().len(), 1);
    let offer = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!((offer.rating_avg_x100, offer.review_count), (400, 1));
    // A second delivery with a problem: a complaint with a deadline, the supplier told.
    let e_now = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
    let second = order(&app, &r, &e_now, &o, 1, DbOrderStatus::Delivered).await;
    let rep = app
        .call(Some(&r.token), "order_report", &[("order", &second.id.to_string()), ("problem", "Колесо сломано")])
        .await;
    assert_eq!(rep.status, StatusCode::OK, "{}", rep.body);
    let c = complaints::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(c.status, DbComplaintStatus::Open);
    assert!(c.due_at > chrono::Utc::now() + chrono::Duration::days(7));
    let view = app.call(Some(&r.token), "order_get", &[("id", &second.id.to_string())]).await;
    assert_eq!(view.body["complaints"][0]["body"], "Колесо сломано");
    assert!(notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(s.account_id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .any(|n| n.kind == "complaint_opened"));
});

both!(a_representative_acts_only_for_the_people_they_represent, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "hearing_aid", 1_000_000, &["ALA"]).await;
    let child = recipient(&app, "child@x.kz", 1).await;
    let stranger = recipient(&app, "stranger@x.kz", 2).await;
    let e = entitlement(&app, child.id, "hearing_aid", 2).await;
    let strangers = entitlement(&app, stranger.id, "hearing_aid", 2).await;
    // A parent account linked to the child.
    let parent_token = app.sign_up_recipient("parent@x.kz", &crate::helpers::iin("800101", 4, 9)).await;
    let parent = server::entities::accounts::Entity::find()
        .filter(server::entities::accounts::Column::Email.eq("parent@x.kz"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut am: server::entities::accounts::ActiveModel = parent.clone().into();
    am.role = Set(DbRole::Representative);
    am.update(&app.db).await.unwrap();
    representatives::ActiveModel {
        account_id: Set(parent.id),
        recipient_id: Set(child.id),
        basis: Set("parent".into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let list = app.call(Some(&parent_token), "entitlements_list", &[("for_recipient", &child.id.to_string())]).await;
    assert_eq!(list.body["acting_for"]["current"]["id"], child.id);
    assert_eq!(list.body["current"].as_array().unwrap().len(), 1);
    let refused =
        app.call(Some(&parent_token), "entitlements_list", &[("for_recipient", &stranger.id.to_string())]).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    // Ordering for the stranger, or with the stranger's entitlement, is refused.
    let oid = o.id.to_string();
    let a = app
        .call(
            Some(&parent_token),
            "order_save",
            &[
                ("offering", &oid),
                ("for_recipient", &stranger.id.to_string()),
                ("entitlement", &strangers.id.to_string()),
                ("quantity", "1"),
                ("address", "ул. 1"),
                ("region", "ALA"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    let a = app
        .call(
            Some(&parent_token),
            "order_save",
            &[
                ("offering", &oid),
                ("for_recipient", &child.id.to_string()),
                ("entitlement", &strangers.id.to_string()),
                ("quantity", "1"),
                ("address", "ул. 1"),
                ("region", "ALA"),
            ],
        )
        .await;
    assert_eq!(a.field_error("entitlement").as_deref(), Some("entitlement_not_available"));
    // For the child: recorded as placed by the representative for the child.
    let for_child = child.id.to_string();
    let a = app
        .call(
            Some(&parent_token),
            "order_save",
            &[
                ("offering", &oid),
                ("for_recipient", &for_child),
                ("entitlement", &e.id.to_string()),
                ("quantity", "1"),
                ("address", "ул. 1"),
                ("region", "ALA"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let check =
        app.call(Some(&parent_token), "order_check", &[("offering", &oid), ("for_recipient", &for_child)]).await;
    let key = check.body["idempotency_key"].as_str().unwrap().to_owned();
    let terms = check.body["terms"].as_str().unwrap().to_owned();
    let c = app
        .call(
            Some(&parent_token),
            "order_confirm",
            &[("offering", &oid), ("for_recipient", &for_child), ("key", &key), ("terms", &terms)],
        )
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.body);
    let placed = orders::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!((placed.recipient_id, placed.placed_by, placed.on_behalf), (child.id, parent.id, true));
    let view = app.call(Some(&child.token), "order_get", &[("id", &placed.id.to_string())]).await;
    assert_eq!(view.body["placed_by_representative"], "Жумабаева Асель Маратовна");
});

both!(the_catalogue_shows_only_what_may_be_ordered_and_filters_it, |app: TestApp| async move {
    let approved = supplier(&app, "a@x.kz", 1, DbSupplierStatus::Approved, &["ALA", "AST"]).await;
    let pending = supplier(&app, "p@x.kz", 2, DbSupplierStatus::Pending, &["ALA"]).await;
    let ceiling = ceiling(&app, "wheelchair_manual").await;
    let cheap = offering(&app, approved.id, "wheelchair_manual", ceiling - 100_000, &["ALA"]).await;
    let dear = offering(&app, approved.id, "wheelchair_manual", ceiling + 100_000, &["AST"]).await;
    offering(&app, pending.id, "wheelchair_manual", 100_000, &["ALA"]).await;
    let withdrawn = offering(&app, approved.id, "wheelchair_manual", 100_000, &["ALA"]).await;
    let mut am: offerings::ActiveModel = withdrawn.into();
    am.status = Set(DbOfferingStatus::Withdrawn);
    am.update(&app.db).await.unwrap();
    let mut am: offerings::ActiveModel = dear.clone().into();
    am.params = Set(serde_json::json!({ "seat_width_cm": 48, "frame": "aluminium" }));
    am.update(&app.db).await.unwrap();
    let search = |q: serde_json::Value| {
        let app = &app;
        async move { app.call_json(None, "catalogue_search", serde_json::json!({ "query": q })).await.body }
    };
    let all = search(serde_json::json!({ "region": "all" })).await;
    assert_eq!(all["total"], 2, "{all}");
    let in_ala = search(serde_json::json!({ "region": "ALA" })).await;
    assert_eq!(in_ala["results"][0]["id"], cheap.id);
    assert_eq!(in_ala["total"], 1);
    let no_copay = search(serde_json::json!({ "region": "all", "no_copay": true })).await;
    assert_eq!(no_copay["total"], 1);
    assert_eq!(no_copay["results"][0]["copay"], 0);
    let dear_first = search(serde_json::json!({ "region": "all", "sort": "price_desc" })).await;
    assert_eq!(dear_first["results"][0]["id"], dear.id);
    assert_eq!(dear_first["results"][0]["copay"], 100_000);
    let wide = search(serde_json::json!({ "region": "all", "item_type": "wheelchair_manual", "params": [["seat_width_cm_min", "46"], ["frame", "aluminium"]] })).await;
    assert_eq!(wide["total"], 1);
    assert_eq!(wide["results"][0]["id"], dear.id);
    let words = search(serde_json::json!({ "region": "all", "q": "КОЛЯСКА тест" })).await;
    assert_eq!(words["total"], 2, "search ignores case, Cyrillic included");
    let nothing = search(serde_json::json!({ "region": "all", "q": "экзоскелет" })).await;
    assert_eq!(nothing["total"], 0);
    let priced =
        search(serde_json::json!({ "region": "all", "price_max": format!("{}", (ceiling - 50_000) / 100) })).await;
    assert_eq!(priced["total"], 1);
    // A recipient sees their own region by default, and whether each result serves it.
    let r = recipient(&app, "r@x.kz", 1).await;
    let mine = app.call_json(Some(&r.token), "catalogue_search", serde_json::json!({ "query": {} })).await.body;
    assert_eq!(mine["query"]["region"], "ALA");
    assert_eq!(mine["results"][0]["serves_my_region"], true);
    // Hidden offerings cannot be opened either.
    let hidden = app.call(None, "offering_get", &[("id", &(cheap.id + 2).to_string())]).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let page = app.call(None, "offering_get", &[("id", &cheap.id.to_string())]).await;
    assert_eq!(page.body["supplier"]["name"], "ТОО «Медтехника»");
    assert_eq!(page.body["can_order"], false);
});

both!(notifications_tell_the_recipient_of_each_status_change, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 2).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let supplier_actor = app::ports::Actor {
        account_id: s.account_id,
        role: app::domain::Role::Supplier,
        display_name: "S".into(),
        session_id: "x".into(),
        staff_region: None,
        unread: 0,
    };
    server::services::order_flow::transition(
        &app.db,
        &placed,
        DbOrderStatus::Accepted,
        Some(&supplier_actor),
        None,
        30,
        "http://localhost",
    )
    .await
    .unwrap();
    let list = app.call(Some(&r.token), "notifications_list", &[]).await;
    assert_eq!(list.body["items"][0]["kind"], "order_status");
    assert_eq!(list.body["items"][0]["unread"], true);
    assert!(list.body["items"][0]["args"].as_array().unwrap().iter().any(|a| a[0] == "status" && a[1] == "accepted"));
    let read = app.call(Some(&r.token), "notifications_read", &[]).await;
    assert_eq!(read.status, StatusCode::OK);
    let list = app.call(Some(&r.token), "notifications_list", &[]).await;
    assert_eq!(list.body["items"][0]["unread"], false);
    let view = app.call(Some(&r.token), "order_get", &[("id", &placed.id.to_string())]).await;
    assert!(view.body["deliver_by"].is_string(), "a delivery deadline once accepted");
});
