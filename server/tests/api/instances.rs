//! Several application instances on one database behave as one portal: a session made on one
//! is valid on the other, signing out on one ends it on both, and the sign-in throttle counts
//! attempts made on either.
use crate::both;
use crate::helpers::{iin, TestApp};
use reqwest::StatusCode;
use server::startup::Application;

/// A second instance on the same database and settings, on its own port.
async fn second_instance(app: &TestApp) -> TestApp {
    let other = Application::build(app.settings.clone()).await.expect("second instance");
    let base = format!("http://127.0.0.1:{}", other.port());
    let db = other.db().clone();
    tokio::spawn(other.run_until_stopped());
    TestApp { base, client: app.client.clone(), db, settings: app.settings.clone() }
}

both!(a_session_made_on_one_instance_holds_on_the_other_and_ends_on_both, |app: TestApp| async move {
    let other = second_instance(&app).await;
    assert_ne!(app.base, other.base);
    let token = app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    let here = app.whoami(&token).await;
    let there = other.whoami(&token).await;
    assert!(!here.is_null());
    assert_eq!(here["account_id"], there["account_id"], "the other instance knows the session");
    let out = other.call(Some(&token), "sign_out", &[]).await;
    assert_eq!(out.status, StatusCode::OK);
    assert!(app.whoami(&token).await.is_null(), "signed out on the other instance, signed out here");
    assert!(other.whoami(&token).await.is_null());
});

both!(the_sign_in_throttle_counts_attempts_on_every_instance, |app: TestApp| async move {
    let other = second_instance(&app).await;
    app.sign_up_recipient("asel@mail.kz", &iin("870412", 4, 77)).await;
    // Wrong guesses spread over both instances, then the right password: still throttled.
    let mut statuses = Vec::new();
    for i in 0..6 {
        let target = if i % 2 == 0 { &app } else { &other };
        statuses.push(target.sign_in("asel@mail.kz", &format!("wrong guess number {i}")).await.status);
    }
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "six guesses over two instances are throttled: {statuses:?}"
    );
    assert_eq!(app.sign_in("asel@mail.kz", "steppe horses run at dawn").await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(other.sign_in("asel@mail.kz", "steppe horses run at dawn").await.status, StatusCode::TOO_MANY_REQUESTS);
});
