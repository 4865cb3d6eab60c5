//! In-app notifications: readable without JavaScript, marked read on request.
use crate::entities::notifications;
use crate::services::paging::one_page;
use crate::services::{Ctx, OrUnexpected};
use app::dto::account::{ContactPreferences, ContactPreferencesView};
use app::dto::orders::{NotificationView, NotificationsView};
use app::error::AppError;
use app::ports::{Caller, Notifications};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// Notifications of the signed-in account.
pub struct NotificationService(pub Ctx);

/// Unread notifications of an account (for the navigation badge).
pub async fn unread(db: &impl ConnectionTrait, account_id: i32) -> Result<u64, sea_orm::DbErr> {
    notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(account_id))
        .filter(notifications::Column::ReadAt.is_null())
        .count(db)
        .await
}

#[async_trait]
impl Notifications for NotificationService {
    async fn list(&self, caller: &Caller, page: u32) -> Result<NotificationsView, AppError> {
        let actor = caller.signed_in()?;
        let find = notifications::Entity::find()
            .filter(notifications::Column::AccountId.eq(actor.account_id))
            .order_by_desc(notifications::Column::Id);
        let (rows, page) = one_page(&self.0.db, find, page).await?;
        let items = rows
            .into_iter()
            .map(|n| NotificationView {
                id: n.id,
                args: app::notices::notice_args(&n.params),
                kind: n.kind,
                order_id: n.order_id,
                at: crate::services::present::moment(n.created_at),
                unread: n.read_at.is_none(),
            })
            .collect();
        Ok(NotificationsView { items, page })
    }

    async fn mark_all_read(&self, caller: &Caller) -> Result<(), AppError> {
        let actor = caller.signed_in()?;
        notifications::Entity::update_many()
            .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
            .filter(notifications::Column::AccountId.eq(actor.account_id))
            .filter(notifications::Column::ReadAt.is_null())
            .exec(&self.0.db)
            .await
            .or_unexpected()?;
        Ok(())
    }

    async fn preferences(&self, caller: &Caller) -> Result<ContactPreferencesView, AppError> {
        let actor = caller.signed_in()?;
        crate::services::notices::preferences_view(&self.0.db, actor.account_id).await
    }

    async fn set_preferences(&self, caller: &Caller, chosen: ContactPreferences) -> Result<(), AppError> {
        let actor = caller.signed_in()?;
        // The channels and the language are kept together or not at all.
        let txn = crate::db::begin_write(&self.0.db).await.or_unexpected()?;
        crate::services::notices::save_preferences(&txn, actor.account_id, chosen).await?;
        txn.commit().await.or_unexpected()
    }
}
