//! Ordering: the backend enforces every rule, whatever the form says.
use crate::both;
use crate::fixtures::*;
use crate::helpers::TestApp;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::enums::*;
use server::entities::{entitlements, offerings, orders};

/// Saves the order form; returns the answer.
async fn save(app: &TestApp, token: &str, fields: &[(&str, &str)]) -> crate::helpers::Answer {
    app.call(Some(token), "order_save", fields).await
}

fn tomorrow_plus(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

both!(ordering_above_the_ceiling_shows_the_copay_and_spends_the_entitlement_once, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let ceiling = ceiling(&app, "wheelchair_manual").await;
    let o = offering(&app, s.id, "wheelchair_manual", ceiling + 2_500_000, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "wheelchair_manual", 1).await;
    let oid = o.id.to_string();
    let eid = e.id.to_string();
    let a = save(
        &app,
        &r.token,
        &[("offering", &oid), ("entitlement", &eid), ("quantity", "1"), ("address", "ул. Абая 1"), ("region", "ALA")],
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    let split = &check.body["split"];
    assert_eq!(split["total"], ceiling + 2_500_000);
    assert_eq!(split["state_share"], ceiling);
    assert_eq!(split["copay"], 2_500_000, "25,000 ₸ above the ceiling is the recipient's share");
    let key = check.body["idempotency_key"].as_str().unwrap().to_owned();
    let terms = check.body["terms"].as_str().unwrap().to_owned();
    // Double click, reload, retry: the same key places one order.
    for _ in 0..3 {
        let c = app
            .call(
                Some(&r.token),
                "order_confirm",
                &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &terms)],
            )
            .await;
        assert_eq!(c.status, StatusCode::OK, "{}", c.body);
    }
    let placed = orders::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].copay_tiyn, 2_500_000);
    assert_eq!(placed[0].ceiling_tiyn, ceiling);
    assert!(placed[0].number.starts_with("SSP-"));
    let e = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(e.quantity_remaining, 0);
    // The supplier was told.
    let note = server::entities::notifications::Entity::find().all(&app.db).await.unwrap();
    assert!(note.iter().any(|n| n.account_id == s.account_id && n.kind == "order_placed"));
    // A later price change does not touch the order (snapshot).
    let mut am: offerings::ActiveModel = o.into();
    am.price_tiyn = Set(1_000);
    am.update(&app.db).await.unwrap();
    let view = app.call(Some(&r.token), "order_get", &[("id", &placed[0].id.to_string())]).await;
    assert_eq!(view.body["unit_price"], ceiling + 2_500_000);
});

both!(copay_is_zero_at_and_below_the_ceiling, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let ceiling = ceiling(&app, "crutches").await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "crutches", 4).await;
    for (price, qty) in [(ceiling, "1"), (ceiling - 10_000, "2")] {
        let o = offering(&app, s.id, "crutches", price, &["ALA"]).await;
        let (oid, eid) = (o.id.to_string(), e.id.to_string());
        save(
            &app,
            &r.token,
            &[
                ("offering", &oid),
                ("entitlement", &eid),
                ("quantity", qty),
                ("address", "ул. Абая 1"),
                ("region", "ALA"),
            ],
        )
        .await;
        let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
        let q: i64 = qty.parse().unwrap();
        assert_eq!(check.body["split"]["copay"], 0);
        assert_eq!(check.body["split"]["state_share"], price * q);
    }
});

both!(many_concurrent_orders_never_spend_an_entitlement_twice, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 2).await;
    let mut keys = Vec::new();
    for _ in 0..8 {
        let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
        let (oid, eid) = (o.id.to_string(), e.id.to_string());
        save(
            &app,
            &r.token,
            &[
                ("offering", &oid),
                ("entitlement", &eid),
                ("quantity", "1"),
                ("address", "ул. Абая 1"),
                ("region", "ALA"),
            ],
        )
        .await;
        let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
        keys.push((
            oid,
            check.body["idempotency_key"].as_str().unwrap().to_owned(),
            check.body["terms"].as_str().unwrap().to_owned(),
        ));
    }
    let app = std::sync::Arc::new(app);
    let mut tasks = Vec::new();
    for (oid, key, terms) in keys {
        let (app, token) = (app.clone(), r.token.clone());
        tasks.push(tokio::spawn(async move {
            app.call(
                Some(&token),
                "order_confirm",
                &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &terms)],
            )
            .await
            .status
        }));
    }
    let mut ok = 0;
    for t in tasks {
        if t.await.unwrap() == StatusCode::OK {
            ok += 1;
        }
    }
    assert_eq!(ok, 2, "exactly the two units granted were ordered");
    assert_eq!(orders::Entity::find().all(&app.db).await.unwrap().len(), 2);
    let e = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(e.quantity_remaining, 0);
});

both!(the_form_is_checked_by_the_backend_and_kept_when_refused, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA", "AST"]).await;
    let other = recipient(&app, "other@x.kz", 2).await;
    let theirs = entitlement(&app, other.id, "wheelchair_manual", 1).await;
    let o = offering(&app, s.id, "wheelchair_manual", 100_000, &["AST"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let mine = entitlement(&app, r.id, "wheelchair_manual", 1).await;
    let oid = o.id.to_string();
    // Someone else's entitlement, a region the offering does not serve, too many units.
    let a = save(
        &app,
        &r.token,
        &[
            ("offering", &oid),
            ("entitlement", &theirs.id.to_string()),
            ("quantity", "1"),
            ("address", "ул. Абая 1"),
            ("region", "ALA"),
        ],
    )
    .await;
    assert_eq!(a.field_error("entitlement").as_deref(), Some("entitlement_not_available"));
    assert_eq!(a.field_error("region").as_deref(), Some("region_not_served"));
    let a = save(
        &app,
        &r.token,
        &[
            ("offering", &oid),
            ("entitlement", &mine.id.to_string()),
            ("quantity", "3"),
            ("address", ""),
            ("region", "AST"),
        ],
    )
    .await;
    assert_eq!(a.field_error("quantity").as_deref(), Some("more_than_entitled"));
    assert_eq!(a.field_error("address").as_deref(), Some("required"));
    // What was typed is still there on the question page.
    let start = app.call(Some(&r.token), "order_start", &[("offering", &oid)]).await;
    assert_eq!(start.body["draft"]["quantity"], "3");
    assert_eq!(start.body["draft"]["region"], "AST");
    // Confirming an unchecked draft is refused.
    let key = "not-the-key";
    let c = app.call(Some(&r.token), "order_confirm", &[("offering", &oid), ("for_recipient", ""), ("key", key)]).await;
    assert_ne!(c.status, StatusCode::OK);
    assert!(orders::Entity::find().all(&app.db).await.unwrap().is_empty());
});

both!(no_more_than_eight_hours_a_day_of_assistance_or_interpreting, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let hours = entitlement(&app, r.id, "assistant_hour", 500).await;
    let o = offering(&app, s.id, "assistant_hour", 148_200, &["ALA"]).await;
    let (oid, eid) = (o.id.to_string(), hours.id.to_string());
    let start = tomorrow_plus(3);
    let a = save(
        &app,
        &r.token,
        &[
            ("offering", &oid),
            ("entitlement", &eid),
            ("start_date", &start),
            ("weeks", "2"),
            ("hours_mon", "9"),
            ("hours_tue", "4"),
        ],
    )
    .await;
    assert_eq!(a.field_error("hours_mon").as_deref(), Some("over_8_hours_a_day"));
    let a = save(
        &app,
        &r.token,
        &[
            ("offering", &oid),
            ("entitlement", &eid),
            ("start_date", &start),
            ("weeks", "2"),
            ("hours_mon", "8"),
            ("hours_tue", "4"),
        ],
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
    assert_eq!(check.body["quantity"], 24, "12 hours a week for 2 weeks");
    // Sign language: two sessions on one day adding up to more than 8 hours.
    let sl = entitlement(&app, r.id, "sign_language_hour", 60).await;
    let o2 = offering(&app, s.id, "sign_language_hour", 295_000, &["ALA"]).await;
    let day = tomorrow_plus(5);
    let a = save(
        &app,
        &r.token,
        &[
            ("offering", &o2.id.to_string()),
            ("entitlement", &sl.id.to_string()),
            ("mode", "online"),
            ("s1_date", &day),
            ("s1_time", "09:00"),
            ("s1_hours", "5"),
            ("s2_date", &day),
            ("s2_time", "15:00"),
            ("s2_hours", "4"),
        ],
    )
    .await;
    assert_eq!(a.field_error("s2_hours").as_deref(), Some("over_8_hours_a_day"));
});

both!(an_offering_withdrawn_or_a_supplier_suspended_before_confirming_cannot_be_ordered, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "walker", 2).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let (oid, eid) = (o.id.to_string(), e.id.to_string());
    save(
        &app,
        &r.token,
        &[("offering", &oid), ("entitlement", &eid), ("quantity", "1"), ("address", "ул. Абая 1"), ("region", "ALA")],
    )
    .await;
    let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
    let (key, terms) =
        (check.body["idempotency_key"].as_str().unwrap().to_owned(), check.body["terms"].as_str().unwrap().to_owned());
    let supplier_row = server::entities::suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap();
    let mut am: server::entities::suppliers::ActiveModel = supplier_row.into();
    am.status = Set(DbSupplierStatus::Suspended);
    am.update(&app.db).await.unwrap();
    let c = app
        .call(
            Some(&r.token),
            "order_confirm",
            &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &terms)],
        )
        .await;
    assert_eq!(c.error_code().as_deref(), Some("offering_unavailable"));
    let search = app.call_json(None, "catalogue_search", serde_json::json!({ "query": { "region": "all" } })).await;
    assert_eq!(search.body["total"], 0, "hidden from the catalogue at once");
    assert!(orders::Entity::find().all(&app.db).await.unwrap().is_empty());
});

both!(a_price_raised_between_check_and_confirm_places_nothing_and_shows_the_new_figures, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let ceiling = ceiling(&app, "wheelchair_manual").await;
    let o = offering(&app, s.id, "wheelchair_manual", ceiling - 100_000, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "wheelchair_manual", 1).await;
    let (oid, eid) = (o.id.to_string(), e.id.to_string());
    save(
        &app,
        &r.token,
        &[("offering", &oid), ("entitlement", &eid), ("quantity", "1"), ("address", "ул. Абая 1"), ("region", "ALA")],
    )
    .await;
    let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
    assert_eq!(check.body["split"]["copay"], 0, "no co-payment at the shown price");
    let (key, terms) =
        (check.body["idempotency_key"].as_str().unwrap().to_owned(), check.body["terms"].as_str().unwrap().to_owned());
    // The supplier raises the price far above the guaranteed sum meanwhile.
    let row = server::entities::offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    let mut am: server::entities::offerings::ActiveModel = row.into();
    am.price_tiyn = Set(ceiling + 68_528_100);
    am.update(&app.db).await.unwrap();
    let c = app
        .call(
            Some(&r.token),
            "order_confirm",
            &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &terms)],
        )
        .await;
    assert_eq!(c.error_code().as_deref(), Some("price_changed"), "{}", c.body);
    // Forged or missing figures are refused the same way.
    for forged in ["", "1-1-1-0"] {
        let c = app
            .call(
                Some(&r.token),
                "order_confirm",
                &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", forged)],
            )
            .await;
        assert_eq!(c.error_code().as_deref(), Some("price_changed"));
    }
    assert!(orders::Entity::find().all(&app.db).await.unwrap().is_empty(), "nothing placed");
    let e_now = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(e_now.quantity_remaining, 1, "nothing spent");
    // The check page shows the new figures; confirming them places the order at the new price.
    let again = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
    assert_eq!(again.body["split"]["copay"], 68_528_100);
    let new_terms = again.body["terms"].as_str().unwrap().to_owned();
    assert_ne!(new_terms, terms);
    let c = app
        .call(
            Some(&r.token),
            "order_confirm",
            &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &new_terms)],
        )
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.body);
    let placed = orders::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(placed.copay_tiyn, 68_528_100);
});

both!(
    a_guaranteed_sum_lowered_between_check_and_confirm_shows_the_check_page_again_with_the_reason,
    |app: TestApp| async move {
        let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
        let ceiling = ceiling(&app, "wheelchair_manual").await;
        let o = offering(&app, s.id, "wheelchair_manual", ceiling - 100_000, &["ALA"]).await;
        let r = recipient(&app, "r@x.kz", 1).await;
        let e = entitlement(&app, r.id, "wheelchair_manual", 1).await;
        let (oid, eid) = (o.id.to_string(), e.id.to_string());
        save(
            &app,
            &r.token,
            &[
                ("offering", &oid),
                ("entitlement", &eid),
                ("quantity", "1"),
                ("address", "ул. Абая 1"),
                ("region", "ALA"),
            ],
        )
        .await;
        let check = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
        assert_eq!(check.body["split"]["copay"], 0);
        let (key, terms) = (
            check.body["idempotency_key"].as_str().unwrap().to_owned(),
            check.body["terms"].as_str().unwrap().to_owned(),
        );
        // The ministry lowers the guaranteed sum from today meanwhile: the state now pays less.
        let it = crate::fixtures::item_type(&app, "wheelchair_manual").await;
        server::entities::ceilings::ActiveModel {
            item_type_id: Set(it.id),
            amount_tiyn: Set(ceiling - 300_000),
            valid_from: Set(chrono::Utc::now().date_naive()),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        // Without JavaScript: the form goes back to the check page, which says why.
        let check_page = format!("/order/{oid}/check");
        let res = app
            .post_form(
                Some(&r.token),
                "/api/order_confirm",
                &check_page,
                &[("offering", &oid), ("for_recipient", ""), ("key", &key), ("terms", &terms)],
            )
            .await;
        assert!(res.status().is_redirection(), "{}", res.status());
        let location = res.headers()["location"].to_str().unwrap().trim_start_matches(&app.base).to_owned();
        assert!(location.starts_with(&check_page), "{location}");
        let page = app.get(Some(&r.token), &location).await.text().await.unwrap();
        let reason = [app::domain::Lang::Kk, app::domain::Lang::Ru, app::domain::Lang::En]
            .map(|l| app::i18n::tr(l, "err-price_changed"));
        assert!(reason.iter().any(|t| page.contains(t.as_str())), "the check page says the figures changed");
        assert!(orders::Entity::find().all(&app.db).await.unwrap().is_empty(), "nothing placed");
        let again = app.call(Some(&r.token), "order_check", &[("offering", &oid)]).await;
        assert_eq!(again.body["split"]["copay"], 200_000, "the new co-payment is shown");
    }
);
