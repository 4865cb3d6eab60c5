//! What a person asked for with an order, in the shape of its category's kind, and what the
//! supplier recorded on it since. Kept with the order as a JSON object; every writer and reader
//! goes through this type, so a misspelt key or a wrong-typed value cannot be written or read
//! silently.
//!
//! The stored object carries no tag: the request is recognised by its keys (a weekly schedule
//! with a start date, dated sessions with a mode, an arrival date, or an address), which is how
//! orders have always been stored.
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::SessionMode;

/// An order's details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrderDetails {
    /// What the person asked for.
    #[serde(flatten)]
    pub request: OrderRequest,
    /// The day the supplier plans to deliver or begin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_for: Option<NaiveDate>,
    /// Sessions the supplier recorded as rendered (services by the hour).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rendered: Vec<Rendered>,
}

/// What the person asked for, by the kind of the category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OrderRequest {
    /// Hours every week from a start date (personal assistance).
    Hours {
        /// The first day.
        start_date: NaiveDate,
        /// How many weeks.
        weeks: u16,
        /// Hours on each day of the week.
        schedule: WeekHours,
    },
    /// Sessions on given dates, in person or online (sign language).
    Sessions {
        /// In person or online.
        mode: SessionMode,
        /// Where, for sessions in person.
        #[serde(default)]
        address: Option<String>,
        /// The sessions booked.
        sessions: Vec<Session>,
    },
    /// A course starting on an arrival date (sanatorium).
    Course {
        /// The first day of the stay.
        arrival: NaiveDate,
        /// The length of the stay in days.
        days: u16,
    },
    /// Goods delivered to an address.
    Goods {
        /// The delivery address.
        address: String,
        /// The delivery region's code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        region: Option<String>,
    },
    /// Nothing asked for beyond the offering and the quantity.
    Unspecified {},
}

impl Default for OrderRequest {
    fn default() -> Self {
        Self::Unspecified {}
    }
}

/// Hours on each day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
#[allow(missing_docs, reason = "the days of the week")]
pub struct WeekHours {
    pub mon: u8,
    pub tue: u8,
    pub wed: u8,
    pub thu: u8,
    pub fri: u8,
    pub sat: u8,
    pub sun: u8,
}

impl WeekHours {
    /// The days' codes, Monday first, as form fields name them (`hours_mon`, …).
    pub const DAYS: [&'static str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// The week's hours, Monday first.
    pub const fn by_day(&self) -> [u8; 7] {
        [self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun]
    }

    /// A week from hours given Monday first.
    pub const fn from_days(h: [u8; 7]) -> Self {
        Self { mon: h[0], tue: h[1], wed: h[2], thu: h[3], fri: h[4], sat: h[5], sun: h[6] }
    }

    /// Hours in the whole week.
    pub fn per_week(&self) -> i64 {
        self.by_day().iter().map(|h| i64::from(*h)).sum()
    }
}

/// A booked session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The day.
    pub date: NaiveDate,
    /// The starting time, kept as `HH:MM`.
    #[serde(with = "hh_mm")]
    pub time: NaiveTime,
    /// How many hours.
    pub hours: u8,
}

/// A session the supplier recorded as rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendered {
    /// The day.
    pub date: NaiveDate,
    /// How many hours.
    pub hours: u8,
}

impl OrderDetails {
    /// Details for a new order.
    pub fn asked(request: OrderRequest) -> Self {
        Self { request, scheduled_for: None, rendered: Vec::new() }
    }

    /// Reads the stored object.
    pub fn read(stored: &serde_json::Value) -> Result<Self, serde_json::Error> {
        Self::deserialize(stored)
    }

    /// The object to store.
    pub fn stored(&self) -> serde_json::Value {
        // Every field serialises as plain JSON (dates, numbers and strings), which cannot fail.
        serde_json::to_value(self).unwrap_or_else(|_| serde_json::Value::Object(Default::default()))
    }

    /// The arrival date of a course.
    pub fn arrival(&self) -> Option<NaiveDate> {
        match self.request {
            OrderRequest::Course { arrival, .. } => Some(arrival),
            _ => None,
        }
    }

    /// Hours recorded as rendered, in all.
    pub fn hours_rendered(&self) -> i64 {
        self.rendered.iter().map(|r| i64::from(r.hours)).sum()
    }
}

/// One line of an order's details as people read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailLine {
    /// The address.
    Address,
    /// In person or online (the value is the mode's code).
    Mode,
    /// The first day.
    Start,
    /// The number of weeks.
    Weeks,
    /// Hours a week.
    HoursPerWeek,
    /// A booked session: date, time — hours.
    Session,
    /// A course's arrival date.
    Arrival,
    /// The day the supplier plans.
    Scheduled,
}

impl OrderDetails {
    /// The details as lines to show, in reading order; dates as `YYYY-MM-DD`.
    pub fn lines(&self) -> Vec<(DetailLine, String)> {
        let mut out = Vec::new();
        match &self.request {
            OrderRequest::Hours { start_date, weeks, schedule } => {
                out.push((DetailLine::Start, start_date.to_string()));
                out.push((DetailLine::Weeks, weeks.to_string()));
                out.push((DetailLine::HoursPerWeek, schedule.per_week().to_string()));
            }
            OrderRequest::Sessions { mode, address, sessions } => {
                out.push((DetailLine::Mode, mode.code().to_owned()));
                if let Some(a) = address {
                    out.push((DetailLine::Address, a.clone()));
                }
                for s in sessions {
                    out.push((DetailLine::Session, format!("{} {} — {}", s.date, s.time.format("%H:%M"), s.hours)));
                }
            }
            OrderRequest::Course { arrival, .. } => out.push((DetailLine::Arrival, arrival.to_string())),
            OrderRequest::Goods { address, .. } => out.push((DetailLine::Address, address.clone())),
            OrderRequest::Unspecified {} => {}
        }
        if let Some(d) = self.scheduled_for {
            out.push((DetailLine::Scheduled, d.to_string()));
        }
        out
    }
}

mod hh_mm {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format("%H:%M"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let raw = String::deserialize(d)?;
        NaiveTime::parse_from_str(&raw, "%H:%M").map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a failed step fails the test")]
    use super::*;
    use serde_json::json;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn round_trip(stored: serde_json::Value) -> OrderDetails {
        let read = OrderDetails::read(&stored).unwrap();
        assert_eq!(read.stored(), stored, "{read:?} is stored as it was read");
        read
    }

    #[test]
    fn each_kind_is_read_from_the_object_orders_have_always_stored() {
        let goods = round_trip(json!({ "address": "ул. Абая, 1", "region": "ALA" }));
        assert_eq!(goods.request, OrderRequest::Goods { address: "ул. Абая, 1".into(), region: Some("ALA".into()) });
        let hours = round_trip(json!({
            "start_date": "2026-12-07", "weeks": 4,
            "schedule": { "mon": 4, "tue": 0, "wed": 4, "thu": 0, "fri": 0, "sat": 0, "sun": 0 }
        }));
        let OrderRequest::Hours { schedule, weeks, .. } = hours.request else { panic!("{hours:?}") };
        assert_eq!((schedule.per_week(), weeks), (8, 4));
        let sessions = round_trip(json!({
            "mode": "online", "address": null,
            "sessions": [{ "date": "2026-12-08", "time": "10:30", "hours": 2 }]
        }));
        assert_eq!(
            sessions.lines(),
            vec![(DetailLine::Mode, "online".into()), (DetailLine::Session, "2026-12-08 10:30 — 2".into())]
        );
        let course = round_trip(json!({ "arrival": "2027-01-11", "days": 14 }));
        assert_eq!(course.arrival(), Some(d("2027-01-11")));
        assert_eq!(round_trip(json!({})), OrderDetails::default());
    }

    #[test]
    fn what_the_supplier_records_is_kept_beside_the_request() {
        let mut details = OrderDetails::read(&json!({ "address": "Абая 1" })).unwrap();
        details.scheduled_for = Some(d("2026-12-10"));
        details.rendered.push(Rendered { date: d("2026-12-10"), hours: 4 });
        let stored = details.stored();
        assert_eq!(stored["address"], "Абая 1");
        assert_eq!(stored["rendered"], json!([{ "date": "2026-12-10", "hours": 4 }]));
        let again = OrderDetails::read(&stored).unwrap();
        assert_eq!(again, details);
        assert_eq!(again.hours_rendered(), 4);
        assert_eq!(again.lines().last(), Some(&(DetailLine::Scheduled, "2026-12-10".into())));
    }

    #[test]
    fn a_wrong_typed_value_is_an_error_not_a_guess() {
        assert!(OrderDetails::read(&json!({ "rendered": [{ "date": "10.12.2026", "hours": 4 }] })).is_err());
        assert!(OrderDetails::read(&json!({ "scheduled_for": 7 })).is_err());
        assert!(OrderDetails::read(&json!([1, 2])).is_err());
        // A session time that is not a clock time does not pass as sessions.
        let odd = OrderDetails::read(
            &json!({ "mode": "online", "sessions": [{ "date": "2026-12-08", "time": "noon", "hours": 2 }] }),
        );
        assert!(!matches!(odd.map(|d| d.request), Ok(OrderRequest::Sessions { .. })));
    }
}
