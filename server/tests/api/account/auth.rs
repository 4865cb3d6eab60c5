//! Sign-up, sign-in, throttling and sessions.
use crate::both;
use crate::helpers::{bin, iin, TestApp};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::entities::{login_attempts, suppliers};

both!(sign_up_reports_every_invalid_field_at_once, |app: TestApp| async move {
    let a = app
        .call(
            None,
            "sign_up_recipient",
            &[
                ("email", "not-an-email"),
                ("password", "short"),
                ("iin", "123456789012"),
                ("full_name", "  "),
                ("region", "XXX"),
            ],
        )
        .await;
    assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.field_error("email").as_deref(), Some("invalid_email"));
    assert_eq!(a.field_error("password").as_deref(), Some("password_too_short"));
    assert_eq!(a.field_error("iin").as_deref(), Some("bad_checksum"));
    assert_eq!(a.field_error("full_name").as_deref(), Some("required"));
    assert_eq!(a.field_error("region").as_deref(), Some("unknown_region"));
});

both!(a_common_password_is_refused, |app: TestApp| async move {
    let a = app
        .call(
            None,
            "sign_up_recipient",
            &[
                ("email", "a@mail.kz"),
                ("password", "password1234"),
                ("iin", &iin("900815", 3, 12)),
                ("full_name", "Test Person"),
                ("region", "ALA"),
            ],
        )
        .await;
    assert_eq!(a.field_error("password").as_deref(), Some("password_too_common"));
});

both!(a_supplier_account_starts_as_a_draft_the_ministry_does_not_see_yet, |app: TestApp| async move {
    let token = app.sign_up_supplier("sales@medtech.kz", &bin(123)).await;
    let me = app.whoami(&token).await;
    assert_eq!(me["role"], "supplier");
    assert_eq!(me["supplier_status"], "draft");
    let s = suppliers::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(s.submitted_at.is_none(), "submitted only when the supplier sends its application");
    let dup = app
        .call(
            None,
            "sign_up_supplier",
            &[
                ("email", "other@medtech.kz"),
                ("password", "steppe horses run at dawn"),
                ("bin", &bin(123)),
                ("organisation", "Copy"),
                ("region", "AST"),
            ],
        )
        .await;
    assert_eq!(dup.field_error("bin").as_deref(), Some("bin_taken"));
});

both!(sign_in_with_the_right_password_starts_a_session, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let a = app.sign_in(" ASEL@mail.kz ", "steppe horses run at dawn").await;
    assert_eq!(a.status, StatusCode::OK);
    let cookie = a.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Max-Age=3600"),
        "{cookie}"
    );
    let token = a.session_cookie().unwrap();
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz");
});

both!(unknown_email_and_wrong_password_get_the_same_answer, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let wrong = app.sign_in("asel@mail.kz", "not the password at all").await;
    let unknown = app.sign_in("nobody@mail.kz", "not the password at all").await;
    assert_eq!(wrong.status, StatusCode::CONFLICT);
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(wrong.error_code().as_deref(), Some("bad_credentials"));
    assert!(wrong.session_cookie().is_none());
    let logged = login_attempts::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(logged.iter().filter(|l| l.outcome == "failure").count(), 2);
});

both!(sign_in_is_throttled_after_repeated_failures, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    for _ in 0..5 {
        let a = app.sign_in("asel@mail.kz", "not the password at all").await;
        assert_eq!(a.error_code().as_deref(), Some("bad_credentials"));
    }
    // Even the right password must now wait.
    let a = app.sign_in("asel@mail.kz", "steppe horses run at dawn").await;
    assert_eq!(a.status, StatusCode::TOO_MANY_REQUESTS);
    let wait = a.body["TooManyAttempts"].as_u64().unwrap();
    assert!(wait > 0 && wait <= 30, "{wait}");
    let throttled = login_attempts::Entity::find()
        .filter(login_attempts::Column::Outcome.eq("throttled"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(throttled.len(), 1, "refused attempts are logged too");
});

both!(a_disabled_account_cannot_sign_in_and_its_sessions_end, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz");
    let account = server::entities::accounts::Entity::find().one(&app.db).await.unwrap().unwrap();
    let id = account.id;
    let mut am: server::entities::accounts::ActiveModel = account.into();
    am.status = Set(server::entities::enums::DbAccountStatus::Disabled);
    am.update(&app.db).await.unwrap();
    server::auth::session::revoke_all(&app.db, id).await.unwrap();
    assert!(app.whoami(&token).await.is_null());
    let a = app.sign_in("asel@mail.kz", "steppe horses run at dawn").await;
    assert_eq!(a.error_code().as_deref(), Some("account_disabled"));
});

both!(sign_out_revokes_the_session, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let out = app.call(Some(&token), "sign_out", &[]).await;
    assert_eq!(out.status, StatusCode::OK);
    assert!(out.headers.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().contains("Max-Age=0"));
    // The old token, replayed, no longer works.
    assert!(app.whoami(&token).await.is_null());
});

both!(a_plain_form_sign_in_without_javascript_redirects_and_keeps_the_email, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let refused = app
        .post_form(None, "/api/sign_in", "/sign-in", &[("email", "asel@mail.kz"), ("password", "wrong password here")])
        .await;
    assert_eq!(refused.status(), StatusCode::FOUND);
    let location = refused.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.contains("/sign-in?") && location.contains("__err="), "{location}");
    let typed = refused
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("ssp_typed="))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .expect("typed values kept");
    let page = app.client.get(location).header("cookie", typed).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("value=\"asel@mail.kz\""), "the e-mail is back in its field");
    assert!(page.contains("app-error-summary"), "the error is shown");
    let ok = app
        .post_form(
            None,
            "/api/sign_in",
            "/sign-in",
            &[("email", "asel@mail.kz"), ("password", "steppe horses run at dawn")],
        )
        .await;
    assert_eq!(ok.status(), StatusCode::FOUND);
    assert_eq!(ok.headers()["location"], "/dashboard");
});
