//! A supplier's regions and categories carry whether the ministry has reviewed them. What a
//! supplier applies with is reviewed with its application; what an approved supplier adds
//! later waits (`approved = false`) until staff accept it, and cannot be used before.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SupplierRegions {
    Table,
    Approved,
}

#[derive(DeriveIden)]
enum SupplierCategories {
    Table,
    Approved,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(SupplierRegions::Table)
                .add_column(ColumnDef::new(SupplierRegions::Approved).boolean().not_null().default(true))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(SupplierCategories::Table)
                .add_column(ColumnDef::new(SupplierCategories::Approved).boolean().not_null().default(true))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(SupplierCategories::Table).drop_column(SupplierCategories::Approved).to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(SupplierRegions::Table).drop_column(SupplierRegions::Approved).to_owned())
            .await
    }
}
