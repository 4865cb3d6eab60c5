//! The supplier journey's pages. Each is complete without JavaScript: data comes with the
//! first response, every action is a plain form post that comes back with `?done=` or with
//! the error beside its field.
pub mod api_keys;
pub mod complaint;
pub mod complaints;
pub mod documents;
pub mod import;
pub mod offering;
pub mod offering_form;
pub mod offering_new;
pub mod offerings;
pub mod order;
pub mod order_actions;
pub mod orders;
pub mod profile;
pub mod quality;
pub mod review;
pub mod statements;
