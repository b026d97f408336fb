//! Extraction to RDF: the quads of an article's named graph (article
//! metadata, entities, relations, evidence, statistics), of an issue's
//! graph, and of the reference graph built from the lexicon.
//!
//! Every node is an IRI minted by `vocab`, so the same input always gives
//! the same quads.

use crate::extract::{Lexicon, LexiconEntry};
use crate::model::{Article, Class, EntityKey, Extraction, Issue, Property};
use crate::vocab::{self, node, term};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

/// Collects the quads of one named graph.
pub struct GraphWriter {
    graph: GraphName,
    pub quads: Vec<Quad>,
}

impl GraphWriter {
    pub fn new(graph_iri: &str) -> Self {
        GraphWriter {
            graph: node(graph_iri).into(),
            quads: Vec::new(),
        }
    }

    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(node(s), node(p), o, self.graph.clone()));
    }

    fn text(&mut self, s: &str, p: &str, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn zh(&mut self, s: &str, p: &str, value: &str) {
        self.add(
            s,
            p,
            Literal::new_language_tagged_literal_unchecked(value, "zh"),
        );
    }

    fn typed(&mut self, s: &str, p: &str, value: &str, datatype: &str) {
        self.add(s, p, Literal::new_typed_literal(value, node(datatype)));
    }

    fn integer(&mut self, s: &str, p: &str, value: i64) {
        self.add(s, p, Literal::from(value));
    }

    /// Type and labels of an entity.
    fn entity(
        &mut self,
        class: Class,
        label: &str,
        aliases: impl IntoIterator<Item = impl AsRef<str>>,
    ) {
        let iri = vocab::entity_iri(class, label);
        self.add(&iri, term::RDF_TYPE, node(&vocab::class_iri(class)));
        self.zh(&iri, term::RDFS_LABEL, label);
        for alias in aliases {
            self.zh(&iri, term::SKOS_ALT_LABEL, alias.as_ref());
        }
    }

    fn link(&mut self, s: &EntityKey, p: Property, o: &EntityKey) {
        self.add(
            &vocab::entity_iri(s.class, &s.label),
            &vocab::property_iri(p),
            node(&vocab::entity_iri(o.class, &o.label)),
        );
    }
}

/// The quads of an article's named graph.
pub fn article_quads(
    article: &Article,
    issue: Option<&Issue>,
    extraction: &Extraction,
) -> Vec<Quad> {
    let article_iri = vocab::article_iri(&article.id);
    let mut w = GraphWriter::new(&article_iri);
    article_metadata(&mut w, &article_iri, article, issue);
    for entity in &extraction.entities {
        w.entity(entity.class, &entity.label, &entity.aliases);
        w.add(
            &article_iri,
            &vocab::property_iri(Property::Mentions),
            node(&vocab::entity_iri(entity.class, &entity.label)),
        );
    }
    let mut evidence_index = 0;
    for relation in &extraction.relations {
        w.link(&relation.subject, relation.property, &relation.object);
        for sentence in &relation.evidence {
            evidence_index += 1;
            let e = vocab::evidence_iri(&article.id, evidence_index);
            w.add(&e, term::RDF_TYPE, node(term::EVIDENCE));
            w.add(&e, term::RDF_SUBJECT, entity_node(&relation.subject));
            w.add(
                &e,
                term::RDF_PREDICATE,
                node(&vocab::property_iri(relation.property)),
            );
            w.add(&e, term::RDF_OBJECT, entity_node(&relation.object));
            w.zh(&e, term::SENTENCE, sentence);
            w.add(&e, term::PROV_WAS_DERIVED_FROM, node(&article_iri));
        }
    }
    for (i, s) in extraction.statistics.iter().enumerate() {
        let iri = vocab::statistic_iri(&article.id, i + 1);
        w.add(&iri, term::RDF_TYPE, node(term::STATISTIC));
        if let Some(subject) = &s.subject {
            w.add(&iri, term::ABOUT, entity_node(subject));
        }
        w.typed(&iri, term::VALUE, &s.value, term::XSD_DECIMAL);
        w.zh(&iri, term::UNIT, &s.unit);
        w.zh(&iri, term::MEASURE, &s.measure);
        if let Some(q) = &s.qualifier {
            w.zh(&iri, term::QUALIFIER, q);
        }
        if let Some(date) = s.as_of.or(issue.and_then(|i| i.date)) {
            w.typed(&iri, term::AS_OF, &date.to_xsd(), term::XSD_DATE);
        }
        w.zh(&iri, term::SENTENCE, &s.sentence);
        w.add(&iri, term::PROV_WAS_DERIVED_FROM, node(&article_iri));
    }
    w.quads
}

/// The record of each practice form folded into its key, in the article's
/// graph: which form, which practice, by which rule.
pub fn fold_quads(article_id: &str, folds: &[crate::identity::Fold]) -> Vec<Quad> {
    let mut w = GraphWriter::new(&vocab::article_iri(article_id));
    for (i, fold) in folds.iter().enumerate() {
        let iri = vocab::fold_iri(article_id, i + 1);
        w.add(&iri, term::RDF_TYPE, node(term::NAME_FOLD));
        w.zh(&iri, term::FORM, &fold.form);
        w.add(
            &iri,
            term::FORM_OF,
            node(&vocab::entity_iri(Class::Practice, &fold.key)),
        );
        w.text(&iri, term::RULE, &fold.rule);
    }
    w.quads
}

fn entity_node(key: &EntityKey) -> NamedNode {
    node(&vocab::entity_iri(key.class, &key.label))
}

fn article_metadata(w: &mut GraphWriter, iri: &str, article: &Article, issue: Option<&Issue>) {
    w.add(iri, term::RDF_TYPE, node(term::ARTICLE));
    w.zh(iri, term::DCTERMS_TITLE, &article.title);
    w.integer(iri, term::POSITION, article.position as i64);
    w.zh(iri, term::TEXT, &article.text());
    if let Some(section) = &article.section {
        w.zh(iri, term::SECTION, section);
    }
    if let Some(index) = article.section_index {
        w.integer(iri, term::SECTION_INDEX, index as i64);
    }
    if let Some(number) = &article.document_number {
        w.text(iri, term::DOCUMENT_NUMBER, number);
    }
    if let Some(issue) = issue {
        let issue_iri = vocab::issue_iri(&crate::corpus::issue_id(issue));
        w.add(iri, term::IN_ISSUE, node(&issue_iri));
        w.add(iri, term::DCTERMS_IS_PART_OF, node(&issue_iri));
        if let Some(date) = issue.date {
            w.typed(iri, term::DCTERMS_DATE, &date.to_xsd(), term::XSD_DATE);
        }
    }
}

/// The quads of an issue's own graph: its metadata and its publisher.
pub fn issue_quads(issue: &Issue, publisher: Option<&EntityKey>) -> Vec<Quad> {
    let iri = vocab::issue_iri(&crate::corpus::issue_id(issue));
    let mut w = GraphWriter::new(&iri);
    w.add(&iri, term::RDF_TYPE, node(term::ISSUE));
    w.zh(&iri, term::DCTERMS_TITLE, &issue.title);
    if let Some(n) = issue.number {
        w.integer(&iri, term::ISSUE_NUMBER, i64::from(n));
    }
    if let Some(y) = issue.year {
        w.integer(&iri, term::ISSUE_YEAR, i64::from(y));
    }
    if let Some(date) = issue.date {
        w.typed(&iri, term::DCTERMS_DATE, &date.to_xsd(), term::XSD_DATE);
    }
    if let Some(p) = &issue.publisher {
        w.zh(&iri, term::PUBLISHER, p);
    }
    if let Some(body) = publisher {
        w.entity(body.class, &body.label, std::iter::empty::<&str>());
        w.add(&iri, term::DCTERMS_PUBLISHER, entity_node(body));
    }
    w.quads
}

/// The reference graph: every lexicon entry with its names and links.
pub fn reference_quads(lexicon: &Lexicon) -> Vec<Quad> {
    let mut w = GraphWriter::new(&vocab::reference_graph());
    for entry in &lexicon.entries {
        w.entity(entry.class, &entry.label, &entry.aliases);
        reference_links(&mut w, lexicon, entry);
    }
    w.quads
}

fn reference_links(w: &mut GraphWriter, lexicon: &Lexicon, entry: &LexiconEntry) {
    let this = EntityKey {
        class: entry.class,
        label: entry.label.clone(),
    };
    let place = |name: &Option<String>| {
        name.as_deref()
            .and_then(|n| lexicon.lookup(n))
            .filter(|e| e.class == Class::Place)
            .map(|e| EntityKey {
                class: Class::Place,
                label: e.label.clone(),
            })
    };
    if let Some(zone) = entry.part_of.as_deref().and_then(|z| lexicon.lookup(z)) {
        w.link(
            &this,
            Property::PartOf,
            &EntityKey {
                class: zone.class,
                label: zone.label.clone(),
            },
        );
    }
    let located = match entry.class {
        Class::Area => place(&entry.city).or_else(|| place(&entry.province)),
        Class::FreeTradeZone => place(&entry.province),
        Class::Place if entry.kind.as_deref() != Some("province") => place(&entry.province),
        _ => None,
    };
    if let Some(p) = located.filter(|p| p.label != entry.label) {
        w.link(&this, Property::LocatedIn, &p);
    }
    if let Some(year) = entry.approved {
        w.integer(
            &vocab::entity_iri(entry.class, &entry.label),
            term::APPROVED_YEAR,
            i64::from(year),
        );
    }
}
