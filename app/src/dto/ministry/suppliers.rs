//! Supplier approval and offering moderation.
use crate::domain::{DocumentKind, Money, OfferingStatus, SupplierDecision, SupplierKind, SupplierStatus};
use crate::dto::{AuditEntryView, PageInfo};
use serde::{Deserialize, Serialize};

/// Filters of the supplier queue (from the page's GET form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierQueueFilter {
    /// Status shown; pending when empty.
    pub status: Option<SupplierStatus>,
    /// Part of the name, or the BIN.
    pub q: String,
    /// Region of registration (central staff only; regional staff always see their own).
    pub region: Option<String>,
    /// Page, from 1.
    pub page: u32,
}

/// A supplier in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierRow {
    /// Supplier id.
    pub id: i32,
    /// Name of the organisation or entrepreneur.
    pub legal_name: String,
    /// BIN or IIN.
    pub bin: String,
    /// Region of registration, named.
    pub region: String,
    /// Where it stands.
    pub status: SupplierStatus,
    /// When it applied (YYYY-MM-DD).
    pub submitted_on: Option<String>,
    /// Whole days since it applied.
    pub waiting_days: Option<i64>,
    /// Uploaded documents.
    pub documents: u32,
}

/// The supplier queue page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierQueue {
    /// Matching suppliers, oldest application first.
    pub rows: Vec<SupplierRow>,
    /// Paging.
    pub page: super::PageInfo,
    /// The status shown.
    pub status: SupplierStatus,
    /// For regional staff, their region (named); central staff see every region.
    pub own_region: Option<String>,
    /// Regions to filter by (central staff).
    pub regions: Vec<super::Choice>,
}

/// A document a supplier uploaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    /// Document id.
    pub id: i32,
    /// What it is.
    pub kind: DocumentKind,
    /// The file's name as uploaded.
    pub file_name: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// When (YYYY-MM-DD).
    pub uploaded_on: String,
    /// Where staff download it.
    pub href: String,
}

/// An offering as staff see it in a supplier's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOfferingRow {
    /// Offering id.
    pub id: i32,
    /// Title in the reader's language.
    pub title: String,
    /// Item type, named.
    pub item_type: String,
    /// Price per unit.
    pub price: Money,
    /// Guaranteed sum in force today.
    pub ceiling: Option<Money>,
    /// Where it stands.
    pub status: OfferingStatus,
    /// Why it was blocked, if it was.
    pub status_reason: Option<String>,
}

/// A supplier's profile as staff review it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierDetail {
    /// Supplier id.
    pub id: i32,
    /// Name.
    pub legal_name: String,
    /// BIN or IIN.
    pub bin: String,
    /// Legal entity or entrepreneur.
    pub kind: SupplierKind,
    /// Legal address.
    pub address: Option<String>,
    /// Region of registration, named.
    pub region: String,
    /// Regions served, named.
    pub regions_served: Vec<String>,
    /// Categories offered, named.
    pub categories: Vec<String>,
    /// Regions the supplier added since approval, waiting for a decision (names).
    pub requested_regions: Vec<String>,
    /// Categories the supplier added since approval, waiting for a decision (names).
    pub requested_categories: Vec<String>,
    /// Contact person.
    pub contact_person: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Where it stands.
    pub status: SupplierStatus,
    /// Reason of the last decision.
    pub status_reason: Option<String>,
    /// When it applied (YYYY-MM-DD).
    pub submitted_on: Option<String>,
    /// Decisions open now.
    pub decisions: Vec<SupplierDecision>,
    /// Uploaded documents.
    pub documents: Vec<DocumentView>,
    /// One page of its offerings, oldest first.
    pub offerings: Vec<StaffOfferingRow>,
    /// Where that page stands among all its offerings.
    pub page: PageInfo,
    /// Decisions taken so far, newest first (from the audit log).
    pub history: Vec<AuditEntryView>,
}

/// An offering as staff moderate it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOfferingDetail {
    /// The row shown in lists.
    pub offering: StaffOfferingRow,
    /// Supplier id.
    pub supplier_id: i32,
    /// Supplier name.
    pub supplier: String,
    /// Description in the reader's language.
    pub description: String,
    /// Parameters as `(label, value)` in the reader's language.
    pub params: Vec<(String, String)>,
    /// Regions it is offered in, named.
    pub regions: Vec<String>,
}
