//! What the catalogue shows is a published offering of an approved supplier. That rule spans
//! two tables, so counting or sorting 100,000 offerings by it meant a join for every row.
//! `offerings.listed` keeps its value on the offering itself, maintained by triggers whenever
//! an offering's status or supplier changes and whenever a supplier's status changes, in the
//! same transaction; the catalogue's indexes start with it, so a page and its count are read
//! from one index range. On PostgreSQL the offering's trigger takes a share lock on the
//! supplier's row, so a supplier suspended at the same moment an offering is published can
//! never leave that offering listed.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const RULE_NEW: &str = "new.status = 'published' AND EXISTS (SELECT 1 FROM suppliers s WHERE s.id = new.supplier_id AND s.status = 'approved')";

const INDEXES: &[&str] = &[
    "CREATE INDEX ix_offerings_listed_price ON offerings (listed, price_tiyn, id)",
    "CREATE INDEX ix_offerings_listed_type_price ON offerings (listed, item_type_id, price_tiyn, id)",
    "CREATE INDEX ix_offerings_listed_rating ON offerings (listed, rating_avg_x100 DESC, review_count DESC, id)",
    "CREATE INDEX ix_offerings_listed_lead ON offerings (listed, lead_time_days, price_tiyn, id)",
];

const DROP_INDEXES: &[&str] = &[
    "DROP INDEX IF EXISTS ix_offerings_listed_lead",
    "DROP INDEX IF EXISTS ix_offerings_listed_rating",
    "DROP INDEX IF EXISTS ix_offerings_listed_type_price",
    "DROP INDEX IF EXISTS ix_offerings_listed_price",
];

const FILL: &str = "UPDATE offerings SET listed = (status = 'published' AND EXISTS \
     (SELECT 1 FROM suppliers s WHERE s.id = offerings.supplier_id AND s.status = 'approved'))";

fn sqlite_up() -> Vec<String> {
    let mut v = vec![
        "ALTER TABLE offerings ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE".to_owned(),
        FILL.to_owned(),
        format!("CREATE TRIGGER offerings_listed_ai AFTER INSERT ON offerings BEGIN \
             UPDATE offerings SET listed = ({RULE_NEW}) WHERE id = new.id; END"),
        format!("CREATE TRIGGER offerings_listed_au AFTER UPDATE OF status, supplier_id ON offerings BEGIN \
             UPDATE offerings SET listed = ({RULE_NEW}) WHERE id = new.id; END"),
        "CREATE TRIGGER suppliers_listed_au AFTER UPDATE OF status ON suppliers BEGIN \
             UPDATE offerings SET listed = (status = 'published' AND new.status = 'approved') WHERE supplier_id = new.id; END"
            .to_owned(),
    ];
    v.extend(INDEXES.iter().map(|s| (*s).to_owned()));
    v
}

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS suppliers_listed_au",
    "DROP TRIGGER IF EXISTS offerings_listed_au",
    "DROP TRIGGER IF EXISTS offerings_listed_ai",
];

fn postgres_up() -> Vec<String> {
    let mut v = vec![
        "ALTER TABLE offerings ADD COLUMN listed BOOLEAN NOT NULL DEFAULT FALSE".to_owned(),
        FILL.to_owned(),
        "CREATE OR REPLACE FUNCTION offerings_listed() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           NEW.listed := NEW.status = 'published' AND EXISTS \
             (SELECT 1 FROM suppliers s WHERE s.id = NEW.supplier_id AND s.status = 'approved' FOR SHARE); \
           RETURN NEW; \
         END; $$"
            .to_owned(),
        "CREATE TRIGGER offerings_listed BEFORE INSERT OR UPDATE OF status, supplier_id ON offerings \
         FOR EACH ROW EXECUTE FUNCTION offerings_listed()"
            .to_owned(),
        "CREATE OR REPLACE FUNCTION suppliers_listed() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           UPDATE offerings SET listed = (status = 'published' AND NEW.status = 'approved') \
             WHERE supplier_id = NEW.id AND listed IS DISTINCT FROM (status = 'published' AND NEW.status = 'approved'); \
           RETURN NULL; \
         END; $$"
            .to_owned(),
        "CREATE TRIGGER suppliers_listed AFTER UPDATE OF status ON suppliers \
         FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION suppliers_listed()"
            .to_owned(),
    ];
    v.extend(INDEXES.iter().map(|s| (*s).to_owned()));
    v
}

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS suppliers_listed ON suppliers",
    "DROP FUNCTION IF EXISTS suppliers_listed()",
    "DROP TRIGGER IF EXISTS offerings_listed ON offerings",
    "DROP FUNCTION IF EXISTS offerings_listed()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let statements = match m.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => sqlite_up(),
            _ => postgres_up(),
        };
        for sql in statements {
            m.get_connection().execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let triggers = match m.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => SQLITE_DOWN,
            _ => POSTGRES_DOWN,
        };
        for sql in triggers.iter().chain(DROP_INDEXES) {
            m.get_connection().execute_unprepared(sql).await?;
        }
        m.get_connection().execute_unprepared("ALTER TABLE offerings DROP COLUMN listed").await?;
        Ok(())
    }
}
