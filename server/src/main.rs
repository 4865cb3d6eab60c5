//! `server` runs the portal; `server create-staff ...` and friends manage accounts.
use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::telemetry::init_logging()?;
    server::cli::run(server::cli::Cli::parse()).await
}
