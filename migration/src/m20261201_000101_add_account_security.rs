//! What sign-in security needs: a second factor (TOTP) for staff and admins with one-time
//! recovery codes, sessions that wait for that factor, and sign-in counters that are taken
//! atomically before a password is checked (so parallel guesses cannot slip past the
//! throttle, and every application instance shares them).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    TotpSecret,
    TotpPendingSecret,
    TotpEnabledAt,
    TotpLastStep,
    PasswordChangedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    MfaPending,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    AccountId,
    CodeHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum ThrottleCounters {
    Table,
    Key,
    Failures,
    LastFailureAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for col in [
            ColumnDef::new(Accounts::TotpSecret).string_len(64).null().to_owned(),
            ColumnDef::new(Accounts::TotpPendingSecret).string_len(64).null().to_owned(),
            ColumnDef::new(Accounts::TotpEnabledAt).timestamp_with_time_zone().null().to_owned(),
            ColumnDef::new(Accounts::TotpLastStep).big_integer().null().to_owned(),
            ColumnDef::new(Accounts::PasswordChangedAt).timestamp_with_time_zone().null().to_owned(),
        ] {
            m.alter_table(Table::alter().table(Accounts::Table).add_column(col).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                // A staff session after the password and before the second factor: it reaches
                // only the second-factor pages.
                .add_column(ColumnDef::new(Sessions::MfaPending).boolean().not_null().default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(pk_auto(RecoveryCodes::Id))
                .col(integer(RecoveryCodes::AccountId))
                // SHA-256 of a random code: the codes carry 50 bits each, so a fast hash is enough.
                .col(string_len(RecoveryCodes::CodeHash, 64))
                .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RecoveryCodes::Table, RecoveryCodes::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_recovery_codes_account")
                .table(RecoveryCodes::Table)
                .col(RecoveryCodes::AccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ThrottleCounters::Table)
                // A keyed hash of (account, client) or of the client: no e-mail or address in clear.
                .col(string_len(ThrottleCounters::Key, 80).primary_key())
                .col(integer(ThrottleCounters::Failures))
                .col(timestamp_with_time_zone(ThrottleCounters::LastFailureAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ThrottleCounters::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(RecoveryCodes::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Sessions::Table).drop_column(Sessions::MfaPending).to_owned()).await?;
        for col in [
            Accounts::PasswordChangedAt,
            Accounts::TotpLastStep,
            Accounts::TotpEnabledAt,
            Accounts::TotpPendingSecret,
            Accounts::TotpSecret,
        ] {
            m.alter_table(Table::alter().table(Accounts::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}
