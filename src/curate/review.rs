//! Merge candidates: pairs of entities of one class that are probably one
//! thing named two ways in different articles or issues — one name inside
//! the other, a shared alias, the same head (the name's last part after
//! the other's prefix), supported by a shared zone. Each comes with the
//! evidence for both, for a person to accept (a `merge` decision) or
//! dismiss (a `dismiss` decision, never proposed again).
//!
//! Input: the store and the curation file. Output: `Candidate`s, in a
//! stable order (so `review --accept N` means what the list showed).

use super::{Action, CurationFile};
use crate::eval::normalize;
use crate::graph::Node;
use crate::graph::resolve::Catalogue;
use crate::store::{KgStore, StoreError};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Shortest name that may count as "inside" another (in characters).
const MIN_INSIDE: usize = 3;

/// One side of a candidate pair, with what the store says about it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Side {
    pub iri: String,
    pub label: String,
    pub aliases: Vec<String>,
    /// Titles of the articles that mention it.
    pub articles: Vec<String>,
    /// A sentence that states one of its relations.
    pub sentence: Option<String>,
}

/// Two entities that are likely one.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Candidate {
    pub class: String,
    /// The fuller name: kept on accept.
    pub keep: Side,
    pub other: Side,
    pub reasons: Vec<String>,
}

/// The candidates not yet decided on (merged or dismissed).
pub fn candidates(store: &KgStore, file: &CurationFile) -> Result<Vec<Candidate>, StoreError> {
    let catalogue = Catalogue::load(store).map_err(|e| StoreError::Evaluation(e.to_string()))?;
    let decided: HashSet<(String, String)> = file
        .decisions
        .iter()
        .filter_map(|d| match &d.action {
            Action::Merge { keep, other } => Some((keep.clone(), other.clone())),
            Action::Dismiss { a, b } => Some((a.clone(), b.clone())),
            _ => None,
        })
        .flat_map(|(a, b)| [(a.clone(), b.clone()), (b, a)])
        .collect();
    let articles = mentioned_in(store)?;
    let zones = zones_of(store)?;
    let sentences = sentences_of(store)?;
    let names: Vec<Vec<String>> = catalogue
        .nodes()
        .iter()
        .map(|n| {
            std::iter::once(&n.label)
                .chain(&n.aliases)
                .map(|s| normalize(s))
                .collect()
        })
        .collect();
    let nodes = catalogue.nodes();
    let mut found = Vec::new();
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            let (a, b) = (&nodes[i], &nodes[j]);
            if a.kind != b.kind || decided.contains(&(a.iri.clone(), b.iri.clone())) {
                continue;
            }
            let in_a = articles.get(&a.iri).cloned().unwrap_or_default();
            let in_b = articles.get(&b.iri).cloned().unwrap_or_default();
            // Only across articles: within one, the extractor already links aliases.
            if in_a.is_empty() || in_b.is_empty() || in_a == in_b {
                continue;
            }
            let mut reasons = name_reasons(&names[i], &names[j]);
            if reasons.is_empty() {
                continue;
            }
            let shared: Vec<&String> = zones
                .get(&a.iri)
                .into_iter()
                .flatten()
                .filter(|z| zones.get(&b.iri).is_some_and(|zb| zb.contains(*z)))
                .collect();
            if let Some(zone) = shared.first() {
                reasons.push(format!("same zone: {zone}"));
            }
            let (keep, other) = if b.label.chars().count() > a.label.chars().count() {
                (b, a)
            } else {
                (a, b)
            };
            let side = |n: &Node| Side {
                iri: n.iri.clone(),
                label: n.label.clone(),
                aliases: n.aliases.clone(),
                articles: articles
                    .get(&n.iri)
                    .map(|s| s.iter().cloned().collect())
                    .unwrap_or_default(),
                sentence: sentences.get(&n.iri).cloned(),
            };
            found.push(Candidate {
                class: a.kind.local_name().to_owned(),
                keep: side(keep),
                other: side(other),
                reasons,
            });
        }
    }
    found.sort_by(|x, y| {
        (&x.class, &x.keep.label, &x.other.label).cmp(&(&y.class, &y.keep.label, &y.other.label))
    });
    Ok(found)
}

/// Why two sets of normalised names may name one thing.
fn name_reasons(a: &[String], b: &[String]) -> Vec<String> {
    let mut reasons = Vec::new();
    if let Some(shared) = a.iter().find(|n| b.contains(n)) {
        reasons.push(format!("shared name: {shared}"));
        return reasons;
    }
    for x in a {
        for y in b {
            let (short, long) = if x.chars().count() <= y.chars().count() {
                (x, y)
            } else {
                (y, x)
            };
            if short.chars().count() < MIN_INSIDE {
                continue;
            }
            if long.contains(short.as_str()) {
                if long.ends_with(short.as_str()) {
                    reasons.push(format!("same head: {long} ends with {short}"));
                } else {
                    reasons.push(format!("one name inside the other: {short} ⊂ {long}"));
                }
                return reasons;
            }
        }
    }
    reasons
}

/// Entity → titles of the articles that mention it.
fn mentioned_in(store: &KgStore) -> Result<HashMap<String, BTreeSet<String>>, StoreError> {
    let (_, rows) = store
        .select("SELECT DISTINCT ?e ?title WHERE { ?a ftz:mentions ?e ; dcterms:title ?title }")?;
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for row in rows {
        out.entry(row[0].clone())
            .or_default()
            .insert(row[1].clone());
    }
    Ok(out)
}

/// Entity → labels of the zones it is based in, located in or part of.
fn zones_of(store: &KgStore) -> Result<HashMap<String, BTreeSet<String>>, StoreError> {
    let (_, rows) = store.select(
        "SELECT DISTINCT ?e ?zone WHERE { VALUES ?p { ftz:basedIn ftz:partOf ftz:locatedIn ftz:originatedIn } \
         ?e ?p ?z . ?z rdfs:label ?zone }",
    )?;
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for row in rows {
        out.entry(row[0].clone())
            .or_default()
            .insert(row[1].clone());
    }
    Ok(out)
}

/// Entity → one sentence stating a relation it takes part in.
fn sentences_of(store: &KgStore) -> Result<HashMap<String, String>, StoreError> {
    let (_, rows) = store.select(
        "SELECT ?e (MIN(?sentence) AS ?s) WHERE { ?ev a ftz:Evidence ; ftz:sentence ?sentence . \
         { ?ev rdf:subject ?e } UNION { ?ev rdf:object ?e } } GROUP BY ?e",
    )?;
    Ok(rows
        .into_iter()
        .map(|mut r| (std::mem::take(&mut r[0]), std::mem::take(&mut r[1])))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| normalize(s)).collect()
    }

    #[test]
    fn a_short_firm_name_inside_the_full_one_is_a_candidate() {
        let reasons = name_reasons(&names(&["宇树科技"]), &names(&["杭州宇树科技股份有限公司"]));
        assert_eq!(
            reasons,
            vec!["one name inside the other: 宇树科技 ⊂ 杭州宇树科技股份有限公司"]
        );
    }

    #[test]
    fn a_shared_alias_and_a_same_head_are_candidates() {
        let shared = name_reasons(&names(&["省自贸办", "自贸办"]), &names(&["自贸办"]));
        assert_eq!(shared, vec!["shared name: 自贸办"]);
        let head = name_reasons(&names(&["哈尔滨新区"]), &names(&["黑龙江哈尔滨新区"]));
        assert_eq!(
            head,
            vec!["same head: 黑龙江哈尔滨新区 ends with 哈尔滨新区"]
        );
    }

    #[test]
    fn two_letter_names_and_unrelated_names_are_not() {
        assert!(name_reasons(&names(&["商务"]), &names(&["商务部"])).is_empty());
        assert!(name_reasons(&names(&["无感续证"]), &names(&["证照联办"])).is_empty());
    }
}
