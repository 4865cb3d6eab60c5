//! The audit log: append-only, searchable by staff.
use crate::both;
use crate::fixtures::supplier;
use crate::helpers::TestApp;
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use server::entities::enums::DbSupplierStatus;
use server::entities::{audit_log, suppliers};
use server::services::audit::{record, Entry};

both!(the_audit_log_cannot_be_changed_or_deleted, |app: TestApp| async move {
    let entry = Entry {
        action: "supplier.approve",
        object_type: "supplier",
        object_id: Some("1".into()),
        reason: None,
        details: None,
    };
    record(&app.db, None, entry).await.unwrap();
    let edit = audit_log::Entity::update_many()
        .col_expr(audit_log::Column::Reason, Expr::value("rewritten"))
        .filter(audit_log::Column::Action.eq("supplier.approve"))
        .exec(&app.db)
        .await;
    let err = edit.expect_err("an update is refused by the database");
    assert!(err.to_string().contains("append-only"), "{err}");
    let delete = audit_log::Entity::delete_many().exec(&app.db).await;
    assert!(delete.is_err(), "a delete is refused by the database");
    assert_eq!(audit_log::Entity::find().count(&app.db).await.unwrap(), 1);
    let row = audit_log::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.reason, None);
});

both!(staff_search_the_audit_log_by_kind_of_action_actor_and_date, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let other = app.staff("other@enbek.gov.kz", None).await;
    let s = supplier(&app, "sales@medtech.kz", 61, DbSupplierStatus::Pending, &["AST"]).await;
    let t = supplier(&app, "more@medtech.kz", 62, DbSupplierStatus::Approved, &["AST"]).await;
    let decide = |token: String, id: i32, d: &'static str| {
        let app = &app;
        async move {
            app.call(
                Some(&token),
                "staff_decide_supplier",
                &[("supplier_id", &id.to_string()), ("supplier_decision", d), ("decision_reason", "Проверка")],
            )
            .await
        }
    };
    assert_eq!(decide(staff.clone(), s.id, "reject").await.status, StatusCode::OK);
    assert_eq!(decide(other.clone(), t.id, "suspend").await.status, StatusCode::OK);
    let later = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    app.call(
        Some(&staff),
        "staff_add_ceiling",
        &[("item_type_id", "1"), ("ceiling_amount", "1000"), ("ceiling_valid_from", &later)],
    )
    .await;
    let search = |args: Vec<(&'static str, String)>| {
        let app = &app;
        let staff = staff.clone();
        async move {
            let mut form: Vec<(&str, &str)> = vec![("query", "")];
            form.extend(args.iter().map(|(k, v)| (*k, v.as_str())));
            let a = app.call(Some(&staff), "audit_search", &form).await;
            assert_eq!(a.status, StatusCode::OK, "{}", a.body);
            a.body.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    assert_eq!(search(vec![("action", "supplier.".into())]).await, vec!["supplier.suspend", "supplier.reject"]);
    assert_eq!(search(vec![("action", "ceiling.add".into())]).await, vec!["ceiling.add"]);
    // (Each officer's own entry from setting up two-step sign-in is there too.)
    assert_eq!(
        search(vec![("actor", "other@".into())]).await,
        vec!["supplier.suspend", "account.second_factor_set_up"]
    );
    assert_eq!(search(vec![("from", later.clone())]).await, Vec::<String>::new(), "nothing happened tomorrow yet");
    let today = chrono::Utc::now().date_naive().to_string();
    assert_eq!(search(vec![("from", today.clone()), ("to", today)]).await.len(), 5, "three decisions and two set-ups");
    let all = app.call(Some(&staff), "audit_search", &[("query", "")]).await;
    let newest = all.body[0]["id"].as_i64().unwrap();
    let older = search(vec![("before", newest.to_string())]).await;
    assert_eq!(older.len(), 4, "the next page starts below the given id");
});

both!(a_regional_officer_reads_only_the_entries_of_their_region_and_national_ones, |app: TestApp| async move {
    let central = app.staff("officer@enbek.gov.kz", None).await;
    let almaty = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let here = supplier(&app, "sales@medtech.kz", 63, DbSupplierStatus::Pending, &["ALA"]).await;
    let there = supplier(&app, "more@medtech.kz", 64, DbSupplierStatus::Pending, &["AST"]).await;
    let mut moved: suppliers::ActiveModel =
        suppliers::Entity::find_by_id(here.id).one(&app.db).await.unwrap().unwrap().into();
    moved.home_region = Set(Some("ALA".into()));
    moved.update(&app.db).await.unwrap();
    for (id, reason) in [(here.id, "Алматинская заявка"), (there.id, "Астанинская заявка")]
    {
        let a = app
            .call(
                Some(&central),
                "staff_decide_supplier",
                &[("supplier_id", &id.to_string()), ("supplier_decision", "reject"), ("decision_reason", reason)],
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    }
    let later = (chrono::Utc::now().date_naive() + chrono::Duration::days(1)).to_string();
    let c = app
        .call(
            Some(&central),
            "staff_add_ceiling",
            &[("item_type_id", "1"), ("ceiling_amount", "1000"), ("ceiling_valid_from", &later)],
        )
        .await;
    assert_eq!(c.status, StatusCode::OK, "{}", c.body);
    let read = |token: String| {
        let app = &app;
        async move {
            let a = app.call(Some(&token), "audit_search", &[("query", "")]).await;
            assert_eq!(a.status, StatusCode::OK, "{}", a.body);
            a.body
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e["action"].as_str().unwrap().to_owned(), e["reason"].as_str().map(str::to_owned)))
                .collect::<Vec<_>>()
        }
    };
    let regional = read(almaty).await;
    assert!(regional.contains(&("supplier.reject".into(), Some("Алматинская заявка".into()))), "{regional:?}");
    assert!(
        !regional.iter().any(|(_, r)| r.as_deref() == Some("Астанинская заявка")),
        "another region's decision is not shown: {regional:?}"
    );
    assert!(regional.iter().any(|(a, _)| a == "ceiling.add"), "national entries are: {regional:?}");
    let everything = read(central).await;
    assert!(
        everything.iter().any(|(_, r)| r.as_deref() == Some("Астанинская заявка")),
        "central staff read every region"
    );
});
