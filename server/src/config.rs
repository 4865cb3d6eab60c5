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
        }
    }

    /// Refuses settings that must never run: in production, missing secrets or demo data.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.environment == Environment::Production && self.demo_data {
            bail!("demo data is never loaded in production: unset APP_DEMO_DATA");
        }
        if self.environment == Environment::Production && self.public_origin.as_deref().is_some_and(|o| !o.trim().to_ascii_lowercase().starts_with("https://")) {
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
        Ok(())
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
}
