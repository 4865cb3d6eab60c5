//! What the ministry's pages show: supplier approval, catalogue and ceilings, IPR imports,
//! the complaints desk, the provision dashboard and staff accounts.
mod catalogue;
mod complaints;
mod imports;
mod provision;
mod staff;
mod suppliers;

pub use catalogue::*;
pub use complaints::*;
pub use imports::*;
pub use provision::*;
pub use staff::*;
pub use suppliers::*;

use serde::{Deserialize, Serialize};

/// One page of a longer list.
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
    /// Rows per page in staff lists.
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

/// `(value, text)` for a drop-down.
pub type Choice = (String, String);

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
