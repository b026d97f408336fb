//! Reads entities, relations, evidence and articles from the store with
//! SPARQL and assembles the filtered `Projection`.
//!
//! Input: a `KgStore` and a `Filter`. Output: a `Projection`. This is the
//! only part of `graph` that talks to the store.

use super::resolve::{self, Catalogue};
use super::{Edge, Evidence, Filter, GraphError, Kind, Node, Projection};
use crate::model::{Class, Property};
use crate::store::KgStore;
use crate::vocab;
use std::collections::{BTreeMap, HashMap, HashSet};

/// An article: its title, issue date and issue.
#[derive(Clone, Debug, Default)]
pub struct ArticleInfo {
    pub iri: String,
    pub title: String,
    pub date: Option<String>,
    pub issue: Option<String>,
    pub issue_number: Option<String>,
}

impl ArticleInfo {
    fn matches_article(&self, wanted: &str) -> bool {
        self.iri == wanted
            || self.iri.ends_with(&format!("/{wanted}"))
            || self.title.contains(wanted)
    }

    fn matches_issue(&self, wanted: &str) -> bool {
        let issue = self.issue.as_deref().unwrap_or("");
        (!issue.is_empty() && (issue == wanted || issue.ends_with(&format!("/{wanted}"))))
            || issue
                .rsplit('/')
                .next()
                .is_some_and(|id| id.starts_with(&format!("{wanted}-")))
            || self.issue_number.as_deref() == Some(wanted)
    }
}

fn article_prefix() -> String {
    vocab::article_iri("")
}

/// `FILTER` keeping the article graphs and the curation graph (the facts
/// staff added are drawn like the extracted ones, their note as evidence).
fn stated_graphs() -> String {
    format!(
        "FILTER(STRSTARTS(STR(?g), \"{}\") || ?g = <{}>)",
        article_prefix(),
        vocab::curation_graph()
    )
}

/// `VALUES ?var { <iri> … }` for the given properties.
fn property_values(var: &str, properties: &[Property]) -> String {
    let iris: Vec<String> = properties
        .iter()
        .map(|p| format!("<{}>", vocab::property_iri(*p)))
        .collect();
    format!("VALUES ?{var} {{ {} }}", iris.join(" "))
}

fn class_values() -> String {
    let iris: Vec<String> = Class::ALL
        .iter()
        .map(|c| format!("<{}>", vocab::class_iri(*c)))
        .collect();
    format!("VALUES ?class {{ {} }}", iris.join(" "))
}

pub(super) fn class_of(iri: &str) -> Result<Class, GraphError> {
    iri.strip_prefix(vocab::FTZ)
        .and_then(|local| local.parse().ok())
        .ok_or_else(|| GraphError::Data(format!("unknown class {iri}")))
}

fn property_of(iri: &str) -> Result<Property, GraphError> {
    iri.strip_prefix(vocab::FTZ)
        .and_then(|local| local.parse().ok())
        .ok_or_else(|| GraphError::Data(format!("unknown property {iri}")))
}

/// Every typed entity with its label and aliases (from any graph).
pub(super) fn entities(store: &KgStore) -> Result<Vec<Node>, GraphError> {
    let sparql = format!(
        "SELECT ?e ?class ?label ?alias WHERE {{ {} ?e a ?class ; rdfs:label ?label . OPTIONAL {{ ?e skos:altLabel ?alias }} }}",
        class_values()
    );
    let (_, rows) = store.select(&sparql)?;
    let mut by_iri: BTreeMap<String, Node> = BTreeMap::new();
    for row in rows {
        let class = class_of(&row[1])?;
        let node = by_iri
            .entry(row[0].clone())
            .or_insert_with(|| Node::new(&row[0], Kind::Entity(class), &row[2]));
        if row[2] < node.label {
            node.label = row[2].clone();
        }
        if !row[3].is_empty() && !node.aliases.contains(&row[3]) {
            node.aliases.push(row[3].clone());
        }
    }
    let mut nodes: Vec<Node> = by_iri.into_values().collect();
    for node in &mut nodes {
        node.aliases.retain(|a| *a != node.label);
        node.aliases.sort();
    }
    Ok(nodes)
}

/// The earliest article (by date, then title) that names an entity, as
/// "title (date)"; None when no article names it.
pub fn first_article(store: &KgStore, entity: &str) -> Result<Option<String>, GraphError> {
    if entity.contains(['<', '>', '"', ' ', '{', '}']) {
        return Err(GraphError::Data(format!("not an IRI: {entity}")));
    }
    let sparql = format!(
        "SELECT ?title ?date WHERE {{ ?a ftz:mentions <{entity}> . \
         OPTIONAL {{ ?a dcterms:title ?title }} OPTIONAL {{ ?a dcterms:date ?date }} }} \
         ORDER BY (!BOUND(?date)) ?date ?title LIMIT 1"
    );
    let (_, rows) = store.select(&sparql)?;
    Ok(rows.first().map(|r| match r[1].as_str() {
        "" => r[0].clone(),
        date => format!("{} ({date})", r[0]),
    }))
}

/// Every article with its title, issue date and issue.
fn articles(store: &KgStore) -> Result<Vec<ArticleInfo>, GraphError> {
    let sparql = "SELECT ?a ?title ?date ?issue ?number WHERE { ?a a ftz:Article . \
        OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:date ?date } \
        OPTIONAL { ?a ftz:inIssue ?issue OPTIONAL { ?issue ftz:issueNumber ?number } } } ORDER BY ?a";
    let (_, rows) = store.select(sparql)?;
    let some = |s: &String| (!s.is_empty()).then(|| s.clone());
    Ok(rows
        .iter()
        .map(|r| ArticleInfo {
            iri: r[0].clone(),
            title: r[1].clone(),
            date: some(&r[2]),
            issue: some(&r[3]),
            issue_number: some(&r[4]),
        })
        .collect())
}

/// Which entities each article graph types (entity IRI → article IRIs).
fn entities_by_article(store: &KgStore) -> Result<HashMap<String, Vec<String>>, GraphError> {
    let sparql = format!(
        "SELECT DISTINCT ?e ?g WHERE {{ {} GRAPH ?g {{ ?e a ?class }} {} }}",
        class_values(),
        stated_graphs()
    );
    let (_, rows) = store.select(&sparql)?;
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for row in rows {
        out.entry(row[0].clone()).or_default().push(row[1].clone());
    }
    Ok(out)
}

/// A relation as one article states it, with one of its sentences.
struct Stated {
    subject: String,
    property: Property,
    object: String,
    article: String,
    sentence: Option<String>,
}

fn stated_relations(store: &KgStore, properties: &[Property]) -> Result<Vec<Stated>, GraphError> {
    let sparql = format!(
        "SELECT ?s ?p ?o ?g ?sentence WHERE {{ {} GRAPH ?g {{ ?s ?p ?o \
         OPTIONAL {{ ?ev a ftz:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; \
         ftz:sentence ?sentence }} }} {} }}",
        property_values("p", properties),
        stated_graphs()
    );
    let (_, rows) = store.select(&sparql)?;
    rows.into_iter()
        .map(|r| {
            Ok(Stated {
                subject: r[0].clone(),
                property: property_of(&r[1])?,
                object: r[2].clone(),
                article: r[3].clone(),
                sentence: (!r[4].is_empty()).then(|| r[4].clone()),
            })
        })
        .collect()
}

fn reference_relations(
    store: &KgStore,
    properties: &[Property],
) -> Result<Vec<(String, Property, String)>, GraphError> {
    let sparql = format!(
        "SELECT ?s ?p ?o WHERE {{ {} GRAPH <{}> {{ ?s ?p ?o }} }}",
        property_values("p", properties),
        vocab::reference_graph()
    );
    let (_, rows) = store.select(&sparql)?;
    rows.into_iter()
        .map(|r| Ok((r[0].clone(), property_of(&r[1])?, r[2].clone())))
        .collect()
}

/// Reads the store and builds the projection the filter asks for.
pub fn project(store: &KgStore, filter: &Filter) -> Result<Projection, GraphError> {
    filter.check_dates()?;
    let catalogue = Catalogue::new(entities(store)?);
    let mut articles = articles(store)?;
    articles.push(ArticleInfo {
        iri: vocab::curation_graph(),
        title: "人工校订 curation".into(),
        ..ArticleInfo::default()
    });
    let allowed: HashMap<&str, &ArticleInfo> = articles
        .iter()
        .filter(|a| {
            filter.articles.is_empty() || filter.articles.iter().any(|w| a.matches_article(w))
        })
        .filter(|a| filter.issues.is_empty() || filter.issues.iter().any(|w| a.matches_issue(w)))
        .filter(|a| filter.date_in_range(a.date.as_deref()))
        .map(|a| (a.iri.as_str(), a))
        .collect();

    // Nodes: entities typed in an allowed article, of an allowed class.
    let typed_in = entities_by_article(store)?;
    let class_ok = |kind: Kind| match kind {
        Kind::Entity(c) => filter.classes.is_empty() || filter.classes.contains(&c),
        Kind::Article => true,
    };
    let mut nodes: Vec<Node> = catalogue
        .nodes()
        .iter()
        .filter(|n| {
            typed_in
                .get(&n.iri)
                .is_some_and(|gs| gs.iter().any(|g| allowed.contains_key(g.as_str())))
        })
        .filter(|n| class_ok(n.kind))
        .cloned()
        .collect();
    let mut present: HashSet<String> = nodes.iter().map(|n| n.iri.clone()).collect();
    let reference = if filter.no_reference {
        Vec::new()
    } else {
        reference_relations(store, &Property::ALL)?
    };
    // The zones that the areas and special zones shown are part of.
    for (s, p, o) in &reference {
        if *p == Property::PartOf
            && present.contains(s)
            && !present.contains(o)
            && let Some(parent) = catalogue
                .nodes()
                .iter()
                .find(|n| n.iri == *o && class_ok(n.kind))
        {
            present.insert(parent.iri.clone());
            nodes.push(parent.clone());
        }
    }

    // Edges: relations stated in allowed articles, with their evidence.
    let properties: Vec<Property> = Property::ALL
        .into_iter()
        .filter(|p| *p != Property::Mentions || filter.mentions)
        .filter(|p| filter.properties.is_empty() || filter.properties.contains(p))
        .collect();
    let mut edges: BTreeMap<(String, Property, String), Edge> = BTreeMap::new();
    for stated in stated_relations(store, &properties)? {
        let Some(article) = allowed.get(stated.article.as_str()) else {
            continue;
        };
        let subject_ok = present.contains(&stated.subject) || stated.property == Property::Mentions;
        if !subject_ok || !present.contains(&stated.object) {
            continue;
        }
        let edge = edges
            .entry((
                stated.subject.clone(),
                stated.property,
                stated.object.clone(),
            ))
            .or_insert_with(|| Edge::new(stated.property));
        edge.articles.insert(article.iri.clone());
        edge.dates.extend(article.date.clone());
        if let Some(sentence) = stated.sentence {
            let evidence = Evidence {
                date: article.date.clone(),
                article: article.iri.clone(),
                article_title: article.title.clone(),
                sentence,
            };
            if !edge.evidence.contains(&evidence) {
                edge.evidence.push(evidence);
            }
        }
        if stated.property == Property::Mentions && !nodes.iter().any(|n| n.iri == article.iri) {
            nodes.push(Node::new(&article.iri, Kind::Article, &article.title));
        }
    }
    for (s, p, o) in reference {
        if properties.contains(&p) && present.contains(&s) && present.contains(&o) {
            edges.entry((s, p, o)).or_insert_with(|| Edge {
                reference: true,
                ..Edge::new(p)
            });
        }
    }
    let edges = edges
        .into_iter()
        .map(|((s, _, o), mut edge)| {
            edge.evidence.sort();
            (s, o, edge)
        })
        .collect();
    let mut projection = Projection::from_parts(nodes, edges);

    if let Some(zone) = &filter.zone {
        let found = resolve::resolve_in(&catalogue, zone, resolve::ZONES)?;
        let seeds = projection
            .node(&found.iri)
            .map(|z| projection.zone_and_parts(z))
            .unwrap_or_default();
        projection = projection.neighbourhood(&seeds, 1);
    }
    if let Some(focus) = &filter.focus {
        let found = resolve::resolve_in(&catalogue, focus, &[])?;
        let seeds: Vec<_> = projection.node(&found.iri).into_iter().collect();
        projection = projection.neighbourhood(&seeds, filter.depth.unwrap_or(1));
    }
    if filter.connected_only {
        projection = projection.without_isolated();
    }
    Ok(projection)
}

/// Each zone's province (the place its free trade zone lies in, per the
/// reference graph), keyed by zone IRI.
pub fn zone_provinces(store: &KgStore) -> Result<HashMap<String, String>, GraphError> {
    let sparql = format!(
        "SELECT DISTINCT ?z ?province WHERE {{ \
           VALUES ?zc {{ ftz:FreeTradeZone ftz:Area ftz:SpecialZone }} \
           ?z a ?zc ; ftz:partOf* ?f . ?f a ftz:FreeTradeZone . \
           GRAPH <{}> {{ ?f ftz:locatedIn ?p }} ?p a ftz:Place ; rdfs:label ?province \
         }} ORDER BY ?z ?province",
        vocab::reference_graph()
    );
    let (_, rows) = store.select(&sparql)?;
    let mut out = HashMap::new();
    for row in rows {
        out.entry(row[0].clone()).or_insert_with(|| row[1].clone());
    }
    Ok(out)
}
