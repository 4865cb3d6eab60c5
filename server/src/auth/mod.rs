//! Passwords, session tokens, sessions and sign-in throttling.
pub mod password;
pub mod second_factor;
pub mod session;
pub mod strength;
pub mod throttle;
pub mod token;
