//! An SVG picture of a projection, laid out in-process (no Graphviz): one
//! column per class, nodes ordered in each column by the barycentre of
//! their neighbours (a few sweeps, ties by label), edges as curves coloured
//! by property, a legend on top. Deterministic: the same graph gives the
//! same bytes.
//!
//! Areas and special zones are grouped under the free trade zone they are
//! part of. Labels are the short names of `style::short_label` (哈尔滨片区)
//! with the full name as a tooltip; the legend is in Chinese.
//!
//! Input: a `Projection`. Output: an SVG document; every label is
//! XML-escaped.

use super::export::xml_escape;
use super::style::{class_style, kinds, property_colour, short_label};
use super::{GraphError, Kind, Projection};
use crate::model::Property;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

/// Left-to-right order of the class columns: practices beside the zones
/// that created and copied them, organisations and platforms on the right.
const COLUMN_ORDER: &[&str] = &[
    "Recognition",
    "Practice",
    "Policy",
    "GovernmentBody",
    "FreeTradeZone",
    "Area",
    "SpecialZone",
    "Platform",
    "Firm",
    "Institution",
    "Place",
    "Article",
];
const COLUMN_WIDTH: f64 = 250.0;
const BOX_WIDTH: f64 = 196.0;
const ROW_HEIGHT: f64 = 30.0;
const BOX_HEIGHT: f64 = 22.0;
const MARGIN: f64 = 20.0;
const LEGEND_HEIGHT: f64 = 90.0;
const SWEEPS: usize = 4;

/// Position of every node: column and row.
pub struct Layout {
    pub columns: Vec<(Kind, Vec<NodeIndex>)>,
    pub place: HashMap<NodeIndex, (usize, usize)>,
}

fn column_rank(kind: Kind) -> usize {
    COLUMN_ORDER
        .iter()
        .position(|c| *c == kind.local_name())
        .unwrap_or(COLUMN_ORDER.len())
}

/// Layered layout: class columns, barycentre ordering within columns.
pub fn layout(p: &Projection) -> Layout {
    let g = &p.graph;
    let mut kinds_present: Vec<Kind> = g.node_weights().map(|n| n.kind).collect();
    kinds_present.sort_by_key(|k| (column_rank(*k), *k));
    kinds_present.dedup();
    let mut columns: Vec<(Kind, Vec<NodeIndex>)> = kinds_present
        .iter()
        .map(|&k| {
            let mut nodes: Vec<NodeIndex> = g.node_indices().filter(|&n| g[n].kind == k).collect();
            nodes.sort_by(|a, b| g[*a].label.cmp(&g[*b].label));
            (k, nodes)
        })
        .collect();
    let mut place = places(&columns);
    for _ in 0..SWEEPS {
        for (c, (_, nodes)) in columns.iter_mut().enumerate() {
            let bary = |n: NodeIndex| -> f64 {
                let ys: Vec<f64> = g
                    .neighbors_undirected(n)
                    .filter_map(|m| place.get(&m))
                    .filter(|(col, _)| *col != c)
                    .map(|(_, row)| *row as f64)
                    .collect();
                if ys.is_empty() {
                    place[&n].1 as f64
                } else {
                    ys.iter().sum::<f64>() / ys.len() as f64
                }
            };
            let mut keyed: Vec<(&str, f64, NodeIndex)> = nodes
                .iter()
                .map(|&n| (zone_group(p, n), bary(n), n))
                .collect();
            keyed.sort_by(|a, b| {
                a.0.cmp(b.0)
                    .then_with(|| a.1.total_cmp(&b.1))
                    .then_with(|| g[a.2].label.cmp(&g[b.2].label))
            });
            *nodes = keyed.into_iter().map(|(_, _, n)| n).collect();
            for (row, n) in nodes.iter().enumerate() {
                place.insert(*n, (c, row));
            }
        }
        place = places(&columns);
    }
    Layout { columns, place }
}

/// For areas and special zones, the label of the zone they are part of
/// (so a column lists each zone's parts together); empty otherwise.
fn zone_group(p: &Projection, n: NodeIndex) -> &str {
    let g = &p.graph;
    if !g[n].kind.is_zone() || g[n].kind == Kind::Entity(crate::model::Class::FreeTradeZone) {
        return "";
    }
    g.edges_directed(n, petgraph::Direction::Outgoing)
        .find(|e| e.weight().property == Property::PartOf && g[e.target()].kind.is_zone())
        .map(|e| g[e.target()].label.as_str())
        .unwrap_or("")
}

fn places(columns: &[(Kind, Vec<NodeIndex>)]) -> HashMap<NodeIndex, (usize, usize)> {
    columns
        .iter()
        .enumerate()
        .flat_map(|(c, (_, nodes))| nodes.iter().enumerate().map(move |(r, n)| (*n, (c, r))))
        .collect()
}

fn centre(place: (usize, usize)) -> (f64, f64) {
    let x = MARGIN + place.0 as f64 * COLUMN_WIDTH + BOX_WIDTH / 2.0;
    let y = MARGIN + LEGEND_HEIGHT + 24.0 + place.1 as f64 * ROW_HEIGHT + BOX_HEIGHT / 2.0;
    (x, y)
}

/// Writes the projection as an SVG document.
pub fn write_svg(p: &Projection, out: &mut dyn Write) -> Result<(), GraphError> {
    let g = &p.graph;
    let layout = layout(p);
    let rows = layout
        .columns
        .iter()
        .map(|(_, n)| n.len())
        .max()
        .unwrap_or(0);
    let width = (MARGIN * 2.0 + layout.columns.len().max(4) as f64 * COLUMN_WIDTH).max(900.0);
    let height = MARGIN * 2.0 + LEGEND_HEIGHT + 24.0 + rows as f64 * ROW_HEIGHT;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(
        s,
        "<title>ftzkg: {} nodes, {} edges</title>",
        g.node_count(),
        g.edge_count()
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    s.push_str("<defs>\n");
    for property in Property::ALL {
        let _ = writeln!(
            s,
            "<marker id=\"arrow-{}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            property.local_name(),
            property_colour(property)
        );
    }
    s.push_str("</defs>\n");
    legend(&mut s, p);
    for (c, (kind, _)) in layout.columns.iter().enumerate() {
        let x = MARGIN + c as f64 * COLUMN_WIDTH;
        let _ = writeln!(
            s,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-weight=\"bold\" fill=\"#333\">{}</text>",
            MARGIN + LEGEND_HEIGHT + 12.0,
            xml_escape(kind.label_zh())
        );
    }
    s.push_str("<g class=\"edges\" fill=\"none\">\n");
    for e in g.edge_references() {
        let (a, b) = (layout.place[&e.source()], layout.place[&e.target()]);
        let ((x1, y1), (x2, y2)) = (centre(a), centre(b));
        let half = BOX_WIDTH / 2.0;
        let d = if a.0 == b.0 {
            let x = x1 + half;
            format!(
                "M{x:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x:.1},{y2:.1}",
                x + 40.0,
                x + 40.0
            )
        } else {
            let dir = if b.0 > a.0 { 1.0 } else { -1.0 };
            let (sx, tx) = (x1 + dir * half, x2 - dir * half);
            let mid = (sx + tx) / 2.0;
            format!("M{sx:.1},{y1:.1} C{mid:.1},{y1:.1} {mid:.1},{y2:.1} {tx:.1},{y2:.1}")
        };
        let edge = e.weight();
        let dash = if edge.reference {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        let tip = edge
            .evidence
            .first()
            .map(|ev| ev.sentence.as_str())
            .unwrap_or("参考数据 reference");
        let _ = writeln!(
            s,
            "<path d=\"{d}\" stroke=\"{}\" stroke-width=\"{}\" marker-end=\"url(#arrow-{})\"{dash}><title>{} —{}→ {}: {}</title></path>",
            property_colour(edge.property),
            1 + edge.evidence_count().min(3),
            edge.property.local_name(),
            xml_escape(&g[e.source()].label),
            xml_escape(edge.property.label_zh()),
            xml_escape(&g[e.target()].label),
            xml_escape(tip)
        );
    }
    s.push_str("</g>\n<g class=\"nodes\">\n");
    for n in g.node_indices() {
        let node = &g[n];
        let (cx, cy) = centre(layout.place[&n]);
        let st = class_style(node.kind);
        let rx = if node.kind.is_zone() { 2 } else { 9 };
        let _ = writeln!(
            s,
            "<g class=\"{}\"><title>{} [{}]</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{BOX_WIDTH}\" height=\"{BOX_HEIGHT}\" rx=\"{rx}\" fill=\"{}\" stroke=\"{}\"/><text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
            node.kind.local_name(),
            xml_escape(&node.label),
            xml_escape(node.kind.label_zh()),
            cx - BOX_WIDTH / 2.0,
            cy - BOX_HEIGHT / 2.0,
            st.fill,
            st.stroke,
            cy + 4.0,
            xml_escape(&short_label(node))
        );
    }
    s.push_str("</g>\n</svg>\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// Width of a legend column: room for 自由贸易试验区.
const LEGEND_COLUMN: f64 = 150.0;

/// Class swatches and property colours present in the picture.
fn legend(s: &mut String, p: &Projection) {
    let present: Vec<Kind> = kinds()
        .filter(|k| p.graph.node_weights().any(|n| n.kind == *k))
        .collect();
    for (i, kind) in present.iter().enumerate() {
        let (x, y) = (
            MARGIN + (i % 6) as f64 * LEGEND_COLUMN,
            MARGIN + (i / 6) as f64 * 24.0,
        );
        let st = class_style(*kind);
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            st.fill,
            st.stroke,
            x + 20.0,
            y + 12.0,
            xml_escape(kind.label_zh())
        );
    }
    let mut props: Vec<Property> = p.graph.edge_weights().map(|e| e.property).collect();
    props.sort();
    props.dedup();
    for (i, prop) in props.iter().enumerate() {
        let (x, y) = (
            MARGIN + (i % 6) as f64 * LEGEND_COLUMN,
            MARGIN + 52.0 + (i / 6) as f64 * 20.0,
        );
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            y + 7.0,
            x + 16.0,
            y + 7.0,
            property_colour(*prop),
            x + 20.0,
            y + 11.0,
            xml_escape(prop.label_zh())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn columns_follow_the_class_order_and_every_node_is_placed() {
        let p = sample();
        let l = layout(&p);
        let names: Vec<&str> = l.columns.iter().map(|(k, _)| k.local_name()).collect();
        assert_eq!(
            names,
            ["Recognition", "Practice", "FreeTradeZone", "Area", "Place"]
        );
        assert_eq!(l.place.len(), p.graph.node_count());
    }

    #[test]
    fn the_picture_is_deterministic_and_escapes_labels() {
        let mut p = sample();
        p.graph[NodeIndex::new(0)].label = "<甲&乙>".into();
        let render = |p: &Projection| {
            let mut out = Vec::new();
            write_svg(p, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let svg = render(&p);
        assert_eq!(svg, render(&p));
        assert!(svg.contains("&lt;甲&amp;乙&gt;"));
        assert!(!svg.contains("<甲"));
        assert_eq!(svg.matches("marker-end=\"url(").count(), 7);
        assert!(
            svg.contains(">中国（江苏）自由贸易试…</text>"),
            "long labels are shortened"
        );
        assert!(
            svg.contains(">复制推广至</text>"),
            "the legend is in Chinese"
        );
        assert!(!svg.contains("replicatedIn</text>"));
    }
}
