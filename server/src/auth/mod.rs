//! Passwords, session tokens, sessions and sign-in throttling.
pub mod password;
pub mod session;
pub mod throttle;
pub mod token;
