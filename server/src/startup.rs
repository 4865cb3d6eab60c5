//! Builds the whole application from settings, so `main` and the tests start the same thing.
use crate::auth::token::Tokens;
use crate::config::Settings;
use crate::http::{guard, health, identify, language, ministry, open_data, status, AppState, OwnRoute, RouterState};
use crate::services::{self, Ctx};
use anyhow::Context;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::routing::{get, post};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use sea_orm::DatabaseConnection;
use secrecy::ExposeSecret;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::services::ServeDir;

/// A built application, bound to its port and ready to serve.
pub struct Application {
    listener: TcpListener,
    router: Router,
    port: u16,
    db: DatabaseConnection,
    read_db: DatabaseConnection,
    warm_summaries: bool,
    /// The outbox's transports and how often to look, when this instance delivers it.
    outbox: Option<(crate::messages::Transports, std::time::Duration, Arc<String>)>,
}

/// The session-signing secret: configured, or (development only) generated once and kept
/// in the data folder so sessions survive a restart.
fn jwt_secret(settings: &Settings) -> anyhow::Result<Vec<u8>> {
    if let Some(s) = &settings.jwt_secret {
        return Ok(s.expose_secret().as_bytes().to_vec());
    }
    let path = settings.data_dir.join("jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing.trim().len() >= 64 {
            return Ok(existing.trim().as_bytes().to_vec());
        }
    }
    let secret: String = (0..2).map(|_| uuid::Uuid::new_v4().simple().to_string()).collect();
    crate::private_files::write_private(&path, secret.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(secret.into_bytes())
}

impl Application {
    /// Connects and migrates the database, loads reference (and, if asked, demo) data,
    /// and binds the listener.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        settings.check()?;
        crate::private_files::private_dir(&settings.data_dir)
            .with_context(|| format!("creating {}", settings.data_dir.display()))?;
        let pool = crate::db::Pool::of(&settings);
        let db = crate::db::connect_and_migrate_with(&settings.database_url(), pool).await?;
        let read_db = match &settings.database_read_url {
            Some(url) => crate::db::connect_replica(url, pool).await?,
            None => db.clone(),
        };
        if settings.environment == crate::config::Environment::Production {
            crate::seed::demo::refuse_demo_accounts(&db).await?;
        }
        crate::seed::reference::load(&db).await.context("loading reference data")?;
        if settings.demo_data {
            crate::seed::demo::load_if_empty(&db).await.context("loading demo data")?;
            crate::seed::demo::write_demo_documents(&db, &settings.data_dir)
                .await
                .context("writing the demo documents")?;
        }
        // Built even when this instance does not deliver: a malformed address stops the start.
        let transports = crate::messages::Transports::from_settings(&settings).context("setting up e-mail and SMS")?;
        let outbox =
            settings.worker.then(|| (transports, std::time::Duration::from_secs(settings.worker_interval_seconds)));
        let secret = jwt_secret(&settings)?;
        let tokens = Arc::new(Tokens::new(&secret, settings.session_minutes));
        crate::auth::password::warm_up();
        crate::http::metrics::handle();
        let listener =
            TcpListener::bind((settings.host.as_str(), settings.port)).await.context("binding the listener")?;
        let addr = listener.local_addr()?;
        let links = Arc::new(link_base(&settings, addr));
        let outbox = outbox.map(|(t, every)| (t, every, links.clone()));
        let ctx = Ctx { db: db.clone(), read_db: read_db.clone(), settings: Arc::new(settings), tokens, links };
        let router = router(ctx, addr);
        Ok(Self { listener, router, port: addr.port(), db, read_db, warm_summaries: false, outbox })
    }

    /// The port the application listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The database connection (tests use it to arrange data).
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Computes the dashboard's default period as soon as the server runs, when it never was.
    pub fn warm_summaries(mut self) -> Self {
        self.warm_summaries = true;
        self
    }

    /// Starts the background jobs and serves until the process is asked to stop.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        crate::services::ministry::provision_summary::spawn_job(
            self.db.clone(),
            self.read_db.clone(),
            self.warm_summaries,
        );
        crate::http::metrics::spawn_upkeep();
        if let Some((transports, every, links)) = self.outbox {
            crate::jobs::spawn_worker(
                self.db.clone(),
                transports,
                Arc::new(crate::messages::SystemClock),
                every,
                links,
            );
        }
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<SocketAddr>())
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    }
}

fn router(ctx: Ctx, addr: SocketAddr) -> Router {
    let site_root = ctx.settings.site_root.clone();
    let leptos_options = LeptosOptions::builder()
        .output_name("portal")
        .site_root(site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .build();
    let backend = services::backend(&ctx);
    let api_limit = crate::http::open_data::limiter(ctx.settings.api_requests_per_minute);
    let sync_limit = crate::http::supplier_sync::key_limiter(ctx.settings.api_syncs_per_minute);
    let app_state = AppState { ctx, backend: backend.clone(), api_limit, sync_limit };
    let state = RouterState { leptos_options: leptos_options.clone(), app: app_state.clone() };
    let routes = route_list();
    let context = {
        let backend = backend.clone();
        move || provide_context(backend.clone())
    };
    let shell = {
        let options = leptos_options.clone();
        move || app::shell(options.clone())
    };
    // Files of the site (pkg/, favicon, fonts) are served by tower-http, never by Leptos: its
    // file handler builds a reactive owner per file that can inherit a concurrent page
    // request's response options and carry that page's headers (its CSP, its cookies) away
    // onto the file. Only what is not a file reaches Leptos, which renders the 404 page.
    let not_found = leptos_axum::file_and_error_handler_with_context::<RouterState, _>(context.clone(), app::shell);
    let files = ServeDir::new(&site_root)
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .fallback(not_found.with_state(state.clone()));
    let own = own_routes().into_iter().fold(Router::new(), |router, route| router.route(&route.path, route.handler));
    own.leptos_routes_with_context(&state, routes, context, shell)
        .fallback_service(files)
        .layer(axum::middleware::from_fn(status::error_status))
        .layer(axum::middleware::from_fn(guard::small_forms))
        .layer(axum::middleware::from_fn_with_state(app_state.clone(), identify::identify))
        .layer(axum::middleware::from_fn_with_state(app_state.clone(), open_data::budget))
        .layer(axum::middleware::from_fn_with_state(app_state.clone(), guard::same_origin_only))
        .layer(axum::middleware::from_fn_with_state(app_state, guard::security_headers))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(12 * 1024 * 1024))
        .layer(axum::middleware::from_fn(crate::http::supplier_files::too_large_to_redirect))
        // The site's code goes out gzipped to browsers that ask: the release wasm shrinks from
        // 4.26 MB to 1.44 MB (gzip -6), which a cheap phone on mobile data feels. Pages and
        // answers are not compressed: they hold personal data next to what the visitor typed,
        // the mix a compression side channel (BREACH) reads.
        .layer(
            tower_http::compression::CompressionLayer::new()
                .gzip(true)
                .compress_when(SizeAbove::default().and(site_code)),
        )
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(status::panicked))
        .layer(axum::middleware::from_fn(crate::http::observe::observe))
        .with_state(state)
}

/// The pages' routes, generated once per process. Generating them renders the whole
/// application with resource loading switched off by a process-wide flag (`leptos_server`'s
/// `SuppressResourceLoad`): a page rendering in the same process at that moment would wait
/// for its data forever (leptos issue 4773). Done once, before any application of the
/// process serves, it can never meet a render; every later build reuses the list.
pub fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Every route that is neither a page nor a server function. The router is built from this
/// list and the access test requests each entry with every role, so a route added here
/// without an entry in that test's table fails it.
pub fn own_routes() -> Vec<OwnRoute> {
    let mut routes = vec![
        OwnRoute::get("/healthz", get(health::healthz)),
        OwnRoute::get("/readyz", get(health::readyz)),
        OwnRoute::get("/metrics", get(crate::http::metrics::scrape)),
        OwnRoute::get(crate::http::dev_messages::PATH, get(crate::http::dev_messages::page)),
        OwnRoute::post(app::routes::SET_LANGUAGE, post(language::set)),
        // An IPR file may be up to 5 MB; axum's own default stops extractors at 2 MB.
        OwnRoute::post(
            ministry::UPLOAD_PATH,
            post(ministry::upload.layer(DefaultBodyLimit::max(ministry::BODY_LIMIT))),
        ),
        OwnRoute::post(ministry::API_PATH, post(ministry::api.layer(DefaultBodyLimit::max(ministry::BODY_LIMIT)))),
        OwnRoute::get(ministry::CSV_PATH, get(ministry::provision_csv)),
        OwnRoute::get(ministry::DOCUMENT_PATH, get(ministry::document)),
        OwnRoute::get(open_data::PREFIX, get(open_data::page)),
        OwnRoute::get("/api/v1/openapi.json", get(open_data::openapi_json)),
        OwnRoute::get("/api/v1/catalogue", get(open_data::catalogue)),
        OwnRoute::get("/api/v1/offerings/{id}", get(open_data::offering)),
        OwnRoute::get("/api/v1/categories", get(open_data::categories)),
        OwnRoute::get("/api/v1/regions", get(open_data::regions)),
        OwnRoute::get("/api/v1/item-types", get(open_data::item_types)),
        OwnRoute::get("/api/v1/suppliers", get(open_data::suppliers)),
        OwnRoute::get("/api/v1/statistics/provision", get(open_data::provision)),
        OwnRoute::get("/api/v1/statistics/provision.csv", get(open_data::provision_csv)),
        OwnRoute::post("/api/v1/supplier/offerings", post(crate::http::supplier_sync::sync)),
    ];
    routes.extend(crate::http::supplier_files::routes());
    routes
}

/// Whether a response is the site's own code or style (wasm, JavaScript, CSS).
fn site_code(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    let kind = headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    ["application/wasm", "text/javascript", "application/javascript", "text/css"].iter().any(|t| kind.starts_with(t))
}

/// The start of the links in messages: the public origin, or this instance's address in
/// development (never the request's `Host`, which a client could set to send a person's
/// reset link elsewhere).
fn link_base(settings: &Settings, addr: std::net::SocketAddr) -> String {
    if let Some(origin) = &settings.public_origin {
        return origin.trim_end_matches('/').to_owned();
    }
    let host = if addr.ip().is_unspecified() { "localhost".to_owned() } else { addr.ip().to_string() };
    format!("http://{host}:{}", addr.port())
}
