//! The supplier journey's server functions: profile and approval, documents, offerings,
//! orders and complaints, statements, scorecard and replies. File uploads and downloads are
//! plain axum routes (`server/src/http/supplier_files.rs`), since they carry bytes.
pub mod accept_order;
pub mod answer_complaint;
pub mod api_keys;
pub mod complaint;
pub mod complaints;
pub mod delete_document;
pub mod discard_offering_draft;
pub mod documents;
pub mod import_report;
pub mod inbox;
pub mod item_types;
pub mod mark_order;
pub mod new_offering_form;
pub mod offering;
pub mod offerings;
pub mod order;
pub mod profile;
pub mod record_session;
pub mod reject_order;
pub mod reply_review;
pub mod review;
pub mod save_offering;
pub mod save_profile;
pub mod schedule_order;
pub mod scorecard;
pub mod set_offering_slot;
pub mod set_offering_status;
pub mod statement;
pub mod submit_profile;

/// Sends the browser to `to` after a successful form post.
#[cfg(feature = "ssr")]
pub(crate) fn go(to: &str) {
    crate::api::go(to);
}
