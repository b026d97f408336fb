//! Curation and full-text search end to end, with the real binary on the
//! bundled sample: a rejected fact stays gone after re-ingest, a merge
//! leaves one node with both names that `trace` follows, an added fact
//! carries its note as evidence, the server refuses writes without the
//! token, and `search` finds a phrase in its article with a snippet.

mod common;

use common::{Server, Workspace, agent};
use serde_json::Value;

const PRACTICE: &str = "无感续证";
const AREA: &str = "中国（黑龙江）自由贸易试验区哈尔滨片区";

/// Objects of `<practice> ftz:recognizedAs ?o` (labels), any graph.
fn recognitions(ws: &Workspace) -> Vec<String> {
    let mut rows = ws.csv_rows(&format!(
        "SELECT DISTINCT ?label WHERE {{ ?p rdfs:label \"{PRACTICE}\"@zh ; ftz:recognizedAs ?r . ?r rdfs:label ?label }}"
    ));
    rows.sort();
    rows
}

#[test]
fn a_rejected_fact_stays_gone_after_re_ingest() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let before = recognitions(&ws);
    assert!(!before.is_empty(), "the sample recognises {PRACTICE}");
    let rejected = before[0].clone();
    let out = ws.ok(&[
        "curate",
        "reject",
        PRACTICE,
        "recognizedAs",
        &rejected,
        "--why",
        "原文说的是另一项案例",
        "--by",
        "tester",
    ]);
    assert!(out.contains("reject\tftzr:practice/"), "{out}");
    assert!(!recognitions(&ws).contains(&rejected));
    // Re-ingest: the extractor states it again, curation removes it again.
    ws.ingest_sample();
    let after = recognitions(&ws);
    assert!(!after.contains(&rejected), "{after:?}");
    assert_eq!(after.len(), before.len() - 1);
    // The decision is in the curation graph with who and why.
    let who = ws.csv_rows(
        "SELECT ?who ?why WHERE { GRAPH <https://w3id.org/ftzkg/id/graph/curation> { ?d ftz:decision \"reject\" ; \
         rdfs:comment ?why ; prov:wasAssociatedWith/rdfs:label ?who } }",
    );
    assert_eq!(who, vec!["tester,原文说的是另一项案例"]);
    let list = ws.ok(&["curate", "list"]);
    assert!(list.contains("reject") && list.contains("tester"), "{list}");
    // A fact the store does not state cannot be rejected.
    let refused = ws.run(&["curate", "reject", PRACTICE, "basedIn", AREA]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("states no fact"));
}

#[test]
fn a_merge_gives_one_node_with_both_names_and_trace_follows_it() {
    let ws = Workspace::new();
    ws.ingest_sample();
    // A practice of the sample becomes another name of 无感续证.
    let trace_before = ws.ok(&["trace", PRACTICE, "--format", "json"]);
    let other = ws.csv_rows(&format!(
        "SELECT DISTINCT ?label WHERE {{ ?p a ftz:Practice ; rdfs:label ?label ; ftz:recognizedAs ?r . \
         FILTER(?label != \"{PRACTICE}\") }} ORDER BY ?label LIMIT 1"
    ));
    assert_eq!(other.len(), 1, "another recognised practice");
    let other = &other[0];
    ws.ok(&["curate", "merge", PRACTICE, other, "--why", "同一项做法"]);
    ws.ingest_sample();
    let names = ws.csv_rows(&format!(
        "SELECT DISTINCT ?e ?alias WHERE {{ ?e rdfs:label \"{PRACTICE}\"@zh ; skos:altLabel ?alias }}"
    ));
    assert!(
        names.iter().any(|r| r.ends_with(&format!(",{other}"))),
        "{names:?}"
    );
    let nodes = ws.csv_rows(&format!(
        "SELECT DISTINCT ?e WHERE {{ ?e rdfs:label|skos:altLabel \"{other}\"@zh }}"
    ));
    assert_eq!(nodes.len(), 1, "{nodes:?}");
    // The old name now finds the kept node, and its trace has more to show.
    let trace_after = ws.ok(&["trace", other, "--format", "json"]);
    let json: Value = serde_json::from_str(&trace_after).unwrap();
    assert!(trace_after.contains(PRACTICE), "{json}");
    assert!(trace_after.len() > trace_before.len());
}

#[test]
fn an_added_fact_carries_its_note_as_evidence() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let note = "人工核对：该做法已在哈尔滨片区复制推广。";
    ws.ok(&[
        "curate",
        "add",
        PRACTICE,
        "replicatedIn",
        "Area:中国（黑龙江）自由贸易试验区黑河片区",
        "--note",
        note,
    ]);
    let evidence = ws.csv_rows(
        "SELECT DISTINCT ?o ?sentence WHERE { ?ev a ftz:Evidence ; rdf:predicate ftz:replicatedIn ; \
         rdf:object ?o ; ftz:sentence ?sentence ; prov:wasDerivedFrom ?d . ?d a ftz:Curation }",
    );
    assert_eq!(evidence.len(), 1, "{evidence:?}");
    assert!(evidence[0].ends_with(note), "{evidence:?}");
    // An added fact needs its note.
    let refused = ws.run(&[
        "curate",
        "add",
        PRACTICE,
        "replicatedIn",
        AREA,
        "--note",
        " ",
    ]);
    assert!(!refused.status.success());
}

#[test]
fn search_finds_a_phrase_in_its_article_with_a_snippet() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let out = ws.ok(&["search", "集装箱液袋直运", "--format", "json"]);
    let hits: Value = serde_json::from_str(&out).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1, "{out}");
    assert!(
        hits[0]["title"]
            .as_str()
            .unwrap()
            .contains("稳步扩大制度型开放")
    );
    assert!(
        hits[0]["snippet"]["text"]
            .as_str()
            .unwrap()
            .contains("集装箱液袋直运")
    );
    assert!(!hits[0]["entities"].as_array().unwrap().is_empty());
    let text = ws.ok(&["search", "集装箱液袋直运"]);
    assert!(text.contains("【集装箱液袋直运】"), "{text}");
    // Re-ingest keeps one copy of each article in the index.
    ws.ingest_sample();
    let again: Value =
        serde_json::from_str(&ws.ok(&["search", "集装箱液袋直运", "--format", "json"])).unwrap();
    assert_eq!(again.as_array().unwrap().len(), 1);
}

#[test]
fn writes_without_the_token_are_refused() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let body = format!(r#"{{"verb":"alias","entity":"{PRACTICE}","alias":"续证无感办"}}"#);
    let post = |server: &Server, auth: Option<&str>, origin: Option<&str>| {
        let mut request = agent()
            .post(&server.url("/api/curate"))
            .header("Content-Type", "application/json");
        if let Some(auth) = auth {
            request = request.header("Authorization", auth);
        }
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        request.send(body.as_str()).unwrap().status().as_u16()
    };
    {
        let read_only = Server::start(&ws.store(), 30);
        assert_eq!(post(&read_only, Some("Bearer s3cret-token"), None), 403);
    }
    let server = Server::start_with(&ws.store(), 30, &["--writable", "--token", "s3cret-token"]);
    assert_eq!(post(&server, None, None), 401);
    assert_eq!(post(&server, Some("Bearer wrong-token"), None), 403);
    assert_eq!(
        post(
            &server,
            Some("Bearer s3cret-token"),
            Some("https://evil.example")
        ),
        403
    );
    let upload = agent()
        .post(&server.url("/api/upload?name=x.txt"))
        .send("自贸动态")
        .unwrap();
    assert_eq!(upload.status().as_u16(), 401);
    assert_eq!(post(&server, Some("Bearer s3cret-token"), None), 200);
    // The server sees its own write at once.
    let mut response = agent()
        .get(&server.url(&format!(
            "/sparql?query={}",
            "ASK%20%7B%20%3Fe%20%3Chttp%3A%2F%2Fwww.w3.org%2F2004%2F02%2Fskos%2Fcore%23altLabel%3E%20%22%E7%BB%AD%E8%AF%81%E6%97%A0%E6%84%9F%E5%8A%9E%22%40zh%20%7D"
        )))
        .header("Accept", "application/sparql-results+json")
        .call()
        .unwrap();
    let answer = response.body_mut().read_to_string().unwrap();
    assert!(answer.contains("true"), "{answer}");
    drop(server);
    let list = ws.ok(&["curate", "list"]);
    assert!(list.contains("续证无感办"), "{list}");
}
