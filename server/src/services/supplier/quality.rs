//! The supplier's own scorecard and its reviews, with one public reply per review.
use super::{day, localized, own_supplier, require_active};
use crate::db::begin_write;
use crate::entities::enums::DbComplaintStatus;
use crate::entities::{complaints, offerings, orders, reviews, supplier_scores};
use crate::services::notices::notify;
use crate::services::order_flow::recipient_side_accounts;
use crate::services::{text, Ctx, OrUnexpected};
use app::domain::NoticeKind;
use app::domain::RefusalCode;
use app::dto::supplier::{ReviewRow, ScorecardView};
use app::error::AppError;
use app::ports::{Caller, SupplierQuality};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// Scorecards and reviews of suppliers.
pub struct QualityService(pub Ctx);

/// Reviews of a supplier's offerings (the filter, as a subquery on its offerings).
fn of_supplier(supplier_id: i32) -> sea_orm::Condition {
    sea_orm::Condition::all().add(
        reviews::Column::OfferingId.in_subquery(
            Query::select()
                .column(offerings::Column::Id)
                .from(offerings::Entity)
                .and_where(Expr::col(offerings::Column::SupplierId).eq(supplier_id))
                .to_owned(),
        ),
    )
}

async fn rows(
    db: &impl ConnectionTrait,
    lang: app::domain::Lang,
    list: Vec<reviews::Model>,
) -> Result<Vec<ReviewRow>, AppError> {
    let titles: HashMap<i32, String> = offerings::Entity::find()
        .filter(offerings::Column::Id.is_in(list.iter().map(|r| r.offering_id)))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|o| (o.id, localized(lang, &o.title_kk, &o.title_ru, o.title_en.as_deref())))
        .collect();
    let numbers: HashMap<i32, String> = orders::Entity::find()
        .select_only()
        .column(orders::Column::Id)
        .column(orders::Column::Number)
        .filter(orders::Column::Id.is_in(list.iter().map(|r| r.order_id)))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .collect();
    Ok(list
        .into_iter()
        .map(|r| ReviewRow {
            id: r.id,
            order_number: numbers.get(&r.order_id).cloned().unwrap_or_default(),
            title: titles.get(&r.offering_id).cloned().unwrap_or_default(),
            rating: r.rating,
            body: r.body,
            on: day(r.created_at),
            reply: r.reply,
            replied_on: r.replied_at.map(day),
        })
        .collect())
}

#[async_trait]
impl SupplierQuality for QualityService {
    async fn scorecard(&self, caller: &Caller) -> Result<ScorecardView, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let score = supplier_scores::Entity::find_by_id(s.id).one(db).await.or_unexpected()?.unwrap_or(
            supplier_scores::Model {
                supplier_id: s.id,
                delivered: 0,
                on_time: 0,
                delivered_any: 0,
                with_deadline: 0,
                met_deadline: 0,
                complaints: 0,
            },
        );
        let on_time_percent = (score.with_deadline > 0)
            .then(|| u32::try_from(score.met_deadline * 100 / score.with_deadline).unwrap_or(0));
        let open = complaints::Entity::find()
            .filter(complaints::Column::SupplierId.eq(s.id))
            .filter(complaints::Column::Status.eq(DbComplaintStatus::Open))
            .filter(complaints::Column::SupplierResponse.is_null())
            .count(db)
            .await
            .or_unexpected()?;
        let list = reviews::Entity::find()
            .filter(of_supplier(s.id))
            .order_by_desc(reviews::Column::CreatedAt)
            .limit(500)
            .all(db)
            .await
            .or_unexpected()?;
        let rating_x100 = (!list.is_empty()).then(|| {
            let sum: i32 = list.iter().map(|r| i32::from(r.rating)).sum();
            sum * 100 / i32::try_from(list.len()).unwrap_or(i32::MAX)
        });
        Ok(ScorecardView {
            delivered: u32::try_from(score.delivered_any).unwrap_or(u32::MAX),
            on_time_percent,
            complaints: u32::try_from(score.complaints).unwrap_or(u32::MAX),
            open_complaints: u32::try_from(open).unwrap_or(u32::MAX),
            rating_x100,
            reviews: rows(db, caller.lang, list).await?,
        })
    }

    async fn review(&self, caller: &Caller, id: i32) -> Result<ReviewRow, AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let r = reviews::Entity::find_by_id(id)
            .filter(of_supplier(s.id))
            .one(db)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        rows(db, caller.lang, vec![r]).await?.pop().ok_or(AppError::NotFound)
    }

    async fn reply(&self, caller: &Caller, id: i32, reply: &str) -> Result<(), AppError> {
        let db = &self.0.db;
        let (_, s) = own_supplier(db, caller).await?;
        require_active(&s)?;
        let reply = text(reply, 1000).map_err(|c| AppError::field("reply", c))?;
        let txn = begin_write(db).await.or_unexpected()?;
        let r = reviews::Entity::find_by_id(id)
            .filter(of_supplier(s.id))
            .one(&txn)
            .await
            .or_unexpected()?
            .ok_or(AppError::NotFound)?;
        let res = reviews::Entity::update_many()
            .col_expr(reviews::Column::Reply, Expr::value(reply))
            .col_expr(reviews::Column::RepliedAt, Expr::value(Utc::now()))
            .filter(reviews::Column::Id.eq(r.id))
            .filter(reviews::Column::Reply.is_null())
            .exec(&txn)
            .await
            .or_unexpected()?;
        if res.rows_affected != 1 {
            return Err(AppError::refused(RefusalCode::AlreadyReplied));
        }
        let number = orders::Entity::find_by_id(r.order_id)
            .one(&txn)
            .await
            .or_unexpected()?
            .map(|o| o.number)
            .unwrap_or_default();
        for account in recipient_side_accounts(&txn, r.recipient_id).await.or_unexpected()? {
            notify(
                &txn,
                &self.0.links,
                account,
                NoticeKind::ReviewReplied,
                Some(r.order_id),
                serde_json::json!({ "number": number }),
            )
            .await
            .or_unexpected()?;
        }
        txn.commit().await.or_unexpected()
    }
}
