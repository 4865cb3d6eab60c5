//! The ports: what the UI needs from the backend. The server implements them; server
//! functions only read the caller, take the port from context and call it.
use crate::domain::{Lang, Role};
use crate::dto::{AuditEntryView, AuditFilter, CategoryView, DashboardView, RegionView};
use crate::error::AppError;
use async_trait::async_trait;
use std::sync::Arc;

mod accounts;
mod recipient;
mod supplier;
pub use accounts::*;
pub use recipient::*;
pub use supplier::*;
mod ministry;
pub use ministry::*;

/// The signed-in account making a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Account id.
    pub account_id: i32,
    /// Its role.
    pub role: Role,
    /// Name shown in the header.
    pub display_name: String,
    /// The server-side session this request belongs to.
    pub session_id: String,
    /// For regional staff, their region.
    pub staff_region: Option<String>,
    /// Unread notifications, for the badge in the navigation.
    pub unread: u32,
}

/// A staff or admin session after the password, before the second factor: it may only
/// set up or type the second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingSecondFactor {
    /// Account id.
    pub account_id: i32,
    /// The waiting session.
    pub session_id: String,
    /// Whether the account has set up its second factor already.
    pub enrolled: bool,
}

/// Who is asking, from where, in which language; put in the request by the middleware.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The account, if signed in.
    pub actor: Option<Actor>,
    /// A session waiting for its second factor (then `actor` is `None`).
    pub pending: Option<PendingSecondFactor>,
    /// Client address, for throttling and the log.
    pub ip: String,
    /// The browser's `User-Agent`, for the list of one's sessions.
    pub user_agent: Option<String>,
    /// The interface language of this request.
    pub lang: Lang,
    /// True when cookies must be `Secure` (anything but local development).
    pub secure_cookies: bool,
}

impl Caller {
    /// The actor, or `NotSignedIn`.
    pub fn signed_in(&self) -> Result<&Actor, AppError> {
        self.actor.as_ref().ok_or(AppError::NotSignedIn)
    }

    /// The actor if their role is one of `roles`; `NotSignedIn` or `Forbidden` otherwise.
    pub fn require(&self, roles: &[Role]) -> Result<&Actor, AppError> {
        let actor = self.signed_in()?;
        if roles.contains(&actor.role) {
            Ok(actor)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// Reference data: regions and categories.
#[async_trait]
pub trait Reference: Send + Sync {
    /// The 20 regions, named in `lang`.
    async fn regions(&self, lang: Lang) -> Result<Vec<RegionView>, AppError>;
    /// Catalogue categories with counts, named in `lang`.
    async fn categories(&self, lang: Lang) -> Result<Vec<CategoryView>, AppError>;
}

/// The role-aware dashboard.
#[async_trait]
pub trait Dashboards: Send + Sync {
    /// Numbers for the caller's dashboard.
    async fn dashboard(&self, caller: &Caller) -> Result<DashboardView, AppError>;
}

/// The audit log (staff only).
#[async_trait]
pub trait Audit: Send + Sync {
    /// Entries matching the filter, newest first, at most 100 at a time.
    async fn search(&self, caller: &Caller, filter: AuditFilter) -> Result<Vec<AuditEntryView>, AppError>;
}

/// Every port, as the server provides them to the UI through context.
#[derive(Clone)]
pub struct Backend {
    /// Accounts and sessions.
    pub accounts: Arc<dyn Accounts>,
    /// One's own account: second factor, password, sessions.
    pub security: Arc<dyn Security>,
    /// E-mail confirmation and proof of identity.
    pub identity: Arc<dyn Identity>,
    /// Reference data.
    pub reference: Arc<dyn Reference>,
    /// Dashboards.
    pub dashboards: Arc<dyn Dashboards>,
    /// Audit log.
    pub audit: Arc<dyn Audit>,
    /// Entitlements.
    pub entitlements: Arc<dyn Entitlements>,
    /// Catalogue.
    pub catalogue: Arc<dyn Catalogue>,
    /// Ordering.
    pub ordering: Arc<dyn Ordering>,
    /// Orders after placing.
    pub my_orders: Arc<dyn MyOrders>,
    /// Notifications.
    pub notifications: Arc<dyn Notifications>,
    /// The supplier journey.
    pub supplier: SupplierPorts,
    /// Supplier approval and offering moderation.
    pub staff_suppliers: Arc<dyn StaffSuppliers>,
    /// Categories, item types and ceilings.
    pub catalogue_admin: Arc<dyn CatalogueAdmin>,
    /// IPR import reports.
    pub ipr_imports: Arc<dyn IprImports>,
    /// The complaints desk.
    pub complaints_desk: Arc<dyn ComplaintsDesk>,
    /// The provision dashboard.
    pub provision: Arc<dyn Provision>,
    /// Staff accounts.
    pub staff_accounts: Arc<dyn StaffAccounts>,
}

/// The backend and the caller of the current request, for a server function.
pub fn backend_and_caller() -> Result<(Backend, Caller), AppError> {
    use leptos::prelude::use_context;
    let backend = use_context::<Backend>().ok_or_else(|| AppError::Unexpected("no backend".into()))?;
    let caller = use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Caller>().cloned())
        .ok_or_else(|| AppError::Unexpected("no caller".into()))?;
    Ok((backend, caller))
}
