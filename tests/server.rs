//! `ftzkg serve` over real HTTP: the SPARQL 1.1 Protocol (media types,
//! errors, read-only, timeouts) and the web UI (escaping, downloads), with
//! the real binary on a free port against a store made from the sample.

mod common;

use common::{Server, Workspace, agent};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const SCRIPT: &str = "<script>alert(1)</script>";

/// An article whose practice is named `<script>alert(1)</script>`.
const INJECTED: &str = "\
自贸动态

第 246 期

主办：省自贸办

2024 年 11 月 15 日

一、龙江板块

（一）哈尔滨片区<script>alert(1)</script>测试

哈尔滨片区积极开展自主创新。今年 1 月，“<script>alert(1)</script>”成功入选全国第五批自贸试验区“最佳实践案例”。
";

/// One store (the sample plus the injected article) for every test of
/// this file; each test starts its own server (killed when dropped).
fn shared() -> &'static Workspace {
    static SHARED: OnceLock<Workspace> = OnceLock::new();
    SHARED.get_or_init(|| {
        let ws = Workspace::new();
        ws.ingest_sample();
        let injected = ws.write("corpus/injected.txt", INJECTED);
        ws.ok(&["ingest", injected.to_str().unwrap()]);
        ws
    })
}

fn start() -> Server {
    Server::start(&shared().store(), 30)
}

fn get(server: &Server, path: &str, accept: Option<&str>) -> (u16, String, String) {
    let mut request = agent().get(&server.url(path));
    if let Some(accept) = accept {
        request = request.header("Accept", accept);
    }
    let mut response = request.call().expect("HTTP GET");
    let status = response.status().as_u16();
    let media = content_type(&response);
    (
        status,
        media,
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

fn content_type(response: &ureq::http::Response<ureq::Body>) -> String {
    response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

fn enc(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

const AREAS: &str = "SELECT ?label WHERE { ?a a ftz:Area ; rdfs:label ?label } ORDER BY ?label";

#[test]
fn get_query_negotiates_the_w3c_result_formats() {
    let server = start();
    let path = format!("/sparql?query={}", enc(AREAS));
    for (accept, media, marker) in [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "\"bindings\"",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<sparql",
        ),
        ("text/csv", "text/csv", "label\r\n"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "?label\n",
        ),
    ] {
        let (status, content_type, body) = get(&server, &path, Some(accept));
        assert_eq!(status, 200, "{accept}: {body}");
        assert!(
            content_type.starts_with(media),
            "{accept} gave {content_type}"
        );
        assert!(body.contains(marker), "{accept}: {body}");
        assert!(
            body.contains("中国（黑龙江）自由贸易试验区哈尔滨片区"),
            "{accept}: {body}"
        );
    }
    // No Accept header: JSON.
    let (_, content_type, _) = get(&server, &path, None);
    assert!(content_type.starts_with("application/sparql-results+json"));
    let (status, _, _) = get(&server, &path, Some("image/png"));
    assert_eq!(status, 406);
}

#[test]
fn construct_asked_for_result_formats_is_answered_in_turtle() {
    let server = start();
    let construct = "CONSTRUCT { ?a a ftz:Area } WHERE { ?a a ftz:Area }";
    let path = format!("/sparql?query={}", enc(construct));
    // What rdflib's SPARQLStore sends for every query.
    let accept = "application/sparql-results+json, application/sparql-results+xml;q=0.9";
    let (status, content_type, body) = get(&server, &path, Some(accept));
    assert_eq!(status, 200, "{body}");
    assert!(content_type.starts_with("text/turtle"), "{content_type}");
    assert!(body.contains("ftz:Area"), "{body}");
    // And a SELECT asked for RDF formats gets JSON results.
    let select = format!("/sparql?query={}", enc("SELECT ?a WHERE { ?a a ftz:Area }"));
    let (status, content_type, _) = get(&server, &select, Some("text/turtle"));
    assert_eq!(status, 200);
    assert!(content_type.starts_with("application/sparql-results+json"));
}

#[test]
fn post_form_and_direct_post_are_answered_like_get() {
    let server = start();
    let ask = "ASK { ?a rdfs:label \"中国（黑龙江）自由贸易试验区哈尔滨片区\"@zh }";
    let mut form = agent()
        .post(&server.url("/sparql"))
        .header("Accept", "application/sparql-results+json")
        .send_form([("query", ask)])
        .unwrap();
    assert_eq!(form.status(), 200);
    assert!(
        form.body_mut()
            .read_to_string()
            .unwrap()
            .contains("\"boolean\":true")
    );
    let mut direct = agent()
        .post(&server.url("/query"))
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "application/sparql-results+xml")
        .send(ask)
        .unwrap();
    assert_eq!(direct.status(), 200);
    assert!(content_type(&direct).starts_with("application/sparql-results+xml"));
    assert!(
        direct
            .body_mut()
            .read_to_string()
            .unwrap()
            .contains("<boolean>true</boolean>")
    );
}

#[test]
fn construct_and_describe_give_rdf_in_the_requested_syntax() {
    let server = start();
    let construct = "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a ftz:Area ; rdfs:label ?l }";
    let path = format!("/sparql?query={}", enc(construct));
    for (accept, media, marker) in [
        ("text/turtle", "text/turtle", "@prefix"),
        (
            "application/n-triples",
            "application/n-triples",
            "<http://www.w3.org/2000/01/rdf-schema#label>",
        ),
        ("application/ld+json", "application/ld+json", "\"@id\""),
    ] {
        let (status, content_type, body) = get(&server, &path, Some(accept));
        assert_eq!(status, 200, "{accept}: {body}");
        assert!(
            content_type.starts_with(media),
            "{accept} gave {content_type}"
        );
        assert!(body.contains(marker), "{accept}: {body}");
    }
    let describe = format!(
        "/sparql?query={}",
        enc("DESCRIBE <https://w3id.org/ftzkg/id/area/中国（黑龙江）自由贸易试验区哈尔滨片区>")
    );
    let (status, content_type, body) = get(&server, &describe, None);
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/turtle"));
    assert!(body.contains("哈尔滨片区"), "{body}");
}

#[test]
fn default_and_named_graph_parameters_choose_the_dataset() {
    let server = start();
    let count = enc("SELECT (COUNT(*) AS ?n) WHERE { ?s a ftz:Area }");
    let reference = enc("https://w3id.org/ftzkg/id/graph/reference");
    let (_, _, all) = get(&server, &format!("/sparql?query={count}"), Some("text/csv"));
    let (_, _, only_reference) = get(
        &server,
        &format!("/sparql?query={count}&default-graph-uri={reference}"),
        Some("text/csv"),
    );
    let (_, _, none) = get(
        &server,
        &format!(
            "/sparql?query={count}&default-graph-uri={}",
            enc("https://example.org/no-such-graph")
        ),
        Some("text/csv"),
    );
    let number = |csv: &str| {
        csv.lines()
            .nth(1)
            .unwrap_or("")
            .trim()
            .parse::<usize>()
            .unwrap()
    };
    assert!(number(&only_reference) > 0);
    assert!(number(&all) >= number(&only_reference));
    assert_eq!(number(&none), 0);
    let named = enc("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
    let (_, _, graphs) = get(
        &server,
        &format!("/sparql?query={named}&named-graph-uri={reference}"),
        Some("text/csv"),
    );
    assert_eq!(graphs.lines().count(), 2, "{graphs}");
    assert!(graphs.contains("graph/reference"));
}

#[test]
fn bare_get_returns_the_service_description() {
    let server = start();
    let (status, content_type, body) = get(&server, "/sparql", None);
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/turtle"));
    assert!(
        body.contains("sd:Service")
            && body.contains("sd:SPARQL11Query")
            && body.contains("sd:UnionDefaultGraph")
    );
}

#[test]
fn a_malformed_query_is_a_400_with_the_parser_message() {
    let server = start();
    let (status, content_type, body) = get(
        &server,
        &format!("/sparql?query={}", enc("SELECT ?s WHERE { ?s ?p")),
        None,
    );
    assert_eq!(status, 400);
    assert!(content_type.starts_with("text/plain"));
    assert!(body.contains("syntax error"), "{body}");
}

#[test]
fn updates_load_and_service_are_refused() {
    let server = start();
    let insert =
        "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }";
    let form = agent()
        .post(&server.url("/sparql"))
        .send_form([("update", insert)])
        .unwrap();
    assert_eq!(form.status(), 403);
    let direct = agent()
        .post(&server.url("/sparql"))
        .header("Content-Type", "application/sparql-update")
        .send(insert)
        .unwrap();
    assert_eq!(direct.status(), 403);
    let (status, _, body) = get(
        &server,
        &format!(
            "/sparql?query={}",
            enc("LOAD <https://example.org/data.ttl>")
        ),
        None,
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("read-only"), "{body}");
    let service = enc("SELECT * WHERE { SERVICE <https://example.org/sparql> { ?s ?p ?o } }");
    let (status, _, body) = get(&server, &format!("/sparql?query={service}"), None);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("SERVICE"), "{body}");
    let (_, _, count) = get(
        &server,
        &format!(
            "/sparql?query={}",
            enc("ASK { <https://example.org/a> ?p ?o }")
        ),
        Some("text/csv"),
    );
    assert!(
        count.contains("false"),
        "the update must not have happened: {count}"
    );
}

#[test]
fn a_runaway_query_is_cancelled_at_the_timeout_and_the_server_keeps_answering() {
    let server = Server::start(&shared().store(), 1);
    let cross = enc("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
    let started = Instant::now();
    let mut response = agent()
        .get(&server.url(&format!("/sparql?query={cross}")))
        .call()
        .unwrap();
    let elapsed = started.elapsed();
    let body = response.body_mut().read_to_string().unwrap();
    assert_eq!(response.status(), 503, "{body}");
    assert!(body.contains("cancelled after 1 s"), "{body}");
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    let mut next = agent()
        .get(&server.url(&format!("/sparql?query={}", enc(AREAS))))
        .header("Accept", "text/csv")
        .call()
        .unwrap();
    assert_eq!(next.status(), 200);
    assert!(
        next.body_mut()
            .read_to_string()
            .unwrap()
            .contains("哈尔滨片区")
    );
}

#[test]
fn labels_from_articles_are_escaped_in_every_page() {
    let server = start();
    let (status, _, hits) = get(&server, &format!("/api/search?q={}", enc("script")), None);
    assert_eq!(status, 200);
    let hits: serde_json::Value = serde_json::from_str(&hits).unwrap();
    let iri = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["label"] == SCRIPT)
        .unwrap_or_else(|| panic!("no entity labelled {SCRIPT}: {hits}"))["iri"]
        .as_str()
        .unwrap()
        .to_owned();
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for path in [
        format!("/entity?iri={}", enc(&iri)),
        format!("/search?q={}", enc("script")),
        format!("/trace?iri={}", enc(&iri)),
        format!("/graph?view=all&focus={}", enc(SCRIPT)),
    ] {
        let (status, content_type, page) = get(&server, &path, None);
        assert_eq!(status, 200, "{path}");
        assert!(content_type.starts_with("text/html"));
        assert!(
            !page.contains(SCRIPT),
            "{path} contains a raw <script> from the data"
        );
        assert!(
            page.contains(escaped),
            "{path} does not show the label as text"
        );
    }
    let (_, _, article) = get(&server, &format!("/search?q={}", enc("script")), None);
    assert!(!article.contains(SCRIPT));
    let (_, _, articles) = get(
        &server,
        &format!(
            "/sparql?query={}",
            enc(
                "SELECT ?a WHERE { ?a a ftz:Article ; dcterms:title ?t FILTER(CONTAINS(?t, \"script\")) }"
            )
        ),
        Some("text/csv"),
    );
    let article_iri = articles
        .lines()
        .nth(1)
        .expect("the injected article")
        .trim()
        .to_owned();
    let (status, _, page) = get(
        &server,
        &format!("/article?iri={}", enc(&article_iri)),
        None,
    );
    assert_eq!(status, 200);
    assert!(!page.contains(SCRIPT));
    assert!(page.contains(escaped));
}

#[test]
fn csv_download_starts_with_a_bom_and_json_download_is_sparql_json() {
    let server = start();
    let mut csv = agent()
        .get(&server.url(&format!("/api/download?format=csv&query={}", enc(AREAS))))
        .call()
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(content_type(&csv).starts_with("text/csv"));
    let disposition = csv
        .headers()
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(disposition.contains("attachment"), "{disposition}");
    let bytes = csv.body_mut().read_to_vec().unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    assert!(String::from_utf8(bytes).unwrap().contains("哈尔滨片区"));
    let (status, content_type, json) = get(
        &server,
        &format!("/api/download?format=json&query={}", enc(AREAS)),
        None,
    );
    assert_eq!(status, 200);
    assert!(content_type.starts_with("application/sparql-results+json"));
    assert!(json.starts_with('{'));
}

#[test]
fn ui_pages_show_relations_with_evidence_and_the_trace() {
    let server = start();
    let area = "https://w3id.org/ftzkg/id/area/中国（黑龙江）自由贸易试验区哈尔滨片区";
    let (status, _, page) = get(&server, &format!("/entity?iri={}", enc(area)), None);
    assert_eq!(status, 200);
    assert!(page.contains("class=\"sentence\""), "no evidence sentence");
    assert!(page.contains("/article?iri="));
    let (status, _, trace) = get(&server, &format!("/trace?name={}", enc("无感续证")), None);
    assert_eq!(status, 200);
    assert!(
        trace.contains("全国第五批自贸试验区最佳实践案例"),
        "{trace}"
    );
    assert!(trace.contains("2024-10-15"));
    let (_, _, english) = get(
        &server,
        &format!("/trace?name={}&lang=en", enc("无感续证")),
        None,
    );
    assert!(english.contains("Recognized as"));
    let (status, content_type, suggestions) =
        get(&server, &format!("/api/search?q={}", enc("哈尔滨")), None);
    assert_eq!(status, 200);
    assert!(content_type.starts_with("application/json"));
    assert!(suggestions.contains("中国（黑龙江）自由贸易试验区哈尔滨片区"));
    let (status, _, network) = get(&server, "/api/graph", None);
    assert_eq!(status, 200);
    assert!(network.contains("\"edges\""));
    let (status, content_type, script) = get(&server, "/assets/graph.js", None);
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/javascript"));
    assert!(!script.contains("innerHTML"));
}

/// Runs `ftzkg --store <shared store> ARGS` and returns stdout; one at a
/// time, since a command opens the store for writing (a lock).
fn cli(args: &[&str]) -> String {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    shared().ok(args)
}

#[test]
fn the_replication_page_and_command_give_the_same_rows() {
    let server = start();
    for (query, args) in [
        ("", vec![]),
        ("?sort=date", vec!["--sort", "date"]),
        (
            "?province=%E9%BB%91%E9%BE%99%E6%B1%9F",
            vec!["--province", "黑龙江"],
        ),
        (
            "?from=2024-06&to=2024-12",
            vec!["--from", "2024-06", "--to", "2024-12"],
        ),
    ] {
        let mut response = agent()
            .get(&server.url(&format!("/replication.csv{query}")))
            .call()
            .unwrap();
        assert_eq!(response.status(), 200, "{query}");
        assert!(content_type(&response).starts_with("text/csv"));
        let web = response.body_mut().read_to_string().unwrap();
        let web = web.strip_prefix('\u{feff}').expect("a BOM for Excel");
        let mut full = vec!["replication", "--format", "csv"];
        full.extend(&args);
        let command = cli(&full);
        assert_eq!(
            web, command,
            "/replication.csv{query} differs from ftzkg {full:?}"
        );
        let rows = command.lines().count() - 1;
        let (status, _, page) = get(&server, &format!("/replication{query}"), None);
        assert_eq!(status, 200);
        assert_eq!(
            page.matches("<th class=\"practice\">").count(),
            rows,
            "/replication{query} shows another number of rows"
        );
    }
    let all = cli(&["replication", "--format", "csv"]);
    assert!(
        all.lines().count() > 1,
        "the sample has copied practices:\n{all}"
    );
    let header = all.lines().next().unwrap();
    assert!(
        header.starts_with("制度创新,首创于,复制数,最早日期,"),
        "{header}"
    );
    assert!(all.contains("首创 ") || all.contains("复制 "), "{all}");
}

#[test]
fn the_web_network_is_the_command_line_network_for_the_same_filters() {
    let server = start();
    let (status, _, web) = get(
        &server,
        "/api/graph?view=all&classes=Area,Practice,FreeTradeZone&properties=originatedIn,replicatedIn,partOf&from=2024",
        None,
    );
    assert_eq!(status, 200, "{web}");
    let command = cli(&[
        "graph",
        "--format",
        "json",
        "--class",
        "Area,Practice,FreeTradeZone",
        "--property",
        "originatedIn,replicatedIn,partOf",
        "--from",
        "2024",
    ]);
    let web: serde_json::Value = serde_json::from_str(&web).unwrap();
    let command: serde_json::Value = serde_json::from_str(&command).unwrap();
    assert_eq!(web, command);
    assert!(web["elements"]["nodes"].as_array().unwrap().len() > 3);
    let short = web["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["data"]["label"] == "中国（黑龙江）自由贸易试验区哈尔滨片区")
        .expect("哈尔滨片区 in the network");
    assert_eq!(short["data"]["short"], "哈尔滨片区");
    let (status, _, zones) = get(&server, "/api/graph?view=zones", None);
    assert_eq!(status, 200);
    let zones: serde_json::Value = serde_json::from_str(&zones).unwrap();
    assert!(
        zones["elements"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["data"]["parent"].is_string()),
        "areas sit inside their zone: {zones}"
    );
    let (status, _, bad) = get(&server, "/api/graph?from=24%E5%B9%B4", None);
    assert_eq!(status, 400);
    assert!(bad.contains("not a date"), "{bad}");
}

#[test]
fn one_palette_drives_the_exports_the_css_and_the_scripts() {
    let server = start();
    let (status, content_type, palette) = get(&server, "/assets/palette.css", None);
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/css"));
    let svg = cli(&["graph", "--format", "svg", "--class", "Area"]);
    let fill = svg
        .split("<rect ")
        .find(|r| r.contains("stroke=\"#"))
        .and_then(|r| r.split("stroke=\"").nth(1))
        .map(|r| r[..7].to_owned())
        .expect("a stroke colour in the SVG");
    assert!(palette.contains(&fill), "{fill} not in palette.css");
    let (_, _, style) = get(&server, "/assets/style.css", None);
    assert!(
        !style.contains(".c-Area"),
        "class colours live in palette.css only"
    );
    let (_, _, script) = get(&server, "/assets/graph.js", None);
    assert!(!script.contains("#e8710a") && !script.contains("COLOURS"));
    let (status, _, library) = get(&server, "/assets/cytoscape.min.js", None);
    assert_eq!(status, 200);
    assert!(library.len() > 100_000);
}

#[test]
fn a_zone_page_groups_its_links_beside_a_small_graph_and_a_trace_has_a_timeline() {
    let server = start();
    let area = "https://w3id.org/ftzkg/id/area/中国（黑龙江）自由贸易试验区哈尔滨片区";
    let (status, _, page) = get(&server, &format!("/entity?iri={}", enc(area)), None);
    assert_eq!(status, 200);
    assert!(
        page.contains("id=\"group-practices\""),
        "no practices group"
    );
    assert!(page.contains("class=\"graph small\""));
    let (_, _, trace) = get(&server, &format!("/trace?name={}", enc("无感续证")), None);
    let timeline = trace
        .split("<ol class=\"timeline\">")
        .nth(1)
        .and_then(|t| t.split("</ol>").next())
        .expect("a timeline");
    let dates: Vec<&str> = timeline
        .split("<span class=\"date\">")
        .skip(1)
        .map(|d| d.split('<').next().unwrap())
        .collect();
    assert!(dates.len() >= 2, "{timeline}");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "the timeline runs by date");
    assert!(timeline.contains("首次见报") && timeline.contains("入选"));
}
