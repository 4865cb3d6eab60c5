//! Staff accounts, as the admin manages them.
use crate::domain::{AccountStatus, Role};
use serde::{Deserialize, Serialize};

/// A staff or admin account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccountRow {
    /// Account id.
    pub id: i32,
    /// Sign-in e-mail.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Staff or admin.
    pub role: Role,
    /// Region of regional staff, named; `None` for central staff.
    pub region: Option<String>,
    /// Active or disabled.
    pub status: AccountStatus,
    /// Last sign-in (YYYY-MM-DD HH:MM UTC).
    pub last_sign_in: Option<String>,
    /// The admin looking at the list (who cannot disable themself).
    pub is_me: bool,
    /// Whether two-step sign-in is set up.
    pub second_factor: bool,
}
