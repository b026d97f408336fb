//! `ftzkg serve`: one HTTP server with the SPARQL 1.1 Protocol endpoint
//! (`/sparql`, `/query`) and a web UI for policy staff (search, entity and
//! zone pages, articles, the network and zone overview, the replication
//! matrix, practice traces and SPARQL). Every page reads the store through
//! `graph`, the same read model the commands use.
//!
//! Input: a store folder, a bind address and a query timeout. Output: HTTP
//! responses. The store is opened read-only unless `--writable` is given;
//! only `write` (curation, upload; with `--token`) ever writes to it.

mod api;
mod entity;
mod html;
mod page;
mod pages;
mod params;
mod sparql;
mod staff_pages;
mod views;
mod write;

use crate::store::{KgStore, StoreError};
use axum::Router;
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// What `ftzkg serve` was asked to do.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub store: PathBuf,
    pub bind: SocketAddr,
    pub timeout: Duration,
    /// Open the store for writing (locks it).
    pub writable: bool,
    /// With `writable`: the bearer token that staff writes need.
    pub token: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no store at {0}: run `ftzkg --store DIR ingest PATH` first")]
    NoStore(PathBuf),
    #[error("cannot listen on {bind}: {message}")]
    Bind { bind: SocketAddr, message: String },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// What every handler shares: the store and the query time limit.
#[derive(Clone)]
pub struct AppState {
    pub store: KgStore,
    pub timeout: Duration,
    /// The write side (token, extractor, full-text index).
    pub staff: std::sync::Arc<write::Staff>,
}

/// Opens the store, binds, prints the address and serves until killed.
pub fn serve(config: &ServeConfig) -> Result<(), ServerError> {
    if !config.store.join("CURRENT").exists() {
        return Err(ServerError::NoStore(config.store.clone()));
    }
    let store = if config.writable {
        KgStore::open(&config.store)?
    } else {
        KgStore::open_read_only(&config.store)?
    };
    let token = config.token.clone().filter(|_| config.writable);
    let state = AppState {
        store,
        timeout: config.timeout,
        staff: std::sync::Arc::new(write::Staff::new(token)),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|e| ServerError::Bind {
                bind: config.bind,
                message: e.to_string(),
            })?;
        let address = listener.local_addr()?;
        println!(
            "ftzkg serve: http://{address}/ (SPARQL endpoint http://{address}/sparql, timeout {} s, {})",
            config.timeout.as_secs(),
            if config.writable { "store opened writable" } else { "store opened read-only" }
        );
        axum::serve(listener, router(state)).await?;
        Ok(())
    })
}

/// Every route of the server.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(
            "/sparql",
            get(sparql::get_endpoint).post(sparql::post_endpoint),
        )
        .route(
            "/query",
            get(sparql::get_endpoint).post(sparql::post_endpoint),
        )
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/entity", get(entity::entity))
        .route("/article", get(pages::article))
        .route("/graph", get(views::graph))
        .route("/replication", get(views::replication))
        .route("/replication.csv", get(api::replication_csv))
        .route("/trace", get(entity::trace))
        .route("/editor", get(pages::editor))
        .route("/api/search", get(api::search))
        .route("/api/graph", get(api::graph))
        .route("/api/download", get(api::download))
        .route("/assets/{name}", get(page::asset))
        .route("/lang/{code}", get(page::switch_language))
        .route("/fulltext", get(staff_pages::page))
        .route("/api/fulltext", get(staff_pages::api))
        .route("/upload", get(staff_pages::upload))
        .route("/curate", get(staff_pages::curate))
        .route("/staff.js", get(staff_pages::script))
        .route("/api/curate", post(write::curate))
        .route(
            "/api/upload",
            post(write::upload).layer(axum::extract::DefaultBodyLimit::max(64 * 1024 * 1024)),
        )
        .with_state(state)
}
