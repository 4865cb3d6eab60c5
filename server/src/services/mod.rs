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
pub mod scope;
pub mod security;
pub mod supplier;
pub mod supplier_status;

use crate::auth::token::Tokens;
use crate::config::Settings;
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

pub use crate::telemetry::{unexpected, OrUnexpected};

/// Parses a date typed as `YYYY-MM-DD` (what `<input type="date">` sends) or `DD.MM.YYYY`.
pub fn parse_date(raw: &str) -> Result<chrono::NaiveDate, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("required");
    }
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(t, "%d.%m.%Y"))
        .map_err(|_| "bad_date_format")
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
