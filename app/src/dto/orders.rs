//! What the recipient journey shows: ordering, orders and notifications.
use super::recipient::{ActingFor, OfferingCard, ReviewView};
use crate::domain::{CategoryKind, CoPayment, Money, OrderStatus, Unit};
use serde::{Deserialize, Serialize};

/// A sanatorium course start with free places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    /// Arrival date (YYYY-MM-DD).
    pub date: String,
    /// Free places.
    pub free: i32,
}

/// An entitlement that fits the offering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntitlementChoice {
    /// Id.
    pub id: i32,
    /// IPR number.
    pub ipr_number: String,
    /// Remaining quantity.
    pub remaining: i32,
    /// Valid until.
    pub valid_to: String,
}

/// What was typed into the order form; kept on the server as a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderForm {
    /// The offering.
    pub offering: String,
    /// For whom (a representative's choice); empty for oneself.
    pub for_recipient: String,
    /// Entitlement id.
    pub entitlement: String,
    /// Quantity (goods).
    pub quantity: String,
    /// Delivery address (goods) or place of the session (sign language in person).
    pub address: String,
    /// Delivery region (goods).
    pub region: String,
    /// First day (personal assistant).
    pub start_date: String,
    /// Number of weeks (personal assistant).
    pub weeks: String,
    /// Hours per weekday, Monday to Sunday (personal assistant).
    pub hours_mon: String,
    /// Tuesday.
    pub hours_tue: String,
    /// Wednesday.
    pub hours_wed: String,
    /// Thursday.
    pub hours_thu: String,
    /// Friday.
    pub hours_fri: String,
    /// Saturday.
    pub hours_sat: String,
    /// Sunday.
    pub hours_sun: String,
    /// Session mode (sign language): `in_person` or `online`.
    pub mode: String,
    /// Session 1 date.
    pub s1_date: String,
    /// Session 1 start time (HH:MM).
    pub s1_time: String,
    /// Session 1 length in hours.
    pub s1_hours: String,
    /// Session 2 date.
    pub s2_date: String,
    /// Session 2 start time.
    pub s2_time: String,
    /// Session 2 length.
    pub s2_hours: String,
    /// Session 3 date.
    pub s3_date: String,
    /// Session 3 start time.
    pub s3_time: String,
    /// Session 3 length.
    pub s3_hours: String,
    /// Arrival date (sanatorium).
    pub arrival: String,
}

/// The first question page of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderStartView {
    /// The offering.
    pub offering: OfferingCard,
    /// What kind of help it is: which questions the form asks.
    pub kind: CategoryKind,
    /// For whom.
    pub acting_for: ActingFor,
    /// Entitlements that fit (valid, same item type, something remaining).
    pub entitlements: Vec<EntitlementChoice>,
    /// Why none fits, as an error code, when the list is empty.
    pub none_fits: Option<String>,
    /// Regions the offering is available in (code, name).
    pub regions: Vec<(String, String)>,
    /// The recipient's region.
    pub my_region: Option<String>,
    /// Course starts (sanatorium).
    pub slots: Vec<SlotView>,
    /// What was typed so far.
    pub draft: OrderForm,
}

/// The check-your-answers page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderCheckView {
    /// The offering.
    pub offering: OfferingCard,
    /// For whom.
    pub acting_for: ActingFor,
    /// Entitlement IPR number.
    pub ipr_number: String,
    /// Quantity.
    pub quantity: i32,
    /// The split of the price.
    pub split: CoPayment,
    /// The details as (translation key of the label, value).
    pub details: Vec<(String, String)>,
    /// The key that makes confirming twice create one order.
    pub idempotency_key: String,
    /// The figures this page shows (price, guaranteed sum, quantity, co-payment), sent back
    /// with the confirmation: if any of them changed meanwhile, nothing is placed and the page
    /// is shown again with the new figures.
    pub terms: String,
    /// The offering id (for the form).
    pub offering_id: i32,
    /// For whom (form value).
    pub for_recipient: String,
}

/// One step of an order's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEventView {
    /// Status reached.
    pub status: OrderStatus,
    /// When (YYYY-MM-DD HH:MM UTC).
    pub at: String,
    /// Who, when it was a person (name).
    pub by: Option<String>,
    /// A note (e.g. the reason for a rejection).
    pub note: Option<String>,
}

/// A complaint as its author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComplaintSummary {
    /// Status code.
    pub status: String,
    /// The complaint.
    pub body: String,
    /// Answer due by.
    pub due: String,
    /// The supplier's answer.
    pub supplier_response: Option<String>,
    /// The ministry's outcome.
    pub outcome: Option<String>,
}

/// An order as the recipient side sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
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
    /// Supplier.
    pub supplier: String,
    /// For whom.
    pub recipient: String,
    /// Placed by a representative (their name).
    pub placed_by_representative: Option<String>,
    /// Quantity.
    pub quantity: i32,
    /// Price and split, as placed.
    pub unit_price: Money,
    /// Ceiling per unit as placed.
    pub ceiling: Money,
    /// Split.
    pub split: CoPayment,
    /// Placed on.
    pub placed_at: String,
    /// Supplier must accept by.
    pub accept_by: String,
    /// Supplier must deliver by (once accepted).
    pub deliver_by: Option<String>,
    /// History, oldest first.
    pub events: Vec<OrderEventView>,
    /// Details as (translation key, value).
    pub details: Vec<(String, String)>,
    /// The review, once written.
    pub review: Option<ReviewView>,
    /// Complaints about this order.
    pub complaints: Vec<ComplaintSummary>,
    /// Actions open now.
    pub can_cancel: bool,
    /// Confirm receipt / rendering.
    pub can_confirm: bool,
    /// Leave a review.
    pub can_review: bool,
}

/// A line of "my orders".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    /// Id.
    pub id: i32,
    /// Number.
    pub number: String,
    /// Status.
    pub status: OrderStatus,
    /// Title.
    pub title: String,
    /// Supplier.
    pub supplier: String,
    /// Placed on.
    pub placed_on: String,
    /// The deadline that matters now, if any.
    pub due: Option<String>,
    /// What the recipient pays.
    pub copay: Money,
}

/// "My orders".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersView {
    /// Whose.
    pub acting_for: ActingFor,
    /// One page of them, newest first.
    pub orders: Vec<OrderSummary>,
    /// Where that page stands.
    pub page: crate::dto::PageInfo,
}

/// One page of one's notifications, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsView {
    /// The notifications of this page.
    pub items: Vec<NotificationView>,
    /// Where that page stands.
    pub page: crate::dto::PageInfo,
}

/// An in-app notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    /// Id.
    pub id: i64,
    /// Kind, for the translation `notification-<kind>`.
    pub kind: String,
    /// Arguments of the text.
    pub args: Vec<(String, String)>,
    /// The order it concerns.
    pub order_id: Option<i32>,
    /// When.
    pub at: String,
    /// Not read yet.
    pub unread: bool,
}
