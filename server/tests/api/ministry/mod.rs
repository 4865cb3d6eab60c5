//! The ministry's journey: supplier approval, ceilings, IPR imports, complaints, the
//! provision dashboard, staff accounts and the audit log.
mod audit;
mod category_kinds;
mod ceilings;
mod complaints;
mod imports;
mod provision;
mod staff;
mod summaries;
mod suppliers;

use crate::helpers::TestApp;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use server::entities::{audit_log, notifications};

/// The password every account made here uses.
pub const PASSWORD: &str = "steppe horses run at dawn";

/// Creates an admin account the way the CLI does and signs it in.
pub async fn admin(app: &TestApp, email: &str) -> String {
    use app::domain::{Email, Lang, Role};
    let hash = server::auth::password::hash(PASSWORD.into()).await.unwrap();
    let email_v = Email::parse(email).unwrap();
    server::services::accounts::insert_account(
        &app.db,
        server::services::accounts::NewAccount {
            email: &email_v,
            password_hash: hash,
            role: Role::Admin,
            lang: Lang::En,
            display_name: "Admin".into(),
            staff_region: None,
        },
    )
    .await
    .unwrap();
    app.sign_in_staff(email, PASSWORD).await
}

/// Audit entries with `action`, oldest first.
pub async fn audit_entries(app: &TestApp, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// Notifications of an account, oldest first.
pub async fn notifications_of(app: &TestApp, account_id: i32) -> Vec<notifications::Model> {
    notifications::Entity::find()
        .filter(notifications::Column::AccountId.eq(account_id))
        .order_by_asc(notifications::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// The account id behind a session token.
pub async fn account_id(app: &TestApp, token: &str) -> i32 {
    app.whoami(token).await["account_id"].as_i64().unwrap() as i32
}
