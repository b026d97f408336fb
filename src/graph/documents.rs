//! The text side of the knowledge graph, for pages that show sources: an
//! article with its text and the entities it names, the articles that
//! mention an entity, and the figures stated about it.
//!
//! Input: a `KgStore` and an IRI (checked before it reaches SPARQL).
//! Output: `ArticleText`, `ArticleRef`s, `Statistic`s; entities as `Node`s.

use super::query::class_of;
use super::{GraphError, Kind, Node};
use crate::store::KgStore;
use crate::vocab::FTZR;
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

/// An article as a reference: IRI, title, issue date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub iri: String,
    pub title: String,
    pub date: Option<String>,
}

/// An article with its text and the entities its graph names (with the
/// aliases this article uses).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArticleText {
    pub title: String,
    pub date: Option<String>,
    pub section: String,
    pub text: String,
    pub entities: Vec<Node>,
}

/// A figure stated about an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Statistic {
    pub value: String,
    pub unit: String,
    pub measure: String,
    pub qualifier: String,
    pub sentence: String,
    pub article: ArticleRef,
}

fn some(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// The articles that mention an entity, by date.
pub fn mentioning_articles(store: &KgStore, iri: &str) -> Result<Vec<ArticleRef>, GraphError> {
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
            date: some(&r[2]),
        })
        .collect())
}

/// The figures stated about an entity, by measure.
pub fn statistics(store: &KgStore, iri: &str) -> Result<Vec<Statistic>, GraphError> {
    let Some(e) = iri_ref(iri) else {
        return Ok(Vec::new());
    };
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?value ?unit ?measure ?qualifier ?sentence ?article ?title ?date WHERE {{
           ?st a ftz:Statistic ; ftz:about {e} ; ftz:value ?value ; ftz:unit ?unit ; ftz:measure ?measure ;
               ftz:sentence ?sentence .
           OPTIONAL {{ ?st ftz:qualifier ?qualifier }}
           OPTIONAL {{ ?st prov:wasDerivedFrom ?article . OPTIONAL {{ ?article dcterms:title ?title }}
                       OPTIONAL {{ ?article dcterms:date ?date }} }}
         }} ORDER BY ?measure ?value"
    ))?;
    Ok(rows
        .into_iter()
        .map(|r| Statistic {
            value: r[0].clone(),
            unit: r[1].clone(),
            measure: r[2].clone(),
            qualifier: r[3].clone(),
            sentence: r[4].clone(),
            article: ArticleRef {
                iri: r[5].clone(),
                title: r[6].clone(),
                date: some(&r[7]),
            },
        })
        .collect())
}

/// An article's text and the entities it names, or `None`.
pub fn article(store: &KgStore, iri: &str) -> Result<Option<ArticleText>, GraphError> {
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
        "SELECT DISTINCT ?e ?label ?class ?alias WHERE {{ {a} ftz:mentions ?e . ?e rdfs:label ?label ; a ?class .
           FILTER(STRSTARTS(STR(?class), STR(ftz:)))
           OPTIONAL {{ GRAPH {a} {{ ?e skos:altLabel ?alias }} }} }} ORDER BY ?label ?alias"
    ))?;
    let mut entities: BTreeMap<String, Node> = BTreeMap::new();
    for r in mentioned {
        let Ok(class) = class_of(&r[2]) else { continue };
        let node = entities
            .entry(r[0].clone())
            .or_insert_with(|| Node::new(&r[0], Kind::Entity(class), &r[1]));
        if !r[3].is_empty() && !node.aliases.contains(&r[3]) {
            node.aliases.push(r[3].clone());
        }
    }
    let mut entities: Vec<Node> = entities.into_values().collect();
    entities.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(Some(ArticleText {
        title: row[0].clone(),
        text: row[1].clone(),
        date: some(&row[2]),
        section: row[3].clone(),
        entities,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_knowledge_graph_iris_reach_sparql() {
        assert!(iri_ref("https://w3id.org/ftzkg/id/area/哈尔滨片区").is_some());
        assert!(iri_ref("https://w3id.org/ftzkg/id/x> } ; DROP ALL #").is_none());
        assert!(iri_ref("http://example.org/").is_none());
    }
}
