//! `next=` and the language switch follow only local paths, and no value can panic a request.
use crate::both;
use crate::helpers::{iin, TestApp};
use reqwest::header::LOCATION;
use reqwest::StatusCode;

/// `next` values that would leave the site (the form sends them decoded: `%09` is a tab).
const OFF_SITE: &[&str] = &[
    "//evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "/\r\n/evil.example",
    " //evil.example",
    "http:evil.example",
    "///evil.example",
    "//user@evil.example",
    "/\u{1}",
    "/\u{7f}",
    "/каталог",
    "javascript:alert(1)",
];

fn lands_on_site(location: &str) -> bool {
    location.starts_with('/') && !location.starts_with("//") && !location.contains(['\\', '\t', '\n', '\r'])
}

both!(sign_in_and_the_language_switch_never_send_anyone_off_the_site, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    for next in OFF_SITE {
        let res = app
            .post_form(
                None,
                "/api/sign_in",
                "/sign-in",
                &[("email", "asel@mail.kz"), ("password", "steppe horses run at dawn"), ("next", next)],
            )
            .await;
        assert!(res.status().is_redirection(), "{next:?}: {}", res.status());
        let to = res.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert!(lands_on_site(&to), "sign-in with next={next:?} went to {to:?}");
        let res = app.post_form(None, "/lang", "/", &[("lang", "ru"), ("next", next)]).await;
        assert!(res.status().is_redirection(), "/lang {next:?}: {}", res.status());
        let to = res.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert!(lands_on_site(&to), "/lang with next={next:?} went to {to:?}");
    }
    // A local path is still followed.
    let res = app.post_form(None, "/lang", "/", &[("lang", "en"), ("next", "/catalogue?region=all")]).await;
    assert_eq!(res.headers().get(LOCATION).unwrap(), "/catalogue?region=all");
});

both!(control_characters_in_a_next_value_never_panic_a_request, |app: TestApp| async move {
    for raw in ["/%01", "/%00", "/%7F", "/%0D%0ASet-Cookie:%20x=1"] {
        let page = app.get(None, &format!("/sign-in?next={raw}")).await;
        assert_eq!(page.status(), StatusCode::OK, "sign-in page with next={raw}");
        let res = app
            .client
            .post(format!("{}/lang", app.base))
            .header("origin", &app.base)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("lang=kk&next={raw}"))
            .send()
            .await
            .expect("the connection stays up");
        assert!(res.status().is_redirection(), "/lang next={raw}: {}", res.status());
        assert!(res.headers().get("set-cookie").and_then(|v| v.to_str().ok()).is_none_or(|c| !c.contains("x=1")));
    }
    // The server is still there.
    assert_eq!(app.get(None, "/healthz").await.status(), StatusCode::OK);
});

both!(the_second_factor_never_sends_anyone_off_the_site_either, |app: TestApp| async move {
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    use server::entities::accounts;
    app.staff("officer@enbek.gov.kz", None).await;
    let account = || async {
        accounts::Entity::find()
            .filter(accounts::Column::Email.eq("officer@enbek.gov.kz"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
    };
    for next in OFF_SITE.iter().chain(&["/staff/suppliers"]) {
        let pending = app.sign_in("officer@enbek.gov.kz", "steppe horses run at dawn").await.session_cookie().unwrap();
        // Each code is taken once; the test forgets the last one so that a code of this
        // half-minute serves every value.
        let row = account().await;
        let secret = row.totp_secret.clone().unwrap();
        let mut am: accounts::ActiveModel = row.into();
        am.totp_last_step = Set(None);
        am.update(&app.db).await.unwrap();
        let code = crate::helpers::fresh_code(&secret, None).await;
        let res = app
            .post_form(
                Some(&pending),
                "/api/second_factor_verify",
                "/sign-in/two-factor",
                &[("code", &code), ("next", next)],
            )
            .await;
        assert!(res.status().is_redirection(), "{next:?}: {}", res.status());
        let to = res.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert!(lands_on_site(&to), "second factor with next={next:?} went to {to:?}");
        if *next == "/staff/suppliers" {
            assert_eq!(to, "/staff/suppliers", "a local path is followed");
        } else {
            assert!(!to.contains("evil"), "{to}");
        }
    }
});
