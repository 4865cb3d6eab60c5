//! What the recipient journey shows: entitlements and the catalogue.
use crate::domain::{Money, OrderStatus, Unit};
use crate::dto::PageInfo;
use serde::{Deserialize, Serialize};

/// Someone a representative may act for (or the recipient themself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonChoice {
    /// Recipient id.
    pub id: i32,
    /// Full name.
    pub name: String,
}

/// Whose entitlements and orders are shown, and whom else the account may act for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    /// The person shown.
    pub current: PersonChoice,
    /// Everyone the account acts for (one entry for a recipient).
    pub choices: Vec<PersonChoice>,
    /// True when the account is a representative.
    pub as_representative: bool,
}

/// An order line under an entitlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    /// Order id.
    pub id: i32,
    /// Order number.
    pub number: String,
    /// Status.
    pub status: OrderStatus,
    /// Quantity.
    pub quantity: i32,
    /// Placed on (YYYY-MM-DD).
    pub placed_on: String,
}

/// One entitlement with what has been ordered against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitlementView {
    /// Entitlement id.
    pub id: i32,
    /// Item type code.
    pub item_type_code: String,
    /// Item type name.
    pub item_type: String,
    /// Category code.
    pub category: String,
    /// Unit.
    pub unit: Unit,
    /// Quantity granted.
    pub granted: i32,
    /// Quantity still available.
    pub remaining: i32,
    /// Valid from (YYYY-MM-DD).
    pub valid_from: String,
    /// Valid until (YYYY-MM-DD).
    pub valid_to: String,
    /// The guaranteed sum per unit today.
    pub ceiling: Option<Money>,
    /// The IPR it comes from.
    pub ipr_number: String,
    /// Orders placed against it.
    pub orders: Vec<OrderLine>,
}

/// The entitlements page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitlementsView {
    /// Whose.
    pub acting_for: ActingFor,
    /// Valid today (on this page).
    pub current: Vec<EntitlementView>,
    /// Past their end date or not yet started (on this page, after the current ones).
    pub other: Vec<EntitlementView>,
    /// Where this page stands in the whole list.
    pub page: PageInfo,
}

/// The catalogue's filters, as in the page URL (a plain GET form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogueQuery {
    /// Category code.
    pub category: String,
    /// Item type code.
    pub item_type: String,
    /// Free text.
    pub q: String,
    /// Region served; empty means the recipient's region (or all for visitors); `all` for all.
    pub region: String,
    /// Lowest price in tenge.
    pub price_min: String,
    /// Highest price in tenge.
    pub price_max: String,
    /// Only offerings at or below the ceiling.
    pub no_copay: bool,
    /// Minimum average rating, 1–5.
    pub min_rating: String,
    /// Longest lead time in days.
    pub max_lead: String,
    /// `relevance` (the default with words), `price_asc` (the default without), `price_desc`,
    /// `rating`, `lead_time`.
    pub sort: String,
    /// Page number from 1.
    pub page: u32,
    /// Item-type parameters: `key` = value for choices, `key_min` / `key_max` for numbers.
    pub params: Vec<(String, String)>,
    /// The person a representative is choosing for (their region is the default).
    pub for_recipient: Option<i32>,
}

/// A parameter an item type defines, for filters and forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamField {
    /// Key.
    pub key: String,
    /// Label in the reader's language.
    pub label: String,
    /// For a choice, its options (value, label); empty for a number.
    pub options: Vec<(String, String)>,
    /// Bounds of a number.
    pub min: i64,
    /// Bounds of a number.
    pub max: i64,
}

/// An item type for the filter list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTypeOption {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Category code.
    pub category: String,
}

/// One offering in the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingCard {
    /// Offering id.
    pub id: i32,
    /// Title in the reader's language (falls back to Russian).
    pub title: String,
    /// Item type name.
    pub item_type: String,
    /// Category code.
    pub category: String,
    /// Unit.
    pub unit: Unit,
    /// Supplier's legal name.
    pub supplier: String,
    /// Price per unit.
    pub price: Money,
    /// Guaranteed sum per unit today.
    pub ceiling: Money,
    /// What the recipient pays per unit above the ceiling (zero if none).
    pub copay: Money,
    /// Average rating ×100 (0 when no reviews).
    pub rating_x100: i32,
    /// Number of reviews.
    pub reviews: i32,
    /// Lead time in days.
    pub lead_time_days: i32,
    /// Whether it serves the recipient's region (`None` for visitors).
    pub serves_my_region: Option<bool>,
}

/// The catalogue page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueView {
    /// The filters as understood (with defaults filled in).
    pub query: CatalogueQuery,
    /// Active categories in catalogue order: (code, name), for the filter.
    #[serde(default)]
    pub categories: Vec<(String, String)>,
    /// Item types for the filter.
    pub item_types: Vec<ItemTypeOption>,
    /// Parameters of the chosen item type.
    pub params: Vec<ParamField>,
    /// The recipient's region code, if known.
    pub my_region: Option<String>,
    /// Results on this page.
    pub results: Vec<OfferingCard>,
    /// All matching offerings.
    pub total: u32,
    /// Number of pages.
    pub pages: u32,
    /// No offering has the words exactly; these have similar ones (a word typed with a mistake).
    #[serde(default)]
    pub similar: bool,
    /// Filters that could not be understood and were left out (the page shows them beside
    /// their fields); the server function itself refuses such a query.
    #[serde(default)]
    pub errors: Vec<crate::error::FieldError>,
}

/// A supplier as a recipient sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierCard {
    /// Legal name.
    pub name: String,
    /// Approved on (YYYY-MM-DD).
    pub approved_on: Option<String>,
    /// Regions served.
    pub regions: Vec<String>,
    /// Orders delivered or rendered.
    pub delivered: u32,
    /// Share delivered on time, in percent (`None` before any delivery).
    pub on_time_percent: Option<u32>,
    /// Complaints received.
    pub complaints: u32,
}

/// A published review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// 1–5.
    pub rating: i16,
    /// Text.
    pub body: String,
    /// Written on (YYYY-MM-DD).
    pub on: String,
    /// The supplier's reply, if any.
    pub reply: Option<String>,
}

/// An offering's own page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingView {
    /// The card fields.
    pub card: OfferingCard,
    /// Description.
    pub description: String,
    /// Parameters as (label, value).
    pub params: Vec<(String, String)>,
    /// Regions where it is available.
    pub regions: Vec<String>,
    /// The supplier.
    pub supplier: SupplierCard,
    /// Verified reviews.
    pub reviews: Vec<ReviewView>,
    /// Whether the caller may order (recipient or representative).
    pub can_order: bool,
}
