//! What pages show: plain view types, already in the reader's language. Never database rows.
use crate::domain::{Lang, Role, SupplierStatus};
use serde::{Deserialize, Serialize};

pub mod account;
pub mod ministry;
pub mod supplier;

/// The signed-in account, as the UI needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// Account id.
    pub account_id: i32,
    /// Sign-in e-mail.
    pub email: String,
    /// Name shown in the header.
    pub display_name: String,
    /// What the account may do.
    pub role: Role,
    /// Preferred language.
    pub lang: Lang,
    /// For regional staff, the region they work for.
    pub staff_region: Option<String>,
    /// For suppliers, where they stand with the ministry.
    pub supplier_status: Option<SupplierStatus>,
}

/// A region with its name in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionView {
    /// Stable code, e.g. `ALA` for Almaty city.
    pub code: String,
    /// Localised name.
    pub name: String,
}

/// A catalogue category with its name in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryView {
    /// Stable code, e.g. `tsr`.
    pub code: String,
    /// Localised name.
    pub name: String,
    /// How many item types it holds.
    pub item_types: u32,
    /// How many offerings are published in it.
    pub offerings: u32,
}

/// Numbers for the role-aware dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DashboardView {
    /// A recipient or a representative.
    Recipient {
        /// Valid entitlements with something remaining.
        open_entitlements: u32,
        /// Orders not yet in a final state.
        active_orders: u32,
        /// People a representative acts for (empty for a recipient).
        acting_for: Vec<String>,
        /// Whether the account is linked to anyone's record yet (proven identity).
        linked: bool,
    },
    /// A supplier.
    Supplier {
        /// Where it stands with the ministry.
        status: SupplierStatus,
        /// The reason for the last decision, if any.
        reason: Option<String>,
        /// Published offerings.
        published_offerings: u32,
        /// Orders waiting for the supplier.
        open_orders: u32,
    },
    /// Ministry staff or an admin.
    Staff {
        /// Suppliers waiting for a decision.
        pending_suppliers: u32,
        /// Complaints not yet closed.
        open_complaints: u32,
        /// Region for regional staff.
        region: Option<String>,
    },
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    /// Entry id (for paging: older entries have smaller ids).
    pub id: i64,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// Who (account e-mail) or `system`.
    pub actor: String,
    /// What, as a code.
    pub action: String,
    /// On what.
    pub object: String,
    /// Why, when a reason was given.
    pub reason: Option<String>,
}
pub mod orders;
pub mod recipient;

/// Filters of the audit log search (from the page's GET form; all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// Words in the action, object or reason.
    pub q: String,
    /// Action code or its start, e.g. `supplier.` for every supplier decision.
    pub action: String,
    /// Part of the actor's e-mail.
    pub actor: String,
    /// First day (YYYY-MM-DD).
    pub from: String,
    /// Last day (YYYY-MM-DD).
    pub to: String,
    /// Only entries older than this id (the next page).
    pub before: Option<i64>,
}

/// Where one page of a long list stands. Lists are cut by the database: a page past the end
/// is answered with the last page, and the total is counted there too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PageInfo {
    /// This page, from 1.
    pub page: u32,
    /// How many pages there are (at least 1).
    pub pages: u32,
    /// How many rows match in all.
    pub total: u64,
}

impl PageInfo {
    /// Rows per page in every long list.
    pub const SIZE: u64 = 25;

    /// The page info for `total` rows when page `requested` is asked for (clamped).
    pub fn of(total: u64, requested: u32) -> Self {
        let pages = u32::try_from(total.div_ceil(Self::SIZE)).unwrap_or(u32::MAX).max(1);
        Self { page: requested.clamp(1, pages), pages, total }
    }

    /// Rows to skip for this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page.saturating_sub(1)) * Self::SIZE
    }
}

#[cfg(test)]
mod tests {
    use super::PageInfo;

    #[test]
    fn pages_are_clamped_and_never_zero() {
        assert_eq!(PageInfo::of(0, 3), PageInfo { page: 1, pages: 1, total: 0 });
        assert_eq!(PageInfo::of(51, 9).page, 3);
        assert_eq!(PageInfo::of(51, 2).offset(), 25);
    }
}
