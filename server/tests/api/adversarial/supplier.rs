//! A supplier reaches the ministry only by submitting a complete application, and widens its
//! scope after approval only through staff review.
use crate::both;
use crate::fixtures::supplier;
use crate::fixtures::supplier::{profile_form, upload, PDF};
use crate::helpers::{bin, TestApp};
use crate::ministry::audit_entries;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::enums::DbSupplierStatus;
use server::entities::suppliers;

async fn status_of(app: &TestApp, id: i32) -> DbSupplierStatus {
    suppliers::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap().status
}

both!(a_new_supplier_stays_a_draft_until_it_submits_a_complete_application, |app: TestApp| async move {
    let token = app.sign_up_supplier("sales@medtech.kz", &bin(7)).await;
    let s = suppliers::Entity::find()
        .filter(suppliers::Column::Email.eq("sales@medtech.kz"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.status, DbSupplierStatus::Draft, "not in the ministry's queue yet");
    assert!(s.submitted_at.is_none());
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let id = s.id.to_string();
    let approve = app
        .call(
            Some(&staff),
            "staff_decide_supplier",
            &[("supplier_id", &id), ("supplier_decision", "approve"), ("decision_reason", "")],
        )
        .await;
    assert_eq!(approve.error_code().as_deref(), Some("decision_not_open"), "a draft cannot be approved");
    assert_eq!(
        app.call(Some(&token), "supplier_submit_profile", &[]).await.error_code().as_deref(),
        Some("profile_incomplete")
    );
    let b = bin(7);
    app.call(Some(&token), "supplier_save_profile", &profile_form(&b, &["ALA"], &["assistant"])).await;
    let res = upload(
        &app,
        Some(&token),
        "/supplier/documents/upload",
        &[("kind", "registration")],
        ("registration.pdf", PDF),
    )
    .await;
    assert!(res.status().is_redirection());
    let submitted = app.call(Some(&token), "supplier_submit_profile", &[]).await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    assert_eq!(status_of(&app, s.id).await, DbSupplierStatus::Pending);
    let approve = app
        .call(
            Some(&staff),
            "staff_decide_supplier",
            &[("supplier_id", &id), ("supplier_decision", "approve"), ("decision_reason", "")],
        )
        .await;
    assert_eq!(approve.status, StatusCode::OK, "{}", approve.body);
    assert_eq!(status_of(&app, s.id).await, DbSupplierStatus::Approved);
});

both!(an_application_that_lost_a_document_after_submission_cannot_be_approved, |app: TestApp| async move {
    let token = app.sign_up_supplier("sales@medtech.kz", &bin(7)).await;
    let b = bin(7);
    app.call(Some(&token), "supplier_save_profile", &profile_form(&b, &["ALA"], &["assistant"])).await;
    upload(&app, Some(&token), "/supplier/documents/upload", &[("kind", "registration")], ("registration.pdf", PDF))
        .await;
    assert_eq!(app.call(Some(&token), "supplier_submit_profile", &[]).await.status, StatusCode::OK);
    let docs = app.call(Some(&token), "supplier_documents", &[]).await;
    let doc = docs.body["documents"][0]["id"].as_i64().unwrap().to_string();
    let deleted = app.call(Some(&token), "supplier_delete_document", &[("id", &doc)]).await;
    if deleted.status == StatusCode::OK {
        let staff = app.staff("officer@enbek.gov.kz", None).await;
        let id = suppliers::Entity::find().one(&app.db).await.unwrap().unwrap().id;
        let approve = app
            .call(
                Some(&staff),
                "staff_decide_supplier",
                &[("supplier_id", &id.to_string()), ("supplier_decision", "approve"), ("decision_reason", "")],
            )
            .await;
        assert_eq!(approve.error_code().as_deref(), Some("supplier_incomplete"));
        assert_eq!(status_of(&app, id).await, DbSupplierStatus::Pending);
    } else {
        assert_eq!(deleted.status.as_u16() / 100, 4, "a pending supplier may keep its file as submitted");
    }
});

both!(an_approved_supplier_cannot_widen_its_scope_without_staff_review, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Approved, &["ALA"]).await;
    // Narrow the categories to one reviewed category first (the fixture grants all).
    {
        use server::entities::{categories, supplier_categories};
        let assistant = categories::Entity::find()
            .filter(categories::Column::Code.eq("assistant"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        supplier_categories::Entity::delete_many()
            .filter(supplier_categories::Column::SupplierId.eq(s.id))
            .filter(supplier_categories::Column::CategoryId.ne(assistant.id))
            .exec(&app.db)
            .await
            .unwrap();
    }
    let b = suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap().bin;
    let saved = app
        .call(Some(&s.token), "supplier_save_profile", &profile_form(&b, &["ALA", "AST"], &["assistant", "tsr"]))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(status_of(&app, s.id).await, DbSupplierStatus::Approved, "still approved for what was reviewed");
    let p = app.call(Some(&s.token), "supplier_profile", &[]).await;
    assert_eq!(p.body["pending_regions"], serde_json::json!(["AST"]));
    assert_eq!(p.body["pending_categories"], serde_json::json!(["tsr"]));
    assert_eq!(audit_entries(&app, "supplier.scope_request").await.len(), 1);
    // The new category and region cannot be used yet.
    let form = app.call(Some(&s.token), "supplier_new_offering_form", &[("item_type", "wheelchair_manual")]).await;
    assert_ne!(form.status, StatusCode::OK, "no offering in an unreviewed category: {}", form.body);
    let regions_offered = |form: &serde_json::Value| -> Vec<String> {
        form["regions"].as_array().unwrap().iter().filter_map(|r| r["code"].as_str().map(str::to_owned)).collect()
    };
    let form = app.call(Some(&s.token), "supplier_new_offering_form", &[("item_type", "assistant_hour")]).await;
    assert_eq!(
        regions_offered(&form.body),
        vec!["ALA".to_owned()],
        "an unreviewed region is not offered: {}",
        form.body
    );
    let in_new_region: Vec<(&str, &str)> = vec![
        ("id", ""),
        ("item_type", "assistant_hour"),
        ("sku", "PA-1"),
        ("title_kk", "Көмекші"),
        ("title_ru", "Ассистент"),
        ("title_en", ""),
        ("description_kk", "Күндіз"),
        ("description_ru", "Днём"),
        ("description_en", ""),
        ("price", "2500"),
        ("lead_time_days", "3"),
        ("capacity", "40"),
        ("regions[]", "AST"),
    ];
    let saved = app.call(Some(&s.token), "supplier_save_offering", &in_new_region).await;
    assert_eq!(
        saved.field_error("regions").as_deref(),
        Some("region_not_yours"),
        "no offering in an unreviewed region: {}",
        saved.body
    );
    // Staff of the supplier's region see the request and accept it.
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let detail = app.call(Some(&staff), "staff_supplier", &[("id", &s.id.to_string())]).await;
    assert_eq!(detail.body["requested_regions"].as_array().unwrap().len(), 1);
    assert_eq!(detail.body["requested_categories"].as_array().unwrap().len(), 1);
    let refuse = app
        .call(
            Some(&staff),
            "staff_decide_scope",
            &[("supplier_id", &s.id.to_string()), ("scope_decision", "refuse"), ("scope_reason", "")],
        )
        .await;
    assert_eq!(refuse.field_error("scope_reason").as_deref(), Some("required"));
    let accept = app
        .call(
            Some(&staff),
            "staff_decide_scope",
            &[("supplier_id", &s.id.to_string()), ("scope_decision", "accept"), ("scope_reason", "")],
        )
        .await;
    assert_eq!(accept.status, StatusCode::OK, "{}", accept.body);
    assert_eq!(audit_entries(&app, "supplier.scope_accept").await.len(), 1);
    let form = app.call(Some(&s.token), "supplier_new_offering_form", &[("item_type", "wheelchair_manual")]).await;
    assert_eq!(form.status, StatusCode::OK, "usable once accepted: {}", form.body);
    let mut offered = regions_offered(&form.body);
    offered.sort();
    assert_eq!(offered, vec!["ALA".to_owned(), "AST".to_owned()], "the accepted region too");
    let p = app.call(Some(&s.token), "supplier_profile", &[]).await;
    assert_eq!(p.body["pending_categories"], serde_json::json!([]));
    // A refused request is dropped, and the supplier is told why.
    app.call(Some(&s.token), "supplier_save_profile", &profile_form(&b, &["ALA", "AST", "SHY"], &["assistant", "tsr"]))
        .await;
    let refuse = app
        .call(
            Some(&staff),
            "staff_decide_scope",
            &[
                ("supplier_id", &s.id.to_string()),
                ("scope_decision", "refuse"),
                ("scope_reason", "Нет лицензии для Шымкента"),
            ],
        )
        .await;
    assert_eq!(refuse.status, StatusCode::OK, "{}", refuse.body);
    let p = app.call(Some(&s.token), "supplier_profile", &[]).await;
    assert!(!p.body["regions"].as_array().unwrap().iter().any(|r| r == "SHY"));
});
