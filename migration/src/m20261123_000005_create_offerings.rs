//! Offerings: what a supplier sells, where, at what price, with which parameters and capacity.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000001_create_reference::{ItemTypes, Regions};
use crate::m20261123_000004_create_suppliers::Suppliers;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Offerings {
    Table,
    Id,
    SupplierId,
    ItemTypeId,
    Sku,
    TitleKk,
    TitleRu,
    TitleEn,
    DescriptionKk,
    DescriptionRu,
    DescriptionEn,
    SearchKk,
    SearchRu,
    SearchEn,
    PriceTiyn,
    Params,
    LeadTimeDays,
    Capacity,
    Status,
    StatusReason,
    RatingAvgX100,
    ReviewCount,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum OfferingRegions {
    Table,
    OfferingId,
    RegionCode,
}

#[derive(DeriveIden)]
pub enum OfferingSlots {
    Table,
    Id,
    OfferingId,
    StartsOn,
    Places,
    Taken,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Offerings::Table)
                .col(pk_auto(Offerings::Id))
                .col(integer(Offerings::SupplierId))
                .col(integer(Offerings::ItemTypeId))
                .col(string_len_null(Offerings::Sku, 64))
                .col(string(Offerings::TitleKk))
                .col(string(Offerings::TitleRu))
                .col(string_null(Offerings::TitleEn))
                .col(text(Offerings::DescriptionKk))
                .col(text(Offerings::DescriptionRu))
                .col(text_null(Offerings::DescriptionEn))
                // Lower-cased title and description per language, so search is case-insensitive
                // for Cyrillic on SQLite too (its LOWER() folds ASCII only).
                .col(text(Offerings::SearchKk))
                .col(text(Offerings::SearchRu))
                .col(text(Offerings::SearchEn))
                .col(big_integer(Offerings::PriceTiyn))
                .col(json(Offerings::Params))
                .col(integer(Offerings::LeadTimeDays))
                .col(integer_null(Offerings::Capacity))
                .col(string_len(Offerings::Status, 16))
                .col(text_null(Offerings::StatusReason))
                .col(integer(Offerings::RatingAvgX100).default(0))
                .col(integer(Offerings::ReviewCount).default(0))
                .col(timestamp_with_time_zone_null(Offerings::PublishedAt))
                .col(timestamp_with_time_zone(Offerings::CreatedAt))
                .col(timestamp_with_time_zone(Offerings::UpdatedAt))
                .check(Expr::col(Offerings::PriceTiyn).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(Offerings::Table, Offerings::SupplierId)
                        .to(Suppliers::Table, Suppliers::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Offerings::Table, Offerings::ItemTypeId)
                        .to(ItemTypes::Table, ItemTypes::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_offerings_catalogue")
                .table(Offerings::Table)
                .col(Offerings::ItemTypeId)
                .col(Offerings::Status)
                .col(Offerings::PriceTiyn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_offerings_status_price")
                .table(Offerings::Table)
                .col(Offerings::Status)
                .col(Offerings::PriceTiyn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_offerings_supplier").table(Offerings::Table).col(Offerings::SupplierId).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_offerings_supplier_sku")
                .table(Offerings::Table)
                .col(Offerings::SupplierId)
                .col(Offerings::Sku)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OfferingRegions::Table)
                .col(integer(OfferingRegions::OfferingId))
                .col(string_len(OfferingRegions::RegionCode, 8))
                .primary_key(Index::create().col(OfferingRegions::OfferingId).col(OfferingRegions::RegionCode))
                .foreign_key(
                    ForeignKey::create()
                        .from(OfferingRegions::Table, OfferingRegions::OfferingId)
                        .to(Offerings::Table, Offerings::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OfferingRegions::Table, OfferingRegions::RegionCode)
                        .to(Regions::Table, Regions::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_offering_regions_region")
                .table(OfferingRegions::Table)
                .col(OfferingRegions::RegionCode)
                .col(OfferingRegions::OfferingId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OfferingSlots::Table)
                .col(pk_auto(OfferingSlots::Id))
                .col(integer(OfferingSlots::OfferingId))
                .col(date(OfferingSlots::StartsOn))
                .col(integer(OfferingSlots::Places))
                .col(integer(OfferingSlots::Taken).default(0))
                .check(Expr::col(OfferingSlots::Taken).lte(Expr::col(OfferingSlots::Places)))
                .foreign_key(
                    ForeignKey::create()
                        .from(OfferingSlots::Table, OfferingSlots::OfferingId)
                        .to(Offerings::Table, Offerings::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_offering_slots_date")
                .table(OfferingSlots::Table)
                .col(OfferingSlots::OfferingId)
                .col(OfferingSlots::StartsOn)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OfferingSlots::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(OfferingRegions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Offerings::Table).to_owned()).await
    }
}
