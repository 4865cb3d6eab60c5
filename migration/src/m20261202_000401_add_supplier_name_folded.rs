//! Staff find a supplier in the approval queue by part of its name in any case. Names are
//! Cyrillic, and neither SQLite's `lower()` nor PostgreSQL's under the C locale folds
//! Cyrillic, so `suppliers.name_folded` keeps the legal name lower-cased by the application
//! (on every save of a supplier) and the queue's search is one `LIKE` over the suppliers in
//! scope, counted and paged by the database. Existing rows are folded here, in Rust.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Suppliers {
    Table,
    NameFolded,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Suppliers::Table)
                .add_column(ColumnDef::new(Suppliers::NameFolded).string().not_null().default(""))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let backend = db.get_database_backend();
        let rows = db.query_all_raw(Statement::from_string(backend, "SELECT id, legal_name FROM suppliers")).await?;
        let txn = m.begin().await?;
        for row in rows {
            let id: i32 = row.try_get("", "id")?;
            let name: String = row.try_get("", "legal_name")?;
            txn.get_connection()
                .execute_raw(Statement::from_sql_and_values(
                    backend,
                    match backend {
                        DatabaseBackend::Postgres => "UPDATE suppliers SET name_folded = $1 WHERE id = $2",
                        _ => "UPDATE suppliers SET name_folded = ? WHERE id = ?",
                    },
                    [name.to_lowercase().into(), id.into()],
                ))
                .await?;
        }
        txn.commit().await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Suppliers::Table).drop_column(Suppliers::NameFolded).to_owned()).await
    }
}
