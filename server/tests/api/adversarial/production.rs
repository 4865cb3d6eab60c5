//! Demo accounts (whose password the README prints) never reach production.
use crate::both;
use crate::helpers::TestApp;
use sea_orm::{EntityTrait, PaginatorTrait};
use server::config::Environment;
use server::entities::accounts;
use server::startup::Application;

both!(production_refuses_to_start_with_demo_data_and_never_loads_it, |app: TestApp| async move {
    let mut production = app.settings.clone();
    production.environment = Environment::Production;
    // Production refuses to start without its ways to reach people (see config.rs).
    production.public_origin = Some("https://portal.example.kz".into());
    production.smtp_url = Some("smtp://127.0.0.1:2525".into());
    production.mail_from = Some("portal@localhost".into());
    production.sms_url = Some("http://127.0.0.1:9/sms".into());
    production.sms_key = Some("test-sms-key".into());
    production.demo_data = true;
    assert!(Application::build(production.clone()).await.is_err(), "asking for demo data stops a production start-up");
    assert_eq!(accounts::Entity::find().count(&app.db).await.unwrap(), 0, "and nothing was loaded");
    production.demo_data = false;
    assert!(Application::build(production.clone()).await.is_ok());
    assert_eq!(accounts::Entity::find().count(&app.db).await.unwrap(), 0);
    // A database that holds the demo accounts (say, first started in development) is refused.
    server::seed::demo::load_if_empty(&app.db).await.unwrap();
    let refused = Application::build(production).await.err().map(|e| format!("{e:#}")).unwrap_or_default();
    assert!(refused.contains("demo"), "{refused}");
});

both!(the_data_folder_and_its_files_are_readable_by_their_owner_only, |app: TestApp| async move {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = &app.settings.data_dir;
    assert_eq!(mode(dir), 0o700, "data folder");
    // A fresh data folder for the generated secret and a SQLite database.
    let fresh = dir.join("fresh");
    let mut settings = server::config::Settings::for_test(
        format!("sqlite://{}?mode=rwc", fresh.join("portal.db").display()),
        fresh.clone(),
    );
    settings.jwt_secret = None;
    let built = Application::build(settings).await.unwrap();
    let token = app.sign_up_recipient("asel@mail.kz", &crate::helpers::iin("870412", 4, 77)).await;
    assert!(!token.is_empty());
    // While the database is open, its write-ahead log and shared memory are private too.
    for name in ["portal.db-wal", "portal.db-shm"] {
        assert!(fresh.join(name).exists(), "{name} exists while the portal runs");
        assert_eq!(mode(&fresh.join(name)), 0o600, "{name}");
    }
    drop(built);
    assert_eq!(mode(&fresh), 0o700);
    for name in ["portal.db", "jwt-secret"] {
        assert_eq!(mode(&fresh.join(name)), 0o600, "{name}");
    }
    // A supplier's uploaded document, and the folders it lies in, whatever the umask.
    let s = crate::fixtures::supplier(&app, "s@x.kz", 1, server::entities::enums::DbSupplierStatus::Approved, &["ALA"])
        .await;
    let res = crate::fixtures::supplier::upload(
        &app,
        Some(&s.token),
        "/supplier/documents/upload",
        &[("kind", "registration")],
        ("registration.pdf", crate::fixtures::supplier::PDF),
    )
    .await;
    assert!(
        crate::fixtures::supplier::location(&res).contains("done="),
        "{}",
        crate::fixtures::supplier::location(&res)
    );
    let documents = dir.join("documents");
    assert_eq!(mode(&documents), 0o700, "documents folder");
    let files: Vec<std::path::PathBuf> =
        std::fs::read_dir(&documents).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    assert!(!files.is_empty(), "the document is kept in the data folder");
    for f in files {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
    for entry in std::fs::read_dir(&fresh).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            assert_eq!(mode(&p) & 0o077, 0, "{} is readable by others", p.display());
        }
    }
});
