//! Long lists are read a page at a time, newest (highest id) first, so each needs an index
//! that starts with its filter and ends with its order: the audit log filtered by kind of
//! action or by who acted (the date filter already has `ix_audit_created`), and one
//! account's notifications.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `(name, table, columns)` of each index added here.
const INDEXES: [(&str, &str, &[&str]); 3] = [
    ("ix_audit_action_id", "audit_log", &["action", "id"]),
    ("ix_audit_actor_id", "audit_log", &["actor_account_id", "id"]),
    ("ix_notifications_account_id", "notifications", &["account_id", "id"]),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, columns) in INDEXES {
            let mut index = Index::create();
            index.name(name).table(Alias::new(table));
            for c in columns {
                index.col(Alias::new(*c));
            }
            m.create_index(index.to_owned()).await?;
        }
        // The composite index on the actor serves every query the single one did.
        m.drop_index(Index::drop().name("ix_audit_actor").table(Alias::new("audit_log")).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ix_audit_actor")
                .table(Alias::new("audit_log"))
                .col(Alias::new("actor_account_id"))
                .to_owned(),
        )
        .await?;
        for (name, table, _) in INDEXES.iter().rev() {
            m.drop_index(Index::drop().name(*name).table(Alias::new(*table)).to_owned()).await?;
        }
        Ok(())
    }
}
