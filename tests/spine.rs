//! End to end: the sample newsletter in, the store, SPARQL and RDF export
//! out, through the real binary.

mod common;

use common::{SAMPLE, Workspace};

#[test]
fn the_sample_is_one_issue_with_four_sections_and_ten_articles() {
    let ws = Workspace::new();
    let summary = ws.ingest_sample();
    assert!(summary.contains("articles:       10"), "{summary}");
    let issues = ws.csv_rows(
        "SELECT ?title ?number ?date ?publisher WHERE { ?i a ftz:Issue ; dcterms:title ?title ; ftz:issueNumber ?number ; dcterms:date ?date ; ftz:publisher ?publisher }",
    );
    assert_eq!(issues, vec!["自贸动态,245,2024-10-15,省自贸办"]);
    let counts = ws.csv_rows(
        "SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?s) AS ?sections) WHERE { ?a a ftz:Article ; ftz:section ?s }",
    );
    assert_eq!(counts, vec!["10,4"]);
    let sections = ws.csv_rows(
        "SELECT DISTINCT ?i ?s WHERE { ?a ftz:sectionIndex ?i ; ftz:section ?s } ORDER BY ?i",
    );
    assert_eq!(
        sections,
        vec!["1,龙江板块", "2,制度创新", "3,自贸建设", "4,自贸观察"]
    );
}

#[test]
fn page_breaks_are_repaired_in_sentences_and_names() {
    let ws = Workspace::new();
    let json = ws.ok(&["extract", SAMPLE, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sentences: Vec<String> = value["document"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["paragraphs"].as_array().unwrap().clone())
        .flat_map(|p| p["sentences"].as_array().unwrap().clone())
        .map(|s| s.as_str().unwrap().to_owned())
        .collect();
    let cut: Vec<&String> = sentences
        .iter()
        .filter(|s| s.contains("上半年复制推广"))
        .collect();
    assert_eq!(cut.len(), 1);
    assert!(
        cut[0].starts_with("今年上半年复制推广“跨境贸易投资便利化集成创新”"),
        "{}",
        cut[0]
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("自贸区保险（金融）综合服务联合体（试点）"))
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("累计自助打印 RCEP 证书 989 份"))
    );
}

#[test]
fn zones_areas_and_policies_of_the_sample_are_stored_with_part_of() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let areas = ws.csv_rows(
        "SELECT DISTINCT ?area ?zone WHERE { GRAPH ?g { ?a ftz:partOf ?z } FILTER(STRSTARTS(STR(?g), STR(ftzr:article))) ?a a ftz:Area ; rdfs:label ?area . ?z rdfs:label ?zone } ORDER BY ?area",
    );
    for expected in [
        "中国（广西）自由贸易试验区崇左片区,中国（广西）自由贸易试验区",
        "中国（黑龙江）自由贸易试验区哈尔滨片区,中国（黑龙江）自由贸易试验区",
        "中国（黑龙江）自由贸易试验区绥芬河片区,中国（黑龙江）自由贸易试验区",
    ] {
        assert!(
            areas.contains(&expected.to_owned()),
            "{expected} missing from {areas:?}"
        );
    }
    let zones = ws.csv_rows(
        "SELECT DISTINCT ?zone WHERE { ?a a ftz:Article ; ftz:mentions ?z . ?z a ftz:FreeTradeZone ; rdfs:label ?zone } ORDER BY ?zone",
    );
    for zone in [
        "中国（北京）自由贸易试验区",
        "中国（上海）自由贸易试验区",
        "中国（广东）自由贸易试验区",
        "海南自由贸易港",
        "中国（黑龙江）自由贸易试验区",
        "中国（广西）自由贸易试验区",
    ] {
        assert!(
            zones.contains(&zone.to_owned()),
            "{zone} missing from {zones:?}"
        );
    }
    let policies = ws.csv_rows("SELECT ?p WHERE { ?x a ftz:Policy ; rdfs:label ?p }");
    for policy in [
        "湖北省科技创新券管理办法",
        "关于在医疗领域开展扩大开放试点工作的通知",
        "向北开放口岸城市深入合作框架协议",
        "中国（黑龙江）自由贸易试验区哈尔滨片区进口研发（测试）用未注册医疗器械管理办法（试行）",
    ] {
        assert!(policies.contains(&policy.to_owned()), "{policy} missing");
    }
    // The reference graph knows every area of the zone, named or not.
    let heilongjiang = ws.csv_rows(
        "SELECT DISTINCT ?a WHERE { GRAPH <https://w3id.org/ftzkg/id/graph/reference> { ?x ftz:partOf ?z . ?x rdfs:label ?a } ?z rdfs:label \"中国（黑龙江）自由贸易试验区\"@zh } ORDER BY ?a",
    );
    assert_eq!(heilongjiang.len(), 3);
}

#[test]
fn gb18030_and_utf8_copies_give_the_same_quads() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let utf8 = Workspace::new();
    let file = utf8.write("utf8/sample.txt", text.as_bytes());
    utf8.ok(&["ingest", file.to_str().unwrap()]);
    let gbk = Workspace::new();
    let file = gbk.write("gb/另一个名字.txt", &gb);
    gbk.ok(&["ingest", file.to_str().unwrap()]);
    // The ingest bookkeeping (path and content hash of each source file)
    // differs by design; the knowledge graph is the same.
    let knowledge = |ws: &Workspace| -> Vec<String> {
        ws.sorted_quads()
            .into_iter()
            .filter(|q| !q.ends_with("<https://w3id.org/ftzkg/id/graph/sources> ."))
            .collect()
    };
    let (a, b) = (knowledge(&utf8), knowledge(&gbk));
    assert!(a.len() > 1000);
    assert_eq!(a, b);
}

#[test]
fn utf16_with_bom_is_read() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let ws = Workspace::new();
    let file = ws.write("utf16.txt", bytes);
    let out = ws.ok(&["ingest", file.to_str().unwrap()]);
    assert!(out.contains("articles:       10"), "{out}");
}

#[test]
fn ingesting_a_folder_twice_leaves_the_same_quads() {
    let ws = Workspace::new();
    let folder = ws.path("corpus");
    ws.write("corpus/a/245.txt", std::fs::read(SAMPLE).unwrap());
    ws.write("corpus/b/notice.txt", "苏自贸办发〔2025〕9号\n关于复制推广改革试点经验的通知\n各片区：\n南京片区复制推广“无感续证”。");
    ws.ok(&["ingest", folder.to_str().unwrap()]);
    let first = ws.sorted_quads();
    ws.ok(&["ingest", folder.to_str().unwrap()]);
    assert_eq!(first, ws.sorted_quads());
}

#[test]
fn a_bad_file_is_named_and_the_good_one_is_stored() {
    let ws = Workspace::new();
    ws.write("mixed/good.txt", std::fs::read(SAMPLE).unwrap());
    ws.write(
        "mixed/scan.pdf",
        b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary \x00 stream",
    );
    let out = ws.run(&["ingest", ws.path("mixed").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scan.pdf") && stderr.contains("not a readable PDF"),
        "{stderr}"
    );
    assert!(!stderr.contains("good.txt"), "{stderr}");
    assert_eq!(
        ws.csv_rows("SELECT (COUNT(?a) AS ?n) WHERE { ?a a ftz:Article }"),
        vec!["10"]
    );
}

#[test]
fn a_missing_path_is_an_error_that_names_it() {
    let ws = Workspace::new();
    let out = ws.run(&["ingest", "/no/such/folder"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
}

#[test]
fn contract_calls_work_as_written() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let q = "SELECT ?l WHERE { ?z a ftz:Area ; rdfs:label ?l } ORDER BY ?l LIMIT 1";
    let csv = ws.ok(&["query", q, "--format", "csv"]);
    assert!(csv.starts_with("l\r\n"), "{csv}");
    let tsv = ws.ok(&["query", q, "--format", "tsv"]);
    assert!(tsv.starts_with("?l\n"), "{tsv}");
    let json: serde_json::Value =
        serde_json::from_str(&ws.ok(&["query", q, "--format", "json"])).unwrap();
    assert_eq!(json["head"]["vars"][0], "l");
    let xml = ws.ok(&["query", q, "--format", "xml"]);
    assert!(xml.contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"));
    let table = ws.ok(&["query", q, "--format", "table"]);
    assert!(table.contains("(1 row)"), "{table}");
    let file = ws.write("q.rq", q);
    let from_file = ws.ok(&["query", &format!("@{}", file.display()), "--format", "csv"]);
    assert_eq!(from_file, csv);
    let nquads = ws.ok(&["export", "--format", "nquads"]);
    assert!(nquads.lines().all(|l| l.ends_with(" .")));
    assert!(nquads.contains("<https://w3id.org/ftzkg/id/graph/reference>"));
}

#[test]
fn canned_queries_run_by_name() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let list = ws.ok(&["queries"]);
    assert!(list.contains("areas-of-zone"));
    let areas = ws.ok(&["query", "areas-of-zone", "--format", "csv"]);
    assert!(
        areas.contains("中国（黑龙江）自由贸易试验区,中国（黑龙江）自由贸易试验区绥芬河片区"),
        "{areas}"
    );
    assert!(
        areas.contains("中国（黑龙江）自由贸易试验区,中国（黑龙江）自由贸易试验区黑河片区"),
        "{areas}"
    );
    let policies = ws.ok(&["query", "policies-by-area", "--format", "csv"]);
    assert!(
        policies.contains("湖北省科技创新券管理办法") || policies.contains("进口研发"),
        "{policies}"
    );
    let issues = ws.ok(&["query", "issues", "--format", "csv"]);
    assert_eq!(issues.lines().count(), 11, "{issues}");
}

#[test]
fn syntax_errors_name_line_and_column() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let out = ws.run(&["query", "SELECT ?x\nWHERE { ?x ftz:partOf }"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2, column"), "{stderr}");
}

#[test]
fn construct_prints_turtle() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let ttl = ws.ok(&[
        "query",
        "CONSTRUCT { ?a ftz:partOf ?z } WHERE { ?a a ftz:Area ; ftz:partOf ?z }",
    ]);
    assert!(
        ttl.contains("@prefix ftz: <https://w3id.org/ftzkg/ontology#>"),
        "{ttl}"
    );
    assert!(ttl.contains("ftz:partOf"), "{ttl}");
}

#[test]
fn export_formats_and_one_graph() {
    let ws = Workspace::new();
    ws.ingest_sample();
    for format in ["turtle", "ntriples", "trig", "rdfxml"] {
        let out = ws.ok(&[
            "export",
            "--format",
            format,
            "--graph",
            "https://w3id.org/ftzkg/id/graph/ontology",
        ]);
        assert!(out.contains("FreeTradeZone"), "{format}");
    }
    let file = ws.path("all.trig");
    ws.ok(&["export", "--format", "trig", "-o", file.to_str().unwrap()]);
    let trig = std::fs::read_to_string(file).unwrap();
    assert!(
        trig.contains("ftzr:graph\\/reference {")
            || trig.contains("<https://w3id.org/ftzkg/id/graph/reference> {")
    );
}

#[test]
fn stats_count_classes_articles_and_issues() {
    let ws = Workspace::new();
    ws.ingest_sample();
    let stats: serde_json::Value = serde_json::from_str(&ws.ok(&["stats", "--json"])).unwrap();
    assert_eq!(stats["issues"][0]["articles"], "10");
    assert_eq!(stats["articles"].as_array().unwrap().len(), 10);
    assert!(
        stats["classes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["class"] == "ftz:Area")
    );
    let text = ws.ok(&["stats"]);
    assert!(text.contains("quads:"));
}

#[test]
fn demo_ingests_the_bundled_sample_and_answers_three_queries() {
    let ws = Workspace::new();
    let out = ws.ok(&["demo"]);
    assert!(
        out.contains("自贸动态 第 245 期 (2024-10-15)，4 个栏目 sections，10 篇文章 articles"),
        "{out}"
    );
    assert_eq!(out.matches('▶').count(), 3);
    assert!(out.contains("哈尔滨片区"));
}

#[test]
fn extract_shows_layout_and_entities_without_a_store() {
    let ws = Workspace::new();
    let text = ws.ok(&["extract", SAMPLE]);
    assert!(
        text.contains("期刊 issue: 自贸动态 第245期  2024-10-15  主办 省自贸办"),
        "{text}"
    );
    assert!(text.contains("[10] 《求是》杂志发表"));
    assert!(!ws.store().exists(), "extract must not create a store");
}
