//! The provision dashboard: who is entitled, who got what, how long it took, by region and
//! by category.
use crate::domain::Money;
use serde::{Deserialize, Serialize};

/// The numbers of one row (a region, a category or the whole scope), for a period.
///
/// An entitlement counts when its validity overlaps the period; its orders count as they
/// stood at the end of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvisionRow {
    /// Region or category code; empty for the total; `-` for recipients whose region is not
    /// known yet (loaded by IIN before signing up).
    pub code: String,
    /// Name in the reader's language.
    pub name: String,
    /// People with at least one valid entitlement.
    pub people_entitled: u64,
    /// Valid entitlements.
    pub entitlements: u64,
    /// Entitlements with an order placed (not cancelled or rejected).
    pub ordered: u64,
    /// Entitlements with an order delivered, rendered or confirmed.
    pub delivered: u64,
    /// People with at least one entitlement delivered.
    pub people_provided: u64,
    /// People provided ÷ people entitled, in tenths of a percent (`None` when nobody is entitled).
    pub rate_permille: Option<u32>,
    /// Median days from the start of an entitlement to its first delivery.
    pub median_days: Option<f64>,
    /// Orders placed in the period that are now past their deadline: not accepted in time,
    /// or accepted and not delivered in time.
    pub overdue: u64,
    /// What the state pays for the delivered orders.
    pub state_paid: Money,
}

impl ProvisionRow {
    /// An empty row.
    pub fn empty(code: &str, name: &str) -> Self {
        Self {
            code: code.into(),
            name: name.into(),
            people_entitled: 0,
            entitlements: 0,
            ordered: 0,
            delivered: 0,
            people_provided: 0,
            rate_permille: None,
            median_days: None,
            overdue: 0,
            state_paid: Money::ZERO,
        }
    }

    /// The provision rate as `34.8`.
    pub fn rate_text(&self) -> Option<String> {
        self.rate_permille.map(|p| format!("{}.{}", p / 10, p % 10))
    }

    /// The median as `12` or `12.5`.
    pub fn median_text(&self) -> Option<String> {
        self.median_days.map(|m| if m.fract() == 0.0 { format!("{m:.0}") } else { format!("{m:.1}") })
    }
}

/// The dashboard for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvisionView {
    /// First day (YYYY-MM-DD).
    pub from: String,
    /// Last day (YYYY-MM-DD).
    pub to: String,
    /// When the figures were computed (they follow changes within a minute).
    pub computed_at: String,
    /// For regional staff, their region (named); central staff see the country.
    pub own_region: Option<String>,
    /// The whole scope.
    pub total: ProvisionRow,
    /// By region, lowest provision rate first.
    pub regions: Vec<ProvisionRow>,
    /// By category, in catalogue order.
    pub categories: Vec<ProvisionRow>,
}
