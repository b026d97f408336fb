//! End to end on the bundled sample (自贸动态 第245期): the trace and link
//! answers the issue asks for, and the canned graph queries with the rows
//! they must return. Some depend on how much the extractor finds; see the
//! README.

mod common;

use common::Workspace;

const HARBIN: &str = "中国（黑龙江）自由贸易试验区哈尔滨片区";

fn sample() -> Workspace {
    let ws = Workspace::new();
    ws.ingest_sample();
    ws
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// A label without quotation marks (‘五力’ → 五力).
fn bare(label: &str) -> String {
    label
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\''))
        .collect()
}

#[test]
fn trace_of_wugan_xuzheng_names_harbin_as_origin_and_the_fifth_batch() {
    let ws = sample();
    let report = json(&ws.ok(&["trace", "无感续证", "--format", "json"]));
    let recognitions: Vec<&str> = report["recognitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["entity"]["label"].as_str().unwrap())
        .collect();
    assert!(
        recognitions.contains(&"全国第五批自贸试验区最佳实践案例"),
        "{report}"
    );
    let best = &report["recognitions"].as_array().unwrap()[0];
    assert!(
        best["evidence"][0]["sentence"]
            .as_str()
            .unwrap()
            .contains("无感续证"),
        "{report}"
    );
    assert_eq!(best["date"], "2024-10-15");
    let origins: Vec<&str> = report["origins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["entity"]["label"].as_str().unwrap())
        .collect();
    assert_eq!(origins, [HARBIN], "{report}");
    assert!(
        !report["origins"][0]["evidence"][0]["sentence"]
            .as_str()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn trace_of_harbin_lists_the_two_practices_copied_in_the_first_half_of_2024() {
    let ws = sample();
    let report = json(&ws.ok(&["trace", "--zone", "哈尔滨片区", "--format", "json"]));
    assert_eq!(report["zone"]["label"], HARBIN);
    let copied: Vec<String> = report["copied_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| bare(m["practice"]["label"].as_str().unwrap()))
        .collect();
    // 科技创新五力新模式 is keyed without its head noun (identity.tsv).
    for practice in ["跨境贸易投资便利化集成创新", "科技创新五力"] {
        assert!(
            copied.contains(&practice.to_owned()),
            "{practice} missing from {copied:?}"
        );
    }
    let text = ws.ok(&["trace", "--zone", "哈尔滨片区"]);
    assert!(
        text.contains("上半年复制推广"),
        "the evidence sentence is shown: {text}"
    );
}

#[test]
fn links_of_harbin_group_policies_practices_platforms_and_firms() {
    let ws = sample();
    let report = json(&ws.ok(&["links", "哈尔滨片区", "--format", "json"]));
    let group = |key: &str| -> Vec<String> {
        report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == key)
            .unwrap()["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["entity"]["label"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        group("policies")
            .iter()
            .any(|p| p.contains("进口研发（测试）用未注册医疗器械管理办法")),
        "{report}"
    );
    // 科技创新五力新模式 is keyed without its head noun 新模式 (the full
    // form stays an alias: see identity.tsv).
    assert!(
        group("practices").contains(&"科技创新五力".to_owned()),
        "{report}"
    );
    assert!(
        group("platforms").contains(&"智慧司法服务平台".to_owned()),
        "{report}"
    );
    assert!(
        group("organisations").contains(&"哈欧国际物流".to_owned()),
        "{report}"
    );
    assert!(
        group("structure").contains(&"中国（黑龙江）自由贸易试验区".to_owned()),
        "{report}"
    );
}

#[test]
fn the_sample_network_renders_and_its_components_are_counted() {
    let ws = sample();
    let analysis = json(&ws.ok(&["analyze", "--json", "--connected-only"]));
    let sizes: Vec<u64> = analysis["components"]["sizes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap())
        .collect();
    assert!(
        sizes.iter().all(|&s| s >= 2),
        "--connected-only leaves no isolated node: {sizes:?}"
    );
    assert_eq!(
        sizes.iter().sum::<u64>(),
        analysis["nodes"].as_u64().unwrap()
    );
    let zones: Vec<&str> = analysis["zones_by_degree"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["entity"]["label"].as_str().unwrap())
        .collect();
    assert!(zones[..3].contains(&HARBIN), "{zones:?}");
}

/// Canned query by name → CSV rows without the header.
fn canned(ws: &Workspace, name: &str) -> Vec<String> {
    ws.ok(&["query", name, "--format", "csv"])
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches('\r').to_owned())
        .collect()
}

#[test]
fn canned_practice_replication_traces_wugan_xuzheng() {
    let rows = canned(&sample(), "practice-replication");
    assert!(
        rows.iter().any(|r| r.starts_with(
            "无感续证,2 入选 recognized as,全国第五批自贸试验区最佳实践案例,2024-10-15,"
        )),
        "{rows:#?}"
    );
    assert!(rows.iter().all(|r| r.starts_with("无感续证,")), "{rows:#?}");
}

#[test]
fn canned_practices_by_copies_counts_zones() {
    let rows = canned(&sample(), "practices-by-copies");
    assert!(
        rows.contains(&format!("跨境贸易投资便利化集成创新,1,{HARBIN},")),
        "{rows:#?}"
    );
}

#[test]
fn canned_policies_per_zone_counts_harbins_two_policies() {
    let rows = canned(&sample(), "policies-per-zone");
    let harbin = rows
        .iter()
        .find(|r| r.starts_with(&format!("{HARBIN},")))
        .expect("哈尔滨片区 row");
    assert!(harbin.starts_with(&format!("{HARBIN},2,")), "{harbin}");
    assert!(
        harbin.contains("未注册医疗器械管理办法") && harbin.contains("证照联办"),
        "{harbin}"
    );
    assert!(
        rows.iter().any(|r| r
            .starts_with("中国（北京）自由贸易试验区,1,关于在医疗领域开展扩大开放试点工作的通知")),
        "{rows:#?}"
    );
}

#[test]
fn canned_firms_by_zone_places_firms_with_their_sentence() {
    let rows = canned(&sample(), "firms-by-zone");
    assert!(
        rows.iter()
            .any(|r| r.starts_with(&format!("{HARBIN},哈欧国际物流,"))),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("哈尔滨新区,哈尔滨工大卫星技术有限公司,")),
        "{rows:#?}"
    );
}

#[test]
fn canned_platforms_by_zone_lists_suifenhes_platforms() {
    let rows = canned(&sample(), "platforms-by-zone");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("中国（黑龙江）自由贸易试验区绥芬河片区,绥宜购,运营 operates,")),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with(&format!("{HARBIN},智慧司法服务平台,运营 operates,"))),
        "{rows:#?}"
    );
}

#[test]
fn canned_recognitions_by_batch_reads_the_batch_number() {
    let rows = canned(&sample(), "recognitions-by-batch");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("全国第五批自贸试验区最佳实践案例,五,无感续证,制度创新")),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("国家级专精特新小巨人企业,,哈尔滨工大卫星技术有限公司,企业,")),
        "{rows:#?}"
    );
}
