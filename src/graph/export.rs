//! Writes a `Projection` for people and tools: Graphviz DOT, GraphML (Gephi,
//! yEd, networkx), Cytoscape.js JSON elements, Mermaid flowcharts, and SVG
//! (laid out in-process by `svg`).
//!
//! Input: a projection and a format. Output: text on a writer. Every label
//! is escaped for the target syntax.

use super::style::{class_style, property_colour, short_label};
use super::{Edge, GraphError, Node, Projection};
use petgraph::visit::EdgeRef;
use serde_json::json;
use std::io::Write;

/// The graph formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg`).
    Dot,
    /// GraphML with typed keys (Gephi, yEd, networkx).
    Graphml,
    /// Cytoscape.js elements JSON.
    Json,
    /// SVG picture, laid out by ftzkg itself.
    Svg,
    /// Mermaid flowchart.
    Mermaid,
}

/// Writes the projection in a format.
pub fn write_graph(
    p: &Projection,
    format: GraphFormat,
    out: &mut dyn Write,
) -> Result<(), GraphError> {
    match format {
        GraphFormat::Dot => write_dot(p, out),
        GraphFormat::Graphml => write_graphml(p, out),
        GraphFormat::Json => {
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&cytoscape(p)).map_err(std::io::Error::other)?
            )?;
            Ok(())
        }
        GraphFormat::Svg => super::svg::write_svg(p, out),
        GraphFormat::Mermaid => write_mermaid(p, out),
    }
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A DOT double-quoted string.
fn dot_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            '\n' | '\r' => vec![' '],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// A short description of an edge's evidence for tooltips.
fn edge_tooltip(edge: &Edge) -> String {
    match edge.evidence.first() {
        Some(ev) => format!("{} {}", ev.date.as_deref().unwrap_or(""), ev.sentence),
        None if edge.reference => "参考数据 reference data".to_owned(),
        None => String::new(),
    }
}

fn write_dot(p: &Projection, out: &mut dyn Write) -> Result<(), GraphError> {
    let g = &p.graph;
    writeln!(out, "digraph ftzkg {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, fontname=\"Noto Sans CJK SC\", charset=\"UTF-8\"];"
    )?;
    writeln!(
        out,
        "  node [style=filled, fontname=\"Noto Sans CJK SC\", fontsize=11];"
    )?;
    writeln!(out, "  edge [fontname=\"Noto Sans CJK SC\", fontsize=9];")?;
    for n in g.node_indices() {
        let node = &g[n];
        let s = class_style(node.kind);
        writeln!(
            out,
            "  n{} [label={}, shape={}, fillcolor=\"{}\", color=\"{}\", tooltip={}, class={}];",
            n.index(),
            dot_string(&node.label),
            s.dot_shape,
            s.fill,
            s.stroke,
            dot_string(&format!("{} {}", node.kind.label_zh(), node.iri)),
            dot_string(node.kind.local_name())
        )?;
    }
    for e in g.edge_references() {
        let edge = e.weight();
        let style = if edge.reference { ", style=dashed" } else { "" };
        writeln!(
            out,
            "  n{} -> n{} [label={}, color=\"{}\", fontcolor=\"{}\", penwidth={}, tooltip={}{style}];",
            e.source().index(),
            e.target().index(),
            dot_string(edge.property.label_zh()),
            property_colour(edge.property),
            property_colour(edge.property),
            1 + edge.evidence_count().min(4),
            dot_string(&edge_tooltip(edge))
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// GraphML keys: id, element, attribute name, type.
const GRAPHML_KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("class", "node", "class", "string"),
    ("class_zh", "node", "class_zh", "string"),
    ("aliases", "node", "aliases", "string"),
    ("iri", "node", "iri", "string"),
    ("color", "node", "color", "string"),
    ("property", "edge", "property", "string"),
    ("property_zh", "edge", "property_zh", "string"),
    ("evidence", "edge", "evidence", "int"),
    ("articles", "edge", "articles", "string"),
    ("dates", "edge", "dates", "string"),
    ("sentence", "edge", "sentence", "string"),
    ("reference", "edge", "reference", "boolean"),
];

fn write_graphml(p: &Projection, out: &mut dyn Write) -> Result<(), GraphError> {
    let g = &p.graph;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for (id, element, name, kind) in GRAPHML_KEYS {
        writeln!(
            out,
            "  <key id=\"{id}\" for=\"{element}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        )?;
    }
    writeln!(out, "  <graph id=\"ftzkg\" edgedefault=\"directed\">")?;
    let data = |out: &mut dyn Write, key: &str, value: &str| -> std::io::Result<()> {
        writeln!(
            out,
            "      <data key=\"{key}\">{}</data>",
            xml_escape(value)
        )
    };
    for n in g.node_indices() {
        let node = &g[n];
        writeln!(out, "    <node id=\"n{}\">", n.index())?;
        data(out, "label", &node.label)?;
        data(out, "class", node.kind.local_name())?;
        data(out, "class_zh", node.kind.label_zh())?;
        data(out, "aliases", &node.aliases.join("|"))?;
        data(out, "iri", &node.iri)?;
        data(out, "color", class_style(node.kind).fill)?;
        writeln!(out, "    </node>")?;
    }
    for e in g.edge_references() {
        let edge = e.weight();
        writeln!(
            out,
            "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">",
            e.id().index(),
            e.source().index(),
            e.target().index()
        )?;
        data(out, "property", edge.property.local_name())?;
        data(out, "property_zh", edge.property.label_zh())?;
        data(out, "evidence", &edge.evidence_count().to_string())?;
        data(
            out,
            "articles",
            &edge.articles.iter().cloned().collect::<Vec<_>>().join(" "),
        )?;
        data(
            out,
            "dates",
            &edge.dates.iter().cloned().collect::<Vec<_>>().join(" "),
        )?;
        data(
            out,
            "sentence",
            edge.evidence
                .first()
                .map(|e| e.sentence.as_str())
                .unwrap_or(""),
        )?;
        data(
            out,
            "reference",
            if edge.reference { "true" } else { "false" },
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")?;
    Ok(())
}

fn node_json(index: usize, node: &Node, degree: usize) -> serde_json::Value {
    json!({
        "data": {
            "id": format!("n{index}"),
            "label": node.label,
            "short": short_label(node),
            "class": node.kind.local_name(),
            "class_zh": node.kind.label_zh(),
            "aliases": node.aliases,
            "iri": node.iri,
            "color": class_style(node.kind).fill,
            "border": class_style(node.kind).stroke,
            "degree": degree,
        },
        "classes": node.kind.local_name(),
    })
}

/// The Cytoscape.js elements of the projection.
pub fn cytoscape(p: &Projection) -> serde_json::Value {
    let g = &p.graph;
    let nodes: Vec<_> = g
        .node_indices()
        .map(|n| node_json(n.index(), &g[n], g.neighbors_undirected(n).count()))
        .collect();
    let edges: Vec<_> = g
        .edge_references()
        .map(|e| {
            let edge = e.weight();
            json!({
                "data": {
                    "id": format!("e{}", e.id().index()),
                    "source": format!("n{}", e.source().index()),
                    "target": format!("n{}", e.target().index()),
                    "property": edge.property.local_name(),
                    "label": edge.property.label_zh(),
                    "first_date": edge.first_date(),
                    "evidence": edge.evidence_count(),
                    "articles": edge.articles,
                    "dates": edge.dates,
                    "sentences": edge.evidence.iter().map(|e| &e.sentence).collect::<Vec<_>>(),
                    "reference": edge.reference,
                    "color": property_colour(edge.property),
                },
                "classes": edge.property.local_name(),
            })
        })
        .collect();
    json!({ "elements": { "nodes": nodes, "edges": edges } })
}

/// A Mermaid quoted label: quotes become `#quot;`, no line breaks.
fn mermaid_label(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    format!("\"{}\"", clean.replace('"', "#quot;"))
}

fn write_mermaid(p: &Projection, out: &mut dyn Write) -> Result<(), GraphError> {
    let g = &p.graph;
    writeln!(out, "flowchart LR")?;
    for n in g.node_indices() {
        let node = &g[n];
        let (open, close) = class_style(node.kind).mermaid;
        writeln!(
            out,
            "  n{}{open}{}{close}:::{}",
            n.index(),
            mermaid_label(&node.label),
            node.kind.local_name()
        )?;
    }
    for e in g.edge_references() {
        let arrow = if e.weight().reference { "-.->" } else { "-->" };
        writeln!(
            out,
            "  n{} {arrow}|{}| n{}",
            e.source().index(),
            mermaid_label(e.weight().property.label_zh()),
            e.target().index()
        )?;
    }
    let mut kinds: Vec<_> = g.node_weights().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let s = class_style(kind);
        writeln!(
            out,
            "  classDef {} fill:{},stroke:{},color:#222",
            kind.local_name(),
            s.fill,
            s.stroke
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn render(format: GraphFormat) -> String {
        let mut p = sample();
        let first = petgraph::graph::NodeIndex::new(0);
        p.graph[first].label = "A&B <“引号”> \"q\" 'x'".into();
        let mut out = Vec::new();
        write_graph(&p, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn xml_special_characters_are_escaped() {
        assert_eq!(
            xml_escape("a<b>&\"c\"'"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;"
        );
        let graphml = render(GraphFormat::Graphml);
        assert!(
            graphml.contains("A&amp;B &lt;“引号”&gt; &quot;q&quot; &apos;x&apos;"),
            "{graphml}"
        );
        assert!(!graphml.contains("A&B"));
    }

    #[test]
    fn dot_quotes_labels_and_styles_classes() {
        let dot = render(GraphFormat::Dot);
        assert!(dot.starts_with("digraph ftzkg {"));
        assert!(dot.contains(r#"label="A&B <“引号”> \"q\" 'x'""#), "{dot}");
        assert!(dot.contains("label=\"无感续证\", shape=ellipse"), "{dot}");
        assert!(dot.contains("label=\"复制推广至\""));
        assert_eq!(dot.matches(" -> ").count(), 7);
    }

    #[test]
    fn cytoscape_has_elements_with_nodes_and_edges() {
        let value: serde_json::Value = serde_json::from_str(&render(GraphFormat::Json)).unwrap();
        let nodes = value["elements"]["nodes"].as_array().unwrap();
        let edges = value["elements"]["edges"].as_array().unwrap();
        assert_eq!((nodes.len(), edges.len()), (8, 7));
        let ids: Vec<&str> = nodes
            .iter()
            .map(|n| n["data"]["id"].as_str().unwrap())
            .collect();
        for e in edges {
            assert!(ids.contains(&e["data"]["source"].as_str().unwrap()));
            assert!(ids.contains(&e["data"]["target"].as_str().unwrap()));
        }
    }

    #[test]
    fn mermaid_escapes_quotes_and_declares_classes() {
        let mermaid = render(GraphFormat::Mermaid);
        assert!(mermaid.starts_with("flowchart LR\n"));
        assert!(mermaid.contains("#quot;q#quot;"), "{mermaid}");
        assert!(mermaid.contains("([\"无感续证\"]):::Practice"), "{mermaid}");
        assert!(mermaid.contains("-->|\"复制推广至\"|"), "{mermaid}");
        assert!(mermaid.contains("classDef Area fill:"));
    }
}
