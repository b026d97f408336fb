//! Every IRI the project writes or reads: namespaces, ontology classes and
//! properties, named graphs, and the minting of instance IRIs.
//!
//! Input: domain values (a class, a label, an article id). Output: IRIs as
//! strings or `oxigraph` named nodes. No other module spells an IRI.

use crate::model::{Class, Property};
use oxigraph::model::NamedNode;

/// Ontology namespace (`ftz:`).
pub const FTZ: &str = "https://w3id.org/ftzkg/ontology#";
/// Instance namespace (`ftzr:`).
pub const FTZR: &str = "https://w3id.org/ftzkg/id/";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";

/// Prefixes declared for SPARQL queries and Turtle output, in this order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ftz", FTZ),
    ("ftzr", FTZR),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
    ("skos", SKOS),
    ("prov", PROV),
    ("dcterms", DCTERMS),
];

/// The `PREFIX` lines for every namespace above, for prepending to queries.
pub fn sparql_prefixes() -> String {
    PREFIXES
        .iter()
        .map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n"))
        .collect()
}

/// Terms of the ontology and of reused vocabularies.
pub mod term {
    macro_rules! terms {
        ($ns:expr; $($name:ident = $local:literal),* $(,)?) => {
            $(pub const $name: &str = concat!($ns, $local);)*
        };
    }
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        RDF_TYPE = "type", RDF_SUBJECT = "subject", RDF_PREDICATE = "predicate", RDF_OBJECT = "object");
    terms!("http://www.w3.org/2000/01/rdf-schema#"; RDFS_LABEL = "label", RDFS_COMMENT = "comment");
    terms!("http://www.w3.org/2004/02/skos/core#"; SKOS_ALT_LABEL = "altLabel");
    terms!("http://www.w3.org/ns/prov#";
        PROV_WAS_DERIVED_FROM = "wasDerivedFrom", PROV_ACTIVITY = "Activity", PROV_AGENT = "Agent",
        PROV_WAS_ASSOCIATED_WITH = "wasAssociatedWith", PROV_ENDED_AT_TIME = "endedAtTime");
    terms!("http://purl.org/dc/terms/";
        DCTERMS_TITLE = "title", DCTERMS_DATE = "date", DCTERMS_IS_PART_OF = "isPartOf",
        DCTERMS_PUBLISHER = "publisher");
    terms!("http://www.w3.org/2001/XMLSchema#";
        XSD_INTEGER = "integer", XSD_DECIMAL = "decimal", XSD_DATE = "date");
    terms!("https://w3id.org/ftzkg/ontology#";
        ISSUE = "Issue", ARTICLE = "Article", EVIDENCE = "Evidence", STATISTIC = "Statistic",
        ISSUE_NUMBER = "issueNumber", ISSUE_YEAR = "issueYear", PUBLISHER = "publisher",
        DOCUMENT_NUMBER = "documentNumber", SECTION = "section", SECTION_INDEX = "sectionIndex",
        POSITION = "position", TEXT = "text", SOURCE_FILE = "sourceFile", SENTENCE = "sentence",
        IN_ISSUE = "inIssue", ABOUT = "about", VALUE = "value", UNIT = "unit", MEASURE = "measure",
        QUALIFIER = "qualifier", AS_OF = "asOf", APPROVED_YEAR = "approvedYear",
        SOURCE = "Source", SOURCE_PATH = "sourcePath", CONTENT_HASH = "contentHash",
        PRODUCED_GRAPH = "producedGraph", NAME_FOLD = "NameFold", FORM = "form",
        FORM_OF = "formOf", RULE = "rule", CURATION = "Curation", DECISION = "decision");
}

pub fn class_iri(class: Class) -> String {
    format!("{FTZ}{}", class.local_name())
}

pub fn property_iri(property: Property) -> String {
    format!("{FTZ}{}", property.local_name())
}

/// Graph holding the ontology.
pub fn ontology_graph() -> String {
    format!("{FTZR}graph/ontology")
}

/// Graph holding the reference data (zones, areas, bodies, places).
pub fn reference_graph() -> String {
    format!("{FTZR}graph/reference")
}

/// Graph holding the curation decisions (who, when, why) and the facts
/// people added.
pub fn curation_graph() -> String {
    format!("{FTZR}graph/curation")
}

/// IRI of the `n`-th decision of the curation file (1-based).
pub fn curation_iri(n: usize) -> String {
    format!("{FTZR}curation/{n}")
}

/// IRI of a person who curated (by the name they gave).
pub fn agent_iri(name: &str) -> String {
    format!("{FTZR}agent/{}", escape_segment(name))
}

/// Graph recording, per source file, its content hash and the graphs it
/// produced (ingest bookkeeping; not part of the knowledge graph).
pub fn sources_graph() -> String {
    format!("{FTZR}graph/sources")
}

/// Prefixes of the named graphs whose union, as a set, is the default
/// graph: articles, issues, the reference data and what people curated.
pub fn merged_graph_prefixes() -> [String; 4] {
    [
        format!("{FTZR}article/"),
        format!("{FTZR}issue/"),
        reference_graph(),
        curation_graph(),
    ]
}

/// IRI of the record of one source file (by a hash of its path).
pub fn source_iri(path_hash: &str) -> String {
    format!("{FTZR}source/{path_hash}")
}

/// Named graph (and IRI) of one article.
pub fn article_iri(article_id: &str) -> String {
    format!("{FTZR}article/{}", escape_segment(article_id))
}

/// IRI of one newsletter issue.
pub fn issue_iri(issue_id: &str) -> String {
    format!("{FTZR}issue/{}", escape_segment(issue_id))
}

/// Global IRI of an entity: `ftzr:<class-slug>/<canonical label>`.
pub fn entity_iri(class: Class, label: &str) -> String {
    format!("{FTZR}{}/{}", class.slug(), escape_segment(label))
}

/// IRI of a statistic: article plus its index in the article.
pub fn statistic_iri(article_id: &str, index: usize) -> String {
    format!("{}/statistic/{index}", article_iri(article_id))
}

/// IRI of a name fold (a practice form folded into its key) of an article.
pub fn fold_iri(article_id: &str, index: usize) -> String {
    format!("{}/fold/{index}", article_iri(article_id))
}

/// IRI of an evidence node: article plus its index in the article.
pub fn evidence_iri(article_id: &str, index: usize) -> String {
    format!("{}/evidence/{index}", article_iri(article_id))
}

/// Makes a label usable as an IRI path segment: Chinese stays readable,
/// characters that IRIs forbid (and `/`, `#`, `?`, `%`) are percent-encoded,
/// and so are `,` and `;`: SPARQL's CSV results write IRIs unquoted, so a
/// comma in one would split its row.
pub fn escape_segment(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        let forbidden = c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '<' | '>'
                    | '"'
                    | '{'
                    | '}'
                    | '|'
                    | '\\'
                    | '^'
                    | '`'
                    | '/'
                    | '#'
                    | '?'
                    | '%'
                    | '\''
                    | ','
                    | ';'
            );
        if forbidden {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A named node from an IRI this module minted (always valid).
pub fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_iris_keep_chinese_and_escape_what_iris_forbid() {
        assert_eq!(
            entity_iri(Class::Area, "中国（黑龙江）自由贸易试验区哈尔滨片区"),
            "https://w3id.org/ftzkg/id/area/中国（黑龙江）自由贸易试验区哈尔滨片区"
        );
        assert_eq!(
            entity_iri(Class::Practice, "1+4+N 养老|模式"),
            "https://w3id.org/ftzkg/id/practice/1+4+N%20养老%7C模式"
        );
        assert!(NamedNode::new(entity_iri(Class::Policy, "a/b<c>\"d\"")).is_ok());
        assert!(!entity_iri(Class::Practice, "A,B;C").contains([',', ';']));
    }

    #[test]
    fn prefixes_cover_both_project_namespaces() {
        let p = sparql_prefixes();
        assert!(p.contains("PREFIX ftz: <https://w3id.org/ftzkg/ontology#>"));
        assert!(p.contains("PREFIX ftzr: <https://w3id.org/ftzkg/id/>"));
    }
}
