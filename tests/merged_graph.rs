//! The default graph is the knowledge graph as a set: each fact once,
//! whatever number of articles state it, kept exact by ingest, re-ingest
//! and removal; incremental ingest skips unchanged files.

mod common;

use common::{SAMPLE, Workspace, heldout_texts};

fn number(ws: &Workspace, sparql: &str) -> usize {
    ws.csv_rows(sparql)[0].parse().unwrap()
}

/// Plain COUNT(*) and COUNT(DISTINCT) agree for every class and property.
fn assert_counts_are_distinct(ws: &Workspace) {
    for class in ["Area", "FreeTradeZone", "Practice", "Firm", "Policy"] {
        let all = number(
            ws,
            &format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?e a ftz:{class} }}"),
        );
        let distinct = number(
            ws,
            &format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ftz:{class} }}"),
        );
        assert_eq!(all, distinct, "{class}");
    }
    for property in [
        "partOf",
        "replicatedIn",
        "originatedIn",
        "issued",
        "mentions",
    ] {
        let all = number(
            ws,
            &format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?s ftz:{property} ?o }}"),
        );
        let distinct = number(
            ws,
            &format!(
                "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s ftz:{property} ?o }} }}"
            ),
        );
        assert_eq!(all, distinct, "{property}");
    }
    assert!(ws.ok(&["check"]).contains("ok:"));
}

#[test]
fn counts_count_facts_not_articles() {
    let ws = Workspace::new();
    let heldout = heldout_texts();
    ws.ingest_sample();
    ws.ok(&["ingest", heldout.path().to_str().unwrap()]);
    // The same area is named by many articles, and is one row.
    let areas = number(&ws, "SELECT (COUNT(*) AS ?n) WHERE { ?a a ftz:Area }");
    let stated = number(
        &ws,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a ftz:Area } }",
    );
    assert!(stated > areas, "{stated} statements of {areas} areas");
    assert_counts_are_distinct(&ws);
}

#[test]
fn reingest_changes_nothing_and_skips_unchanged_files() {
    let ws = Workspace::new();
    let heldout = heldout_texts();
    let heldout = heldout.path().to_str().unwrap();
    ws.ok(&["ingest", heldout]);
    let before = ws.sorted_quads();
    let again = ws.ok(&["ingest", heldout, "--json"]);
    let summary: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(summary["skipped"], 15, "{again}");
    assert_eq!(summary["files"], 0, "{again}");
    assert_eq!(ws.sorted_quads(), before);
    let forced = ws.ok(&["ingest", heldout, "--force", "--json"]);
    let summary: serde_json::Value = serde_json::from_str(&forced).unwrap();
    assert_eq!(summary["files"], 15, "{forced}");
    assert_eq!(ws.sorted_quads(), before);
}

#[test]
fn a_changed_file_replaces_its_facts_and_removal_keeps_the_merge_exact() {
    let ws = Workspace::new();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let copy = ws.write("copy/newsletter.txt", &sample);
    ws.ok(&["ingest", copy.to_str().unwrap()]);
    let heldout = heldout_texts();
    ws.ok(&["ingest", heldout.path().to_str().unwrap()]);
    let firms = |ws: &Workspace| ws.csv_rows("SELECT ?l WHERE { ?f a ftz:Firm ; rdfs:label ?l }");
    assert!(firms(&ws).iter().any(|l| l.contains("哈尔滨工大卫星")));
    // The newsletter loses its article naming the firm.
    let edited = sample.replace("哈尔滨工大卫星技术有限公司", "某卫星企业");
    std::fs::write(&copy, edited).unwrap();
    ws.ok(&["ingest", copy.to_str().unwrap()]);
    assert!(!firms(&ws).iter().any(|l| l.contains("哈尔滨工大卫星")));
    assert_counts_are_distinct(&ws);
    // Removing the newsletter keeps what the other articles state.
    let zones_before = number(
        &ws,
        "SELECT (COUNT(*) AS ?n) WHERE { ?z a ftz:FreeTradeZone }",
    );
    ws.ok(&["remove", copy.to_str().unwrap()]);
    let issues = number(
        &ws,
        "SELECT (COUNT(*) AS ?n) WHERE { ?i ftz:issueNumber 245 }",
    );
    assert_eq!(issues, 0);
    let zones_after = number(
        &ws,
        "SELECT (COUNT(*) AS ?n) WHERE { ?z a ftz:FreeTradeZone }",
    );
    assert!(zones_after > 0 && zones_after <= zones_before);
    assert_counts_are_distinct(&ws);
}
