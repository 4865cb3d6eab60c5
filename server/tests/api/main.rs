//! Integration tests: the real application on port 0, a fresh database per test, the same
//! tests on SQLite and on PostgreSQL.
mod fixtures;
mod helpers;

mod adversarial;
mod auth;
mod catalogue;
mod catalogue_data;
mod catalogue_plans;
mod catalogue_reference;
mod identity;
mod instances;
mod messages;
mod migrations;
mod ministry;
mod national;
mod notices;
mod open_data;
mod operations;
mod ordering;
mod paging;
mod recipient;
mod security;
mod supplier_documents;
mod supplier_import;
mod supplier_money;
mod supplier_offerings;
mod supplier_orders;
mod supplier_profile;
mod supplier_support;
mod supplier_sync;
