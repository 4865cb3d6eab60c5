//! Notices: every kind reaches a person by e-mail (through the real SMTP server) and SMS
//! (through the gateway stub) in each language; the communication profile decides the
//! channels, the language and the e-mail format; reminders and escalations fire once, at the
//! right time, on a clock the tests move.
use crate::both;
use crate::fixtures::*;
use crate::helpers::TestApp;
use crate::messages::{mails_to, moment, start_gateway, transports};
use app::domain::{Lang, NoticeKind};
use chrono::{DateTime, Duration, Months, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};
use server::entities::enums::*;
use server::entities::{
    accounts, complaints, entitlements, item_types, notifications, orders, outbox_messages, recipients,
};
use server::messages::{self, Clock};
use server::services::notices::notify;
use server::services::reminders;

const LINKS: &str = "https://portal.example.kz";

/// A clock standing still where the test put it.
struct At(DateTime<Utc>);

impl Clock for At {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

async fn set_language(app: &TestApp, account_id: i32, lang: Lang) {
    let a = accounts::Entity::find_by_id(account_id).one(&app.db).await.unwrap().unwrap();
    let mut am: accounts::ActiveModel = a.into();
    am.language = Set(lang.into());
    am.update(&app.db).await.unwrap();
}

async fn email_of(app: &TestApp, account_id: i32) -> String {
    accounts::Entity::find_by_id(account_id).one(&app.db).await.unwrap().unwrap().email
}

async fn give_phone(app: &TestApp, recipient_id: i32, phone: &str) {
    let r = recipients::Entity::find_by_id(recipient_id).one(&app.db).await.unwrap().unwrap();
    let mut am: recipients::ActiveModel = r.into();
    am.phone = Set(Some(phone.into()));
    am.update(&app.db).await.unwrap();
}

/// Outbox rows of `kind` to `address` (any channel).
async fn written(app: &TestApp, address: &str, kind: &str) -> Vec<outbox_messages::Model> {
    outbox_messages::Entity::find()
        .filter(outbox_messages::Column::Address.eq(address))
        .filter(outbox_messages::Column::Kind.eq(kind))
        .all(&app.db)
        .await
        .unwrap()
}

async fn in_app(app: &TestApp, account_id: i32, kind: &str) -> u64 {
    notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(account_id))
        .filter(notifications::Column::Kind.eq(kind))
        .count(&app.db)
        .await
        .unwrap()
}

async fn tell(app: &TestApp, account_id: i32, kind: NoticeKind, params: serde_json::Value) {
    let tx = app.db.begin().await.unwrap();
    notify(&tx, LINKS, account_id, kind, None, params).await.unwrap();
    tx.commit().await.unwrap();
}

both!(every_notice_goes_by_email_and_sms_in_each_language_through_smtp_and_the_gateway, |app: TestApp| async move {
    let (gateway, url) = start_gateway().await;
    let transports = transports(&app, &url);
    let email = format!("supplier.{}@example.kz", uuid::Uuid::new_v4().simple());
    let s = supplier(&app, &email, 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let params = serde_json::json!({
        "number": "SSP-2026-000042", "status": "accepted", "date": "2026-12-24", "due": "2026-12-24", "hours": 2,
        "title": "Кресло-коляска", "reason": "<script>alert(1)</script>", "outcome": "upheld", "count": 3,
        "item_kk": "Арба", "item_ru": "Коляска", "item_en": "Wheelchair", "complaint_id": 7,
    });
    for lang in Lang::ALL {
        set_language(&app, s.account_id, *lang).await;
        for kind in NoticeKind::ALL {
            // A supplier's status is one of the supplier statuses; every other status is an order's.
            let mut params = params.clone();
            if *kind == NoticeKind::SupplierStatus {
                params["status"] = "approved".into();
            }
            tell(&app, s.account_id, *kind, params).await;
        }
    }
    let n = Lang::ALL.len() * NoticeKind::ALL.len();
    let now = moment();
    let mut delivered = 0;
    while delivered < 2 * n {
        let round = messages::deliver_due(&app.db, &transports, now, 16).await.unwrap();
        assert!(round > 0, "the worker stopped with {delivered} of {} delivered", 2 * n);
        delivered += round;
    }
    // The sign-up's confirmation went to the same address; the notices carry the portal's links.
    let mails: Vec<_> = mails_to(&email, n + 1).await.into_iter().filter(|m| m.text_part_contains(LINKS)).collect();
    assert_eq!(mails.len(), n);
    for mail in &mails {
        let parts = mail.parts();
        assert_eq!(parts.len(), 2, "plain text and HTML");
        let text = parts[0].text();
        assert!(
            !text.contains("notification-") && !text.contains("{ $") && !text.contains("Unknown localization"),
            "{text}"
        );
        assert!(!parts[1].text().contains("<script>"), "markup in a reason is escaped in the HTML part");
    }
    // Each kind's text differs between the languages: none fell back to another.
    for kind in NoticeKind::ALL {
        let texts: Vec<String> = outbox_messages::Entity::find()
            .filter(outbox_messages::Column::Kind.eq(kind.code()))
            .filter(outbox_messages::Column::Channel.eq("sms"))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.body_text)
            .collect();
        assert_eq!(texts.len(), 3, "{kind}: one SMS per language");
        assert!(texts[0] != texts[1] && texts[1] != texts[2] && texts[0] != texts[2], "{kind}: {texts:?}");
    }
    let sms = gateway.seen();
    assert_eq!(sms.len(), n, "one SMS per notice and language");
    assert!(sms.iter().all(|s| s.body.to_string().contains("portal.example.kz")), "each SMS carries its link");
    let kinds: Vec<&str> = NoticeKind::ALL.iter().map(|k| k.code()).collect();
    let sent = outbox_messages::Entity::find()
        .filter(outbox_messages::Column::Status.eq("sent"))
        .filter(outbox_messages::Column::Kind.is_in(kinds))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(usize::try_from(sent).unwrap(), 2 * n);
    assert_eq!(in_app(&app, s.account_id, "order_status").await, 3, "and in the portal");
});

both!(the_profile_decides_channels_language_and_format, |app: TestApp| async move {
    let r = recipient(&app, "asel@x.kz", 1).await;
    let phone = "+77012345678";
    give_phone(&app, r.id, phone).await;
    let view = app.call(Some(&r.token), "contact_preferences", &[]).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.body);
    assert_eq!(view.body["chosen"]["by_email"], true);
    assert_eq!(view.body["chosen"]["by_sms"], true);
    assert_eq!(view.body["phone"], "•••678", "the phone is shown masked");

    // SMS only, in English, plain e-mails.
    let save = app
        .call(
            Some(&r.token),
            "save_contact_preferences",
            &[("channels[]", "sms"), ("language", "en"), ("email_format", "plain")],
        )
        .await;
    assert!(save.status.is_success() || save.status.is_redirection(), "{}", save.body);
    tell(&app, r.account_id, NoticeKind::OrderStatus, serde_json::json!({ "number": "SSP-1", "status": "accepted" }))
        .await;
    assert_eq!(in_app(&app, r.account_id, "order_status").await, 0, "the portal's notifications are off");
    assert!(written(&app, "asel@x.kz", "order_status").await.is_empty(), "e-mail is off");
    let sms = written(&app, phone, "order_status").await;
    assert_eq!(sms.len(), 1);
    assert_eq!(sms[0].language, "en");
    assert!(sms[0].body_text.contains("SSP-1") && sms[0].body_text.contains("Accepted"), "{}", sms[0].body_text);

    // E-mail only, plain text: no HTML part.
    let save = app
        .call(
            Some(&r.token),
            "save_contact_preferences",
            &[("channels[]", "email"), ("language", "ru"), ("email_format", "plain")],
        )
        .await;
    assert!(save.status.is_success() || save.status.is_redirection(), "{}", save.body);
    tell(&app, r.account_id, NoticeKind::OrderStatus, serde_json::json!({ "number": "SSP-2", "status": "delivered" }))
        .await;
    let mail = written(&app, "asel@x.kz", "order_status").await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].language, "ru");
    assert!(mail[0].body_html.is_none(), "plain text only");
    assert!(
        mail[0].body_text.contains(&format!("{LINKS}/orders"))
            || mail[0].body_text.contains(&format!("{LINKS}/notifications")),
        "{}",
        mail[0].body_text
    );
    assert_eq!(written(&app, phone, "order_status").await.len(), 1, "no new SMS");

    // Refusals, each next to its field; the saved choice stays.
    let none =
        app.call(Some(&r.token), "save_contact_preferences", &[("language", "kk"), ("email_format", "rich")]).await;
    assert_eq!(none.field_error("channels").as_deref(), Some("no_channel"), "{}", none.body);
    let odd = app
        .call(
            Some(&r.token),
            "save_contact_preferences",
            &[("channels[]", "fax"), ("language", "de"), ("email_format", "<b>")],
        )
        .await;
    assert_eq!(odd.field_error("channels").as_deref(), Some("unknown_channel"), "{}", odd.body);
    assert_eq!(odd.field_error("language").as_deref(), Some("unknown_language"));
    assert_eq!(odd.field_error("email_format").as_deref(), Some("unknown_format"));
    let view = app.call(Some(&r.token), "contact_preferences", &[]).await;
    assert_eq!(view.body["chosen"]["by_email"], true);
    assert_eq!(view.body["chosen"]["by_sms"], false);
    assert_eq!(view.body["chosen"]["language"], "ru");

    // Without a phone on file SMS cannot be chosen.
    let other = recipient(&app, "no.phone@x.kz", 2).await;
    let sms_only = app
        .call(
            Some(&other.token),
            "save_contact_preferences",
            &[("channels[]", "sms"), ("language", "kk"), ("email_format", "rich")],
        )
        .await;
    assert_eq!(sms_only.field_error("channels").as_deref(), Some("no_phone"), "{}", sms_only.body);

    // Nobody signed in learns nothing of the form.
    let anonymous = app.call(None, "save_contact_preferences", &[("language", "de"), ("email_format", "x")]).await;
    assert_eq!(anonymous.error_code().as_deref(), Some("NotSignedIn"), "{}", anonymous.body);
});

both!(reminders_and_escalations_fire_once_at_the_right_time, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    app.staff("central@x.kz", None).await;
    app.staff("ala@x.kz", Some("ALA")).await;
    app.staff("ast@x.kz", Some("AST")).await;
    let staff_id = |email: &'static str| {
        let db = app.db.clone();
        async move { accounts::Entity::find().filter(accounts::Column::Email.eq(email)).one(&db).await.unwrap().unwrap().id }
    };
    let (central_id, ala_id, ast_id) =
        (staff_id("central@x.kz").await, staff_id("ala@x.kz").await, staff_id("ast@x.kz").await);
    let e = entitlement(&app, r.id, "wheelchair_manual", 4).await;
    let o = offering(&app, s.id, "wheelchair_manual", 1_000_000, &["ALA"]).await;
    let t = Utc::now();
    let run = |at: DateTime<Utc>| {
        let db = app.db.clone();
        async move { reminders::run(&db, LINKS, &At(at)).await.unwrap() }
    };
    let count = |sent: &reminders::Sent, kind: NoticeKind| sent.get(kind.code()).copied().unwrap_or(0);

    // Acceptance: a day before, once; after the deadline, once.
    let placed = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await;
    let deadline = placed.accept_by;
    assert_eq!(count(&run(deadline - Duration::days(2)).await, NoticeKind::AcceptSoon), 0, "too early");
    assert_eq!(count(&run(deadline - Duration::hours(12)).await, NoticeKind::AcceptSoon), 1);
    assert_eq!(count(&run(deadline - Duration::hours(11)).await, NoticeKind::AcceptSoon), 0, "only once");
    assert_eq!(count(&run(deadline + Duration::hours(1)).await, NoticeKind::AcceptOverdue), 1);
    assert_eq!(count(&run(deadline + Duration::hours(2)).await, NoticeKind::AcceptOverdue), 0, "only once");
    assert_eq!(in_app(&app, s.account_id, "accept_soon").await, 1);
    assert_eq!(written(&app, "s@x.kz", "accept_overdue").await.len(), 1, "by e-mail too");
    assert_eq!(written(&app, "+7 701 234 56 78", "accept_overdue").await.len(), 1, "and by SMS");

    // Delivery: the same, on the delivery deadline.
    let accepted = order(&app, &r, &e, &o, 1, DbOrderStatus::Accepted).await;
    let deliver_by = t + Duration::days(10);
    let mut am: orders::ActiveModel = accepted.clone().into();
    am.deliver_by = Set(Some(deliver_by));
    am.update(&app.db).await.unwrap();
    assert_eq!(count(&run(deliver_by - Duration::hours(30)).await, NoticeKind::DeliverSoon), 0);
    assert_eq!(count(&run(deliver_by - Duration::hours(3)).await, NoticeKind::DeliverSoon), 1);
    assert_eq!(count(&run(deliver_by + Duration::hours(3)).await, NoticeKind::DeliverOverdue), 1);
    assert_eq!(count(&run(deliver_by + Duration::hours(4)).await, NoticeKind::DeliverOverdue), 0);

    // A delivered order waits for the recipient's confirmation: reminded after three days.
    let delivered = order(&app, &r, &e, &o, 1, DbOrderStatus::Delivered).await;
    let mut am: orders::ActiveModel = delivered.clone().into();
    am.delivered_at = Set(Some(t));
    am.update(&app.db).await.unwrap();
    assert_eq!(count(&run(t + Duration::days(2)).await, NoticeKind::ConfirmWaiting), 0);
    assert_eq!(count(&run(t + Duration::days(3) + Duration::hours(1)).await, NoticeKind::ConfirmWaiting), 1);
    assert_eq!(count(&run(t + Duration::days(4)).await, NoticeKind::ConfirmWaiting), 0);
    assert_eq!(in_app(&app, r.account_id, "confirm_waiting").await, 1);

    // An entitlement with units left is reminded 30 days before it ends.
    let ends = entitlements::Entity::find_by_id(e.id).one(&app.db).await.unwrap().unwrap().valid_to;
    let ends_at = ends.and_hms_opt(12, 0, 0).unwrap().and_utc();
    assert_eq!(count(&run(ends_at - Duration::days(45)).await, NoticeKind::EntitlementExpiring), 0);
    assert_eq!(count(&run(ends_at - Duration::days(29)).await, NoticeKind::EntitlementExpiring), 1);
    assert_eq!(count(&run(ends_at - Duration::days(28)).await, NoticeKind::EntitlementExpiring), 0);
    let text = &written(&app, "r@x.kz", "entitlement_expiring").await[0].body_text;
    assert!(text.contains(&ends.format("%Y-%m-%d").to_string()), "{text}");

    // The item's replacement period (from the item type) passed since delivery.
    let wheelchair = item_types::Entity::find_by_id(o.item_type_id).one(&app.db).await.unwrap().unwrap();
    let months = u32::try_from(wheelchair.replacement_months.expect("a replacement period")).unwrap();
    let confirmed = order(&app, &r, &e, &o, 1, DbOrderStatus::Confirmed).await;
    let mut am: orders::ActiveModel = confirmed.clone().into();
    am.delivered_at = Set(Some(t));
    am.update(&app.db).await.unwrap();
    let due = t.checked_add_months(Months::new(months)).unwrap();
    assert_eq!(count(&run(due - Duration::days(2)).await, NoticeKind::ReplacementDue), 0);
    assert_eq!(count(&run(due + Duration::days(1)).await, NoticeKind::ReplacementDue), 1);
    assert_eq!(count(&run(due + Duration::days(2)).await, NoticeKind::ReplacementDue), 0);

    // A complaint past its deadline goes to central staff, once; officers get a daily digest
    // of overdue work in their area, from 08:00 Kazakhstan time.
    let complaint = complaints::ActiveModel {
        order_id: Set(delivered.id),
        recipient_id: Set(r.id),
        supplier_id: Set(s.id),
        region_code: Set("ALA".into()),
        body: Set("Коляска не та".into()),
        status: Set(DbComplaintStatus::Open),
        due_at: Set(t + Duration::days(5)),
        created_at: Set(t),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let day_after = (t + Duration::days(6)).date_naive();
    let seven_local = day_after.and_hms_opt(2, 0, 0).unwrap().and_utc();
    let nine_local = day_after.and_hms_opt(4, 0, 0).unwrap().and_utc();
    assert_eq!(count(&run(t + Duration::days(4)).await, NoticeKind::ComplaintEscalated), 0);
    let early = run(seven_local).await;
    assert_eq!(count(&early, NoticeKind::ComplaintEscalated), 1);
    assert_eq!(count(&early, NoticeKind::StaffDigest), 0, "not before 08:00 in Kazakhstan");
    assert_eq!(in_app(&app, central_id, "complaint_escalated").await, 1);
    assert_eq!(in_app(&app, ala_id, "complaint_escalated").await, 0, "escalation goes to central staff");
    let digest = run(nine_local).await;
    assert_eq!(count(&digest, NoticeKind::ComplaintEscalated), 0, "escalated once");
    assert_eq!(count(&digest, NoticeKind::StaffDigest), 2, "the central and the Almaty officer");
    assert_eq!(in_app(&app, ast_id, "staff_digest").await, 0, "nothing overdue in Astana");
    assert_eq!(count(&run(nine_local + Duration::hours(3)).await, NoticeKind::StaffDigest), 0, "once a day");
    assert_eq!(count(&run(nine_local + Duration::days(1)).await, NoticeKind::StaffDigest), 2, "and again the next day");
    let mut am: complaints::ActiveModel = complaint.into();
    am.status = Set(DbComplaintStatus::Closed);
    am.update(&app.db).await.unwrap();
    assert_eq!(
        count(&run(nine_local + Duration::days(2)).await, NoticeKind::StaffDigest),
        0,
        "nothing overdue, no digest"
    );
});

both!(two_workers_at_once_send_a_reminder_once, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    let r = recipient(&app, "r@x.kz", 1).await;
    let e = entitlement(&app, r.id, "wheelchair_manual", 8).await;
    let o = offering(&app, s.id, "wheelchair_manual", 1_000_000, &["ALA"]).await;
    let mut deadline = Utc::now();
    for _ in 0..5 {
        deadline = order(&app, &r, &e, &o, 1, DbOrderStatus::Placed).await.accept_by;
    }
    let at = deadline - Duration::hours(6);
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let db = app.db.clone();
            tokio::spawn(async move { reminders::run(&db, LINKS, &At(at)).await })
        })
        .collect();
    let mut total = 0;
    for h in runs {
        // A run that lost a race on SQLite's single writer may fail; the others send.
        if let Ok(sent) = h.await.unwrap() {
            total += sent.get("accept_soon").copied().unwrap_or(0);
        }
    }
    let total_after =
        total + reminders::run(&app.db, LINKS, &At(at)).await.unwrap().get("accept_soon").copied().unwrap_or(0);
    assert_eq!(total_after, 5, "five orders, five reminders");
    assert_eq!(in_app(&app, s.account_id, "accept_soon").await, 5);
    let email = email_of(&app, s.account_id).await;
    assert_eq!(written(&app, &email, "accept_soon").await.len(), 5, "one e-mail per order");
});

both!(reminder_queries_read_ranges_of_indexes_not_whole_tables, |app: TestApp| async move {
    use crate::fixtures::catalogue_data::{generate, Shape};
    use crate::recipient::catalogue_plans::{full_scans, plan};
    use sea_orm::{ConnectionTrait, DatabaseBackend, QueryTrait};
    let shape = Shape { suppliers: 100, offerings: 1_000, orders: 8_000, dated_ceilings: false, seed: 5 };
    generate(&app.db, &shape).await.unwrap();
    // Entitlements of many people, ending on every day of two years.
    let r = recipient(&app, "many@x.kz", 1).await;
    let wheelchair = item_type(&app, "wheelchair_manual").await;
    let today = Utc::now().date_naive();
    let rows: Vec<entitlements::ActiveModel> = (0..6_000)
        .map(|i| entitlements::ActiveModel {
            recipient_id: Set(r.id),
            item_type_id: Set(wheelchair.id),
            quantity_granted: Set(1),
            quantity_remaining: Set(i % 2),
            valid_from: Set(today - Duration::days(30)),
            valid_to: Set(today + Duration::days(i64::from(i % 730))),
            ipr_number: Set(format!("ИПАР-PLAN-{i}")),
            source: Set("import".into()),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(500) {
        entitlements::Entity::insert_many(chunk.to_vec()).exec_without_returning(&app.db).await.unwrap();
    }
    let backend = app.db.get_database_backend();
    let analyse = if backend == DatabaseBackend::Postgres { "VACUUM ANALYZE" } else { "ANALYZE" };
    app.db.execute_unprepared(analyse).await.unwrap();
    let now = Utc::now();
    let active = [DbOrderStatus::Accepted, DbOrderStatus::Scheduled, DbOrderStatus::InDelivery];
    let statements = [
        (
            "accept soon",
            reminders::orders_due_query(
                NoticeKind::AcceptSoon,
                &[DbOrderStatus::Placed],
                orders::Column::AcceptBy,
                now,
                now + Duration::days(1),
            )
            .build(backend),
        ),
        (
            "deliver overdue",
            reminders::orders_due_query(
                NoticeKind::DeliverOverdue,
                &active,
                orders::Column::DeliverBy,
                now - Duration::days(7),
                now,
            )
            .build(backend),
        ),
        (
            "confirm waiting",
            reminders::orders_due_query(
                NoticeKind::ConfirmWaiting,
                &[DbOrderStatus::Delivered, DbOrderStatus::Rendered],
                orders::Column::DeliveredAt,
                now - Duration::days(10),
                now - Duration::days(3),
            )
            .build(backend),
        ),
        ("replacement due", reminders::replacement_query(wheelchair.id, now - Duration::days(365), 200).build(backend)),
        ("entitlement expiring", reminders::expiring_query(today).build(backend)),
        ("complaint escalated", reminders::escalation_query(now).build(backend)),
    ];
    let mut failures = Vec::new();
    for (name, stmt) in statements {
        let lines = plan(&app, stmt).await;
        if std::env::var_os("REMINDER_PLANS").is_some() {
            println!("== {name}\n{}", lines.join("\n"));
        }
        let scans = full_scans(&lines);
        if !scans.is_empty() {
            failures.push(format!("{name}: {scans:?}\n{}", lines.join("\n")));
        }
    }
    assert!(failures.is_empty(), "full scans:\n{}", failures.join("\n\n"));
});
