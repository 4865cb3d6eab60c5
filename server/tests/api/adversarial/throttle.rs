//! Sign-in throttling holds under parallel guesses, and nobody can lock another person out.
use crate::helpers::{iin, Backend, TestApp};
use reqwest::StatusCode;
use std::sync::Arc;

const RIGHT: &str = "steppe horses run at dawn";

/// Signs in from `client` (an address behind the trusted proxy).
async fn sign_in_from(app: &TestApp, client: &str, email: &str, password: &str) -> StatusCode {
    app.client
        .post(format!("{}/api/sign_in", app.base))
        .header("origin", &app.base)
        .header("x-forwarded-for", client)
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
        .status()
}

/// The application behind a proxy on 127.0.0.1 that passes on the client's address.
async fn behind_proxy(backend: Backend) -> (TestApp, crate::helpers::TempDir) {
    crate::helpers::spawn_with(backend, |s| s.trusted_proxies = vec!["127.0.0.1".into()]).await
}

macro_rules! proxied {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let (app, _dir) = behind_proxy(Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let (app, _dir) = behind_proxy(Backend::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}

proxied!(twenty_parallel_guesses_reach_the_password_check_at_most_five_times, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let app = Arc::new(app);
    let mut tasks = Vec::new();
    for i in 0..20 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            sign_in_from(&app, "203.0.113.7", "asel@mail.kz", &format!("wrong guess number {i}")).await
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s != StatusCode::TOO_MANY_REQUESTS).count();
    assert!(checked <= 5, "only five attempts may be checked, {checked} were: {statuses:?}");
    assert!(statuses.iter().all(|s| [StatusCode::CONFLICT, StatusCode::TOO_MANY_REQUESTS].contains(s)), "{statuses:?}");
    // The right password, guessed next from the same client, waits too. (A right password
    // among the parallel guesses would start the count again once it is checked, as it does
    // for the owner: the guesser would then simply be in.)
    assert_eq!(sign_in_from(&app, "203.0.113.7", "asel@mail.kz", RIGHT).await, StatusCode::TOO_MANY_REQUESTS);
});

proxied!(
    nineteen_wrong_and_one_right_in_parallel_reach_the_password_check_at_most_five_times,
    |app: TestApp| async move {
        app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
        let app = Arc::new(app);
        let mut tasks = Vec::new();
        for i in 0..20 {
            let app = app.clone();
            let password = if i == 10 { RIGHT.to_owned() } else { format!("wrong guess number {i}") };
            tasks.push(tokio::spawn(async move { sign_in_from(&app, "203.0.113.7", "asel@mail.kz", &password).await }));
        }
        let mut statuses = Vec::new();
        for t in tasks {
            statuses.push(t.await.unwrap());
        }
        // Each attempt takes its number before any is checked: the right password among them is
        // one of the first five checked or waits like the rest. Once it is checked, the counter
        // starts again (as it does for the owner), and the guesser, now signed in, may have a few
        // more checked: harmless, the guesser is in already.
        let checked = statuses.iter().filter(|s| **s != StatusCode::TOO_MANY_REQUESTS).count();
        let signed_in = statuses.iter().filter(|s| **s == StatusCode::OK).count();
        assert!(signed_in <= 1, "{statuses:?}");
        if signed_in == 0 {
            assert!(checked <= 5, "only five attempts may be checked, {checked} were: {statuses:?}");
            return;
        }
        // Before the right password was found, at most four wrong ones were checked: the success is
        // recorded before its counter starts again, so every failure recorded before it took its
        // number among the first five.
        use sea_orm::{EntityTrait, QueryOrder};
        use server::entities::login_attempts;
        let rows = login_attempts::Entity::find().order_by_asc(login_attempts::Column::Id).all(&app.db).await.unwrap();
        let before: Vec<&str> = rows.iter().map(|r| r.outcome.as_str()).take_while(|o| *o != "success").collect();
        assert!(before.len() < rows.len(), "the success is recorded: {rows:?}");
        let wrong_before = before.iter().filter(|o| **o == "failure").count();
        assert!(wrong_before <= 4, "{wrong_before} wrong passwords checked before the right one: {statuses:?}");
    }
);

proxied!(failures_from_one_address_never_lock_the_owner_out_from_another, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    for i in 0..8 {
        sign_in_from(&app, "203.0.113.7", "asel@mail.kz", &format!("wrong guess {i}")).await;
    }
    assert_eq!(
        sign_in_from(&app, "203.0.113.7", "asel@mail.kz", RIGHT).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the guesser waits"
    );
    assert_eq!(
        sign_in_from(&app, "198.51.100.20", "asel@mail.kz", RIGHT).await,
        StatusCode::OK,
        "the owner, elsewhere, does not"
    );
});

proxied!(failures_for_random_emails_from_one_address_do_not_block_real_people_behind_it, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    for i in 0..6 {
        sign_in_from(&app, "203.0.113.7", &format!("random{i}@mail.kz"), "wrong password here").await;
    }
    assert_eq!(
        sign_in_from(&app, "203.0.113.7", "asel@mail.kz", RIGHT).await,
        StatusCode::OK,
        "a colleague behind the same address signs in"
    );
    // Yet one address guessing across many accounts is slowed down as a whole.
    let mut throttled = false;
    for i in 0..40 {
        if sign_in_from(&app, "203.0.113.7", &format!("spray{i}@mail.kz"), "wrong password here").await
            == StatusCode::TOO_MANY_REQUESTS
        {
            throttled = true;
            break;
        }
    }
    assert!(throttled, "a password spray from one address is slowed");
});

crate::both!(a_forwarded_address_from_an_untrusted_peer_is_ignored, |app: TestApp| async move {
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    // Each guess claims another address; without a trusted proxy the claim is ignored.
    for i in 0..5 {
        sign_in_from(&app, &format!("198.51.100.{i}"), "asel@mail.kz", "wrong guess here").await;
    }
    assert_eq!(sign_in_from(&app, "198.51.100.99", "asel@mail.kz", RIGHT).await, StatusCode::TOO_MANY_REQUESTS);
});

crate::both!(no_typed_email_reaches_the_log_or_the_attempts_table, |app: TestApp| async move {
    use sea_orm::EntityTrait;
    let typed = format!("my-secret-password-{}@typed-in-the-wrong-field.kz", uuid::Uuid::new_v4().simple());
    let a = app.sign_in(&typed, "anything at all here").await;
    assert_eq!(a.error_code().as_deref(), Some("bad_credentials"));
    let rows = server::entities::login_attempts::Entity::find().all(&app.db).await.unwrap();
    assert!(!rows.is_empty(), "the attempt is recorded");
    assert!(rows.iter().all(|r| !r.email.contains("typed-in-the-wrong-field")), "recorded by a keyed hash only");
    assert!(!crate::helpers::logged().contains("typed-in-the-wrong-field"), "never logged");
});
