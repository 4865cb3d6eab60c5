//! Regions, categories, item types and ceilings.

/// The 20 top-level units of Kazakhstan.
pub mod regions {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "regions")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub name_kk: String,
        pub name_ru: String,
        pub name_en: String,
        pub sort: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl Model {
        /// The name in `lang`.
        pub fn name(&self, lang: app::domain::Lang) -> &str {
            super::pick(lang, &self.name_kk, &self.name_ru, &self.name_en)
        }
    }
}

/// Catalogue categories (TSR, personal assistant, sign language, sanatorium, ...).
pub mod categories {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "categories")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub code: String,
        pub name_kk: String,
        pub name_ru: String,
        pub name_en: String,
        pub unit: crate::entities::enums::DbUnit,
        pub sort: i32,
        pub active: bool,
        pub created_at: DateTimeUtc,
        /// What kind of help it gives: how its offerings are ordered and fulfilled.
        pub kind: crate::entities::enums::DbCategoryKind,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl Model {
        /// The name in `lang`.
        pub fn name(&self, lang: app::domain::Lang) -> &str {
            super::pick(lang, &self.name_kk, &self.name_ru, &self.name_en)
        }
    }
}

/// Item types under a category, with their parameter schema.
pub mod item_types {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "item_types")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub category_id: i32,
        #[sea_orm(unique)]
        pub code: String,
        pub name_kk: String,
        pub name_ru: String,
        pub name_en: String,
        pub unit: crate::entities::enums::DbUnit,
        pub replacement_months: Option<i32>,
        pub param_schema: Json,
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::categories::Entity",
            from = "Column::CategoryId",
            to = "super::categories::Column::Id"
        )]
        Category,
    }

    impl Related<super::categories::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Category.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}

    impl Model {
        /// The name in `lang`.
        pub fn name(&self, lang: app::domain::Lang) -> &str {
            super::pick(lang, &self.name_kk, &self.name_ru, &self.name_en)
        }
    }
}

/// Guaranteed sums per item type, each from a date: the history is kept.
pub mod ceilings {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "ceilings")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub item_type_id: i32,
        pub amount_tiyn: i64,
        pub valid_from: Date,
        pub created_by: Option<i32>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// One of three texts by language.
pub(crate) fn pick<'a>(lang: app::domain::Lang, kk: &'a str, ru: &'a str, en: &'a str) -> &'a str {
    match lang {
        app::domain::Lang::Kk => kk,
        app::domain::Lang::Ru => ru,
        app::domain::Lang::En => en,
    }
}
