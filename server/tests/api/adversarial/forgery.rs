//! Forged cross-site requests and forged tokens.
use crate::both;
use crate::helpers::{iin, TestApp};
use reqwest::StatusCode;
use secrecy::ExposeSecret;
use server::auth::token::{Claims, Tokens};

both!(every_kind_of_forged_cross_site_form_is_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let own = app.base.clone();
    let host = own.trim_start_matches("http://").to_owned();
    // (Origin, Referer) pairs a forging page could produce.
    let forged: Vec<(Option<String>, Option<String>)> = vec![
        (None, None),
        (Some("http://evil.example".into()), None),
        (Some("null".into()), None),
        (None, Some("http://evil.example/page".into())),
        (Some("null".into()), Some("http://evil.example/".into())),
        (Some(format!("http://{host}@evil.example")), None),
        (None, Some(format!("http://{host}@evil.example/sign-in"))),
        (Some(format!("http://{host}.evil.example")), None),
        (Some(format!("https://{host}")), None),
        (None, Some(format!("http://evil.example/?{own}"))),
    ];
    for (origin, referer) in forged {
        let mut req = app.client.post(format!("{own}/api/sign_out")).header("cookie", format!("ssp_session={token}"));
        if let Some(o) = &origin {
            req = req.header("origin", o);
        }
        if let Some(r) = &referer {
            req = req.header("referer", r);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "origin {origin:?}, referer {referer:?}");
    }
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz", "no forged request signed the person out");
});

both!(tokens_for_another_audience_or_issuer_or_signed_with_another_secret_are_refused, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let secret = app.settings.jwt_secret.as_ref().map(|s| s.expose_secret().to_owned()).unwrap_or_default();
    let tokens = Tokens::new(secret.as_bytes(), 60);
    let real = tokens.verify(&token).unwrap();
    for forged in [
        Claims { aud: "another-portal".into(), ..real.clone() },
        Claims { iss: "someone-else".into(), ..real.clone() },
        Claims { sid: "a-session-that-does-not-exist".into(), ..real.clone() },
    ] {
        let t = tokens.issue_claims(&forged).unwrap();
        assert!(app.whoami(&t).await.is_null(), "{forged:?}");
    }
    let other = Tokens::new(b"another-secret-that-is-long-enough-012345", 60).issue_claims(&real).unwrap();
    assert!(app.whoami(&other).await.is_null());
    assert_eq!(app.whoami(&token).await["email"], "asel@mail.kz");
});
