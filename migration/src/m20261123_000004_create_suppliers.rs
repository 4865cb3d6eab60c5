//! Suppliers, the regions and categories they serve, and their uploaded documents' metadata.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000001_create_reference::{Categories, Regions};
use crate::m20261123_000002_create_accounts::Accounts;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Suppliers {
    Table,
    Id,
    AccountId,
    Bin,
    Kind,
    LegalName,
    Address,
    HomeRegion,
    ContactPerson,
    Phone,
    Email,
    Status,
    StatusReason,
    DecidedBy,
    DecidedAt,
    SubmittedAt,
    ApprovedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum SupplierRegions {
    Table,
    SupplierId,
    RegionCode,
}

#[derive(DeriveIden)]
pub enum SupplierCategories {
    Table,
    SupplierId,
    CategoryId,
}

#[derive(DeriveIden)]
pub enum SupplierDocuments {
    Table,
    Id,
    SupplierId,
    Kind,
    FileName,
    ContentType,
    SizeBytes,
    StorageKey,
    Sha256,
    UploadedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Suppliers::Table)
                .col(pk_auto(Suppliers::Id))
                .col(integer_uniq(Suppliers::AccountId))
                .col(string_len_uniq(Suppliers::Bin, 12))
                .col(string_len(Suppliers::Kind, 16))
                .col(string(Suppliers::LegalName))
                .col(string_null(Suppliers::Address))
                .col(string_len_null(Suppliers::HomeRegion, 8))
                .col(string_null(Suppliers::ContactPerson))
                .col(string_len_null(Suppliers::Phone, 32))
                .col(string_len_null(Suppliers::Email, 254))
                .col(string_len(Suppliers::Status, 16))
                .col(text_null(Suppliers::StatusReason))
                .col(integer_null(Suppliers::DecidedBy))
                .col(timestamp_with_time_zone_null(Suppliers::DecidedAt))
                .col(timestamp_with_time_zone_null(Suppliers::SubmittedAt))
                .col(timestamp_with_time_zone_null(Suppliers::ApprovedAt))
                .col(timestamp_with_time_zone(Suppliers::CreatedAt))
                .col(timestamp_with_time_zone(Suppliers::UpdatedAt))
                .foreign_key(
                    ForeignKey::create().from(Suppliers::Table, Suppliers::AccountId).to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Suppliers::Table, Suppliers::HomeRegion)
                        .to(Regions::Table, Regions::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_suppliers_status")
                .table(Suppliers::Table)
                .col(Suppliers::Status)
                .col(Suppliers::SubmittedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SupplierRegions::Table)
                .col(integer(SupplierRegions::SupplierId))
                .col(string_len(SupplierRegions::RegionCode, 8))
                .primary_key(Index::create().col(SupplierRegions::SupplierId).col(SupplierRegions::RegionCode))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierRegions::Table, SupplierRegions::SupplierId)
                        .to(Suppliers::Table, Suppliers::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierRegions::Table, SupplierRegions::RegionCode)
                        .to(Regions::Table, Regions::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SupplierCategories::Table)
                .col(integer(SupplierCategories::SupplierId))
                .col(integer(SupplierCategories::CategoryId))
                .primary_key(Index::create().col(SupplierCategories::SupplierId).col(SupplierCategories::CategoryId))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierCategories::Table, SupplierCategories::SupplierId)
                        .to(Suppliers::Table, Suppliers::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierCategories::Table, SupplierCategories::CategoryId)
                        .to(Categories::Table, Categories::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SupplierDocuments::Table)
                .col(pk_auto(SupplierDocuments::Id))
                .col(integer(SupplierDocuments::SupplierId))
                .col(string_len(SupplierDocuments::Kind, 32))
                .col(string(SupplierDocuments::FileName))
                .col(string_len(SupplierDocuments::ContentType, 64))
                .col(big_integer(SupplierDocuments::SizeBytes))
                .col(string_len_uniq(SupplierDocuments::StorageKey, 64))
                .col(string_len(SupplierDocuments::Sha256, 64))
                .col(timestamp_with_time_zone(SupplierDocuments::UploadedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierDocuments::Table, SupplierDocuments::SupplierId)
                        .to(Suppliers::Table, Suppliers::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_supplier_documents_supplier")
                .table(SupplierDocuments::Table)
                .col(SupplierDocuments::SupplierId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SupplierDocuments::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(SupplierCategories::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(SupplierRegions::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Suppliers::Table).to_owned()).await
    }
}
