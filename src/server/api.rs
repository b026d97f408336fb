//! The JSON API behind the UI's scripts: search suggestions, an entity's
//! neighbourhood, the zone-to-policy network, and result downloads (CSV
//! with a UTF-8 BOM so that Excel reads Chinese correctly).
//!
//! Input: query parameters. Output: JSON, or a file to download.

use super::AppState;
use super::kg;
use super::sparql::{ProtocolRequest, Refusal, run_query};
use crate::store::{KgStore, StoreError};
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::HashMap;

type Params = Query<HashMap<String, String>>;

/// Runs a store read on a blocking thread and answers with JSON.
async fn json<T, F>(state: AppState, read: F) -> Response
where
    T: Serialize + Send + 'static,
    F: FnOnce(&KgStore) -> Result<T, StoreError> + Send + 'static,
{
    match tokio::task::spawn_blocking(move || read(&state.store)).await {
        Ok(Ok(value)) => match serde_json::to_vec(&value) {
            Ok(bytes) => ([(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
            Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        },
        Ok(Err(e)) => Refusal::from(e).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// `/api/search?q=`: up to 12 entities whose name contains `q`.
pub async fn search(State(state): State<AppState>, Query(params): Params) -> Response {
    let q = params.get("q").cloned().unwrap_or_default();
    json(state, move |store| kg::search(store, &q, 12)).await
}

/// `/api/neighbourhood?iri=`: the entity and its direct relations.
pub async fn neighbourhood(State(state): State<AppState>, Query(params): Params) -> Response {
    let iri = params.get("iri").cloned().unwrap_or_default();
    json(state, move |store| kg::neighbourhood(store, &iri)).await
}

/// `/api/network`: zones, policies and practices and how they connect.
pub async fn network(State(state): State<AppState>) -> Response {
    json(state, kg::network).await
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
