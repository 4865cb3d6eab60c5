//! Accounts, server-side sessions and the log of sign-in attempts.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Accounts {
    Table,
    Id,
    Email,
    PasswordHash,
    Role,
    Language,
    Status,
    DisplayName,
    StaffRegion,
    CreatedAt,
    UpdatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
pub enum Sessions {
    Table,
    Id,
    AccountId,
    CreatedAt,
    LastSeenAt,
    RevokedAt,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
pub enum LoginAttempts {
    Table,
    Id,
    Email,
    AccountId,
    Ip,
    Outcome,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Accounts::Table)
                .col(pk_auto(Accounts::Id))
                // Stored lower-cased by the `Email` type, so this unique index is case-insensitive.
                .col(string_len_uniq(Accounts::Email, 254))
                .col(string(Accounts::PasswordHash))
                .col(string_len(Accounts::Role, 16))
                .col(string_len(Accounts::Language, 2))
                .col(string_len(Accounts::Status, 16))
                .col(string(Accounts::DisplayName))
                // Regional staff work for one region; central staff and other roles have none.
                .col(string_len_null(Accounts::StaffRegion, 8))
                .col(timestamp_with_time_zone(Accounts::CreatedAt))
                .col(timestamp_with_time_zone(Accounts::UpdatedAt))
                .col(timestamp_with_time_zone_null(Accounts::LastSignInAt))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_accounts_role").table(Accounts::Table).col(Accounts::Role).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(string_len(Sessions::Id, 36).primary_key())
                .col(integer(Sessions::AccountId))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                .col(string_len_null(Sessions::Ip, 64))
                .col(string_len_null(Sessions::UserAgent, 256))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_sessions_account").table(Sessions::Table).col(Sessions::AccountId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LoginAttempts::Table)
                .col(big_pk_auto(LoginAttempts::Id))
                .col(string_len(LoginAttempts::Email, 254))
                .col(integer_null(LoginAttempts::AccountId))
                .col(string_len(LoginAttempts::Ip, 64))
                // `success`, `failure`, or `throttled` (refused before the password was checked).
                .col(string_len(LoginAttempts::Outcome, 16))
                .col(timestamp_with_time_zone(LoginAttempts::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_login_attempts_email")
                .table(LoginAttempts::Table)
                .col(LoginAttempts::Email)
                .col(LoginAttempts::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_login_attempts_ip")
                .table(LoginAttempts::Table)
                .col(LoginAttempts::Ip)
                .col(LoginAttempts::CreatedAt)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LoginAttempts::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Sessions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Accounts::Table).to_owned()).await
    }
}
