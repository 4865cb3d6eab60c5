//! Checks an order form against the offering, the entitlements and the calendar. The same
//! check runs when the draft is saved and again, inside the transaction, when the order is
//! confirmed: the form is never trusted.
use crate::entities::{entitlements, offering_slots, offerings};
use app::domain::{CategoryKind, OrderDetails, OrderRequest, Session, SessionMode, WeekHours};
use app::dto::orders::OrderForm;
use app::error::{AppError, FieldErrors};
use chrono::{NaiveDate, NaiveTime};

/// The most hours of assistance or interpreting in one day (Social Code, art. 163).
pub const MAX_HOURS_A_DAY: i64 = 8;

/// What the form is checked against.
pub struct OrderContext<'a> {
    /// What kind of help the offering's category gives.
    pub kind: CategoryKind,
    /// The offering.
    pub offering: &'a offerings::Model,
    /// Regions the offering is available in.
    pub offering_regions: &'a [String],
    /// Course starts of a sanatorium.
    pub slots: &'a [offering_slots::Model],
    /// The recipient's entitlements usable for this offering (valid today, same item type).
    pub entitlements: &'a [entitlements::Model],
    /// Where the recipient lives.
    pub recipient_region: Option<&'a str>,
    /// Today.
    pub today: NaiveDate,
}

/// A form that passed every check.
#[derive(Debug, Clone)]
pub struct ValidOrder {
    /// The entitlement to spend.
    pub entitlement: entitlements::Model,
    /// Units, hours or courses.
    pub quantity: i32,
    /// The region the order is delivered or rendered in.
    pub region: String,
    /// Details kept with the order.
    pub details: OrderDetails,
    /// Chosen course start (sanatorium).
    pub arrival: Option<NaiveDate>,
}

fn int(raw: &str) -> Result<i64, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("required");
    }
    t.parse::<i64>().map_err(|_| "not_a_number")
}

fn future_date(raw: &str, today: NaiveDate, until: NaiveDate) -> Result<NaiveDate, &'static str> {
    if raw.trim().is_empty() {
        return Err("required");
    }
    let d = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| "not_a_date")?;
    if d <= today {
        Err("date_not_in_future")
    } else if d > until {
        Err("date_after_entitlement")
    } else {
        Ok(d)
    }
}

/// The length of a sanatorium course, in days.
const COURSE_DAYS: u16 = 14;

fn weekday_hours(form: &OrderForm) -> [&str; 7] {
    [
        &form.hours_mon,
        &form.hours_tue,
        &form.hours_wed,
        &form.hours_thu,
        &form.hours_fri,
        &form.hours_sat,
        &form.hours_sun,
    ]
}

fn sessions(form: &OrderForm) -> [(usize, &str, &str, &str); 3] {
    [
        (1, &form.s1_date, &form.s1_time, &form.s1_hours),
        (2, &form.s2_date, &form.s2_time, &form.s2_hours),
        (3, &form.s3_date, &form.s3_time, &form.s3_hours),
    ]
}

/// Checks everything; every problem is reported at once.
pub fn validate(form: &OrderForm, cx: &OrderContext<'_>) -> Result<ValidOrder, AppError> {
    let mut errors = FieldErrors::new();
    let entitlement = match form.entitlement.trim().parse::<i32>() {
        Err(_) => {
            errors.add("entitlement", "required");
            None
        }
        Ok(id) => {
            let e = cx.entitlements.iter().find(|e| e.id == id && e.quantity_remaining > 0).cloned();
            if e.is_none() {
                errors.add("entitlement", "entitlement_not_available");
            }
            e
        }
    };
    let remaining = entitlement.as_ref().map(|e| i64::from(e.quantity_remaining)).unwrap_or(i64::MAX);
    let until = entitlement.as_ref().map(|e| e.valid_to).unwrap_or(NaiveDate::MAX);
    let served = |r: &str| cx.offering_regions.iter().any(|x| x == r);
    let mut request = OrderRequest::default();
    let mut arrival = None;
    let mut region = cx.recipient_region.unwrap_or_default().to_owned();
    let quantity: i64 = match cx.kind {
        CategoryKind::Goods => {
            let q = errors
                .check("quantity", int(&form.quantity).and_then(|q| if q < 1 { Err("at_least_one") } else { Ok(q) }));
            if let Some(q) = q {
                if q > remaining {
                    errors.add("quantity", "more_than_entitled");
                } else if cx.offering.capacity.is_some_and(|c| q > i64::from(c)) {
                    errors.add("quantity", "over_capacity");
                }
            }
            let address = errors.check("address", crate::services::text(&form.address, 300));
            match form.region.trim() {
                "" => errors.add("region", "required"),
                r if !served(r) => errors.add("region", "region_not_served"),
                r => region = r.to_owned(),
            }
            if let Some(address) = address {
                request = OrderRequest::Goods { address, region: Some(region.clone()) };
            }
            q.unwrap_or(0)
        }
        CategoryKind::Hours => {
            if !cx.recipient_region.is_some_and(served) {
                errors.add("entitlement", "region_not_served");
            }
            let start = errors.check("start_date", future_date(&form.start_date, cx.today, until));
            let weeks = errors.check(
                "weeks",
                int(&form.weeks).and_then(|w| if (1..=52).contains(&w) { Ok(w) } else { Err("weeks_out_of_range") }),
            );
            let mut per_week = 0i64;
            let mut schedule = [0u8; 7];
            for ((day, raw), slot) in WeekHours::DAYS.iter().zip(weekday_hours(form)).zip(schedule.iter_mut()) {
                let field = format!("hours_{day}");
                let h = if raw.trim().is_empty() { Ok(0) } else { int(raw) };
                match h {
                    Ok(h) if h > MAX_HOURS_A_DAY => errors.add(&field, "over_8_hours_a_day"),
                    Ok(h) if h < 0 => errors.add(&field, "not_a_number"),
                    Ok(h) => {
                        per_week += h;
                        *slot = u8::try_from(h).unwrap_or(0);
                    }
                    Err(code) => errors.add(&field, code),
                }
            }
            if per_week == 0 {
                errors.add("hours_mon", "no_hours");
            } else if cx.offering.capacity.is_some_and(|c| per_week > i64::from(c)) {
                errors.add("hours_mon", "over_capacity");
            }
            let total = per_week * weeks.unwrap_or(0);
            if total > remaining {
                errors.add("weeks", "more_than_entitled");
            }
            if let (Some(start_date), Some(weeks)) = (start, weeks.and_then(|w| u16::try_from(w).ok())) {
                request = OrderRequest::Hours { start_date, weeks, schedule: WeekHours::from_days(schedule) };
            }
            total
        }
        CategoryKind::Sessions => {
            let mode = SessionMode::from_code(form.mode.as_str());
            if !cx.recipient_region.is_some_and(served) && mode != Some(SessionMode::Online) {
                errors.add("mode", "region_not_served");
            }
            if mode.is_none() {
                errors.add("mode", "required");
            }
            let place = if mode == Some(SessionMode::InPerson) {
                errors.check("address", crate::services::text(&form.address, 300))
            } else {
                None
            };
            let mut per_day: std::collections::BTreeMap<NaiveDate, i64> = Default::default();
            let mut booked = Vec::new();
            for (n, date, time, hours) in sessions(form) {
                if date.trim().is_empty() && time.trim().is_empty() && hours.trim().is_empty() {
                    continue;
                }
                let d = errors.check(&format!("s{n}_date"), future_date(date, cx.today, until));
                let t = errors.check(
                    &format!("s{n}_time"),
                    NaiveTime::parse_from_str(time.trim(), "%H:%M").map_err(|_| {
                        if time.trim().is_empty() {
                            "required"
                        } else {
                            "not_a_time"
                        }
                    }),
                );
                let h = errors.check(
                    &format!("s{n}_hours"),
                    int(hours).and_then(|h| {
                        if (1..=MAX_HOURS_A_DAY).contains(&h) {
                            Ok(h)
                        } else {
                            Err("hours_out_of_range")
                        }
                    }),
                );
                if let (Some(date), Some(time), Some(hours)) = (d, t, h.and_then(|h| u8::try_from(h).ok())) {
                    let day = per_day.entry(date).or_insert(0);
                    *day += i64::from(hours);
                    if *day > MAX_HOURS_A_DAY {
                        errors.add(&format!("s{n}_hours"), "over_8_hours_a_day");
                    }
                    booked.push(Session { date, time, hours });
                }
            }
            if booked.is_empty() && errors_is_empty_for_sessions(form) {
                errors.add("s1_date", "required");
            }
            let total: i64 = per_day.values().sum();
            if total > remaining {
                errors.add("s1_hours", "more_than_entitled");
            }
            if let Some(mode) = mode {
                request = OrderRequest::Sessions { mode, address: place, sessions: booked };
            }
            total
        }
        CategoryKind::Course => {
            if form.arrival.trim().is_empty() {
                errors.add("arrival", "required");
            } else {
                match NaiveDate::parse_from_str(form.arrival.trim(), "%Y-%m-%d") {
                    Ok(d) if cx.slots.iter().any(|s| s.starts_on == d && s.taken < s.places && d > cx.today) => {
                        arrival = Some(d);
                        request = OrderRequest::Course { arrival: d, days: COURSE_DAYS };
                    }
                    _ => errors.add("arrival", "no_places"),
                }
            }
            1
        }
    };
    errors.finish()?;
    let entitlement = entitlement.ok_or_else(|| AppError::field("entitlement", "required"))?;
    let quantity = i32::try_from(quantity).map_err(|_| AppError::field("quantity", "more_than_entitled"))?;
    Ok(ValidOrder { entitlement, quantity, region, details: OrderDetails::asked(request), arrival })
}

fn errors_is_empty_for_sessions(form: &OrderForm) -> bool {
    sessions(form).iter().all(|(_, d, t, h)| d.trim().is_empty() && t.trim().is_empty() && h.trim().is_empty())
}
