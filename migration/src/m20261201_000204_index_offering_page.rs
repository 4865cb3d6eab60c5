//! The offering page reads the newest reviews of one offering and one supplier's delivery
//! record. With two million orders both must come from an index: reviews by offering in date
//! order (replacing the index on the offering alone), and orders by supplier with the
//! delivery dates and status inside the index, so the scorecard is counted without reading
//! the orders themselves.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ix_reviews_offering_created")
                .table(Alias::new("reviews"))
                .col(Alias::new("offering_id"))
                .col(Alias::new("created_at"))
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("ix_reviews_offering").table(Alias::new("reviews")).to_owned()).await?;
        m.create_index(
            Index::create()
                .name("ix_orders_supplier_delivery")
                .table(Alias::new("orders"))
                .col(Alias::new("supplier_id"))
                .col(Alias::new("delivered_at"))
                .col(Alias::new("deliver_by"))
                .col(Alias::new("status"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_orders_supplier_delivery").table(Alias::new("orders")).to_owned()).await?;
        m.create_index(
            Index::create()
                .name("ix_reviews_offering")
                .table(Alias::new("reviews"))
                .col(Alias::new("offering_id"))
                .to_owned(),
        )
        .await?;
        m.drop_index(Index::drop().name("ix_reviews_offering_created").table(Alias::new("reviews")).to_owned()).await
    }
}
