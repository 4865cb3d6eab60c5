//! Starting the real application against a fresh database, and talking to it like a browser.
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, COOKIE, ORIGIN, SET_COOKIE};
use reqwest::{redirect, Client, Response, StatusCode};
use sea_orm::DatabaseConnection;
use serde_json::Value;
use server::config::Settings;
use server::startup::Application;
use std::path::PathBuf;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs the same async test body on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! both {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                // The folder is held here: a body that uses only some fields of `app`
                // captures only those, and would otherwise drop the folder early.
                let (app, _dir) = $crate::helpers::spawn($crate::helpers::Backend::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let (app, _dir) = $crate::helpers::spawn($crate::helpers::Backend::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}

/// The application under test.
pub struct TestApp {
    pub base: String,
    pub client: Client,
    pub db: DatabaseConnection,
    pub settings: Settings,
}

/// A folder removed when the test ends.
pub struct TempDir(pub PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn postgres_base() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

async fn fresh_database(backend: Backend, dir: &std::path::Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
        Backend::Postgres => {
            use sea_orm::{ConnectionTrait, Database};
            let base = postgres_base();
            let admin = Database::connect(format!("{base}/postgres"))
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL is required for the tests and is not reachable at {base}: {e}"));
            let name = format!("ssp_test_{}", uuid::Uuid::new_v4().simple());
            admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create test database");
            admin.close().await.ok();
            format!("{base}/{name}")
        }
    }
}

/// Everything the applications of this test process logged, so a test can prove what never
/// reaches a log (typed e-mails, passwords, IINs).
pub fn logged() -> String {
    LOG.lock().map(|l| String::from_utf8_lossy(&l).into_owned()).unwrap_or_default()
}

static LOG: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

/// Writes log lines to the in-memory log.
struct Captured;

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut l) = LOG.lock() {
            l.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Starts the application on a fresh database with the reference data loaded.
pub async fn spawn(backend: Backend) -> (TestApp, TempDir) {
    spawn_with(backend, |_| {}).await
}

/// Like [`spawn`], with settings changed by `adjust` first (e.g. trusted proxies).
pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> (TestApp, TempDir) {
    let _ = tracing_subscriber::fmt()
        // Not the line every answered request writes: the suite makes hundreds of thousands
        // of requests, and the end-to-end run's log check reads those lines instead.
        .with_env_filter("warn,server=info,sign_in=info,request=info,server::http::observe=warn")
        .with_ansi(false)
        .with_writer(|| Captured)
        .try_init();
    let dir = std::env::temp_dir().join(format!("ssp-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = fresh_database(backend, &dir).await;
    let mut settings = Settings::for_test(url, dir.clone());
    adjust(&mut settings);
    let app = Application::build(settings.clone()).await.expect("build application");
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());
    // A request that hangs fails its test after two minutes instead of stalling the suite.
    // Connections idle for a few seconds are not reused: the server drops a kept-alive
    // connection that waits too long for its next request, and a request sent on it just then
    // would fail for no fault of the portal.
    let client = Client::builder()
        .redirect(redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(120))
        .pool_idle_timeout(std::time::Duration::from_secs(5))
        .build()
        .expect("client");
    (TestApp { base, client, db, settings }, TempDir(dir))
}

/// What a server function answered.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Answer {
    /// The error code of a refused call (`Refused`, or the variant name), if any.
    pub fn error_code(&self) -> Option<String> {
        let v = &self.body;
        if let Some(code) = v.get("Refused").and_then(Value::as_str) {
            return Some(code.to_owned());
        }
        v.as_object().and_then(|o| o.keys().next().cloned()).or_else(|| v.as_str().map(str::to_owned))
    }

    /// The code of a field error.
    pub fn field_error(&self, field: &str) -> Option<String> {
        self.body
            .get("Invalid")?
            .as_array()?
            .iter()
            .find(|f| f["field"] == field)
            .and_then(|f| f["code"].as_str())
            .map(str::to_owned)
    }

    /// The session token set by this answer, if any.
    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("ssp_session="))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
    }
}

impl TestApp {
    fn headers(&self, token: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(ORIGIN, HeaderValue::from_str(&self.base).expect("origin"));
        if let Some(t) = token {
            h.insert(COOKIE, HeaderValue::from_str(&format!("ssp_session={t}")).expect("cookie"));
        }
        h
    }

    /// Calls a server function as the page's script would (JSON back).
    pub async fn call(&self, token: Option<&str>, function: &str, form: &[(&str, &str)]) -> Answer {
        let res = self
            .client
            .post(format!("{}/api/{function}", self.base))
            .headers(self.headers(token))
            .form(form)
            .send()
            .await
            .expect("request");
        answer(res).await
    }

    /// Calls a server function that takes JSON.
    pub async fn call_json(&self, token: Option<&str>, function: &str, body: Value) -> Answer {
        let res = self
            .client
            .post(format!("{}/api/{function}", self.base))
            .headers(self.headers(token))
            .json(&body)
            .send()
            .await
            .expect("request");
        answer(res).await
    }

    /// Posts a form as a browser without JavaScript would (HTML accepted, redirects back).
    pub async fn post_form(&self, token: Option<&str>, path: &str, referer: &str, form: &[(&str, &str)]) -> Response {
        let mut h = self.headers(token);
        h.insert(ACCEPT, HeaderValue::from_static("text/html"));
        h.insert(reqwest::header::REFERER, HeaderValue::from_str(&format!("{}{referer}", self.base)).expect("referer"));
        self.client.post(format!("{}{path}", self.base)).headers(h).form(form).send().await.expect("request")
    }

    /// Fetches a page.
    pub async fn get(&self, token: Option<&str>, path: &str) -> Response {
        let mut req = self.client.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header(COOKIE, format!("ssp_session={t}"));
        }
        req.send().await.expect("request")
    }

    /// Signs up a recipient, confirms the e-mail with the link from the outbox, links the
    /// record of `iin` as an activation letter would (making it when there is none), signs
    /// in and returns the session token.
    pub async fn sign_up_recipient(&self, email: &str, iin: &str) -> String {
        let a = self
            .call(
                None,
                "sign_up_recipient",
                &[
                    ("email", email),
                    ("password", "steppe horses run at dawn"),
                    ("iin", iin),
                    ("full_name", "Жумабаева Асель Маратовна"),
                    ("region", "ALA"),
                ],
            )
            .await;
        assert!(a.status.is_success() || a.status.is_redirection(), "sign-up refused: {}", a.body);
        self.confirm_email(email).await;
        self.link_claimed_record(email).await;
        self.signed_in(email).await
    }

    /// Signs up a supplier, confirms its e-mail and returns the session token.
    pub async fn sign_up_supplier(&self, email: &str, bin: &str) -> String {
        let a = self
            .call(
                None,
                "sign_up_supplier",
                &[
                    ("email", email),
                    ("password", "steppe horses run at dawn"),
                    ("bin", bin),
                    ("organisation", "ТОО «Медтехника»"),
                    ("region", "AST"),
                ],
            )
            .await;
        assert!(a.status.is_success() || a.status.is_redirection(), "sign-up refused: {}", a.body);
        self.confirm_email(email).await;
        self.signed_in(email).await
    }

    /// Signs in with the helpers' password and returns the session token.
    pub async fn signed_in(&self, email: &str) -> String {
        let s = self.sign_in(email, "steppe horses run at dawn").await;
        assert_eq!(s.status, StatusCode::OK, "sign-in refused: {}", s.body);
        s.session_cookie().expect("session cookie")
    }

    /// The newest message of `kind` written to `address`.
    pub async fn outbox(&self, address: &str, kind: &str) -> Option<server::entities::outbox_messages::Model> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        use server::entities::outbox_messages as m;
        m::Entity::find()
            .filter(m::Column::Address.eq(address.to_lowercase()))
            .filter(m::Column::Kind.eq(kind))
            .order_by_desc(m::Column::CreatedAt)
            .one(&self.db)
            .await
            .expect("outbox")
    }

    /// The token of the newest confirmation link e-mailed to `email`.
    pub async fn confirmation_token(&self, email: &str) -> String {
        let msg = self.outbox(email, "email_confirm").await.expect("a confirmation e-mail");
        let at = msg.body_text.find("token=").expect("a link with a token") + "token=".len();
        msg.body_text[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
    }

    /// Follows the confirmation link e-mailed to `email`.
    pub async fn confirm_email(&self, email: &str) {
        let token = self.confirmation_token(email).await;
        let a = self.call(None, "confirm_email", &[("token", &token)]).await;
        assert!(a.status.is_success() || a.status.is_redirection(), "confirmation refused: {}", a.body);
    }

    /// Links the record of the IIN `email`'s account claimed, as a regional officer's
    /// activation letter would (a fixture: the proofs themselves have their own tests).
    pub async fn link_claimed_record(&self, email: &str) {
        use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
        use server::entities::{accounts, identity_claims, recipients};
        let account = accounts::Entity::find()
            .filter(accounts::Column::Email.eq(email.to_lowercase()))
            .one(&self.db)
            .await
            .expect("account")
            .expect("account exists");
        let claim =
            identity_claims::Entity::find_by_id(account.id).one(&self.db).await.expect("claim").expect("a claimed IIN");
        let now = chrono::Utc::now();
        match recipients::Entity::find()
            .filter(recipients::Column::Iin.eq(claim.iin.as_str()))
            .one(&self.db)
            .await
            .expect("record")
        {
            Some(r) => {
                assert!(r.account_id.is_none(), "the record is linked already");
                let mut am: recipients::ActiveModel = r.into();
                am.account_id = Set(Some(account.id));
                am.update(&self.db).await.expect("link");
            }
            None => {
                recipients::ActiveModel {
                    account_id: Set(Some(account.id)),
                    iin: Set(claim.iin.clone()),
                    full_name: Set(Some(claim.full_name.clone())),
                    region_code: Set(Some(claim.region_code.clone())),
                    birth_date: Set(app::domain::Iin::parse(&claim.iin).ok().and_then(|i| i.birth_date())),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&self.db)
                .await
                .expect("record");
            }
        }
        identity_claims::Entity::delete_by_id(account.id).exec(&self.db).await.expect("claim proven");
    }

    /// Signs in and returns the session token.
    pub async fn sign_in(&self, email: &str, password: &str) -> Answer {
        self.call(None, "sign_in", &[("email", email), ("password", password)]).await
    }

    /// Creates a staff account the way the CLI does and signs it in.
    pub async fn staff(&self, email: &str, region: Option<&str>) -> String {
        use app::domain::{Email, Lang, Role};
        let hash = server::auth::password::hash("steppe horses run at dawn".into()).await.expect("hash");
        let email_v = Email::parse(email).expect("email");
        server::services::accounts::insert_account(
            &self.db,
            server::services::accounts::NewAccount {
                email: &email_v,
                password_hash: hash,
                role: Role::Staff,
                lang: Lang::Ru,
                display_name: "Staff".into(),
                staff_region: region.map(Into::into),
            },
        )
        .await
        .expect("staff account");
        self.sign_in_staff(email, "steppe horses run at dawn").await
    }

    /// Signs a staff or admin account in with its password and second factor (setting the
    /// factor up on the first sign-in), and returns the full session's token.
    pub async fn sign_in_staff(&self, email: &str, password: &str) -> String {
        let a = self.sign_in(email, password).await;
        assert_eq!(a.status, StatusCode::OK, "sign-in refused: {}", a.body);
        let pending = a.session_cookie().expect("waiting session");
        self.second_factor(&pending, email).await
    }

    /// Completes a waiting session's second factor: set-up with the first code, or a fresh code.
    pub async fn second_factor(&self, pending: &str, email: &str) -> String {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let account = server::entities::accounts::Entity::find()
            .filter(server::entities::accounts::Column::Email.eq(email))
            .one(&self.db)
            .await
            .expect("account")
            .expect("account exists");
        let now = u64::try_from(chrono::Utc::now().timestamp()).expect("time");
        let answer = match account.totp_secret {
            None => {
                let key = self.call(Some(pending), "second_factor_setup", &[]).await;
                let secret = key.body["secret"].as_str().expect("secret").replace(' ', "");
                let code = server::auth::second_factor::code_at(&secret, now).expect("code");
                self.call(Some(pending), "second_factor_enrol", &[("code", &code)]).await
            }
            Some(secret) => {
                let code = fresh_code(&secret, account.totp_last_step).await;
                self.call(Some(pending), "second_factor_verify", &[("code", &code)]).await
            }
        };
        assert_eq!(answer.status, StatusCode::OK, "second factor refused: {}", answer.body);
        answer.session_cookie().expect("full session")
    }

    /// Who the server thinks this token belongs to.
    pub async fn whoami(&self, token: &str) -> Value {
        self.call(Some(token), "current_user", &[]).await.body
    }
}

async fn answer(res: Response) -> Answer {
    let status = res.status();
    let headers = res.headers().clone();
    let text = res.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer { status, headers, body }
}

/// A valid IIN for a birth date and serial (check digit computed).
pub fn iin(yymmdd: &str, century: u8, serial: u16) -> String {
    app::domain::iin::with_check_digit(&format!("{yymmdd}{century}{serial:04}")).expect("valid prefix")
}

/// A valid BIN (check digit computed).
pub fn bin(serial: u32) -> String {
    app::domain::iin::with_check_digit(&format!("05014{serial:06}")).unwrap_or_else(|| bin(serial + 1))
}

/// A code of `secret` for a step after `last_step` (a code is accepted once), waiting for the
/// next step when the current and the next one are both used.
pub async fn fresh_code(secret: &str, last_step: Option<i64>) -> String {
    loop {
        let now = chrono::Utc::now().timestamp();
        let step = (now / 30).max(last_step.map_or(0, |l| l + 1));
        if step <= now / 30 + 1 {
            return server::auth::second_factor::code_at(secret, u64::try_from(step * 30).expect("time"))
                .expect("code");
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}
