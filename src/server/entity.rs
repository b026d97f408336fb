//! The pages about one entity, read through `graph`: an entity page (a
//! zone's page lists its policies, practices, platforms, firms and
//! recognitions in groups beside a small neighbourhood graph; any other
//! entity lists its relations by property), and a practice's trace page
//! with its timeline. Every relation shows its evidence sentences.
//!
//! Input: `iri` or `name`. Output: HTML pages; every string from the store
//! is escaped.

use super::AppState;
use super::html::{self, Lang, esc, url};
use super::page::{GRAPH_SCRIPTS, not_found, render};
use crate::graph::{
    self, Edge, Evidence, Filter, Node, Projection, documents, links, resolve, timeline, trace,
};
use crate::model::Property;
use crate::store::KgStore;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::fmt::Write;

type Params = Query<HashMap<String, String>>;

/// The whole projection and the node `name` (IRI, label or alias) is;
/// an entity only the reference lists know stands alone.
fn locate(
    store: &KgStore,
    name: &str,
    classes: &[crate::model::Class],
) -> Result<Option<(Projection, NodeIndex)>, graph::GraphError> {
    let catalogue = resolve::Catalogue::load(store)?;
    let node = match resolve::resolve_in(&catalogue, name, classes) {
        Ok(node) => node,
        Err(graph::GraphError::NotFound { .. } | graph::GraphError::Ambiguous { .. }) => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let p = graph::project(store, &Filter::default())?;
    Ok(Some(match p.node(&node.iri) {
        Some(n) => (p, n),
        None => (
            Projection::from_parts(vec![node], vec![]),
            NodeIndex::new(0),
        ),
    }))
}

fn evidence_html(lang: Lang, evidence: &[Evidence], reference: bool) -> String {
    if evidence.is_empty() {
        return format!(
            "<p class=\"ref\">{}</p>",
            if reference {
                lang.t("来自参考数据", "from the reference lists")
            } else {
                lang.t("无证据句", "no evidence sentence")
            }
        );
    }
    let mut out = String::from("<ul class=\"evidence\">");
    for ev in evidence {
        let _ = write!(
            out,
            "<li><q class=\"sentence\">{}</q> — {} <span class=\"date\">{}</span></li>",
            esc(&ev.sentence),
            html::article_link(&ev.article, &ev.article_title),
            esc(ev.date.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</ul>");
    out
}

fn node_link(node: &Node) -> String {
    html::entity_link(&node.iri, &node.label, node.kind.local_name())
}

/// A small neighbourhood picture drawn by graph.js.
fn small_graph(iri: &str) -> String {
    format!(
        "<div id=\"graph\" class=\"graph small\" data-centre=\"{}\" data-src=\"/api/graph?view=all&amp;focus={}&amp;depth=1\"></div>\
         <ul id=\"legend\" class=\"legend\"></ul>",
        esc(iri),
        url(iri)
    )
}

/// A zone's links in groups.
fn zone_groups(lang: Lang, p: &Projection, n: NodeIndex) -> String {
    let report = links::zone_links(p, n);
    let mut out = String::new();
    for group in report.groups.iter().filter(|g| !g.links.is_empty()) {
        let (zh, en) = group
            .title
            .split_once(' ')
            .unwrap_or((group.title, group.title));
        let _ = write!(
            out,
            "<section class=\"group\" id=\"group-{}\"><h2>{} <span class=\"count\">{}</span></h2><ul class=\"links\">",
            group.key,
            esc(lang.t_owned(zh, en)),
            group.links.len()
        );
        for link in &group.links {
            let e = &link.entity;
            let mut notes = vec![esc(link.property_zh)];
            if link.at != report.zone.label {
                notes.push(format!("{} {}", lang.t("在", "at"), esc(&link.at)));
            }
            if let Some(via) = &link.via {
                notes.push(format!("{} {}", lang.t("经由", "via"), esc(via)));
            }
            let _ = write!(
                out,
                "<li>{} <span class=\"class\">{}</span> <span class=\"note\">{}</span>{}</li>",
                html::entity_link(&e.iri, &e.label, e.class),
                esc(&html::class_name(e.class, lang)),
                notes.join(" · "),
                evidence_html(lang, &link.evidence, link.reference)
            );
        }
        out.push_str("</ul></section>");
    }
    out
}

/// Any entity's relations, by direction and property.
fn relations(lang: Lang, p: &Projection, n: NodeIndex) -> String {
    let g = &p.graph;
    let mut out = String::new();
    for (direction, heading) in [
        (Direction::Outgoing, lang.t("关系", "Relations")),
        (Direction::Incoming, lang.t("被关联", "Referenced by")),
    ] {
        let mut edges: Vec<(Property, &Node, &Edge)> = g
            .edges_directed(n, direction)
            .map(|e| {
                let other = if direction == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (e.weight().property, &g[other], e.weight())
            })
            .collect();
        if edges.is_empty() {
            continue;
        }
        edges.sort_by(|a, b| (a.0, &a.1.label).cmp(&(b.0, &b.1.label)));
        let _ = write!(out, "<h2>{heading}</h2>");
        let mut current: Option<Property> = None;
        for (property, other, edge) in edges {
            if current != Some(property) {
                if current.is_some() {
                    out.push_str("</ul></section>");
                }
                current = Some(property);
                let _ = write!(
                    out,
                    "<section class=\"property\"><h3>{} <code>ftz:{}</code></h3><ul class=\"links\">",
                    html::property_name(property, lang),
                    property.local_name()
                );
            }
            let _ = write!(
                out,
                "<li>{} <span class=\"class\">{}</span>{}</li>",
                node_link(other),
                esc(&html::class_name(other.kind.local_name(), lang)),
                evidence_html(lang, &edge.evidence, edge.reference)
            );
        }
        out.push_str("</ul></section>");
    }
    out
}

fn sources(lang: Lang, store: &KgStore, iri: &str) -> Result<String, graph::GraphError> {
    let mut out = String::new();
    let stats = documents::statistics(store, iri)?;
    if !stats.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><table class=\"stats\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            lang.t("统计数据", "Statistics"),
            lang.t("指标", "Measure"),
            lang.t("数值", "Value"),
            lang.t("证据句", "Sentence"),
            lang.t("文章", "Article")
        );
        for s in &stats {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}{} {}</td><td class=\"sentence\">{}</td><td>{}</td></tr>",
                esc(&s.measure),
                esc(&s.qualifier),
                esc(&s.value),
                esc(&s.unit),
                esc(&s.sentence),
                html::article_link(&s.article.iri, &s.article.title)
            );
        }
        out.push_str("</table>");
    }
    let articles = documents::mentioning_articles(store, iri)?;
    if !articles.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><ul>",
            lang.t("提及它的文章", "Articles that mention it")
        );
        for a in &articles {
            let _ = write!(
                out,
                "<li>{} <span class=\"date\">{}</span></li>",
                html::article_link(&a.iri, &a.title),
                esc(a.date.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</ul>");
    }
    Ok(out)
}

pub async fn entity(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let iri = params.get("iri").cloned().unwrap_or_default();
        let Some((p, n)) = locate(store, &iri, &[])? else {
            return Ok(not_found(lang, &iri));
        };
        let e = &p.graph[n];
        let class = e.kind.local_name();
        let mut body = format!(
            "<p class=\"class c-{class}\">{}</p><h1 id=\"entity-label\">{}</h1><p class=\"iri\">{}</p>",
            esc(&html::class_name(class, lang)),
            esc(&e.label),
            esc(&e.iri),
        );
        if !e.aliases.is_empty() {
            let aliases: Vec<String> = e.aliases.iter().map(|a| esc(a)).collect();
            let _ = write!(body, "<p class=\"aliases\">{}: {}</p>", lang.t("又称", "Also called"), aliases.join("、"));
        }
        let _ = write!(
            body,
            "<p class=\"actions\"><a id=\"graph-link\" href=\"/graph?view=all&amp;focus={}\">{}</a>",
            url(&e.iri),
            lang.t("关系图", "Graph view")
        );
        if resolve::PRACTICES.iter().any(|c| e.kind.class() == Some(*c)) {
            let _ = write!(body, " · <a id=\"trace-link\" href=\"/trace?iri={}\">{}</a>", url(&e.iri), lang.t("推广轨迹", "Trace"));
        }
        body.push_str("</p>");
        let lists = if e.kind.is_zone() { zone_groups(lang, &p, n) } else { relations(lang, &p, n) };
        let _ = write!(
            body,
            "<div class=\"beside\"><div class=\"lists\">{lists}</div><aside>{}</aside></div>",
            small_graph(&e.iri)
        );
        body.push_str(&sources(lang, store, &e.iri)?);
        Ok((StatusCode::OK, html::page(lang, &e.label, &body, GRAPH_SCRIPTS)))
    })
    .await
}

/// The practice's history, earliest first.
fn timeline_html(lang: Lang, t: &trace::PracticeTrace) -> String {
    let mut out = format!(
        "<h2>{}</h2><ol class=\"timeline\">",
        lang.t("时间线", "Timeline")
    );
    for ev in timeline::timeline(t) {
        let who = ev
            .entity
            .as_ref()
            .map(|e| html::entity_link(&e.iri, &e.label, e.class))
            .unwrap_or_default();
        let source = match (&ev.article, &ev.article_title) {
            (Some(a), Some(title)) => format!(" — {}", html::article_link(a, title)),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<li class=\"event {kind:?}\"><span class=\"date\">{}</span> <b>{}</b> {who}{}{source}</li>",
            esc(ev.date.as_deref().unwrap_or(lang.t("日期不详", "undated"))),
            esc(lang.t_owned(ev.kind.label_zh(), ev.kind.label_en())),
            ev.sentence
                .as_deref()
                .map(|s| format!(" <q class=\"sentence\">{}</q>", esc(s)))
                .unwrap_or_default(),
            kind = ev.kind
        );
    }
    out.push_str("</ol>");
    out
}

pub async fn trace(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let wanted = params
            .get("iri")
            .or(params.get("name"))
            .cloned()
            .unwrap_or_default();
        let Some((p, n)) = locate(store, &wanted, resolve::PRACTICES)? else {
            return Ok(not_found(lang, &wanted));
        };
        let t = trace::trace_practice(&p, n);
        let practice = &t.practice;
        let mut body = format!(
            "<p class=\"class c-{}\">{}</p><h1>{} {}</h1>",
            practice.class,
            esc(&html::class_name(practice.class, lang)),
            lang.t("推广轨迹：", "Trace:"),
            html::entity_link(&practice.iri, &practice.label, practice.class)
        );
        body.push_str(&timeline_html(lang, &t));
        body.push_str("<ol class=\"trace\">");
        for (steps, zh, en) in [
            (&t.origins, "首创", "Originated in"),
            (&t.recognitions, "入选", "Recognized as"),
            (&t.replications, "复制推广", "Replicated in"),
        ] {
            let _ = write!(body, "<li class=\"step\"><h2>{}</h2><ul>", lang.t(zh, en));
            if steps.is_empty() {
                let _ = write!(
                    body,
                    "<li class=\"none\">{}</li>",
                    lang.t("文中未提及", "not stated in the articles")
                );
            }
            for step in steps {
                let _ = write!(
                    body,
                    "<li><span class=\"date\">{}</span> {} {}</li>",
                    esc(step.date.as_deref().unwrap_or("")),
                    html::entity_link(&step.entity.iri, &step.entity.label, step.entity.class),
                    evidence_html(lang, &step.evidence, step.reference)
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
