//! Command line: serving, and the account chores that must never be possible from the web
//! (staff and admin accounts are created here only).
use crate::config::Settings;
use crate::entities::accounts;
use crate::entities::enums::DbAccountStatus;
use crate::services::accounts::{insert_account, NewAccount};
use anyhow::{bail, Context};
use app::domain::{Email, Lang, Role};
use clap::{Parser, Subcommand};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

/// The portal's server.
#[derive(Parser)]
#[command(name = "server", about = "Social Services Portal")]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Create a ministry staff account (central, or regional with --region), or an admin.
    CreateStaff {
        /// Sign-in e-mail.
        #[arg(long)]
        email: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// Region code for regional staff (e.g. ALA); central staff have none.
        #[arg(long)]
        region: Option<String>,
        /// Create an admin instead of staff.
        #[arg(long)]
        admin: bool,
        /// Password; read from the environment so it stays out of the shell history.
        #[arg(long, env = "PORTAL_NEW_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Disable an account and end its sessions.
    DisableAccount {
        /// Sign-in e-mail.
        #[arg(long)]
        email: String,
    },
    /// Fill a freshly migrated database with national-size generated data (development only).
    SeedNational {
        /// 1.0 is the country: 732,100 recipients, 100,000 offerings, 2 million orders.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// The generator's seed: the same seed, day and scale write the same rows.
        #[arg(long, default_value_t = 2024)]
        seed: u64,
        /// The password of every generated account; without it they get one nobody knows.
        #[arg(long, env = "PORTAL_SEED_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

/// Runs the command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = crate::startup::Application::build(settings.clone()).await?.warm_summaries();
            crate::telemetry::announce(&format!("http://{}:{}/", settings.host, app.port()));
            app.run_until_stopped().await?;
        }
        Command::CreateStaff { email, name, region, admin, password } => {
            let db = crate::db::connect_and_migrate(&settings.database_url()).await?;
            crate::seed::reference::load(&db).await?;
            let email = Email::parse(&email).map_err(|c| anyhow::anyhow!("e-mail: {c}"))?;
            let password = crate::auth::strength::parse(&password, email.as_str(), &[name.as_str()])
                .map_err(|c| anyhow::anyhow!("password: {c}"))?;
            if let Some(r) = &region {
                if crate::entities::regions::Entity::find_by_id(r.clone()).one(&db).await?.is_none() {
                    bail!("unknown region code {r}");
                }
            }
            let hash = crate::auth::password::hash(password.expose().to_owned()).await?;
            let role = if admin { Role::Admin } else { Role::Staff };
            let account = insert_account(
                &db,
                NewAccount {
                    email: &email,
                    password_hash: hash,
                    role,
                    lang: Lang::Kk,
                    display_name: name,
                    staff_region: region,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("creating the account: {}", e.code()))?;
            let entry = crate::services::audit::Entry {
                action: "staff.create",
                object_type: "account",
                object_id: Some(account.id.to_string()),
                reason: Some("command line".into()),
                details: Some(
                    serde_json::json!({ "email": email.as_str(), "role": role.code(), "region": account.staff_region }),
                ),
            };
            crate::services::audit::record(&db, None, entry).await?;
            println!("created {} account {} (id {})", role.code(), email.as_str(), account.id);
        }
        Command::DisableAccount { email } => {
            let db = crate::db::connect_and_migrate(&settings.database_url()).await?;
            let account = accounts::Entity::find()
                .filter(accounts::Column::Email.eq(email.trim().to_lowercase()))
                .one(&db)
                .await?
                .context("no such account")?;
            let id = account.id;
            let mut am: accounts::ActiveModel = account.into();
            am.status = Set(DbAccountStatus::Disabled);
            am.update(&db).await?;
            crate::auth::session::revoke_all(&db, id).await?;
            let entry = crate::services::audit::Entry {
                action: "account.disable",
                object_type: "account",
                object_id: Some(id.to_string()),
                reason: Some("command line".into()),
                details: Some(serde_json::json!({ "email": email })),
            };
            crate::services::audit::record(&db, None, entry).await?;
            println!("disabled {email}; its sessions are ended");
        }
        Command::SeedNational { scale, seed, password } => seed_national(&settings, scale, seed, password).await?,
    }
    Ok(())
}

/// Generated data never goes near real users; the refusal comes before the database is
/// touched.
async fn seed_national(settings: &Settings, scale: f64, seed: u64, password: Option<String>) -> anyhow::Result<()> {
    if settings.environment == crate::config::Environment::Production {
        bail!("seed-national refuses to run in production");
    }
    if !(scale > 0.0 && scale <= 10.0) {
        bail!("--scale must be above 0 and at most 10");
    }
    let db = crate::db::connect_and_migrate(&settings.database_url()).await?;
    crate::seed::reference::load(&db).await?;
    crate::seed::national::refuse_if_not_empty(&db).await?;
    // One hash for every generated account: hashing hundreds of thousands would take hours.
    let password = match password {
        Some(p) => p,
        None => {
            use rand::Rng;
            let bytes: [u8; 32] = rand::thread_rng().gen();
            hex::encode(bytes)
        }
    };
    let hash = crate::auth::password::hash(password)
        .await
        .map_err(|e| anyhow::anyhow!("hashing the password: {}", e.code()))?;
    let now = chrono::Utc::now();
    let now = now - chrono::Duration::nanoseconds(i64::from(chrono::Timelike::nanosecond(&now)));
    let plan = crate::seed::national::Plan { scale, seed, now, password_hash: hash };
    println!(
        "seeding national data at scale {scale} (seed {seed}) into {}",
        if settings.database_url().starts_with("postgres") { "PostgreSQL" } else { "SQLite" }
    );
    let report = crate::seed::national::seed(&db, &plan, &|line| println!("{line}")).await?;
    println!("done in {:.1} s", report.total_seconds);
    Ok(())
}
