//! Suppliers, where and what they serve, and their documents.

/// Supplier organisations and individual entrepreneurs.
pub mod suppliers {
    use crate::entities::enums::{DbSupplierKind, DbSupplierStatus};
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "suppliers")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub account_id: i32,
        #[sea_orm(unique)]
        pub bin: String,
        pub kind: DbSupplierKind,
        pub legal_name: String,
        /// The legal name lower-cased, for the staff queue's search (kept by `before_save`).
        pub name_folded: String,
        pub address: Option<String>,
        pub home_region: Option<String>,
        pub contact_person: Option<String>,
        pub phone: Option<String>,
        pub email: Option<String>,
        pub status: DbSupplierStatus,
        pub status_reason: Option<String>,
        pub decided_by: Option<i32>,
        pub decided_at: Option<DateTimeUtc>,
        pub submitted_at: Option<DateTimeUtc>,
        pub approved_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    #[async_trait::async_trait]
    impl ActiveModelBehavior for ActiveModel {
        /// Whenever the legal name is written, its folded copy is written with it.
        async fn before_save<C>(mut self, _db: &C, _insert: bool) -> Result<Self, DbErr>
        where
            C: ConnectionTrait,
        {
            if let sea_orm::ActiveValue::Set(name) = &self.legal_name {
                self.name_folded = sea_orm::ActiveValue::Set(name.to_lowercase());
            }
            Ok(self)
        }
    }
}

/// Regions a supplier serves.
pub mod supplier_regions {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "supplier_regions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub supplier_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub region_code: String,
        /// Reviewed by the ministry (with the application, or as a later change).
        pub approved: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Categories a supplier offers.
pub mod supplier_categories {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "supplier_categories")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub supplier_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub category_id: i32,
        /// Reviewed by the ministry (with the application, or as a later change).
        pub approved: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Metadata of uploaded documents; the files live outside the web root.
pub mod supplier_documents {
    use crate::entities::enums::DbDocumentKind;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "supplier_documents")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub supplier_id: i32,
        pub kind: DbDocumentKind,
        pub file_name: String,
        pub content_type: String,
        pub size_bytes: i64,
        #[sea_orm(unique)]
        pub storage_key: String,
        pub sha256: String,
        pub uploaded_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Keys a supplier's stock system syncs offerings with; only their hash is kept.
pub mod supplier_api_keys {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "supplier_api_keys")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub supplier_id: i32,
        pub label: String,
        /// The key's first characters, shown to tell keys apart.
        pub prefix: String,
        /// SHA-256 of the key, hex.
        #[sea_orm(unique)]
        pub key_hash: String,
        pub created_by: i32,
        pub created_at: DateTimeUtc,
        pub last_used_at: Option<DateTimeUtc>,
        pub revoked_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
