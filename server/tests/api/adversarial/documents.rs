//! A supplier's documents reach only the supplier and the staff whose region covers it.
use crate::both;
use crate::fixtures::*;
use crate::helpers::TestApp;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use server::entities::enums::*;
use server::entities::suppliers;

/// Uploads a one-page PDF as the supplier and returns the document's id.
async fn upload(app: &TestApp, token: &str) -> i32 {
    let res = crate::fixtures::supplier::upload(
        app,
        Some(token),
        "/supplier/documents/upload",
        &[("kind", "registration")],
        ("registration.pdf", crate::fixtures::supplier::PDF),
    )
    .await;
    assert!(res.status().is_redirection(), "upload answered {}", res.status());
    let docs = app.call(Some(token), "supplier_documents", &[]).await;
    docs.body["documents"].as_array().unwrap().last().unwrap()["id"].as_i64().unwrap() as i32
}

both!(a_regional_officer_cannot_download_documents_of_suppliers_outside_the_region, |app: TestApp| async move {
    let s = supplier(&app, "s@x.kz", 1, DbSupplierStatus::Pending, &["AST"]).await;
    // Registered in Astana.
    let row = suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap();
    let mut am: suppliers::ActiveModel = row.into();
    am.home_region = Set(Some("AST".into()));
    am.update(&app.db).await.unwrap();
    let doc = upload(&app, &s.token).await;
    let other = supplier(&app, "other@x.kz", 2, DbSupplierStatus::Pending, &["ALA"]).await;
    let almaty = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let astana = app.staff("astana@enbek.gov.kz", Some("AST")).await;
    let central = app.staff("central@enbek.gov.kz", None).await;
    let path = format!("/documents/{doc}");
    assert_eq!(app.get(Some(&s.token), &path).await.status(), StatusCode::OK, "its supplier");
    assert_eq!(app.get(Some(&astana), &path).await.status(), StatusCode::OK, "staff of its region");
    assert_eq!(app.get(Some(&central), &path).await.status(), StatusCode::OK, "central staff");
    assert_eq!(app.get(Some(&almaty), &path).await.status(), StatusCode::NOT_FOUND, "staff of another region");
    assert_eq!(app.get(Some(&other.token), &path).await.status(), StatusCode::NOT_FOUND, "another supplier");
    // The staff page's own link obeys the same rule.
    let staff_path = format!("/staff/suppliers/{}/documents/{doc}", s.id);
    assert_eq!(app.get(Some(&almaty), &staff_path).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get(Some(&astana), &staff_path).await.status(), StatusCode::OK);
});
