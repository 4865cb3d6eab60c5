//! The use cases behind the ports. Each checks who may do it on its first line, keeps
//! multi-table changes in one transaction and returns `AppError` codes the UI translates.
pub mod accounts;
pub mod audit;
pub mod catalogue_rules;
pub mod ceilings;
pub mod dashboards;
pub mod identity;
pub mod ministry;
pub mod notices;
pub mod open_data;
pub mod order_flow;
pub mod paging;
pub mod present;
pub mod recipient;
pub mod reference;
pub mod reminders;
pub mod security;
pub mod supplier;
pub mod supplier_status;

use crate::auth::token::Tokens;
use crate::config::Settings;
use app::error::AppError;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What every service needs.
#[derive(Clone)]
pub struct Ctx {
    /// The database.
    pub db: DatabaseConnection,
    /// Where heavy reads go: a read replica when one is configured, else the database.
    pub read_db: DatabaseConnection,
    /// Settings.
    pub settings: Arc<Settings>,
    /// Session tokens.
    pub tokens: Arc<Tokens>,
    /// The start of links in e-mails, e.g. `https://portal.example.kz`.
    pub links: Arc<String>,
}

/// Logs an unexpected failure with a reference and returns the error people see, which
/// carries only that reference.
pub fn unexpected(e: impl std::fmt::Display) -> AppError {
    let reference = uuid::Uuid::new_v4().simple().to_string()[..8].to_owned();
    tracing::error!(reference, error = %e, "unexpected error");
    AppError::Unexpected(reference)
}

/// Maps a database error to an unexpected failure.
pub trait OrUnexpected<T> {
    /// `Err` becomes [`AppError::Unexpected`], logged.
    fn or_unexpected(self) -> Result<T, AppError>;
}

impl<T, E: std::fmt::Display> OrUnexpected<T> for Result<T, E> {
    fn or_unexpected(self) -> Result<T, AppError> {
        self.map_err(unexpected)
    }
}

/// Builds the ports the UI uses.
pub fn backend(ctx: &Ctx) -> app::ports::Backend {
    app::ports::Backend {
        accounts: Arc::new(accounts::AccountService(ctx.clone())),
        security: Arc::new(security::SecurityService(ctx.clone())),
        identity: Arc::new(identity::IdentityService(ctx.clone())),
        reference: Arc::new(reference::ReferenceService(ctx.clone())),
        dashboards: Arc::new(dashboards::DashboardService(ctx.clone())),
        audit: Arc::new(audit::AuditService(ctx.clone())),
        entitlements: Arc::new(recipient::entitlements::EntitlementService(ctx.clone())),
        catalogue: Arc::new(recipient::catalogue::CatalogueService(ctx.clone())),
        ordering: Arc::new(recipient::ordering::OrderingService(ctx.clone())),
        my_orders: Arc::new(recipient::my_orders::MyOrderService(ctx.clone())),
        notifications: Arc::new(recipient::notifications::NotificationService(ctx.clone())),
        supplier: supplier::ports(ctx),
        staff_suppliers: Arc::new(ministry::suppliers::StaffSupplierService(ctx.clone())),
        catalogue_admin: Arc::new(ministry::catalogue::CatalogueAdminService(ctx.clone())),
        ipr_imports: Arc::new(ministry::imports::IprImportService(ctx.clone())),
        complaints_desk: Arc::new(ministry::complaints::ComplaintsDeskService(ctx.clone())),
        provision: Arc::new(ministry::provision::ProvisionService(ctx.clone())),
        staff_accounts: Arc::new(ministry::staff::StaffAccountService(ctx.clone())),
    }
}

/// Trims a free-text field and checks its length in characters.
pub fn text(raw: &str, max: usize) -> Result<String, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        Err("required")
    } else if t.chars().count() > max {
        Err("too_long")
    } else {
        Ok(t.to_owned())
    }
}
