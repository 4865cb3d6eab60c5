//! Staff and admins sign in with a second factor: set up at the first sign-in, required every
//! time, a code used once, recovery codes used once, and reset only by an admin.
use crate::both;
use crate::helpers::{fresh_code, TestApp};
use crate::ministry::{admin, audit_entries, PASSWORD};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::accounts;

async fn account(app: &TestApp, email: &str) -> accounts::Model {
    accounts::Entity::find().filter(accounts::Column::Email.eq(email)).one(&app.db).await.unwrap().unwrap()
}

async fn create_staff(app: &TestApp, email: &str) {
    use app::domain::{Email, Lang, Role};
    let hash = server::auth::password::hash(PASSWORD.into()).await.unwrap();
    let email_v = Email::parse(email).unwrap();
    server::services::accounts::insert_account(
        &app.db,
        server::services::accounts::NewAccount {
            email: &email_v,
            password_hash: hash,
            role: Role::Staff,
            lang: Lang::En,
            display_name: "Officer".into(),
            staff_region: None,
        },
    )
    .await
    .unwrap();
}

both!(a_staff_password_alone_opens_nothing_but_the_second_factor, |app: TestApp| async move {
    create_staff(&app, "officer@enbek.gov.kz").await;
    let pending = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    assert!(app.whoami(&pending).await.is_null(), "not signed in yet");
    for f in ["staff_supplier_queue", "audit_search", "staff_imports", "dashboard", "account_overview"] {
        let a = app.call(Some(&pending), f, &[("query", "")]).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED, "{f}: {}", a.body);
    }
    let page = app.get(Some(&pending), "/staff/suppliers").await;
    assert_ne!(page.status(), StatusCode::OK);
    // The set-up shows a QR code (inline SVG) and the text key.
    let key = app.call(Some(&pending), "second_factor_setup", &[]).await;
    assert_eq!(key.status, StatusCode::OK, "{}", key.body);
    assert!(key.body["qr_svg"].as_str().unwrap().starts_with("<svg"));
    let secret = key.body["secret"].as_str().unwrap().replace(' ', "");
    assert_eq!(
        app.call(Some(&pending), "second_factor_setup", &[]).await.body["secret"],
        key.body["secret"],
        "a reload shows the same key"
    );
    // A wrong code is refused beside the field.
    let wrong = app.call(Some(&pending), "second_factor_enrol", &[("code", "000000")]).await;
    assert_eq!(wrong.field_error("code").as_deref(), Some("second_factor_code_wrong"));
    let code =
        server::auth::second_factor::code_at(&secret, u64::try_from(chrono::Utc::now().timestamp()).unwrap()).unwrap();
    let enrolled = app.call(Some(&pending), "second_factor_enrol", &[("code", &code)]).await;
    assert_eq!(enrolled.status, StatusCode::OK, "{}", enrolled.body);
    let full = enrolled.session_cookie().unwrap();
    assert_eq!(app.whoami(&full).await["email"], "officer@enbek.gov.kz");
    assert!(app.whoami(&pending).await.is_null(), "the waiting session ended");
    assert_eq!(
        app.call(Some(&pending), "second_factor_enrol", &[("code", &code)]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(audit_entries(&app, "account.second_factor_set_up").await.len(), 1);
    let a = account(&app, "officer@enbek.gov.kz").await;
    assert!(a.totp_secret.is_some() && a.totp_pending_secret.is_none());
    // Every later sign-in asks for a code; the same code never works twice.
    let pending = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    let replay = app.call(Some(&pending), "second_factor_verify", &[("code", &code)]).await;
    assert_eq!(replay.field_error("code").as_deref(), Some("second_factor_code_wrong"), "a used code is refused");
    let fresh = fresh_code(&secret, account(&app, "officer@enbek.gov.kz").await.totp_last_step).await;
    let ok = app.call(Some(&pending), "second_factor_verify", &[("code", &fresh)]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(app.whoami(&ok.session_cookie().unwrap()).await["role"], "staff");
});

both!(guessing_second_factor_codes_is_throttled, |app: TestApp| async move {
    create_staff(&app, "officer@enbek.gov.kz").await;
    let token = app.sign_in_staff("officer@enbek.gov.kz", PASSWORD).await;
    assert!(!token.is_empty());
    let pending = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    let mut statuses = Vec::new();
    for i in 0..8 {
        statuses.push(
            app.call(Some(&pending), "second_factor_verify", &[("code", &format!("{:06}", 111_111 * (i % 9)))])
                .await
                .status,
        );
    }
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
});

both!(a_recovery_code_signs_in_once_and_an_admin_reset_makes_the_officer_set_up_again, |app: TestApp| async move {
    create_staff(&app, "officer@enbek.gov.kz").await;
    let pending = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    let key = app.call(Some(&pending), "second_factor_setup", &[]).await;
    let secret = key.body["secret"].as_str().unwrap().replace(' ', "");
    let code =
        server::auth::second_factor::code_at(&secret, u64::try_from(chrono::Utc::now().timestamp()).unwrap()).unwrap();
    // With JavaScript off the enrolment answers a redirect to the codes page and hands the
    // codes over in a short-lived cookie; the page shows them once.
    let res = app
        .post_form(Some(&pending), "/api/second_factor_enrol", "/sign-in/two-factor/set-up", &[("code", &code)])
        .await;
    assert!(res.status().is_redirection());
    assert_eq!(res.headers().get("location").unwrap(), "/account/recovery-codes");
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .collect();
    let session = cookies.iter().find_map(|c| c.strip_prefix("ssp_session=")).unwrap().to_owned();
    let handed = cookies.iter().find(|c| c.starts_with("ssp_recovery=")).unwrap().clone();
    let page = app
        .client
        .get(format!("{}/account/recovery-codes", app.base))
        .header("cookie", format!("ssp_session={session}; {handed}"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let cleared = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("ssp_recovery=;"));
    assert!(cleared, "the codes are cleared once shown");
    let html = page.text().await.unwrap();
    let doc = scraper::Html::parse_document(&html);
    let codes: Vec<String> = doc
        .select(&scraper::Selector::parse(".app-recovery-codes code").unwrap())
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(codes.len(), 10, "{html}");
    let stored = server::entities::recovery_codes::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 10);
    assert!(stored.iter().all(|s| !codes.contains(&s.code_hash)), "stored hashed");
    // One recovery code signs in once.
    let pending = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    let ok = app.call(Some(&pending), "second_factor_verify", &[("code", &codes[0].to_uppercase())]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let pending = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    let again = app.call(Some(&pending), "second_factor_verify", &[("code", &codes[0])]).await;
    assert_eq!(again.field_error("code").as_deref(), Some("second_factor_code_wrong"));
    assert_eq!(audit_entries(&app, "account.recovery_code_used").await.len(), 1);
    // Only an admin resets the factor: the officer's sessions end and the set-up comes back.
    let officer = ok.session_cookie().unwrap();
    let id = account(&app, "officer@enbek.gov.kz").await.id.to_string();
    let staff_try = app.call(Some(&officer), "admin_reset_second_factor", &[("account_id", &id)]).await;
    assert_eq!(staff_try.status, StatusCode::FORBIDDEN);
    let root = admin(&app, "admin@enbek.gov.kz").await;
    let root_id = account(&app, "admin@enbek.gov.kz").await.id.to_string();
    assert_eq!(
        app.call(Some(&root), "admin_reset_second_factor", &[("account_id", &root_id)]).await.error_code().as_deref(),
        Some("cannot_reset_own_second_factor")
    );
    let reset = app.call(Some(&root), "admin_reset_second_factor", &[("account_id", &id)]).await;
    assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
    assert!(app.whoami(&officer).await.is_null(), "sessions ended");
    assert!(account(&app, "officer@enbek.gov.kz").await.totp_secret.is_none());
    assert_eq!(audit_entries(&app, "staff.second_factor_reset").await.len(), 1);
    let again = app.sign_in("officer@enbek.gov.kz", PASSWORD).await.session_cookie().unwrap();
    assert_eq!(app.call(Some(&again), "second_factor_setup", &[]).await.status, StatusCode::OK, "set up afresh");
});

both!(recipients_and_suppliers_sign_in_without_a_second_factor, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    let a = app.sign_in("asel@mail.kz", PASSWORD).await;
    assert_eq!(app.whoami(&a.session_cookie().unwrap()).await["email"], "asel@mail.kz");
});
