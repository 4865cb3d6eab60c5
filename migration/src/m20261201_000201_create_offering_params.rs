//! Item-type parameters become rows the catalogue can filter on: `offering_params` holds
//! one row per offering and parameter key, with the value as a number or as text. The
//! offering's `params` JSON stays the record; the rows are derived from it by a database
//! trigger, so every writer (the supplier's form, the CSV import, seed data, staff tools)
//! keeps them right in the same transaction without knowing they exist.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CREATE: &str = "CREATE TABLE offering_params (\
     offering_id INTEGER NOT NULL REFERENCES offerings(id) ON DELETE CASCADE, \
     key TEXT NOT NULL, num_value BIGINT NULL, text_value TEXT NULL, \
     PRIMARY KEY (offering_id, key))";

// A filter on one parameter can start from the parameter's values as well as from the offering.
const INDEX_TEXT: &str = "CREATE INDEX ix_offering_params_text ON offering_params (key, text_value, offering_id)";
const INDEX_NUM: &str = "CREATE INDEX ix_offering_params_num ON offering_params (key, num_value, offering_id)";

/// Whole numbers become `num_value`, strings `text_value`; anything else is not filterable.
const SQLITE_FILL: &str = "SELECT {id}, j.key, \
     CASE WHEN j.type = 'integer' THEN j.value END, \
     CASE WHEN j.type = 'text' THEN j.value END \
     FROM json_each(CASE WHEN json_valid({params}) AND json_type({params}) = 'object' THEN {params} ELSE '{}' END) j \
     WHERE j.type IN ('integer', 'text')";

fn sqlite_up() -> Vec<String> {
    let fill = |id: &str, params: &str| SQLITE_FILL.replace("{id}", id).replace("{params}", params);
    vec![
        CREATE.to_owned(),
        INDEX_TEXT.to_owned(),
        INDEX_NUM.to_owned(),
        format!(
            "CREATE TRIGGER offering_params_ai AFTER INSERT ON offerings BEGIN \
             INSERT OR IGNORE INTO offering_params (offering_id, key, num_value, text_value) {}; END",
            fill("new.id", "new.params")
        ),
        format!(
            "CREATE TRIGGER offering_params_au AFTER UPDATE OF params ON offerings BEGIN \
             DELETE FROM offering_params WHERE offering_id = old.id; \
             INSERT OR IGNORE INTO offering_params (offering_id, key, num_value, text_value) {}; END",
            fill("new.id", "new.params")
        ),
        format!("INSERT OR IGNORE INTO offering_params (offering_id, key, num_value, text_value) SELECT o.id, j.key, \
             CASE WHEN j.type = 'integer' THEN j.value END, CASE WHEN j.type = 'text' THEN j.value END \
             FROM offerings o, json_each(CASE WHEN json_valid(o.params) AND json_type(o.params) = 'object' THEN o.params ELSE '{{}}' END) j \
             WHERE j.type IN ('integer', 'text')"),
    ]
}

const POSTGRES_UP: &[&str] = &[
    CREATE,
    INDEX_TEXT,
    INDEX_NUM,
    // A number is kept only when it is a whole number that fits; the text of the JSON value
    // is checked before the cast so no stored offering can make the trigger fail.
    "CREATE OR REPLACE FUNCTION offering_params_sync() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN \
       IF TG_OP = 'UPDATE' THEN DELETE FROM offering_params WHERE offering_id = OLD.id; END IF; \
       IF json_typeof(NEW.params) = 'object' THEN \
         INSERT INTO offering_params (offering_id, key, num_value, text_value) \
         SELECT NEW.id, e.key, \
           CASE WHEN json_typeof(e.value) = 'number' AND e.value::text ~ '^-?[0-9]{1,18}$' THEN e.value::text::bigint END, \
           CASE WHEN json_typeof(e.value) = 'string' THEN e.value #>> '{}' END \
         FROM json_each(NEW.params) e \
         WHERE json_typeof(e.value) = 'string' OR (json_typeof(e.value) = 'number' AND e.value::text ~ '^-?[0-9]{1,18}$') \
         ON CONFLICT DO NOTHING; \
       END IF; \
       RETURN NULL; \
     END; $$",
    "CREATE TRIGGER offering_params_sync AFTER INSERT OR UPDATE OF params ON offerings \
     FOR EACH ROW EXECUTE FUNCTION offering_params_sync()",
    "INSERT INTO offering_params (offering_id, key, num_value, text_value) \
     SELECT o.id, e.key, \
       CASE WHEN json_typeof(e.value) = 'number' AND e.value::text ~ '^-?[0-9]{1,18}$' THEN e.value::text::bigint END, \
       CASE WHEN json_typeof(e.value) = 'string' THEN e.value #>> '{}' END \
     FROM offerings o, json_each(CASE WHEN json_typeof(o.params) = 'object' THEN o.params ELSE '{}'::json END) e \
     WHERE json_typeof(e.value) = 'string' OR (json_typeof(e.value) = 'number' AND e.value::text ~ '^-?[0-9]{1,18}$') \
     ON CONFLICT DO NOTHING",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS offering_params_au",
    "DROP TRIGGER IF EXISTS offering_params_ai",
    "DROP TABLE IF EXISTS offering_params",
];

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS offering_params_sync ON offerings",
    "DROP FUNCTION IF EXISTS offering_params_sync()",
    "DROP TABLE IF EXISTS offering_params",
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
