//! `apply` on a small in-memory store: two articles name one firm two
//! ways, one states a wrong fact.

use super::{Action, CurationFile, Decision, apply};
use crate::model::{Class, Property};
use crate::store::KgStore;
use crate::vocab;

const A1: &str = "https://w3id.org/ftzkg/id/article/t-1";
const A2: &str = "https://w3id.org/ftzkg/id/article/t-2";

fn firm(label: &str) -> String {
    vocab::entity_iri(Class::Firm, label)
}

fn area() -> String {
    vocab::entity_iri(Class::Area, "中国（黑龙江）自由贸易试验区哈尔滨片区")
}

fn practice() -> String {
    vocab::entity_iri(Class::Practice, "无感续证")
}

/// 宇树科技 (article 1) and 杭州宇树科技股份有限公司 (article 2), both
/// based in the area; article 1 wrongly says the area copied 无感续证.
fn store() -> KgStore {
    let store = KgStore::in_memory().unwrap();
    let (short, full, area, practice) = (
        firm("宇树科技"),
        firm("杭州宇树科技股份有限公司"),
        area(),
        practice(),
    );
    store
        .update(&format!(
            "INSERT DATA {{ GRAPH <{A1}> {{ <{short}> a ftz:Firm ; rdfs:label \"宇树科技\"@zh ; ftz:basedIn <{area}> . \
             <{area}> a ftz:Area ; rdfs:label \"中国（黑龙江）自由贸易试验区哈尔滨片区\"@zh ; skos:altLabel \"哈尔滨片区\"@zh . \
             <{practice}> a ftz:Practice ; rdfs:label \"无感续证\"@zh ; ftz:replicatedIn <{area}> . \
             <{A1}/evidence/0> a ftz:Evidence ; rdf:subject <{practice}> ; rdf:predicate ftz:replicatedIn ; \
               rdf:object <{area}> ; ftz:sentence \"哈尔滨片区首创无感续证。\"@zh ; prov:wasDerivedFrom <{A1}> . }} \
             GRAPH <{A2}> {{ <{full}> a ftz:Firm ; rdfs:label \"杭州宇树科技股份有限公司\"@zh ; ftz:basedIn <{area}> . \
             <{area}> a ftz:Area ; rdfs:label \"中国（黑龙江）自由贸易试验区哈尔滨片区\"@zh . }} }}"
        ))
        .unwrap();
    // The default graph is the merge of the article graphs (as ingest keeps it).
    store
        .update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        .unwrap();
    store
}

fn decision(action: Action) -> Decision {
    Decision {
        action,
        by: "王芳".into(),
        at: "2026-11-30T08:00:00Z".into(),
        why: "核对原文".into(),
        note: String::new(),
    }
}

fn rows(store: &KgStore, sparql: &str) -> Vec<Vec<String>> {
    store.select(sparql).unwrap().1
}

#[test]
fn a_rejected_fact_and_its_evidence_are_gone_and_the_decision_is_recorded() {
    let store = store();
    let file = CurationFile {
        decisions: vec![decision(Action::Reject {
            subject: practice(),
            property: Property::ReplicatedIn,
            object: "哈尔滨片区".into(),
        })],
    };
    let report = apply(&store, &file).unwrap();
    assert_eq!((report.applied, report.skipped.len()), (1, 0), "{report:?}");
    let fact = format!("SELECT * WHERE {{ <{}> ftz:replicatedIn ?o }}", practice());
    assert!(rows(&store, &fact).is_empty());
    assert!(rows(&store, "SELECT * WHERE { ?ev a ftz:Evidence }").is_empty());
    let record = rows(
        &store,
        "SELECT ?who ?why WHERE { GRAPH <https://w3id.org/ftzkg/id/graph/curation> { ?d a ftz:Curation ; ftz:decision \"reject\" ; \
         rdfs:comment ?why ; prov:wasAssociatedWith ?a . ?a rdfs:label ?who } }",
    );
    assert_eq!(record, vec![vec!["王芳".to_owned(), "核对原文".to_owned()]]);
    // Applying again changes nothing.
    let before = store.len().unwrap();
    apply(&store, &file).unwrap();
    assert_eq!(store.len().unwrap(), before);
}

#[test]
fn a_merge_leaves_one_node_with_both_names_and_all_its_facts() {
    let store = store();
    let file = CurationFile {
        decisions: vec![decision(Action::Merge {
            keep: firm("杭州宇树科技股份有限公司"),
            other: "宇树科技".into(),
        })],
    };
    apply(&store, &file).unwrap();
    let names = rows(
        &store,
        "SELECT DISTINCT ?e ?label ?alias WHERE { ?e a ftz:Firm ; rdfs:label ?label OPTIONAL { ?e skos:altLabel ?alias } }",
    );
    assert_eq!(
        names,
        vec![vec![
            firm("杭州宇树科技股份有限公司"),
            "杭州宇树科技股份有限公司".to_owned(),
            "宇树科技".to_owned()
        ]]
    );
    let based = rows(
        &store,
        &format!(
            "SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{}> ftz:basedIn ?a }} }} ORDER BY ?g",
            firm("杭州宇树科技股份有限公司")
        ),
    );
    assert_eq!(based, vec![vec![A1.to_owned()], vec![A2.to_owned()]]);
}

#[test]
fn an_added_fact_carries_its_note_as_evidence_and_later_decisions_see_merges() {
    let store = store();
    let mut add = decision(Action::Add {
        subject: "宇树科技".into(),
        property: Property::RecognizedAs,
        object: "Recognition:国家级专精特新“小巨人”企业".into(),
    });
    add.note = "宇树科技被认定为国家级专精特新“小巨人”企业。".into();
    let file = CurationFile {
        decisions: vec![
            decision(Action::Merge {
                keep: firm("杭州宇树科技股份有限公司"),
                other: firm("宇树科技"),
            }),
            add,
        ],
    };
    let report = apply(&store, &file).unwrap();
    assert!(report.skipped.is_empty(), "{report:?}");
    let evidence = rows(
        &store,
        "SELECT DISTINCT ?s ?sentence WHERE { ?ev a ftz:Evidence ; rdf:subject ?s ; rdf:predicate ftz:recognizedAs ; ftz:sentence ?sentence }",
    );
    assert_eq!(
        evidence,
        vec![vec![
            firm("杭州宇树科技股份有限公司"),
            "宇树科技被认定为国家级专精特新“小巨人”企业。".to_owned()
        ]]
    );
}

#[test]
fn rename_and_retype_keep_one_label_and_one_class() {
    let store = store();
    let file = CurationFile {
        decisions: vec![
            decision(Action::Rename {
                entity: practice(),
                label: "无感续证服务".into(),
            }),
            decision(Action::Retype {
                entity: practice(),
                class: Class::Platform,
            }),
            decision(Action::Alias {
                entity: practice(),
                alias: "续证无感办".into(),
            }),
        ],
    };
    apply(&store, &file).unwrap();
    let entity = rows(
        &store,
        &format!(
            "SELECT DISTINCT ?class ?label ?alias WHERE {{ <{}> a ?class ; rdfs:label ?label ; skos:altLabel ?alias }} ORDER BY ?alias",
            practice()
        ),
    );
    let platform = vocab::class_iri(Class::Platform);
    assert_eq!(
        entity,
        vec![
            vec![
                platform.clone(),
                "无感续证服务".to_owned(),
                "无感续证".to_owned()
            ],
            vec![platform, "无感续证服务".to_owned(), "续证无感办".to_owned()],
        ]
    );
}

#[test]
fn a_name_that_matches_nothing_is_skipped_with_the_reason() {
    let store = store();
    let file = CurationFile {
        decisions: vec![decision(Action::Merge {
            keep: "宇树科技".into(),
            other: "不存在的公司".into(),
        })],
    };
    let report = apply(&store, &file).unwrap();
    assert_eq!(report.applied, 0);
    assert!(report.skipped[0].contains("不存在的公司"), "{report:?}");
}
