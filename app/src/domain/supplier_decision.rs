//! The ministry's decisions about a supplier, and the only table of the moves they make.
use crate::domain::SupplierStatus;
use serde::{Deserialize, Serialize};

/// A decision staff can take about a supplier. Which ones are open depends on its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupplierDecision {
    /// Pending → approved: its published offerings appear in the catalogue.
    Approve,
    /// Pending → rejected: it may correct its details and apply again.
    Reject,
    /// Approved → suspended: offerings hidden, sessions ended, open orders still visible.
    Suspend,
    /// Suspended → approved again.
    Reinstate,
    /// Approved or suspended → removed from the portal for good.
    Remove,
}

impl SupplierDecision {
    /// Every decision, in the order the form lists them.
    pub const ALL: &'static [SupplierDecision] =
        &[Self::Approve, Self::Reject, Self::Suspend, Self::Reinstate, Self::Remove];

    /// The stable code (`approve`, ...), also the audit action `supplier.<code>`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Suspend => "suspend",
            Self::Reinstate => "reinstate",
            Self::Remove => "remove",
        }
    }

    /// The decision for a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|d| d.code() == code)
    }

    /// The status a supplier must be in for this decision, and the status it leads to.
    pub const fn moves(self) -> (&'static [SupplierStatus], SupplierStatus) {
        match self {
            Self::Approve => (&[SupplierStatus::Pending], SupplierStatus::Approved),
            Self::Reject => (&[SupplierStatus::Pending], SupplierStatus::Rejected),
            Self::Suspend => (&[SupplierStatus::Approved], SupplierStatus::Suspended),
            Self::Reinstate => (&[SupplierStatus::Suspended], SupplierStatus::Approved),
            Self::Remove => (&[SupplierStatus::Approved, SupplierStatus::Suspended], SupplierStatus::Removed),
        }
    }

    /// The decision that moves a supplier from `from` to `to`, if the ministry may take one:
    /// the only table of supplier moves, read by the staff form and by the service alike.
    pub fn between(from: SupplierStatus, to: SupplierStatus) -> Option<SupplierDecision> {
        Self::ALL.iter().copied().find(|d| d.moves().0.contains(&from) && d.moves().1 == to)
    }

    /// The decisions open for a supplier in `status`.
    pub fn open_for(status: SupplierStatus) -> Vec<SupplierDecision> {
        Self::ALL.iter().copied().filter(|d| d.moves().0.contains(&status)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SupplierStatus::*;

    #[test]
    fn only_the_decisions_the_ministry_takes_are_allowed() {
        let allowed = |from, to| SupplierDecision::between(from, to).is_some();
        assert_eq!(SupplierDecision::between(Pending, Approved), Some(SupplierDecision::Approve));
        assert_eq!(SupplierDecision::between(Suspended, Approved), Some(SupplierDecision::Reinstate));
        assert!(allowed(Pending, Rejected));
        assert!(allowed(Approved, Suspended));
        assert!(allowed(Approved, Removed) && allowed(Suspended, Removed));
        assert!(!allowed(Removed, Approved), "removal is final");
        assert!(!allowed(Rejected, Approved), "a rejected supplier resubmits first");
        assert!(!allowed(Rejected, Removed), "a rejected applicant corrects and applies again");
        assert!(!allowed(Approved, Approved));
        assert!(!allowed(Draft, Approved), "a supplier submits its application first");
        assert!(!allowed(Draft, Rejected));
    }

    #[test]
    fn the_form_offers_exactly_the_moves_the_service_takes() {
        let all = [Draft, Pending, Approved, Rejected, Suspended, Removed];
        for from in all {
            for to in all {
                let offered = SupplierDecision::open_for(from).into_iter().any(|d| d.moves().1 == to);
                assert_eq!(offered, SupplierDecision::between(from, to).is_some(), "{from:?} → {to:?}");
            }
        }
    }
}
