//! The provision dashboard. For a period: who was entitled (an entitlement valid on some day
//! of it), what was ordered and delivered for those entitlements by the end of the period,
//! the share of entitled people who got something, how long people waited, and which orders
//! are late now. By the region the recipient lives in and by category.
use super::{parse_date, region_names, staff_scope};
use crate::entities::enums::DbOrderStatus;
use crate::entities::{categories, entitlements, item_types, orders, recipients};
use crate::services::{Ctx, OrUnexpected};
use app::domain::{Money, RefusalCode};
use app::dto::ministry::{ProvisionRow, ProvisionView};
use app::error::{AppError, FieldErrors};
use app::ports::{Caller, Provision};
use async_trait::async_trait;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// An entitlement as the dashboard counts it.
#[derive(Debug, Clone)]
pub struct EntitlementFact {
    /// Entitlement id.
    pub id: i32,
    /// Whose.
    pub recipient_id: i32,
    /// Where the recipient lives (`None`: not known yet).
    pub region: Option<String>,
    /// Category of the item type.
    pub category_id: i32,
    /// First valid day.
    pub valid_from: NaiveDate,
}

/// An order as the dashboard counts it.
#[derive(Debug, Clone)]
pub struct OrderFact {
    /// Its entitlement.
    pub entitlement_id: i32,
    /// Where it stands now.
    pub status: DbOrderStatus,
    /// When it was placed.
    pub created_at: DateTime<Utc>,
    /// When it was delivered or rendered.
    pub delivered_at: Option<DateTime<Utc>>,
    /// Deadline to accept.
    pub accept_by: DateTime<Utc>,
    /// Deadline to deliver, once accepted.
    pub deliver_by: Option<DateTime<Utc>>,
    /// What the state pays.
    pub state_share: Money,
}

/// The period, as the first moment and the moment after the last day.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    /// The first moment of the period.
    pub fn start(&self) -> DateTime<Utc> {
        self.from.and_time(NaiveTime::MIN).and_utc()
    }

    /// The moment after the period's last day.
    pub fn end(&self) -> DateTime<Utc> {
        (self.to + Duration::days(1)).and_time(NaiveTime::MIN).and_utc()
    }
}

#[derive(Default)]
struct Acc {
    people: HashSet<i32>,
    provided: HashSet<i32>,
    entitlements: u64,
    ordered: u64,
    delivered: u64,
    days: Vec<i64>,
    overdue: u64,
    paid: i64,
}

/// Order statuses that count as delivered.
pub const DELIVERED: [&str; 3] = ["delivered", "rendered", "confirmed"];
/// Order statuses that never led anywhere.
pub const DROPPED: [&str; 2] = ["rejected", "cancelled"];

/// A group's figures before they become a row of the dashboard.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// People with an entitlement valid in the period.
    pub people_entitled: u64,
    /// Such entitlements.
    pub entitlements: u64,
    /// Of those, ordered by the period's end.
    pub ordered: u64,
    /// Of those, delivered by the period's end.
    pub delivered: u64,
    /// People with at least one of those delivered.
    pub people_provided: u64,
    /// Twice the median number of days from the entitlement to its first delivery.
    pub median_days_x2: Option<i64>,
    /// Orders placed in the period and past a deadline now.
    pub overdue: u64,
    /// What the state paid for deliveries within the period.
    pub state_paid_tiyn: i64,
}

impl Counts {
    /// The dashboard's row.
    pub fn row(&self, code: &str, name: &str) -> ProvisionRow {
        let (entitled, provided) = (self.people_entitled, self.people_provided);
        ProvisionRow {
            code: code.into(),
            name: name.into(),
            people_entitled: entitled,
            entitlements: self.entitlements,
            ordered: self.ordered,
            delivered: self.delivered,
            people_provided: provided,
            // Rounded half up, in tenths of a percent.
            rate_permille: (entitled > 0)
                .then(|| u32::try_from((provided * 1000 + entitled / 2) / entitled).unwrap_or(u32::MAX)),
            median_days: self.median_days_x2.map(|m| m as f64 / 2.0),
            overdue: self.overdue,
            state_paid: Money::from_tiyn(self.state_paid_tiyn),
        }
    }
}

impl Acc {
    fn counts(mut self) -> Counts {
        self.days.sort_unstable();
        let n = self.days.len();
        let median_days_x2 = match n {
            0 => None,
            _ if n % 2 == 1 => Some(2 * self.days[n / 2]),
            _ => Some(self.days[n / 2 - 1] + self.days[n / 2]),
        };
        Counts {
            people_entitled: self.people.len() as u64,
            entitlements: self.entitlements,
            ordered: self.ordered,
            delivered: self.delivered,
            people_provided: self.provided.len() as u64,
            median_days_x2,
            overdue: self.overdue,
            state_paid_tiyn: self.paid,
        }
    }
}

/// Whether an order is past a deadline at `now`: not accepted in time, or accepted and not
/// delivered in time.
pub fn is_overdue(o: &OrderFact, now: DateTime<Utc>) -> bool {
    match o.status {
        DbOrderStatus::Placed => o.accept_by < now,
        DbOrderStatus::Accepted | DbOrderStatus::Scheduled | DbOrderStatus::InDelivery => {
            o.deliver_by.is_some_and(|d| d < now)
        }
        _ => false,
    }
}

/// The numbers for every group key: `group(e)` names the group of an entitlement.
fn tally(
    ents: &[EntitlementFact],
    by_entitlement: &HashMap<i32, Vec<&OrderFact>>,
    period: Period,
    now: DateTime<Utc>,
    group: impl Fn(&EntitlementFact) -> (String, i32),
) -> HashMap<(String, i32), Acc> {
    let (start, end) = (period.start(), period.end());
    let mut out: HashMap<(String, i32), Acc> = HashMap::new();
    for e in ents {
        let acc = out.entry(group(e)).or_default();
        acc.people.insert(e.recipient_id);
        acc.entitlements += 1;
        let list = by_entitlement.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
        let live = |o: &&&OrderFact| !matches!(o.status, DbOrderStatus::Rejected | DbOrderStatus::Cancelled);
        if list.iter().filter(live).any(|o| o.created_at < end) {
            acc.ordered += 1;
        }
        let delivered: Vec<&&OrderFact> = list
            .iter()
            .filter(|o| {
                matches!(o.status, DbOrderStatus::Delivered | DbOrderStatus::Rendered | DbOrderStatus::Confirmed)
            })
            .filter(|o| o.delivered_at.is_some_and(|d| d < end))
            .collect();
        if let Some(first) = delivered.iter().filter_map(|o| o.delivered_at).min() {
            acc.delivered += 1;
            acc.provided.insert(e.recipient_id);
            acc.days.push((first.date_naive() - e.valid_from).num_days().max(0));
        }
        acc.paid += delivered
            .iter()
            .filter(|o| o.delivered_at.is_some_and(|d| d >= start))
            .map(|o| o.state_share.tiyn())
            .sum::<i64>();
        acc.overdue +=
            list.iter().filter(|o| o.created_at >= start && o.created_at < end && is_overdue(o, now)).count() as u64;
    }
    out
}

/// Every group's figures recomputed from the raw facts, held in memory: the reference the
/// summaries are tested against (see `provision_summary` for what the dashboard reads).
pub fn compute(
    ents: &[EntitlementFact],
    orders: &[OrderFact],
    period: Period,
    now: DateTime<Utc>,
) -> HashMap<(String, i32), Counts> {
    let mut by_entitlement: HashMap<i32, Vec<&OrderFact>> = HashMap::new();
    for o in orders {
        by_entitlement.entry(o.entitlement_id).or_default().push(o);
    }
    let region = |e: &EntitlementFact| e.region.clone().unwrap_or_else(|| "-".into());
    let mut out = HashMap::new();
    type Grouping<'a> = &'a dyn Fn(&EntitlementFact) -> (String, i32);
    let groupings: [Grouping; 4] =
        [&|_| (String::new(), 0), &|e| (region(e), 0), &|e| (String::new(), e.category_id), &|e| {
            (region(e), e.category_id)
        }];
    for group in groupings {
        for (key, acc) in tally(ents, &by_entitlement, period, now, group) {
            out.insert(key, acc.counts());
        }
    }
    out
}

/// The dashboard's rows from every group's figures: the total, rows per region (every region
/// in `regions`, worst provision rate first, then the unknown region if any) and per category;
/// for regional staff (`scope`), their region alone and its categories.
pub fn assemble(
    figures: &HashMap<(String, i32), Counts>,
    scope: Option<&str>,
    regions: &[(String, String)],
    categories: &[(i32, String, String)],
    unknown_region: &str,
) -> (ProvisionRow, Vec<ProvisionRow>, Vec<ProvisionRow>) {
    let get = |region: &str, category: i32| figures.get(&(region.to_owned(), category)).copied().unwrap_or_default();
    let within = scope.unwrap_or("");
    let total = get(within, 0).row("", "");
    let mut region_rows: Vec<ProvisionRow> = regions.iter().map(|(code, name)| get(code, 0).row(code, name)).collect();
    region_rows.sort_by(|a, b| match (a.rate_permille, b.rate_permille) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.name.cmp(&b.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.name.cmp(&b.name),
    });
    if scope.is_none() {
        if let Some(c) = figures.get(&("-".to_owned(), 0)) {
            region_rows.push(c.row("-", unknown_region));
        }
    }
    let category_rows = categories.iter().map(|(id, code, name)| get(within, *id).row(code, name)).collect();
    (total, region_rows, category_rows)
}

/// The period typed (YYYY-MM-DD), or the current calendar year.
pub fn period(from: &str, to: &str, today: NaiveDate) -> Result<Period, AppError> {
    let mut errors = FieldErrors::new();
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let year_end = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    let from = if from.trim().is_empty() { Some(year_start) } else { errors.check("period_from", parse_date(from)) };
    let to = if to.trim().is_empty() { Some(year_end) } else { errors.check("period_to", parse_date(to)) };
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            errors.add("period_to", "period_reversed");
        }
    }
    errors.finish()?;
    match (from, to) {
        (Some(from), Some(to)) => Ok(Period { from, to }),
        _ => Err(AppError::refused(RefusalCode::BadRequest)),
    }
}

/// The raw facts of a period (in a region, or the whole country), held in memory: what
/// [`compute`] recomputes the figures from when the summaries are checked.
pub async fn facts(
    db: &impl sea_orm::ConnectionTrait,
    period: Period,
    region: Option<&str>,
) -> Result<(Vec<EntitlementFact>, Vec<OrderFact>), sea_orm::DbErr> {
    let mut ents = entitlements::Entity::find()
        .select_only()
        .column(entitlements::Column::Id)
        .column(entitlements::Column::RecipientId)
        .column(recipients::Column::RegionCode)
        .column(item_types::Column::CategoryId)
        .column(entitlements::Column::ValidFrom)
        .join(
            JoinType::InnerJoin,
            entitlements::Entity::belongs_to(recipients::Entity)
                .from(entitlements::Column::RecipientId)
                .to(recipients::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            entitlements::Entity::belongs_to(item_types::Entity)
                .from(entitlements::Column::ItemTypeId)
                .to(item_types::Column::Id)
                .into(),
        )
        .filter(entitlements::Column::ValidFrom.lte(period.to))
        .filter(entitlements::Column::ValidTo.gte(period.from));
    let mut ords = orders::Entity::find()
        .select_only()
        .column(orders::Column::EntitlementId)
        .column(orders::Column::Status)
        .column(orders::Column::CreatedAt)
        .column(orders::Column::DeliveredAt)
        .column(orders::Column::AcceptBy)
        .column(orders::Column::DeliverBy)
        .column(orders::Column::StateShareTiyn)
        .join(
            JoinType::InnerJoin,
            orders::Entity::belongs_to(entitlements::Entity)
                .from(orders::Column::EntitlementId)
                .to(entitlements::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            entitlements::Entity::belongs_to(recipients::Entity)
                .from(entitlements::Column::RecipientId)
                .to(recipients::Column::Id)
                .into(),
        )
        .filter(entitlements::Column::ValidFrom.lte(period.to))
        .filter(entitlements::Column::ValidTo.gte(period.from));
    if let Some(r) = region {
        ents = ents.filter(recipients::Column::RegionCode.eq(r));
        ords = ords.filter(recipients::Column::RegionCode.eq(r));
    }
    type E = (i32, i32, Option<String>, i32, NaiveDate);
    type O = (i32, DbOrderStatus, DateTime<Utc>, Option<DateTime<Utc>>, DateTime<Utc>, Option<DateTime<Utc>>, i64);
    let ents: Vec<EntitlementFact> = ents
        .into_tuple::<E>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, recipient_id, region, category_id, valid_from)| EntitlementFact {
            id,
            recipient_id,
            region,
            category_id,
            valid_from,
        })
        .collect();
    let ords: Vec<OrderFact> = ords
        .into_tuple::<O>()
        .all(db)
        .await?
        .into_iter()
        .map(|(entitlement_id, status, created_at, delivered_at, accept_by, deliver_by, share)| OrderFact {
            entitlement_id,
            status,
            created_at,
            delivered_at,
            accept_by,
            deliver_by,
            state_share: Money::from_tiyn(share),
        })
        .collect();
    Ok((ents, ords))
}

/// The provision dashboard.
pub struct ProvisionService(pub Ctx);

impl ProvisionService {
    /// The view for a period in the caller's scope, from the period's summary.
    pub async fn view(&self, caller: &Caller, from: &str, to: &str) -> Result<ProvisionView, AppError> {
        let (_, scope) = staff_scope(caller)?;
        let db = &self.0.db;
        let now = Utc::now();
        let period = period(from, to, now.date_naive())?;
        let (figures, computed_at) =
            super::provision_summary::figures(db, &self.0.read_db, period, now).await.or_unexpected()?;
        let names = region_names(db, caller.lang).await?;
        let regions: Vec<(String, String)> = match scope.region() {
            Some(r) => vec![(r.to_owned(), names.get(r).cloned().unwrap_or_default())],
            None => {
                let mut all: Vec<(String, String)> = names.clone().into_iter().collect();
                all.sort();
                all
            }
        };
        let cats: Vec<(i32, String, String)> = categories::Entity::find()
            .order_by_asc(categories::Column::Sort)
            .all(db)
            .await
            .or_unexpected()?
            .into_iter()
            .map(|c| (c.id, c.code.clone(), c.name(caller.lang).to_owned()))
            .collect();
        let unknown = app::i18n::tr(caller.lang, "provision-region-unknown");
        let (mut total, regions, categories) = assemble(&figures, scope.region(), &regions, &cats, &unknown);
        total.name = app::i18n::tr(
            caller.lang,
            if scope.region().is_some() { "provision-total-region" } else { "provision-total-country" },
        );
        Ok(ProvisionView {
            from: period.from.to_string(),
            to: period.to.to_string(),
            computed_at: crate::services::present::moment(computed_at),
            own_region: scope.region().and_then(|r| names.get(r).cloned()),
            total,
            regions,
            categories,
        })
    }
}

#[async_trait]
impl Provision for ProvisionService {
    async fn provision(&self, caller: &Caller, from: &str, to: &str) -> Result<ProvisionView, AppError> {
        self.view(caller, from, to).await
    }
}
