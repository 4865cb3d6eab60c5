//! Malformed or oversized requests are refused with 4xx, never a 5xx or a logged error.
use crate::both;
use crate::helpers::TestApp;
use reqwest::StatusCode;

/// Posts a body as it is; the status and the request id the answer carries.
async fn post_raw(
    app: &TestApp,
    path: &str,
    content_type: &str,
    accept: &str,
    body: Vec<u8>,
) -> (StatusCode, String, String) {
    let res = app
        .client
        .post(format!("{}{path}", app.base))
        .header("origin", &app.base)
        .header("referer", format!("{}/sign-in", app.base))
        .header("content-type", content_type)
        .header("accept", accept)
        .body(body)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{path}: no answer ({e})"));
    let id = res.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (res.status(), id, res.text().await.unwrap_or_default())
}

/// Announces a body of `length` bytes and sends none of it: the answer must come from the
/// headers alone (a refusal of the size), not from a connection dropped half-way.
async fn announce_oversized(app: &TestApp, path: &str, length: usize) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\nemail=",
        app.base
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(30), stream.read(&mut answer)).await.unwrap().unwrap();
    String::from_utf8_lossy(&answer[..n]).lines().next().unwrap_or_default().to_owned()
}

/// The lines logged at ERROR by the requests with these ids.
fn errors_logged_by(ids: &[String]) -> Vec<String> {
    crate::helpers::logged()
        .lines()
        .filter(|l| l.contains("ERROR") && ids.iter().any(|id| !id.is_empty() && l.contains(id.as_str())))
        .map(str::to_owned)
        .collect()
}

both!(malformed_and_oversized_bodies_are_client_errors, |app: TestApp| async move {
    let form = "application/x-www-form-urlencoded";
    let json = "application/json";
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        ("/api/sign_in", form, vec![0xff, 0xfe, b'=', 0xc3, 0x28]),
        ("/api/sign_in", form, b"email=%FF%FE&password=%C3%28".to_vec()),
        ("/api/sign_in", form, b"email".to_vec()),
        ("/api/sign_up_recipient", form, vec![b'&'; 100_000]),
        ("/api/order_start", form, b"offering=99999999999999999999".to_vec()),
        ("/api/order_start", form, b"offering=-1&for_recipient=x".to_vec()),
        ("/api/sign_in", json, b"{".to_vec()),
        ("/api/staff_supplier_queue", form, b"status=%00%01".to_vec()),
        ("/api/catalogue_search", json, b"{".to_vec()),
        ("/api/catalogue_search", json, br#"{"query":{"page":-1}}"#.to_vec()),
        ("/api/catalogue_search", json, br#"{"query":{"page":4294967296}}"#.to_vec()),
        ("/api/catalogue_search", json, br#"{"query":{"params":[[[1]]]}}"#.to_vec()),
        (
            "/api/catalogue_search",
            json,
            [b"{\"query\":".to_vec(), vec![b'['; 10 * 1024], vec![b']'; 10 * 1024], b"}".to_vec()].concat(),
        ),
    ];
    let mut ids = Vec::new();
    for (path, kind, body) in cases {
        // A program is told with a 4xx; a browser's plain form goes back to its page with the
        // refusal (or gets a 4xx page when the body could not be read at all).
        for accept in ["application/json", "text/html"] {
            let (status, id, _) = post_raw(&app, path, kind, accept, body.clone()).await;
            let back_to_the_form = accept == "text/html" && status.is_redirection();
            assert!(status.is_client_error() || back_to_the_form, "{path} ({accept}): {status}");
            assert!(!id.is_empty(), "{path}: every answer names its request");
            ids.push(id);
        }
    }
    // 300 KB and 5 MB announced: refused from the headers with an answer, not a dropped
    // connection (a client still sending the body may see the connection close after it).
    for length in [300 * 1024, 5 * 1024 * 1024] {
        let first_line = announce_oversized(&app, "/api/sign_in", length).await;
        assert!(first_line.contains(" 413 "), "{length}: {first_line}");
    }
    // A browser without JavaScript is sent back to the form, which says why in its language.
    let res = app
        .client
        .post(format!("{}/api/sign_in", app.base))
        .header("origin", &app.base)
        .header("referer", format!("{}/sign-in", app.base))
        .header("content-type", form)
        .header("accept", "text/html")
        .body(vec![0xff, 0xfe, b'=', 0xc3, 0x28])
        .send()
        .await
        .unwrap();
    let location = crate::fixtures::supplier::location(&res).trim_start_matches(&app.base).to_owned();
    assert!(
        res.status().is_redirection() && location.starts_with("/sign-in?") && location.contains("__err="),
        "{} {location}",
        res.status()
    );
    let page = app.get(None, &location).await.text().await.unwrap();
    let said = [app::domain::Lang::Kk, app::domain::Lang::Ru, app::domain::Lang::En].iter().any(|l| {
        let summary = scraper::Html::parse_document(&page);
        let text: String =
            summary.select(&scraper::Selector::parse(".app-error-summary").unwrap()).flat_map(|e| e.text()).collect();
        !text.trim().is_empty()
            && !text.contains("Unknown localization key")
            && text.contains(app::i18n::tr(*l, "error-summary-title").as_str())
    });
    assert!(said, "the sign-in page shows the refusal in an error summary");
    assert_eq!(errors_logged_by(&ids), Vec::<String>::new(), "a malformed body is not a server error");
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
        doc.select(&scraper::Selector::parse("title").unwrap())
            .next()
            .map(|t| t.text().collect::<String>())
            .unwrap_or_default()
    };
    let recipient = app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    for path in
        ["/staff/suppliers", "/staff/imports", "/staff/provision", "/staff/audit", "/admin/staff", "/supplier/profile"]
    {
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
    let s = crate::fixtures::supplier(&app, "s@x.kz", 1, server::entities::enums::DbSupplierStatus::Pending, &["AST"])
        .await;
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
    assert!(
        location.starts_with("/sign-in?next=%2Fstaff%2Faudit") || location.starts_with("/sign-in?next=/staff/audit"),
        "{location}"
    );
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
    assert!(
        body.contains("<title>503</title>") && body.contains("lang=\"en\""),
        "a page that says so in three languages"
    );
});
