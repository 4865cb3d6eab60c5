//! How each person wants to hear from the portal, and reminders already sent.
//!
//! `contact_profiles` keeps one row per account that changed the defaults (e-mail, SMS and
//! the portal's own notifications all on; e-mails with large HTML beside the plain text).
//! `reminders_sent` makes every reminder, escalation and digest go out at most once: its
//! key (`kind`, `subject_id`) is unique, and the reminder is written only in the
//! transaction whose insert created that key. The indexes let the scheduler find what is due by a range on a date, with
//! two million orders, instead of reading them all.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ContactProfiles {
    Table,
    AccountId,
    ByEmail,
    BySms,
    InApp,
    EmailFormat,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RemindersSent {
    Table,
    Id,
    Kind,
    SubjectId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ContactProfiles::Table)
                .col(integer(ContactProfiles::AccountId).primary_key())
                .col(boolean(ContactProfiles::ByEmail).default(true))
                .col(boolean(ContactProfiles::BySms).default(true))
                .col(boolean(ContactProfiles::InApp).default(true))
                // `rich` (plain text and large HTML) or `plain` (plain text only).
                .col(string_len(ContactProfiles::EmailFormat, 8).default("rich"))
                .col(timestamp_with_time_zone(ContactProfiles::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_contact_profiles_account")
                        .from(ContactProfiles::Table, ContactProfiles::AccountId)
                        .to(Alias::new("accounts"), Alias::new("id"))
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RemindersSent::Table)
                .col(big_integer(RemindersSent::Id).auto_increment().primary_key())
                // `accept_soon`, `accept_overdue`, `deliver_soon`, `deliver_overdue`,
                // `confirm_waiting`, `entitlement_expiring`, `replacement_due`,
                // `complaint_escalated`, or `staff_digest:<day>` (one a day).
                .col(string_len(RemindersSent::Kind, 40))
                // The order, entitlement, complaint or staff account it is about.
                .col(big_integer(RemindersSent::SubjectId))
                .col(timestamp_with_time_zone(RemindersSent::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_reminders_sent_once")
                .table(RemindersSent::Table)
                .col(RemindersSent::Kind)
                .col(RemindersSent::SubjectId)
                .unique()
                .to_owned(),
        )
        .await?;
        for (name, table, cols) in [
            ("ix_orders_status_accept_by", "orders", ["status", "accept_by"]),
            ("ix_orders_status_deliver_by", "orders", ["status", "deliver_by"]),
            ("ix_orders_status_delivered_at", "orders", ["status", "delivered_at"]),
            ("ix_entitlements_valid_to", "entitlements", ["valid_to", "quantity_remaining"]),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Alias::new(table))
                    .col(Alias::new(cols[0]))
                    .col(Alias::new(cols[1]))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("ix_orders_status_accept_by", "orders"),
            ("ix_orders_status_deliver_by", "orders"),
            ("ix_orders_status_delivered_at", "orders"),
            ("ix_entitlements_valid_to", "entitlements"),
        ] {
            m.drop_index(Index::drop().name(name).table(Alias::new(table)).to_owned()).await?;
        }
        m.drop_table(Table::drop().table(RemindersSent::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(ContactProfiles::Table).to_owned()).await
    }
}
