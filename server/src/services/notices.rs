//! Notices: what the portal tells a person about an event, in the portal and by e-mail and
//! SMS as the person chose (their communication profile), in their language.
//!
//! [`notify`] is called inside the event's transaction: the notification, the e-mail and the
//! SMS exist exactly when the event does. E-mails go only to a confirmed address of an
//! active account; SMS only to a phone the portal knows (the government record of a
//! recipient, the profile of a supplier).
use crate::entities::enums::{DbAccountStatus, DbLang, DbRole};
use crate::entities::{accounts, contact_profiles, notifications, recipients, suppliers};
use crate::messages::{self, Outgoing};
use crate::services::OrUnexpected;
use app::domain::{EmailFormat, Lang, NoticeKind, Role};
use app::dto::account::{ContactPreferences, ContactPreferencesView};
use app::error::{AppError, FieldErrors};
use app::notices::{notice_args, notice_path, notice_text};
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

/// The longest notice text an SMS carries before it is cut (with the link it stays within
/// three SMS parts in Cyrillic).
const SMS_TEXT_CHARS: usize = 120;

/// The choice of an account that never changed it: every channel, rich e-mails.
fn defaults(lang: Lang) -> ContactPreferences {
    ContactPreferences { by_email: true, by_sms: true, in_app: true, email_format: EmailFormat::Rich, language: lang }
}

/// The account's choice (the defaults when it never made one).
pub async fn preferences_of(db: &impl ConnectionTrait, account: &accounts::Model) -> Result<ContactPreferences, DbErr> {
    let lang: Lang = account.language.into();
    Ok(match contact_profiles::Entity::find_by_id(account.id).one(db).await? {
        Some(p) => ContactPreferences {
            by_email: p.by_email,
            by_sms: p.by_sms,
            in_app: p.in_app,
            email_format: EmailFormat::from_code(&p.email_format).unwrap_or(EmailFormat::Rich),
            language: lang,
        },
        None => defaults(lang),
    })
}

/// The phone SMS go to: a recipient's government record, a supplier's profile.
pub async fn phone_of(db: &impl ConnectionTrait, account: &accounts::Model) -> Result<Option<String>, DbErr> {
    Ok(match account.role {
        DbRole::Supplier => suppliers::Entity::find()
            .filter(suppliers::Column::AccountId.eq(account.id))
            .one(db)
            .await?
            .and_then(|s| s.phone),
        DbRole::Recipient | DbRole::Representative => recipients::Entity::find()
            .filter(recipients::Column::AccountId.eq(account.id))
            .one(db)
            .await?
            .and_then(|r| r.phone),
        DbRole::Staff | DbRole::Admin => None,
    }
    .filter(|p| !p.trim().is_empty()))
}

/// Tells `account_id` of an event of `kind`: a notification in the portal, an e-mail and an
/// SMS, each as the person chose. `links` is the start of the portal's address.
pub async fn notify(
    db: &impl ConnectionTrait,
    links: &str,
    account_id: i32,
    kind: NoticeKind,
    order_id: Option<i32>,
    params: serde_json::Value,
) -> Result<(), DbErr> {
    let Some(account) = accounts::Entity::find_by_id(account_id).one(db).await? else { return Ok(()) };
    let chosen = preferences_of(db, &account).await?;
    if chosen.in_app {
        notifications::ActiveModel {
            account_id: Set(account_id),
            kind: Set(kind.code().into()),
            order_id: Set(order_id),
            params: Set(params.clone()),
            read_at: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    if account.status != DbAccountStatus::Active {
        return Ok(());
    }
    let lang = chosen.language;
    let role: Role = account.role.into();
    let args = notice_args(&params);
    let text = notice_text(lang, kind.code(), &args);
    let path =
        notice_path(Some(role), kind.code(), order_id, &args).unwrap_or_else(|| app::routes::NOTIFICATIONS.to_owned());
    let link = format!("{links}{path}");
    if chosen.by_email && account.email_confirmed_at.is_some() {
        let settings = format!("{links}{}", app::routes::ACCOUNT_MESSAGES);
        let mut mail = Outgoing::email(
            &account.email,
            lang,
            "notice",
            &[("text", text.clone()), ("link", link.clone()), ("settings", settings)],
        );
        if chosen.email_format == EmailFormat::Plain {
            mail.html = None;
        }
        mail.kind = kind.code();
        messages::enqueue(db, mail).await?;
    }
    if chosen.by_sms {
        if let Some(phone) = phone_of(db, &account).await? {
            let short: String = if text.chars().count() > SMS_TEXT_CHARS {
                text.chars().take(SMS_TEXT_CHARS - 1).chain(std::iter::once('…')).collect()
            } else {
                text
            };
            let mut sms = Outgoing::sms(&phone, lang, "notice", &[("text", short), ("link", link)]);
            sms.kind = kind.code();
            messages::enqueue(db, sms).await?;
        }
    }
    Ok(())
}

/// All but the last three digits of a phone hidden.
fn masked(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    let shown: String = digits.iter().skip(digits.len().saturating_sub(3)).collect();
    format!("•••{shown}")
}

/// The settings page of `account_id`.
pub async fn preferences_view(db: &impl ConnectionTrait, account_id: i32) -> Result<ContactPreferencesView, AppError> {
    let account =
        accounts::Entity::find_by_id(account_id).one(db).await.or_unexpected()?.ok_or(AppError::NotSignedIn)?;
    let mut chosen = preferences_of(db, &account).await.or_unexpected()?;
    let phone = phone_of(db, &account).await.or_unexpected()?;
    // Without a phone nothing goes by SMS, whatever was stored.
    chosen.by_sms &= phone.is_some();
    Ok(ContactPreferencesView { chosen, email: account.email, phone: phone.as_deref().map(masked) })
}

/// Keeps `chosen` for `account_id`, with its language.
pub async fn save_preferences(
    db: &impl ConnectionTrait,
    account_id: i32,
    chosen: ContactPreferences,
) -> Result<(), AppError> {
    let account =
        accounts::Entity::find_by_id(account_id).one(db).await.or_unexpected()?.ok_or(AppError::NotSignedIn)?;
    let mut errors = FieldErrors::new();
    if !(chosen.by_email || chosen.by_sms || chosen.in_app) {
        errors.add("channels", "no_channel");
    }
    if chosen.by_sms && phone_of(db, &account).await.or_unexpected()?.is_none() {
        errors.add("channels", "no_phone");
    }
    errors.finish()?;
    let row = contact_profiles::ActiveModel {
        account_id: Set(account_id),
        by_email: Set(chosen.by_email),
        by_sms: Set(chosen.by_sms),
        in_app: Set(chosen.in_app),
        email_format: Set(chosen.email_format.code().into()),
        updated_at: Set(Utc::now()),
    };
    let on_conflict = OnConflict::column(contact_profiles::Column::AccountId)
        .update_columns([
            contact_profiles::Column::ByEmail,
            contact_profiles::Column::BySms,
            contact_profiles::Column::InApp,
            contact_profiles::Column::EmailFormat,
            contact_profiles::Column::UpdatedAt,
        ])
        .to_owned();
    contact_profiles::Entity::insert(row).on_conflict(on_conflict).exec_without_returning(db).await.or_unexpected()?;
    accounts::Entity::update_many()
        .col_expr(accounts::Column::Language, sea_orm::sea_query::Expr::value(DbLang::from(chosen.language)))
        .col_expr(accounts::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()))
        .filter(accounts::Column::Id.eq(account_id))
        .exec(db)
        .await
        .or_unexpected()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_phone_shows_only_its_last_three_digits() {
        assert_eq!(masked("+7 701 234 56 78"), "•••678");
        assert_eq!(masked("12"), "•••12");
    }
}
