//! One's own account, and the second factor of staff and admins.
pub mod identity;
pub mod messages;
pub mod overview;
pub mod password;
pub mod recovery_codes;
pub mod second_factor;
pub mod second_factor_set_up;
pub mod sessions;
