//! Recipients (by IIN), the legal representatives who act for them, and their entitlements.
//! A recipient row may exist before its person signs up: entitlements arrive by IIN.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000001_create_reference::{ItemTypes, Regions};
use crate::m20261123_000002_create_accounts::Accounts;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Recipients {
    Table,
    Id,
    AccountId,
    Iin,
    FullName,
    RegionCode,
    DisabilityGroup,
    BirthDate,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum Representatives {
    Table,
    Id,
    AccountId,
    RecipientId,
    Basis,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Entitlements {
    Table,
    Id,
    RecipientId,
    ItemTypeId,
    QuantityGranted,
    QuantityRemaining,
    ValidFrom,
    ValidTo,
    IprNumber,
    Source,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Recipients::Table)
                .col(pk_auto(Recipients::Id))
                .col(integer_null(Recipients::AccountId).unique_key())
                .col(string_len_uniq(Recipients::Iin, 12))
                .col(string_null(Recipients::FullName))
                .col(string_len_null(Recipients::RegionCode, 8))
                .col(string_len_null(Recipients::DisabilityGroup, 8))
                .col(date_null(Recipients::BirthDate))
                .col(timestamp_with_time_zone(Recipients::CreatedAt))
                .col(timestamp_with_time_zone(Recipients::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Recipients::Table, Recipients::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Recipients::Table, Recipients::RegionCode)
                        .to(Regions::Table, Regions::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_recipients_region")
                .table(Recipients::Table)
                .col(Recipients::RegionCode)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Representatives::Table)
                .col(pk_auto(Representatives::Id))
                .col(integer(Representatives::AccountId))
                .col(integer(Representatives::RecipientId))
                .col(string_len(Representatives::Basis, 32))
                .col(timestamp_with_time_zone(Representatives::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Representatives::Table, Representatives::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Representatives::Table, Representatives::RecipientId)
                        .to(Recipients::Table, Recipients::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_representatives_pair")
                .table(Representatives::Table)
                .col(Representatives::AccountId)
                .col(Representatives::RecipientId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Entitlements::Table)
                .col(pk_auto(Entitlements::Id))
                .col(integer(Entitlements::RecipientId))
                .col(integer(Entitlements::ItemTypeId))
                .col(integer(Entitlements::QuantityGranted))
                .col(integer(Entitlements::QuantityRemaining))
                .col(date(Entitlements::ValidFrom))
                .col(date(Entitlements::ValidTo))
                .col(string_len(Entitlements::IprNumber, 64))
                .col(string_len(Entitlements::Source, 16))
                .col(timestamp_with_time_zone(Entitlements::CreatedAt))
                .col(timestamp_with_time_zone(Entitlements::UpdatedAt))
                .check(Expr::col(Entitlements::QuantityRemaining).gte(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(Entitlements::Table, Entitlements::RecipientId)
                        .to(Recipients::Table, Recipients::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Entitlements::Table, Entitlements::ItemTypeId)
                        .to(ItemTypes::Table, ItemTypes::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_entitlements_ipr_line")
                .table(Entitlements::Table)
                .col(Entitlements::RecipientId)
                .col(Entitlements::IprNumber)
                .col(Entitlements::ItemTypeId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_entitlements_item_type")
                .table(Entitlements::Table)
                .col(Entitlements::ItemTypeId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Entitlements::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Representatives::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Recipients::Table).to_owned()).await
    }
}
