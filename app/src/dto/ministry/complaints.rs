//! The complaints desk.
use crate::domain::{ComplaintStatus, OrderStatus};
use serde::{Deserialize, Serialize};

/// Filters of the complaints list (from the page's GET form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintFilter {
    /// `open` (not closed; the default), `closed` or `all`.
    pub status: String,
    /// `me`, `unassigned` or empty for everyone.
    pub assigned: String,
    /// Order number, or part of it.
    pub q: String,
    /// Page, from 1.
    pub page: u32,
}

/// A complaint in the desk's list: no personal data (the recipient is shown on the
/// complaint's own page, and that view is recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintRow {
    /// Complaint id.
    pub id: i32,
    /// The order complained about.
    pub order_number: String,
    /// Supplier name.
    pub supplier: String,
    /// Region, named.
    pub region: String,
    /// Filed on (YYYY-MM-DD).
    pub filed_on: String,
    /// Answer due on (YYYY-MM-DD).
    pub due_on: String,
    /// Whole days left until the deadline (negative when overdue).
    pub days_left: i64,
    /// Past the deadline and not closed.
    pub overdue: bool,
    /// Where it stands.
    pub status: ComplaintStatus,
    /// The officer it is assigned to.
    pub assigned_to: Option<String>,
}

/// The complaints list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintList {
    /// Overdue first, then by deadline.
    pub rows: Vec<ComplaintRow>,
    /// Paging.
    pub page: super::PageInfo,
    /// Overdue complaints in the caller's scope (whatever the filters).
    pub overdue: u64,
}

/// An officer's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintNoteView {
    /// Who wrote it.
    pub author: String,
    /// When (YYYY-MM-DD HH:MM UTC).
    pub at: String,
    /// The note.
    pub body: String,
}

/// A complaint with everything the officer needs to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintDetail {
    /// The list row.
    pub row: ComplaintRow,
    /// What the recipient wrote.
    pub body: String,
    /// Status of the order.
    pub order_status: OrderStatus,
    /// Item type ordered, named.
    pub item_type: String,
    /// Supplier id.
    pub supplier_id: i32,
    /// Recipient's name (personal data: viewing it is recorded).
    pub recipient_name: String,
    /// Recipient's IIN (personal data: viewing it is recorded).
    pub recipient_iin: String,
    /// The supplier's answer.
    pub supplier_response: Option<String>,
    /// When the supplier answered (YYYY-MM-DD HH:MM UTC).
    pub supplier_responded_at: Option<String>,
    /// The assigned officer's account id.
    pub assigned_id: Option<i32>,
    /// Officers it can be assigned to: `(account id, name)`.
    pub officers: Vec<(String, String)>,
    /// Notes, oldest first.
    pub notes: Vec<ComplaintNoteView>,
    /// The outcome, once closed.
    pub outcome: Option<String>,
    /// Who closed it.
    pub closed_by: Option<String>,
    /// When it was closed (YYYY-MM-DD HH:MM UTC).
    pub closed_at: Option<String>,
}
