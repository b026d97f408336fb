//! The graph commands as people call them: read the store, build the
//! projection, answer, and write text, JSON or a graph format to a writer.
//! `commands` calls these; they print nothing else.
//!
//! Input: a `KgStore` and the command's options. Output: bytes on a writer.

use super::analysis::{self, Analysis, PathStep};
use super::export::{GraphFormat, write_graph};
use super::resolve::{self, Catalogue, resolve_with};
use super::tree::write_tree;
use super::{Filter, GraphError, Projection, links, trace};
use crate::results::write_table;
use crate::store::KgStore;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::io::Write;

/// Output formats of `trace` and `links`: a text tree, the report as JSON,
/// or the report's graph in one of the graph formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewFormat {
    /// A readable tree with evidence sentences.
    Text,
    /// The report as JSON (`links --all`: Cytoscape.js elements).
    Json,
    /// The report's graph as Cytoscape.js elements JSON.
    Cytoscape,
    Dot,
    Graphml,
    Mermaid,
    Svg,
}

impl ViewFormat {
    fn graph(self) -> Option<GraphFormat> {
        match self {
            ViewFormat::Text | ViewFormat::Json => None,
            ViewFormat::Cytoscape => Some(GraphFormat::Json),
            ViewFormat::Dot => Some(GraphFormat::Dot),
            ViewFormat::Graphml => Some(GraphFormat::Graphml),
            ViewFormat::Mermaid => Some(GraphFormat::Mermaid),
            ViewFormat::Svg => Some(GraphFormat::Svg),
        }
    }
}

fn write_json(value: &impl Serialize, out: &mut dyn Write) -> Result<(), GraphError> {
    writeln!(
        out,
        "{}",
        serde_json::to_string_pretty(value).map_err(std::io::Error::other)?
    )?;
    Ok(())
}

/// `ftzkg graph`: the filtered projection in a graph format.
pub fn graph(
    store: &KgStore,
    filter: &Filter,
    format: GraphFormat,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    write_graph(&super::project(store, filter)?, format, out)
}

/// The unfiltered projection and the node a name resolves to (added alone
/// when only the reference graph knows it).
fn locate(
    store: &KgStore,
    name: &str,
    classes: &[crate::model::Class],
) -> Result<(Projection, NodeIndex), GraphError> {
    let catalogue = Catalogue::load(store)?;
    let node = resolve_with(store, &catalogue, name, classes)?;
    let projection = super::project(store, &Filter::default())?;
    match projection.node(&node.iri) {
        Some(n) => Ok((projection, n)),
        None => {
            let alone = Projection::from_parts(vec![node], vec![]);
            Ok((alone, NodeIndex::new(0)))
        }
    }
}

/// `ftzkg trace NAME`: origin, recognitions and copies of a practice.
pub fn trace_practice(
    store: &KgStore,
    name: &str,
    format: ViewFormat,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let (p, n) = locate(store, name, resolve::PRACTICES)?;
    if let Some(graph_format) = format.graph() {
        return write_graph(&trace::practice_graph(&p, n), graph_format, out);
    }
    let report = trace::trace_practice(&p, n);
    match format {
        ViewFormat::Json => write_json(&report, out),
        _ => Ok(write_tree(&report.tree(), out)?),
    }
}

/// `ftzkg trace --zone NAME`: what a zone copied and what others copied from it.
pub fn trace_zone(
    store: &KgStore,
    name: &str,
    format: ViewFormat,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let (p, n) = locate(store, name, resolve::ZONES)?;
    let report = trace::trace_zone(&p, n);
    if let Some(graph_format) = format.graph() {
        return write_graph(&trace::zone_graph(&p, &report), graph_format, out);
    }
    match format {
        ViewFormat::Json => write_json(&report, out),
        _ => Ok(write_tree(&report.tree(), out)?),
    }
}

/// `ftzkg links ZONE`: a zone's policies, practices, platforms, firms,
/// recognitions; as a graph format, the zone's neighbourhood.
pub fn zone_links(
    store: &KgStore,
    name: &str,
    format: ViewFormat,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let (p, n) = locate(store, name, resolve::ZONES)?;
    if let Some(graph_format) = format.graph() {
        let members = p.zone_and_parts(n);
        return write_graph(&p.neighbourhood(&members, 1), graph_format, out);
    }
    let report = links::zone_links(&p, n);
    match format {
        ViewFormat::Json => write_json(&report, out),
        _ => Ok(write_tree(&report.tree(), out)?),
    }
}

/// `ftzkg links --all`: the zone-to-policy network (text: one line per link).
pub fn all_links(
    store: &KgStore,
    filter: &Filter,
    format: ViewFormat,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let net = links::network(&super::project(store, filter)?);
    match format {
        ViewFormat::Json => write_graph(&net, GraphFormat::Json, out),
        ViewFormat::Text => {
            use petgraph::visit::EdgeRef;
            let g = &net.graph;
            let rows: Vec<Vec<String>> = g
                .edge_references()
                .map(|e| {
                    let w = e.weight();
                    vec![
                        g[e.source()].label.clone(),
                        w.property.label_zh().to_owned(),
                        g[e.target()].label.clone(),
                        w.evidence_count().to_string(),
                        w.evidence
                            .first()
                            .map(|ev| ev.sentence.clone())
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            let header =
                ["subject", "relation", "object", "evidence", "sentence"].map(String::from);
            Ok(write_table(&header, &rows, out)?)
        }
        other => write_graph(&net, other.graph().unwrap_or(GraphFormat::Dot), out),
    }
}

/// `ftzkg analyze`: rankings and components, as tables or JSON.
pub fn analyze(
    store: &KgStore,
    filter: &Filter,
    top: usize,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let report = analysis::analyze(&super::project(store, filter)?, top);
    if json {
        return write_json(&report, out);
    }
    Ok(write_analysis(&report, out)?)
}

fn write_analysis(a: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "图 graph: {} nodes, {} edges", a.nodes, a.edges)?;
    let c = &a.components;
    let shown: Vec<String> = c.sizes.iter().take(12).map(usize::to_string).collect();
    let more = if c.sizes.len() > 12 { " …" } else { "" };
    writeln!(
        out,
        "连通分量 connected components: {} (sizes {}{more})",
        c.count,
        shown.join(", ")
    )?;
    if !c.largest_hubs.is_empty() {
        writeln!(
            out,
            "最大分量的枢纽 hubs of the largest: {}",
            c.largest_hubs.join("、")
        )?;
    }
    for (title, count, list) in [
        (
            "联系最多的区域 most connected zones",
            "degree",
            &a.zones_by_degree,
        ),
        (
            "联系最多的制度创新 most connected practices",
            "degree",
            &a.practices_by_degree,
        ),
        (
            "复制推广最广的制度创新 practices copied in the most zones",
            "zones",
            &a.practices_by_copies,
        ),
    ] {
        writeln!(out, "\n{title}:")?;
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|r| {
                vec![
                    r.entity.label.clone(),
                    r.entity.class_zh.to_owned(),
                    r.count.to_string(),
                ]
            })
            .collect();
        write_table(&["entity".into(), "class".into(), count.into()], &rows, out)?;
    }
    Ok(())
}

/// `ftzkg path A B`: the shortest path with the evidence of each step.
pub fn path(
    store: &KgStore,
    filter: &Filter,
    from: &str,
    to: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    let catalogue = Catalogue::load(store)?;
    let (a, b) = (
        resolve_with(store, &catalogue, from, &[])?,
        resolve_with(store, &catalogue, to, &[])?,
    );
    let p = super::project(store, filter)?;
    let missing = |label: &str| GraphError::NoPath {
        from: a.label.clone(),
        to: format!("{} ({label} is not in this graph)", b.label),
    };
    let na = p.node(&a.iri).ok_or_else(|| missing(&a.label))?;
    let nb = p.node(&b.iri).ok_or_else(|| missing(&b.label))?;
    let steps = analysis::shortest_path(&p, na, nb)?;
    if json {
        return write_json(&steps, out);
    }
    Ok(write_path(&steps, out)?)
}

fn write_path(steps: &[PathStep], out: &mut dyn Write) -> std::io::Result<()> {
    let (Some(first), Some(last)) = (steps.first(), steps.last()) else {
        return writeln!(out, "(the two names are the same entity)");
    };
    writeln!(
        out,
        "最短路径 shortest path: {} → {} ({} steps)",
        first.from.label,
        last.to.label,
        steps.len()
    )?;
    for (i, s) in steps.iter().enumerate() {
        let arrow = if s.reversed {
            format!("←{}—", s.property_zh)
        } else {
            format!("—{}→", s.property_zh)
        };
        writeln!(
            out,
            "{}. {} {arrow} {} [{}]",
            i + 1,
            s.from.label,
            s.to.label,
            s.to.class_zh
        )?;
        if s.evidence.is_empty() {
            writeln!(
                out,
                "     ({})",
                if s.reference {
                    "参考数据 reference data"
                } else {
                    "no evidence sentence"
                }
            )?;
        }
        for ev in &s.evidence {
            writeln!(
                out,
                "     {} 《{}》",
                ev.date.as_deref().unwrap_or("????-??-??"),
                ev.article_title
            )?;
            writeln!(out, "     证据: {}", ev.sentence)?;
        }
    }
    Ok(())
}
