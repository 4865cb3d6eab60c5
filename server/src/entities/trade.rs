//! Offerings, orders and what follows them: history, reviews and complaints.

/// What a supplier offers in the catalogue.
pub mod offerings {
    use crate::entities::enums::DbOfferingStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "offerings")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub supplier_id: i32,
        pub item_type_id: i32,
        pub sku: Option<String>,
        pub title_kk: String,
        pub title_ru: String,
        pub title_en: Option<String>,
        pub description_kk: String,
        pub description_ru: String,
        pub description_en: Option<String>,
        pub search_kk: String,
        pub search_ru: String,
        pub search_en: String,
        pub price_tiyn: i64,
        pub params: Json,
        pub lead_time_days: i32,
        pub capacity: Option<i32>,
        pub status: DbOfferingStatus,
        pub status_reason: Option<String>,
        pub rating_avg_x100: i32,
        pub review_count: i32,
        pub published_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Regions an offering is available in.
pub mod offering_regions {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "offering_regions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub offering_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub region_code: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Dated places, e.g. a sanatorium's 14-day courses.
pub mod offering_slots {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "offering_slots")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub offering_id: i32,
        pub starts_on: Date,
        pub places: i32,
        pub taken: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Orders, with the price and ceiling as they were when placed.
pub mod orders {
    use crate::entities::enums::DbOrderStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "orders")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub number: String,
        pub recipient_id: i32,
        pub offering_id: i32,
        pub supplier_id: i32,
        pub entitlement_id: i32,
        pub item_type_id: i32,
        pub quantity: i32,
        pub unit_price_tiyn: i64,
        pub ceiling_tiyn: i64,
        pub total_tiyn: i64,
        pub state_share_tiyn: i64,
        pub copay_tiyn: i64,
        pub status: DbOrderStatus,
        #[sea_orm(unique)]
        pub idempotency_key: String,
        pub placed_by: i32,
        pub on_behalf: bool,
        pub region_code: String,
        pub details: Details,
        pub accept_by: DateTimeUtc,
        pub deliver_by: Option<DateTimeUtc>,
        pub accepted_at: Option<DateTimeUtc>,
        pub delivered_at: Option<DateTimeUtc>,
        pub confirmed_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    /// What the person asked for and what the supplier recorded since, typed; kept as a JSON
    /// object. A row whose object does not read as `OrderDetails` fails its query.
    #[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, FromJsonQueryResult)]
    #[serde(transparent)]
    pub struct Details(pub app::domain::OrderDetails);
}

/// Each status an order went through, when and by whom.
pub mod order_events {
    use crate::entities::enums::DbOrderStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "order_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub order_id: i32,
        pub status: DbOrderStatus,
        pub actor_account_id: Option<i32>,
        pub note: Option<String>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One review per confirmed order.
pub mod reviews {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "reviews")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub order_id: i32,
        pub offering_id: i32,
        pub recipient_id: i32,
        pub rating: i16,
        pub body: String,
        pub reply: Option<String>,
        pub replied_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Complaints about an order, with a response deadline.
pub mod complaints {
    use crate::entities::enums::DbComplaintStatus;
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "complaints")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub order_id: i32,
        pub recipient_id: i32,
        pub supplier_id: i32,
        pub region_code: String,
        pub body: String,
        pub status: DbComplaintStatus,
        pub due_at: DateTimeUtc,
        pub assigned_to: Option<i32>,
        pub supplier_response: Option<String>,
        pub supplier_responded_at: Option<DateTimeUtc>,
        pub outcome: Option<String>,
        pub closed_by: Option<i32>,
        pub closed_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Officers' notes on a complaint.
pub mod complaint_notes {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "complaint_notes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub complaint_id: i32,
        pub author_id: i32,
        pub body: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
