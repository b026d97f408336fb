//! Pages for staff: full-text search (`/fulltext`, `/api/fulltext`),
//! newsletter upload (`/upload`) and an entity's curation page (`/curate`:
//! reject a relation, merge, rename, alias, retype). The pages work on any
//! server; their buttons send the writes of `write.rs` with the token the
//! person types (kept in the tab's sessionStorage, never in a cookie).
//!
//! Input: query parameters. Output: HTML (every store string escaped), JSON.

use super::AppState;
use super::html::{self, Lang, esc, url};
use super::page::lang;
use crate::model::Property;
use crate::search::{self, Hit, SearchRequest};
use crate::vocab;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::fmt::Write;

type Params = Query<HashMap<String, String>>;

const SCRIPT: &str = include_str!("assets/staff.js");

/// `/staff.js`: the script of the upload and curation pages.
pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

fn html_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

fn request_of(params: &HashMap<String, String>) -> SearchRequest {
    let get = |k: &str| params.get(k).filter(|v| !v.trim().is_empty()).cloned();
    SearchRequest {
        text: get("q").unwrap_or_default(),
        zone: get("zone"),
        from: get("from"),
        to: get("to"),
        limit: get("limit").and_then(|l| l.parse().ok()).unwrap_or(20),
    }
}

async fn find(state: AppState, request: SearchRequest) -> Result<Vec<Hit>, String> {
    tokio::task::spawn_blocking(move || {
        let index = state.staff.index(&state)?;
        search::search(index, &state.store, &request).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// `/api/fulltext?q=&zone=&from=&to=`: hits as JSON.
pub async fn api(State(state): State<AppState>, Query(params): Params) -> Response {
    match find(state, request_of(&params)).await {
        Ok(hits) => axum::Json(hits).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, e).into_response(),
    }
}

/// `/fulltext?q=…`: the search form and the articles found.
pub async fn page(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    let lang = lang(&params, &headers);
    let request = request_of(&params);
    let mut body = format!(
        "<h1>{}</h1><form class=\"search\" action=\"/fulltext\" method=\"get\">\
         <input id=\"fulltext-q\" name=\"q\" type=\"search\" value=\"{}\" placeholder=\"{}\">\
         <input name=\"zone\" value=\"{}\" placeholder=\"{}\">\
         <input name=\"from\" value=\"{}\" placeholder=\"{}\" size=\"10\">\
         <input name=\"to\" value=\"{}\" placeholder=\"{}\" size=\"10\">\
         <button type=\"submit\">{}</button></form>",
        lang.t("全文检索", "Full-text search"),
        esc(&request.text),
        lang.t("文章中的词语，如 保税燃料油", "Words in the articles"),
        esc(request.zone.as_deref().unwrap_or("")),
        lang.t("片区（可选）", "Zone (optional)"),
        esc(request.from.as_deref().unwrap_or("")),
        lang.t("起 YYYY-MM", "from"),
        esc(request.to.as_deref().unwrap_or("")),
        lang.t("止 YYYY-MM", "to"),
        lang.t("检索", "Search"),
    );
    let mut status = StatusCode::OK;
    if !request.text.trim().is_empty() {
        match find(state, request).await {
            Ok(hits) => body.push_str(&hits_html(&hits, lang)),
            Err(e) => {
                status = StatusCode::BAD_REQUEST;
                let _ = write!(body, "<p class=\"error\">{}</p>", esc(&e));
            }
        }
    }
    html_response(
        status,
        html::page(lang, lang.t("全文检索", "Full-text search"), &body, &[]),
    )
}

fn hits_html(hits: &[Hit], lang: Lang) -> String {
    let mut out = format!(
        "<p class=\"count\" id=\"fulltext-count\">{} {}</p><ol class=\"hits\" id=\"fulltext-hits\">",
        hits.len(),
        lang.t("篇文章", "articles")
    );
    for hit in hits {
        let _ = write!(
            out,
            "<li><p>{} <span class=\"meta\">{} {}</span></p><p class=\"snippet\">{}</p>",
            html::article_link(&hit.article, &hit.title),
            esc(&hit.issue),
            esc(hit.date.as_deref().unwrap_or("")),
            hit.snippet.marked("<mark>", "</mark>", &esc)
        );
        if !hit.entities.is_empty() {
            let links: Vec<String> = hit
                .entities
                .iter()
                .map(|e| html::entity_link(&e.iri, &e.label, &e.class))
                .collect();
            let _ = write!(out, "<p class=\"entities\">{}</p>", links.join(" "));
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// The token box shared by the write pages.
fn token_box(lang: Lang) -> String {
    format!(
        "<p class=\"token\"><label>{} <input id=\"token\" type=\"password\" autocomplete=\"off\"></label> \
         <span class=\"hint\">{}</span></p><pre id=\"status\" class=\"status\"></pre>",
        lang.t("写入口令", "Write token"),
        lang.t(
            "服务器须以 serve --writable --token TOKEN 启动；口令只保存在本标签页。",
            "The server must run with serve --writable --token TOKEN; the token stays in this tab."
        )
    )
}

/// `/upload`: choose a newsletter, watch it ingested.
pub async fn upload(Query(params): Params, headers: HeaderMap) -> Response {
    let lang = lang(&params, &headers);
    let body = format!(
        "<h1>{}</h1><p>{}</p>{}<form id=\"upload-form\"><input id=\"upload-file\" type=\"file\" \
         accept=\".txt,.text,.md,.pdf,.docx,.html,.htm\"> <button id=\"upload-button\" type=\"submit\">{}</button></form>",
        lang.t("上传简报", "Upload a newsletter"),
        lang.t(
            "文本、PDF、Word（.docx）或保存的网页；导入后即可查询和检索。",
            "Plain text, PDF, Word (.docx) or a saved web page; searchable as soon as it is ingested."
        ),
        token_box(lang),
        lang.t("上传并导入", "Upload and ingest")
    );
    html_response(
        StatusCode::OK,
        html::page(lang, lang.t("上传简报", "Upload"), &body, &[])
            .replace("</body>", "<script src=\"/staff.js\"></script></body>"),
    )
}

/// `/curate?iri=`: an entity's relations with reject buttons, and forms to
/// merge another entity into it, rename, add an alias, change its class.
pub async fn curate(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    let lang = lang(&params, &headers);
    let iri = params.get("iri").cloned().unwrap_or_default();
    let read = tokio::task::spawn_blocking(move || relations(&state, &iri).map(|r| (iri, r))).await;
    let (iri, (label, rows)) = match read {
        Ok(Ok(found)) => found,
        Ok(Err(e)) => {
            return html_response(
                StatusCode::NOT_FOUND,
                html::page(
                    lang,
                    "404",
                    &format!("<p class=\"error\">{}</p>", esc(&e)),
                    &[],
                ),
            );
        }
        Err(e) => return html_response(StatusCode::INTERNAL_SERVER_ERROR, esc(&e.to_string())),
    };
    let mut body = format!(
        "<h1>{} · <a href=\"/entity?iri={}\">{}</a></h1>{}<table id=\"curate-relations\"><tbody>",
        lang.t("校订", "Curate"),
        url(&iri),
        esc(&label),
        token_box(lang)
    );
    for (s, s_label, property, o, o_label) in &rows {
        let _ = write!(
            body,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><button class=\"reject\" data-subject=\"{}\" \
             data-property=\"{}\" data-object=\"{}\">{}</button></td></tr>",
            esc(s_label),
            esc(html::property_name(*property, lang)),
            esc(o_label),
            esc(s),
            esc(property.local_name()),
            esc(o),
            lang.t("否决", "Reject")
        );
    }
    body.push_str("</tbody></table>");
    for (verb, field, label) in [
        (
            "merge",
            "other",
            lang.t(
                "并入另一实体（名称或别名）",
                "Merge another entity into this one",
            ),
        ),
        (
            "rename",
            "label",
            lang.t(
                "改名（旧名成为别名）",
                "Rename (the old name becomes an alias)",
            ),
        ),
        ("alias", "alias", lang.t("添加别名", "Add an alias")),
        (
            "retype",
            "class",
            lang.t(
                "改类（如 Firm、Practice）",
                "Change class (Firm, Practice …)",
            ),
        ),
    ] {
        let _ = write!(
            body,
            "<form class=\"curate\" data-verb=\"{verb}\" data-field=\"{field}\" data-entity=\"{}\">\
             <label>{} <input name=\"value\" id=\"curate-{verb}\"></label> \
             <input name=\"why\" placeholder=\"{}\"> <button type=\"submit\">OK</button></form>",
            esc(&iri),
            esc(label),
            lang.t("理由", "why")
        );
    }
    html_response(
        StatusCode::OK,
        html::page(lang, lang.t("校订", "Curate"), &body, &[])
            .replace("</body>", "<script src=\"/staff.js\"></script></body>"),
    )
}

type Row = (String, String, Property, String, String);

/// The entity's label and its relations in both directions.
fn relations(state: &AppState, iri: &str) -> Result<(String, Vec<Row>), String> {
    let node = oxigraph::model::NamedNode::new(iri).map_err(|e| format!("<{iri}>: {e}"))?;
    let (_, label) = state
        .store
        .select(&format!(
            "SELECT ?l WHERE {{ {node} rdfs:label ?l }} LIMIT 1"
        ))
        .map_err(|e| e.to_string())?;
    let label = label
        .into_iter()
        .next()
        .map(|mut r| r.remove(0))
        .ok_or(format!("no entity {iri}"))?;
    let values: Vec<String> = Property::ALL
        .iter()
        .filter(|p| **p != Property::Mentions)
        .map(|p| format!("<{}>", vocab::property_iri(*p)))
        .collect();
    let sparql = format!(
        "SELECT DISTINCT ?s ?sl ?p ?o ?ol WHERE {{ VALUES ?p {{ {} }} \
         {{ {node} ?p ?o . BIND({node} AS ?s) }} UNION {{ ?s ?p {node} . BIND({node} AS ?o) }} \
         ?s rdfs:label ?sl . ?o rdfs:label ?ol }} ORDER BY ?p ?sl ?ol",
        values.join(" ")
    );
    let (_, rows) = state.store.select(&sparql).map_err(|e| e.to_string())?;
    let rows = rows
        .into_iter()
        .filter_map(|r| {
            let property = r[2].strip_prefix(vocab::FTZ)?.parse().ok()?;
            Some((
                r[0].clone(),
                r[1].clone(),
                property,
                r[3].clone(),
                r[4].clone(),
            ))
        })
        .collect();
    Ok((label, rows))
}
