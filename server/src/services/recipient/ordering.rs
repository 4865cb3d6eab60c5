//! Ordering: a question page whose answers are kept as a server-side draft (so a reload or a
//! lost connection loses nothing), a check-your-answers page with the co-payment in plain
//! words, and a confirmation that places the order once per key, spending the entitlement in
//! the same transaction with a conditional update, so it can never be spent twice.
use super::catalogue::cards;
use super::order_form::{validate, OrderContext, ValidOrder};
use super::{resolve, Acting};
use crate::db::begin_write;
use crate::entities::enums::DbOrderStatus;
use crate::entities::{
    categories, drafts, entitlements, item_types, offering_regions, offering_slots, offerings, order_events, orders,
    regions,
};
use crate::services::catalogue_rules::visible_offering_condition;
use crate::services::notices::notify;
use crate::services::order_flow::{supplier_account, working_days_after};
use crate::services::present::{detail_lines, order_detail_key};
use crate::services::{ceilings::ceiling_on, Ctx, OrUnexpected};
use app::domain::NoticeKind;
use app::domain::{CategoryKind, CoPayment, Money, OrderKey, RefusalCode, Role, SessionMode};
use app::dto::orders::{EntitlementChoice, OrderCheckView, OrderForm, OrderStartView, SlotView};
use app::error::AppError;
use app::ports::{Caller, Ordering};
use async_trait::async_trait;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionTrait,
};

/// Ordering.
pub struct OrderingService(pub Ctx);

/// Everything an order form is checked against, loaded for one offering and one person.
struct Loaded {
    offering: offerings::Model,
    kind: CategoryKind,
    regions: Vec<String>,
    slots: Vec<offering_slots::Model>,
    usable: Vec<entitlements::Model>,
    all_of_type: Vec<entitlements::Model>,
}

async fn load(db: &impl ConnectionTrait, acting: &Acting, offering_id: i32) -> Result<Loaded, AppError> {
    let offering = offerings::Entity::find_by_id(offering_id)
        .filter(visible_offering_condition())
        .one(db)
        .await
        .or_unexpected()?
        .ok_or_else(|| AppError::refused(RefusalCode::OfferingUnavailable))?;
    let t = item_types::Entity::find_by_id(offering.item_type_id)
        .one(db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?;
    let kind: CategoryKind = categories::Entity::find_by_id(t.category_id)
        .one(db)
        .await
        .or_unexpected()?
        .ok_or(AppError::NotFound)?
        .kind
        .into();
    let regions = offering_regions::Entity::find()
        .filter(offering_regions::Column::OfferingId.eq(offering.id))
        .all(db)
        .await
        .or_unexpected()?
        .into_iter()
        .map(|r| r.region_code)
        .collect();
    let slots = offering_slots::Entity::find()
        .filter(offering_slots::Column::OfferingId.eq(offering.id))
        .order_by_asc(offering_slots::Column::StartsOn)
        .all(db)
        .await
        .or_unexpected()?;
    let all_of_type = entitlements::Entity::find()
        .filter(entitlements::Column::RecipientId.eq(acting.recipient.id))
        .filter(entitlements::Column::ItemTypeId.eq(offering.item_type_id))
        .all(db)
        .await
        .or_unexpected()?;
    let today = Utc::now().date_naive();
    let usable = all_of_type
        .iter()
        .filter(|e| e.valid_from <= today && today <= e.valid_to && e.quantity_remaining > 0)
        .cloned()
        .collect();
    Ok(Loaded { offering, kind, regions, slots, usable, all_of_type })
}

fn draft_key(offering_id: i32, recipient_id: i32) -> String {
    format!("{offering_id}:{recipient_id}")
}

/// A draft: what was typed, and the key that makes confirming idempotent.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Draft {
    form: OrderForm,
    key: String,
}

async fn read_draft(
    db: &impl ConnectionTrait,
    acting: &Acting,
    offering_id: i32,
) -> Result<Option<(drafts::Model, Draft)>, AppError> {
    let row = drafts::Entity::find()
        .filter(drafts::Column::AccountId.eq(acting.actor.account_id))
        .filter(drafts::Column::Kind.eq("order"))
        .filter(drafts::Column::DraftKey.eq(draft_key(offering_id, acting.recipient.id)))
        .one(db)
        .await
        .or_unexpected()?;
    Ok(row.and_then(|r| serde_json::from_value::<Draft>(r.data.clone()).ok().map(|d| (r, d))))
}

impl Loaded {
    fn context<'a>(&'a self, acting: &'a Acting) -> OrderContext<'a> {
        OrderContext {
            kind: self.kind,
            offering: &self.offering,
            offering_regions: &self.regions,
            slots: &self.slots,
            entitlements: &self.usable,
            recipient_region: acting.recipient.region_code.as_deref(),
            today: Utc::now().date_naive(),
        }
    }

    /// Why no entitlement fits, when none does.
    fn none_fits(&self) -> Option<String> {
        if !self.usable.is_empty() {
            return None;
        }
        let today = Utc::now().date_naive();
        Some(
            if self.all_of_type.is_empty() {
                "no_entitlement_for_type"
            } else if self.all_of_type.iter().all(|e| e.valid_to < today || e.valid_from > today) {
                "entitlement_expired"
            } else {
                "entitlement_used_up"
            }
            .into(),
        )
    }
}

fn parse_for(raw: &str) -> Option<i32> {
    raw.trim().parse().ok()
}

#[async_trait]
impl Ordering for OrderingService {
    async fn start(
        &self,
        caller: &Caller,
        offering_id: i32,
        for_recipient: Option<i32>,
    ) -> Result<OrderStartView, AppError> {
        let db = &self.0.db;
        let acting = resolve(db, caller, for_recipient).await?;
        let loaded = load(db, &acting, offering_id).await?;
        let draft = match read_draft(db, &acting, offering_id).await? {
            Some((_, d)) => d.form,
            None => OrderForm {
                offering: offering_id.to_string(),
                for_recipient: if acting.view.as_representative {
                    acting.recipient.id.to_string()
                } else {
                    String::new()
                },
                entitlement: if loaded.usable.len() == 1 { loaded.usable[0].id.to_string() } else { String::new() },
                quantity: "1".into(),
                region: acting.recipient.region_code.clone().filter(|r| loaded.regions.contains(r)).unwrap_or_default(),
                weeks: "4".into(),
                mode: SessionMode::InPerson.code().into(),
                ..Default::default()
            },
        };
        let my_region = acting.recipient.region_code.clone();
        let offering = cards(&self.0, caller.lang, std::slice::from_ref(&loaded.offering), my_region.as_deref())
            .await?
            .into_iter()
            .next()
            .ok_or(AppError::NotFound)?;
        let names = regions::Entity::find().order_by_asc(regions::Column::Sort).all(db).await.or_unexpected()?;
        let today = Utc::now().date_naive();
        Ok(OrderStartView {
            offering,
            kind: loaded.kind,
            none_fits: loaded.none_fits(),
            entitlements: loaded
                .usable
                .iter()
                .map(|e| EntitlementChoice {
                    id: e.id,
                    ipr_number: e.ipr_number.clone(),
                    remaining: e.quantity_remaining,
                    valid_to: e.valid_to.to_string(),
                })
                .collect(),
            regions: names
                .iter()
                .filter(|r| loaded.regions.contains(&r.code))
                .map(|r| (r.code.clone(), r.name(caller.lang).to_owned()))
                .collect(),
            my_region,
            slots: loaded
                .slots
                .iter()
                .filter(|s| s.starts_on > today && s.taken < s.places)
                .map(|s| SlotView { date: s.starts_on.to_string(), free: s.places - s.taken })
                .collect(),
            acting_for: acting.view,
            draft,
        })
    }

    async fn save(&self, caller: &Caller, form: OrderForm) -> Result<(), AppError> {
        let db = &self.0.db;
        let offering_id: i32 = form.offering.trim().parse().map_err(|_| AppError::NotFound)?;
        let acting = resolve(db, caller, parse_for(&form.for_recipient)).await?;
        let loaded = load(db, &acting, offering_id).await?;
        // The draft is kept first, whatever the check says: nothing typed is lost.
        let existing = read_draft(db, &acting, offering_id).await?;
        let key = existing.as_ref().map(|(_, d)| d.key.clone()).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let data = serde_json::to_value(Draft { form: form.clone(), key }).or_unexpected()?;
        match existing {
            Some((row, _)) => {
                let mut am: drafts::ActiveModel = row.into();
                am.data = Set(data);
                am.updated_at = Set(Utc::now());
                am.update(db).await.or_unexpected()?;
            }
            None => {
                drafts::ActiveModel {
                    account_id: Set(acting.actor.account_id),
                    kind: Set("order".into()),
                    draft_key: Set(draft_key(offering_id, acting.recipient.id)),
                    data: Set(data),
                    updated_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(db)
                .await
                .or_unexpected()?;
            }
        }
        validate(&form, &loaded.context(&acting)).map(|_| ())
    }

    async fn check(
        &self,
        caller: &Caller,
        offering_id: i32,
        for_recipient: Option<i32>,
    ) -> Result<OrderCheckView, AppError> {
        let db = &self.0.db;
        let acting = resolve(db, caller, for_recipient).await?;
        let loaded = load(db, &acting, offering_id).await?;
        let (_, draft) =
            read_draft(db, &acting, offering_id).await?.ok_or_else(|| AppError::refused(RefusalCode::NoDraft))?;
        let valid = validate(&draft.form, &loaded.context(&acting))?;
        let split = price_split(db, &loaded.offering, valid.quantity).await?;
        let terms = terms_of(db, &loaded.offering, valid.quantity, &split).await?;
        let my_region = acting.recipient.region_code.clone();
        let offering = cards(&self.0, caller.lang, std::slice::from_ref(&loaded.offering), my_region.as_deref())
            .await?
            .into_iter()
            .next()
            .ok_or(AppError::NotFound)?;
        Ok(OrderCheckView {
            offering,
            ipr_number: valid.entitlement.ipr_number.clone(),
            quantity: valid.quantity,
            split,
            details: detail_lines(&valid.details, order_detail_key),
            idempotency_key: draft.key,
            terms,
            offering_id,
            for_recipient: draft.form.for_recipient,
            acting_for: acting.view,
        })
    }

    async fn confirm(
        &self,
        caller: &Caller,
        offering_id: i32,
        for_recipient: Option<i32>,
        key: Option<OrderKey>,
        terms: &str,
    ) -> Result<i32, AppError> {
        let db = &self.0.db;
        let acting = resolve(db, caller, for_recipient).await?;
        let Some(key) = key else {
            return Err(AppError::refused(RefusalCode::StaleForm));
        };
        let key = key.as_str();
        if let Some(id) = already_placed(db, &acting, key).await? {
            return Ok(id);
        }
        let txn = begin_write(db).await.or_unexpected()?;
        if let Some(id) = already_placed(&txn, &acting, key).await? {
            return Ok(id);
        }
        let loaded = load(&txn, &acting, offering_id).await?;
        let (draft_row, draft) =
            read_draft(&txn, &acting, offering_id).await?.ok_or_else(|| AppError::refused(RefusalCode::NoDraft))?;
        if draft.key != key {
            return Err(AppError::refused(RefusalCode::StaleForm));
        }
        let valid = validate(&draft.form, &loaded.context(&acting))?;
        // The person agreed to the figures on the check page, nothing else: a price or a
        // guaranteed sum that moved since then sends them back to see the new ones.
        let split = price_split(&txn, &loaded.offering, valid.quantity).await?;
        if terms_of(&txn, &loaded.offering, valid.quantity, &split).await? != terms.trim() {
            txn.rollback().await.or_unexpected()?;
            return Err(AppError::refused(RefusalCode::PriceChanged));
        }
        let placed = place(&self.0, &txn, &acting, &loaded.offering, &valid, key).await;
        match placed {
            Ok(order) => {
                drafts::Entity::delete_by_id(draft_row.id).exec(&txn).await.or_unexpected()?;
                txn.commit().await.or_unexpected()?;
                crate::telemetry::order_placed();
                Ok(order.id)
            }
            Err(e) => {
                txn.rollback().await.or_unexpected()?;
                // A second confirmation racing the first loses on the unique key: answer with
                // the order the first one placed.
                match already_placed(db, &acting, key).await? {
                    Some(id) => Ok(id),
                    None => Err(e),
                }
            }
        }
    }
}

async fn already_placed(db: &impl ConnectionTrait, acting: &Acting, key: &str) -> Result<Option<i32>, AppError> {
    let found = orders::Entity::find().filter(orders::Column::IdempotencyKey.eq(key)).one(db).await.or_unexpected()?;
    match found {
        Some(o) if o.placed_by == acting.actor.account_id => Ok(Some(o.id)),
        Some(_) => Err(AppError::refused(RefusalCode::StaleForm)),
        None => Ok(None),
    }
}

/// The figures a check page shows and a confirmation must still find: unit price, guaranteed
/// sum in force today, quantity and co-payment, all in tiyn.
async fn terms_of(
    db: &impl ConnectionTrait,
    offering: &offerings::Model,
    quantity: i32,
    split: &CoPayment,
) -> Result<String, AppError> {
    let ceiling =
        ceiling_on(db, offering.item_type_id, Utc::now().date_naive()).await.or_unexpected()?.unwrap_or(Money::ZERO);
    Ok(format!("{}-{}-{}-{}", offering.price_tiyn, ceiling.tiyn(), quantity, split.copay.tiyn()))
}

/// The price split with today's ceiling.
pub async fn price_split(
    db: &impl ConnectionTrait,
    offering: &offerings::Model,
    quantity: i32,
) -> Result<CoPayment, AppError> {
    let ceiling = ceiling_on(db, offering.item_type_id, Utc::now().date_naive())
        .await
        .or_unexpected()?
        .ok_or_else(|| AppError::refused(RefusalCode::NoCeiling))?;
    CoPayment::split(Money::from_tiyn(offering.price_tiyn), ceiling, i64::from(quantity))
        .ok_or_else(|| AppError::refused(RefusalCode::AmountTooLarge))
}

async fn place<C: ConnectionTrait + TransactionTrait>(
    ctx: &Ctx,
    txn: &C,
    acting: &Acting,
    offering: &offerings::Model,
    valid: &ValidOrder,
    key: &str,
) -> Result<orders::Model, AppError> {
    let now = Utc::now();
    let today = now.date_naive();
    let spent = entitlements::Entity::update_many()
        .col_expr(
            entitlements::Column::QuantityRemaining,
            Expr::col(entitlements::Column::QuantityRemaining).sub(valid.quantity),
        )
        .col_expr(entitlements::Column::UpdatedAt, Expr::value(now))
        .filter(entitlements::Column::Id.eq(valid.entitlement.id))
        .filter(entitlements::Column::RecipientId.eq(acting.recipient.id))
        .filter(entitlements::Column::QuantityRemaining.gte(valid.quantity))
        .filter(entitlements::Column::ValidFrom.lte(today))
        .filter(entitlements::Column::ValidTo.gte(today))
        .exec(txn)
        .await
        .or_unexpected()?;
    if spent.rows_affected != 1 {
        return Err(AppError::field("entitlement", "entitlement_used_up"));
    }
    if let Some(arrival) = valid.arrival {
        let reserved = offering_slots::Entity::update_many()
            .col_expr(offering_slots::Column::Taken, Expr::col(offering_slots::Column::Taken).add(1))
            .filter(offering_slots::Column::OfferingId.eq(offering.id))
            .filter(offering_slots::Column::StartsOn.eq(arrival))
            .filter(Expr::col(offering_slots::Column::Taken).lt(Expr::col(offering_slots::Column::Places)))
            .exec(txn)
            .await
            .or_unexpected()?;
        if reserved.rows_affected != 1 {
            return Err(AppError::field("arrival", "no_places"));
        }
    }
    let split = price_split(txn, offering, valid.quantity).await?;
    let ceiling = ceiling_on(txn, offering.item_type_id, today).await.or_unexpected()?.unwrap_or(Money::ZERO);
    let inserted = orders::ActiveModel {
        // Replaced by the final number (from the id) in the same transaction.
        number: Set(uuid::Uuid::new_v4().simple().to_string()),
        recipient_id: Set(acting.recipient.id),
        offering_id: Set(offering.id),
        supplier_id: Set(offering.supplier_id),
        entitlement_id: Set(valid.entitlement.id),
        item_type_id: Set(offering.item_type_id),
        quantity: Set(valid.quantity),
        unit_price_tiyn: Set(offering.price_tiyn),
        ceiling_tiyn: Set(ceiling.tiyn()),
        total_tiyn: Set(split.total.tiyn()),
        state_share_tiyn: Set(split.state_share.tiyn()),
        copay_tiyn: Set(split.copay.tiyn()),
        status: Set(DbOrderStatus::Placed),
        idempotency_key: Set(key.to_owned()),
        placed_by: Set(acting.actor.account_id),
        on_behalf: Set(acting.actor.role == Role::Representative),
        region_code: Set(valid.region.clone()),
        details: Set(orders::Details(valid.details.clone())),
        accept_by: Set(working_days_after(now, ctx.settings.accept_working_days)),
        deliver_by: Set(None),
        accepted_at: Set(None),
        delivered_at: Set(None),
        confirmed_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => AppError::refused(RefusalCode::AlreadyPlaced),
        _ => crate::services::unexpected(e),
    })?;
    let number = format!("SSP-{}-{:06}", now.format("%Y"), inserted.id);
    let mut am: orders::ActiveModel = inserted.into();
    am.number = Set(number.clone());
    let order = am.update(txn).await.or_unexpected()?;
    let note =
        (acting.actor.role == Role::Representative).then(|| format!("representative:{}", acting.actor.display_name));
    order_events::ActiveModel {
        order_id: Set(order.id),
        status: Set(DbOrderStatus::Placed),
        actor_account_id: Set(Some(acting.actor.account_id)),
        note: Set(note),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await
    .or_unexpected()?;
    if let Some(account) = supplier_account(txn, offering.supplier_id).await.or_unexpected()? {
        notify(
            txn,
            &ctx.links,
            account,
            NoticeKind::OrderPlaced,
            Some(order.id),
            serde_json::json!({ "number": number }),
        )
        .await
        .or_unexpected()?;
    }
    Ok(order)
}
