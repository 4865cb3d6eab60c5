//! The recipient journey: entitlements, catalogue, ordering, orders, notifications.
pub mod catalogue;
pub mod catalogue_sql;
pub mod entitlements;
pub mod my_orders;
pub mod notifications;
pub mod offering;
pub mod order_form;
pub mod ordering;

use super::OrUnexpected;
use crate::entities::{recipients, representatives};
use app::domain::{RefusalCode, Role};
use app::dto::recipient::{ActingFor, PersonChoice};
use app::error::AppError;
use app::ports::{Actor, Caller};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The person an action is for, and who acts.
pub struct Acting {
    /// The recipient acted for.
    pub recipient: recipients::Model,
    /// The account acting (the recipient or a representative).
    pub actor: Actor,
    /// For the page.
    pub view: ActingFor,
}

/// The recipients an account may act for: itself, or those it represents.
pub async fn people_of(db: &impl ConnectionTrait, actor: &Actor) -> Result<Vec<recipients::Model>, AppError> {
    let query = recipients::Entity::find().order_by_asc(recipients::Column::FullName);
    match actor.role {
        Role::Recipient => {
            query.filter(recipients::Column::AccountId.eq(actor.account_id)).all(db).await.or_unexpected()
        }
        Role::Representative => {
            let ids: Vec<i32> = representatives::Entity::find()
                .select_only()
                .column(representatives::Column::RecipientId)
                .filter(representatives::Column::AccountId.eq(actor.account_id))
                .into_tuple()
                .all(db)
                .await
                .or_unexpected()?;
            query.filter(recipients::Column::Id.is_in(ids)).all(db).await.or_unexpected()
        }
        _ => Err(AppError::Forbidden),
    }
}

/// Who is acted for: the recipient themself, or the chosen person a representative acts for
/// (their first when none is chosen). Choosing anyone else is `NotFound`.
pub async fn resolve(
    db: &impl ConnectionTrait,
    caller: &Caller,
    for_recipient: Option<i32>,
) -> Result<Acting, AppError> {
    let actor = caller.require(&[Role::Recipient, Role::Representative])?.clone();
    let people = people_of(db, &actor).await?;
    let chosen = match (actor.role, for_recipient) {
        (Role::Representative, Some(id)) => people.iter().find(|p| p.id == id).cloned().ok_or(AppError::NotFound)?,
        _ => people.first().cloned().ok_or_else(|| AppError::refused(RefusalCode::NoOneToActFor))?,
    };
    let choice =
        |p: &recipients::Model| PersonChoice { id: p.id, name: p.full_name.clone().unwrap_or_else(|| "—".into()) };
    let view = ActingFor {
        current: choice(&chosen),
        choices: people.iter().map(choice).collect(),
        as_representative: actor.role == Role::Representative,
    };
    Ok(Acting { recipient: chosen, actor, view })
}

pub use crate::services::present::{day, offering_description, offering_title};
