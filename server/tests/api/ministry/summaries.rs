//! The summaries the dashboards read, checked against a full recount after random sequences of
//! changes to orders, entitlements, people and complaints.
use super::provision::{at, day, fixture, grant, person, place, Placed};
use crate::both;
use crate::helpers::TestApp;
use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, ModelTrait, QueryFilter, Set};
use server::entities::enums::{DbComplaintStatus, DbOrderStatus};
use server::entities::{complaints, entitlements, offerings, orders, provision_periods, recipients, supplier_scores};
use server::services::ministry::provision::{compute, facts, Period};
use server::services::ministry::provision_summary::{catch_up, figures};
use std::collections::HashMap;

const STATUSES: [DbOrderStatus; 10] = [
    DbOrderStatus::Placed,
    DbOrderStatus::Accepted,
    DbOrderStatus::Scheduled,
    DbOrderStatus::InDelivery,
    DbOrderStatus::Delivered,
    DbOrderStatus::Rendered,
    DbOrderStatus::Confirmed,
    DbOrderStatus::Rejected,
    DbOrderStatus::Cancelled,
    DbOrderStatus::Returned,
];

fn periods() -> [Period; 3] {
    [
        Period { from: day(2025, 1, 1), to: day(2025, 12, 31) },
        Period { from: day(2026, 1, 1), to: day(2026, 3, 31) },
        Period { from: day(2025, 6, 15), to: day(2025, 6, 20) },
    ]
}

/// A moment in 2025 or early 2026, always months before today's date, so "overdue now" cannot
/// change between the summary and the recount.
fn moment(rng: &mut StdRng) -> chrono::DateTime<Utc> {
    at(2025, 1, 1) + Duration::hours(rng.gen_range(0..(24 * 450)))
}

async fn random_change(app: &TestApp, rng: &mut StdRng) {
    let all = orders::Entity::find().all(&app.db).await.unwrap();
    let order = all[rng.gen_range(0..all.len())].clone();
    match rng.gen_range(0..9) {
        0 => {
            let status = STATUSES[rng.gen_range(0..STATUSES.len())];
            let delivered = matches!(
                status,
                DbOrderStatus::Delivered | DbOrderStatus::Rendered | DbOrderStatus::Confirmed | DbOrderStatus::Returned
            );
            let mut m = order.into_active_model();
            m.status = Set(status);
            m.delivered_at = Set(delivered.then(|| moment(rng)));
            m.update(&app.db).await.unwrap();
        }
        1 => {
            let mut m = order.into_active_model();
            m.deliver_by = Set(rng.gen_bool(0.7).then(|| moment(rng)));
            m.accept_by = Set(moment(rng));
            m.update(&app.db).await.unwrap();
        }
        2 => {
            let mut m = order.into_active_model();
            m.state_share_tiyn = Set(rng.gen_range(0..5_000_000));
            m.created_at = Set(moment(rng));
            m.update(&app.db).await.unwrap();
        }
        3 | 4 => {
            let ents = entitlements::Entity::find().all(&app.db).await.unwrap();
            let e = ents[rng.gen_range(0..ents.len())].clone();
            let offer = offerings::Entity::find_by_id(order.offering_id).one(&app.db).await.unwrap().unwrap();
            let status = STATUSES[rng.gen_range(0..STATUSES.len())];
            let delivered = matches!(
                status,
                DbOrderStatus::Delivered | DbOrderStatus::Rendered | DbOrderStatus::Confirmed | DbOrderStatus::Returned
            );
            let created = moment(rng);
            place(
                app,
                &e,
                &offer,
                Placed {
                    status,
                    created,
                    accept_by: created + Duration::days(3),
                    deliver_by: rng.gen_bool(0.5).then(|| created + Duration::days(rng.gen_range(1..60))),
                    delivered: delivered.then(|| created + Duration::days(rng.gen_range(0..90))),
                    state_share: rng.gen_range(0..3_000_000),
                },
            )
            .await;
        }
        5 => {
            if complaints::Entity::find()
                .filter(complaints::Column::OrderId.eq(order.id))
                .one(&app.db)
                .await
                .unwrap()
                .is_none()
            {
                order.delete(&app.db).await.unwrap();
            }
        }
        6 => {
            let people = recipients::Entity::find().all(&app.db).await.unwrap();
            let mut m = people[rng.gen_range(0..people.len())].clone().into_active_model();
            m.region_code = Set([Some("ALA"), Some("AST"), Some("SHY"), None][rng.gen_range(0..4)].map(Into::into));
            m.update(&app.db).await.unwrap();
        }
        7 => {
            let ents = entitlements::Entity::find().all(&app.db).await.unwrap();
            let e = ents[rng.gen_range(0..ents.len())].clone();
            let from = day(2024, 6, 1) + Duration::days(rng.gen_range(0..500));
            let mut m = e.into_active_model();
            m.valid_from = Set(from);
            m.valid_to = Set(from + Duration::days(rng.gen_range(30..400)));
            m.update(&app.db).await.unwrap();
        }
        _ => {
            complaints::ActiveModel {
                order_id: Set(order.id),
                recipient_id: Set(order.recipient_id),
                supplier_id: Set(order.supplier_id),
                region_code: Set("ALA".into()),
                body: Set("Late".into()),
                status: Set(DbComplaintStatus::Open),
                due_at: Set(Utc::now()),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
    }
}

/// Runs the job's round until it is this caller's turn.
async fn job_round(app: &TestApp) -> usize {
    for _ in 0..600 {
        if let Some(n) = catch_up(&app.db, &app.db, "test", Utc::now()).await.unwrap() {
            return n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the job's lease was never free");
}

async fn check_provision(app: &TestApp, round: usize) {
    for period in periods() {
        let (stored, _) = figures(&app.db, &app.db, period, Utc::now()).await.unwrap();
        let (ents, ords) = facts(&app.db, period, None).await.unwrap();
        let recount = compute(&ents, &ords, period, Utc::now());
        assert_eq!(stored, recount, "round {round}, period {period:?}");
    }
}

async fn check_scores(app: &TestApp, round: usize) {
    let mut recount: HashMap<i32, [i64; 6]> = HashMap::new();
    for o in orders::Entity::find().all(&app.db).await.unwrap() {
        let c = recount.entry(o.supplier_id).or_default();
        let kept = o.delivered_at.is_some() && o.status != DbOrderStatus::Returned;
        c[0] += i64::from(kept);
        c[1] += i64::from(kept && (o.deliver_by.is_none() || o.delivered_at <= o.deliver_by));
        c[2] += i64::from(o.delivered_at.is_some());
        c[3] += i64::from(o.delivered_at.is_some() && o.deliver_by.is_some());
        c[4] += i64::from(o.delivered_at.is_some() && o.deliver_by.is_some() && o.delivered_at <= o.deliver_by);
    }
    for c in complaints::Entity::find().all(&app.db).await.unwrap() {
        recount.entry(c.supplier_id).or_default()[5] += 1;
    }
    let stored: HashMap<i32, [i64; 6]> = supplier_scores::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| {
            (s.supplier_id, [s.delivered, s.on_time, s.delivered_any, s.with_deadline, s.met_deadline, s.complaints])
        })
        .filter(|(_, c)| c.iter().any(|v| *v != 0))
        .collect();
    recount.retain(|_, c| c.iter().any(|v| *v != 0));
    assert_eq!(stored, recount, "round {round}: supplier scores");
}

both!(summaries_match_a_full_recount_after_random_changes, |app: TestApp| async move {
    fixture(&app).await;
    for period in periods() {
        figures(&app.db, &app.db, period, Utc::now()).await.unwrap();
    }
    check_provision(&app, 0).await;
    check_scores(&app, 0).await;
    let mut rng = StdRng::seed_from_u64(20261201);
    for round in 1..=6 {
        for _ in 0..12 {
            random_change(&app, &mut rng).await;
        }
        check_scores(&app, round).await;
        job_round(&app).await;
        check_provision(&app, round).await;
    }
});

both!(a_change_outside_a_period_leaves_its_figures_alone, |app: TestApp| async move {
    fixture(&app).await;
    let period = periods()[1];
    let (before, _) = figures(&app.db, &app.db, period, Utc::now()).await.unwrap();
    job_round(&app).await;
    // An entitlement of 2024 alone, and an order on it: nothing of 2026 changes.
    let someone = person(&app, 77, Some("ALA")).await;
    let old = grant(&app, someone, "walker", day(2024, 1, 1), day(2024, 12, 31)).await;
    let offer = offerings::Entity::find().one(&app.db).await.unwrap().unwrap();
    let created = at(2024, 3, 1);
    place(
        &app,
        &old,
        &offer,
        Placed {
            status: DbOrderStatus::Delivered,
            created,
            accept_by: created,
            deliver_by: None,
            delivered: Some(created),
            state_share: 1,
        },
    )
    .await;
    assert_eq!(job_round(&app).await, 0, "no period overlapping 2024 was asked for");
    // The same within the period: it is marked stale and computed again.
    let e = grant(&app, someone, "crutches", day(2026, 1, 1), day(2026, 12, 31)).await;
    assert_eq!(job_round(&app).await, 1);
    let stale =
        provision_periods::Entity::find().filter(provision_periods::Column::Stale.eq(true)).all(&app.db).await.unwrap();
    assert!(stale.is_empty(), "{stale:?}");
    let (after, _) = figures(&app.db, &app.db, period, Utc::now()).await.unwrap();
    assert_eq!(after[&(String::new(), 0)].entitlements, before[&(String::new(), 0)].entitlements + 1);
    assert_eq!(
        after[&("ALA".to_owned(), 0)].people_entitled,
        before[&("ALA".to_owned(), 0)].people_entitled + 1,
        "{e:?}"
    );
});

both!(the_dashboards_default_period_is_computed_at_start_up_once, |app: TestApp| async move {
    use server::services::ministry::provision::period;
    use server::services::ministry::provision_summary::{aggregate, warm};
    fixture(&app).await;
    let this_year = period("", "", Utc::now().date_naive()).unwrap();
    let stored = || provision_periods::Entity::find_by_id((this_year.from, this_year.to)).one(&app.db);
    assert!(stored().await.unwrap().is_none());
    // The test server's own job may hold the lease for a moment: the start-up computation
    // then waits for its next chance, as it does on an instance that starts beside another.
    let mut computed = false;
    for _ in 0..100 {
        if warm(&app.db, &app.db, "starting instance", Utc::now()).await.unwrap() {
            computed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(computed, "this year was never computed");
    let row = stored().await.unwrap().expect("this year's period");
    assert!(
        !warm(&app.db, &app.db, "another instance", Utc::now()).await.unwrap(),
        "computed once, not at every start"
    );
    // The first person to open the dashboard reads those figures, and they are right.
    let (read, computed_at) = figures(&app.db, &app.db, this_year, Utc::now()).await.unwrap();
    assert_eq!(computed_at, row.computed_at);
    assert_eq!(read, aggregate(&app.db, this_year, Utc::now()).await.unwrap());
});
