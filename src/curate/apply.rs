//! Applies a curation file to the store: one SPARQL Update (one
//! transaction) that rewrites the knowledge graph — the default graph and
//! every named graph but the ontology, so that every reader sees the curated
//! facts — and rebuilds `ftzr:graph/curation` with one `ftz:Curation` record
//! per decision (who, when, why) and the facts people added.
//!
//! Input: a `KgStore` and a `CurationFile`. Output: the curated store and an
//! `ApplyReport` (decisions that could not be applied say why).

use super::{Action, CurationError, CurationFile, Decision, is_iri};
use crate::graph::resolve::{Catalogue, resolve_in};
use crate::model::Class;
use crate::store::KgStore;
use crate::vocab::{self, term};
use oxigraph::model::{Literal, NamedNode};
use std::collections::HashMap;

/// What one application did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct ApplyReport {
    pub decisions: usize,
    pub applied: usize,
    /// Decisions skipped, each with its line's verb and the reason.
    pub skipped: Vec<String>,
}

/// Applies the curation file kept in the store's folder (if any): called
/// at the end of every ingest.
pub fn apply_saved(store: &KgStore) -> Result<Option<ApplyReport>, CurationError> {
    let Some(dir) = store.dir() else {
        return Ok(None);
    };
    let path = CurationFile::path_in(dir);
    if !path.exists() {
        return Ok(None);
    }
    let file = CurationFile::load(&path)?;
    apply(store, &file).map(Some)
}

/// Rewrites the store so that it reflects every decision of `file`, in
/// order. Applying the same file twice changes nothing the second time.
pub fn apply(store: &KgStore, file: &CurationFile) -> Result<ApplyReport, CurationError> {
    let mut plan = Plan::new(store, file)?;
    let mut report = ApplyReport {
        decisions: file.decisions.len(),
        ..ApplyReport::default()
    };
    for (i, decision) in file.decisions.iter().enumerate() {
        match plan.add(i + 1, decision) {
            Ok(()) => report.applied += 1,
            Err(reason) => {
                report
                    .skipped
                    .push(format!("{} ({}): {reason}", decision.action.verb(), i + 1))
            }
        }
    }
    store.update(&plan.finish())?;
    Ok(report)
}

/// The SPARQL Update being built, and what earlier decisions changed.
struct Plan {
    catalogue: Option<Catalogue>,
    /// Canonical label and class of entities, as decisions change them.
    entities: HashMap<String, (String, Class)>,
    /// OTHER → KEEP of earlier merges.
    merged: HashMap<String, String>,
    operations: Vec<String>,
    records: Vec<String>,
}

impl Plan {
    fn new(store: &KgStore, file: &CurationFile) -> Result<Self, CurationError> {
        let catalogue = if file.decisions.is_empty() {
            None
        } else {
            Some(Catalogue::load(store)?)
        };
        let entities = catalogue
            .iter()
            .flat_map(|c| c.nodes())
            .filter_map(|n| Some((n.iri.clone(), (n.label.clone(), n.kind.class()?))))
            .collect();
        Ok(Plan {
            catalogue,
            entities,
            merged: HashMap::new(),
            operations: vec![format!("CLEAR SILENT GRAPH <{}>", vocab::curation_graph())],
            records: Vec::new(),
        })
    }

    /// The entity a reference means: an IRI, a name (resolved as the CLI
    /// does), or `Class:label` for a new entity; followed through merges.
    fn entity(&mut self, reference: &str) -> Result<String, String> {
        let iri = if is_iri(reference) {
            NamedNode::new(reference).map_err(|e| format!("<{reference}>: {e}"))?;
            reference.to_owned()
        } else {
            let catalogue = self.catalogue.as_ref().ok_or("no entities loaded")?;
            match resolve_in(catalogue, reference, &[]) {
                Ok(node) => node.iri,
                Err(e) => match new_entity(reference) {
                    Some((class, label)) => {
                        let iri = vocab::entity_iri(class, &label);
                        self.operations.push(insert_data(&format!(
                            "<{iri}> a <{}> ; rdfs:label {} .",
                            vocab::class_iri(class),
                            zh(&label)
                        )));
                        self.entities.insert(iri.clone(), (label, class));
                        iri
                    }
                    None => return Err(e.to_string()),
                },
            }
        };
        let mut iri = iri;
        while let Some(keep) = self.merged.get(&iri) {
            iri = keep.clone();
        }
        Ok(iri)
    }

    fn add(&mut self, n: usize, decision: &Decision) -> Result<(), String> {
        let record = vocab::curation_iri(n);
        let mut facts = vec![format!("ftz:decision {}", plain(decision.action.verb()))];
        match &decision.action {
            Action::Reject {
                subject,
                property,
                object,
            } => {
                let (s, o) = (self.entity(subject)?, self.entity(object)?);
                let p = vocab::property_iri(*property);
                let triple = format!("<{s}> <{p}> <{o}>");
                self.everywhere(&triple, "", &triple);
                self.everywhere(
                    "?ev ?x ?y",
                    "",
                    &format!("?ev a ftz:Evidence ; rdf:subject <{s}> ; rdf:predicate <{p}> ; rdf:object <{o}> ; ?x ?y"),
                );
                facts.push(format!(
                    "rdf:subject <{s}> ; rdf:predicate <{p}> ; rdf:object <{o}>"
                ));
            }
            Action::Add {
                subject,
                property,
                object,
            } => {
                let (s, o) = (self.entity(subject)?, self.entity(object)?);
                let p = vocab::property_iri(*property);
                let sentence = if decision.note.is_empty() {
                    &decision.why
                } else {
                    &decision.note
                };
                let fact = format!(
                    "<{s}> <{p}> <{o}> . <{record}/evidence> a ftz:Evidence ; rdf:subject <{s}> ; \
                     rdf:predicate <{p}> ; rdf:object <{o}> ; ftz:sentence {} ; prov:wasDerivedFrom <{record}> .",
                    zh(sentence)
                );
                self.operations.push(insert_data(&fact));
                facts.push(format!(
                    "rdf:subject <{s}> ; rdf:predicate <{p}> ; rdf:object <{o}>"
                ));
            }
            Action::Merge { keep, other } => {
                let (keep, other) = (self.entity(keep)?, self.entity(other)?);
                if keep == other {
                    return Err("KEEP and OTHER are one entity".into());
                }
                let (label, class) = self
                    .entities
                    .get(&keep)
                    .cloned()
                    .ok_or_else(|| format!("<{keep}> has no label and class"))?;
                self.everywhere(
                    &format!("<{other}> ?p ?o"),
                    &format!("<{keep}> ?p ?o"),
                    &format!("<{other}> ?p ?o"),
                );
                self.everywhere(
                    &format!("?s ?p <{other}>"),
                    &format!("?s ?p <{keep}>"),
                    &format!("?s ?p <{other}>"),
                );
                self.settle_names(&keep, &label, class);
                self.merged.insert(other.clone(), keep.clone());
                facts.push(format!("prov:used <{keep}>, <{other}>"));
            }
            Action::Rename { entity, label } => {
                let e = self.entity(entity)?;
                let class = self.entities.get(&e).map(|(_, c)| *c);
                self.everywhere(
                    &format!("<{e}> rdfs:label ?l"),
                    &format!("<{e}> rdfs:label {} . <{e}> skos:altLabel ?l", zh(label)),
                    &format!("<{e}> rdfs:label ?l"),
                );
                let lit = zh(label);
                self.everywhere(
                    &format!("<{e}> skos:altLabel {lit}"),
                    "",
                    &format!("<{e}> skos:altLabel {lit}"),
                );
                if let Some(class) = class {
                    self.entities.insert(e.clone(), (label.clone(), class));
                }
                facts.push(format!("prov:used <{e}> ; rdf:value {}", zh(label)));
            }
            Action::Retype { entity, class } => {
                let e = self.entity(entity)?;
                let c = vocab::class_iri(*class);
                self.everywhere(
                    &format!("<{e}> a ?c"),
                    &format!("<{e}> a <{c}>"),
                    &format!("<{e}> a ?c {}", class_filter(&c)),
                );
                if let Some(entry) = self.entities.get_mut(&e) {
                    entry.1 = *class;
                }
                facts.push(format!("prov:used <{e}> ; rdf:value <{c}>"));
            }
            Action::Alias { entity, alias } => {
                let e = self.entity(entity)?;
                self.operations
                    .push(insert_data(&format!("<{e}> skos:altLabel {} .", zh(alias))));
                facts.push(format!("prov:used <{e}> ; rdf:value {}", zh(alias)));
            }
            Action::Dismiss { a, b } => {
                let (a, b) = (self.entity(a)?, self.entity(b)?);
                facts.push(format!("prov:used <{a}>, <{b}>"));
            }
        }
        let agent = vocab::agent_iri(&decision.by);
        facts.push(format!("prov:wasAssociatedWith <{agent}>"));
        if !decision.at.is_empty() {
            facts.push(format!(
                "prov:endedAtTime {}",
                Literal::new_typed_literal(
                    decision.at.as_str(),
                    vocab::node(&format!("{}dateTime", vocab::XSD))
                )
            ));
        }
        if !decision.why.is_empty() {
            facts.push(format!("rdfs:comment {}", zh(&decision.why)));
        }
        self.records.push(format!(
            "<{record}> a ftz:Curation, <{}> ; {} . <{agent}> a <{}> ; rdfs:label {} .",
            term::PROV_ACTIVITY,
            facts.join(" ; "),
            term::PROV_AGENT,
            plain(&decision.by)
        ));
        Ok(())
    }

    /// After a merge: KEEP keeps one label and one class; every other name
    /// it now carries becomes an alias.
    fn settle_names(&mut self, keep: &str, label: &str, class: Class) {
        let lit = zh(label);
        self.everywhere(
            &format!("<{keep}> rdfs:label ?l"),
            &format!("<{keep}> skos:altLabel ?l"),
            &format!("<{keep}> rdfs:label ?l FILTER(STR(?l) != {})", plain(label)),
        );
        self.everywhere(
            &format!("<{keep}> skos:altLabel {lit}"),
            "",
            &format!("<{keep}> skos:altLabel {lit}"),
        );
        let c = vocab::class_iri(class);
        self.everywhere(
            &format!("<{keep}> a ?c"),
            "",
            &format!("<{keep}> a ?c {}", class_filter(&c)),
        );
    }

    /// One DELETE/INSERT in the default graph and one in every named graph
    /// but the ontology.
    fn everywhere(&mut self, delete: &str, insert: &str, pattern: &str) {
        let clause = |keyword: &str, template: &str, graph: bool| {
            if template.is_empty() {
                String::new()
            } else if graph {
                format!("{keyword} {{ GRAPH ?g {{ {template} }} }} ")
            } else {
                format!("{keyword} {{ {template} }} ")
            }
        };
        self.operations.push(format!(
            "{}{}WHERE {{ {pattern} }}",
            clause("DELETE", delete, false),
            clause("INSERT", insert, false)
        ));
        self.operations.push(format!(
            "{}{}WHERE {{ GRAPH ?g {{ {pattern} }} FILTER(?g != <{}>) }}",
            clause("DELETE", delete, true),
            clause("INSERT", insert, true),
            vocab::ontology_graph()
        ));
    }

    fn finish(mut self) -> String {
        if !self.records.is_empty() {
            self.operations.push(format!(
                "INSERT DATA {{ GRAPH <{}> {{ {} }} }}",
                vocab::curation_graph(),
                self.records.join(" ")
            ));
        }
        // Rejections and merges changed the named graphs: the default
        // graph follows, in the same transaction.
        self.operations.push(crate::store::remerge_operations());
        self.operations.join(" ;\n")
    }
}

/// Facts people add enter the knowledge graph (the default graph) and are
/// recorded in the curation graph.
fn insert_data(triples: &str) -> String {
    format!(
        "INSERT DATA {{ {triples} GRAPH <{}> {{ {triples} }} }}",
        vocab::curation_graph()
    )
}

/// Keeps only the contract classes other than `class`.
fn class_filter(class: &str) -> String {
    let others: Vec<String> = Class::ALL
        .iter()
        .map(|c| format!("<{}>", vocab::class_iri(*c)))
        .filter(|c| c[1..c.len() - 1] != *class)
        .collect();
    format!("VALUES ?c {{ {} }}", others.join(" "))
}

/// `Firm:某某公司` → a new entity of that class with that label.
fn new_entity(reference: &str) -> Option<(Class, String)> {
    let (class, label) = reference.split_once(':')?;
    let class: Class = class.trim().parse().ok()?;
    let label = label.trim();
    (!label.is_empty()).then(|| (class, label.to_owned()))
}

fn zh(text: &str) -> String {
    Literal::new_language_tagged_literal_unchecked(text, "zh").to_string()
}

fn plain(text: &str) -> String {
    Literal::new_simple_literal(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_prefix_names_a_new_entity() {
        assert_eq!(
            new_entity("Firm:黑龙江某某物流有限公司"),
            Some((Class::Firm, "黑龙江某某物流有限公司".to_owned()))
        );
        assert_eq!(new_entity("哈尔滨片区"), None);
        assert_eq!(new_entity("Nothing:x"), None);
    }

    #[test]
    fn the_class_filter_leaves_out_the_kept_class() {
        let kept = vocab::class_iri(Class::Area);
        let filter = class_filter(&kept);
        assert!(!filter.contains(&format!("<{kept}>")));
        assert!(filter.contains(&vocab::class_iri(Class::Firm)));
    }
}
