//! Staff accounts, managed by admins.
use super::{admin, audit_entries, PASSWORD};
use crate::both;
use crate::helpers::TestApp;
use reqwest::StatusCode;

async fn create(app: &TestApp, admin: &str, email: &str, region: &str, role: &str) -> crate::helpers::Answer {
    app.call(
        Some(admin),
        "admin_create_staff",
        &[
            ("staff_email", email),
            ("staff_name", "Ерлан Сапаров"),
            ("staff_region", region),
            ("staff_role", role),
            ("staff_password", PASSWORD),
        ],
    )
    .await
}

both!(an_admin_creates_a_regional_officer_who_works_in_that_region, |app: TestApp| async move {
    let root = admin(&app, "admin@enbek.gov.kz").await;
    let bad = app
        .call(
            Some(&root),
            "admin_create_staff",
            &[("staff_email", "nope"), ("staff_name", ""), ("staff_region", "XXX"), ("staff_password", "short")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (field, code) in [
        ("staff_email", "invalid_email"),
        ("staff_name", "required"),
        ("staff_role", "required"),
        ("staff_region", "unknown_region"),
        ("staff_password", "password_too_short"),
    ] {
        assert_eq!(bad.field_error(field).as_deref(), Some(code), "{field}: {}", bad.body);
    }
    let admin_in_region = create(&app, &root, "boss@enbek.gov.kz", "ALA", "admin").await;
    assert_eq!(admin_in_region.field_error("staff_region").as_deref(), Some("admin_has_no_region"));
    let a = create(&app, &root, "almaty@enbek.gov.kz", "ALA", "staff").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert_eq!(
        create(&app, &root, "Almaty@enbek.gov.kz", "", "staff").await.field_error("staff_email").as_deref(),
        Some("email_taken")
    );
    let officer = app.sign_in_staff("almaty@enbek.gov.kz", PASSWORD).await;
    let me = app.whoami(&officer).await;
    assert_eq!((me["role"].as_str(), me["staff_region"].as_str()), (Some("staff"), Some("ALA")));
    let list = app.call(Some(&root), "admin_staff_accounts", &[]).await;
    let row = list.body.as_array().unwrap().iter().find(|r| r["email"] == "almaty@enbek.gov.kz").cloned().unwrap();
    assert_eq!(row["region"], "Almaty city");
    let entry = &audit_entries(&app, "staff.create").await[0];
    assert_eq!(entry.details.as_ref().unwrap()["region"], "ALA");
});

both!(disabling_a_staff_account_ends_its_sessions_at_once, |app: TestApp| async move {
    let root = admin(&app, "admin@enbek.gov.kz").await;
    let officer = app.staff("officer@enbek.gov.kz", None).await;
    let id = crate::ministry::account_id(&app, &officer).await.to_string();
    let a = app.call(Some(&root), "admin_set_staff_status", &[("account_id", &id), ("action", "disable")]).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    assert!(app.whoami(&officer).await.is_null(), "the session ended");
    let again = app.sign_in("officer@enbek.gov.kz", "steppe horses run at dawn").await;
    assert_eq!(again.error_code().as_deref(), Some("account_disabled"));
    let on = app.call(Some(&root), "admin_set_staff_status", &[("account_id", &id), ("action", "enable")]).await;
    assert_eq!(on.status, StatusCode::OK);
    assert!(app.sign_in("officer@enbek.gov.kz", "steppe horses run at dawn").await.session_cookie().is_some());
    assert_eq!(audit_entries(&app, "staff.disable").await.len(), 1);
    assert_eq!(audit_entries(&app, "staff.enable").await.len(), 1);
});

both!(only_admins_manage_staff_and_not_their_own_account, |app: TestApp| async move {
    let root = admin(&app, "admin@enbek.gov.kz").await;
    let officer = app.staff("officer@enbek.gov.kz", None).await;
    let root_id = crate::ministry::account_id(&app, &root).await.to_string();
    let a =
        app.call(Some(&officer), "admin_set_staff_status", &[("account_id", &root_id), ("action", "disable")]).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert_eq!(create(&app, &officer, "x@enbek.gov.kz", "", "staff").await.status, StatusCode::FORBIDDEN);
    let own = app.call(Some(&root), "admin_set_staff_status", &[("account_id", &root_id), ("action", "disable")]).await;
    assert_eq!(own.error_code().as_deref(), Some("cannot_disable_self"));
    // Recipients and suppliers are not staff accounts: not found here.
    let asel = app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    let asel_id = crate::ministry::account_id(&app, &asel).await.to_string();
    let other =
        app.call(Some(&root), "admin_set_staff_status", &[("account_id", &asel_id), ("action", "disable")]).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
});
