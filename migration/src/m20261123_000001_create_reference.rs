//! Regions, categories, item types and the guaranteed sums (ceilings) with their history.
//! Categories and item types are rows, so a new one needs no migration.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Regions {
    Table,
    Code,
    NameKk,
    NameRu,
    NameEn,
    Sort,
}

#[derive(DeriveIden)]
pub enum Categories {
    Table,
    Id,
    Code,
    NameKk,
    NameRu,
    NameEn,
    Unit,
    Sort,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum ItemTypes {
    Table,
    Id,
    CategoryId,
    Code,
    NameKk,
    NameRu,
    NameEn,
    Unit,
    ReplacementMonths,
    ParamSchema,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum Ceilings {
    Table,
    Id,
    ItemTypeId,
    AmountTiyn,
    ValidFrom,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Regions::Table)
                .col(string_len(Regions::Code, 8).primary_key())
                .col(string(Regions::NameKk))
                .col(string(Regions::NameRu))
                .col(string(Regions::NameEn))
                .col(integer(Regions::Sort))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Categories::Table)
                .col(pk_auto(Categories::Id))
                .col(string_len_uniq(Categories::Code, 32))
                .col(string(Categories::NameKk))
                .col(string(Categories::NameRu))
                .col(string(Categories::NameEn))
                .col(string_len(Categories::Unit, 16))
                .col(integer(Categories::Sort))
                .col(boolean(Categories::Active).default(true))
                .col(timestamp_with_time_zone(Categories::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ItemTypes::Table)
                .col(pk_auto(ItemTypes::Id))
                .col(integer(ItemTypes::CategoryId))
                .col(string_len_uniq(ItemTypes::Code, 32))
                .col(string(ItemTypes::NameKk))
                .col(string(ItemTypes::NameRu))
                .col(string(ItemTypes::NameEn))
                .col(string_len(ItemTypes::Unit, 16))
                .col(integer_null(ItemTypes::ReplacementMonths))
                .col(json(ItemTypes::ParamSchema))
                .col(boolean(ItemTypes::Active).default(true))
                .col(timestamp_with_time_zone(ItemTypes::CreatedAt))
                .col(timestamp_with_time_zone(ItemTypes::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ItemTypes::Table, ItemTypes::CategoryId)
                        .to(Categories::Table, Categories::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_item_types_category")
                .table(ItemTypes::Table)
                .col(ItemTypes::CategoryId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Ceilings::Table)
                .col(pk_auto(Ceilings::Id))
                .col(integer(Ceilings::ItemTypeId))
                .col(big_integer(Ceilings::AmountTiyn))
                .col(date(Ceilings::ValidFrom))
                .col(integer_null(Ceilings::CreatedBy))
                .col(timestamp_with_time_zone(Ceilings::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Ceilings::Table, Ceilings::ItemTypeId)
                        .to(ItemTypes::Table, ItemTypes::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_ceilings_item_type_from")
                .table(Ceilings::Table)
                .col(Ceilings::ItemTypeId)
                .col(Ceilings::ValidFrom)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Ceilings::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ItemTypes::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Categories::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Regions::Table).to_owned()).await
    }
}
