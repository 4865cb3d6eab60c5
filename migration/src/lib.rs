//! Schema of the portal: the only source of tables, run at start-up and by the tests.
pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_reference;
mod m20261123_000002_create_accounts;
mod m20261123_000003_create_recipients;
mod m20261123_000004_create_suppliers;
mod m20261123_000005_create_offerings;
mod m20261123_000006_create_orders;
mod m20261123_000007_create_records;
mod m20261124_000101_protect_audit_log;
mod m20261201_000101_add_account_security;
mod m20261201_000102_add_scope_review;
mod m20261201_000201_create_offering_params;
mod m20261201_000202_add_offering_listed;
mod m20261201_000203_create_offering_search;
mod m20261201_000204_index_offering_page;
mod m20261201_000301_index_long_lists;
mod m20261201_000302_create_summaries;
mod m20261202_000401_add_supplier_name_folded;
mod m20261202_000402_add_category_kind;
mod m20261202_000403_create_supplier_api_keys;
mod m20261203_000501_create_outbox;
mod m20261203_000502_add_identity_proof;
mod m20261204_000601_add_contact_profiles;

/// Runs the portal's migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_reference::Migration),
            Box::new(m20261123_000002_create_accounts::Migration),
            Box::new(m20261123_000003_create_recipients::Migration),
            Box::new(m20261123_000004_create_suppliers::Migration),
            Box::new(m20261123_000005_create_offerings::Migration),
            Box::new(m20261123_000006_create_orders::Migration),
            Box::new(m20261123_000007_create_records::Migration),
            Box::new(m20261124_000101_protect_audit_log::Migration),
            Box::new(m20261201_000101_add_account_security::Migration),
            Box::new(m20261201_000102_add_scope_review::Migration),
            Box::new(m20261201_000201_create_offering_params::Migration),
            Box::new(m20261201_000202_add_offering_listed::Migration),
            Box::new(m20261201_000203_create_offering_search::Migration),
            Box::new(m20261201_000204_index_offering_page::Migration),
            Box::new(m20261201_000301_index_long_lists::Migration),
            Box::new(m20261201_000302_create_summaries::Migration),
            Box::new(m20261202_000401_add_supplier_name_folded::Migration),
            Box::new(m20261202_000402_add_category_kind::Migration),
            Box::new(m20261202_000403_create_supplier_api_keys::Migration),
            Box::new(m20261203_000501_create_outbox::Migration),
            Box::new(m20261203_000502_add_identity_proof::Migration),
            Box::new(m20261204_000601_add_contact_profiles::Migration),
        ]
    }
}
