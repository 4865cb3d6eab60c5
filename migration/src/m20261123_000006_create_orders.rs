//! Orders with price and ceiling snapshots, their status history, reviews and complaints.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000002_create_accounts::Accounts;
use crate::m20261123_000003_create_recipients::{Entitlements, Recipients};
use crate::m20261123_000004_create_suppliers::Suppliers;
use crate::m20261123_000005_create_offerings::Offerings;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub enum Orders {
    Table,
    Id,
    Number,
    RecipientId,
    OfferingId,
    SupplierId,
    EntitlementId,
    ItemTypeId,
    Quantity,
    UnitPriceTiyn,
    CeilingTiyn,
    TotalTiyn,
    StateShareTiyn,
    CopayTiyn,
    Status,
    IdempotencyKey,
    PlacedBy,
    OnBehalf,
    RegionCode,
    Details,
    AcceptBy,
    DeliverBy,
    AcceptedAt,
    DeliveredAt,
    ConfirmedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub enum OrderEvents {
    Table,
    Id,
    OrderId,
    Status,
    ActorAccountId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Reviews {
    Table,
    Id,
    OrderId,
    OfferingId,
    RecipientId,
    Rating,
    Body,
    Reply,
    RepliedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum Complaints {
    Table,
    Id,
    OrderId,
    RecipientId,
    SupplierId,
    RegionCode,
    Body,
    Status,
    DueAt,
    AssignedTo,
    SupplierResponse,
    SupplierRespondedAt,
    Outcome,
    ClosedBy,
    ClosedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
pub enum ComplaintNotes {
    Table,
    Id,
    ComplaintId,
    AuthorId,
    Body,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Orders::Table)
                .col(pk_auto(Orders::Id))
                .col(string_len_uniq(Orders::Number, 32))
                .col(integer(Orders::RecipientId))
                .col(integer(Orders::OfferingId))
                .col(integer(Orders::SupplierId))
                .col(integer(Orders::EntitlementId))
                .col(integer(Orders::ItemTypeId))
                .col(integer(Orders::Quantity))
                // Snapshots taken when the order is placed: later price or ceiling changes
                // never alter what was agreed.
                .col(big_integer(Orders::UnitPriceTiyn))
                .col(big_integer(Orders::CeilingTiyn))
                .col(big_integer(Orders::TotalTiyn))
                .col(big_integer(Orders::StateShareTiyn))
                .col(big_integer(Orders::CopayTiyn))
                .col(string_len(Orders::Status, 16))
                .col(string_len_uniq(Orders::IdempotencyKey, 64))
                .col(integer(Orders::PlacedBy))
                .col(boolean(Orders::OnBehalf))
                .col(string_len(Orders::RegionCode, 8))
                .col(json(Orders::Details))
                .col(timestamp_with_time_zone(Orders::AcceptBy))
                .col(timestamp_with_time_zone_null(Orders::DeliverBy))
                .col(timestamp_with_time_zone_null(Orders::AcceptedAt))
                .col(timestamp_with_time_zone_null(Orders::DeliveredAt))
                .col(timestamp_with_time_zone_null(Orders::ConfirmedAt))
                .col(timestamp_with_time_zone(Orders::CreatedAt))
                .col(timestamp_with_time_zone(Orders::UpdatedAt))
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::RecipientId).to(Recipients::Table, Recipients::Id),
                )
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::OfferingId).to(Offerings::Table, Offerings::Id),
                )
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::SupplierId).to(Suppliers::Table, Suppliers::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Orders::Table, Orders::EntitlementId)
                        .to(Entitlements::Table, Entitlements::Id),
                )
                .foreign_key(
                    ForeignKey::create().from(Orders::Table, Orders::PlacedBy).to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_orders_recipient")
                .table(Orders::Table)
                .col(Orders::RecipientId)
                .col(Orders::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_orders_supplier_status")
                .table(Orders::Table)
                .col(Orders::SupplierId)
                .col(Orders::Status)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_orders_entitlement").table(Orders::Table).col(Orders::EntitlementId).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_orders_status_region")
                .table(Orders::Table)
                .col(Orders::Status)
                .col(Orders::RegionCode)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_orders_offering").table(Orders::Table).col(Orders::OfferingId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderEvents::Table)
                .col(big_pk_auto(OrderEvents::Id))
                .col(integer(OrderEvents::OrderId))
                .col(string_len(OrderEvents::Status, 16))
                .col(integer_null(OrderEvents::ActorAccountId))
                .col(text_null(OrderEvents::Note))
                .col(timestamp_with_time_zone(OrderEvents::CreatedAt))
                .foreign_key(
                    ForeignKey::create().from(OrderEvents::Table, OrderEvents::OrderId).to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_order_events_order")
                .table(OrderEvents::Table)
                .col(OrderEvents::OrderId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Reviews::Table)
                .col(pk_auto(Reviews::Id))
                .col(integer_uniq(Reviews::OrderId))
                .col(integer(Reviews::OfferingId))
                .col(integer(Reviews::RecipientId))
                .col(small_integer(Reviews::Rating))
                .col(text(Reviews::Body))
                .col(text_null(Reviews::Reply))
                .col(timestamp_with_time_zone_null(Reviews::RepliedAt))
                .col(timestamp_with_time_zone(Reviews::CreatedAt))
                .check(Expr::col(Reviews::Rating).between(1, 5))
                .foreign_key(ForeignKey::create().from(Reviews::Table, Reviews::OrderId).to(Orders::Table, Orders::Id))
                .foreign_key(
                    ForeignKey::create().from(Reviews::Table, Reviews::OfferingId).to(Offerings::Table, Offerings::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_reviews_offering").table(Reviews::Table).col(Reviews::OfferingId).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Complaints::Table)
                .col(pk_auto(Complaints::Id))
                .col(integer(Complaints::OrderId))
                .col(integer(Complaints::RecipientId))
                .col(integer(Complaints::SupplierId))
                .col(string_len(Complaints::RegionCode, 8))
                .col(text(Complaints::Body))
                .col(string_len(Complaints::Status, 16))
                .col(timestamp_with_time_zone(Complaints::DueAt))
                .col(integer_null(Complaints::AssignedTo))
                .col(text_null(Complaints::SupplierResponse))
                .col(timestamp_with_time_zone_null(Complaints::SupplierRespondedAt))
                .col(text_null(Complaints::Outcome))
                .col(integer_null(Complaints::ClosedBy))
                .col(timestamp_with_time_zone_null(Complaints::ClosedAt))
                .col(timestamp_with_time_zone(Complaints::CreatedAt))
                .foreign_key(
                    ForeignKey::create().from(Complaints::Table, Complaints::OrderId).to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_complaints_status_due")
                .table(Complaints::Table)
                .col(Complaints::Status)
                .col(Complaints::DueAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_complaints_supplier")
                .table(Complaints::Table)
                .col(Complaints::SupplierId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ComplaintNotes::Table)
                .col(pk_auto(ComplaintNotes::Id))
                .col(integer(ComplaintNotes::ComplaintId))
                .col(integer(ComplaintNotes::AuthorId))
                .col(text(ComplaintNotes::Body))
                .col(timestamp_with_time_zone(ComplaintNotes::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ComplaintNotes::Table, ComplaintNotes::ComplaintId)
                        .to(Complaints::Table, Complaints::Id),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ComplaintNotes::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Complaints::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Reviews::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(OrderEvents::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(Orders::Table).to_owned()).await
    }
}
