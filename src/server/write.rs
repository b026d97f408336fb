//! Writes through the server, for staff: curation decisions and newsletter
//! uploads. Only a server started with `--writable --token TOKEN` accepts
//! them, and only with `Authorization: Bearer TOKEN` from the same origin
//! (a cross-site page can neither read the token nor send the header, and
//! `Origin`/`Sec-Fetch-Site` are checked as well). Everything else is
//! refused: 401 without a token, 403 with a wrong one or on a read-only
//! server. Uploads are kept in `<store>/uploads/` and ingested in-process
//! by `ingest::ingest_paths`, the CLI's own function, so the server sees
//! new data at once.
//!
//! Input: HTTP requests. Output: JSON (the decision or the ingest summary).

use super::AppState;
use crate::curate::{self, Action};
use crate::extract::Extractor;
use crate::ingest;
use crate::search::SearchIndex;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// What the write side shares: the token, the extractor (loaded on first
/// use: it holds the jieba dictionary), the full-text index, one write at
/// a time.
#[derive(Default)]
pub struct Staff {
    pub token: Option<String>,
    extractor: OnceLock<Result<Extractor, String>>,
    index: OnceLock<Result<SearchIndex, String>>,
    writing: Mutex<()>,
}

impl Staff {
    pub fn new(token: Option<String>) -> Self {
        Staff {
            token,
            ..Staff::default()
        }
    }

    pub fn extractor(&self) -> Result<&Extractor, String> {
        self.extractor
            .get_or_init(|| Extractor::new().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The store's full-text index (opened on first use).
    pub fn index(&self, state: &AppState) -> Result<&SearchIndex, String> {
        self.index
            .get_or_init(|| {
                let dir = state.store.dir().ok_or("the store has no folder")?;
                let jieba = self.extractor()?.jieba();
                SearchIndex::open(&SearchIndex::path_in(dir), jieba).map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::json!({ "error": message }).to_string(),
    )
        .into_response();
    if status == StatusCode::UNAUTHORIZED
        && let Ok(value) = "Bearer realm=\"ftzkg\"".parse()
    {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// Lets a write through, or says why not.
pub fn authorise(state: &AppState, headers: &HeaderMap) -> Result<(), Box<Response>> {
    let Some(token) = &state.staff.token else {
        return Err(Box::new(refuse(
            StatusCode::FORBIDDEN,
            "this server is read-only: start it with `serve --writable --token TOKEN`",
        )));
    };
    let value = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = value(header::HeaderName::from_static("sec-fetch-site"))
        && !matches!(site, "same-origin" | "none")
    {
        return Err(Box::new(refuse(
            StatusCode::FORBIDDEN,
            "cross-site write refused",
        )));
    }
    if let Some(origin) = value(header::ORIGIN) {
        let host = value(header::HOST).unwrap_or_default();
        let same = origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host);
        if !same {
            return Err(Box::new(refuse(
                StatusCode::FORBIDDEN,
                "cross-origin write refused",
            )));
        }
    }
    let Some(given) = value(header::AUTHORIZATION).and_then(|v| v.strip_prefix("Bearer ")) else {
        return Err(Box::new(refuse(
            StatusCode::UNAUTHORIZED,
            "writes need the header `Authorization: Bearer TOKEN`",
        )));
    };
    if !same_secret(given.trim().as_bytes(), token.as_bytes()) {
        return Err(Box::new(refuse(StatusCode::FORBIDDEN, "wrong token")));
    }
    Ok(())
}

/// Compares without stopping at the first difference.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The body of `POST /api/curate`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct CurateRequest {
    verb: String,
    subject: String,
    property: String,
    object: String,
    keep: String,
    other: String,
    entity: String,
    label: String,
    class: String,
    alias: String,
    why: String,
    by: String,
    note: String,
}

impl CurateRequest {
    fn action(self) -> Result<(Action, String, String, String), String> {
        let action = match self.verb.as_str() {
            "reject" => Action::Reject {
                subject: self.subject,
                property: self.property.parse()?,
                object: self.object,
            },
            "add" => Action::Add {
                subject: self.subject,
                property: self.property.parse()?,
                object: self.object,
            },
            "merge" => Action::Merge {
                keep: self.keep,
                other: self.other,
            },
            "rename" => Action::Rename {
                entity: self.entity,
                label: self.label,
            },
            "retype" => Action::Retype {
                entity: self.entity,
                class: self.class.parse()?,
            },
            "alias" => Action::Alias {
                entity: self.entity,
                alias: self.alias,
            },
            other => return Err(format!("unknown verb `{other}`")),
        };
        let by = if self.by.is_empty() {
            "web".to_owned()
        } else {
            self.by
        };
        Ok((action, by, self.why, self.note))
    }
}

/// `POST /api/curate` (JSON): records and applies one decision.
pub async fn curate(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    if let Err(refused) = authorise(&state, &headers) {
        return *refused;
    }
    let request: CurateRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, &format!("bad JSON: {e}")),
    };
    let (action, by, why, note) = match request.action() {
        Ok(parts) => parts,
        Err(e) => return refuse(StatusCode::BAD_REQUEST, &e),
    };
    let result = tokio::task::spawn_blocking(move || {
        let _one_at_a_time = state.staff.writing.lock();
        curate::decide(&state.store, action, &by, &why, &note)
    })
    .await;
    match result {
        Ok(Ok((decision, report))) => axum::Json(serde_json::json!({
            "decision": decision,
            "line": decision.to_string(),
            "report": report,
        }))
        .into_response(),
        Ok(Err(e)) => refuse(StatusCode::BAD_REQUEST, &e.to_string()),
        Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `POST /api/upload?name=FILE` (the file as the body): ingests it.
pub async fn upload(
    State(state): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refused) = authorise(&state, &headers) {
        return *refused;
    }
    let name = params.get("name").cloned().unwrap_or_default();
    let name = std::path::Path::new(&name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.is_empty() || body.is_empty() {
        return refuse(
            StatusCode::BAD_REQUEST,
            "send the file as the body of POST /api/upload?name=FILE",
        );
    }
    let result = tokio::task::spawn_blocking(move || -> Result<ingest::Summary, String> {
        let _one_at_a_time = state.staff.writing.lock();
        // Kept in the store folder: the source of what was ingested.
        let folder = state
            .store
            .dir()
            .ok_or("the store has no folder")?
            .join("uploads");
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let path = folder.join(&name);
        std::fs::write(&path, &body).map_err(|e| e.to_string())?;
        let extractor = state.staff.extractor()?;
        let summary = ingest::ingest_paths(
            &state.store,
            extractor,
            &[path],
            ingest::Options::default(),
            &|_, _, _| {},
        )
        .map_err(|e| e.to_string())?;
        if let Ok(index) = state.staff.index(&state) {
            index.reload().map_err(|e| e.to_string())?;
        }
        Ok(summary)
    })
    .await;
    match result {
        Ok(Ok(summary)) => {
            let status = if summary.errors.is_empty() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            (status, axum::Json(summary)).into_response()
        }
        Ok(Err(e)) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
        Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"s3cret-token", b"s3cret-token"));
        assert!(!same_secret(b"s3cret-token", b"s3cret-tokem"));
        assert!(!same_secret(b"s3cret", b"s3cret-token"));
    }
}
