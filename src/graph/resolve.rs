//! Finds the entity a person means by a name: an IRI, a label or alias
//! (exact match first, after the guidelines' normalisation), else an
//! unambiguous part of one. Ambiguous names list their candidates.
//!
//! Input: a name, the classes it may belong to, the entities of the store.
//! Output: one `Node`, or `GraphError::NotFound` / `Ambiguous`.

use super::{GraphError, Node};
use crate::eval::normalize;
use crate::families::{adds_other_words, holds_in_order};
use crate::identity::IdentityRules;
use crate::model::Class;
use crate::store::KgStore;

/// The classes a zone name may refer to.
pub const ZONES: &[Class] = &[Class::FreeTradeZone, Class::Area, Class::SpecialZone];
/// The classes a traced name may refer to.
pub const PRACTICES: &[Class] = &[Class::Practice, Class::Platform];

/// A key shorter than this is never matched as a part of a longer name.
const MIN_PART_CHARS: usize = 4;

/// The most candidates an ambiguous name lists.
const MAX_CANDIDATES: usize = 12;

/// Every named entity, with its names normalised for matching.
pub struct Catalogue {
    nodes: Vec<Node>,
    names: Vec<Vec<String>>,
    /// For practices: the key of each name (`identity`); empty otherwise.
    keys: Vec<Vec<String>>,
    /// For practices: the key of the label; empty otherwise.
    label_keys: Vec<String>,
}

impl Catalogue {
    pub fn new(nodes: Vec<Node>) -> Self {
        let names = nodes
            .iter()
            .map(|n| {
                std::iter::once(&n.label)
                    .chain(&n.aliases)
                    .map(|s| normalize(s))
                    .collect()
            })
            .collect();
        let rules = IdentityRules::builtin();
        let keys = nodes
            .iter()
            .map(|n| {
                if n.kind.class() != Some(Class::Practice) {
                    return Vec::new();
                }
                let mut keys: Vec<String> = std::iter::once(&n.label)
                    .chain(&n.aliases)
                    .map(|s| normalize(&rules.key(s).0))
                    .collect();
                keys.sort();
                keys.dedup();
                keys
            })
            .collect();
        let label_keys = nodes
            .iter()
            .map(|n| match n.kind.class() {
                Some(Class::Practice) => normalize(&rules.key(&n.label).0),
                _ => String::new(),
            })
            .collect();
        Catalogue {
            nodes,
            names,
            keys,
            label_keys,
        }
    }

    /// Practices another form of whose name `key` is: one of their names
    /// has this key; else the practices with a name key that holds `key`
    /// (退货中心仓 → 跨境电商退货中心仓模式); else those whose longest name
    /// key inside `key` is the longest (中国…“一船多供”监管经验 → 一船多供).
    fn practices_keyed(&self, key: &str, eligible: impl Fn(&usize) -> bool) -> Vec<usize> {
        let practices = || {
            (0..self.nodes.len())
                .filter(&eligible)
                .filter(|&i| !self.keys[i].is_empty())
        };
        let same: Vec<usize> = practices()
            .filter(|&i| self.keys[i].iter().any(|k| k == key))
            .collect();
        // “一票结”延伸服务 holds 一票结 as an alias: the practice whose own
        // label has the key is the one meant.
        let labelled: Vec<usize> = same
            .iter()
            .copied()
            .filter(|&i| self.label_keys[i] == key)
            .collect();
        if same.len() > 1 && labelled.len() == 1 {
            return labelled;
        }
        if !same.is_empty() || key.chars().count() < MIN_PART_CHARS {
            return same;
        }
        // A name every word of which a practice's key holds (退货中心仓 →
        // 跨境电商退货中心仓模式) is that practice before one whose key it
        // holds: its extra words may be what tells two apart (出口退货集拼监管
        // holds 集拼监管, a key of the 进口 practice).
        let holding: Vec<usize> = practices()
            .filter(|&i| self.keys[i].iter().any(|k| k.contains(key)))
            .collect();
        if !holding.is_empty() {
            return holding;
        }
        // 进口药品一站式查验 holds 一站式查验, a key of 进口药材一站式查验:
        // a practice whose fuller name adds other words where the name adds
        // its own is another practice.
        let inside = |i: usize| {
            self.keys[i]
                .iter()
                .filter(|k| k.chars().count() >= MIN_PART_CHARS && key.contains(k.as_str()))
                .filter(|k| {
                    !self.keys[i]
                        .iter()
                        .any(|full| adds_other_words(full, k, key))
                })
                .map(|k| k.chars().count())
                .max()
        };
        let longest = practices().filter_map(inside).max();
        if let Some(longest) = longest {
            return practices()
                .filter(|&i| inside(i) == Some(longest))
                .collect();
        }
        if key.chars().count() < MIN_SPREAD_CHARS {
            return Vec::new();
        }
        // A form that leaves words out of the middle (跨境电商退货中心仓 for
        // 跨境电商零售进口退货中心仓): its chars in order, its ends as written.
        practices()
            .filter(|&i| self.keys[i].iter().any(|k| holds_in_order(k, key)))
            .collect()
    }

    /// Reads every entity of the store.
    pub fn load(store: &KgStore) -> Result<Self, GraphError> {
        Ok(Catalogue::new(super::query::entities(store)?))
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }
}

/// Resolves a name against the store; a truly ambiguous name lists each
/// candidate with its class and the first article that names it.
pub fn resolve(store: &KgStore, name: &str, classes: &[Class]) -> Result<Node, GraphError> {
    resolve_with(store, &Catalogue::load(store)?, name, classes)
}

/// [`resolve`] with a catalogue already loaded from `store`.
pub fn resolve_with(
    store: &KgStore,
    catalogue: &Catalogue,
    name: &str,
    classes: &[Class],
) -> Result<Node, GraphError> {
    pick(catalogue, name, classes, |many| {
        // Names some article uses first; reference-only names after.
        let mut named = Vec::new();
        let mut reference = Vec::new();
        for &i in many {
            let node = &catalogue.nodes[i];
            match super::query::first_article(store, &node.iri)? {
                Some(first) => named.push(describe(node, Some(&first))),
                None => reference.push(describe(node, None)),
            }
        }
        named.sort();
        reference.sort();
        named.append(&mut reference);
        if named.len() > MAX_CANDIDATES {
            let more = named.len() - MAX_CANDIDATES;
            named.truncate(MAX_CANDIDATES);
            named.push(format!("… and {more} more: give a longer name"));
        }
        Ok(named)
    })
}

/// Resolves a name against a catalogue; `classes` empty means any class.
pub fn resolve_in(
    catalogue: &Catalogue,
    name: &str,
    classes: &[Class],
) -> Result<Node, GraphError> {
    pick(catalogue, name, classes, |many| {
        let mut candidates: Vec<String> = many
            .iter()
            .map(|&i| describe(&catalogue.nodes[i], None))
            .collect();
        candidates.sort();
        Ok(candidates)
    })
}

/// The one node a name means, or NotFound, or Ambiguous with the
/// candidates `list` describes.
fn pick(
    catalogue: &Catalogue,
    name: &str,
    classes: &[Class],
    list: impl FnOnce(&[usize]) -> Result<Vec<String>, GraphError>,
) -> Result<Node, GraphError> {
    match matching(catalogue, name, classes).as_slice() {
        [] => Err(not_found(name, classes)),
        [one] => Ok(catalogue.nodes[*one].clone()),
        many => Err(GraphError::Ambiguous {
            name: name.to_owned(),
            candidates: list(many)?,
        }),
    }
}

/// `label [class]`, with the first article that names it when known.
fn describe(node: &Node, first_article: Option<&str>) -> String {
    match first_article {
        Some(article) => format!("{} [{}] — {article}", node.label, node.kind.label_zh()),
        None => format!("{} [{}]", node.label, node.kind.label_zh()),
    }
}

fn not_found(name: &str, classes: &[Class]) -> GraphError {
    GraphError::NotFound {
        name: name.to_owned(),
        what: if classes.is_empty() {
            "any class".to_owned()
        } else {
            classes
                .iter()
                .map(|c| c.label_zh())
                .collect::<Vec<_>>()
                .join("/")
        },
    }
}

/// The nodes a name may mean: an IRI, else a label or alias, else another
/// form of a practice's name, else the names that hold it.
fn matching(catalogue: &Catalogue, name: &str, classes: &[Class]) -> Vec<usize> {
    let wanted = normalize(name);
    let eligible = |i: &usize| {
        let node = &catalogue.nodes[*i];
        classes.is_empty() || node.kind.class().is_some_and(|c| classes.contains(&c))
    };
    let all = 0..catalogue.nodes.len();
    if let Some(i) = all
        .clone()
        .filter(eligible)
        .find(|&i| catalogue.nodes[i].iri == name)
    {
        return vec![i];
    }
    let exact: Vec<usize> = all
        .clone()
        .filter(eligible)
        .filter(|&i| catalogue.names[i].contains(&wanted))
        .collect();
    if exact.len() > 1
        && let Some(&first_class) = classes.first()
    {
        // One name, two classes (云端司法确认 read as a practice in one
        // article, a platform in another): the class asked for first wins.
        let preferred: Vec<usize> = exact
            .iter()
            .copied()
            .filter(|&i| catalogue.nodes[i].kind.class() == Some(first_class))
            .collect();
        if preferred.len() == 1 {
            return preferred;
        }
    }
    if exact.len() > 1 {
        // A label before an alias another node also holds.
        let labelled: Vec<usize> = exact
            .iter()
            .copied()
            .filter(|&i| catalogue.names[i][0] == wanted)
            .collect();
        if labelled.len() == 1 {
            return labelled;
        }
    }
    if !exact.is_empty() {
        return exact;
    }
    // Another form of a practice's name (无感续证服务模式 for 无感续证).
    let key = normalize(&IdentityRules::builtin().key(name).0);
    let keyed = catalogue.practices_keyed(&key, eligible);
    if !keyed.is_empty() || wanted.is_empty() {
        return keyed;
    }
    all.filter(eligible)
        .filter(|&i| catalogue.names[i].iter().any(|n| n.contains(&wanted)))
        .collect()
}

/// A search hit: the entity and the name of it that matched.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub entity: super::trace::EntityRef,
    pub matched: String,
}

/// Entities whose label or alias contains `words` (after normalisation):
/// exact names first, then prefixes, then shorter labels.
pub fn search(catalogue: &Catalogue, words: &str, limit: usize) -> Vec<Hit> {
    let wanted = normalize(words).to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<((u8, usize, &str), Hit)> = Vec::new();
    for (node, names) in catalogue.nodes.iter().zip(&catalogue.names) {
        let original = std::iter::once(&node.label).chain(&node.aliases);
        let best = names
            .iter()
            .zip(original)
            .filter_map(|(n, o)| {
                let n = n.to_lowercase();
                let rank = if n == wanted {
                    0
                } else if n.starts_with(&wanted) {
                    1
                } else if n.contains(&wanted) {
                    2
                } else {
                    return None;
                };
                Some((rank, o))
            })
            .min_by_key(|(rank, _)| *rank);
        if let Some((rank, matched)) = best {
            ranked.push((
                (rank, node.label.chars().count(), node.label.as_str()),
                Hit {
                    entity: node.into(),
                    matched: matched.clone(),
                },
            ));
        }
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    ranked.into_iter().take(limit).map(|(_, h)| h).collect()
}

/// The shortest form that may find a name holding it with gaps.
const MIN_SPREAD_CHARS: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Kind;

    fn catalogue() -> Catalogue {
        let mut hrb = Node::new(
            "x:hrb",
            Kind::Entity(Class::Area),
            "中国（黑龙江）自由贸易试验区哈尔滨片区",
        );
        hrb.aliases = vec!["哈尔滨片区".into()];
        Catalogue::new(vec![
            hrb,
            Node::new(
                "x:sfh",
                Kind::Entity(Class::Area),
                "中国（黑龙江）自由贸易试验区绥芬河片区",
            ),
            Node::new("x:city", Kind::Entity(Class::Place), "哈尔滨"),
            Node::new("x:wg", Kind::Entity(Class::Practice), "无感续证"),
        ])
    }

    #[test]
    fn an_alias_matches_exactly_before_any_substring() {
        let c = catalogue();
        assert_eq!(resolve_in(&c, "哈尔滨片区", ZONES).unwrap().iri, "x:hrb");
        assert_eq!(resolve_in(&c, "哈尔滨", &[]).unwrap().iri, "x:city");
        assert_eq!(resolve_in(&c, "“无感续证”", PRACTICES).unwrap().iri, "x:wg");
        assert_eq!(
            resolve_in(&c, "中国(黑龙江)自由贸易试验区绥芬河片区", ZONES)
                .unwrap()
                .iri,
            "x:sfh"
        );
    }

    #[test]
    fn one_name_in_two_classes_goes_to_the_class_asked_for_first() {
        let mut nodes = catalogue().nodes;
        nodes.push(Node::new(
            "x:wg-platform",
            Kind::Entity(Class::Platform),
            "无感续证",
        ));
        let c = Catalogue::new(nodes);
        assert_eq!(resolve_in(&c, "无感续证", PRACTICES).unwrap().iri, "x:wg");
        assert!(matches!(
            resolve_in(&c, "无感续证", &[]),
            Err(GraphError::Ambiguous { .. })
        ));
    }

    #[test]
    fn an_ambiguous_part_lists_the_candidates() {
        let err = resolve_in(&catalogue(), "黑龙江", ZONES).unwrap_err();
        let GraphError::Ambiguous { candidates, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(candidates.len(), 2);
        assert!(err.to_string().contains("绥芬河片区 [片区]"), "{err}");
    }

    #[test]
    fn a_label_goes_before_the_same_name_held_as_an_alias_elsewhere() {
        let one = Node::new("x:one", Kind::Entity(Class::Practice), "一票结");
        let mut longer = Node::new("x:ext", Kind::Entity(Class::Practice), "一票结延伸服务");
        longer.aliases = vec!["一票结".into()];
        let c = Catalogue::new(vec![one, longer]);
        for form in ["一票结", "连云港片区一票结经验", "“一票结”模式"] {
            assert_eq!(
                resolve_in(&c, form, PRACTICES).unwrap().iri,
                "x:one",
                "{form}"
            );
        }
        assert_eq!(
            resolve_in(&c, "一票结延伸服务", PRACTICES).unwrap().iri,
            "x:ext"
        );
    }

    #[test]
    fn another_form_of_a_practice_finds_it() {
        let c = catalogue();
        for form in [
            "无感续证服务模式",
            "“无感续证”改革经验",
            "哈尔滨片区无感续证经验",
        ] {
            assert_eq!(
                resolve_in(&c, form, PRACTICES).unwrap().iri,
                "x:wg",
                "{form}"
            );
        }
    }

    #[test]
    fn a_longer_or_shorter_form_finds_the_practice_its_key_holds() {
        let mut ship = Node::new(
            "x:ship",
            Kind::Entity(Class::Practice),
            "船舶融资租赁收取外币租金",
        );
        ship.aliases = vec!["南沙片区船舶融资租赁收取外币租金做法".into()];
        let c = Catalogue::new(vec![
            Node::new(
                "x:fuel",
                Kind::Entity(Class::Practice),
                "保税燃料油一船多供",
            ),
            Node::new("x:one", Kind::Entity(Class::Practice), "一船多供"),
            Node::new(
                "x:gc",
                Kind::Entity(Class::Practice),
                "跨境电商退货中心仓模式",
            ),
            ship,
        ]);
        let found = |name: &str| resolve_in(&c, name, PRACTICES).map(|n| n.iri);
        // The longest key inside the name wins.
        assert_eq!(found("国际航行船舶保税燃料油一船多供").unwrap(), "x:fuel");
        assert_eq!(found("洋浦“一船多供”监管经验").unwrap(), "x:one");
        // A shorter form inside one practice's key.
        assert_eq!(found("退货中心仓").unwrap(), "x:gc");
        assert_eq!(found("融资租赁收取外币租金").unwrap(), "x:ship");
        // A form that leaves words out of the middle.
        assert_eq!(found("南沙片区跨境退货中心仓经验").unwrap(), "x:gc");
        assert!(found("跨境中心仓").is_err(), "too short to spread");
        // Similar names that differ in content words stay apart.
        assert!(matches!(
            found("飞机经营租赁收取外币租金"),
            Err(GraphError::NotFound { .. })
        ));
        // A form inside two practices is ambiguous.
        assert!(matches!(found("船多供"), Err(GraphError::Ambiguous { .. })));
    }

    #[test]
    fn search_puts_exact_names_before_longer_ones() {
        let hits = search(&catalogue(), "哈尔滨", 10);
        let labels: Vec<&str> = hits.iter().map(|h| h.entity.label.as_str()).collect();
        assert_eq!(labels, ["哈尔滨", "中国（黑龙江）自由贸易试验区哈尔滨片区"]);
        assert_eq!(hits[1].matched, "哈尔滨片区");
        assert!(search(&catalogue(), "  ", 10).is_empty());
    }

    #[test]
    fn the_class_restricts_the_search() {
        assert!(matches!(
            resolve_in(&catalogue(), "无感续证", ZONES),
            Err(GraphError::NotFound { .. })
        ));
    }
}
