//! What the ministry's pages need from the backend. Every method checks the caller's role
//! first; regional staff reach only suppliers registered in, and recipients living in, their
//! region (checked in the query: anything else is "not found").
use super::{Caller, DocumentFile};
use crate::domain::{OfferingAction, ScopeDecision, StaffAccountAction, SupplierDecision, SupplierStatus};
use crate::dto::ministry::*;
use crate::error::AppError;
use async_trait::async_trait;

/// Supplier approval and offering moderation.
#[async_trait]
pub trait StaffSuppliers: Send + Sync {
    /// Suppliers in one status, oldest application first.
    async fn queue(&self, caller: &Caller, filter: SupplierQueueFilter) -> Result<SupplierQueue, AppError>;
    /// A supplier's profile, documents, offerings and past decisions.
    async fn supplier(&self, caller: &Caller, id: i32, offerings_page: u32) -> Result<SupplierDetail, AppError>;
    /// Approves, rejects, suspends, reinstates or removes a supplier, with a reason (required
    /// for all but approval). Returns the new status.
    /// One of a supplier's documents, for staff whose scope reaches that supplier.
    async fn document(&self, caller: &Caller, supplier_id: i32, document_id: i32) -> Result<DocumentFile, AppError>;
    async fn decide(
        &self,
        caller: &Caller,
        id: i32,
        decision: Option<SupplierDecision>,
        reason: &str,
    ) -> Result<SupplierStatus, AppError>;
    /// Accepts (`accept`) or refuses (`refuse`, with a reason) the regions and categories an
    /// approved supplier added since its approval; audited, and the supplier is told.
    async fn decide_scope(
        &self,
        caller: &Caller,
        id: i32,
        decision: Option<ScopeDecision>,
        reason: &str,
    ) -> Result<(), AppError>;
    /// An offering as staff moderate it.
    async fn offering(&self, caller: &Caller, id: i32) -> Result<StaffOfferingDetail, AppError>;
    /// Blocks an offering (`block`) or lets the supplier publish it again (`unblock`), with a
    /// reason. Returns the supplier id.
    async fn moderate_offering(
        &self,
        caller: &Caller,
        id: i32,
        action: Option<OfferingAction>,
        reason: &str,
    ) -> Result<i32, AppError>;
}

/// Categories, item types and guaranteed sums (changed by central staff only).
#[async_trait]
pub trait CatalogueAdmin: Send + Sync {
    /// Every category with its item types and current ceilings.
    async fn catalogue(&self, caller: &Caller) -> Result<CatalogueOverview, AppError>;
    /// One item type with its ceiling history.
    async fn item_type(&self, caller: &Caller, id: i32) -> Result<ItemTypeDetail, AppError>;
    /// Creates an item type (with its first ceiling) when `id` is `None`, or changes one.
    /// Returns its id.
    async fn save_item_type(&self, caller: &Caller, id: Option<i32>, form: ItemTypeForm) -> Result<i32, AppError>;
    /// Adds a guaranteed sum from a date (today or later); the history is kept.
    async fn add_ceiling(
        &self,
        caller: &Caller,
        item_type_id: i32,
        amount: &str,
        valid_from: &str,
    ) -> Result<(), AppError>;
    /// Creates a category. Returns its id.
    async fn add_category(&self, caller: &Caller, form: CategoryForm) -> Result<i32, AppError>;
}

/// Reports of entitlement imports (the import itself arrives as a file upload or through
/// the machine interface, outside the server functions).
#[async_trait]
pub trait IprImports: Send + Sync {
    /// Recent imports, newest first.
    async fn imports(&self, caller: &Caller) -> Result<Vec<ImportSummary>, AppError>;
    /// One import's report.
    async fn report(&self, caller: &Caller, id: i32) -> Result<ImportReport, AppError>;
    /// Imports an IPR file (CSV or JSON) uploaded by staff, in the caller's scope.
    async fn upload(&self, caller: &Caller, file_name: &str, bytes: Vec<u8>) -> Result<ImportReport, AppError>;
}

/// The complaints desk.
#[async_trait]
pub trait ComplaintsDesk: Send + Sync {
    /// Complaints in the caller's scope, overdue first.
    async fn complaints(&self, caller: &Caller, filter: ComplaintFilter) -> Result<ComplaintList, AppError>;
    /// One complaint with the recipient's name and IIN; the view is recorded in the audit log.
    async fn complaint(&self, caller: &Caller, id: i32) -> Result<ComplaintDetail, AppError>;
    /// Assigns it to an officer (account id as typed).
    async fn assign(&self, caller: &Caller, id: i32, officer: Option<i32>) -> Result<(), AppError>;
    /// Adds an officer's note.
    async fn add_note(&self, caller: &Caller, id: i32, body: &str) -> Result<(), AppError>;
    /// Closes it with an outcome the recipient and the supplier see.
    async fn close(&self, caller: &Caller, id: i32, outcome: &str) -> Result<(), AppError>;
}

/// The provision dashboard.
#[async_trait]
pub trait Provision: Send + Sync {
    /// The numbers for a period (dates as typed, YYYY-MM-DD; the current year when empty).
    async fn provision(&self, caller: &Caller, from: &str, to: &str) -> Result<ProvisionView, AppError>;
}

/// What the admin types to create a staff account.
#[derive(Debug, Clone, Default)]
pub struct NewStaffForm {
    /// Sign-in e-mail.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Region code, or empty for central staff.
    pub region: String,
    /// `staff` or `admin`.
    pub role: String,
    /// The first password, handed over in person.
    pub password: String,
}

/// Staff accounts (admins only).
#[async_trait]
pub trait StaffAccounts: Send + Sync {
    /// Every staff and admin account.
    async fn staff(&self, caller: &Caller) -> Result<Vec<StaffAccountRow>, AppError>;
    /// Creates a staff or admin account. Returns its id.
    async fn create(&self, caller: &Caller, form: NewStaffForm) -> Result<i32, AppError>;
    /// Disables (`disable`, ending its sessions) or enables (`enable`) an account.
    async fn set_status(
        &self,
        caller: &Caller,
        account_id: i32,
        action: Option<StaffAccountAction>,
    ) -> Result<(), AppError>;
    /// Clears a staff or admin account's second factor and recovery codes and ends its
    /// sessions (a lost phone): it sets up a new one at its next sign-in. Admins only, audited.
    async fn reset_second_factor(&self, caller: &Caller, account_id: i32) -> Result<(), AppError>;
}
