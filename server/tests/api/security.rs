//! Tokens, cross-site requests, role checks and headers.
use crate::both;
use crate::helpers::{bin, iin, TestApp};
use base64::Engine;
use reqwest::StatusCode;
use secrecy::ExposeSecret;
use server::auth::token::{Claims, Tokens};

fn tokens(app: &TestApp) -> Tokens {
    let secret = app.settings.jwt_secret.as_ref().map(|s| s.expose_secret().to_owned()).unwrap_or_default();
    Tokens::new(secret.as_bytes(), 60)
}

both!(a_tampered_token_is_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let other = app.sign_up_recipient("bota@mail.kz", &iin("910203", 4, 88)).await;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = token.split('.').collect();
    let other_parts: Vec<&str> = other.split('.').collect();
    // Someone else's claims under my signature.
    let forged = format!("{}.{}.{}", parts[0], other_parts[1], parts[2]);
    assert!(app.whoami(&forged).await.is_null());
    // A claim edited by hand.
    let mut claims: serde_json::Value = serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    claims["sub"] = serde_json::json!("1");
    let edited = format!("{}.{}.{}", parts[0], b64.encode(claims.to_string()), parts[2]);
    assert!(app.whoami(&edited).await.is_null());
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz");
});

both!(an_expired_token_is_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let real = tokens(&app).verify(&token).unwrap();
    let past = chrono::Utc::now().timestamp() - 10;
    let expired = tokens(&app).issue_claims(&Claims { iat: past - 3600, exp: past, ..real }).unwrap();
    assert!(app.whoami(&expired).await.is_null());
});

both!(an_unsigned_alg_none_token_is_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let body = token.split('.').nth(1).unwrap().to_owned();
    let header = b64.encode(r#"{"alg":"none","typ":"JWT"}"#);
    assert!(app.whoami(&format!("{header}.{body}.")).await.is_null());
    let hs512 = b64.encode(r#"{"alg":"HS512","typ":"JWT"}"#);
    assert!(app.whoami(&format!("{hs512}.{body}.{}", token.split('.').nth(2).unwrap())).await.is_null());
});

both!(a_revoked_session_token_is_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let sid = tokens(&app).verify(&token).unwrap().sid;
    server::auth::session::revoke(&app.db, &sid).await.unwrap();
    assert!(app.whoami(&token).await.is_null());
});

both!(a_token_close_to_expiry_is_renewed_on_activity, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let real = tokens(&app).verify(&token).unwrap();
    let now = chrono::Utc::now().timestamp();
    let old = tokens(&app).issue_claims(&Claims { iat: now - 3000, exp: now + 600, ..real }).unwrap();
    let a = app.call(Some(&old), "current_user", &[]).await;
    assert_eq!(a.body["email"], "asel@mail.kz");
    let renewed = a.session_cookie().expect("a fresh token");
    let claims = tokens(&app).verify(&renewed).unwrap();
    assert!(claims.exp >= now + 3500 && claims.exp <= now + 3700);
});

both!(staff_only_functions_refuse_recipients_suppliers_and_visitors, |app: TestApp| async move {
    let recipient = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let supplier = app.sign_up_supplier("sales@medtech.kz", &bin(55)).await;
    let staff = app.staff("officer@enbek.gov.kz", None).await;
    let visitor = app.call(None, "audit_search", &[("query", "")]).await;
    assert_eq!(visitor.status, StatusCode::UNAUTHORIZED);
    for token in [&recipient, &supplier] {
        let a = app.call(Some(token), "audit_search", &[("query", "")]).await;
        assert_eq!(a.status, StatusCode::FORBIDDEN, "{}", a.body);
        assert_eq!(a.error_code().as_deref(), Some("Forbidden"));
    }
    let ok = app.call(Some(&staff), "audit_search", &[("query", "")]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert!(ok.body.is_array());
});

both!(a_cross_origin_post_is_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    for origin in ["http://evil.example", "null"] {
        let res = app
            .client
            .post(format!("{}/api/sign_out", app.base))
            .header("origin", origin)
            .header("cookie", format!("ssp_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    // No Origin and no Referer: refused as well.
    let bare = app.client.post(format!("{}/lang", app.base)).form(&[("lang", "en")]).send().await.unwrap();
    assert_eq!(bare.status(), StatusCode::FORBIDDEN);
    // The session survived the forged sign-out.
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz");
});

both!(every_response_carries_the_security_headers, |app: TestApp| async move {
    for path in ["/", "/sign-in", "/no-such-page", "/healthz"] {
        let res = app.get(None, path).await;
        let h = res.headers();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
    }
    let page = app.get(None, "/").await;
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let html = page.text().await.unwrap();
    let nonce = csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap();
    assert!(html.contains(&format!("nonce=\"{nonce}\"")), "inline scripts carry this response's nonce");
});

/// A stylesheet long enough to be worth compressing.
const CSS: &str =
    "body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5 }\n.app-skip { position: absolute }\n";

both!(files_and_pages_requested_together_each_keep_their_own_headers, |app: TestApp| async move {
    let pkg = std::path::Path::new(&app.settings.site_root).join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("portal.css"), CSS).unwrap();
    // A page and a file at the same moment, many times: a page must never lose its policy to
    // a file, and a file must never carry a page's policy or cookies.
    let mut tasks = Vec::new();
    for i in 0..60 {
        let path = if i % 2 == 0 { "/sign-in" } else { "/pkg/portal.css" };
        let client = app.client.clone();
        let url = format!("{}{path}", app.base);
        tasks.push(tokio::spawn(async move { (path, client.get(url).send().await.unwrap()) }));
    }
    for task in tasks {
        let (path, res) = task.await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
        if path == "/sign-in" {
            assert!(csp.contains("'nonce-"), "the page keeps its own policy: {csp}");
        } else {
            assert!(csp.starts_with("default-src 'none'"), "the file has the policy that allows nothing: {csp}");
            assert!(res.headers().get("set-cookie").is_none(), "no cookie rides on a file");
            assert_eq!(res.text().await.unwrap(), CSS);
        }
    }
    let gzipped =
        app.client.get(format!("{}/pkg/portal.css", app.base)).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(gzipped.headers()["content-encoding"], "gzip", "files go out compressed to browsers that ask");
    assert!(gzipped.headers().get("content-security-policy").is_some(), "and keep their headers");
    let page = app.client.get(format!("{}/sign-in", app.base)).header("accept-encoding", "gzip").send().await.unwrap();
    assert!(page.headers().get("content-encoding").is_none(), "pages, which hold personal data, are not compressed");
    for outside in ["/pkg/../../test.db", "/pkg/%2e%2e/%2e%2e/test.db", "/pkg/"] {
        assert_eq!(app.get(None, outside).await.status(), StatusCode::NOT_FOUND, "{outside}");
    }
});

both!(pages_answer_in_the_chosen_language_and_unknown_pages_are_404, |app: TestApp| async move {
    let res = app.get(None, "/no-such-page").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let switch = app
        .client
        .post(format!("{}/lang", app.base))
        .header("origin", &app.base)
        .form(&[("lang", "en"), ("next", "/sign-in")])
        .send()
        .await
        .unwrap();
    assert_eq!(switch.status(), StatusCode::SEE_OTHER);
    assert_eq!(switch.headers()["location"], "/sign-in");
    let html = app
        .client
        .get(format!("{}/sign-in", app.base))
        .header("cookie", "ssp_lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Sign in"));
    let kk = app
        .client
        .get(format!("{}/sign-in", app.base))
        .header("cookie", "ssp_lang=kk")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(kk.contains("<html lang=\"kk\"") && kk.contains("Кіру"));
    // An off-site `next` is not followed.
    let off = app
        .client
        .post(format!("{}/lang", app.base))
        .header("origin", &app.base)
        .form(&[("lang", "ru"), ("next", "//evil.example")])
        .send()
        .await
        .unwrap();
    assert_eq!(off.headers()["location"], "/");
});
