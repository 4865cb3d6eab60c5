//! Password hashing is bounded: a burst of sign-ins queues, never more hashes than cores.
use crate::both;
use crate::helpers::TestApp;
use reqwest::StatusCode;
use std::sync::Arc;

both!(thirty_parallel_sign_ins_never_hash_more_than_one_password_per_core, |app: TestApp| async move {
    let app = Arc::new(app);
    let mut tasks = Vec::new();
    for i in 0..30 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            app.sign_in(&format!("nobody{i}@mail.kz"), "some password here").await.status
        }));
    }
    for t in tasks {
        let status = t.await.unwrap();
        assert!(
            [StatusCode::CONFLICT, StatusCode::TOO_MANY_REQUESTS, StatusCode::SERVICE_UNAVAILABLE].contains(&status),
            "refused, throttled or busy, never an error: {status}"
        );
    }
    let peak = server::auth::password::peak_concurrent_hashes();
    assert!(peak >= 1 && peak <= server::auth::password::slots(), "{peak} hashes ran at once");
});

both!(weak_passwords_are_refused_with_the_reason_in_every_language, |app: TestApp| async move {
    for (password, code) in [
        ("123456789012345", ""),
        ("qwertyuiop123", ""),
        ("Qwerty123456!", ""),
        ("1q2w3e4r5t6y7u", ""),
        ("parolparol12", "password_repeats"),
    ] {
        let a = app
            .call(
                None,
                "sign_up_recipient",
                &[
                    ("email", "asel@mail.kz"),
                    ("password", password),
                    ("iin", &crate::helpers::iin("870412", 4, 77)),
                    ("full_name", "Асель"),
                    ("region", "ALA"),
                ],
            )
            .await;
        assert_eq!(a.status, StatusCode::UNPROCESSABLE_ENTITY, "{password} must be refused");
        let got = a.field_error("password").unwrap_or_default();
        assert!(got.starts_with("password_"), "{password}: {got}");
        if !code.is_empty() {
            assert_eq!(got, code, "{password}");
        }
        for lang in [app::domain::Lang::Kk, app::domain::Lang::Ru, app::domain::Lang::En] {
            assert!(app::i18n::has(lang, &format!("err-{got}")), "{got} is translated in {lang:?}");
        }
    }
});
