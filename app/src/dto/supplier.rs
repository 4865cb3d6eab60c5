//! What the supplier journey shows: the organisation's profile and status, documents,
//! offerings, incoming orders, complaints, reimbursement statements and the scorecard.
//! Everything is already in the reader's language.
use crate::domain::{
    CategoryKind, CoPayment, ComplaintStatus, DocumentKind, Money, OfferingStatus, OrderStatus, SupplierKind,
    SupplierStatus, Unit,
};
use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A code with its name in the reader's language (a region, a category, an option).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    /// Stable code.
    pub code: String,
    /// Localised name.
    pub name: String,
}

/// One decision of the ministry on the supplier, from the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionView {
    /// Date (UTC, YYYY-MM-DD).
    pub on: String,
    /// What happened, as a code: `submit`, `approve`, `reject`, `suspend`, `remove`, `reinstate`.
    pub action: String,
    /// The reason given.
    pub reason: Option<String>,
}

/// The organisation's profile, its standing with the ministry and what it still lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    /// Where it stands.
    pub status: SupplierStatus,
    /// The reason of the last decision (rejected, suspended, removed).
    pub reason: Option<String>,
    /// When it was last sent for approval.
    pub submitted_on: Option<String>,
    /// When the last decision was taken.
    pub decided_on: Option<String>,
    /// Legal entity or individual entrepreneur (from the number).
    pub kind: SupplierKind,
    /// BIN or IIN.
    pub bin: String,
    /// Legal name.
    pub legal_name: String,
    /// Legal address.
    pub address: String,
    /// Contact person.
    pub contact_person: String,
    /// Phone.
    pub phone: String,
    /// E-mail for the ministry and recipients.
    pub email: String,
    /// Regions served (codes).
    pub regions: Vec<String>,
    /// Categories offered (codes).
    pub categories: Vec<String>,
    /// Regions added since approval that wait for the ministry's review (codes).
    pub pending_regions: Vec<String>,
    /// Categories added since approval that wait for the ministry's review (codes).
    pub pending_categories: Vec<String>,
    /// Every region, for the checkboxes.
    pub all_regions: Vec<Named>,
    /// Every active category, for the checkboxes.
    pub all_categories: Vec<Named>,
    /// The number and legal name are fixed once approved.
    pub identity_locked: bool,
    /// Whether the profile may be changed now.
    pub can_edit: bool,
    /// Whether it may be sent for approval now (draft or rejected, nothing missing).
    pub can_submit: bool,
    /// Whether it is a draft or rejected, so sending is the next step.
    pub awaits_submission: bool,
    /// What is missing before it can be sent, as translation keys (`missing-<what>`).
    pub missing: Vec<String>,
    /// Documents the chosen categories need (kinds).
    pub required_documents: Vec<DocumentKind>,
    /// Decisions so far, newest first.
    pub decisions: Vec<DecisionView>,
}

/// An uploaded document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    /// Id.
    pub id: i32,
    /// Kind.
    pub kind: DocumentKind,
    /// The name it was uploaded with.
    pub file_name: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// `application/pdf`, `image/png` or `image/jpeg`.
    pub content_type: String,
    /// Upload date and time (UTC).
    pub uploaded_at: String,
    /// Where to download it.
    pub href: String,
}

/// The supplier's documents and what it may do with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentsView {
    /// Newest first.
    pub documents: Vec<DocumentView>,
    /// Kinds the chosen categories need that are not uploaded yet.
    pub still_needed: Vec<DocumentKind>,
    /// Uploading is open (not suspended or removed).
    pub can_upload: bool,
    /// Removing is open (not yet approved).
    pub can_delete: bool,
    /// Largest accepted file, in megabytes.
    pub max_megabytes: u32,
}

/// An item type a supplier may offer, with its guaranteed sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTypeChoice {
    /// Code.
    pub code: String,
    /// Localised name.
    pub name: String,
    /// Category code.
    pub category: String,
    /// Localised category name.
    pub category_name: String,
    /// What kind of help its category gives.
    pub kind: CategoryKind,
    /// What it is counted in.
    pub unit: Unit,
    /// The guaranteed sum per unit today.
    pub ceiling: Money,
}

/// One parameter an offering of an item type must state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamField {
    /// Key in the schema.
    pub key: String,
    /// Localised label.
    pub label: String,
    /// Lowest whole number (numbers only).
    pub min: Option<i64>,
    /// Highest whole number (numbers only).
    pub max: Option<i64>,
    /// The options (choices only).
    pub options: Vec<Named>,
}

/// An offering form as typed (strings, so a refused form comes back exactly as it was).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferingForm {
    /// Item type code.
    pub item_type: String,
    /// The supplier's own article code.
    pub sku: String,
    /// Title in Kazakh.
    pub title_kk: String,
    /// Title in Russian.
    pub title_ru: String,
    /// Title in English (optional).
    pub title_en: String,
    /// Description in Kazakh.
    pub description_kk: String,
    /// Description in Russian.
    pub description_ru: String,
    /// Description in English (optional).
    pub description_en: String,
    /// Price per unit in tenge.
    pub price: String,
    /// Days from acceptance to delivery or start.
    pub lead_time_days: String,
    /// Stock (goods) or hours per week (services by the hour); unused for sanatoria.
    pub capacity: String,
    /// Regions (codes).
    pub regions: Vec<String>,
    /// Parameter values by key.
    pub params: BTreeMap<String, String>,
}

/// A dated course start of a sanatorium offering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotRow {
    /// Arrival date.
    pub starts_on: String,
    /// Last day of the 14-day course.
    pub ends_on: String,
    /// Places.
    pub places: i32,
    /// Places taken by orders.
    pub taken: i32,
}

/// The offering form page: a new offering of an item type, or an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingEditView {
    /// Id, for an existing offering.
    pub id: Option<i32>,
    /// The item type, with its ceiling.
    pub item_type: ItemTypeChoice,
    /// Its parameters.
    pub params: Vec<ParamField>,
    /// The supplier's regions: an offering serves some of them.
    pub regions: Vec<Named>,
    /// The values to show: what was saved, or the unsaved draft.
    pub form: OfferingForm,
    /// The values are an unsaved draft from an earlier attempt.
    pub from_draft: bool,
    /// Status of an existing offering.
    pub status: Option<OfferingStatus>,
    /// Why the ministry blocked it, if it did.
    pub status_reason: Option<String>,
    /// What a recipient co-pays per unit at the saved price.
    pub copay_at_price: Option<Money>,
    /// Sanatorium course starts.
    pub slots: Vec<SlotRow>,
    /// It can be published now.
    pub can_publish: bool,
    /// It can be withdrawn now.
    pub can_withdraw: bool,
    /// Why it cannot be published, as error codes.
    pub publish_blockers: Vec<String>,
    /// Orders placed for it that are still open.
    pub open_orders: u32,
}

/// One line of the supplier's list of offerings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingRow {
    /// Id.
    pub id: i32,
    /// Title in the reader's language.
    pub title: String,
    /// The supplier's article code.
    pub sku: Option<String>,
    /// Item type name.
    pub item_type: String,
    /// Price per unit.
    pub price: Money,
    /// Guaranteed sum per unit today.
    pub ceiling: Money,
    /// Status.
    pub status: OfferingStatus,
    /// Stock or hours per week.
    pub capacity: Option<i32>,
    /// Unit of the item type.
    pub unit: Unit,
    /// Category code.
    pub category: String,
    /// What kind of help its category gives.
    pub kind: CategoryKind,
}

/// The supplier's offerings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingsView {
    /// Where the supplier stands (a pending supplier prepares drafts).
    pub supplier_status: SupplierStatus,
    /// One page of the offerings, newest first.
    pub offerings: Vec<OfferingRow>,
    /// Counts by status code, for the filter.
    pub counts: Vec<(OfferingStatus, u32)>,
    /// Where that page stands.
    pub page: crate::dto::PageInfo,
}

/// How one line of an uploaded CSV file went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportLine {
    /// Line number in the file (the header is line 1).
    pub line: u32,
    /// The SKU on the line.
    pub sku: String,
    /// `created`, `updated`, `unchanged` or `refused`.
    pub outcome: String,
    /// Why it was refused: the column and the error code.
    pub errors: Vec<FieldError>,
}

/// The report of a CSV upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The file's name.
    pub file_name: String,
    /// When (UTC).
    pub at: String,
    /// Lines created.
    pub created: u32,
    /// Lines that changed an offering.
    pub updated: u32,
    /// Lines identical to what was already there.
    pub unchanged: u32,
    /// Lines refused.
    pub refused: u32,
    /// Every line.
    pub lines: Vec<ImportLine>,
}

/// A deadline: the date and whole days left (negative when overdue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    /// Date (YYYY-MM-DD, UTC).
    pub date: String,
    /// Days left; 0 is today, negative is overdue.
    pub days_left: i64,
}

/// One order in the supplier's inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxRow {
    /// Id.
    pub id: i32,
    /// Order number.
    pub number: String,
    /// Offering title.
    pub title: String,
    /// Quantity.
    pub quantity: i32,
    /// Unit.
    pub unit: Unit,
    /// Status.
    pub status: OrderStatus,
    /// Placed on.
    pub placed_on: String,
    /// Region of delivery or service.
    pub region: String,
    /// The next deadline (acceptance, then delivery).
    pub due: Option<Due>,
}

/// The inbox of incoming orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxView {
    /// Where the supplier stands; suspended and removed suppliers only see open orders.
    pub supplier_status: SupplierStatus,
    /// One page of the orders, overdue first, then by deadline, then newest first.
    pub rows: Vec<InboxRow>,
    /// Where that page stands.
    pub page: crate::dto::PageInfo,
}

/// One entry of an order's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEventRow {
    /// The status it reached (or kept, for a session or a date).
    pub status: OrderStatus,
    /// When (UTC).
    pub at: String,
    /// Who, when a person did it.
    pub by: Option<String>,
    /// The reason, date or hours recorded.
    pub note: Option<String>,
}

/// A service session recorded by the supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRow {
    /// Date.
    pub date: String,
    /// Hours.
    pub hours: i32,
}

/// One page of the complaints about the supplier's orders, unanswered first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierComplaintsView {
    /// The complaints of this page.
    pub rows: Vec<ComplaintRow>,
    /// Where that page stands.
    pub page: crate::dto::PageInfo,
}

/// A complaint about one of the supplier's orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintRow {
    /// Id.
    pub id: i32,
    /// The order.
    pub order_id: i32,
    /// Its number.
    pub order_number: String,
    /// Received on.
    pub received_on: String,
    /// Answer by.
    pub due: Due,
    /// Status.
    pub status: ComplaintStatus,
    /// What the recipient wrote.
    pub body: String,
    /// The supplier's answer.
    pub response: Option<String>,
    /// When it answered.
    pub responded_on: Option<String>,
    /// It may answer now.
    pub can_answer: bool,
}

/// An incoming order as the supplier sees it, with what it may do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierOrderView {
    /// Id.
    pub id: i32,
    /// Number.
    pub number: String,
    /// Status.
    pub status: OrderStatus,
    /// Offering title.
    pub title: String,
    /// Offering id.
    pub offering_id: i32,
    /// Category code.
    pub category: String,
    /// Unit.
    pub unit: Unit,
    /// Quantity.
    pub quantity: i32,
    /// Price per unit when placed.
    pub unit_price: Money,
    /// Guaranteed sum when placed.
    pub ceiling: Money,
    /// The split agreed when placed.
    pub split: CoPayment,
    /// Recipient's name (needed to deliver).
    pub recipient: String,
    /// Region name.
    pub region: String,
    /// What the recipient asked for: (translation key of the label, value).
    pub details: Vec<(String, String)>,
    /// Placed at (UTC).
    pub placed_at: String,
    /// Accept by.
    pub accept_by: Due,
    /// Deliver or render by, once accepted.
    pub deliver_by: Option<Due>,
    /// History.
    pub events: Vec<OrderEventRow>,
    /// Sessions recorded (services by the hour).
    pub sessions: Vec<SessionRow>,
    /// Hours recorded so far.
    pub hours_rendered: i32,
    /// Complaints about it.
    pub complaints: Vec<ComplaintRow>,
    /// What the supplier may do now: `accept`, `reject`, `schedule`, `ship`, `deliver`,
    /// `session`, `render`.
    pub actions: Vec<String>,
}

/// One confirmed order on a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    /// Order id.
    pub order_id: i32,
    /// Order number.
    pub number: String,
    /// Date the recipient confirmed.
    pub confirmed_on: String,
    /// Offering title.
    pub title: String,
    /// Quantity.
    pub quantity: i32,
    /// Price per unit.
    pub unit_price: Money,
    /// Total.
    pub total: Money,
    /// Payable by the state.
    pub state_share: Money,
    /// Collected from the recipient.
    pub copay: Money,
}

/// A month's reimbursement statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementView {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Months with confirmed orders, newest first (always including the current month).
    pub months: Vec<String>,
    /// Confirmed orders of the month.
    pub lines: Vec<StatementLine>,
    /// Sum of totals.
    pub total: Money,
    /// Sum payable by the state.
    pub state_share: Money,
    /// Sum of co-payments collected.
    pub copay: Money,
    /// Where the CSV is.
    pub csv_href: String,
}

/// A review of one of the supplier's offerings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    /// Id.
    pub id: i32,
    /// Order number.
    pub order_number: String,
    /// Offering title.
    pub title: String,
    /// 1 to 5.
    pub rating: i16,
    /// Text.
    pub body: String,
    /// Date.
    pub on: String,
    /// The supplier's public reply.
    pub reply: Option<String>,
    /// When it replied.
    pub replied_on: Option<String>,
}

/// The supplier's own scorecard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScorecardView {
    /// Orders delivered or rendered.
    pub delivered: u32,
    /// Of those with a deadline, the share delivered on time, in whole percent.
    pub on_time_percent: Option<u32>,
    /// Complaints received.
    pub complaints: u32,
    /// Complaints not yet answered.
    pub open_complaints: u32,
    /// Average rating times 100 (e.g. 435 is 4.35).
    pub rating_x100: Option<i32>,
    /// Reviews, newest first.
    pub reviews: Vec<ReviewRow>,
}

/// One of the supplier's API keys (never the key itself, once made).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyRow {
    /// Id.
    pub id: i32,
    /// The supplier's name for it ("warehouse 1C").
    pub label: String,
    /// Its first characters, to tell keys apart.
    pub prefix: String,
    /// When it was made.
    pub created: String,
    /// When it was last used, if ever.
    pub last_used: Option<String>,
    /// When it was revoked; a revoked key opens nothing.
    pub revoked: Option<String>,
}

/// The API keys page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeysView {
    /// Every key, newest first.
    pub keys: Vec<ApiKeyRow>,
    /// A key made a moment ago, shown this once.
    pub new_key: Option<String>,
    /// Whether keys can be used now (only an approved supplier syncs).
    pub approved: bool,
}
