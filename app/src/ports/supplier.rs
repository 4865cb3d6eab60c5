//! The supplier journey: profile and approval, documents, offerings, orders, money, quality.
use super::Caller;
use crate::domain::{Code, DocumentKind, DraftKey, OfferingAction, OfferingStatus, OrderStep, ReportKey};
use crate::dto::supplier::*;
use crate::error::AppError;
use async_trait::async_trait;
use std::sync::Arc;

/// What a supplier types into its profile.
#[derive(Debug, Clone, Default)]
pub struct ProfileForm {
    /// BIN, or IIN of an individual entrepreneur.
    pub bin: String,
    /// Legal name.
    pub legal_name: String,
    /// Legal address.
    pub address: String,
    /// Contact person.
    pub contact_person: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Regions served (codes).
    pub regions: Vec<String>,
    /// Categories offered (codes).
    pub categories: Vec<String>,
}

/// A stored document, to send to the one who may read it.
#[derive(Debug, Clone)]
pub struct DocumentFile {
    /// The name it was uploaded with.
    pub file_name: String,
    /// The type found from its content.
    pub content_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A file to download: its name and content.
#[derive(Debug, Clone)]
pub struct Download {
    /// File name for `Content-Disposition`.
    pub file_name: String,
    /// Content type.
    pub content_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Filters of the order inbox (codes from the page's GET form).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    /// An order status code, `open` (default) or `all`.
    pub status: String,
    /// `overdue`, `soon` (within three days) or empty for any.
    pub deadline: String,
    /// The page asked for, from 1.
    pub page: u32,
}

/// The organisation's profile and its approval.
#[async_trait]
pub trait SupplierProfile: Send + Sync {
    /// The profile, status, decisions and what is missing.
    async fn profile(&self, caller: &Caller) -> Result<ProfileView, AppError>;
    /// Saves the profile (draft, pending, rejected or approved; never suspended or removed).
    async fn save(&self, caller: &Caller, form: ProfileForm) -> Result<(), AppError>;
    /// Sends a draft or rejected profile for approval.
    async fn submit(&self, caller: &Caller) -> Result<(), AppError>;
}

/// Uploaded documents, kept outside the web root.
#[async_trait]
pub trait SupplierDocuments: Send + Sync {
    /// The caller's documents.
    async fn list(&self, caller: &Caller) -> Result<DocumentsView, AppError>;
    /// Checks and stores an upload; returns its id.
    async fn upload(
        &self,
        caller: &Caller,
        kind: Option<DocumentKind>,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<i32, AppError>;
    /// Removes one of the caller's documents (before approval).
    async fn delete(&self, caller: &Caller, id: i32) -> Result<(), AppError>;
    /// A document for its owner or ministry staff.
    async fn file(&self, caller: &Caller, id: i32) -> Result<DocumentFile, AppError>;
}

/// Keys for syncing offerings from the supplier's own system.
#[async_trait]
pub trait SupplierApiKeys: Send + Sync {
    /// The caller's keys.
    async fn list(&self, caller: &Caller) -> Result<ApiKeysView, AppError>;
    /// Makes a key with a label; returns the key, which is never shown again.
    async fn create(&self, caller: &Caller, label: &str) -> Result<String, AppError>;
    /// Revokes one of the caller's keys at once.
    async fn revoke(&self, caller: &Caller, id: i32) -> Result<(), AppError>;
}

/// The supplier's offerings.
#[async_trait]
pub trait SupplierOfferings: Send + Sync {
    /// The caller's offerings, optionally of one status.
    async fn list(&self, caller: &Caller, status: Option<OfferingStatus>, page: u32)
        -> Result<OfferingsView, AppError>;
    /// Item types of the caller's categories, with their ceilings.
    async fn item_types(&self, caller: &Caller) -> Result<Vec<ItemTypeChoice>, AppError>;
    /// An empty form (or the unsaved draft) for a new offering of an item type.
    async fn new_form(&self, caller: &Caller, item_type: Option<Code>) -> Result<OfferingEditView, AppError>;
    /// One of the caller's offerings.
    async fn get(&self, caller: &Caller, id: i32) -> Result<OfferingEditView, AppError>;
    /// Creates (no id) or updates an offering; returns its id. A refusal keeps the draft.
    async fn save(&self, caller: &Caller, id: Option<i32>, form: OfferingForm) -> Result<i32, AppError>;
    /// Forgets the unsaved draft of a form (`new-<item type>` or the offering id).
    async fn discard_draft(&self, caller: &Caller, key: Option<DraftKey>) -> Result<(), AppError>;
    /// Publishes (`publish`) or withdraws (`withdraw`) an offering.
    async fn set_status(&self, caller: &Caller, id: i32, action: Option<OfferingAction>) -> Result<(), AppError>;
    /// Adds a sanatorium course start or changes its places.
    async fn set_slot(&self, caller: &Caller, id: i32, starts_on: &str, places: &str) -> Result<(), AppError>;
    /// Applies an uploaded CSV file line by line; returns the key of its report.
    async fn import_csv(&self, caller: &Caller, file_name: &str, bytes: Vec<u8>) -> Result<String, AppError>;
    /// The report of one of the caller's uploads.
    async fn import_report(&self, caller: &Caller, key: Option<ReportKey>) -> Result<ImportReport, AppError>;
    /// The CSV template with a header and one example line.
    async fn template(&self, caller: &Caller) -> Result<Download, AppError>;
}

/// Orders placed with the supplier, and complaints about them.
#[async_trait]
pub trait SupplierOrders: Send + Sync {
    /// The inbox, filtered.
    async fn inbox(&self, caller: &Caller, filter: InboxFilter) -> Result<InboxView, AppError>;
    /// One order.
    async fn order(&self, caller: &Caller, id: i32) -> Result<SupplierOrderView, AppError>;
    /// Accepts an order within capacity.
    async fn accept(&self, caller: &Caller, id: i32) -> Result<(), AppError>;
    /// Rejects an order with a reason; the recipient's entitlement is restored.
    async fn reject(&self, caller: &Caller, id: i32, reason: &str) -> Result<(), AppError>;
    /// Sets the date of delivery or of the first session.
    async fn schedule(&self, caller: &Caller, id: i32, date: &str) -> Result<(), AppError>;
    /// Marks an order `shipped`, `delivered` or `rendered`.
    async fn mark(&self, caller: &Caller, id: i32, step: Option<OrderStep>) -> Result<(), AppError>;
    /// Records a service session and its hours.
    async fn record_session(&self, caller: &Caller, id: i32, date: &str, hours: &str) -> Result<(), AppError>;
    /// One page of the complaints about the caller's orders, unanswered first.
    async fn complaints(&self, caller: &Caller, page: u32) -> Result<SupplierComplaintsView, AppError>;
    /// One complaint.
    async fn complaint(&self, caller: &Caller, id: i32) -> Result<ComplaintRow, AppError>;
    /// Answers a complaint before its deadline.
    async fn answer_complaint(&self, caller: &Caller, id: i32, answer: &str) -> Result<(), AppError>;
}

/// Reimbursement of the state share.
#[async_trait]
pub trait SupplierMoney: Send + Sync {
    /// The statement of a month (`YYYY-MM`; empty for the current month).
    async fn statement(&self, caller: &Caller, month: &str) -> Result<StatementView, AppError>;
    /// The same statement as CSV for a spreadsheet.
    async fn statement_csv(&self, caller: &Caller, month: &str) -> Result<Download, AppError>;
}

/// The supplier's scorecard and reviews.
#[async_trait]
pub trait SupplierQuality: Send + Sync {
    /// The scorecard with every review.
    async fn scorecard(&self, caller: &Caller) -> Result<ScorecardView, AppError>;
    /// One review of the caller's offerings.
    async fn review(&self, caller: &Caller, id: i32) -> Result<ReviewRow, AppError>;
    /// Publishes the one public reply to a review.
    async fn reply(&self, caller: &Caller, id: i32, reply: &str) -> Result<(), AppError>;
}

/// The supplier journey's ports, as one field of [`super::Backend`].
#[derive(Clone)]
pub struct SupplierPorts {
    /// Profile and approval.
    pub profile: Arc<dyn SupplierProfile>,
    /// Documents.
    pub documents: Arc<dyn SupplierDocuments>,
    /// Offerings.
    pub offerings: Arc<dyn SupplierOfferings>,
    /// Orders and complaints.
    pub orders: Arc<dyn SupplierOrders>,
    /// Statements.
    pub money: Arc<dyn SupplierMoney>,
    /// Scorecard and reviews.
    pub quality: Arc<dyn SupplierQuality>,
    /// API keys for syncing offerings.
    pub api_keys: Arc<dyn SupplierApiKeys>,
}
