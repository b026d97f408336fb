//! What every page shares: the embedded static files (our CSS and scripts,
//! the palette CSS generated from `graph::style`, and the vendored
//! Cytoscape.js with its fcose layout), the language choice, and `render`,
//! which builds a page on a blocking thread.
//!
//! Input: requests. Output: responses; error messages are escaped.

use super::AppState;
use super::html::{self, Lang, esc};
use crate::graph::GraphError;
use crate::store::KgStore;
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::OnceLock;

const JS: &str = "text/javascript; charset=utf-8";

/// Static files, embedded in the binary.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    ("search.js", JS, include_str!("assets/search.js")),
    ("graph.js", JS, include_str!("assets/graph.js")),
    ("editor.js", JS, include_str!("assets/editor.js")),
    (
        "cytoscape.min.js",
        JS,
        include_str!("assets/vendor/cytoscape.min.js"),
    ),
    (
        "layout-base.min.js",
        JS,
        include_str!("assets/vendor/layout-base.min.js"),
    ),
    (
        "cose-base.min.js",
        JS,
        include_str!("assets/vendor/cose-base.min.js"),
    ),
    (
        "cytoscape-fcose.min.js",
        JS,
        include_str!("assets/vendor/cytoscape-fcose.min.js"),
    ),
];

/// The scripts a graph picture needs, in load order.
pub const GRAPH_SCRIPTS: &[&str] = &[
    "cytoscape.min.js",
    "layout-base.min.js",
    "cose-base.min.js",
    "cytoscape-fcose.min.js",
    "graph.js",
];

/// The class and property colours as CSS, made once from `graph::style`.
fn palette() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(crate::graph::style::css)
}

pub async fn asset(Path(name): Path<String>) -> Response {
    let found = if name == "palette.css" {
        Some(("text/css; charset=utf-8", palette()))
    } else {
        ASSETS
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, media, body)| (*media, *body))
    };
    match found {
        Some((media, body)) => (
            [
                (header::CONTENT_TYPE, media),
                (header::CACHE_CONTROL, "max-age=3600"),
            ],
            body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}

/// Which language a request wants.
pub fn lang(params: &HashMap<String, String>, headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').find_map(|kv| kv.trim().strip_prefix("lang=")));
    Lang::pick(params.get("lang").map(String::as_str), cookie)
}

/// Builds a page on a blocking thread (the store is synchronous) and
/// remembers an explicit language choice in a cookie.
pub async fn render<F>(
    state: AppState,
    params: HashMap<String, String>,
    headers: HeaderMap,
    build: F,
) -> Response
where
    F: FnOnce(&KgStore, &HashMap<String, String>, Lang) -> Result<(StatusCode, String), GraphError>
        + Send
        + 'static,
{
    let lang = lang(&params, &headers);
    let chosen = params.contains_key("lang");
    let result = tokio::task::spawn_blocking(move || build(&state.store, &params, lang)).await;
    let (status, body) = match result {
        Ok(Ok(page)) => page,
        Ok(Err(e)) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            html::page(
                lang,
                "error",
                &format!("<p class=\"error\">{}</p>", esc(&e.to_string())),
                &[],
            ),
        ),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, esc(&e.to_string())),
    };
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    if chosen {
        let cookie = format!("lang={}; Path=/; SameSite=Lax", lang.code());
        if let Ok(value) = cookie.parse() {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}

/// `/lang/en`, `/lang/zh`: remembers the choice and goes back to the page
/// the link was on (same site only).
pub async fn switch_language(Path(code): Path<String>, headers: HeaderMap) -> Response {
    let code = if code == "en" { "en" } else { "zh" };
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(same_site_path)
        .unwrap_or_else(|| "/".to_owned());
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        (header::LOCATION, back),
        (
            header::SET_COOKIE,
            format!("lang={code}; Path=/; SameSite=Lax"),
        ),
    ] {
        if let Ok(value) = value.parse() {
            headers.insert(name, value);
        }
    }
    if !headers.contains_key(header::LOCATION) {
        headers.insert(header::LOCATION, header::HeaderValue::from_static("/"));
    }
    response
}

/// The path and query of a URL, without its `lang=` parameters.
fn same_site_path(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let path = &rest[rest.find('/')?..];
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty() && !kv.starts_with("lang="))
        .collect();
    Some(if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    })
}

pub fn not_found(lang: Lang, what: &str) -> (StatusCode, String) {
    let body = format!(
        "<p class=\"error\">{} {}</p>",
        lang.t("未找到", "Not found:"),
        esc(what)
    );
    (StatusCode::NOT_FOUND, html::page(lang, "404", &body, &[]))
}
