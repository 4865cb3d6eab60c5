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
}

/// Runs the command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = crate::startup::Application::build(settings.clone()).await?;
            println!("Social Services Portal is running at http://{}:{}/", settings.host, app.port());
            app.run_until_stopped().await?;
        }
        Command::CreateStaff { email, name, region, admin, password } => {
            let db = crate::db::connect_and_migrate(&settings.database_url()).await?;
            crate::seed::reference::load(&db).await?;
            let email = Email::parse(&email).map_err(|c| anyhow::anyhow!("e-mail: {c}"))?;
            let password = crate::auth::strength::parse(&password, email.as_str(), &[name.as_str()]).map_err(|c| anyhow::anyhow!("password: {c}"))?;
            if let Some(r) = &region {
                if crate::entities::regions::Entity::find_by_id(r.clone()).one(&db).await?.is_none() {
                    bail!("unknown region code {r}");
                }
            }
            let hash = crate::auth::password::hash(password.expose().to_owned()).await?;
            let role = if admin { Role::Admin } else { Role::Staff };
            let account = insert_account(
                &db,
                NewAccount { email: &email, password_hash: hash, role, lang: Lang::Kk, display_name: name, staff_region: region },
            )
            .await
            .map_err(|e| anyhow::anyhow!("creating the account: {}", e.code()))?;
            let entry = crate::services::audit::Entry {
                action: "staff.create",
                object_type: "account",
                object_id: Some(account.id.to_string()),
                reason: Some("command line".into()),
                details: Some(serde_json::json!({ "email": email.as_str(), "role": role.code(), "region": account.staff_region })),
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
    }
    Ok(())
}
