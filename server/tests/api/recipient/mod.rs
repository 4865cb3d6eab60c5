//! The recipient's journey: the catalogue (its answers proved against a brute-force filter,
//! its plans, its reference data), ordering, and what follows an order.
mod after_ordering;
mod catalogue;
pub mod catalogue_plans;
mod catalogue_reference;
mod ordering;
