//! A zone's links, grouped: policies it issued or that apply to it,
//! practices started or copied there, platforms it runs, firms and
//! institutions based there, recognitions (its own and those of what it
//! holds), and its place in the zone hierarchy. Each link keeps its
//! evidence. Also the whole zone-to-policy network as one graph.
//!
//! Input: a `Projection` and a zone node. Output: `ZoneLinks`
//! (serialisable, or a text tree) or a sub-projection.

use super::trace::EntityRef;
use super::tree::{TreeItem, entity_head, evidence_lines};
use super::{Edge, Evidence, Kind, Node, Projection};
use crate::model::{Class, Property};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::HashSet;

/// One link of a zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    pub property: &'static str,
    pub property_zh: &'static str,
    /// `out` when the zone is the subject, `in` when it is the object.
    pub direction: &'static str,
    pub entity: EntityRef,
    /// The zone, or the part of it, at this end of the link.
    pub at: String,
    /// Set when the link belongs to something linked to the zone (a
    /// recognition of one of its practices, say).
    pub via: Option<String>,
    pub evidence: Vec<Evidence>,
    pub reference: bool,
    #[serde(skip)]
    lines: Vec<String>,
    #[serde(skip)]
    head: String,
}

/// A named group of links.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub key: &'static str,
    pub title: &'static str,
    pub links: Vec<Link>,
}

/// Everything linked to a zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ZoneLinks {
    pub zone: EntityRef,
    pub parts: Vec<EntityRef>,
    pub groups: Vec<Group>,
}

/// Groups: key, title, and which (direction, property, other class) fall in it.
const GROUPS: &[(&str, &str)] = &[
    ("policies", "政策文件 policies"),
    ("practices", "制度创新 practices"),
    ("platforms", "平台 platforms"),
    ("organisations", "企业与机构 firms and institutions"),
    ("recognitions", "荣誉认定 recognitions"),
    ("structure", "隶属与区位 structure and place"),
];

fn group_of(direction: Direction, property: Property, other: Kind) -> Option<&'static str> {
    use Direction::{Incoming as In, Outgoing as Out};
    use Property as P;
    Some(match (direction, property) {
        (Out, P::Issued) | (In, P::AppliesTo) => "policies",
        (In, P::OriginatedIn | P::ReplicatedIn) if other == Kind::Entity(Class::Practice) => {
            "practices"
        }
        (Out, P::Operates) | (In, P::OriginatedIn) if other == Kind::Entity(Class::Platform) => {
            "platforms"
        }
        (In, P::BasedIn) => "organisations",
        (Out, P::RecognizedAs) => "recognitions",
        (_, P::PartOf) | (Out, P::LocatedIn) => "structure",
        _ => return None,
    })
}

fn link(edge: &Edge, direction: Direction, other: &Node, at: &Node, via: Option<&Node>) -> Link {
    Link {
        property: edge.property.local_name(),
        property_zh: edge.property.label_zh(),
        direction: if direction == Direction::Outgoing {
            "out"
        } else {
            "in"
        },
        entity: other.into(),
        at: at.label.clone(),
        via: via.map(|v| v.label.clone()),
        evidence: edge.evidence.clone(),
        reference: edge.reference,
        lines: evidence_lines(edge),
        head: entity_head(other),
    }
}

pub fn zone_links(p: &Projection, zone: NodeIndex) -> ZoneLinks {
    let g = &p.graph;
    let members = p.zone_and_parts(zone);
    let mut groups: Vec<Group> = GROUPS
        .iter()
        .map(|(key, title)| Group {
            key,
            title,
            links: Vec::new(),
        })
        .collect();
    let mut push = |key: &str, l: Link| {
        if let Some(group) = groups.iter_mut().find(|g| g.key == key)
            && !group.links.contains(&l)
        {
            group.links.push(l);
        }
    };
    let mut held: Vec<NodeIndex> = Vec::new();
    for &m in &members {
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for e in g.edges_directed(m, direction) {
                let other = if direction == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                let internal = e.weight().property == Property::PartOf && members.contains(&other);
                let Some(key) = group_of(direction, e.weight().property, g[other].kind) else {
                    continue;
                };
                if internal {
                    continue;
                }
                push(key, link(e.weight(), direction, &g[other], &g[m], None));
                if matches!(key, "practices" | "platforms" | "organisations") {
                    held.push(other);
                }
            }
        }
    }
    held.sort();
    held.dedup();
    for h in held {
        for e in g.edges_directed(h, Direction::Outgoing) {
            if e.weight().property == Property::RecognizedAs {
                push(
                    "recognitions",
                    link(
                        e.weight(),
                        Direction::Outgoing,
                        &g[e.target()],
                        &g[zone],
                        Some(&g[h]),
                    ),
                );
            }
        }
    }
    for group in &mut groups {
        group
            .links
            .sort_by(|a, b| (a.property, &a.entity.label).cmp(&(b.property, &b.entity.label)));
    }
    ZoneLinks {
        zone: (&g[zone]).into(),
        parts: members[1..].iter().map(|&m| (&g[m]).into()).collect(),
        groups,
    }
}

impl ZoneLinks {
    pub fn tree(&self) -> TreeItem {
        let mut root = TreeItem::new(format!(
            "{} [{} {}]",
            self.zone.label, self.zone.class_zh, self.zone.class
        ));
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
        for group in &self.groups {
            let children = if group.links.is_empty() {
                vec![TreeItem::new("(none recorded 未见记载)")]
            } else {
                group.links.iter().map(|l| self.link_item(l)).collect()
            };
            root.children.push(
                TreeItem::new(format!("{} ({})", group.title, group.links.len()))
                    .with_children(children),
            );
        }
        root
    }

    fn link_item(&self, l: &Link) -> TreeItem {
        let how = match (&l.via, l.direction) {
            (Some(via), _) => format!("{via} —{}→", l.property_zh),
            (None, "out") => format!("{} —{}→", short(&l.at, &self.zone.label), l.property_zh),
            (None, _) => format!("—{}→ {}", l.property_zh, short(&l.at, &self.zone.label)),
        };
        TreeItem {
            head: format!("{}  ({how})", l.head),
            details: l.lines.clone(),
            children: Vec::new(),
        }
    }
}

/// "本区" for the zone itself, else the part's label.
fn short(at: &str, zone: &str) -> String {
    if at == zone {
        "本区".to_owned()
    } else {
        at.to_owned()
    }
}

/// The zone-to-policy network: every link a zone has (policies, practices,
/// platforms, organisations, hierarchy), plus the recognitions of what is
/// linked; nodes without links are left out.
pub fn network(p: &Projection) -> Projection {
    let g = &p.graph;
    let mut keep: HashSet<NodeIndex> = HashSet::new();
    for e in g.edge_references() {
        let (s, o) = (e.source(), e.target());
        let zone_end = g[s].kind.is_zone() || g[o].kind.is_zone();
        if zone_end
            && !matches!(
                e.weight().property,
                Property::LocatedIn | Property::Mentions
            )
        {
            keep.insert(s);
            keep.insert(o);
        }
    }
    let linked = keep.clone();
    for e in g.edge_references() {
        if e.weight().property == Property::RecognizedAs && linked.contains(&e.source()) {
            keep.insert(e.target());
        }
    }
    p.subgraph(
        |n, _| keep.contains(&n),
        |s, e, o| {
            let zone_end = s.kind.is_zone() || o.kind.is_zone();
            (zone_end && !matches!(e.property, Property::LocatedIn | Property::Mentions))
                || e.property == Property::RecognizedAs
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    #[test]
    fn a_zone_lists_its_practices_and_their_recognitions() {
        let p = sample();
        let links = zone_links(&p, p.node("x:nj").unwrap());
        let practices = &links
            .groups
            .iter()
            .find(|g| g.key == "practices")
            .unwrap()
            .links;
        assert_eq!(practices.len(), 1);
        assert_eq!(practices[0].entity.label, "无感续证");
        assert_eq!(
            practices[0].evidence[0].sentence,
            "南京片区首创“无感续证”。"
        );
        let recognitions = &links
            .groups
            .iter()
            .find(|g| g.key == "recognitions")
            .unwrap()
            .links;
        assert_eq!(recognitions[0].via.as_deref(), Some("无感续证"));
        let structure = &links
            .groups
            .iter()
            .find(|g| g.key == "structure")
            .unwrap()
            .links;
        assert_eq!(structure[0].entity.label, "中国（江苏）自由贸易试验区");
    }

    #[test]
    fn a_free_trade_zone_gathers_the_links_of_its_areas() {
        let p = sample();
        let links = zone_links(&p, p.node("x:js").unwrap());
        assert_eq!(links.parts.len(), 2);
        let practices = &links
            .groups
            .iter()
            .find(|g| g.key == "practices")
            .unwrap()
            .links;
        let at: Vec<&str> = practices.iter().map(|l| l.at.as_str()).collect();
        assert_eq!(
            at,
            [
                "中国（江苏）自由贸易试验区南京片区",
                "中国（江苏）自由贸易试验区苏州片区"
            ]
        );
        let structure = &links
            .groups
            .iter()
            .find(|g| g.key == "structure")
            .unwrap()
            .links;
        assert!(
            structure.is_empty(),
            "parts inside the zone are not listed as links: {structure:?}"
        );
    }

    #[test]
    fn the_network_drops_what_no_zone_touches() {
        let net = network(&sample());
        assert!(net.node("x:lonely").is_none());
        assert!(net.node("x:best").is_some());
        assert_eq!(net.graph.edge_count(), 7);
    }
}
