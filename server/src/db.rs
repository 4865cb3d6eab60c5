//! Database connection and schema: SQLite (default) or PostgreSQL, migrations at start-up.
use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbBackend, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// How many connections, and how many prepared statements each keeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pool {
    /// Connections (default 16 on PostgreSQL, 8 on SQLite).
    pub size: Option<u32>,
    /// Prepared statements cached per PostgreSQL connection (0 behind PgBouncer in
    /// transaction pooling).
    pub statement_cache: Option<usize>,
}

impl Pool {
    /// The pool the settings ask for.
    pub fn of(settings: &crate::config::Settings) -> Self {
        Self { size: settings.db_pool_size, statement_cache: settings.db_statement_cache }
    }
}

/// Connects with the default pool, creating the SQLite file and folder when needed, and runs
/// the migrations.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<DatabaseConnection> {
    connect_and_migrate_with(url, Pool::default()).await
}

/// Connects to a read replica: no migrations (the primary's reach it by replication).
pub async fn connect_replica(url: &str, pool: Pool) -> anyhow::Result<DatabaseConnection> {
    Database::connect(options(url, pool)).await.with_context(|| "connecting to the read replica")
}

fn options(url: &str, pool: Pool) -> ConnectOptions {
    let cache = pool.statement_cache.unwrap_or(100);
    let mut opts = ConnectOptions::new(url.to_owned());
    opts.sqlx_logging(false)
        .max_connections(pool.size.unwrap_or(if url.starts_with("sqlite") { 8 } else { 16 }))
        .connect_timeout(Duration::from_secs(10))
        .map_sqlx_sqlite_opts(|o| {
            o.busy_timeout(Duration::from_secs(10))
                .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
        })
        .map_sqlx_postgres_opts(move |o| o.statement_cache_capacity(cache));
    opts
}

/// Connects, creating the SQLite file and folder when needed, and runs the migrations.
pub async fn connect_and_migrate_with(url: &str, pool: Pool) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let file = path.split('?').next().unwrap_or(path);
        let file = std::path::Path::new(file);
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private_files::private_dir(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        if file != std::path::Path::new(":memory:") {
            crate::private_files::private_file(file).with_context(|| format!("creating {}", file.display()))?;
        }
    }
    let db = Database::connect(options(url, pool)).await.with_context(|| "connecting to the database")?;
    Migrator::up(&db, None).await.context("running migrations")?;
    Ok(db)
}

/// Starts a transaction that will write: on SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so two writers queue instead of failing half-way.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            db.begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await
        }
        _ => db.begin().await,
    }
}
