//! Integration tests: the real application on port 0, a fresh database per test, the same
//! tests on SQLite and on PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a step that fails fails its test, with its message"
)]
mod fixtures;
mod helpers;

mod account;
mod adversarial;
mod instances;
mod messages;
mod migrations;
mod ministry;
mod national;
mod notices;
mod open_data;
mod operations;
mod paging;
mod recipient;
mod security;
mod supplier;
