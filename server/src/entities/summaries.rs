//! Summaries maintained beside the raw rows (see the `create_summaries` migration).

/// A supplier's scorecard counters, changed by triggers with every order and complaint.
pub mod supplier_scores {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "supplier_scores")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub supplier_id: i32,
        /// Delivered or rendered and not returned.
        pub delivered: i64,
        /// Of those, delivered by the deadline (or with none).
        pub on_time: i64,
        /// Delivered, returned ones included.
        pub delivered_any: i64,
        /// Delivered with a deadline to deliver.
        pub with_deadline: i64,
        /// Of those, delivered by it.
        pub met_deadline: i64,
        /// Complaints ever filed about the supplier.
        pub complaints: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The provision dashboard's figures for one period and one group.
pub mod provision_summaries {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "provision_summaries")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub period_from: Date,
        #[sea_orm(primary_key, auto_increment = false)]
        pub period_to: Date,
        /// A region code, `-` for people whose region is not known, empty for every region.
        #[sea_orm(primary_key, auto_increment = false)]
        pub region_code: String,
        /// A category, 0 for every category.
        #[sea_orm(primary_key, auto_increment = false)]
        pub category_id: i32,
        pub people_entitled: i64,
        pub entitlements: i64,
        pub ordered: i64,
        pub delivered: i64,
        pub people_provided: i64,
        /// Twice the median, so a median of two middle values stays exact.
        pub median_days_x2: Option<i64>,
        pub overdue: i64,
        pub state_paid_tiyn: i64,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The periods the provision dashboard has been asked for, and how fresh their figures are.
pub mod provision_periods {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "provision_periods")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub period_from: Date,
        #[sea_orm(primary_key, auto_increment = false)]
        pub period_to: Date,
        pub computed_at: DateTimeUtc,
        pub read_at: DateTimeUtc,
        pub stale: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
