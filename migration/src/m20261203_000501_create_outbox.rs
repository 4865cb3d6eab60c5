//! The outbox: every message that should reach a person (by e-mail or SMS) is a row written in
//! the same transaction as the event it tells of. A background worker delivers due rows and
//! retries with growing waits; the row's id travels with the message (the e-mail's
//! Message-ID, the SMS gateway's idempotency key), so a message delivered twice is one message.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Id,
    Channel,
    Address,
    Language,
    Kind,
    Subject,
    BodyText,
    BodyHtml,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    SentAt,
    LastError,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OutboxMessages::Table)
                .col(string_len(OutboxMessages::Id, 36).primary_key())
                // `email` or `sms`.
                .col(string_len(OutboxMessages::Channel, 8))
                // The e-mail address or phone number: personal data, never logged.
                .col(string_len(OutboxMessages::Address, 254))
                .col(string_len(OutboxMessages::Language, 2))
                // What the message is about (`email_confirm`, `sign_up_exists`, `claim_code`, …).
                .col(string_len(OutboxMessages::Kind, 40))
                .col(string_len(OutboxMessages::Subject, 300))
                .col(text(OutboxMessages::BodyText))
                .col(text_null(OutboxMessages::BodyHtml))
                // `queued`, `sent` or `failed` (gave up after the last retry).
                .col(string_len(OutboxMessages::Status, 8))
                .col(integer(OutboxMessages::Attempts).default(0))
                .col(timestamp_with_time_zone(OutboxMessages::NextAttemptAt))
                // Taken by a worker until then; a worker that dies leaves it to the next.
                .col(timestamp_with_time_zone_null(OutboxMessages::LockedUntil))
                .col(timestamp_with_time_zone_null(OutboxMessages::SentAt))
                .col(string_len_null(OutboxMessages::LastError, 500))
                .col(timestamp_with_time_zone(OutboxMessages::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_outbox_messages_due")
                .table(OutboxMessages::Table)
                .col(OutboxMessages::Status)
                .col(OutboxMessages::NextAttemptAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OutboxMessages::Table).to_owned()).await
    }
}
