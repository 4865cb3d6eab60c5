//! Capacity of services by the hour. A personal assistant or sign-language provider states
//! how many hours a week it can give; an order takes hours in some weeks (the assistant's
//! weekly schedule from a start date, or sign-language sessions on dates). Accepting an
//! order, and recording the hours actually rendered, must keep every week within capacity.
//! Orders without dates count against every week, so an unknown never overbooks.
use app::domain::{OrderDetails, OrderRequest};
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// At most 8 hours of personal assistance a day (Social Code, art. 163).
pub const MAX_HOURS_A_DAY: i64 = 8;

/// The Monday of a date's week.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// The hours an order takes, week by week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// The same hours every week, for `weeks` weeks from the week of `from`.
    Weekly {
        /// Monday of the first week.
        from: NaiveDate,
        /// Number of weeks.
        weeks: i64,
        /// Hours a week.
        hours: i64,
    },
    /// Hours in given weeks (by their Monday).
    Dated(BTreeMap<NaiveDate, i64>),
    /// No dates known: all of it may fall in any week.
    Anytime(i64),
}

impl Load {
    /// The load of an order from what the recipient asked for (`details`).
    pub fn of_order(details: &OrderDetails, quantity: i32) -> Self {
        match &details.request {
            OrderRequest::Hours { start_date, weeks, schedule } if schedule.per_week() > 0 => {
                Self::Weekly { from: monday(*start_date), weeks: i64::from(*weeks).max(1), hours: schedule.per_week() }
            }
            OrderRequest::Sessions { sessions, .. } if !sessions.is_empty() => {
                let mut dated = BTreeMap::new();
                for s in sessions {
                    *dated.entry(monday(s.date)).or_insert(0) += i64::from(s.hours);
                }
                Self::Dated(dated)
            }
            _ => Self::Anytime(i64::from(quantity)),
        }
    }

    /// Hours in the week starting on `week` (a Monday).
    pub fn in_week(&self, week: NaiveDate) -> i64 {
        match self {
            Self::Weekly { from, weeks, hours } => {
                let n = (week - *from).num_days() / 7;
                if week >= *from && n < *weeks {
                    *hours
                } else {
                    0
                }
            }
            Self::Dated(m) => m.get(&week).copied().unwrap_or(0),
            Self::Anytime(h) => *h,
        }
    }

    /// The weeks with hours (none for `Anytime`).
    pub fn weeks(&self) -> Vec<NaiveDate> {
        match self {
            Self::Weekly { from, weeks, .. } => (0..*weeks).map(|i| *from + Duration::days(7 * i)).collect(),
            Self::Dated(m) => m.keys().copied().collect(),
            Self::Anytime(_) => Vec::new(),
        }
    }
}

/// Whether `new` fits beside `others` within `capacity` hours in every week it touches.
pub fn fits(new: &Load, others: &[Load], capacity: i64, today: NaiveDate) -> bool {
    let mut weeks: BTreeSet<NaiveDate> = new.weeks().into_iter().collect();
    if weeks.is_empty() {
        weeks.insert(monday(today));
        for o in others {
            weeks.extend(o.weeks());
        }
    }
    weeks.iter().all(|w| others.iter().map(|o| o.in_week(*w)).sum::<i64>() + new.in_week(*w) <= capacity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn details(v: serde_json::Value) -> OrderDetails {
        OrderDetails::read(&v).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn an_assistant_schedule_takes_its_weekly_hours_for_its_weeks() {
        let l = Load::of_order(
            &details(json!({ "start_date": "2026-12-02", "weeks": 2, "schedule": { "mon": 4, "wed": 4 } })),
            16,
        );
        assert_eq!(l, Load::Weekly { from: d("2026-11-30"), weeks: 2, hours: 8 });
        assert_eq!(l.in_week(d("2026-12-07")), 8);
        assert_eq!(l.in_week(d("2026-12-14")), 0);
    }

    #[test]
    fn sign_language_sessions_count_in_their_weeks() {
        let l = Load::of_order(
            &details(json!({ "mode": "online", "sessions": [
                { "date": "2026-12-01", "time": "10:00", "hours": 2 },
                { "date": "2026-12-03", "time": "10:00", "hours": 3 },
            ] })),
            5,
        );
        assert_eq!(l.weeks(), vec![d("2026-11-30")]);
        assert_eq!(l.in_week(d("2026-11-30")), 5);
    }

    #[test]
    fn a_week_over_capacity_does_not_fit() {
        let today = d("2026-11-25");
        let busy = Load::Weekly { from: d("2026-11-30"), weeks: 4, hours: 30 };
        let more = Load::Weekly { from: d("2026-12-14"), weeks: 1, hours: 10 };
        assert!(fits(&more, std::slice::from_ref(&busy), 40, today));
        assert!(!fits(
            &Load::Weekly { from: d("2026-12-14"), weeks: 1, hours: 11 },
            std::slice::from_ref(&busy),
            40,
            today
        ));
        // Unknown dates count against the busiest week.
        assert!(!fits(&Load::Anytime(11), &[busy], 40, today));
    }

    #[test]
    fn an_order_without_dates_counts_in_every_week() {
        assert_eq!(Load::of_order(&details(json!({ "address": "Абая 1" })), 6), Load::Anytime(6));
    }
}
