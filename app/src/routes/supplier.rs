//! Paths of the supplier journey. Pages are Leptos routes; uploads and downloads are axum
//! routes in the server (they carry files), listed here so links and forms agree with them.

/// The organisation's profile and approval status.
pub const PROFILE: &str = "/supplier/profile";
/// Uploaded documents.
pub const DOCUMENTS: &str = "/supplier/documents";
/// `POST` multipart: upload a document.
pub const DOCUMENT_UPLOAD: &str = "/supplier/documents/upload";
/// `GET /documents/{id}`: a document, for its owner and ministry staff.
pub const DOCUMENT_FILE: &str = "/documents";
/// The supplier's offerings.
pub const OFFERINGS: &str = "/supplier/offerings";
/// A new offering (first the item type, then the form).
pub const OFFERING_NEW: &str = "/supplier/offerings/new";
/// Bulk upload of offerings from CSV, and its report.
pub const OFFERINGS_IMPORT: &str = "/supplier/offerings/import";
/// `POST` multipart: the CSV file.
pub const OFFERINGS_IMPORT_UPLOAD: &str = "/supplier/offerings/import/upload";
/// `GET`: the CSV template.
pub const OFFERINGS_TEMPLATE: &str = "/supplier/offerings/template.csv";
/// Incoming orders.
pub const ORDERS: &str = "/supplier/orders";
/// Complaints about the supplier's orders.
pub const COMPLAINTS: &str = "/supplier/complaints";
/// Monthly reimbursement statements.
pub const STATEMENTS: &str = "/supplier/statements";
/// `GET ?month=YYYY-MM`: a statement as CSV.
pub const STATEMENT_CSV: &str = "/supplier/statement.csv";
/// Scorecard and reviews.
pub const QUALITY: &str = "/supplier/quality";
/// One review, to reply to.
pub const REVIEWS: &str = "/supplier/reviews";
/// Keys for syncing offerings from the supplier's own system.
pub const API_KEYS: &str = "/supplier/api-keys";

/// An offering's page.
pub fn offering(id: i32) -> String {
    format!("{OFFERINGS}/{id}")
}

/// An order's page.
pub fn order(id: i32) -> String {
    format!("{ORDERS}/{id}")
}

/// A complaint's page.
pub fn complaint(id: i32) -> String {
    format!("{COMPLAINTS}/{id}")
}

/// A document's download.
pub fn document(id: i32) -> String {
    format!("{DOCUMENT_FILE}/{id}")
}
