//! Integration tests: the real application on port 0, a fresh database per test, the same
//! tests on SQLite and on PostgreSQL.
mod fixtures;
mod helpers;

mod auth;
mod migrations;
mod ordering;
mod recipient;
mod security;
