//! A category's kind (goods, hours, sessions, course) decides how its offerings are
//! described, ordered and fulfilled; until now the four categories' codes were compared
//! wherever that mattered, so a category staff created fell through every such comparison.
//! Staff choose the kind when they create a category; the four categories of the reference
//! data get theirs here.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Categories {
    Table,
    Kind,
}

/// The kinds of the reference categories.
const KINDS: [(&str, &str); 4] =
    [("tsr", "goods"), ("assistant", "hours"), ("sign_language", "sessions"), ("sanatorium", "course")];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Categories::Table)
                .add_column(ColumnDef::new(Categories::Kind).string_len(16).not_null().default("goods"))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        for (code, kind) in KINDS {
            db.execute_unprepared(&format!("UPDATE categories SET kind = '{kind}' WHERE code = '{code}'")).await?;
        }
        // A category created by staff before kinds existed was half-working; by its unit it is
        // most like hours (hour) or a course (course); goods otherwise.
        db.execute_unprepared(
            "UPDATE categories SET kind = CASE unit WHEN 'hour' THEN 'hours' WHEN 'course' THEN 'course' ELSE 'goods' END \
             WHERE code NOT IN ('tsr', 'assistant', 'sign_language', 'sanatorium')",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Categories::Table).drop_column(Categories::Kind).to_owned()).await
    }
}
