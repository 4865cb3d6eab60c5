//! Supplier approval: who may decide, what each decision does, and regional scope.
use super::{account_id, audit_entries, notifications_of};
use crate::both;
use crate::fixtures::{offering, supplier};
use crate::helpers::TestApp;
use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::enums::{DbOfferingStatus, DbSupplierStatus};
use server::entities::{offerings, suppliers};

/// Published offerings in the TSR category as the public home page counts them.
async fn tsr_offerings(app: &TestApp) -> u64 {
    let a = app.call(None, "categories", &[]).await;
    a.body.as_array().unwrap().iter().find(|c| c["code"] == "tsr").unwrap()["offerings"].as_u64().unwrap()
}

async fn decide(app: &TestApp, token: &str, id: i32, decision: &str, reason: &str) -> crate::helpers::Answer {
    app.call(
        Some(token),
        "staff_decide_supplier",
        &[("supplier_id", &id.to_string()), ("supplier_decision", decision), ("decision_reason", reason)],
    )
    .await
}

async fn status_of(app: &TestApp, id: i32) -> suppliers::Model {
    suppliers::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap()
}

both!(only_staff_reach_the_ministry_functions, |app: TestApp| async move {
    let recipient = app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    let supplier = app.sign_up_supplier("sales@medtech.kz", &crate::helpers::bin(55)).await;
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let staff_only: [(&str, Vec<(&str, &str)>); 9] = [
        ("staff_supplier_queue", vec![]),
        ("staff_supplier", vec![("id", "1")]),
        (
            "staff_decide_supplier",
            vec![("supplier_id", "1"), ("supplier_decision", "approve"), ("decision_reason", "")],
        ),
        ("staff_catalogue", vec![]),
        ("staff_imports", vec![]),
        ("staff_complaints", vec![]),
        ("staff_provision", vec![]),
        (
            "staff_add_ceiling",
            vec![("item_type_id", "1"), ("ceiling_amount", "1"), ("ceiling_valid_from", "2099-01-01")],
        ),
        (
            "staff_moderate_offering",
            vec![("offering_id", "1"), ("offering_action", "block"), ("moderation_reason", "x")],
        ),
    ];
    for (function, args) in &staff_only {
        let visitor = app.call(None, function, args).await;
        assert_eq!(visitor.status, StatusCode::UNAUTHORIZED, "{function}: {}", visitor.body);
        for token in [&recipient, &supplier] {
            let a = app.call(Some(token), function, args).await;
            assert_eq!(a.status, StatusCode::FORBIDDEN, "{function}: {}", a.body);
        }
    }
    // Staff are not admins: staff accounts are out of their reach.
    let a = app.call(Some(&staff), "admin_staff_accounts", &[]).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let ok = app.call(Some(&staff), "staff_supplier_queue", &[]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
});

both!(the_queue_shows_pending_suppliers_oldest_first, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let newer = supplier(&app, "newer@medtech.kz", 11, DbSupplierStatus::Pending, &["AST"]).await;
    let older = supplier(&app, "older@medtech.kz", 12, DbSupplierStatus::Pending, &["AST"]).await;
    supplier(&app, "approved@medtech.kz", 13, DbSupplierStatus::Approved, &["AST"]).await;
    let mut am: suppliers::ActiveModel = status_of(&app, older.id).await.into();
    am.submitted_at = Set(Some(Utc::now() - Duration::days(9)));
    am.update(&app.db).await.unwrap();
    let q = app.call(Some(&staff), "staff_supplier_queue", &[]).await;
    let ids: Vec<i64> = q.body["rows"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![i64::from(older.id), i64::from(newer.id)], "pending only, oldest first: {}", q.body);
    assert_eq!(q.body["rows"][0]["waiting_days"], 9);
    let approved = app.call(Some(&staff), "staff_supplier_queue", &[("status", "approved")]).await;
    assert_eq!(approved.body["page"]["total"], 1);
    let by_bin = app.call(Some(&staff), "staff_supplier_queue", &[("q", &crate::helpers::bin(12))]).await;
    assert_eq!(by_bin.body["page"]["total"], 1);
});

both!(approving_a_pending_supplier_puts_its_offerings_in_the_catalogue_and_is_audited, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let officer = account_id(&app, &staff).await;
    let s = supplier(&app, "sales@medtech.kz", 21, DbSupplierStatus::Pending, &["AST"]).await;
    crate::fixtures::complete_application(&app, s.id).await;
    offering(&app, s.id, "walker", 3_000_000, &["AST"]).await;
    let before = tsr_offerings(&app).await;
    let a = decide(&app, &staff, s.id, "approve", "").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(a.headers["location"], format!("/staff/suppliers/{}?done=supplier_approve", s.id));
    let after = status_of(&app, s.id).await;
    assert_eq!(after.status, DbSupplierStatus::Approved);
    assert_eq!(after.decided_by, Some(officer));
    assert!(after.approved_at.is_some() && after.decided_at.is_some());
    assert_eq!(tsr_offerings(&app).await, before + 1, "its published offering is now in the catalogue");
    let entries = audit_entries(&app, "supplier.approve").await;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor_account_id, Some(officer));
    assert_eq!(entries[0].object_id.as_deref(), Some(s.id.to_string().as_str()));
    let told = notifications_of(&app, s.account_id).await;
    assert_eq!(told.last().map(|n| n.kind.as_str()), Some("supplier_status"));
    assert_eq!(told.last().unwrap().params["status"], "approved");
    assert_eq!(app.whoami(&s.token).await["supplier_status"], "approved", "an approval keeps the supplier signed in");
});

both!(a_rejection_needs_a_reason_which_the_supplier_sees, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let s = supplier(&app, "sales@medtech.kz", 22, DbSupplierStatus::Pending, &["AST"]).await;
    let missing = decide(&app, &staff, s.id, "reject", "  ").await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing.field_error("decision_reason").as_deref(), Some("required"));
    let none = app
        .call(Some(&staff), "staff_decide_supplier", &[("supplier_id", &s.id.to_string()), ("decision_reason", "x")])
        .await;
    assert_eq!(none.field_error("supplier_decision").as_deref(), Some("required"));
    assert_eq!(status_of(&app, s.id).await.status, DbSupplierStatus::Pending, "nothing changed");
    let reason = "Не приложена лицензия на медицинскую технику.";
    let a = decide(&app, &staff, s.id, "reject", reason).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(status_of(&app, s.id).await.status_reason.as_deref(), Some(reason));
    // A rejected applicant keeps its session: it loses no access, and reads the reason,
    // completes its file and resubmits without being thrown out mid-edit.
    assert!(!app.whoami(&s.token).await.is_null(), "the rejected supplier stays signed in");
    let dash = app.call(Some(&s.token), "dashboard", &[]).await;
    assert_eq!(dash.body["Supplier"]["status"], "rejected");
    assert_eq!(dash.body["Supplier"]["reason"], reason);
    assert_eq!(audit_entries(&app, "supplier.reject").await[0].reason.as_deref(), Some(reason));
});

both!(suspension_hides_offerings_and_ends_sessions_and_reinstatement_brings_them_back, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let s = supplier(&app, "sales@medtech.kz", 23, DbSupplierStatus::Approved, &["AST"]).await;
    offering(&app, s.id, "walker", 3_000_000, &["AST"]).await;
    let shown = tsr_offerings(&app).await;
    let a = decide(&app, &staff, s.id, "suspend", "Жалобы на несоответствие параметров").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(status_of(&app, s.id).await.status, DbSupplierStatus::Suspended);
    assert_eq!(tsr_offerings(&app).await, shown - 1);
    assert!(app.whoami(&s.token).await.is_null());
    let back = decide(&app, &staff, s.id, "reinstate", "Нарушения устранены").await;
    assert_eq!(back.status, StatusCode::OK, "{}", back.body);
    assert_eq!(tsr_offerings(&app).await, shown, "the same offerings are back");
    assert_eq!(audit_entries(&app, "supplier.suspend").await.len(), 1);
    assert_eq!(audit_entries(&app, "supplier.reinstate").await.len(), 1);
});

both!(removal_withdraws_published_offerings_for_good, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let s = supplier(&app, "sales@medtech.kz", 24, DbSupplierStatus::Approved, &["AST"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["AST"]).await;
    assert_eq!(decide(&app, &staff, s.id, "remove", "Поддельные сертификаты").await.status, StatusCode::OK);
    let after = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(after.status, DbOfferingStatus::Withdrawn);
    let again = decide(&app, &staff, s.id, "reinstate", "ошибка").await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.error_code().as_deref(), Some("decision_not_open"));
});

both!(a_decision_that_does_not_fit_the_status_is_refused, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let s = supplier(&app, "sales@medtech.kz", 25, DbSupplierStatus::Approved, &["AST"]).await;
    let a = decide(&app, &staff, s.id, "approve", "").await;
    assert_eq!(a.status, StatusCode::CONFLICT);
    assert_eq!(a.error_code().as_deref(), Some("decision_not_open"));
    assert!(audit_entries(&app, "supplier.approve").await.is_empty(), "a refused decision leaves no entry");
});

both!(a_regional_officer_sees_and_decides_only_for_suppliers_of_their_region, |app: TestApp| async move {
    // The helper registers suppliers in Astana (AST).
    let astana = supplier(&app, "sales@medtech.kz", 26, DbSupplierStatus::Pending, &["AST", "ALA"]).await;
    crate::fixtures::complete_application(&app, astana.id).await;
    let almaty_officer = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let astana_officer = app.staff("astana@enbek.gov.kz", Some("AST")).await;
    let q = app.call(Some(&almaty_officer), "staff_supplier_queue", &[]).await;
    assert_eq!(q.body["page"]["total"], 0, "{}", q.body);
    assert!(q.body["regions"].as_array().unwrap().is_empty(), "no region filter for regional staff");
    let seen = app.call(Some(&almaty_officer), "staff_supplier", &[("id", &astana.id.to_string())]).await;
    assert_eq!(seen.status, StatusCode::NOT_FOUND);
    let decided = decide(&app, &almaty_officer, astana.id, "approve", "").await;
    assert_eq!(decided.status, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&app, astana.id).await.status, DbSupplierStatus::Pending);
    let q = app.call(Some(&astana_officer), "staff_supplier_queue", &[]).await;
    assert_eq!(q.body["page"]["total"], 1);
    assert_eq!(decide(&app, &astana_officer, astana.id, "approve", "").await.status, StatusCode::OK);
});

both!(blocking_an_offering_needs_a_reason_hides_it_and_tells_the_supplier, |app: TestApp| async move {
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let s = supplier(&app, "sales@medtech.kz", 27, DbSupplierStatus::Approved, &["AST"]).await;
    let o = offering(&app, s.id, "walker", 3_000_000, &["AST"]).await;
    let shown = tsr_offerings(&app).await;
    let id = o.id.to_string();
    let no_reason = app
        .call(
            Some(&staff),
            "staff_moderate_offering",
            &[("offering_id", &id), ("offering_action", "block"), ("moderation_reason", "")],
        )
        .await;
    assert_eq!(no_reason.field_error("moderation_reason").as_deref(), Some("required"));
    let reason = "Заявленная нагрузка 200 кг не подтверждена сертификатом";
    let a = app
        .call(
            Some(&staff),
            "staff_moderate_offering",
            &[("offering_id", &id), ("offering_action", "block"), ("moderation_reason", reason)],
        )
        .await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    let blocked = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!((blocked.status, blocked.status_reason.as_deref()), (DbOfferingStatus::Blocked, Some(reason)));
    assert_eq!(tsr_offerings(&app).await, shown - 1);
    assert_eq!(notifications_of(&app, s.account_id).await.last().unwrap().kind, "offering_blocked");
    assert_eq!(audit_entries(&app, "offering.block").await[0].reason.as_deref(), Some(reason));
    let detail = app.call(Some(&staff), "staff_offering", &[("id", &id)]).await;
    assert_eq!(detail.body["offering"]["status"], "blocked");
    let unblock = app
        .call(
            Some(&staff),
            "staff_moderate_offering",
            &[("offering_id", &id), ("offering_action", "unblock"), ("moderation_reason", "Сертификат представлен")],
        )
        .await;
    assert_eq!(unblock.status, StatusCode::OK);
    let after = offerings::Entity::find_by_id(o.id).one(&app.db).await.unwrap().unwrap();
    assert_eq!(after.status, DbOfferingStatus::Draft, "the supplier publishes it again after fixing it");
    let regional = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let outside = app.call(Some(&regional), "staff_offering", &[("id", &id)]).await;
    assert_eq!(outside.status, StatusCode::NOT_FOUND, "an Astana supplier's offering is outside Almaty's scope");
});

both!(staff_download_a_suppliers_document_only_within_their_scope, |app: TestApp| async move {
    use server::entities::enums::DbDocumentKind;
    use server::entities::supplier_documents;
    let s = supplier(&app, "sales@medtech.kz", 28, DbSupplierStatus::Pending, &["AST"]).await;
    let dir = app.settings.data_dir.join("documents");
    std::fs::create_dir_all(&dir).unwrap();
    let content = b"%PDF-1.4 licence of the supplier".to_vec();
    std::fs::write(dir.join("doc-key-0001"), &content).unwrap();
    let doc = supplier_documents::ActiveModel {
        supplier_id: Set(s.id),
        kind: Set(DbDocumentKind::Licence),
        file_name: Set("Лицензия.pdf".into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(content.len() as i64),
        storage_key: Set("doc-key-0001".into()),
        sha256: Set("0".repeat(64)),
        uploaded_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let detail = app.call(Some(&staff), "staff_supplier", &[("id", &s.id.to_string())]).await;
    let href = detail.body["documents"][0]["href"].as_str().unwrap().to_owned();
    assert_eq!(href, format!("/staff/suppliers/{}/documents/{}", s.id, doc.id));
    let res = app.get(Some(&staff), &href).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    assert_eq!(res.bytes().await.unwrap().to_vec(), content);
    let regional = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    assert_eq!(app.get(Some(&regional), &href).await.status(), StatusCode::NOT_FOUND);
    let other = app.get(Some(&staff), &format!("/staff/suppliers/{}/documents/{}", s.id + 1, doc.id)).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND, "a document is reached only through its own supplier");
    assert_eq!(app.get(Some(&s.token), &href).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get(None, &href).await.status(), StatusCode::SEE_OTHER);
});
