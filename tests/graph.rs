//! End to end: graphs, traces, links, analysis and paths through the real
//! binary, on two small hand-written issues (so they do not depend on how
//! much of the sample the extractor finds), and the exports checked by the
//! tools people open them with (Graphviz, networkx, an XML parser).

mod common;

use common::Workspace;
use std::io::Write;
use std::process::{Command, Stdio};

/// Issue 7 (March 2024): 南京片区 creates 无感续证 and 苏州片区 copies it.
const ISSUE_7: &str = "自贸动态\n\n第 7 期\n\n主办：省自贸办\n\n2024 年 3 月 15 日\n\n一、制度创新\n\n（一）制度创新动态\n\n南京片区首创“无感续证”。苏州片区复制推广“无感续证”。\n";
/// Issue 8 (September 2024): 无感续证 is selected as a best practice.
/// (Headings are neutral: the extractor reads headings too.)
const ISSUE_8: &str = "自贸动态\n\n第 8 期\n\n主办：省自贸办\n\n2024 年 9 月 15 日\n\n一、制度创新\n\n（一）制度创新成果\n\n“无感续证”成功入选全国第五批自贸试验区最佳实践案例。\n";

const NANJING: &str = "中国（江苏）自由贸易试验区南京片区";
const SUZHOU: &str = "中国（江苏）自由贸易试验区苏州片区";
const BEST: &str = "全国第五批自贸试验区最佳实践案例";

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("issues/7.txt", ISSUE_7);
    ws.write("issues/8.txt", ISSUE_8);
    ws.ok(&["ingest", ws.path("issues").to_str().unwrap()]);
    ws
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Runs a program with `input` on stdin; returns (success, stdout, stderr).
fn pipe(program: &str, args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} must be installed (bash .ci/setup): {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn trace_names_origin_recognition_and_copies_with_dates_and_sentences() {
    let ws = workspace();
    let text = ws.ok(&["trace", "无感续证"]);
    assert!(text.starts_with("无感续证 [制度创新 Practice]"), "{text}");
    let origin = text.find("首创于 originated in (1)").expect(&text);
    let recognition = text.find("入选 recognitions (1)").expect(&text);
    let copies = text.find("复制推广至 replicated in (1)").expect(&text);
    assert!(text[origin..recognition].contains(NANJING), "{text}");
    assert!(
        text[origin..recognition].contains("证据: 南京片区首创“无感续证”。"),
        "{text}"
    );
    assert!(text[recognition..copies].contains(BEST), "{text}");
    assert!(text[recognition..copies].contains("2024-09-15"), "{text}");
    assert!(
        text[copies..].contains(SUZHOU) && text[copies..].contains("2024-03-15"),
        "{text}"
    );

    let report = json(&ws.ok(&["trace", "无感续证", "--format", "json"]));
    assert_eq!(report["practice"]["label"], "无感续证");
    assert_eq!(report["origins"][0]["entity"]["label"], NANJING);
    assert_eq!(
        report["origins"][0]["evidence"][0]["sentence"],
        "南京片区首创“无感续证”。"
    );
    assert_eq!(report["recognitions"][0]["entity"]["label"], BEST);
    assert_eq!(report["replications"][0]["entity"]["label"], SUZHOU);
    assert_eq!(report["replications"][0]["date"], "2024-03-15");
}

#[test]
fn trace_draws_its_graph_in_graph_formats() {
    let ws = workspace();
    let dot = ws.ok(&["trace", "无感续证", "--format", "dot"]);
    assert_eq!(dot.matches(" -> ").count(), 3, "{dot}");
    let mermaid = ws.ok(&["trace", "无感续证", "--format", "mermaid"]);
    assert!(
        mermaid.contains("复制推广至") && mermaid.contains(SUZHOU),
        "{mermaid}"
    );
    let graph = json(&ws.ok(&["trace", "无感续证", "--format", "cytoscape"]));
    assert_eq!(graph["elements"]["nodes"].as_array().unwrap().len(), 4);
}

#[test]
fn trace_of_a_zone_shows_what_it_copied_and_what_others_copied_from_it() {
    let ws = workspace();
    let suzhou = ws.ok(&["trace", "--zone", "苏州片区"]);
    let copied_in = suzhou
        .find("复制引进 copied in from elsewhere (1)")
        .expect(&suzhou);
    assert!(
        suzhou[copied_in..].contains("无感续证 [制度创新]"),
        "{suzhou}"
    );
    assert!(
        suzhou[copied_in..].contains(NANJING),
        "the origin is named: {suzhou}"
    );
    let nanjing = json(&ws.ok(&["trace", "--zone", "南京片区", "--format", "json"]));
    assert_eq!(nanjing["copied_out"][0]["practice"]["label"], "无感续证");
    assert_eq!(
        nanjing["copied_out"][0]["replications"][0]["entity"]["label"],
        SUZHOU
    );
    assert_eq!(nanjing["copied_in"].as_array().unwrap().len(), 0);
    // The free trade zone gathers its areas: 苏州 copying from 南京 stays inside.
    let jiangsu = json(&ws.ok(&[
        "trace",
        "--zone",
        "中国（江苏）自由贸易试验区",
        "--format",
        "json",
    ]));
    assert!(jiangsu["parts"].as_array().unwrap().len() >= 2);
    assert_eq!(
        jiangsu["copied_out"].as_array().unwrap().len(),
        0,
        "{jiangsu}"
    );
}

#[test]
fn an_ambiguous_or_unknown_name_is_an_error_with_exit_code_2() {
    let ws = workspace();
    let out = ws.run(&["links", "片区"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ambiguous") && stderr.contains(NANJING) && stderr.contains(SUZHOU),
        "{stderr}"
    );
    // Each candidate says where it was first named.
    assert!(
        stderr
            .lines()
            .any(|l| l.contains(SUZHOU) && l.contains("制度创新动态") && l.contains("2024-03-15")),
        "{stderr}"
    );
    let out = ws.run(&["trace", "没有这个做法"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有这个做法"));
}

#[test]
fn links_group_a_zones_practices_with_evidence() {
    let ws = workspace();
    let text = ws.ok(&["links", "南京片区"]);
    let practices = text.find("制度创新 practices (1)").expect(&text);
    assert!(
        text[practices..].contains("无感续证 [制度创新]  (—首创于→ 本区)"),
        "{text}"
    );
    assert!(
        text[practices..].contains("证据: 南京片区首创“无感续证”。"),
        "{text}"
    );
    let report = json(&ws.ok(&["links", "南京片区", "--format", "json"]));
    let recognitions = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "recognitions")
        .unwrap();
    assert_eq!(recognitions["links"][0]["entity"]["label"], BEST);
    assert_eq!(recognitions["links"][0]["via"], "无感续证");
    let all = json(&ws.ok(&["links", "--all", "--format", "json"]));
    let labels: Vec<&str> = all["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"]["label"].as_str().unwrap())
        .collect();
    for expected in [NANJING, SUZHOU, "无感续证", BEST] {
        assert!(
            labels.contains(&expected),
            "{expected} missing from {labels:?}"
        );
    }
}

#[test]
fn path_walks_relations_both_ways_with_evidence() {
    let ws = workspace();
    let text = ws.ok(&["path", "南京片区", "苏州片区"]);
    assert!(text.contains("(2 steps)"), "{text}");
    assert!(
        text.contains(&format!("1. {NANJING} ←首创于— 无感续证")),
        "{text}"
    );
    assert!(
        text.contains(&format!("2. 无感续证 —复制推广至→ {SUZHOU}")),
        "{text}"
    );
    assert!(
        text.contains("证据: 苏州片区复制推广“无感续证”。"),
        "{text}"
    );
}

#[test]
fn analyze_ranks_practices_by_copies_and_counts_components() {
    let ws = workspace();
    let report = json(&ws.ok(&["analyze", "--json"]));
    assert_eq!(
        report["practices_by_copies"][0]["entity"]["label"],
        "无感续证"
    );
    assert_eq!(report["practices_by_copies"][0]["count"], 1);
    assert_eq!(report["practices_by_degree"][0]["count"], 3);
    let sizes = report["components"]["sizes"].as_array().unwrap();
    assert_eq!(
        report["components"]["count"].as_u64().unwrap() as usize,
        sizes.len()
    );
    let text = ws.ok(&["analyze"]);
    assert!(text.contains("连通分量 connected components:"), "{text}");
}

#[test]
fn graph_filters_by_property_date_issue_and_focus() {
    let ws = workspace();
    let edges = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["graph", "--format", "json"];
        all.extend_from_slice(args);
        json(&ws.ok(&all))["elements"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["data"]["property"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(edges(&["--property", "replicatedIn"]), ["replicatedIn"]);
    let march = edges(&[
        "--to",
        "2024-06",
        "--property",
        "replicatedIn,originatedIn,recognizedAs",
    ]);
    assert!(
        march.contains(&"originatedIn".to_owned()) && !march.contains(&"recognizedAs".to_owned()),
        "{march:?}"
    );
    assert_eq!(
        edges(&[
            "--from",
            "2024-09",
            "--property",
            "recognizedAs,replicatedIn"
        ]),
        ["recognizedAs"]
    );
    assert_eq!(
        edges(&["--issue", "8", "--property", "recognizedAs,replicatedIn"]),
        ["recognizedAs"]
    );
    let focus = json(&ws.ok(&[
        "graph",
        "--format",
        "json",
        "--focus",
        "苏州片区",
        "--depth",
        "1",
    ]));
    let labels: Vec<&str> = focus["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"]["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"无感续证") && labels.contains(&SUZHOU),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&BEST),
        "depth 1 stops before the recognition: {labels:?}"
    );
    let bad = ws.run(&["graph", "--from", "2024年"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn dot_renders_with_graphviz() {
    let ws = workspace();
    let dot = ws.ok(&["graph", "--format", "dot"]);
    let (ok, svg, stderr) = pipe("dot", &["-Tsvg"], &dot);
    assert!(ok, "dot failed: {stderr}\n{dot}");
    assert!(svg.contains("<svg") && svg.contains("无感续证"), "{svg}");
    let file = ws.path("g.dot");
    ws.ok(&["graph", "--format", "dot", "-o", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(file).unwrap(), dot);
}

#[test]
fn graphml_loads_in_networkx_with_typed_keys() {
    let ws = workspace();
    let graphml = ws.ok(&["graph", "--format", "graphml"]);
    let cytoscape = json(&ws.ok(&["graph", "--format", "json"]));
    let script = "import sys, networkx as nx\n\
g = nx.read_graphml(sys.stdin)\n\
wg = [n for n, d in g.nodes(data=True) if d['label'] == '无感续证'][0]\n\
assert g.nodes[wg]['class'] == 'Practice', g.nodes[wg]\n\
ev = [d for _, _, d in g.out_edges(wg, data=True) if d['property'] == 'replicatedIn'][0]\n\
assert isinstance(ev['evidence'], int) and ev['evidence'] >= 1, ev\n\
print(g.number_of_nodes(), g.number_of_edges(), g.is_directed())\n";
    let (ok, stdout, stderr) = pipe("python3", &["-c", script], &graphml);
    assert!(ok, "networkx: {stderr}");
    let nodes = cytoscape["elements"]["nodes"].as_array().unwrap().len();
    let edges = cytoscape["elements"]["edges"].as_array().unwrap().len();
    assert_eq!(stdout.trim(), format!("{nodes} {edges} True"));
    let structure = "import sys, xml.etree.ElementTree as ET\n\
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}\n\
root = ET.parse(sys.stdin).getroot()\n\
keys = {k.get('attr.name'): (k.get('for'), k.get('attr.type')) for k in root.findall('g:key', ns)}\n\
assert keys['class'] == ('node', 'string') and keys['aliases'] == ('node', 'string'), keys\n\
assert keys['evidence'] == ('edge', 'int') and keys['property'] == ('edge', 'string'), keys\n\
graph = root.find('g:graph', ns)\n\
assert graph.get('edgedefault') == 'directed'\n\
print(len(graph.findall('g:node', ns)))\n";
    let (ok, stdout, stderr) = pipe("python3", &["-c", structure], &graphml);
    assert!(ok, "GraphML structure: {stderr}");
    assert_eq!(stdout.trim(), nodes.to_string());
}

#[test]
fn cytoscape_json_has_the_elements_shape() {
    let ws = workspace();
    let value = json(&ws.ok(&["graph", "--format", "json"]));
    let nodes = value["elements"]["nodes"].as_array().unwrap();
    let edges = value["elements"]["edges"].as_array().unwrap();
    assert!(!nodes.is_empty() && !edges.is_empty());
    for n in nodes {
        assert!(
            n["data"]["id"].is_string()
                && n["data"]["label"].is_string()
                && n["data"]["class"].is_string()
        );
    }
    let ids: Vec<&str> = nodes
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    for e in edges {
        assert!(
            ids.contains(&e["data"]["source"].as_str().unwrap())
                && ids.contains(&e["data"]["target"].as_str().unwrap())
        );
        assert!(e["data"]["evidence"].is_u64());
    }
}

#[test]
fn svg_parses_as_xml_and_contains_the_labels() {
    let ws = workspace();
    let svg = ws.ok(&["graph", "--format", "svg"]);
    let script = "import sys, xml.etree.ElementTree as ET\n\
root = ET.parse(sys.stdin).getroot()\n\
assert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag\n\
texts = [t.text for t in root.iter('{http://www.w3.org/2000/svg}text')]\n\
titles = [t.text for t in root.iter('{http://www.w3.org/2000/svg}title')]\n\
print('\\n'.join(texts + titles))\n";
    let (ok, stdout, stderr) = pipe("python3", &["-c", script], &svg);
    assert!(ok, "SVG does not parse: {stderr}");
    assert!(stdout.lines().any(|l| l == "无感续证"), "{stdout}");
    assert!(
        stdout.contains(&format!("{NANJING} [片区]")),
        "full labels are tooltips: {stdout}"
    );
    assert_eq!(
        svg,
        ws.ok(&["graph", "--format", "svg"]),
        "the layout is deterministic"
    );
}

#[test]
fn mermaid_is_a_flowchart() {
    let ws = workspace();
    let mermaid = ws.ok(&["graph", "--format", "mermaid"]);
    assert!(mermaid.starts_with("flowchart LR\n"), "{mermaid}");
    assert!(mermaid.contains("([\"无感续证\"]):::Practice"), "{mermaid}");
    assert!(mermaid.contains("classDef Practice"), "{mermaid}");
}
