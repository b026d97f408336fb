//! The JSON API behind the UI's scripts, all read through `graph`: search
//! suggestions, the graph pictures (network, everything, zone overview)
//! as Cytoscape.js elements for the filters in the URL, the replication
//! matrix as CSV, and result downloads (CSV with a UTF-8 BOM so that Excel
//! reads Chinese correctly).
//!
//! Input: query parameters. Output: JSON, or a file to download.

use super::AppState;
use super::params::{self, View};
use super::sparql::{ProtocolRequest, run_query};
use crate::graph::{self, GraphError, links, overview, replication, resolve};
use crate::store::KgStore;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

type Params = Query<HashMap<String, String>>;

/// Runs a store read on a blocking thread and answers with its bytes; a
/// name that is not found or is ambiguous is the client's error.
async fn answer<F>(state: AppState, media_type: &'static str, read: F) -> Response
where
    F: FnOnce(&KgStore) -> Result<Vec<u8>, GraphError> + Send + 'static,
{
    match tokio::task::spawn_blocking(move || read(&state.store)).await {
        Ok(Ok(bytes)) => ([(header::CONTENT_TYPE, media_type)], bytes).into_response(),
        Ok(Err(e)) => {
            let status = match e {
                GraphError::NotFound { .. }
                | GraphError::Ambiguous { .. }
                | GraphError::BadDate(_) => StatusCode::BAD_REQUEST,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            (status, e.to_string()).into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

fn to_json(value: &impl serde::Serialize) -> Result<Vec<u8>, GraphError> {
    serde_json::to_vec(value).map_err(|e| GraphError::Output(std::io::Error::other(e)))
}

/// `/api/search?q=`: up to 12 entities whose name contains `q`.
pub async fn search(State(state): State<AppState>, Query(params): Params) -> Response {
    let q = params.get("q").cloned().unwrap_or_default();
    answer(state, "application/json", move |store| {
        to_json(&resolve::search(&resolve::Catalogue::load(store)?, &q, 12))
    })
    .await
}

/// The Cytoscape.js elements of a view for the filters in `params`; the
/// same projection `ftzkg graph` / `ftzkg links --all` draw.
pub fn elements(
    store: &KgStore,
    params: &HashMap<String, String>,
) -> Result<serde_json::Value, GraphError> {
    let filter = params::filter(store, params)?;
    let projection = graph::project(store, &filter)?;
    Ok(match View::parse(params.get("view").map(String::as_str)) {
        View::Network => graph::export::cytoscape(&links::network(&projection)),
        View::All => graph::export::cytoscape(&projection),
        View::Zones => overview::overview(&projection).cytoscape(),
    })
}

/// `/api/graph?view=network|all|zones&zone=&province=&classes=&properties=&from=&to=&focus=&depth=`.
pub async fn graph(State(state): State<AppState>, Query(params): Params) -> Response {
    answer(state, "application/json", move |store| {
        to_json(&elements(store, &params)?)
    })
    .await
}

/// `/replication.csv?province=&from=&to=&sort=`: the matrix `ftzkg
/// replication --format csv` prints, with a BOM for Excel.
pub async fn replication_csv(State(state): State<AppState>, Query(params): Params) -> Response {
    let mut response = answer(state, "text/csv; charset=utf-8", move |store| {
        let filter = params::filter(store, &without_province(&params))?;
        let matrix = replication::read(store, &filter, &params::matrix_options(&params))?;
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        replication::write_csv(&matrix, &mut bytes)?;
        Ok(bytes)
    })
    .await;
    if response.status().is_success() {
        response.headers_mut().insert(
            header::CONTENT_DISPOSITION,
            header::HeaderValue::from_static("attachment; filename=\"ftzkg-replication.csv\""),
        );
    }
    response
}

/// The matrix filters its columns by province itself; the projection
/// must keep every zone.
pub fn without_province(params: &HashMap<String, String>) -> HashMap<String, String> {
    let mut p = params.clone();
    p.remove("province");
    p
}

/// `/api/download?query=&format=csv|tsv|json|xml`: the results as a file.
pub async fn download(State(state): State<AppState>, Query(params): Params) -> Response {
    let format = params
        .get("format")
        .cloned()
        .unwrap_or_else(|| "csv".into());
    let request = ProtocolRequest {
        query: params.get("query").cloned(),
        format: Some(format.clone()),
        ..ProtocolRequest::default()
    };
    if request.query.is_none() {
        return (StatusCode::BAD_REQUEST, "missing `query` parameter").into_response();
    }
    match run_query(&state, request, None).await {
        Ok(answer) => {
            let (bytes, media_type) = if format == "csv" {
                let mut with_bom = "\u{feff}".as_bytes().to_vec();
                with_bom.extend(answer.bytes);
                (with_bom, "text/csv; charset=utf-8")
            } else {
                (answer.bytes, answer.media_type)
            };
            let extension = if format == "jsonld" {
                "jsonld"
            } else {
                format.as_str()
            };
            let disposition = format!(
                "attachment; filename=\"ftzkg-results.{}\"",
                extension.replace('"', "")
            );
            (
                [
                    (header::CONTENT_TYPE, media_type.to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                bytes,
            )
                .into_response()
        }
        Err(refusal) => refusal.into_response(),
    }
}
