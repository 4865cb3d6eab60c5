//! The supplier's journey: profile and approval, documents, offerings (form, CSV upload, sync
//! by key), orders and their fulfilment, statements, complaints and reviews.
mod documents;
mod import;
mod money;
mod offerings;
mod orders;
mod profile;
mod sync;
