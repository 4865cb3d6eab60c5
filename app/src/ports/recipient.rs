//! What the recipient journey needs: entitlements, the catalogue, ordering, orders and
//! notifications. `for_recipient` is the person a representative acts for (ignored for a
//! recipient, who always acts for themself).
use super::Caller;
use crate::domain::OrderKey;
use crate::dto::orders::{NotificationsView, OrderCheckView, OrderForm, OrderStartView, OrderView, OrdersView};
use crate::dto::recipient::{CatalogueQuery, CatalogueView, EntitlementsView, OfferingView};
use crate::error::AppError;
use async_trait::async_trait;

/// Entitlements of the recipient (or of whom a representative acts for).
#[async_trait]
pub trait Entitlements: Send + Sync {
    /// One page of the entitlements with their orders: those valid today first, the one
    /// ending soonest first, then the others.
    async fn list(&self, caller: &Caller, for_recipient: Option<i32>, page: u32) -> Result<EntitlementsView, AppError>;
}

/// The public catalogue.
#[async_trait]
pub trait Catalogue: Send + Sync {
    /// Published offerings of approved suppliers matching the filters.
    async fn search(&self, caller: &Caller, query: CatalogueQuery) -> Result<CatalogueView, AppError>;
    /// One offering with its supplier and reviews.
    async fn offering(&self, caller: &Caller, id: i32) -> Result<OfferingView, AppError>;
}

/// Ordering: question page, check your answers, confirm.
#[async_trait]
pub trait Ordering: Send + Sync {
    /// The question page, with the draft typed so far.
    async fn start(
        &self,
        caller: &Caller,
        offering_id: i32,
        for_recipient: Option<i32>,
    ) -> Result<OrderStartView, AppError>;
    /// Keeps what was typed as a draft, then checks it (the draft is kept even when refused).
    async fn save(&self, caller: &Caller, form: OrderForm) -> Result<(), AppError>;
    /// The check-your-answers page: price, the state's share and what the recipient pays.
    async fn check(
        &self,
        caller: &Caller,
        offering_id: i32,
        for_recipient: Option<i32>,
    ) -> Result<OrderCheckView, AppError>;
    /// Places the order (once per key) and returns its id, if the price, the guaranteed sum
    /// and the co-payment are still the `terms` the check page showed (`price_changed` if not).
    async fn confirm(
        &self,
        caller: &Caller,
        offering_id: i32,
        for_recipient: Option<i32>,
        idempotency_key: Option<OrderKey>,
        terms: &str,
    ) -> Result<i32, AppError>;
}

/// Orders after they are placed.
#[async_trait]
pub trait MyOrders: Send + Sync {
    /// The orders of the person acted for, newest first.
    async fn list(&self, caller: &Caller, for_recipient: Option<i32>, page: u32) -> Result<OrdersView, AppError>;
    /// One order with its timeline.
    async fn get(&self, caller: &Caller, order_id: i32) -> Result<OrderView, AppError>;
    /// Cancels before the supplier accepts; the entitlement is given back.
    async fn cancel(&self, caller: &Caller, order_id: i32) -> Result<(), AppError>;
    /// Confirms receipt (goods) or that the service was rendered, with the hours.
    async fn confirm_receipt(&self, caller: &Caller, order_id: i32, hours: Option<String>) -> Result<(), AppError>;
    /// Reports a problem instead of confirming: opens a complaint with a deadline.
    async fn report_problem(&self, caller: &Caller, order_id: i32, text: String) -> Result<(), AppError>;
    /// One review per confirmed order.
    async fn review(&self, caller: &Caller, order_id: i32, rating: String, text: String) -> Result<(), AppError>;
}

/// Notifications, and how each person wants to receive them.
#[async_trait]
pub trait Notifications: Send + Sync {
    /// One page of them, newest first.
    async fn list(&self, caller: &Caller, page: u32) -> Result<NotificationsView, AppError>;
    /// Marks all as read.
    async fn mark_all_read(&self, caller: &Caller) -> Result<(), AppError>;
    /// How the caller wants to hear from the portal.
    async fn preferences(&self, caller: &Caller) -> Result<crate::dto::account::ContactPreferencesView, AppError>;
    /// Keeps the caller's choice; at least one channel must stay on.
    async fn set_preferences(
        &self,
        caller: &Caller,
        chosen: crate::dto::account::ContactPreferences,
    ) -> Result<(), AppError>;
}
