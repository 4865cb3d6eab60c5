//! Words in offerings are found by each database's search engine instead of `LIKE` on every
//! row. SQLite: an FTS5 table over the six titles and descriptions, written by triggers in the
//! same transaction as the offering. Its `unicode61` tokenizer folds case for Cyrillic and
//! the Kazakh letters (Ә/ә, Қ/қ, Ү/ү, ...) and, with `remove_diacritics 2`, strips accents from
//! Latin letters only: Kazakh letters are letters of their own and are never folded to the
//! Russian ones (қ stays apart from к). PostgreSQL: a generated `tsvector` column with the
//! `russian` configuration (stemming) for the Russian texts and `simple` for Kazakh and
//! English, titles weighted above descriptions, and a GIN index; plus a trigram index on the
//! titles (`pg_trgm`, where the server has it) for words typed with a mistake; both indexes
//! hold only the offerings the catalogue shows (`listed`). Both sides fold ё to е, as people
//! type it.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COLUMNS: &str = "title_kk, title_ru, title_en, description_kk, description_ru, description_en";

fn folded(prefix: &str) -> String {
    COLUMNS
        .split(", ")
        .map(|c| format!("replace(replace({prefix}{c}, 'ё', 'е'), 'Ё', 'Е')"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn sqlite_up() -> Vec<String> {
    vec![
        format!(
            "CREATE VIRTUAL TABLE offerings_fts USING fts5({COLUMNS}, content='', contentless_delete=1, \
             tokenize='unicode61 remove_diacritics 2')"
        ),
        format!(
            "CREATE TRIGGER offerings_fts_ai AFTER INSERT ON offerings BEGIN \
             INSERT INTO offerings_fts (rowid, {COLUMNS}) VALUES (new.id, {}); END",
            folded("new.")
        ),
        format!(
            "CREATE TRIGGER offerings_fts_au AFTER UPDATE OF {COLUMNS} ON offerings BEGIN \
             DELETE FROM offerings_fts WHERE rowid = old.id; \
             INSERT INTO offerings_fts (rowid, {COLUMNS}) VALUES (new.id, {}); END",
            folded("new.")
        ),
        "CREATE TRIGGER offerings_fts_ad AFTER DELETE ON offerings BEGIN \
             DELETE FROM offerings_fts WHERE rowid = old.id; END"
            .to_owned(),
        format!("INSERT INTO offerings_fts (rowid, {COLUMNS}) SELECT id, {} FROM offerings", folded("")),
    ]
}

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS offerings_fts_ad",
    "DROP TRIGGER IF EXISTS offerings_fts_au",
    "DROP TRIGGER IF EXISTS offerings_fts_ai",
    "DROP TABLE IF EXISTS offerings_fts",
];

const POSTGRES_UP: &[&str] = &[
    "ALTER TABLE offerings ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (\
       setweight(to_tsvector('russian'::regconfig, coalesce(title_ru, '')), 'A') || \
       setweight(to_tsvector('simple'::regconfig, translate(coalesce(title_kk, ''), 'ёЁ', 'еЕ')), 'A') || \
       setweight(to_tsvector('simple'::regconfig, translate(coalesce(title_en, ''), 'ёЁ', 'еЕ')), 'A') || \
       setweight(to_tsvector('russian'::regconfig, coalesce(description_ru, '')), 'B') || \
       setweight(to_tsvector('simple'::regconfig, translate(coalesce(description_kk, ''), 'ёЁ', 'еЕ')), 'B') || \
       setweight(to_tsvector('simple'::regconfig, translate(coalesce(description_en, ''), 'ёЁ', 'еЕ')), 'B')\
     ) STORED",
    // Only what the catalogue shows is searched, so the index holds only that.
    "CREATE INDEX ix_offerings_search ON offerings USING gin (search_doc) WHERE listed",
    // Trigram matching is optional: a server without the extension still searches words.
    "DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; \
     EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm is not available; words typed with a mistake will find nothing'; END $$",
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN \
       EXECUTE 'CREATE INDEX ix_offerings_title_trgm ON offerings USING gin \
         ((lower(title_kk || '' '' || title_ru || '' '' || coalesce(title_en, ''''))) gin_trgm_ops) WHERE listed'; \
     END IF; END $$",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS ix_offerings_title_trgm",
    "DROP INDEX IF EXISTS ix_offerings_search",
    "ALTER TABLE offerings DROP COLUMN IF EXISTS search_doc",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let statements: Vec<String> = match m.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => sqlite_up(),
            _ => POSTGRES_UP.iter().map(|s| (*s).to_owned()).collect(),
        };
        for sql in statements {
            m.get_connection().execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let statements = match m.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => SQLITE_DOWN,
            _ => POSTGRES_DOWN,
        };
        for sql in statements {
            m.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
