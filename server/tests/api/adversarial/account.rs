//! Password change and one's sessions.
use crate::both;
use crate::helpers::{iin, TestApp};
use crate::ministry::audit_entries;
use reqwest::StatusCode;

const PASSWORD: &str = "steppe horses run at dawn";

both!(changing_the_password_needs_the_current_one_and_ends_every_other_session, |app: TestApp| async move {
    let first = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let second = app.sign_in("asel@mail.kz", PASSWORD).await.session_cookie().unwrap();
    let wrong = app
        .call(
            Some(&first),
            "change_password",
            &[("current_password", "not my password"), ("new_password", "a brand new steppe passphrase")],
        )
        .await;
    assert_eq!(wrong.field_error("current_password").as_deref(), Some("current_password_wrong"));
    let weak = app
        .call(Some(&first), "change_password", &[("current_password", PASSWORD), ("new_password", "qwertyuiop123")])
        .await;
    assert!(weak.field_error("new_password").unwrap_or_default().starts_with("password_"));
    let same =
        app.call(Some(&first), "change_password", &[("current_password", PASSWORD), ("new_password", PASSWORD)]).await;
    assert_eq!(same.field_error("new_password").as_deref(), Some("password_same_as_current"));
    let ok = app
        .call(
            Some(&first),
            "change_password",
            &[("current_password", PASSWORD), ("new_password", "a brand new steppe passphrase")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(app.whoami(&first).await["email"], "asel@mail.kz", "this session goes on");
    assert!(app.whoami(&second).await.is_null(), "the other one ended");
    assert_eq!(app.sign_in("asel@mail.kz", PASSWORD).await.error_code().as_deref(), Some("bad_credentials"));
    assert_eq!(app.sign_in("asel@mail.kz", "a brand new steppe passphrase").await.status, StatusCode::OK);
    assert_eq!(audit_entries(&app, "account.password_change").await.len(), 1);
    // A person's own account entries are not read by every regional officer in the country.
    let regional = app.staff("astana@enbek.gov.kz", Some("AST")).await;
    let seen = app.call(Some(&regional), "audit_search", &[("query", ""), ("action", "account.password_change")]).await;
    assert_eq!(seen.body, serde_json::json!([]), "{}", seen.body);
});

both!(one_sees_ones_own_sessions_and_can_end_them_all, |app: TestApp| async move {
    let first = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let second = app.sign_in("asel@mail.kz", PASSWORD).await.session_cookie().unwrap();
    let other = app.sign_up_recipient("bota@mail.kz", &iin("910203", 4, 88)).await;
    let list = app.call(Some(&first), "my_sessions", &[]).await;
    let rows = list.body.as_array().unwrap();
    assert_eq!(rows.len(), 2, "only my own: {}", list.body);
    assert_eq!(rows.iter().filter(|r| r["current"] == true).count(), 1);
    let page = app.get(Some(&first), "/account/sessions").await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(app.call(Some(&first), "sign_out_others", &[]).await.status, StatusCode::OK);
    assert!(app.whoami(&second).await.is_null());
    assert_eq!(app.whoami(&first).await["email"], "asel@mail.kz");
    assert_eq!(app.whoami(&other).await["email"], "bota@mail.kz", "nobody else's sessions");
    let everywhere = app.call(Some(&first), "sign_out_everywhere", &[]).await;
    assert_eq!(everywhere.status, StatusCode::OK);
    assert!(app.whoami(&first).await.is_null());
    assert_eq!(audit_entries(&app, "account.sign_out_everywhere").await.len(), 1);
});

#[test]
fn the_session_cookie_is_host_prefixed_over_https() {
    let secure = server::auth::session::cookie("t", 60, true);
    assert!(
        secure.starts_with("__Host-ssp_session=t;")
            && secure.contains("; Secure")
            && secure.contains("Path=/")
            && !secure.contains("Domain"),
        "{secure}"
    );
    let plain = server::auth::session::cookie("t", 60, false);
    assert!(plain.starts_with("ssp_session=t;") && !plain.contains("Secure"));
}

both!(over_https_the_session_cookie_is_host_prefixed_secure_and_read_back, |app: TestApp| async move {
    use server::startup::Application;
    const ORIGIN: &str = "https://portal.example.kz";
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    // The same database served as an HTTPS origin (development mode: the origin decides).
    let mut settings = app.settings.clone();
    settings.public_origin = Some(ORIGIN.into());
    let built = Application::build(settings.clone()).await.unwrap();
    let base = format!("http://127.0.0.1:{}", built.port());
    tokio::spawn(built.run_until_stopped());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = client
        .post(format!("{base}/api/sign_in"))
        .header("origin", ORIGIN)
        .form(&[("email", "asel@mail.kz"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let set = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.contains("ssp_session="))
        .unwrap_or_default()
        .to_owned();
    assert!(set.starts_with("__Host-ssp_session="), "{set}");
    for part in ["; Secure", "; Path=/", "; HttpOnly"] {
        assert!(set.contains(part), "{set}");
    }
    assert!(!set.to_ascii_lowercase().contains("domain="), "{set}");
    let token = set.trim_start_matches("__Host-ssp_session=").split(';').next().unwrap_or_default().to_owned();
    let me = |cookie: String| {
        let client = client.clone();
        let base = base.clone();
        async move {
            let res = client
                .post(format!("{base}/api/current_user"))
                .header("origin", ORIGIN)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap();
            res.json::<serde_json::Value>().await.unwrap_or_default()
        }
    };
    assert_eq!(
        me(format!("__Host-ssp_session={token}")).await["email"],
        "asel@mail.kz",
        "the prefixed cookie is read back"
    );
    assert!(me(format!("ssp_session={token}")).await.is_null(), "the plain name is not a session over HTTPS");
    // Production over plain HTTP is refused at start-up.
    let mut plain = settings;
    plain.environment = server::config::Environment::Production;
    plain.public_origin = Some("http://portal.example.kz".into());
    let refused = Application::build(plain).await.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(refused.contains("HTTPS"), "{refused}");
});
