//! What the UI reads from the knowledge graph, each as one SPARQL query
//! through `KgStore::select`: entities, their relations with evidence,
//! statistics, articles, search hits and graph neighbourhoods.
//!
//! Input: the store and IRIs or search words (never spliced into SPARQL
//! unchecked). Output: plain structs for pages and the JSON API.

use crate::model::{Class, Property};
use crate::store::{KgStore, StoreError};
use crate::vocab::{FTZ, FTZR};
use serde::Serialize;
use std::collections::BTreeMap;

/// `<iri>` for SPARQL, only for IRIs of this knowledge graph without
/// characters that could end the IRI.
pub fn iri_ref(iri: &str) -> Option<String> {
    let safe = iri.starts_with(FTZR)
        && !iri
            .chars()
            .any(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(c));
    safe.then(|| format!("<{iri}>"))
}

/// A SPARQL string literal.
pub fn literal(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The class of a full class IRI (`…ontology#Area`).
pub fn class_of(iri: &str) -> Option<Class> {
    iri.strip_prefix(FTZ).and_then(|l| l.parse().ok())
}

pub fn property_of(iri: &str) -> Option<Property> {
    iri.strip_prefix(FTZ).and_then(|l| l.parse().ok())
}

fn classes_values() -> String {
    Class::ALL
        .iter()
        .map(|c| format!("ftz:{} ", c.local_name()))
        .collect()
}

fn relation_values() -> String {
    Property::ALL
        .iter()
        .filter(|p| **p != Property::Mentions)
        .map(|p| format!("ftz:{} ", p.local_name()))
        .collect()
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityRef {
    pub iri: String,
    pub label: String,
    pub class: String,
}

/// An entity: its class, canonical name and aliases.
pub struct EntitySummary {
    pub entity: EntityRef,
    pub aliases: Vec<String>,
}

/// The sentence that states a relation, and where it comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub sentence: String,
    pub article: String,
    pub title: String,
    pub date: String,
}

/// Which end of a relation the entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Outgoing,
    Incoming,
}

/// One relation of an entity with its evidence.
#[derive(Clone, Debug)]
pub struct Link {
    pub property: Property,
    pub other: EntityRef,
    pub evidence: Vec<Evidence>,
}

pub fn entity(store: &KgStore, iri: &str) -> Result<Option<EntitySummary>, StoreError> {
    let Some(e) = iri_ref(iri) else {
        return Ok(None);
    };
    let (_, rows) = store.select(&format!(
        "SELECT ?class ?label WHERE {{ {e} a ?class ; rdfs:label ?label . VALUES ?class {{ {} }} }} LIMIT 1",
        classes_values()
    ))?;
    let Some(row) = rows.into_iter().next() else {
        return Ok(None);
    };
    let (_, aliases) = store.select(&format!(
        "SELECT DISTINCT ?a WHERE {{ {e} skos:altLabel ?a }} ORDER BY ?a"
    ))?;
    Ok(Some(EntitySummary {
        entity: EntityRef {
            iri: iri.to_owned(),
            class: local(&row[0]),
            label: row[1].clone(),
        },
        aliases: aliases.into_iter().map(|r| r[0].clone()).collect(),
    }))
}

fn local(iri: &str) -> String {
    iri.strip_prefix(FTZ).unwrap_or(iri).to_owned()
}

/// Every relation of `iri` in one direction (optionally only `properties`),
/// each with its evidence sentences, ordered by property and date.
pub fn links(
    store: &KgStore,
    iri: &str,
    direction: Direction,
    properties: &[Property],
) -> Result<Vec<Link>, StoreError> {
    let Some(e) = iri_ref(iri) else {
        return Ok(Vec::new());
    };
    let values = if properties.is_empty() {
        relation_values()
    } else {
        properties
            .iter()
            .map(|p| format!("ftz:{} ", p.local_name()))
            .collect()
    };
    let (pattern, ev) = match direction {
        Direction::Outgoing => (
            format!("{e} ?p ?o"),
            format!("rdf:subject {e} ; rdf:object ?o"),
        ),
        Direction::Incoming => (
            format!("?o ?p {e}"),
            format!("rdf:subject ?o ; rdf:object {e}"),
        ),
    };
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?p ?o ?label ?class ?sentence ?article ?title ?date WHERE {{
           VALUES ?p {{ {values} }}
           {pattern} . ?o rdfs:label ?label ; a ?class . VALUES ?class {{ {classes} }}
           OPTIONAL {{ ?ev a ftz:Evidence ; {ev} ; rdf:predicate ?p ; ftz:sentence ?sentence ;
                         prov:wasDerivedFrom ?article .
                      OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article dcterms:date ?date }} }}
         }} ORDER BY ?p ?date ?label",
        classes = classes_values()
    ))?;
    let mut grouped: BTreeMap<(String, String), Link> = BTreeMap::new();
    for row in rows {
        let Some(property) = property_of(&row[0]) else {
            continue;
        };
        let link = grouped
            .entry((row[0].clone(), row[1].clone()))
            .or_insert_with(|| Link {
                property,
                other: EntityRef {
                    iri: row[1].clone(),
                    label: row[2].clone(),
                    class: local(&row[3]),
                },
                evidence: Vec::new(),
            });
        if !row[4].is_empty()
            && !link
                .evidence
                .iter()
                .any(|x| x.sentence == row[4] && x.article == row[5])
        {
            link.evidence.push(Evidence {
                sentence: row[4].clone(),
                article: row[5].clone(),
                title: row[6].clone(),
                date: row[7].clone(),
            });
        }
    }
    let mut links: Vec<Link> = grouped.into_values().collect();
    links.sort_by(|a, b| (a.property, &a.other.label).cmp(&(b.property, &b.other.label)));
    Ok(links)
}

/// A figure stated about an entity.
pub struct Statistic {
    pub value: String,
    pub unit: String,
    pub measure: String,
    pub qualifier: String,
    pub sentence: String,
    pub article: String,
    pub title: String,
}

pub fn statistics(store: &KgStore, iri: &str) -> Result<Vec<Statistic>, StoreError> {
    let Some(e) = iri_ref(iri) else {
        return Ok(Vec::new());
    };
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?value ?unit ?measure ?qualifier ?sentence ?article ?title WHERE {{
           ?st a ftz:Statistic ; ftz:about {e} ; ftz:value ?value ; ftz:unit ?unit ; ftz:measure ?measure ;
               ftz:sentence ?sentence .
           OPTIONAL {{ ?st ftz:qualifier ?qualifier }}
           OPTIONAL {{ ?st prov:wasDerivedFrom ?article . OPTIONAL {{ ?article dcterms:title ?title }} }}
         }} ORDER BY ?measure"
    ))?;
    Ok(rows
        .into_iter()
        .map(|r| Statistic {
            value: r[0].clone(),
            unit: r[1].clone(),
            measure: r[2].clone(),
            qualifier: r[3].clone(),
            sentence: r[4].clone(),
            article: r[5].clone(),
            title: r[6].clone(),
        })
        .collect())
}

/// An article as a reference: IRI, title, date.
pub struct ArticleRef {
    pub iri: String,
    pub title: String,
    pub date: String,
}

pub fn mentioning_articles(store: &KgStore, iri: &str) -> Result<Vec<ArticleRef>, StoreError> {
    let Some(e) = iri_ref(iri) else {
        return Ok(Vec::new());
    };
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?a ?title ?date WHERE {{ ?a ftz:mentions {e} ; dcterms:title ?title .
           OPTIONAL {{ ?a dcterms:date ?date }} }} ORDER BY ?date ?a"
    ))?;
    Ok(rows
        .into_iter()
        .map(|r| ArticleRef {
            iri: r[0].clone(),
            title: r[1].clone(),
            date: r[2].clone(),
        })
        .collect())
}

/// An article with its text and the entities it names (with aliases).
pub struct Article {
    pub title: String,
    pub date: String,
    pub section: String,
    pub text: String,
    pub entities: Vec<EntitySummary>,
}

pub fn article(store: &KgStore, iri: &str) -> Result<Option<Article>, StoreError> {
    let Some(a) = iri_ref(iri) else {
        return Ok(None);
    };
    let (_, rows) = store.select(&format!(
        "SELECT ?title ?text ?date ?section WHERE {{ {a} a ftz:Article ; dcterms:title ?title ; ftz:text ?text .
           OPTIONAL {{ {a} dcterms:date ?date }} OPTIONAL {{ {a} ftz:section ?section }} }} LIMIT 1"
    ))?;
    let Some(row) = rows.into_iter().next() else {
        return Ok(None);
    };
    let (_, mentioned) = store.select(&format!(
        "SELECT ?e ?label ?class ?alias WHERE {{ {a} ftz:mentions ?e . ?e rdfs:label ?label ; a ?class .
           VALUES ?class {{ {} }} OPTIONAL {{ GRAPH {a} {{ ?e skos:altLabel ?alias }} }} }} ORDER BY ?label",
        classes_values()
    ))?;
    let mut entities: BTreeMap<String, EntitySummary> = BTreeMap::new();
    for r in mentioned {
        let summary = entities
            .entry(r[0].clone())
            .or_insert_with(|| EntitySummary {
                entity: EntityRef {
                    iri: r[0].clone(),
                    label: r[1].clone(),
                    class: local(&r[2]),
                },
                aliases: Vec::new(),
            });
        if !r[3].is_empty() {
            summary.aliases.push(r[3].clone());
        }
    }
    Ok(Some(Article {
        title: row[0].clone(),
        text: row[1].clone(),
        date: row[2].clone(),
        section: row[3].clone(),
        entities: entities.into_values().collect(),
    }))
}

/// A search hit: the entity and the name that matched.
#[derive(Debug, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub entity: EntityRef,
    pub matched: String,
}

/// Entities whose label or alias contains `words`: exact matches first,
/// then prefixes, then shorter names.
pub fn search(store: &KgStore, words: &str, limit: usize) -> Result<Vec<Hit>, StoreError> {
    let words = words.trim();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?e ?label ?class ?name WHERE {{
           {{ ?e rdfs:label ?name }} UNION {{ ?e skos:altLabel ?name }}
           FILTER(CONTAINS(LCASE(STR(?name)), LCASE({})))
           ?e rdfs:label ?label ; a ?class . VALUES ?class {{ {} }}
         }} LIMIT 500",
        literal(words),
        classes_values()
    ))?;
    let lower = words.to_lowercase();
    let mut best: BTreeMap<String, (u8, usize, Hit)> = BTreeMap::new();
    for r in rows {
        let name = r[3].to_lowercase();
        let rank = if name == lower {
            0
        } else if name.starts_with(&lower) {
            1
        } else {
            2
        };
        let key = (rank, r[1].chars().count());
        let hit = Hit {
            entity: EntityRef {
                iri: r[0].clone(),
                label: r[1].clone(),
                class: local(&r[2]),
            },
            matched: r[3].clone(),
        };
        match best.get(&r[0]) {
            Some((k, n, _)) if (*k, *n) <= key => {}
            _ => {
                best.insert(r[0].clone(), (key.0, key.1, hit));
            }
        }
    }
    let mut hits: Vec<(u8, usize, Hit)> = best.into_values().collect();
    hits.sort_by(|a, b| (a.0, a.1, &a.2.entity.label).cmp(&(b.0, b.1, &b.2.entity.label)));
    Ok(hits.into_iter().take(limit).map(|(_, _, h)| h).collect())
}

/// Nodes and edges for the graph view.
#[derive(Debug, Default, Serialize)]
pub struct Graph {
    pub nodes: Vec<EntityRef>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Serialize)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub property: String,
}

impl Graph {
    fn add_node(&mut self, node: EntityRef) {
        if !self.nodes.iter().any(|n| n.iri == node.iri) {
            self.nodes.push(node);
        }
    }
}

/// An entity and every entity one relation away.
pub fn neighbourhood(store: &KgStore, iri: &str) -> Result<Graph, StoreError> {
    let mut graph = Graph::default();
    let Some(centre) = entity(store, iri)? else {
        return Ok(graph);
    };
    graph.add_node(centre.entity.clone());
    for direction in [Direction::Outgoing, Direction::Incoming] {
        for link in links(store, iri, direction, &[])? {
            let (source, target) = match direction {
                Direction::Outgoing => (iri.to_owned(), link.other.iri.clone()),
                Direction::Incoming => (link.other.iri.clone(), iri.to_owned()),
            };
            graph.edges.push(Edge {
                source,
                target,
                property: link.property.local_name().to_owned(),
            });
            graph.add_node(link.other);
        }
    }
    Ok(graph)
}

/// The zone-to-policy network: zones and areas with the policies they
/// issued or that apply to them, and the practices they started or copied.
pub fn network(store: &KgStore) -> Result<Graph, StoreError> {
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?s ?sl ?sc ?p ?o ?ol ?oc WHERE {{
           VALUES ?p {{ ftz:issued ftz:appliesTo ftz:originatedIn ftz:replicatedIn }}
           ?s ?p ?o . ?s rdfs:label ?sl ; a ?sc . ?o rdfs:label ?ol ; a ?oc .
           VALUES ?sc {{ {c} }} VALUES ?oc {{ {c} }}
           FILTER(?sc IN (ftz:Policy, ftz:Practice, ftz:FreeTradeZone, ftz:Area, ftz:SpecialZone)
               && ?oc IN (ftz:Policy, ftz:Practice, ftz:FreeTradeZone, ftz:Area, ftz:SpecialZone))
         }}",
        c = classes_values()
    ))?;
    let mut graph = Graph::default();
    for r in rows {
        graph.add_node(EntityRef {
            iri: r[0].clone(),
            label: r[1].clone(),
            class: local(&r[2]),
        });
        graph.add_node(EntityRef {
            iri: r[4].clone(),
            label: r[5].clone(),
            class: local(&r[6]),
        });
        graph.edges.push(Edge {
            source: r[0].clone(),
            target: r[4].clone(),
            property: local(&r[3]),
        });
    }
    Ok(graph)
}

/// The practice a name (label, alias or part of one) refers to.
pub fn find_practice(store: &KgStore, name: &str) -> Result<Option<EntityRef>, StoreError> {
    Ok(search(store, name, 50)?
        .into_iter()
        .find(|h| h.entity.class == Class::Practice.local_name())
        .map(|h| h.entity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_knowledge_graph_iris_reach_sparql() {
        assert!(iri_ref("https://w3id.org/ftzkg/id/area/哈尔滨片区").is_some());
        assert!(iri_ref("https://w3id.org/ftzkg/id/x> } ; DROP ALL #").is_none());
        assert!(iri_ref("http://example.org/").is_none());
        assert_eq!(literal("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}
