//! Long lists are cut by the database: more rows than a page are walked page by page, each
//! row appears exactly once, in a stable order, the total is counted, no answer carries more
//! than a page, a page past the end is the last page, and filters still apply.
use crate::both;
use crate::fixtures::supplier::add_complaint;
use crate::fixtures::{entitlement, offering, order, recipient, supplier};
use crate::helpers::TestApp;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::enums::{DbOfferingStatus, DbOrderStatus, DbSupplierStatus};
use server::entities::{entitlements, notifications, offerings, orders};
use std::collections::HashSet;

/// Rows on a full page.
const PAGE: usize = 25;

/// Calls `function` for every page, checking each page's size and where it stands; returns
/// the ids in the order shown.
async fn walk(app: &TestApp, token: &str, function: &str, args: &[(&str, &str)], rows: &str, total: usize) -> Vec<i64> {
    walk_lists(app, token, function, args, &[rows], total).await
}

/// As [`walk`], for an answer that shows one page in several lists (`lists`, in their order).
async fn walk_lists(
    app: &TestApp,
    token: &str,
    function: &str,
    args: &[(&str, &str)],
    lists: &[&str],
    total: usize,
) -> Vec<i64> {
    let ids = |body: &serde_json::Value| -> Option<Vec<i64>> {
        let mut out = Vec::new();
        for key in lists {
            out.extend(body[*key].as_array()?.iter().map(|r| r["id"].as_i64().unwrap_or_default()));
        }
        Some(out)
    };
    let pages = total.div_ceil(PAGE).max(1);
    let mut seen = Vec::new();
    for p in 1..=pages {
        let page = p.to_string();
        let mut form = args.to_vec();
        form.push(("page", &page));
        let a = app.call(Some(token), function, &form).await;
        assert_eq!(a.status, StatusCode::OK, "{function} page {p}: {}", a.body);
        let list = ids(&a.body).unwrap_or_else(|| panic!("{function}: {}", a.body));
        let expected = if p < pages { PAGE } else { total - PAGE * (pages - 1) };
        assert_eq!(list.len(), expected, "{function} page {p} holds a page of rows, never more");
        assert_eq!(a.body["page"]["page"].as_u64(), Some(p as u64), "{function}");
        assert_eq!(a.body["page"]["pages"].as_u64(), Some(pages as u64), "{function}");
        assert_eq!(a.body["page"]["total"].as_u64(), Some(total as u64), "{function} counts every row");
        seen.extend(list);
    }
    let unique: HashSet<i64> = seen.iter().copied().collect();
    assert_eq!(unique.len(), seen.len(), "{function}: no row on two pages");
    // A page past the end is the last page; a second walk gives the same order.
    let mut form = args.to_vec();
    form.push(("page", "9999"));
    let past = app.call(Some(token), function, &form).await;
    assert_eq!(past.status, StatusCode::OK, "{function} past the end");
    assert_eq!(past.body["page"]["page"].as_u64(), Some(pages as u64), "{function} past the end is the last page");
    let last: Vec<i64> = ids(&past.body).unwrap_or_default();
    assert_eq!(last, seen[PAGE * (pages - 1)..].to_vec(), "{function}: the order is stable");
    seen
}

both!(my_orders_come_a_page_at_a_time_newest_first_each_once, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 200).await;
    let mut made = Vec::new();
    for _ in 0..53 {
        made.push(i64::from(order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await.id));
    }
    let seen = walk(&app, &r.token, "orders_list", &[], "orders", 53).await;
    made.reverse();
    assert_eq!(seen, made, "newest first, every order once");
    let first = app.call(Some(&r.token), "orders_list", &[]).await;
    assert_eq!(first.body["page"]["page"], 1, "no page asked for is the first");
    let bad = app.call(Some(&r.token), "orders_list", &[("page", "abc")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "a malformed page is the caller's mistake: {}", bad.body);
    // The page itself: a malformed page is the first, and the pager keeps the address.
    let html = app.get(Some(&r.token), "/orders?page=abc").await;
    assert_eq!(html.status(), StatusCode::OK);
    let html = app.get(Some(&r.token), "/orders?page=2").await.text().await.unwrap_or_default();
    assert!(
        html.contains("href=\"/orders?page=1\"") && html.contains("href=\"/orders?page=3\""),
        "the pager links the neighbours"
    );
});

both!(my_entitlements_come_a_page_at_a_time_those_in_force_first_each_once, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let today = Utc::now().date_naive();
    // 30 in force, ending on shuffled days; 20 ended and 5 not yet begun.
    let mut in_force: Vec<(i64, i64)> = Vec::new();
    let mut others: Vec<(i64, i64)> = Vec::new();
    for i in 0..55i64 {
        let e = entitlement(&app, r.id, "walker", 2).await;
        let (from, to) = match i {
            0..30 => (today - Duration::days(10), today + Duration::days((i * 7) % 30 + 1)),
            30..50 => (today - Duration::days(400), today - Duration::days((i * 3) % 20 + 1)),
            _ => (today + Duration::days(10), today + Duration::days(i * 5)),
        };
        let mut am: entitlements::ActiveModel = e.clone().into();
        am.valid_from = Set(from);
        am.valid_to = Set(to);
        am.update(&app.db).await.unwrap();
        let key = ((to - today).num_days(), i64::from(e.id));
        if i < 30 {
            in_force.push(key)
        } else {
            others.push(key)
        }
    }
    in_force.sort_unstable();
    others.sort_unstable();
    let expected: Vec<i64> = in_force.iter().chain(&others).map(|(_, id)| *id).collect();
    let seen = walk_lists(&app, &r.token, "entitlements_list", &[], &["current", "other"], 55).await;
    assert_eq!(seen, expected, "those in force first, each group the one ending soonest first");
    // A page shows the orders of its own entitlements only.
    let last_in_force =
        entitlements::Entity::find_by_id(i32::try_from(in_force[29].1).unwrap()).one(&app.db).await.unwrap().unwrap();
    let placed = order(&app, &r, &last_in_force, &o, 1, DbOrderStatus::Placed).await;
    let second = app.call(Some(&r.token), "entitlements_list", &[("page", "2")]).await;
    let current = second.body["current"].as_array().unwrap();
    assert_eq!(current.len(), 5, "{}", second.body);
    let with_orders: Vec<(i64, i64)> = current
        .iter()
        .flat_map(|e| {
            e["orders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| (e["id"].as_i64().unwrap_or_default(), o["id"].as_i64().unwrap_or_default()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(with_orders, vec![(in_force[29].1, i64::from(placed.id))]);
    // The page: the pager links the neighbours, and the last page does not claim there is
    // nothing in force.
    let html = app.get(Some(&r.token), "/entitlements?page=2").await.text().await.unwrap_or_default();
    assert!(
        html.contains("href=\"/entitlements?page=1\"") && html.contains("href=\"/entitlements?page=3\""),
        "the pager links the neighbours"
    );
    let last = app.get(Some(&r.token), "/entitlements?page=3").await.text().await.unwrap_or_default();
    assert!(last.contains("/entitlements?page=2"), "page 3 is the last page");
    for none in
        ["You have no valid entitlements", "Сейчас у вас нет действующих прав", "Қазір сізде қолданыстағы құқық жоқ"]
    {
        assert!(!last.contains(none), "page 3 has none in force, but the person has some");
    }
});

both!(notifications_come_a_page_at_a_time_newest_first_each_once, |app: TestApp| async move {
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let mut made = Vec::new();
    for i in 0..30 {
        let n = notifications::ActiveModel {
            account_id: Set(r.account_id),
            kind: Set("order_status".into()),
            order_id: Set(None),
            params: Set(serde_json::json!({ "number": format!("N{i}"), "status": "accepted" })),
            read_at: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        made.push(n.id);
    }
    let seen = walk(&app, &r.token, "notifications_list", &[], "items", 30).await;
    made.reverse();
    assert_eq!(seen, made);
});

both!(the_inbox_is_paged_overdue_first_with_its_filters, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 200).await;
    // 40 orders with deadlines from 10 days ago to 29 days ahead, made in a shuffled order,
    // and 5 delivered ones (no deadline).
    let mut by_deadline: Vec<(i64, i64)> = Vec::new();
    for i in 0..40i64 {
        let days = (i * 7) % 40 - 10;
        let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
        let mut am: orders::ActiveModel = placed.clone().into();
        // Noon on the day, so a run near midnight counts the same days.
        am.accept_by = Set((Utc::now().date_naive() + Duration::days(days)).and_hms_opt(12, 0, 0).unwrap().and_utc());
        am.update(&app.db).await.unwrap();
        by_deadline.push((days, i64::from(placed.id)));
    }
    for _ in 0..5 {
        order(&app, &r, &e, &o, 1, DbOrderStatus::Delivered).await;
    }
    by_deadline.sort_unstable();
    let seen = walk(&app, &s.token, "supplier_inbox", &[("status", "placed"), ("deadline", "")], "rows", 40).await;
    assert_eq!(seen, by_deadline.iter().map(|(_, id)| *id).collect::<Vec<_>>(), "the nearest deadline first");
    // Overdue: 10 days ago to 1 day ago; with the status filter too, and the page count follows.
    let overdue =
        walk(&app, &s.token, "supplier_inbox", &[("status", "open"), ("deadline", "overdue")], "rows", 10).await;
    assert_eq!(overdue, by_deadline.iter().take(10).map(|(_, id)| *id).collect::<Vec<_>>());
    let soon = walk(&app, &s.token, "supplier_inbox", &[("status", "open"), ("deadline", "soon")], "rows", 4).await;
    assert_eq!(soon, by_deadline.iter().skip(10).take(4).map(|(_, id)| *id).collect::<Vec<_>>());
    let all = walk(&app, &s.token, "supplier_inbox", &[("status", "all"), ("deadline", "")], "rows", 45).await;
    assert_eq!(all[..40].to_vec(), seen, "orders with a deadline before those without");
});

both!(the_suppliers_offerings_are_paged_with_counts_by_status, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let mut made = Vec::new();
    for i in 0..32 {
        let o = offering(&app, s.id, "walker", 1_000_000 + i * 100, &["ALA"]).await;
        if i % 4 == 0 {
            let mut am: offerings::ActiveModel = o.clone().into();
            am.status = Set(DbOfferingStatus::Withdrawn);
            am.update(&app.db).await.unwrap();
        }
        made.push((i % 4 == 0, i64::from(o.id)));
    }
    made.reverse();
    let seen = walk(&app, &s.token, "supplier_offerings", &[("status", "")], "offerings", 32).await;
    assert_eq!(seen, made.iter().map(|(_, id)| *id).collect::<Vec<_>>(), "newest first");
    let published = walk(&app, &s.token, "supplier_offerings", &[("status", "published")], "offerings", 24).await;
    assert_eq!(published, made.iter().filter(|(w, _)| !w).map(|(_, id)| *id).collect::<Vec<_>>());
    let first = app.call(Some(&s.token), "supplier_offerings", &[("status", "")]).await;
    let counts: Vec<(String, u64)> = first.body["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c[0].as_str().unwrap_or_default().to_owned(), c[1].as_u64().unwrap_or_default()))
        .collect();
    assert!(counts.contains(&("published".into(), 24)) && counts.contains(&("withdrawn".into(), 8)), "{counts:?}");
});

both!(complaints_are_paged_for_the_supplier_and_for_staff_most_urgent_first, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let r = recipient(&app, "asel@mail.kz", 77).await;
    let e = entitlement(&app, r.id, "walker", 200).await;
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Delivered).await;
    let mut made: Vec<(i64, i64)> = Vec::new();
    for i in 0..27i64 {
        let days = (i * 5) % 27 - 3;
        let id = add_complaint(&app, &placed, Utc::now() + Duration::days(days)).await;
        made.push((days, i64::from(id)));
    }
    made.sort_unstable();
    let expected: Vec<i64> = made.iter().map(|(_, id)| *id).collect();
    let seen = walk(&app, &s.token, "supplier_complaints", &[], "rows", 27).await;
    assert_eq!(seen, expected, "the nearest deadline first");
    let staff = app.staff("staff@enbek.gov.kz", None).await;
    let desk = walk(&app, &staff, "staff_complaints", &[("status", "all")], "rows", 27).await;
    assert_eq!(desk, expected, "overdue first, then the nearest deadline");
});

both!(a_suppliers_offerings_are_paged_on_its_staff_page, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let mut made = Vec::new();
    for i in 0..30 {
        made.push(i64::from(offering(&app, s.id, "walker", 1_000_000 + i * 100, &["ALA"]).await.id));
    }
    let staff = app.staff("staff@enbek.gov.kz", None).await;
    let id = s.id.to_string();
    let seen = walk(&app, &staff, "staff_supplier", &[("id", &id)], "offerings", 30).await;
    assert_eq!(seen, made, "oldest first, each once");
    let html = app.get(Some(&staff), &format!("/staff/suppliers/{id}?page=2")).await.text().await.unwrap_or_default();
    assert!(html.contains(&format!("href=\"/staff/suppliers/{id}?page=1\"")), "the pager links back to the first page");
});

both!(the_supplier_queue_is_paged_with_and_without_a_search, |app: TestApp| async move {
    let mut made = Vec::new();
    for i in 0..27u32 {
        made.push(i64::from(
            supplier(&app, &format!("s{i}@medtech.kz"), 100 + 3 * i, DbSupplierStatus::Pending, &["ALA"]).await.id,
        ));
    }
    let staff = app.staff("staff@enbek.gov.kz", None).await;
    let seen = walk(&app, &staff, "staff_supplier_queue", &[("status", "pending")], "rows", 27).await;
    assert_eq!(seen, made, "the oldest application first");
    // Every test supplier is «Медтехника»: a search in any case matches them all, still a
    // page at a time; one BIN matches one.
    let found = walk(&app, &staff, "staff_supplier_queue", &[("status", "pending"), ("q", "мЕДтех")], "rows", 27).await;
    assert_eq!(found, made);
    let one = walk(
        &app,
        &staff,
        "staff_supplier_queue",
        &[("status", "pending"), ("q", &crate::helpers::bin(115))],
        "rows",
        1,
    )
    .await;
    assert_eq!(one, vec![made[5]]);
});
