//! Practice identity across documents (issue #17), end to end on the real
//! binary: the blind batch-f (six documents from six provinces naming nine
//! practices in varied forms, with a distractor pair) and a two-document
//! distractor written for this test.

mod common;

use common::Workspace;
use serde_json::Value;

const BATCH_F: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind/batch-f");

/// Ingests the articles of batch-f (not its README and plan) into `ws`.
fn ingest_batch_f(ws: &Workspace, extra: &[&str]) -> String {
    ingest_batch(ws, BATCH_F, extra)
}

/// Ingests the articles of a blind batch folder into `ws`.
fn ingest_batch(ws: &Workspace, folder: &str, extra: &[&str]) -> String {
    let mut args = vec!["ingest".to_owned()];
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".txt") && !["README.txt", "PLAN.txt"].contains(&name.as_str()) {
            args.push(path.display().to_string());
        }
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ws.ok(&args)
}

/// The IRI `ftzkg trace NAME` finds, or the error it prints.
fn traced(ws: &Workspace, name: &str) -> Result<String, String> {
    let out = ws.run(&["trace", name, "--format", "json"]);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    Ok(json["practice"]["iri"].as_str().unwrap().to_owned())
}

#[test]
fn forms_of_one_practice_in_three_documents_are_one_node() {
    let ws = Workspace::new();
    let out = ingest_batch_f(&ws, &[]);
    assert!(out.contains("同名合并 joined:"), "{out}");
    // 海南's 洋浦“一船多供” (a WeChat article), 保税燃料油“一船多供” (a
    // newsletter) and the bare 一船多供 (a speech): one practice.
    let node = traced(&ws, "保税燃料油一船多供").unwrap();
    for form in ["一船多供", "洋浦一船多供", "一船多供监管模式"] {
        assert_eq!(traced(&ws, form).as_ref(), Ok(&node), "{form}");
    }
    // Its copies, stated in different documents, are on that node.
    let copies = ws.csv_rows(&format!(
        "SELECT DISTINCT ?z WHERE {{ <{node}> ftz:replicatedIn ?z }}"
    ));
    assert!(!copies.is_empty(), "{copies:?}");
    // The knowledge graph is still exactly the merge of the graphs.
    let check = ws.ok(&["check"]);
    assert!(check.contains("missing 0, extra 0"), "{check}");
}

#[test]
fn joining_families_is_stable_under_re_ingest() {
    let ws = Workspace::new();
    ingest_batch_f(&ws, &[]);
    let first = ws.sorted_quads();
    ingest_batch_f(&ws, &["--force"]);
    assert_eq!(first, ws.sorted_quads());
}

#[test]
fn a_distractor_pair_stays_two_practices() {
    let ws = Workspace::new();
    let a = ws.write(
        "tianjin.txt",
        "东疆片区率先开展“飞机经营租赁收取外币租金”业务，降低了租赁企业的汇率风险。\n\
         目前，南沙片区已复制推广“飞机经营租赁收取外币租金”。\n",
    );
    let b = ws.write(
        "guangdong.txt",
        "南沙片区首创“船舶融资租赁收取外币租金”模式。\n\
         东疆片区借鉴南沙经验，复制推广“融资租赁收取外币租金”做法。\n",
    );
    ws.ok(&["ingest", a.to_str().unwrap(), b.to_str().unwrap()]);
    let plane = traced(&ws, "飞机经营租赁收取外币租金").unwrap();
    let ship = traced(&ws, "船舶融资租赁收取外币租金").unwrap();
    assert_ne!(plane, ship);
    // The short form names the ship practice only.
    assert_eq!(traced(&ws, "融资租赁收取外币租金"), Ok(ship));
}

const BATCH_K: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind/batch-k");

#[test]
fn a_distractor_pair_named_side_by_side_stays_two_practices() {
    // Batch k: a reply letter and a yearbook name 保税维修“一企一册” and
    // 保税研发“一企一册” side by side; a bulletin names 苏州片区“一企一册”经验
    // alone. The shared short form must not join the two.
    let ws = Workspace::new();
    ingest_batch(&ws, BATCH_K, &[]);
    let repair = traced(&ws, "保税维修一企一册监管模式").unwrap();
    let research = traced(&ws, "保税研发一企一册监管模式").unwrap();
    assert_ne!(repair, research);
    for form in ["苏州片区保税维修一企一册监管经验", "保税维修一企一册经验"]
    {
        assert_eq!(traced(&ws, form).as_ref(), Ok(&repair), "{form}");
    }
    assert_eq!(
        traced(&ws, "临港新片区保税研发一企一册做法").as_ref(),
        Ok(&research)
    );
}

const BATCH_AJ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind/batch-aj");

/// The names of the origins and copies `ftzkg trace NAME` lists.
fn traced_links(ws: &Workspace, name: &str) -> Vec<String> {
    let out = ws.ok(&["trace", name, "--format", "json"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    let mut names = Vec::new();
    for section in ["origins", "replications"] {
        for item in json[section].as_array().into_iter().flatten() {
            let entity = if item["entity"].is_null() {
                &item["zone"]
            } else {
                &item["entity"]
            };
            names.push(entity["label"].as_str().unwrap_or_default().to_owned());
        }
    }
    names
}

#[test]
fn a_ministry_case_list_traces_its_cards_origins_and_copies() {
    // Batch aj: 商务部's list of cases (案例名称 / 申报单位 / 主要做法 cards)
    // with a news-agency report, a press conference and slides naming the
    // same practices in other forms.
    let ws = Workspace::new();
    ingest_batch(&ws, BATCH_AJ, &[]);
    // A card says who created it in its prose; the province that put it
    // forward (申报单位：福建省人民政府) did not.
    let links = traced_links(&ws, "企业注销一键清税");
    for want in ["国家税务总局福州市税务局", "海南自由贸易港"] {
        assert!(links.iter().any(|l| l == want), "{want}: {links:?}");
    }
    assert!(!links.iter().any(|l| l == "福建省人民政府"), "{links:?}");
    // 外籍人才服务“一卡通办” on the card and 外籍人才服务事项“一卡通办” in its
    // prose are one practice, so the short forms are not ambiguous.
    let node = traced(&ws, "外籍人才服务一卡通办").unwrap();
    for form in ["外籍人才服务事项一卡通办", "一卡通办"] {
        assert_eq!(traced(&ws, form).as_ref(), Ok(&node), "{form}");
    }
    // The distractor pair of the batch stays two practices.
    assert_ne!(
        traced(&ws, "中欧班列运费分段结算"),
        traced(&ws, "海铁联运运费分段结算")
    );
}
