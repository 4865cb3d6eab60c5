//! Status tags: the status always in words, a colour only repeating it. One tone table per
//! status enum, so a status looks the same to a recipient, a supplier and an officer.
use crate::domain::{ComplaintStatus, OfferingStatus, OrderStatus, SupplierStatus};
use leptos::prelude::*;

/// The colour a tag repeats its words with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Nothing to act on.
    Neutral,
    /// Done, in force, approved.
    Green,
    /// Waiting for someone.
    Yellow,
    /// Refused, ended, overdue.
    Red,
}

impl Tone {
    /// The tag's classes.
    pub fn class(self) -> &'static str {
        match self {
            Tone::Neutral => "app-tag",
            Tone::Green => "app-tag app-tag--green",
            Tone::Yellow => "app-tag app-tag--yellow",
            Tone::Red => "app-tag app-tag--red",
        }
    }
}

/// A status with its tone.
pub trait Toned: Copy {
    /// The tone of this status.
    fn tone(self) -> Tone;
}

impl Toned for OrderStatus {
    fn tone(self) -> Tone {
        match self {
            OrderStatus::Confirmed | OrderStatus::Delivered | OrderStatus::Rendered => Tone::Green,
            OrderStatus::Rejected | OrderStatus::Cancelled | OrderStatus::Returned => Tone::Red,
            OrderStatus::Placed => Tone::Yellow,
            _ => Tone::Neutral,
        }
    }
}

impl Toned for SupplierStatus {
    fn tone(self) -> Tone {
        match self {
            SupplierStatus::Approved => Tone::Green,
            SupplierStatus::Pending | SupplierStatus::Draft => Tone::Yellow,
            _ => Tone::Red,
        }
    }
}

impl Toned for OfferingStatus {
    fn tone(self) -> Tone {
        match self {
            OfferingStatus::Published => Tone::Green,
            OfferingStatus::Draft => Tone::Yellow,
            OfferingStatus::Withdrawn => Tone::Neutral,
            OfferingStatus::Blocked => Tone::Red,
        }
    }
}

impl Toned for ComplaintStatus {
    fn tone(self) -> Tone {
        match self {
            ComplaintStatus::Open => Tone::Yellow,
            ComplaintStatus::Answered => Tone::Neutral,
            ComplaintStatus::Closed => Tone::Green,
        }
    }
}

/// The tone of a deadline `days_left` days away (negative: overdue).
pub fn days_tone(days_left: i64) -> Tone {
    match days_left {
        d if d < 0 => Tone::Red,
        0..=2 => Tone::Yellow,
        _ => Tone::Green,
    }
}

/// A tag: `text` in a tone.
pub fn tag(text: String, tone: Tone) -> impl IntoView {
    view! { <strong class=tone.class()>{text}</strong> }
}

/// A status as a tag: its words (`text`), in its tone.
pub fn status_tag(text: String, status: impl Toned) -> impl IntoView {
    tag(text, status.tone())
}
