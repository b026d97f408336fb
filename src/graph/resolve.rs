//! Finds the entity a person means by a name: an IRI, a label or alias
//! (exact match first, after the guidelines' normalisation), else an
//! unambiguous part of one. Ambiguous names list their candidates.
//!
//! Input: a name, the classes it may belong to, the entities of the store.
//! Output: one `Node`, or `GraphError::NotFound` / `Ambiguous`.

use super::{GraphError, Node};
use crate::eval::normalize;
use crate::identity::IdentityRules;
use crate::model::Class;
use crate::store::KgStore;

/// The classes a zone name may refer to.
pub const ZONES: &[Class] = &[Class::FreeTradeZone, Class::Area, Class::SpecialZone];
/// The classes a traced name may refer to.
pub const PRACTICES: &[Class] = &[Class::Practice, Class::Platform];

/// Every named entity, with its names normalised for matching.
pub struct Catalogue {
    nodes: Vec<Node>,
    names: Vec<Vec<String>>,
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
        Catalogue { nodes, names }
    }

    /// Reads every entity of the store.
    pub fn load(store: &KgStore) -> Result<Self, GraphError> {
        Ok(Catalogue::new(super::query::entities(store)?))
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }
}

/// Resolves a name against the store.
pub fn resolve(store: &KgStore, name: &str, classes: &[Class]) -> Result<Node, GraphError> {
    resolve_in(&Catalogue::load(store)?, name, classes)
}

/// Resolves a name against a catalogue; `classes` empty means any class.
pub fn resolve_in(
    catalogue: &Catalogue,
    name: &str,
    classes: &[Class],
) -> Result<Node, GraphError> {
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
        return Ok(catalogue.nodes[i].clone());
    }
    let exact: Vec<usize> = all
        .clone()
        .filter(eligible)
        .filter(|&i| catalogue.names[i].contains(&wanted))
        .collect();
    // Another form of a practice's name (无感续证服务模式 for 无感续证):
    // practices are labelled with their key.
    let key = normalize(&IdentityRules::builtin().key(name).0);
    let keyed = || -> Vec<usize> {
        all.clone()
            .filter(eligible)
            .filter(|&i| catalogue.nodes[i].kind.class() == Some(Class::Practice))
            .filter(|&i| catalogue.names[i][0] == key)
            .collect()
    };
    let matches = if !exact.is_empty() {
        exact
    } else if let keyed @ [_, ..] = keyed().as_slice() {
        keyed.to_vec()
    } else if !wanted.is_empty() {
        all.filter(eligible)
            .filter(|&i| catalogue.names[i].iter().any(|n| n.contains(&wanted)))
            .collect()
    } else {
        Vec::new()
    };
    match matches.as_slice() {
        [] => Err(GraphError::NotFound {
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
        }),
        [one] => Ok(catalogue.nodes[*one].clone()),
        many => {
            let mut candidates: Vec<String> = many
                .iter()
                .map(|&i| {
                    let n = &catalogue.nodes[i];
                    format!("{} [{}]", n.label, n.kind.label_zh())
                })
                .collect();
            candidates.sort();
            Err(GraphError::Ambiguous {
                name: name.to_owned(),
                candidates,
            })
        }
    }
}

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
    fn an_ambiguous_part_lists_the_candidates() {
        let err = resolve_in(&catalogue(), "黑龙江", ZONES).unwrap_err();
        let GraphError::Ambiguous { candidates, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(candidates.len(), 2);
        assert!(err.to_string().contains("绥芬河片区 [片区]"), "{err}");
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
    fn the_class_restricts_the_search() {
        assert!(matches!(
            resolve_in(&catalogue(), "无感续证", ZONES),
            Err(GraphError::NotFound { .. })
        ));
    }
}
