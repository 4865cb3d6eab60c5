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
    /// Load the demo data into an empty database.
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
            .set_default("demo_data", true)?
            .set_default("session_minutes", 60)?
            .set_default("accept_working_days", 3)?
            .set_default("deliver_working_days", 30)?
            .set_default("complaint_working_days", 10)?
            .add_source(config::File::with_name(&file).required(false))
            .add_source(config::Environment::with_prefix("APP").try_parsing(true));
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
        let settings: Settings = builder.build()?.try_deserialize().context("reading settings")?;
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
        }
    }

    fn check(&self) -> anyhow::Result<()> {
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

    /// Whether cookies carry `Secure`.
    pub fn secure_cookies(&self) -> bool {
        self.environment == Environment::Production
    }
}
