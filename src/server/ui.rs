//! The web UI pages, rendered on the server: home with search, search
//! results, entity, article, graph view, practice trace and SPARQL editor,
//! plus the embedded static assets (CSS and JS, no CDN).
//!
//! Input: query parameters (`iri`, `q`, `name`, `lang`). Output: HTML pages
//! in which every string from the store is escaped.

use super::AppState;
use super::html::{self, Lang, esc, url};
use super::kg::{self, Direction, Link};
use crate::model::Property;
use crate::queries;
use crate::store::{KgStore, StoreError};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::fmt::Write;

type Params = Query<HashMap<String, String>>;

/// Static files, embedded in the binary.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    (
        "search.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/search.js"),
    ),
    (
        "graph.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/graph.js"),
    ),
    (
        "editor.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/editor.js"),
    ),
];

pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, media, body)) => (
            [
                (header::CONTENT_TYPE, *media),
                (header::CACHE_CONTROL, "max-age=3600"),
            ],
            *body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}

/// Which language a request wants.
pub(super) fn lang(params: &HashMap<String, String>, headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').find_map(|kv| kv.trim().strip_prefix("lang=")));
    Lang::pick(params.get("lang").map(String::as_str), cookie)
}

/// Builds a page on a blocking thread (the store is synchronous) and
/// remembers an explicit language choice in a cookie.
async fn render<F>(
    state: AppState,
    params: HashMap<String, String>,
    headers: HeaderMap,
    build: F,
) -> Response
where
    F: FnOnce(&KgStore, &HashMap<String, String>, Lang) -> Result<(StatusCode, String), StoreError>
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

fn not_found(lang: Lang, what: &str) -> (StatusCode, String) {
    let body = format!(
        "<p class=\"error\">{} {}</p>",
        lang.t("未找到", "Not found:"),
        esc(what)
    );
    (StatusCode::NOT_FOUND, html::page(lang, "404", &body, &[]))
}

fn search_form(lang: Lang, value: &str) -> String {
    format!(
        "<form class=\"search\" action=\"/search\" method=\"get\" autocomplete=\"off\">\
         <input id=\"q\" name=\"q\" type=\"search\" value=\"{}\" placeholder=\"{}\" autofocus>\
         <button type=\"submit\">{}</button><ul id=\"suggestions\"></ul></form>",
        esc(value),
        lang.t(
            "搜索片区、政策、制度创新、企业……",
            "Search zones, policies, practices, firms…"
        ),
        lang.t("搜索", "Search")
    )
}

pub async fn home(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, _, lang| {
        let (_, rows) = store.select(
            "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?a ftz:mentions ?e . ?e a ?class } GROUP BY ?class ORDER BY DESC(?n)",
        )?;
        let mut body = format!(
            "<h1>{}</h1><p class=\"lead\">{}</p>{}",
            lang.t("自贸试验区知识图谱", "Knowledge graph of China's pilot free trade zones"),
            lang.t(
                "从自贸动态等简报中抽取的片区、政策、制度创新、企业及其关系，每条关系均附原文证据句。",
                "Zones, policies, practices and firms extracted from newsletters, each relation with the sentence that states it."
            ),
            search_form(lang, "")
        );
        body.push_str("<ul class=\"counts\">");
        for row in rows {
            let class = kg::class_of(&row[0]).map(|c| c.local_name().to_owned()).unwrap_or_default();
            let _ = write!(
                body,
                "<li class=\"c-{}\"><b>{}</b> {}</li>",
                esc(&class),
                esc(&row[1]),
                esc(&html::class_name(&class, lang))
            );
        }
        let _ = write!(
            body,
            "</ul><p><a href=\"/graph\">{}</a> · <a href=\"/trace?name={}\">{}</a> · <a href=\"/editor\">{}</a></p>",
            lang.t("片区—政策网络图", "Zone–policy network"),
            url("无感续证"),
            lang.t("制度创新追踪示例：无感续证", "Practice trace example: 无感续证"),
            lang.t("SPARQL 查询", "SPARQL queries")
        );
        Ok((StatusCode::OK, html::page(lang, lang.t("首页", "Home"), &body, &["search.js"])))
    })
    .await
}

pub async fn search(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let q = params.get("q").cloned().unwrap_or_default();
        let hits = kg::search(store, &q, 100)?;
        let mut body = search_form(lang, &q);
        let _ = write!(
            body,
            "<h1>{} “{}”</h1><ul class=\"hits\">",
            lang.t("搜索", "Search"),
            esc(&q)
        );
        for hit in &hits {
            let e = &hit.entity;
            let _ = write!(
                body,
                "<li>{} <span class=\"class\">{}</span>{}</li>",
                html::entity_link(&e.iri, &e.label, &e.class),
                esc(&html::class_name(&e.class, lang)),
                if hit.matched != e.label {
                    format!(" <span class=\"alias\">({})</span>", esc(&hit.matched))
                } else {
                    String::new()
                }
            );
        }
        if hits.is_empty() {
            let _ = write!(body, "<li>{}</li>", lang.t("没有结果", "No results"));
        }
        body.push_str("</ul>");
        Ok((StatusCode::OK, html::page(lang, &q, &body, &["search.js"])))
    })
    .await
}

fn evidence_html(lang: Lang, link: &Link) -> String {
    if link.evidence.is_empty() {
        return format!(
            "<p class=\"ref\">{}</p>",
            lang.t("来自参考数据", "from the reference lists")
        );
    }
    let mut out = String::from("<ul class=\"evidence\">");
    for ev in &link.evidence {
        let _ = write!(
            out,
            "<li><q class=\"sentence\">{}</q> — {} <span class=\"date\">{}</span></li>",
            esc(&ev.sentence),
            html::article_link(&ev.article, &ev.title),
            esc(&ev.date)
        );
    }
    out.push_str("</ul>");
    out
}

pub async fn entity(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let iri = params.get("iri").cloned().unwrap_or_default();
        let Some(summary) = kg::entity(store, &iri)? else { return Ok(not_found(lang, &iri)) };
        let e = &summary.entity;
        let mut body = format!(
            "<p class=\"class c-{cls}\">{}</p><h1 id=\"entity-label\">{}</h1><p class=\"iri\">{}</p>",
            esc(&html::class_name(&e.class, lang)),
            esc(&e.label),
            esc(&e.iri),
            cls = esc(&e.class)
        );
        if !summary.aliases.is_empty() {
            let aliases: Vec<String> = summary.aliases.iter().map(|a| esc(a)).collect();
            let _ = write!(body, "<p class=\"aliases\">{}: {}</p>", lang.t("又称", "Also called"), aliases.join("、"));
        }
        let _ = write!(
            body,
            "<p class=\"actions\"><a id=\"graph-link\" href=\"/graph?iri={}\">{}</a>",
            url(&e.iri),
            lang.t("关系图", "Graph view")
        );
        if e.class == "Practice" {
            let _ = write!(body, " · <a id=\"trace-link\" href=\"/trace?iri={}\">{}</a>", url(&e.iri), lang.t("推广轨迹", "Trace"));
        }
        let _ = write!(body, " · <a id=\"curate-link\" href=\"/curate?iri={}\">{}</a>", url(&e.iri), lang.t("校订", "Curate"));
        body.push_str("</p>");
        for (direction, heading) in [
            (Direction::Outgoing, lang.t("关系", "Relations")),
            (Direction::Incoming, lang.t("被关联", "Referenced by")),
        ] {
            let links = kg::links(store, &e.iri, direction, &[])?;
            if links.is_empty() {
                continue;
            }
            let _ = write!(body, "<h2>{heading}</h2>");
            let mut current: Option<Property> = None;
            for link in &links {
                if current != Some(link.property) {
                    if current.is_some() {
                        body.push_str("</ul></section>");
                    }
                    current = Some(link.property);
                    let _ = write!(
                        body,
                        "<section class=\"property\"><h3>{} <code>ftz:{}</code></h3><ul class=\"links\">",
                        html::property_name(link.property, lang),
                        link.property.local_name()
                    );
                }
                let _ = write!(
                    body,
                    "<li>{} <span class=\"class\">{}</span>{}</li>",
                    html::entity_link(&link.other.iri, &link.other.label, &link.other.class),
                    esc(&html::class_name(&link.other.class, lang)),
                    evidence_html(lang, link)
                );
            }
            body.push_str("</ul></section>");
        }
        let stats = kg::statistics(store, &e.iri)?;
        if !stats.is_empty() {
            let _ = write!(
                body,
                "<h2>{}</h2><table class=\"stats\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                lang.t("统计数据", "Statistics"),
                lang.t("指标", "Measure"),
                lang.t("数值", "Value"),
                lang.t("证据句", "Sentence"),
                lang.t("文章", "Article")
            );
            for s in &stats {
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td>{}{} {}</td><td class=\"sentence\">{}</td><td>{}</td></tr>",
                    esc(&s.measure),
                    esc(&s.qualifier),
                    esc(&s.value),
                    esc(&s.unit),
                    esc(&s.sentence),
                    html::article_link(&s.article, &s.title)
                );
            }
            body.push_str("</table>");
        }
        let articles = kg::mentioning_articles(store, &e.iri)?;
        if !articles.is_empty() {
            let _ = write!(body, "<h2>{}</h2><ul>", lang.t("提及它的文章", "Articles that mention it"));
            for a in &articles {
                let _ = write!(body, "<li>{} <span class=\"date\">{}</span></li>", html::article_link(&a.iri, &a.title), esc(&a.date));
            }
            body.push_str("</ul>");
        }
        Ok((StatusCode::OK, html::page(lang, &e.label, &body, &[])))
    })
    .await
}

pub async fn article(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let iri = params.get("iri").cloned().unwrap_or_default();
        let Some(article) = kg::article(store, &iri)? else { return Ok(not_found(lang, &iri)) };
        let mut names = Vec::new();
        for e in &article.entities {
            for name in std::iter::once(&e.entity.label).chain(&e.aliases) {
                names.push((name.clone(), e.entity.iri.clone(), e.entity.class.clone()));
            }
        }
        let mut body = format!(
            "<p class=\"meta\">{} <span class=\"date\">{}</span></p><h1>{}</h1><article class=\"text\">{}</article>",
            esc(&article.section),
            esc(&article.date),
            esc(&article.title),
            html::highlight(&article.text, &names)
        );
        let _ = write!(body, "<h2>{}</h2><ul class=\"hits\">", lang.t("文中实体", "Entities in this article"));
        for e in &article.entities {
            let _ = write!(
                body,
                "<li>{} <span class=\"class\">{}</span></li>",
                html::entity_link(&e.entity.iri, &e.entity.label, &e.entity.class),
                esc(&html::class_name(&e.entity.class, lang))
            );
        }
        body.push_str("</ul>");
        Ok((StatusCode::OK, html::page(lang, &article.title, &body, &[])))
    })
    .await
}

pub async fn graph(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let iri = params.get("iri").cloned().unwrap_or_default();
        let title = if iri.is_empty() {
            lang.t("片区—政策网络", "Zone–policy network").to_owned()
        } else {
            match kg::entity(store, &iri)? {
                Some(s) => s.entity.label,
                None => return Ok(not_found(lang, &iri)),
            }
        };
        let mut filters = String::new();
        for p in Property::ALL.iter().filter(|p| **p != Property::Mentions) {
            let _ = write!(
                filters,
                "<label><input type=\"checkbox\" data-property=\"{}\" checked> {}</label>",
                p.local_name(),
                html::property_name(*p, lang)
            );
        }
        let body = format!(
            "<h1>{}</h1><p class=\"hint\">{}</p><div class=\"filters\">{filters}</div>\
             <svg id=\"graph\" data-iri=\"{}\" viewBox=\"0 0 960 640\" role=\"img\"></svg><ul id=\"legend\"></ul>",
            esc(&title),
            lang.t("点击节点展开其关系，双击打开实体页；可按关系类型筛选。", "Click a node to expand it, double-click to open it; filter by relation."),
            esc(&iri)
        );
        Ok((StatusCode::OK, html::page(lang, &title, &body, &["graph.js"])))
    })
    .await
}

/// The steps of a practice's history, in the order they are shown.
const TRACE_STEPS: &[(Property, &str, &str)] = &[
    (Property::OriginatedIn, "首创", "Originated in"),
    (Property::RecognizedAs, "入选", "Recognized as"),
    (Property::ReplicatedIn, "复制推广", "Replicated in"),
];

pub async fn trace(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let practice = match (params.get("iri"), params.get("name")) {
            (Some(iri), _) => kg::entity(store, iri)?.map(|s| s.entity),
            (None, Some(name)) => kg::find_practice(store, name)?,
            _ => None,
        };
        let Some(practice) = practice else {
            let what = params
                .get("name")
                .or(params.get("iri"))
                .cloned()
                .unwrap_or_default();
            return Ok(not_found(lang, &what));
        };
        let mut body = format!(
            "<p class=\"class c-{}\">{}</p><h1>{} {}</h1>",
            esc(&practice.class),
            esc(&html::class_name(&practice.class, lang)),
            lang.t("推广轨迹：", "Trace:"),
            html::entity_link(&practice.iri, &practice.label, &practice.class)
        );
        body.push_str("<ol class=\"trace\">");
        for &(property, zh, en) in TRACE_STEPS {
            let links = kg::links(store, &practice.iri, Direction::Outgoing, &[property])?;
            let _ = write!(body, "<li class=\"step\"><h2>{}</h2><ul>", lang.t(zh, en));
            if links.is_empty() {
                let _ = write!(
                    body,
                    "<li class=\"none\">{}</li>",
                    lang.t("文中未提及", "not stated in the articles")
                );
            }
            for link in &links {
                let date = link
                    .evidence
                    .iter()
                    .map(|e| e.date.as_str())
                    .find(|d| !d.is_empty())
                    .unwrap_or("");
                let _ = write!(
                    body,
                    "<li><span class=\"date\">{}</span> {} {}</li>",
                    esc(date),
                    html::entity_link(&link.other.iri, &link.other.label, &link.other.class),
                    evidence_html(lang, link)
                );
            }
            body.push_str("</ul></li>");
        }
        body.push_str("</ol>");
        Ok((
            StatusCode::OK,
            html::page(lang, &practice.label, &body, &[]),
        ))
    })
    .await
}

pub async fn editor(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |_, _, lang| {
        let mut options = String::new();
        for q in queries::all() {
            let _ = write!(
                options,
                "<option value=\"{}\" data-sparql=\"{}\">{}</option>",
                esc(q.name),
                esc(q.sparql),
                esc(&q.title())
            );
        }
        let first = queries::all().first().map(|q| q.sparql).unwrap_or("SELECT * WHERE { ?s ?p ?o } LIMIT 10");
        let body = format!(
            "<h1>SPARQL</h1><p>{}</p><label>{} <select id=\"canned\">{options}</select></label>\
             <textarea id=\"sparql\" spellcheck=\"false\" rows=\"14\">{}</textarea>\
             <p><button id=\"run\">{}</button> <a id=\"download-csv\" href=\"#\">{}</a> · \
             <a id=\"download-json\" href=\"#\">{}</a> <span id=\"status\"></span></p>\
             <div id=\"results\"></div>",
            lang.t(
                "前缀 ftz: ftzr: rdf: rdfs: skos: prov: dcterms: 已自动声明；默认图为所有图的并集。",
                "Prefixes ftz: ftzr: rdf: rdfs: skos: prov: dcterms: are declared for you; the default graph is the knowledge graph, each fact once (GRAPH ?g { … } reaches each article; the ontology is in GRAPH ftzr:graph/ontology)."
            ),
            lang.t("示例查询", "Example queries"),
            esc(first),
            lang.t("运行", "Run"),
            lang.t("下载 CSV", "Download CSV"),
            lang.t("下载 JSON", "Download JSON")
        );
        Ok((StatusCode::OK, html::page(lang, "SPARQL", &body, &["editor.js"])))
    })
    .await
}
