//! The provision dashboard's figures, kept per period in `provision_summaries`.
//!
//! A period's figures are computed once, in one pass over its entitlements: the database
//! joins each entitlement with its orders and reduces them to four facts (ordered in time,
//! first delivery, paid in the period, overdue now), sorted by person, and the pass totals
//! them per group — every region and category, each region, each category, each region and
//! category — holding only the groups in memory, never the rows. The dashboard then reads a
//! hundred summary rows by key, whatever the size of the country.
//!
//! Triggers record the validity range of every entitlement a change touches in
//! `provision_changes` (see the `create_summaries` migration). [`catch_up`], run by a job every
//! few seconds, marks the periods those ranges overlap stale and computes them again, and
//! refreshes any period older than [`MAX_AGE`] (overdue orders become overdue with time alone).
//! A period nobody has read for [`KEEP_UNREAD`] is forgotten and computed afresh when asked.
use super::provision::{Counts, Period, DELIVERED, DROPPED};
use crate::db::begin_write;
use crate::entities::{provision_periods, provision_summaries};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use futures::TryStreamExt;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, Statement,
    StreamTrait, Value,
};
use std::collections::{BTreeMap, HashMap};

/// How old a period's figures may grow before the job computes them again.
pub const MAX_AGE: Duration = Duration::minutes(10);
/// How long a period nobody reads is kept up to date.
pub const KEEP_UNREAD: Duration = Duration::days(7);
/// How often the job runs.
pub const INTERVAL: std::time::Duration = std::time::Duration::from_secs(15);

/// A group's key: region code (`-` unknown, empty for all) and category id (0 for all).
pub type Group = (String, i32);

/// A statement with placeholders in the backend's style.
struct Sql {
    backend: DatabaseBackend,
    values: Vec<Value>,
}

impl Sql {
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.values.push(v.into());
        match self.backend {
            DatabaseBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        }
    }
}

fn list(codes: &[&str]) -> String {
    codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

/// The per-entitlement facts of a period, sorted by person.
fn facts_statement(backend: DatabaseBackend, period: Period, now: DateTime<Utc>) -> Statement {
    let mut q = Sql { backend, values: Vec::new() };
    let (start, end) = (period.start(), period.end());
    let delivered = list(&DELIVERED);
    let dropped = list(&DROPPED);
    let sql = format!(
        "SELECT e.recipient_id AS recipient_id, r.region_code AS region_code, it.category_id AS category_id, e.valid_from AS valid_from, \
         MAX(CASE WHEN o.status NOT IN ({dropped}) AND o.created_at < {end1} THEN 1 ELSE 0 END) AS ordered, \
         MIN(CASE WHEN o.status IN ({delivered}) AND o.delivered_at < {end2} THEN o.delivered_at END) AS first_delivered, \
         CAST(SUM(CASE WHEN o.status IN ({delivered}) AND o.delivered_at >= {start1} AND o.delivered_at < {end3} \
             THEN o.state_share_tiyn ELSE 0 END) AS BIGINT) AS paid, \
         CAST(SUM(CASE WHEN o.created_at >= {start2} AND o.created_at < {end4} AND \
             ((o.status = 'placed' AND o.accept_by < {now1}) OR \
              (o.status IN ('accepted', 'scheduled', 'in_delivery') AND o.deliver_by < {now2})) THEN 1 ELSE 0 END) AS BIGINT) AS overdue \
         FROM entitlements e \
         JOIN recipients r ON r.id = e.recipient_id \
         JOIN item_types it ON it.id = e.item_type_id \
         LEFT JOIN orders o ON o.entitlement_id = e.id \
         WHERE e.valid_from <= {to} AND e.valid_to >= {from} \
         GROUP BY e.id, e.recipient_id, r.region_code, it.category_id, e.valid_from \
         ORDER BY e.recipient_id",
        end1 = q.bind(end),
        end2 = q.bind(end),
        start1 = q.bind(start),
        end3 = q.bind(end),
        start2 = q.bind(start),
        end4 = q.bind(end),
        now1 = q.bind(now),
        now2 = q.bind(now),
        to = q.bind(period.to),
        from = q.bind(period.from),
    );
    Statement::from_sql_and_values(backend, sql, q.values)
}

/// One group's running totals.
#[derive(Default)]
struct Tally {
    counts: Counts,
    days: BTreeMap<i64, u64>,
    last_person: Option<i32>,
    last_provided: Option<i32>,
}

impl Tally {
    fn add(&mut self, person: i32, ordered: bool, days: Option<i64>, paid: i64, overdue: i64) {
        let c = &mut self.counts;
        c.entitlements += 1;
        if self.last_person != Some(person) {
            self.last_person = Some(person);
            c.people_entitled += 1;
        }
        if ordered {
            c.ordered += 1;
        }
        if let Some(d) = days {
            c.delivered += 1;
            *self.days.entry(d).or_default() += 1;
            if self.last_provided != Some(person) {
                self.last_provided = Some(person);
                c.people_provided += 1;
            }
        }
        c.state_paid_tiyn += paid;
        c.overdue += u64::try_from(overdue).unwrap_or(0);
    }

    fn finish(mut self) -> Counts {
        self.counts.median_days_x2 = median_x2(&self.days);
        self.counts
    }
}

/// Twice the median of a histogram (value → how many times).
fn median_x2(days: &BTreeMap<i64, u64>) -> Option<i64> {
    let n: u64 = days.values().sum();
    if n == 0 {
        return None;
    }
    let nth = |k: u64| {
        let mut seen = 0;
        for (d, c) in days {
            seen += c;
            if seen > k {
                return *d;
            }
        }
        0
    };
    Some(if n % 2 == 1 { 2 * nth(n / 2) } else { nth(n / 2 - 1) + nth(n / 2) })
}

/// A period's figures for every group, computed from the raw rows in one streamed pass.
pub async fn aggregate<C: ConnectionTrait + StreamTrait>(
    db: &C,
    period: Period,
    now: DateTime<Utc>,
) -> Result<HashMap<Group, Counts>, DbErr> {
    let mut tallies: HashMap<Group, Tally> = HashMap::new();
    let backend = ConnectionTrait::get_database_backend(db);
    let mut rows = std::pin::pin!(db.stream_raw(facts_statement(backend, period, now)).await?);
    while let Some(row) = rows.try_next().await? {
        let person: i32 = row.try_get("", "recipient_id")?;
        let region: Option<String> = row.try_get("", "region_code")?;
        let category: i32 = row.try_get("", "category_id")?;
        let valid_from: NaiveDate = row.try_get("", "valid_from")?;
        let ordered: i32 = row.try_get("", "ordered")?;
        let first: Option<DateTime<Utc>> = row.try_get("", "first_delivered")?;
        let paid: i64 = row.try_get("", "paid")?;
        let overdue: i64 = row.try_get("", "overdue")?;
        let days = first.map(|d| (d.date_naive() - valid_from).num_days().max(0));
        let region = region.unwrap_or_else(|| "-".into());
        for key in [(String::new(), 0), (region.clone(), 0), (String::new(), category), (region.clone(), category)] {
            tallies.entry(key).or_default().add(person, ordered != 0, days, paid, overdue);
        }
    }
    Ok(tallies.into_iter().map(|(k, t)| (k, t.finish())).collect())
}

fn counts_of(m: &provision_summaries::Model) -> Counts {
    let u = |v: i64| u64::try_from(v).unwrap_or(0);
    Counts {
        people_entitled: u(m.people_entitled),
        entitlements: u(m.entitlements),
        ordered: u(m.ordered),
        delivered: u(m.delivered),
        people_provided: u(m.people_provided),
        median_days_x2: m.median_days_x2,
        overdue: u(m.overdue),
        state_paid_tiyn: m.state_paid_tiyn,
    }
}

fn model_of(period: Period, (region, category): &Group, c: &Counts) -> provision_summaries::ActiveModel {
    let i = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
    provision_summaries::ActiveModel {
        period_from: Set(period.from),
        period_to: Set(period.to),
        region_code: Set(region.clone()),
        category_id: Set(*category),
        people_entitled: Set(i(c.people_entitled)),
        entitlements: Set(i(c.entitlements)),
        ordered: Set(i(c.ordered)),
        delivered: Set(i(c.delivered)),
        people_provided: Set(i(c.people_provided)),
        median_days_x2: Set(c.median_days_x2),
        overdue: Set(i(c.overdue)),
        state_paid_tiyn: Set(c.state_paid_tiyn),
    }
}

/// Computes a period's figures (reading `source`, a replica or the database) and stores them
/// in the database, replacing what was there.
pub async fn rebuild(
    db: &DatabaseConnection,
    source: &DatabaseConnection,
    period: Period,
    now: DateTime<Utc>,
) -> Result<HashMap<Group, Counts>, DbErr> {
    let figures = aggregate(source, period, now).await?;
    let txn = begin_write(db).await?;
    // The period's row first: a second computation of the same period waits here.
    provision_periods::Entity::insert(provision_periods::ActiveModel {
        period_from: Set(period.from),
        period_to: Set(period.to),
        computed_at: Set(now),
        read_at: Set(now),
        stale: Set(false),
    })
    .on_conflict(
        OnConflict::columns([provision_periods::Column::PeriodFrom, provision_periods::Column::PeriodTo])
            .update_columns([provision_periods::Column::ComputedAt, provision_periods::Column::Stale])
            .to_owned(),
    )
    .exec(&txn)
    .await?;
    provision_summaries::Entity::delete_many()
        .filter(provision_summaries::Column::PeriodFrom.eq(period.from))
        .filter(provision_summaries::Column::PeriodTo.eq(period.to))
        .exec(&txn)
        .await?;
    let models: Vec<provision_summaries::ActiveModel> = figures.iter().map(|(g, c)| model_of(period, g, c)).collect();
    for chunk in models.chunks(200) {
        provision_summaries::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(figures)
}

/// A period's figures and when they were computed: from the summary, or computed now when
/// the period has never been asked for (reading `source`, a replica or the database).
pub async fn figures(
    db: &DatabaseConnection,
    source: &DatabaseConnection,
    period: Period,
    now: DateTime<Utc>,
) -> Result<(HashMap<Group, Counts>, DateTime<Utc>), DbErr> {
    let known = provision_periods::Entity::find_by_id((period.from, period.to)).one(db).await?;
    let Some(known) = known else {
        return Ok((rebuild(db, source, period, now).await?, now));
    };
    if known.read_at < now - Duration::hours(1) {
        provision_periods::Entity::update_many()
            .col_expr(provision_periods::Column::ReadAt, sea_orm::sea_query::Expr::value(now))
            .filter(provision_periods::Column::PeriodFrom.eq(period.from))
            .filter(provision_periods::Column::PeriodTo.eq(period.to))
            .exec(db)
            .await?;
    }
    let rows = summary_rows(period).all(db).await?;
    Ok((rows.iter().map(|m| ((m.region_code.clone(), m.category_id), counts_of(m))).collect(), known.computed_at))
}

/// The summary rows of a period: what the dashboard reads on every request.
pub fn summary_rows(period: Period) -> sea_orm::Select<provision_summaries::Entity> {
    provision_summaries::Entity::find()
        .filter(provision_summaries::Column::PeriodFrom.eq(period.from))
        .filter(provision_summaries::Column::PeriodTo.eq(period.to))
}

/// Computes the dashboard's default period (this year) at start-up when it has never been
/// computed, so that the first person to open the dashboard does not wait for it. Of several
/// instances starting together, the one holding the job's lease computes.
pub async fn warm(
    db: &DatabaseConnection,
    source: &DatabaseConnection,
    holder: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let period = super::provision::period("", "", now.date_naive()).map_err(|e| DbErr::Custom(format!("{e:?}")))?;
    if provision_periods::Entity::find_by_id((period.from, period.to)).one(db).await?.is_some()
        || !lease(db, holder, now).await?
    {
        return Ok(false);
    }
    let built = rebuild(db, source, period, now).await.map(|_| true);
    release(db, holder).await?;
    built
}

/// Takes the job's lease for a while, so that of several instances one computes at a time.
async fn lease(db: &DatabaseConnection, holder: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let backend = db.get_database_backend();
    let until = now + Duration::minutes(5);
    let mut q = Sql { backend, values: Vec::new() };
    let sql = format!(
        "UPDATE summary_leases SET holder = {h}, until = {u} WHERE name = 'provision' AND (until < {n} OR holder = {h2})",
        h = q.bind(holder),
        u = q.bind(until),
        n = q.bind(now),
        h2 = q.bind(holder)
    );
    if db.execute_raw(Statement::from_sql_and_values(backend, sql, q.values)).await?.rows_affected() == 1 {
        return Ok(true);
    }
    let mut q = Sql { backend, values: Vec::new() };
    let sql = format!(
        "INSERT INTO summary_leases (name, holder, until) VALUES ('provision', {h}, {u}) ON CONFLICT (name) DO NOTHING",
        h = q.bind(holder),
        u = q.bind(until)
    );
    Ok(db.execute_raw(Statement::from_sql_and_values(backend, sql, q.values)).await?.rows_affected() == 1)
}

/// Gives the lease back at the end of a round.
async fn release(db: &DatabaseConnection, holder: &str) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let mut q = Sql { backend, values: Vec::new() };
    let sql = format!("DELETE FROM summary_leases WHERE name = 'provision' AND holder = {h}", h = q.bind(holder));
    db.execute_raw(Statement::from_sql_and_values(backend, sql, q.values)).await.map(|_| ())
}

/// One round of the job: marks the periods recent changes touched stale, forgets periods
/// nobody reads, and computes again every stale or old period. Returns how many it computed,
/// or `None` when another instance is running a round.
pub async fn catch_up(
    db: &DatabaseConnection,
    source: &DatabaseConnection,
    holder: &str,
    now: DateTime<Utc>,
) -> Result<Option<usize>, DbErr> {
    if !lease(db, holder, now).await? {
        return Ok(None);
    }
    let round = round(db, source, now).await;
    release(db, holder).await?;
    round.map(Some)
}

async fn round(db: &DatabaseConnection, source: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let backend = db.get_database_backend();
    let txn = begin_write(db).await?;
    let newest: Option<i64> = txn
        .query_one_raw(Statement::from_string(backend, "SELECT MAX(id) AS id FROM provision_changes"))
        .await?
        .map(|r| r.try_get::<Option<i64>>("", "id"))
        .transpose()?
        .flatten();
    if let Some(newest) = newest {
        let mut q = Sql { backend, values: Vec::new() };
        let sql = format!(
            "UPDATE provision_periods SET stale = TRUE WHERE stale = FALSE AND EXISTS (SELECT 1 FROM provision_changes c \
             WHERE c.id <= {id} AND c.day_from <= provision_periods.period_to AND c.day_to >= provision_periods.period_from)",
            id = q.bind(newest)
        );
        txn.execute_raw(Statement::from_sql_and_values(backend, sql, q.values)).await?;
        let mut q = Sql { backend, values: Vec::new() };
        let sql = format!("DELETE FROM provision_changes WHERE id <= {id}", id = q.bind(newest));
        txn.execute_raw(Statement::from_sql_and_values(backend, sql, q.values)).await?;
    }
    let forgotten = now - KEEP_UNREAD;
    let mut q = Sql { backend, values: Vec::new() };
    let sql = format!(
        "DELETE FROM provision_summaries WHERE EXISTS (SELECT 1 FROM provision_periods p WHERE p.read_at < {t} \
         AND p.period_from = provision_summaries.period_from AND p.period_to = provision_summaries.period_to)",
        t = q.bind(forgotten)
    );
    txn.execute_raw(Statement::from_sql_and_values(backend, sql, q.values)).await?;
    provision_periods::Entity::delete_many().filter(provision_periods::Column::ReadAt.lt(forgotten)).exec(&txn).await?;
    let due: Vec<provision_periods::Model> = provision_periods::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(provision_periods::Column::Stale.eq(true))
                .add(provision_periods::Column::ComputedAt.lt(now - MAX_AGE)),
        )
        .all(&txn)
        .await?;
    txn.commit().await?;
    let mut due = due;
    due.sort_by_key(|p| std::cmp::Reverse(p.read_at));
    for p in &due {
        rebuild(db, source, Period { from: p.period_from, to: p.period_to }, Utc::now()).await?;
    }
    Ok(due.len())
}

/// Runs [`catch_up`] every [`INTERVAL`] for as long as the process lives, after [`warm`] when
/// `warm_first` (the served portal; test servers leave the summaries to their tests).
pub fn spawn_job(db: DatabaseConnection, source: DatabaseConnection, warm_first: bool) {
    let holder = uuid::Uuid::new_v4().simple().to_string();
    tokio::spawn(async move {
        if warm_first {
            let started = std::time::Instant::now();
            match warm(&db, &source, &holder, Utc::now()).await {
                Ok(true) => {
                    tracing::info!(seconds = started.elapsed().as_secs_f64(), "provision summaries: this year computed")
                }
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "provision summaries: this year could not be computed at start-up; the dashboard computes it when asked")
                }
            }
        }
        let mut tick = tokio::time::interval(INTERVAL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = catch_up(&db, &source, &holder, Utc::now()).await {
                tracing::warn!(error = %e, "provision summaries: a round failed; the next one tries again");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_a_histogram_is_exact() {
        let h = |pairs: &[(i64, u64)]| pairs.iter().copied().collect::<BTreeMap<i64, u64>>();
        assert_eq!(median_x2(&h(&[])), None);
        assert_eq!(median_x2(&h(&[(7, 1)])), Some(14));
        assert_eq!(median_x2(&h(&[(20, 1), (50, 1)])), Some(70));
        assert_eq!(median_x2(&h(&[(1, 2), (9, 1)])), Some(2));
        assert_eq!(median_x2(&h(&[(1, 2), (9, 2)])), Some(10));
    }
}
