//! The backend of the Social Services Portal: entities, use cases behind the ports, auth,
//! configuration, HTTP edge and start-up.
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod entities;
pub mod http;
pub mod jobs;
pub mod messages;
pub mod private_files;
pub mod seed;
pub mod services;
pub mod startup;
pub mod telemetry;
