//! Summaries the dashboards read instead of raw orders.
//!
//! `supplier_scores` holds each supplier's scorecard counters (delivered, on time, complaints),
//! changed by triggers in the same transaction as the order or complaint, by the difference
//! the row makes: an order delivered adds one, the same order returned takes it back.
//!
//! The provision dashboard counts distinct people over any period, which no additive counter
//! can answer; its figures are kept per period in `provision_summaries` and recomputed by a
//! job. Triggers on orders, entitlements, recipients and item types write the validity range
//! of every entitlement a change touches into `provision_changes`, in the same transaction as
//! the change; the job marks the periods that overlap a changed range stale and recomputes
//! them, so a period no change touched is never recomputed and a stale one never survives a
//! round of the job.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The scorecard columns and what one order adds to each (`{r}` is `NEW` or `OLD`).
const SCORE_COLUMNS: &[(&str, &str)] = &[
    ("delivered", "{r}.delivered_at IS NOT NULL AND {r}.status <> 'returned'"),
    ("on_time", "{r}.delivered_at IS NOT NULL AND {r}.status <> 'returned' AND ({r}.deliver_by IS NULL OR {r}.delivered_at <= {r}.deliver_by)"),
    ("delivered_any", "{r}.delivered_at IS NOT NULL"),
    ("with_deadline", "{r}.delivered_at IS NOT NULL AND {r}.deliver_by IS NOT NULL"),
    ("met_deadline", "{r}.delivered_at IS NOT NULL AND {r}.deliver_by IS NOT NULL AND {r}.delivered_at <= {r}.deliver_by"),
];

/// What the orders columns the scorecard reads are called in a trigger's `UPDATE OF`.
const SCORE_INPUTS: &str = "status, delivered_at, deliver_by, supplier_id";

/// An upsert adding (`sign` 1) or taking back (`sign` -1) one order's part of the scorecard.
fn score_upsert(row: &str, sign: i32) -> String {
    let names: Vec<&str> = SCORE_COLUMNS.iter().map(|(n, _)| *n).collect();
    let values: Vec<String> = SCORE_COLUMNS
        .iter()
        .map(|(_, cond)| format!("{sign} * (CASE WHEN {} THEN 1 ELSE 0 END)", cond.replace("{r}", row)))
        .collect();
    let sets: Vec<String> = names.iter().map(|n| format!("{n} = supplier_scores.{n} + excluded.{n}")).collect();
    format!(
        "INSERT INTO supplier_scores (supplier_id, {}, complaints) VALUES ({row}.supplier_id, {}, 0) \
         ON CONFLICT (supplier_id) DO UPDATE SET {}",
        names.join(", "),
        values.join(", "),
        sets.join(", ")
    )
}

fn complaint_upsert(row: &str, sign: i32) -> String {
    let names: Vec<&str> = SCORE_COLUMNS.iter().map(|(n, _)| *n).collect();
    let zeros = vec!["0"; names.len()].join(", ");
    format!(
        "INSERT INTO supplier_scores (supplier_id, {}, complaints) VALUES ({row}.supplier_id, {zeros}, {sign}) \
         ON CONFLICT (supplier_id) DO UPDATE SET complaints = supplier_scores.complaints + excluded.complaints",
        names.join(", ")
    )
}

fn score_fill() -> Vec<String> {
    let names: Vec<&str> = SCORE_COLUMNS.iter().map(|(n, _)| *n).collect();
    let sums: Vec<String> = SCORE_COLUMNS
        .iter()
        .map(|(_, c)| format!("SUM(CASE WHEN {} THEN 1 ELSE 0 END)", c.replace("{r}.", "")))
        .collect();
    vec![
        format!(
            "INSERT INTO supplier_scores (supplier_id, {}, complaints) SELECT supplier_id, {}, 0 FROM orders GROUP BY supplier_id",
            names.join(", "),
            sums.join(", ")
        ),
        "UPDATE supplier_scores SET complaints = (SELECT COUNT(*) FROM complaints c WHERE c.supplier_id = supplier_scores.supplier_id)".to_owned(),
        format!(
            "INSERT INTO supplier_scores (supplier_id, {}, complaints) SELECT supplier_id, {}, COUNT(*) FROM complaints \
             WHERE supplier_id NOT IN (SELECT supplier_id FROM supplier_scores) GROUP BY supplier_id",
            names.join(", "),
            vec!["0"; names.len()].join(", ")
        ),
    ]
}

fn tables(big: &str, serial: &str, date: &str, stamp: &str) -> Vec<String> {
    let counters: Vec<String> = SCORE_COLUMNS.iter().map(|(n, _)| format!("{n} {big} NOT NULL DEFAULT 0")).collect();
    vec![
        format!("CREATE TABLE supplier_scores (supplier_id INTEGER NOT NULL PRIMARY KEY, {}, complaints {big} NOT NULL DEFAULT 0)", counters.join(", ")),
        format!("CREATE TABLE provision_changes (id {serial}, day_from {date} NOT NULL, day_to {date} NOT NULL)"),
        format!(
            "CREATE TABLE provision_periods (period_from {date} NOT NULL, period_to {date} NOT NULL, computed_at {stamp} NOT NULL, \
             read_at {stamp} NOT NULL, stale BOOLEAN NOT NULL DEFAULT FALSE, PRIMARY KEY (period_from, period_to))"
        ),
        format!(
            "CREATE TABLE provision_summaries (period_from {date} NOT NULL, period_to {date} NOT NULL, region_code VARCHAR(8) NOT NULL, \
             category_id INTEGER NOT NULL, people_entitled {big} NOT NULL, entitlements {big} NOT NULL, ordered {big} NOT NULL, \
             delivered {big} NOT NULL, people_provided {big} NOT NULL, median_days_x2 {big}, overdue {big} NOT NULL, \
             state_paid_tiyn {big} NOT NULL, PRIMARY KEY (period_from, period_to, region_code, category_id))"
        ),
        format!("CREATE TABLE summary_leases (name VARCHAR(32) NOT NULL PRIMARY KEY, holder VARCHAR(64) NOT NULL, until {stamp} NOT NULL)"),
        // The offering page counted a supplier's record from this index; it reads the scores now.
        "DROP INDEX IF EXISTS ix_orders_supplier_delivery".to_owned(),
    ]
}

/// The validity range of an order's entitlement, as a change.
fn order_change(row: &str) -> String {
    format!("INSERT INTO provision_changes (day_from, day_to) SELECT valid_from, valid_to FROM entitlements WHERE id = {row}.entitlement_id")
}

const ORDER_INPUTS: &str = "status, created_at, delivered_at, accept_by, deliver_by, state_share_tiyn, entitlement_id";
const ENTITLEMENT_INPUTS: &str = "valid_from, valid_to, recipient_id, item_type_id";
const EVERY_PERIOD: &str = "INSERT INTO provision_changes (day_from, day_to) VALUES ('0001-01-01', '9999-12-31')";
const RECIPIENT_CHANGE: &str = "INSERT INTO provision_changes (day_from, day_to) \
     SELECT MIN(valid_from), MAX(valid_to) FROM entitlements WHERE recipient_id = NEW.id HAVING COUNT(*) > 0";

fn sqlite_up() -> Vec<String> {
    let mut v = tables("INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT", "TEXT");
    v.extend(score_fill());
    v.extend([
        format!("CREATE TRIGGER orders_scores_ai AFTER INSERT ON orders BEGIN {}; END", score_upsert("NEW", 1)),
        format!("CREATE TRIGGER orders_scores_au AFTER UPDATE OF {SCORE_INPUTS} ON orders BEGIN {}; {}; END", score_upsert("OLD", -1), score_upsert("NEW", 1)),
        format!("CREATE TRIGGER orders_scores_ad AFTER DELETE ON orders BEGIN {}; END", score_upsert("OLD", -1)),
        format!("CREATE TRIGGER complaints_scores_ai AFTER INSERT ON complaints BEGIN {}; END", complaint_upsert("NEW", 1)),
        format!(
            "CREATE TRIGGER complaints_scores_au AFTER UPDATE OF supplier_id ON complaints BEGIN {}; {}; END",
            complaint_upsert("OLD", -1),
            complaint_upsert("NEW", 1)
        ),
        format!("CREATE TRIGGER complaints_scores_ad AFTER DELETE ON complaints BEGIN {}; END", complaint_upsert("OLD", -1)),
        format!("CREATE TRIGGER orders_provision_ai AFTER INSERT ON orders BEGIN {}; END", order_change("NEW")),
        format!(
            "CREATE TRIGGER orders_provision_au AFTER UPDATE OF {ORDER_INPUTS} ON orders BEGIN {}; {} AND OLD.entitlement_id <> NEW.entitlement_id; END",
            order_change("NEW"),
            order_change("OLD")
        ),
        format!("CREATE TRIGGER orders_provision_ad AFTER DELETE ON orders BEGIN {}; END", order_change("OLD")),
        "CREATE TRIGGER entitlements_provision_ai AFTER INSERT ON entitlements BEGIN \
             INSERT INTO provision_changes (day_from, day_to) VALUES (NEW.valid_from, NEW.valid_to); END"
            .to_owned(),
        format!(
            "CREATE TRIGGER entitlements_provision_au AFTER UPDATE OF {ENTITLEMENT_INPUTS} ON entitlements BEGIN \
             INSERT INTO provision_changes (day_from, day_to) VALUES (OLD.valid_from, OLD.valid_to), (NEW.valid_from, NEW.valid_to); END"
        ),
        "CREATE TRIGGER entitlements_provision_ad AFTER DELETE ON entitlements BEGIN \
             INSERT INTO provision_changes (day_from, day_to) VALUES (OLD.valid_from, OLD.valid_to); END"
            .to_owned(),
        format!(
            "CREATE TRIGGER recipients_provision_au AFTER UPDATE OF region_code ON recipients \
             WHEN OLD.region_code IS NOT NEW.region_code BEGIN {RECIPIENT_CHANGE}; END"
        ),
        format!(
            "CREATE TRIGGER item_types_provision_au AFTER UPDATE OF category_id ON item_types \
             WHEN OLD.category_id <> NEW.category_id BEGIN {EVERY_PERIOD}; END"
        ),
    ]);
    v
}

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS item_types_provision_au",
    "DROP TRIGGER IF EXISTS recipients_provision_au",
    "DROP TRIGGER IF EXISTS entitlements_provision_ad",
    "DROP TRIGGER IF EXISTS entitlements_provision_au",
    "DROP TRIGGER IF EXISTS entitlements_provision_ai",
    "DROP TRIGGER IF EXISTS orders_provision_ad",
    "DROP TRIGGER IF EXISTS orders_provision_au",
    "DROP TRIGGER IF EXISTS orders_provision_ai",
    "DROP TRIGGER IF EXISTS complaints_scores_ad",
    "DROP TRIGGER IF EXISTS complaints_scores_au",
    "DROP TRIGGER IF EXISTS complaints_scores_ai",
    "DROP TRIGGER IF EXISTS orders_scores_ad",
    "DROP TRIGGER IF EXISTS orders_scores_au",
    "DROP TRIGGER IF EXISTS orders_scores_ai",
];

fn plpgsql(name: &str, body: &str) -> String {
    format!(
        "CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END; $$"
    )
}

fn postgres_up() -> Vec<String> {
    let mut v = tables("BIGINT", "BIGSERIAL PRIMARY KEY", "DATE", "TIMESTAMPTZ");
    v.extend(score_fill());
    v.extend([
        plpgsql(
            "orders_scores",
            &format!(
                "IF TG_OP <> 'INSERT' THEN {}; END IF; IF TG_OP <> 'DELETE' THEN {}; END IF;",
                score_upsert("OLD", -1),
                score_upsert("NEW", 1)
            ),
        ),
        format!("CREATE TRIGGER orders_scores AFTER INSERT OR DELETE OR UPDATE OF {SCORE_INPUTS} ON orders FOR EACH ROW EXECUTE FUNCTION orders_scores()"),
        plpgsql(
            "complaints_scores",
            &format!(
                "IF TG_OP <> 'INSERT' THEN {}; END IF; IF TG_OP <> 'DELETE' THEN {}; END IF;",
                complaint_upsert("OLD", -1),
                complaint_upsert("NEW", 1)
            ),
        ),
        "CREATE TRIGGER complaints_scores AFTER INSERT OR DELETE OR UPDATE OF supplier_id ON complaints FOR EACH ROW EXECUTE FUNCTION complaints_scores()"
            .to_owned(),
        plpgsql(
            "orders_provision",
            &format!(
                "IF TG_OP <> 'DELETE' THEN {}; END IF; \
                 IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.entitlement_id <> NEW.entitlement_id) THEN {}; END IF;",
                order_change("NEW"),
                order_change("OLD")
            ),
        ),
        format!("CREATE TRIGGER orders_provision AFTER INSERT OR DELETE OR UPDATE OF {ORDER_INPUTS} ON orders FOR EACH ROW EXECUTE FUNCTION orders_provision()"),
        plpgsql(
            "entitlements_provision",
            "IF TG_OP <> 'INSERT' THEN INSERT INTO provision_changes (day_from, day_to) VALUES (OLD.valid_from, OLD.valid_to); END IF; \
             IF TG_OP <> 'DELETE' THEN INSERT INTO provision_changes (day_from, day_to) VALUES (NEW.valid_from, NEW.valid_to); END IF;",
        ),
        format!(
            "CREATE TRIGGER entitlements_provision AFTER INSERT OR DELETE OR UPDATE OF {ENTITLEMENT_INPUTS} ON entitlements \
             FOR EACH ROW EXECUTE FUNCTION entitlements_provision()"
        ),
        plpgsql("recipients_provision", &format!("{RECIPIENT_CHANGE};")),
        "CREATE TRIGGER recipients_provision AFTER UPDATE OF region_code ON recipients FOR EACH ROW \
         WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code) EXECUTE FUNCTION recipients_provision()"
            .to_owned(),
        plpgsql("item_types_provision", &format!("{EVERY_PERIOD};")),
        "CREATE TRIGGER item_types_provision AFTER UPDATE OF category_id ON item_types FOR EACH ROW \
         WHEN (OLD.category_id <> NEW.category_id) EXECUTE FUNCTION item_types_provision()"
            .to_owned(),
    ]);
    v
}

const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS item_types_provision ON item_types",
    "DROP FUNCTION IF EXISTS item_types_provision()",
    "DROP TRIGGER IF EXISTS recipients_provision ON recipients",
    "DROP FUNCTION IF EXISTS recipients_provision()",
    "DROP TRIGGER IF EXISTS entitlements_provision ON entitlements",
    "DROP FUNCTION IF EXISTS entitlements_provision()",
    "DROP TRIGGER IF EXISTS orders_provision ON orders",
    "DROP FUNCTION IF EXISTS orders_provision()",
    "DROP TRIGGER IF EXISTS complaints_scores ON complaints",
    "DROP FUNCTION IF EXISTS complaints_scores()",
    "DROP TRIGGER IF EXISTS orders_scores ON orders",
    "DROP FUNCTION IF EXISTS orders_scores()",
];

const DROP_TABLES: &[&str] = &[
    "CREATE INDEX ix_orders_supplier_delivery ON orders (supplier_id, delivered_at, deliver_by, status)",
    "DROP TABLE IF EXISTS summary_leases",
    "DROP TABLE IF EXISTS provision_summaries",
    "DROP TABLE IF EXISTS provision_periods",
    "DROP TABLE IF EXISTS provision_changes",
    "DROP TABLE IF EXISTS supplier_scores",
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
        for sql in triggers.iter().chain(DROP_TABLES) {
            m.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }
}
