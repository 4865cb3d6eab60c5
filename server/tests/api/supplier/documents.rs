//! Documents: checked by content and size, kept outside the web root, given only to their
//! supplier and to ministry staff.
use crate::both;
use crate::fixtures::supplier;
use crate::fixtures::supplier::*;
use crate::helpers::{iin, TestApp};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::enums::DbSupplierStatus;
use server::entities::{audit_log, supplier_documents};

both!(
    an_uploaded_document_is_kept_outside_the_web_root_and_downloads_for_its_owner_and_staff,
    |app: TestApp| async move {
        let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Pending, &["ALA"]).await;
        let res = upload(
            &app,
            Some(&s.token),
            "/supplier/documents/upload",
            &[("kind", "licence")],
            ("C:\\scans\\Лицензия №1.pdf", PDF),
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/supplier/documents?done=document_uploaded");
        let doc = supplier_documents::Entity::find().one(&app.db).await.unwrap().unwrap();
        assert_eq!(
            (doc.file_name.as_str(), doc.content_type.as_str(), doc.size_bytes),
            ("Лицензия №1.pdf", "application/pdf", PDF.len() as i64)
        );
        let stored = app.settings.data_dir.join("documents").join(&doc.storage_key);
        assert_eq!(std::fs::read(&stored).unwrap(), PDF, "stored under the data folder by a random key");
        let listed = app.call(Some(&s.token), "supplier_documents", &[]).await;
        assert_eq!(listed.body["documents"][0]["href"], format!("/documents/{}", doc.id));
        let mine = app.get(Some(&s.token), &format!("/documents/{}", doc.id)).await;
        assert_eq!(mine.status(), StatusCode::OK);
        assert_eq!(mine.headers()["content-type"], "application/pdf");
        let disposition = mine.headers()["content-disposition"].to_str().unwrap().to_owned();
        assert!(
            disposition.starts_with("attachment;") && disposition.contains("filename*=UTF-8''%D0%9B"),
            "{disposition}"
        );
        assert_eq!(mine.bytes().await.unwrap().as_ref(), PDF);
        let staff = app.staff("officer@enbek.gov.kz", None).await;
        let seen = app.get(Some(&staff), &format!("/documents/{}", doc.id)).await;
        assert_eq!(seen.status(), StatusCode::OK);
        let audited = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("supplier_document.view"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(audited.len(), 1, "staff reading a document is recorded");
        // The static files of the site never include it.
        let static_try = app.get(None, &format!("/documents/{}", doc.storage_key)).await;
        assert_ne!(static_try.status(), StatusCode::OK);
    }
);

both!(uploads_are_checked_by_content_size_and_kind, |app: TestApp| async move {
    let s = supplier(&app, "sales@medtech.kz", 7, DbSupplierStatus::Pending, &["ALA"]).await;
    let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    let cases: Vec<(&str, &str, Vec<u8>, &str)> = vec![
        ("licence", "virus.pdf", b"MZ\x90\x00 not a pdf".to_vec(), "file_type_not_allowed"),
        ("licence", "photo.pdf", png.to_vec(), "file_type_mismatch"),
        ("licence", "empty.pdf", Vec::new(), "file_required"),
        ("passport", "scan.pdf", PDF.to_vec(), "unknown_kind"),
    ];
    for (kind, name, bytes, code) in cases {
        let res = upload(&app, Some(&s.token), "/supplier/documents/upload", &[("kind", kind)], (name, &bytes)).await;
        assert_eq!(location(&res), format!("/supplier/documents?error={code}"), "{name}");
    }
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let res =
        upload(&app, Some(&s.token), "/supplier/documents/upload", &[("kind", "licence")], ("big.pdf", &big)).await;
    assert_eq!(location(&res), "/supplier/documents?error=file_too_large");
    let ok =
        upload(&app, Some(&s.token), "/supplier/documents/upload", &[("kind", "licence")], ("photo.png", &png)).await;
    assert_eq!(location(&ok), "/supplier/documents?done=document_uploaded");
    assert_eq!(supplier_documents::Entity::find().all(&app.db).await.unwrap().len(), 1);
});

both!(a_supplier_cannot_see_or_remove_another_suppliers_documents, |app: TestApp| async move {
    let owner = supplier(&app, "owner@medtech.kz", 7, DbSupplierStatus::Pending, &["ALA"]).await;
    let other = supplier(&app, "other@medtech.kz", 8, DbSupplierStatus::Pending, &["ALA"]).await;
    upload(&app, Some(&owner.token), "/supplier/documents/upload", &[("kind", "registration")], ("reg.pdf", PDF)).await;
    let doc = supplier_documents::Entity::find().one(&app.db).await.unwrap().unwrap();
    let path = format!("/documents/{}", doc.id);
    assert_eq!(app.get(Some(&other.token), &path).await.status(), StatusCode::NOT_FOUND);
    let listed = app.call(Some(&other.token), "supplier_documents", &[]).await;
    assert_eq!(listed.body["documents"], serde_json::json!([]));
    let removed = app.call(Some(&other.token), "supplier_delete_document", &[("id", &doc.id.to_string())]).await;
    assert_eq!(removed.status, StatusCode::NOT_FOUND);
    let recipient = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    assert_eq!(app.get(Some(&recipient), &path).await.status(), StatusCode::FORBIDDEN);
    let visitor = app.get(None, &path).await;
    assert_eq!(location(&visitor), format!("/sign-in?next={path}"));
    assert!(supplier_documents::Entity::find_by_id(doc.id).one(&app.db).await.unwrap().is_some());
    // Its owner may remove it before approval.
    let own = app.call(Some(&owner.token), "supplier_delete_document", &[("id", &doc.id.to_string())]).await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.body);
    assert!(!app.settings.data_dir.join("documents").join(&doc.storage_key).exists());
});
