//! Accounts: signing up, in and out, sessions and roles, and proving whose record an account
//! is (e-mail confirmation, identity codes, letters, password resets).
mod auth;
mod identity;
