//! Malformed or oversized requests are refused with 4xx, never a 5xx or a logged error.
use crate::both;
use crate::helpers::TestApp;
use reqwest::StatusCode;

async fn post_raw(app: &TestApp, path: &str, content_type: &str, body: Vec<u8>) -> StatusCode {
    app.client
        .post(format!("{}{path}", app.base))
        .header("origin", &app.base)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .map(|r| r.status())
        .unwrap_or(StatusCode::PAYLOAD_TOO_LARGE)
}

both!(malformed_and_oversized_bodies_are_client_errors, |app: TestApp| async move {
    let form = "application/x-www-form-urlencoded";
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        ("/api/sign_in", form, vec![0xff, 0xfe, b'=', 0xc3, 0x28]),
        ("/api/sign_in", form, b"email=%FF%FE&password=%C3%28".to_vec()),
        ("/api/sign_in", form, [b"email=a%40b.kz&password=".to_vec(), vec![b'x'; 5 * 1024 * 1024]].concat()),
        ("/api/sign_in", form, b"email".to_vec()),
        ("/api/sign_up_recipient", form, vec![b'&'; 100_000]),
        ("/api/order_start", form, b"offering=99999999999999999999".to_vec()),
        ("/api/order_start", form, b"offering=-1&for_recipient=x".to_vec()),
        ("/api/sign_in", "application/json", b"{".to_vec()),
        ("/api/staff_supplier_queue", form, b"status=%00%01".to_vec()),
    ];
    for (path, kind, body) in cases {
        let status = post_raw(&app, path, kind, body).await;
        assert!(status.is_client_error(), "{path}: {status}");
    }
    let before = crate::helpers::logged().matches("ERROR").count();
    let _ = post_raw(&app, "/api/sign_in", form, vec![0xff; 64]).await;
    assert_eq!(crate::helpers::logged().matches("ERROR").count(), before, "a malformed body is not a server error");
    assert_eq!(app.get(None, "/healthz").await.status(), StatusCode::OK);
});

both!(pages_answer_missing_things_with_404_and_refusals_with_403_each_with_a_title, |app: TestApp| async move {
    let html = |token: Option<String>, path: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .get(format!("{}{path}", app.base))
                .header("accept", "text/html")
                .header("cookie", token.map(|t| format!("ssp_session={t}")).unwrap_or_default())
                .send()
                .await
                .unwrap();
            let status = res.status();
            let location = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
            (status, location, res.text().await.unwrap_or_default())
        }
    };
    let title_of = |body: &str| {
        let doc = scraper::Html::parse_document(body);
        doc.select(&scraper::Selector::parse("title").unwrap()).next().map(|t| t.text().collect::<String>()).unwrap_or_default()
    };
    let recipient = app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    for path in ["/staff/suppliers", "/staff/imports", "/staff/provision", "/staff/audit", "/admin/staff", "/supplier/profile"] {
        let (status, _, body) = html(Some(recipient.clone()), path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(!title_of(&body).trim().is_empty(), "{path} has a title");
        assert!(!body.contains("<form method=\"post\" action=\"/staff"), "{path}: no staff form is rendered");
        assert!(!body.contains("ipr_file"), "{path}: no upload form");
    }
    let (status, _, body) = html(None, "/offerings/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!title_of(&body).trim().is_empty());
    let staff = app.staff("almaty@enbek.gov.kz", Some("ALA")).await;
    let s = crate::fixtures::supplier(&app, "s@x.kz", 1, server::entities::enums::DbSupplierStatus::Pending, &["AST"]).await;
    {
        use sea_orm::{ActiveModelTrait, EntityTrait, Set};
        let row = server::entities::suppliers::Entity::find_by_id(s.id).one(&app.db).await.unwrap().unwrap();
        let mut am: server::entities::suppliers::ActiveModel = row.into();
        am.home_region = Set(Some("AST".into()));
        am.update(&app.db).await.unwrap();
    }
    let path: &'static str = Box::leak(format!("/staff/suppliers/{}", s.id).into_boxed_str());
    let (status, _, body) = html(Some(staff), path).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "outside the officer's region");
    assert!(!title_of(&body).trim().is_empty());
    // Signed out: a browser goes to sign in and comes back; a program is told 401.
    let (status, location, _) = html(None, "/staff/audit").await;
    assert_eq!(status, StatusCode::FOUND);
    assert!(location.starts_with("/sign-in?next=%2Fstaff%2Faudit") || location.starts_with("/sign-in?next=/staff/audit"), "{location}");
    let plain = app.get(None, "/orders").await;
    assert_eq!(plain.status(), StatusCode::UNAUTHORIZED);
});

both!(a_session_that_cannot_be_checked_is_an_error_not_a_sign_out, |app: TestApp| async move {
    let token = app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    // The database goes away under the running portal.
    app.db.clone().close().await.unwrap();
    let res = app
        .client
        .get(format!("{}/dashboard", app.base))
        .header("accept", "text/html")
        .header("cookie", format!("ssp_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE, "not a silent sign-out");
    let body = res.text().await.unwrap();
    assert!(body.contains("<title>503</title>") && body.contains("lang=\"en\""), "a page that says so in three languages");
});
