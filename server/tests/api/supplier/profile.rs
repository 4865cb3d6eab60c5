//! The supplier's profile, its status with the ministry, suspension and approval.
use crate::both;
use crate::fixtures::supplier::*;
use crate::fixtures::{offering, supplier};
use crate::helpers::{bin, TestApp};
use app::domain::SupplierStatus;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use server::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use server::entities::{offerings, sessions, suppliers};

both!(a_new_supplier_sees_what_is_missing_before_the_ministry_can_decide, |app: TestApp| async move {
    let token = app.sign_up_supplier("sales@medtech.kz", &bin(7)).await;
    let p = app.call(Some(&token), "supplier_profile", &[]).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert_eq!(p.body["status"], "draft");
    let missing: Vec<&str> = p.body["missing"].as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
    for key in ["missing-address", "missing-phone", "missing-categories", "missing-document-registration"] {
        assert!(missing.contains(&key), "{key} in {missing:?}");
    }
    let b = bin(7);
    let saved = app
        .call(Some(&token), "supplier_save_profile", &profile_form(&b, &["AST", "ALA"], &["tsr", "assistant"]))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let p = app.call(Some(&token), "supplier_profile", &[]).await;
    assert_eq!(p.body["regions"], serde_json::json!(["ALA", "AST"]));
    assert_eq!(p.body["categories"], serde_json::json!(["tsr", "assistant"]));
    // Goods need a licence; the registration certificate is always needed.
    assert_eq!(p.body["missing"], serde_json::json!(["missing-document-registration", "missing-document-licence"]));
});

both!(the_profile_form_reports_every_problem_at_once, |app: TestApp| async move {
    let token = app.sign_up_supplier("sales@medtech.kz", &bin(7)).await;
    let wrong = format!("{}{}", &bin(7)[..11], (bin(7).as_bytes()[11] - b'0' + 1) % 10);
    let a = app
        .call(
            Some(&token),
            "supplier_save_profile",
            &[
                ("bin", wrong.as_str()),
                ("legal_name", "ТОО «Медтехника»"),
                ("address", " "),
                ("contact_person", "Айгерим"),
                ("phone", "12-34"),
                ("email", "sales@"),
                ("regions[]", "XXX"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", a.body);
    assert_eq!(a.field_error("bin").as_deref(), Some("bad_checksum"));
    assert_eq!(a.field_error("address").as_deref(), Some("required"));
    assert_eq!(a.field_error("phone").as_deref(), Some("invalid_phone"));
    assert_eq!(a.field_error("email").as_deref(), Some("invalid_email"));
    assert_eq!(a.field_error("regions").as_deref(), Some("unknown_region"));
    assert_eq!(a.field_error("categories").as_deref(), Some("choose_at_least_one"));
});

both!(a_rejected_supplier_sees_the_reason_completes_its_file_and_resubmits, |app: TestApp| async move {
    let token = app.sign_up_supplier("sales@medtech.kz", &bin(7)).await;
    // An application that reached the ministry incomplete (as the demo data has some).
    let row = suppliers::Entity::find().one(&app.db).await.unwrap().unwrap();
    let id = row.id;
    let mut am: suppliers::ActiveModel = row.into();
    am.status = sea_orm::Set(DbSupplierStatus::Pending);
    sea_orm::ActiveModelTrait::update(am, &app.db).await.unwrap();
    decide(&app, id, SupplierStatus::Rejected, Some("Не приложена лицензия")).await;
    let p = app.call(Some(&token), "supplier_profile", &[]).await;
    assert_eq!(p.body["status"], "rejected");
    assert_eq!(p.body["reason"], "Не приложена лицензия");
    assert_eq!(p.body["decisions"][0]["action"], "reject");
    assert_eq!(p.body["can_submit"], false);
    let early = app.call(Some(&token), "supplier_submit_profile", &[]).await;
    assert_eq!(early.error_code().as_deref(), Some("profile_incomplete"));
    let b = bin(7);
    app.call(Some(&token), "supplier_save_profile", &profile_form(&b, &["AST"], &["tsr"])).await;
    for kind in ["registration", "licence"] {
        let res = upload(&app, Some(&token), "/supplier/documents/upload", &[("kind", kind)], ("scan.pdf", PDF)).await;
        assert_eq!(location(&res), "/supplier/documents?done=document_uploaded");
    }
    let sent = app.call(Some(&token), "supplier_submit_profile", &[]).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let p = app.call(Some(&token), "supplier_profile", &[]).await;
    assert_eq!(p.body["status"], "pending");
    assert!(p.body["reason"].is_null(), "the old reason no longer applies");
    assert_eq!(p.body["decisions"][0]["action"], "submit");
    let again = app.call(Some(&token), "supplier_submit_profile", &[]).await;
    assert_eq!(again.error_code().as_deref(), Some("already_submitted"));
});

both!(a_pending_supplier_prepares_drafts_but_cannot_publish, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Pending, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    let mut am: offerings::ActiveModel = o.clone().into();
    am.status = sea_orm::Set(DbOfferingStatus::Draft);
    sea_orm::ActiveModelTrait::update(am, &app.db).await.unwrap();
    let a = app
        .call(Some(&s.token), "supplier_set_offering_status", &[("id", &o.id.to_string()), ("action", "publish")])
        .await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    assert_eq!(a.error_code().as_deref(), Some("supplier_not_approved"));
    let after = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(after.status, DbOfferingStatus::Draft);
    assert_eq!(visible(&app).await, 0);
});

both!(suspension_hides_offerings_at_once_and_ends_sessions, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Approved, &["ALA"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["ALA"]).await;
    assert_eq!(visible(&app).await, 1);
    decide(&app, s.id, SupplierStatus::Suspended, Some("Жалобы на качество")).await;
    assert_eq!(visible(&app).await, 0, "hidden from the catalogue");
    let kept = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(kept.status, DbOfferingStatus::Published, "hidden, not changed or deleted");
    assert!(app.whoami(&s.token).await.is_null(), "the old session has ended");
    let live = sessions::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|x| x.account_id == s.account_id && x.revoked_at.is_none())
        .count();
    assert_eq!(live, 0);
    // Signing in again shows the status and open orders only.
    let again = app.sign_in("sales@medtech.kz", "steppe horses run at dawn").await.session_cookie().unwrap();
    let p = app.call(Some(&again), "supplier_profile", &[]).await;
    assert_eq!(
        (p.body["status"].as_str(), p.body["reason"].as_str(), p.body["can_edit"].as_bool()),
        (Some("suspended"), Some("Жалобы на качество"), Some(false))
    );
    let inbox = app.call(Some(&again), "supplier_inbox", &[("status", "all"), ("deadline", "")]).await;
    assert_eq!(inbox.status, StatusCode::OK, "{}", inbox.body);
    for (function, args) in [
        ("supplier_offerings", vec![("status", "")]),
        ("supplier_statement", vec![("month", "")]),
        ("supplier_scorecard", vec![]),
    ] {
        let a = app.call(Some(&again), function, &args).await;
        assert_eq!(a.error_code().as_deref(), Some("supplier_inactive"), "{function}");
    }
    let edit = app.call(Some(&again), "supplier_save_profile", &profile_form(&bin(7), &["ALA"], &["tsr"])).await;
    assert_eq!(edit.error_code().as_deref(), Some("supplier_inactive"));
    // Reinstating shows the same offerings again, untouched.
    decide(&app, s.id, SupplierStatus::Approved, None).await;
    assert_eq!(visible(&app).await, 1);
});

both!(the_ministry_needs_a_reason_to_reject_and_cannot_undo_a_removal, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Pending, &["ALA"]).await;
    crate::fixtures::complete_application(&app, s.id).await;
    let none = server::services::supplier_status::set_status(
        &app.db,
        "http://localhost",
        s.id,
        SupplierStatus::Rejected,
        Some("  ".into()),
        None,
    )
    .await;
    assert!(matches!(none, Err(server::services::supplier_status::StatusError::ReasonRequired)));
    decide(&app, s.id, SupplierStatus::Approved, None).await;
    decide(&app, s.id, SupplierStatus::Removed, Some("Лицензия отозвана")).await;
    let back = server::services::supplier_status::set_status(
        &app.db,
        "http://localhost",
        s.id,
        SupplierStatus::Approved,
        None,
        None,
    )
    .await;
    assert!(matches!(back, Err(server::services::supplier_status::StatusError::NotAllowed)));
    let row = suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(row.status, DbSupplierStatus::Removed);
    assert!(row.approved_at.is_some() && row.decided_at.is_some());
});
