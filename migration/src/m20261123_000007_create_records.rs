//! The audit log, in-app notifications, server-side drafts and the record of IPR imports.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000002_create_accounts::Accounts;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum AuditLog {
    Table,
    Id,
    ActorAccountId,
    ActorRole,
    Action,
    ObjectType,
    ObjectId,
    Reason,
    Details,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Notifications {
    Table,
    Id,
    AccountId,
    Kind,
    OrderId,
    Params,
    ReadAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Drafts {
    Table,
    Id,
    AccountId,
    Kind,
    DraftKey,
    Data,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum IprImports {
    Table,
    Id,
    ActorAccountId,
    FileName,
    Sha256,
    LinesTotal,
    Accepted,
    Refused,
    Report,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(big_pk_auto(AuditLog::Id))
                .col(integer_null(AuditLog::ActorAccountId))
                .col(string_len(AuditLog::ActorRole, 16))
                .col(string_len(AuditLog::Action, 64))
                .col(string_len(AuditLog::ObjectType, 32))
                .col(string_len_null(AuditLog::ObjectId, 64))
                .col(text_null(AuditLog::Reason))
                .col(json_null(AuditLog::Details))
                .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_audit_created").table(AuditLog::Table).col(AuditLog::CreatedAt).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_audit_object")
                .table(AuditLog::Table)
                .col(AuditLog::ObjectType)
                .col(AuditLog::ObjectId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_audit_actor").table(AuditLog::Table).col(AuditLog::ActorAccountId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Notifications::Table)
                .col(big_pk_auto(Notifications::Id))
                .col(integer(Notifications::AccountId))
                .col(string_len(Notifications::Kind, 32))
                .col(integer_null(Notifications::OrderId))
                .col(json(Notifications::Params))
                .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                .col(timestamp_with_time_zone(Notifications::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Notifications::Table, Notifications::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_notifications_account")
                .table(Notifications::Table)
                .col(Notifications::AccountId)
                .col(Notifications::ReadAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Drafts::Table)
                .col(pk_auto(Drafts::Id))
                .col(integer(Drafts::AccountId))
                .col(string_len(Drafts::Kind, 32))
                .col(string_len(Drafts::DraftKey, 64))
                .col(json(Drafts::Data))
                .col(timestamp_with_time_zone(Drafts::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Drafts::Table, Drafts::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_drafts_key")
                .table(Drafts::Table)
                .col(Drafts::AccountId)
                .col(Drafts::Kind)
                .col(Drafts::DraftKey)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(IprImports::Table)
                .col(pk_auto(IprImports::Id))
                .col(integer_null(IprImports::ActorAccountId))
                .col(string(IprImports::FileName))
                .col(string_len(IprImports::Sha256, 64))
                .col(integer(IprImports::LinesTotal))
                .col(integer(IprImports::Accepted))
                .col(integer(IprImports::Refused))
                .col(json(IprImports::Report))
                .col(timestamp_with_time_zone(IprImports::CreatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(IprImports::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Drafts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Notifications::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await
    }
}
