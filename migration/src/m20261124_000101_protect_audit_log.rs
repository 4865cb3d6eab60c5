//! The audit log is append-only in the database itself, not only in the code: a trigger
//! refuses every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE), so neither a bug nor a
//! hand-typed statement can rewrite who decided what. An index on the action serves the
//! staff's search by kind of decision.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
     BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
];

const SQLITE_DOWN: &[&str] =
    &["DROP TRIGGER IF EXISTS audit_log_no_delete;", "DROP TRIGGER IF EXISTS audit_log_no_update;"];

const POSTGRES_UP: &[&str] = &[
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$;",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log \
     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;",
    "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log;",
    "DROP FUNCTION IF EXISTS audit_log_append_only();",
];

async fn run(m: &SchemaManager<'_>, sqlite: &[&str], postgres: &[&str]) -> Result<(), DbErr> {
    let statements = match m.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => sqlite,
        _ => postgres,
    };
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        run(m, SQLITE_UP, POSTGRES_UP).await?;
        m.create_index(
            Index::create()
                .name("ix_audit_action_created")
                .table(Alias::new("audit_log"))
                .col(Alias::new("action"))
                .col(Alias::new("created_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_audit_action_created").table(Alias::new("audit_log")).to_owned()).await?;
        run(m, SQLITE_DOWN, POSTGRES_DOWN).await
    }
}
