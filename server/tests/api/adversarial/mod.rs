//! Attacks on the running portal, kept in the suite so each stays closed: what a one-hour
//! attack opened (demo accounts in production, markup in titles, documents by id, raced and
//! abused throttles, widened supplier scope, moved prices, open redirects, panics, weak
//! passwords, unbounded hashing, malformed bodies, readable files, logged e-mails, incomplete
//! approvals, wrong statuses), and the role × route matrix generated from the router.
mod account;
mod documents;
mod forgery;
mod hashing;
mod inputs;
mod matrix;
mod production;
mod redirects;
mod second_factor;
mod supplier;
mod throttle;
mod titles;
