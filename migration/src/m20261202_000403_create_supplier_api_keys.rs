//! Keys a supplier's own stock system uses to sync its offerings through the API: shown to the
//! supplier once, stored only as a SHA-256 hash (a key is 32 random bytes, so a fast hash is
//! enough), with when it was last used and whether it was revoked.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SupplierApiKeys {
    Table,
    Id,
    SupplierId,
    Label,
    Prefix,
    KeyHash,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum Suppliers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SupplierApiKeys::Table)
                .col(pk_auto(SupplierApiKeys::Id))
                .col(integer(SupplierApiKeys::SupplierId))
                .col(string_len(SupplierApiKeys::Label, 80))
                .col(string_len(SupplierApiKeys::Prefix, 16))
                .col(string_len_uniq(SupplierApiKeys::KeyHash, 64))
                .col(integer(SupplierApiKeys::CreatedBy))
                .col(timestamp_with_time_zone(SupplierApiKeys::CreatedAt))
                .col(timestamp_with_time_zone_null(SupplierApiKeys::LastUsedAt))
                .col(timestamp_with_time_zone_null(SupplierApiKeys::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(SupplierApiKeys::Table, SupplierApiKeys::SupplierId)
                        .to(Suppliers::Table, Suppliers::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_supplier_api_keys_supplier")
                .table(SupplierApiKeys::Table)
                .col(SupplierApiKeys::SupplierId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SupplierApiKeys::Table).to_owned()).await
    }
}
