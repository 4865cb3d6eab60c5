//! Layered settings: built-in defaults, then an optional `portal.toml` (or the file named by
//! `APP_CONFIG`), then `APP_`-prefixed environment variables (`APP_PORT`, `APP_JWT_SECRET`, ...).
//! `DATABASE_URL` is honoured too. Secrets never print; production refuses to start without them.
use anyhow::{bail, Context};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::path::PathBuf;

/// Where the portal runs: local development relaxes what production requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// A developer's machine or a test: plain HTTP, generated secret.
    Development,
    /// Anything reachable by real users: `Secure` cookies, secret required.
    Production,
}

/// Whether to load the demo data: as asked in development (on when not said), never in
/// production, where asking for it is an error, so demo accounts with a published password
/// can never reach a real deployment.
pub fn demo_data(environment: Environment, asked: Option<bool>) -> anyhow::Result<bool> {
    match (environment, asked) {
        (Environment::Production, Some(true)) => bail!("demo data is never loaded in production: unset APP_DEMO_DATA"),
        (Environment::Production, _) => Ok(false),
        (Environment::Development, asked) => Ok(asked.unwrap_or(true)),
    }
}

/// An address (`10.0.0.7`, one host) or a block (`10.0.0.0/8`).
fn parse_net(s: &str) -> Option<ipnet::IpNet> {
    let s = s.trim();
    s.parse::<ipnet::IpNet>().ok().or_else(|| s.parse::<std::net::IpAddr>().ok().map(ipnet::IpNet::from))
}

/// Every setting of the server.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// Development or production.
    pub environment: Environment,
    /// Address to listen on.
    pub host: String,
    /// Port to listen on; 0 picks a free one (tests).
    pub port: u16,
    /// SQLite by default; `postgres://...` switches to PostgreSQL.
    pub database_url: Option<String>,
    /// Folder for the SQLite file, the generated development secret and uploaded documents.
    pub data_dir: PathBuf,
    /// Folder with the built site (`pkg/`, favicon).
    pub site_root: String,
    /// The origin browsers use, e.g. `https://portal.example.kz`; when unset, the request's
    /// `Host` is trusted for the same-origin check.
    pub public_origin: Option<String>,
    /// Signing secret for session tokens (at least 32 bytes).
    pub jwt_secret: Option<SecretString>,
    /// Load the demo data into an empty database. Development only: on by default there, off
    /// in production, where asking for it stops the start-up.
    #[serde(default)]
    pub demo_data: bool,
    /// Lifetime of a session token in minutes (renewed on activity).
    pub session_minutes: i64,
    /// Working days a supplier has to accept an order.
    pub accept_working_days: i64,
    /// Working days a supplier has to deliver an accepted order.
    pub deliver_working_days: i64,
    /// Working days to answer a complaint.
    pub complaint_working_days: i64,
    /// Bearer key of the information system that sends IPR lines to `POST /api/v1/ipr-lines`
    /// (at least 32 bytes). Without it that endpoint refuses every request; production
    /// refuses to start without it.
    pub ipr_api_key: Option<SecretString>,
    /// Reverse proxies (addresses or CIDR blocks, e.g. `10.0.0.0/8`) whose
    /// `X-Forwarded-For` is believed; every other peer is the client itself. Empty: no
    /// header is believed, so nobody can pose as another address.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    /// A read replica of the PostgreSQL database (`DATABASE_READ_URL`): the provision
    /// dashboard's heavy reads go there. Unset: everything reads the primary.
    #[serde(default)]
    pub database_read_url: Option<String>,
    /// Connections each instance keeps to the database (`APP_DB_POOL_SIZE`; default 16 on
    /// PostgreSQL, 8 on SQLite).
    #[serde(default)]
    pub db_pool_size: Option<u32>,
    /// Prepared statements cached per PostgreSQL connection (`APP_DB_STATEMENT_CACHE`, default
    /// 100). 0 behind PgBouncer in transaction pooling, where a connection may serve another
    /// transaction's prepared statements.
    #[serde(default)]
    pub db_statement_cache: Option<usize>,
    /// Addresses or CIDR blocks that may read `/metrics` without a token
    /// (`APP_METRICS_ALLOW`, comma-separated; default the loopback addresses). The client
    /// address is the one the sign-in throttle sees (trusted proxies apply); empty allows none.
    #[serde(default = "loopback")]
    pub metrics_allow: Vec<String>,
    /// A bearer token that opens `/metrics` from anywhere (`APP_METRICS_TOKEN`, at least 32
    /// bytes). Unset: only the allowed addresses read it.
    #[serde(default)]
    pub metrics_token: Option<SecretString>,
    /// Requests a minute each client may make to the public API (`APP_API_REQUESTS_PER_MINUTE`,
    /// default 300); beyond it the API answers 429 with `Retry-After`.
    #[serde(default = "api_requests_per_minute")]
    pub api_requests_per_minute: u32,
    /// Syncs a minute each supplier key may send (`APP_API_SYNCS_PER_MINUTE`, default 30).
    #[serde(default = "api_syncs_per_minute")]
    pub api_syncs_per_minute: u32,
    /// The SMTP server e-mails leave through (`APP_SMTP_URL`): `smtp://host:port` (plain, for a
    /// relay on this machine), `smtp://host:port?tls=starttls` or `smtps://host:port`, with
    /// `user:password@` when the server asks for it. Unset in development: e-mails are written
    /// to `<data_dir>/outbox/<id>.eml`. Production refuses to start without it.
    #[serde(default)]
    pub smtp_url: Option<SecretString>,
    /// The sender of every e-mail (`APP_MAIL_FROM`, e.g. `Portal <noreply@portal.example.kz>`);
    /// `portal@localhost` in development when unset. Production refuses to start without it.
    #[serde(default)]
    pub mail_from: Option<String>,
    /// The SMS gateway's address (`APP_SMS_URL`): each text is POSTed there as JSON. Unset in
    /// development: texts are written to `<data_dir>/outbox/<id>.sms.json`. Required in
    /// production.
    #[serde(default)]
    pub sms_url: Option<String>,
    /// The SMS gateway's bearer key (`APP_SMS_KEY`). Required with `APP_SMS_URL`.
    #[serde(default)]
    pub sms_key: Option<SecretString>,
    /// Whether this instance delivers the outbox (`APP_WORKER`, default on). Several instances
    /// may all deliver: each message is taken by one of them at a time.
    #[serde(default = "on")]
    pub worker: bool,
    /// Seconds between two looks at the outbox (`APP_WORKER_INTERVAL_SECONDS`, default 5).
    #[serde(default = "worker_interval_seconds")]
    pub worker_interval_seconds: u64,
}

fn on() -> bool {
    true
}

fn worker_interval_seconds() -> u64 {
    5
}

/// The sender of e-mails in development when `APP_MAIL_FROM` is unset.
pub const DEVELOPMENT_MAIL_FROM: &str = "portal@localhost";

/// The host of an `smtp://` or `smtps://` address (without user, password, port or query).
fn smtp_host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("smtps://").or_else(|| url.strip_prefix("smtp://"))?;
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => host_port.split(':').next().unwrap_or(host_port),
    };
    (!host.is_empty()).then_some(host)
}

/// Whether mail to `url` travels encrypted (`smtps://` or STARTTLS), or plain but only to
/// this machine.
fn smtp_is_safe(url: &str) -> bool {
    let tls = url.starts_with("smtps://")
        || url.split_once('?').is_some_and(|(_, q)| {
            q.split('&').any(|p| matches!(p.to_ascii_lowercase().as_str(), "tls=starttls" | "tls=required"))
        });
    tls || smtp_host(url).is_some_and(|h| {
        h.eq_ignore_ascii_case("localhost") || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
    })
}

fn api_syncs_per_minute() -> u32 {
    30
}

fn api_requests_per_minute() -> u32 {
    300
}

fn loopback() -> Vec<String> {
    vec!["127.0.0.1/32".into(), "::1/128".into()]
}

impl Settings {
    /// Reads the layers; fails when a required value is missing or malformed.
    pub fn load() -> anyhow::Result<Self> {
        let file = std::env::var("APP_CONFIG").unwrap_or_else(|_| "portal.toml".into());
        let mut builder = config::Config::builder()
            .set_default("environment", "development")?
            .set_default("host", "127.0.0.1")?
            .set_default("port", 3000)?
            .set_default("data_dir", "data")?
            .set_default("site_root", "target/site")?
            .set_default("session_minutes", 60)?
            .set_default("accept_working_days", 3)?
            .set_default("deliver_working_days", 30)?
            .set_default("complaint_working_days", 10)?
            .add_source(config::File::with_name(&file).required(false))
            .add_source(
                config::Environment::with_prefix("APP")
                    .try_parsing(true)
                    .list_separator(",")
                    .with_list_parse_key("trusted_proxies")
                    .with_list_parse_key("metrics_allow"),
            );
        if let Ok(url) = std::env::var("DATABASE_READ_URL") {
            builder = builder.set_override("database_read_url", url)?;
        }
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database_url", url)?;
        }
        if let Ok(addr) = std::env::var("LEPTOS_SITE_ADDR") {
            if let Some((host, port)) = addr.rsplit_once(':') {
                builder = builder.set_default("host", host)?.set_default("port", port)?;
            }
        }
        if let Ok(root) = std::env::var("LEPTOS_SITE_ROOT") {
            builder = builder.set_default("site_root", root)?;
        }
        let layers = builder.build()?;
        let asked_for_demo = match layers.get::<bool>("demo_data") {
            Ok(v) => Some(v),
            Err(config::ConfigError::NotFound(_)) => None,
            Err(e) => return Err(e).context("reading APP_DEMO_DATA"),
        };
        let mut settings: Settings = layers.try_deserialize().context("reading settings")?;
        settings.demo_data = demo_data(settings.environment, asked_for_demo)?;
        settings.check()?;
        Ok(settings)
    }

    /// Settings for a test: development mode, port 0, the given database and data folder.
    pub fn for_test(database_url: String, data_dir: PathBuf) -> Self {
        Self {
            environment: Environment::Development,
            host: "127.0.0.1".into(),
            port: 0,
            database_url: Some(database_url),
            // Each test application serves its own site folder inside its data folder.
            site_root: data_dir.join("site").display().to_string(),
            data_dir,
            public_origin: None,
            jwt_secret: Some(SecretString::from("test-secret-that-is-long-enough-0123456789")),
            demo_data: false,
            session_minutes: 60,
            accept_working_days: 3,
            deliver_working_days: 30,
            complaint_working_days: 10,
            ipr_api_key: Some(SecretString::from("test-ipr-key-that-is-long-enough-0123456789")),
            trusted_proxies: Vec::new(),
            database_read_url: None,
            db_pool_size: None,
            db_statement_cache: None,
            metrics_allow: loopback(),
            metrics_token: None,
            api_requests_per_minute: 100_000,
            api_syncs_per_minute: 100_000,
            smtp_url: None,
            mail_from: None,
            sms_url: None,
            sms_key: None,
            // Tests deliver the outbox themselves, at the moment they choose.
            worker: false,
            worker_interval_seconds: 1,
        }
    }

    /// Refuses settings that must never run: in production, missing secrets or demo data.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.environment == Environment::Production && self.demo_data {
            bail!("demo data is never loaded in production: unset APP_DEMO_DATA");
        }
        // E-mails carry links to the portal: in production they start with the public origin,
        // never with what a request's Host header claims.
        if self.environment == Environment::Production && self.public_origin.is_none() {
            bail!("APP_PUBLIC_ORIGIN (e.g. https://portal.example.kz) is required in production: links in e-mails start with it");
        }
        if self.environment == Environment::Production
            && self.public_origin.as_deref().is_some_and(|o| !o.trim().to_ascii_lowercase().starts_with("https://"))
        {
            bail!("production is served over HTTPS only: APP_PUBLIC_ORIGIN must start with https://");
        }
        if self.environment == Environment::Production {
            match &self.jwt_secret {
                None => bail!("APP_JWT_SECRET is required in production"),
                Some(s) if s.expose_secret().len() < 32 => bail!("APP_JWT_SECRET must be at least 32 bytes"),
                Some(_) => {}
            }
        }
        if let Some(k) = &self.ipr_api_key {
            if k.expose_secret().len() < 32 {
                bail!("APP_IPR_API_KEY must be at least 32 bytes");
            }
        } else if self.environment == Environment::Production {
            bail!("APP_IPR_API_KEY is required in production");
        }
        for p in &self.trusted_proxies {
            if parse_net(p).is_none() {
                bail!("APP_TRUSTED_PROXIES: {p} is neither an address nor a CIDR block");
            }
        }
        for p in self.metrics_allow.iter().filter(|p| !p.trim().is_empty()) {
            if parse_net(p).is_none() {
                bail!("APP_METRICS_ALLOW: {p} is neither an address nor a CIDR block");
            }
        }
        if self.metrics_token.as_ref().is_some_and(|t| t.expose_secret().len() < 32) {
            bail!("APP_METRICS_TOKEN must be at least 32 bytes");
        }
        if !(5..=60).contains(&self.session_minutes) {
            bail!("session_minutes must be between 5 and 60");
        }
        self.check_messages()
    }

    /// Messages must reach people in production: no file sinks there, and no mail in clear
    /// text across a network.
    fn check_messages(&self) -> anyhow::Result<()> {
        let production = self.environment == Environment::Production;
        match self.smtp_url.as_ref().map(|u| u.expose_secret().trim().to_owned()) {
            None if production => bail!("APP_SMTP_URL is required in production"),
            None => {}
            Some(url) => {
                if smtp_host(&url).is_none() {
                    bail!("APP_SMTP_URL must be smtp://host:port or smtps://host:port");
                }
                if production && !smtp_is_safe(&url) {
                    bail!("APP_SMTP_URL: production sends mail over TLS (smtps:// or ?tls=starttls), or in plain text only to a relay on this machine");
                }
            }
        }
        match self.mail_from.as_deref().map(str::trim) {
            None | Some("") if production => bail!("APP_MAIL_FROM is required in production"),
            None | Some("") => {}
            Some(from) => {
                if from.parse::<lettre::message::Mailbox>().is_err() {
                    bail!("APP_MAIL_FROM must be an e-mail address, optionally with a name: Portal <noreply@portal.example.kz>");
                }
            }
        }
        match self.sms_url.as_deref().map(str::trim) {
            None | Some("") if production => bail!("APP_SMS_URL is required in production"),
            None | Some("") => {}
            Some(url) => {
                if !(url.starts_with("https://") || url.starts_with("http://")) {
                    bail!("APP_SMS_URL must be an http:// or https:// address");
                }
                if self.sms_key.as_ref().is_none_or(|k| k.expose_secret().trim().is_empty()) {
                    bail!("APP_SMS_KEY is required with APP_SMS_URL");
                }
            }
        }
        if production && self.sms_key.as_ref().is_none_or(|k| k.expose_secret().trim().is_empty()) {
            bail!("APP_SMS_KEY is required in production");
        }
        if !(1..=3600).contains(&self.worker_interval_seconds) {
            bail!("APP_WORKER_INTERVAL_SECONDS must be between 1 and 3600");
        }
        Ok(())
    }

    /// The sender of e-mails: `APP_MAIL_FROM`, or in development `portal@localhost`.
    pub fn mail_from(&self) -> String {
        match self.mail_from.as_deref().map(str::trim) {
            Some(from) if !from.is_empty() => from.to_owned(),
            _ => DEVELOPMENT_MAIL_FROM.to_owned(),
        }
    }

    /// The database URL: the configured one, or a SQLite file in the data folder.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", self.data_dir.join("portal.db").display()))
    }

    /// The trusted proxies, parsed.
    pub fn trusted_proxy_nets(&self) -> Vec<ipnet::IpNet> {
        self.trusted_proxies.iter().filter_map(|p| parse_net(p)).collect()
    }

    /// The addresses allowed to read `/metrics`, parsed.
    pub fn metrics_nets(&self) -> Vec<ipnet::IpNet> {
        self.metrics_allow.iter().filter_map(|p| parse_net(p)).collect()
    }

    /// Whether the portal is served over HTTPS, so cookies carry `Secure` and the session
    /// cookie the `__Host-` prefix: the public origin says so; without one, production is
    /// (it is refused over plain HTTP) and development is not.
    pub fn secure_cookies(&self) -> bool {
        match self.public_origin.as_deref() {
            Some(origin) => origin.trim().to_ascii_lowercase().starts_with("https://"),
            None => self.environment == Environment::Production,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_never_loads_demo_data_and_refuses_to_be_asked() {
        assert!(!demo_data(Environment::Production, None).unwrap());
        assert!(!demo_data(Environment::Production, Some(false)).unwrap());
        assert!(demo_data(Environment::Production, Some(true)).is_err());
        assert!(demo_data(Environment::Development, None).unwrap());
        assert!(!demo_data(Environment::Development, Some(false)).unwrap());
    }

    /// Production settings that pass every other check.
    fn production() -> Settings {
        let mut s = Settings::for_test("sqlite://x.db".into(), PathBuf::from("data"));
        s.environment = Environment::Production;
        s.public_origin = Some("https://portal.example.kz".into());
        s.smtp_url = Some(SecretString::from("smtps://portal:pass@mail.example.kz:465"));
        s.mail_from = Some("Portal <noreply@portal.example.kz>".into());
        s.sms_url = Some("https://sms.example.kz/send".into());
        s.sms_key = Some(SecretString::from("sms-key"));
        s
    }

    fn refusal(s: &Settings) -> String {
        s.check().err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn production_refuses_to_start_without_the_mail_and_sms_settings() {
        assert!(production().check().is_ok());
        let mut s = production();
        s.smtp_url = None;
        assert!(refusal(&s).contains("APP_SMTP_URL"), "{}", refusal(&s));
        let mut s = production();
        s.mail_from = None;
        assert!(refusal(&s).contains("APP_MAIL_FROM"), "{}", refusal(&s));
        let mut s = production();
        s.sms_url = None;
        assert!(refusal(&s).contains("APP_SMS_URL"), "{}", refusal(&s));
        let mut s = production();
        s.sms_key = None;
        assert!(refusal(&s).contains("APP_SMS_KEY"), "{}", refusal(&s));
        let mut s = production();
        s.public_origin = None;
        assert!(refusal(&s).contains("APP_PUBLIC_ORIGIN"), "links in e-mails need it: {}", refusal(&s));
        // Development falls back to the file sinks and a local sender.
        let dev = Settings::for_test("sqlite://x.db".into(), PathBuf::from("data"));
        assert!(dev.check().is_ok());
        assert_eq!(dev.mail_from(), DEVELOPMENT_MAIL_FROM);
        assert!(!dev.worker, "tests deliver the outbox themselves");
    }

    #[test]
    fn production_sends_mail_in_clear_text_only_to_this_machine() {
        for url in [
            "smtps://mail.example.kz",
            "smtp://u:p@mail.example.kz:587?tls=starttls",
            "smtp://127.0.0.1:25",
            "smtp://localhost:2525",
            "smtp://[::1]:25",
        ] {
            let mut s = production();
            s.smtp_url = Some(SecretString::from(url));
            assert!(s.check().is_ok(), "{url}: {}", refusal(&s));
        }
        for url in ["smtp://mail.example.kz:25", "smtp://user:pass@10.0.0.5:25"] {
            let mut s = production();
            s.smtp_url = Some(SecretString::from(url));
            assert!(refusal(&s).contains("TLS"), "{url}");
        }
        let mut s = production();
        s.smtp_url = Some(SecretString::from("mail.example.kz:25"));
        assert!(refusal(&s).contains("smtp://"));
        let mut s = production();
        s.mail_from = Some("not an address".into());
        assert!(refusal(&s).contains("APP_MAIL_FROM"));
    }

    #[test]
    fn the_smtp_host_is_read_past_the_credentials() {
        assert_eq!(smtp_host("smtp://u:p%40ss@mail.kz:587?tls=starttls"), Some("mail.kz"));
        assert_eq!(smtp_host("smtps://mail.kz"), Some("mail.kz"));
        assert_eq!(smtp_host("smtp://[::1]:25"), Some("::1"));
        assert_eq!(smtp_host("smtp://:25"), None);
        assert_eq!(smtp_host("http://mail.kz"), None);
    }
}
