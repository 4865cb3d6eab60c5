//! Identity before a record opens: an account's e-mail is confirmed by a link; a recipient
//! account claims the IIN typed at sign-up and is linked to that person's record only after a
//! proof (a code by SMS to the phone on the government record, or an activation letter from a
//! regional officer). One-time codes (e-mail links, SMS codes, letters, password resets) are
//! stored only as keyed hashes, expire and are used once.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    EmailConfirmedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Recipients {
    Table,
    Id,
    Phone,
}

#[derive(DeriveIden)]
enum IdentityClaims {
    Table,
    AccountId,
    Iin,
    FullName,
    RegionCode,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OneTimeCodes {
    Table,
    Id,
    Purpose,
    AccountId,
    RecipientId,
    AsRepresentative,
    CodeHash,
    ExpiresAt,
    UsedAt,
    Attempts,
    IssuedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(timestamp_with_time_zone_null(Accounts::EmailConfirmedAt))
                .to_owned(),
        )
        .await?;
        // Accounts made before confirmation existed count as confirmed.
        m.exec_stmt(
            Query::update()
                .table(Accounts::Table)
                .value(Accounts::EmailConfirmedAt, Expr::col(Accounts::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter().table(Recipients::Table).add_column(string_len_null(Recipients::Phone, 16)).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(IdentityClaims::Table)
                .col(integer(IdentityClaims::AccountId).primary_key())
                .col(string_len(IdentityClaims::Iin, 12))
                .col(string_len(IdentityClaims::FullName, 200))
                .col(string_len(IdentityClaims::RegionCode, 8))
                .col(timestamp_with_time_zone(IdentityClaims::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdentityClaims::Table, IdentityClaims::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OneTimeCodes::Table)
                .col(pk_auto(OneTimeCodes::Id))
                // `email_confirm`, `claim_sms`, `claim_letter`, `password_reset`.
                .col(string_len(OneTimeCodes::Purpose, 24))
                .col(integer_null(OneTimeCodes::AccountId))
                .col(integer_null(OneTimeCodes::RecipientId))
                .col(boolean(OneTimeCodes::AsRepresentative).default(false))
                .col(string_len(OneTimeCodes::CodeHash, 64))
                .col(timestamp_with_time_zone(OneTimeCodes::ExpiresAt))
                .col(timestamp_with_time_zone_null(OneTimeCodes::UsedAt))
                .col(integer(OneTimeCodes::Attempts).default(0))
                .col(integer_null(OneTimeCodes::IssuedBy))
                .col(timestamp_with_time_zone(OneTimeCodes::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OneTimeCodes::Table, OneTimeCodes::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OneTimeCodes::Table, OneTimeCodes::RecipientId)
                        .to(Recipients::Table, Recipients::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_one_time_codes_hash")
                .table(OneTimeCodes::Table)
                .col(OneTimeCodes::CodeHash)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_one_time_codes_account")
                .table(OneTimeCodes::Table)
                .col(OneTimeCodes::AccountId)
                .col(OneTimeCodes::Purpose)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OneTimeCodes::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(IdentityClaims::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Recipients::Table).drop_column(Recipients::Phone).to_owned()).await?;
        m.alter_table(Table::alter().table(Accounts::Table).drop_column(Accounts::EmailConfirmedAt).to_owned()).await
    }
}
