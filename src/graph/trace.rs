//! Traces practices through the graph: where one started, which
//! recognitions it received and every zone that copied it (with dates and
//! evidence sentences); and for a zone, what it copied from elsewhere and
//! what others copied from it.
//!
//! Input: a `Projection` and the node asked about. Output: `PracticeTrace`
//! or `ZoneTrace` (serialisable), a text tree, or the sub-projection that
//! the graph exporters draw.

use super::tree::{TreeItem, entity_head, evidence_lines};
use super::{Edge, Evidence, Node, Projection};
use crate::model::Property;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::HashSet;

/// The properties a practice trace follows.
pub const TRACED: [Property; 3] = [
    Property::OriginatedIn,
    Property::RecognizedAs,
    Property::ReplicatedIn,
];

/// An entity as a trace shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityRef {
    pub iri: String,
    pub class: &'static str,
    pub class_zh: &'static str,
    pub label: String,
    pub aliases: Vec<String>,
}

impl From<&Node> for EntityRef {
    fn from(n: &Node) -> Self {
        EntityRef {
            iri: n.iri.clone(),
            class: n.kind.local_name(),
            class_zh: n.kind.label_zh(),
            label: n.label.clone(),
            aliases: n.aliases.clone(),
        }
    }
}

/// One step of a trace: the entity at the other end of a relation, when it
/// was first printed, and the sentences that state it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub property: &'static str,
    pub entity: EntityRef,
    pub date: Option<String>,
    pub evidence: Vec<Evidence>,
    pub reference: bool,
    #[serde(skip)]
    edge: Option<Edge>,
    #[serde(skip)]
    node: Option<Node>,
}

impl Step {
    fn new(edge: &Edge, other: &Node) -> Self {
        Step {
            property: edge.property.local_name(),
            entity: other.into(),
            date: edge.first_date().map(str::to_owned),
            evidence: edge.evidence.clone(),
            reference: edge.reference,
            edge: Some(edge.clone()),
            node: Some(other.clone()),
        }
    }

    fn tree(&self) -> TreeItem {
        TreeItem {
            head: self
                .node
                .as_ref()
                .map(entity_head)
                .unwrap_or_else(|| self.entity.label.clone()),
            details: self.edge.as_ref().map(evidence_lines).unwrap_or_default(),
            children: Vec::new(),
        }
    }
}

/// Steps along `property` out of (or into) a node, by date then label.
fn steps(p: &Projection, n: NodeIndex, property: Property, direction: Direction) -> Vec<Step> {
    let mut out: Vec<Step> = p
        .graph
        .edges_directed(n, direction)
        .filter(|e| e.weight().property == property)
        .map(|e| {
            let other = if direction == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            Step::new(e.weight(), &p.graph[other])
        })
        .collect();
    out.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.entity.label).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.entity.label,
        ))
    });
    out
}

/// Origin, recognitions and copies of one practice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PracticeTrace {
    pub practice: EntityRef,
    pub origins: Vec<Step>,
    pub recognitions: Vec<Step>,
    pub replications: Vec<Step>,
}

pub fn trace_practice(p: &Projection, practice: NodeIndex) -> PracticeTrace {
    PracticeTrace {
        practice: (&p.graph[practice]).into(),
        origins: steps(p, practice, Property::OriginatedIn, Direction::Outgoing),
        recognitions: steps(p, practice, Property::RecognizedAs, Direction::Outgoing),
        replications: steps(p, practice, Property::ReplicatedIn, Direction::Outgoing),
    }
}

fn group(title: String, steps: &[Step]) -> TreeItem {
    let children = if steps.is_empty() {
        vec![TreeItem::new("(none recorded 未见记载)")]
    } else {
        steps.iter().map(Step::tree).collect()
    };
    TreeItem::new(title).with_children(children)
}

fn practice_head(e: &EntityRef) -> String {
    let aliases = if e.aliases.is_empty() {
        String::new()
    } else {
        format!("  又称 {}", e.aliases.join("、"))
    };
    format!("{} [{} {}]{aliases}", e.label, e.class_zh, e.class)
}

impl PracticeTrace {
    pub fn tree(&self) -> TreeItem {
        TreeItem::new(practice_head(&self.practice)).with_children(vec![
            group(
                format!("首创于 originated in ({})", self.origins.len()),
                &self.origins,
            ),
            group(
                format!("入选 recognitions ({})", self.recognitions.len()),
                &self.recognitions,
            ),
            group(
                format!("复制推广至 replicated in ({})", self.replications.len()),
                &self.replications,
            ),
        ])
    }
}

/// The graph a practice trace draws: the practice and its traced edges.
pub fn practice_graph(p: &Projection, practice: NodeIndex) -> Projection {
    let keep = p.within(&[practice], 1);
    let iri = p.graph[practice].iri.clone();
    p.subgraph(
        |n, _| keep.contains(&n),
        |s, e, _| s.iri == iri && TRACED.contains(&e.property),
    )
}

/// A practice seen from a zone: how it arrived or left, and its other ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Movement {
    pub practice: EntityRef,
    /// The `replicatedIn` step into the zone, or the `originatedIn` step.
    pub here: Step,
    /// Where it started (for practices copied into the zone).
    pub origins: Vec<Step>,
    /// Where else it was copied (for practices started in the zone).
    pub replications: Vec<Step>,
}

/// What a zone (and its parts) copied, and what others copied from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ZoneTrace {
    pub zone: EntityRef,
    pub parts: Vec<EntityRef>,
    /// Practices copied into the zone from elsewhere.
    pub copied_in: Vec<Movement>,
    /// Practices started in the zone that others copied.
    pub copied_out: Vec<Movement>,
    /// Practices started in the zone with no copy recorded yet.
    pub originated: Vec<Movement>,
}

pub fn trace_zone(p: &Projection, zone: NodeIndex) -> ZoneTrace {
    let members = p.zone_and_parts(zone);
    let member_iris: HashSet<&str> = members.iter().map(|&m| p.graph[m].iri.as_str()).collect();
    let (mut copied_in, mut copied_out, mut originated) = (Vec::new(), Vec::new(), Vec::new());
    for &m in &members {
        for e in p.graph.edges_directed(m, Direction::Incoming) {
            let practice = e.source();
            let here = Step::new(e.weight(), &p.graph[m]);
            let movement = |origins, replications| Movement {
                practice: (&p.graph[practice]).into(),
                here: here.clone(),
                origins,
                replications,
            };
            match e.weight().property {
                Property::ReplicatedIn => {
                    copied_in.push(movement(
                        steps(p, practice, Property::OriginatedIn, Direction::Outgoing),
                        vec![],
                    ));
                }
                Property::OriginatedIn => {
                    let elsewhere: Vec<Step> =
                        steps(p, practice, Property::ReplicatedIn, Direction::Outgoing)
                            .into_iter()
                            .filter(|s| !member_iris.contains(s.entity.iri.as_str()))
                            .collect();
                    if elsewhere.is_empty() {
                        originated.push(movement(vec![], vec![]));
                    } else {
                        copied_out.push(movement(vec![], elsewhere));
                    }
                }
                _ => {}
            }
        }
    }
    for list in [&mut copied_in, &mut copied_out, &mut originated] {
        list.sort_by(|a, b| {
            (&a.here.date, &a.practice.label).cmp(&(&b.here.date, &b.practice.label))
        });
    }
    ZoneTrace {
        zone: (&p.graph[zone]).into(),
        parts: members[1..].iter().map(|&m| (&p.graph[m]).into()).collect(),
        copied_in,
        copied_out,
        originated,
    }
}

impl ZoneTrace {
    pub fn tree(&self) -> TreeItem {
        let mut root = TreeItem::new(practice_head(&self.zone));
        if !self.parts.is_empty() {
            root.details.push(format!(
                "含 parts: {}",
                self.parts
                    .iter()
                    .map(|p| p.label.as_str())
                    .collect::<Vec<_>>()
                    .join("、")
            ));
        }
        let movement_item = |m: &Movement, extra: (&str, &[Step])| {
            let mut item = TreeItem::new(format!("{} [{}]", m.practice.label, m.practice.class_zh));
            item.details = m.here.tree().details;
            if self.parts.iter().any(|p| p.iri == m.here.entity.iri) {
                item.details
                    .insert(0, format!("在 at {}", m.here.entity.label));
            }
            if !extra.1.is_empty() {
                item.children.push(group(extra.0.to_owned(), extra.1));
            }
            item
        };
        let section = |title: &str, items: Vec<TreeItem>| {
            let items = if items.is_empty() {
                vec![TreeItem::new("(none recorded 未见记载)")]
            } else {
                items
            };
            TreeItem::new(format!(
                "{title} ({})",
                if items[0].head.starts_with("(none") {
                    0
                } else {
                    items.len()
                }
            ))
            .with_children(items)
        };
        root.children = vec![
            section(
                "复制引进 copied in from elsewhere",
                self.copied_in
                    .iter()
                    .map(|m| movement_item(m, ("首创于 originated in", &m.origins)))
                    .collect(),
            ),
            section(
                "被复制推广 copied by others",
                self.copied_out
                    .iter()
                    .map(|m| movement_item(m, ("复制推广至 replicated in", &m.replications)))
                    .collect(),
            ),
            section(
                "首创 originated here, no copy recorded",
                self.originated
                    .iter()
                    .map(|m| movement_item(m, ("", &[])))
                    .collect(),
            ),
        ];
        root
    }
}

/// The graph a zone trace draws: the zone and its parts, the practices
/// that moved in or out, and where they started or went.
pub fn zone_graph(p: &Projection, trace: &ZoneTrace) -> Projection {
    let mut keep: HashSet<String> = HashSet::new();
    keep.insert(trace.zone.iri.clone());
    keep.extend(trace.parts.iter().map(|e| e.iri.clone()));
    let mut practices: HashSet<String> = HashSet::new();
    for m in trace
        .copied_in
        .iter()
        .chain(&trace.copied_out)
        .chain(&trace.originated)
    {
        practices.insert(m.practice.iri.clone());
        keep.extend(
            m.origins
                .iter()
                .chain(&m.replications)
                .map(|s| s.entity.iri.clone()),
        );
    }
    keep.extend(practices.iter().cloned());
    let zone_set: HashSet<String> = std::iter::once(trace.zone.iri.clone())
        .chain(trace.parts.iter().map(|e| e.iri.clone()))
        .collect();
    p.subgraph(
        |_, n| keep.contains(&n.iri),
        |s, e, o| match e.property {
            Property::OriginatedIn | Property::ReplicatedIn => practices.contains(&s.iri),
            Property::PartOf => zone_set.contains(&s.iri) && zone_set.contains(&o.iri),
            _ => false,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn a_practice_trace_names_origin_recognition_and_copies_in_date_order() {
        let p = sample();
        let t = trace_practice(&p, p.node("x:wg").unwrap());
        assert_eq!(t.origins.len(), 1);
        assert_eq!(
            t.origins[0].entity.label,
            "中国（江苏）自由贸易试验区南京片区"
        );
        assert_eq!(
            t.origins[0].evidence[0].sentence,
            "南京片区首创“无感续证”。"
        );
        assert_eq!(
            t.recognitions[0].entity.label,
            "全国第五批自贸试验区最佳实践案例"
        );
        let copies: Vec<(&str, Option<&str>)> = t
            .replications
            .iter()
            .map(|s| (s.entity.label.as_str(), s.date.as_deref()))
            .collect();
        assert_eq!(
            copies,
            [
                ("中国（江苏）自由贸易试验区苏州片区", Some("2024-03-15")),
                ("中国（黑龙江）自由贸易试验区哈尔滨片区", Some("2024-05-15"))
            ]
        );
        let mut text = Vec::new();
        super::super::tree::write_tree(&t.tree(), &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("复制推广至 replicated in (2)"), "{text}");
        assert!(
            text.contains("证据: 苏州片区复制推广“无感续证”。"),
            "{text}"
        );
    }

    #[test]
    fn a_practice_graph_keeps_only_the_traced_edges() {
        let p = sample();
        let g = practice_graph(&p, p.node("x:wg").unwrap());
        assert_eq!(g.graph.node_count(), 5);
        assert_eq!(g.graph.edge_count(), 4);
    }

    #[test]
    fn a_zone_trace_shows_what_came_in_and_what_went_out() {
        let p = sample();
        let hrb = trace_zone(&p, p.node("x:hrb").unwrap());
        assert_eq!(hrb.copied_in.len(), 1);
        assert_eq!(hrb.copied_in[0].practice.label, "无感续证");
        assert_eq!(
            hrb.copied_in[0].origins[0].entity.label,
            "中国（江苏）自由贸易试验区南京片区"
        );
        assert_eq!(hrb.originated.len(), 1);
        assert_eq!(hrb.originated[0].practice.label, "证照联办");
        let js = trace_zone(&p, p.node("x:js").unwrap());
        assert_eq!(js.parts.len(), 2);
        assert_eq!(
            js.copied_out.len(),
            1,
            "苏州 copying from 南京 is inside the zone"
        );
        assert_eq!(js.copied_out[0].replications.len(), 1);
        assert_eq!(
            js.copied_out[0].replications[0].entity.label,
            "中国（黑龙江）自由贸易试验区哈尔滨片区"
        );
        assert_eq!(js.copied_in.len(), 1, "苏州片区 copied 无感续证");
        let g = zone_graph(&p, &js);
        assert!(g.node("x:hrb").is_some() && g.node("x:best").is_none());
    }
}
