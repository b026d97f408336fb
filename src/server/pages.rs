//! The plain pages: home (search box, counts, the views), search results,
//! an article with the names in its text linked, and the SPARQL editor.
//!
//! Input: query parameters (`q`, `iri`). Output: HTML pages in which every
//! string from the store is escaped.

use super::AppState;
use super::html::{self, Lang, esc, url};
use super::page::{not_found, render};
use crate::graph::{self, Filter, documents, resolve};
use crate::queries;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use std::collections::HashMap;
use std::fmt::Write;

type Params = Query<HashMap<String, String>>;

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
        let counts = graph::project(store, &Filter::default())?.class_counts();
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
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (kind, n) in counts {
            let _ = write!(
                body,
                "<li class=\"c-{}\"><b>{n}</b> {}</li>",
                kind.local_name(),
                esc(&html::class_name(kind.local_name(), lang))
            );
        }
        let _ = write!(
            body,
            "</ul><ul class=\"views\"><li><a href=\"/graph?view=zones\">{}</a></li><li><a href=\"/graph\">{}</a></li>\
             <li><a href=\"/replication\">{}</a></li><li><a href=\"/trace?name={}\">{}</a></li><li><a href=\"/editor\">{}</a></li></ul>",
            lang.t("区域总览：片区之间的复制推广", "Zone overview: practices copied between areas"),
            lang.t("片区—政策网络图", "Zone–policy network"),
            lang.t("复制推广矩阵", "Replication matrix"),
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
        let hits = resolve::search(&resolve::Catalogue::load(store)?, &q, 100);
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
                html::entity_link(&e.iri, &e.label, e.class),
                esc(&html::class_name(e.class, lang)),
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

pub async fn article(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let iri = params.get("iri").cloned().unwrap_or_default();
        let Some(article) = documents::article(store, &iri)? else {
            return Ok(not_found(lang, &iri));
        };
        let mut names = Vec::new();
        for e in &article.entities {
            for name in std::iter::once(&e.label).chain(&e.aliases) {
                names.push((name.clone(), e.iri.clone(), e.kind.local_name().to_owned()));
            }
        }
        let mut body = format!(
            "<p class=\"meta\">{} <span class=\"date\">{}</span></p><h1>{}</h1><article class=\"text\">{}</article>",
            esc(&article.section),
            esc(article.date.as_deref().unwrap_or("")),
            esc(&article.title),
            html::highlight(&article.text, &names)
        );
        let _ = write!(body, "<h2>{}</h2><ul class=\"hits\">", lang.t("文中实体", "Entities in this article"));
        for e in &article.entities {
            let _ = write!(
                body,
                "<li>{} <span class=\"class\">{}</span></li>",
                html::entity_link(&e.iri, &e.label, e.kind.local_name()),
                esc(&html::class_name(e.kind.local_name(), lang))
            );
        }
        body.push_str("</ul>");
        Ok((StatusCode::OK, html::page(lang, &article.title, &body, &[])))
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
                "前缀 ftz: ftzr: rdf: rdfs: skos: prov: dcterms: 已自动声明；默认图为知识图谱（各文章图与参考数据）。",
                "Prefixes ftz: ftzr: rdf: rdfs: skos: prov: dcterms: are declared for you; the default graph is the knowledge graph (article graphs and reference data)."
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
