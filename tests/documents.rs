//! End to end: documents as staff receive them. PDF, Word and web-page
//! versions of held-out articles (tests/fixtures/docs, made by
//! scripts/make-doc-fixtures.py) give the same entities and relations as the
//! articles as text, and score within 0.05 F1 of them against the hand
//! annotation; scans, corrupt files, zip bombs and legacy Word files get a
//! clear error, never a panic; a folder of mixed files is ingested whole.

mod common;

use common::Workspace;
use serde_json::Value;
use std::fmt::Write;

const HELDOUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/heldout");
const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docs");

/// (converted file, held-out article it was made from)
const CONVERTED: &[(&str, &str)] = &[
    ("sichuan-newsletter.pdf", "sichuan-newsletter"),
    ("fujian-bulletin.pdf", "fujian-bulletin"),
    ("beijing-notice-table.pdf", "beijing-notice-table"),
    ("beijing-notice-table.docx", "beijing-notice-table"),
    ("henan-web-article.html", "henan-web-article"),
    ("jiangsu-wechat.html", "jiangsu-wechat"),
];

fn f1(score: &Value) -> f64 {
    let get = |k: &str| score[k].as_f64().expect(k);
    let precision = get("correct") / get("predicted").max(1.0);
    let recall = get("found") / get("gold").max(1.0);
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

fn eval(ws: &Workspace, gold: &str, file: &str) -> Value {
    let out = ws.ok(&["eval", "--json", gold, file]);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{file}: not JSON ({e}): {out}"))
}

/// What `extract` finds in a file, written as a gold annotation, so that
/// another file can be scored against it.
fn extraction_as_gold(ws: &Workspace, file: &str) -> String {
    let out = ws.ok(&["extract", "--format", "json", file]);
    let value: Value = serde_json::from_str(&out).expect("JSON");
    let mut gold = String::new();
    for x in value["extractions"].as_array().expect("extractions") {
        for e in x["entities"].as_array().expect("entities") {
            let aliases: Vec<&str> = e["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let (class, label) = (e["class"].as_str().unwrap(), e["label"].as_str().unwrap());
            writeln!(gold, "E\t{class}\t{label}\t{}", aliases.join("|")).unwrap();
        }
        for r in x["relations"].as_array().expect("relations") {
            let (s, p, o) = (
                &r["subject"]["label"],
                &r["property"],
                &r["object"]["label"],
            );
            let (s, p, o) = (
                s.as_str().unwrap(),
                p.as_str().unwrap(),
                o.as_str().unwrap(),
            );
            writeln!(gold, "R\t{s}\t{p}\t{o}").unwrap();
        }
    }
    gold
}

#[test]
fn converted_documents_agree_with_their_text() {
    let ws = Workspace::new();
    let mut failures = Vec::new();
    for (file, name) in CONVERTED {
        let text = format!("{HELDOUT}/{name}.txt");
        let converted = format!("{DOCS}/{file}");
        let as_text = ws.write(
            &format!("{name}.gold-from-text.tsv"),
            extraction_as_gold(&ws, &text),
        );
        let agreement = eval(&ws, as_text.to_str().unwrap(), &converted);
        let (entities, relations) = (
            f1(&agreement["typed_entities"]),
            f1(&agreement["relations"]),
        );
        let gold = format!("{HELDOUT}/{name}.gold.tsv");
        let (by_text, by_file) = (eval(&ws, &gold, &text), eval(&ws, &gold, &converted));
        let delta = |k: &str| (f1(&by_text[k]) - f1(&by_file[k])).abs();
        eprintln!(
            "{file}: agreement with text: entities {entities:.3}, relations {relations:.3}; \
             F1 vs gold: entities {:.3} (text {:.3}), relations {:.3} (text {:.3})",
            f1(&by_file["typed_entities"]),
            f1(&by_text["typed_entities"]),
            f1(&by_file["relations"]),
            f1(&by_text["relations"]),
        );
        if entities < 0.97 || relations < 0.97 {
            failures.push(format!(
                "{file}: agreement entities {entities:.3}, relations {relations:.3}\n\
                 missed: {}\nextra: {}\nmissed entities: {}\nextra entities: {}",
                agreement["missed_relations"],
                agreement["false_relations"],
                agreement["missed_entities"],
                agreement["false_entities"]
            ));
        }
        if delta("typed_entities") > 0.05 || delta("relations") > 0.05 {
            failures.push(format!("{file}: F1 more than 0.05 from the text's"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn extract_text_shows_a_word_table_as_a_table() {
    let ws = Workspace::new();
    let out = ws.ok(&[
        "extract",
        &format!("{DOCS}/beijing-notice-table.docx"),
        "--text",
    ]);
    assert!(out.contains("表格 table: 6 rows × 5 columns"), "{out}");
    assert!(
        out.contains("| 序号 | 案例名称 | 牵头单位 | 经验来源 | 复制推广范围 |"),
        "{out}"
    );
    assert!(
        out.contains("| 3 | 生物医药研发用物品“分级审核、分类管理”机制 | 北京市药品监督管理局 | 高端产业片区 | 科技创新片区、国际商务服务片区 |"),
        "{out}"
    );
}

/// A PDF printed by Chromium (a blind batch's 红头文件): many characters are
/// drawn with a Kangxi-radical glyph (⼴ for 广) and named in `/ActualText`;
/// the text must read as printed, and a run-in heading cut by a wrap reads
/// on into its paragraph.
#[test]
fn a_chromium_pdf_reads_its_actual_text() {
    let ws = Workspace::new();
    let pdf = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/blind/batch-aq/aq1-gd-hongtou-2025.pdf"
    );
    let out = ws.ok(&["extract", pdf, "--text"]);
    assert!(
        out.contains("广东省商务厅关于印发《中国（广东）自由贸易试验区第九批制度创新案例复制推广工作方案》的通知"),
        "{out}"
    );
    assert!(!out.contains('å') && !out.contains('⼴'), "{out}");
    assert!(
        out.contains("（一）跨境电商退货中心仓模式。针对出口商品退货难、退货慢的问题"),
        "{out}"
    );
    let relations = ws.ok(&["extract", pdf]);
    assert!(
        relations.contains("广州港湾跨境供应链管理有限公司 —驻在→ 南沙综合保税区"),
        "{relations}"
    );
}

/// PDFs laid out in columns (a journal's two, a newspaper's three) read
/// column by column, and a bordered table over two pages reads row by row
/// with its wrapped cells whole (blind batches aq and ar).
#[test]
fn pdf_columns_and_ruled_tables_read_in_order() {
    let ws = Workspace::new();
    let blind = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind");
    let journal = ws.ok(&[
        "extract",
        &format!("{blind}/batch-aq/aq2-sh-qikan-2024.pdf"),
        "--text",
    ]);
    assert!(
        journal.contains("自2013年中国（上海）自由贸易试验区设立以来，国家层面已分批向全国复制推广了300余项制度创新成果"),
        "{journal}"
    );
    let paper = ws.ok(&[
        "extract",
        &format!("{blind}/batch-ar/ar1-hunan-baozhi-banmian.pdf"),
        "--text",
    ]);
    assert!(
        paper.contains("两年来，这一模式已帮助省内外312家企业完成易货交易4.7亿元"),
        "{paper}"
    );
    let annex = ws.ok(&[
        "extract",
        &format!("{blind}/batch-ar/ar2-sichuan-fujian-qingdan.pdf"),
        "--text",
    ]);
    assert!(
        annex.contains("| 1 | 铁路提单信用证结算模式 | 以中欧班列铁路运单为基础"),
        "{annex}"
    );
}

#[test]
fn pdf_text_is_joined_and_page_furniture_dropped() {
    let ws = Workspace::new();
    let out = ws.ok(&[
        "extract",
        &format!("{DOCS}/sichuan-newsletter.pdf"),
        "--text",
    ]);
    assert!(
        out.contains("期刊 issue: 四川自贸试验区工作简报 第8期 2024-08-30"),
        "{out}"
    );
    // A sentence cut by a page break reads on; no page numbers or headers.
    assert!(
        out.contains("片区企业泸州临港通达供应链管理有限公司（以下简称“通达供应链”）"),
        "{out}"
    );
    assert!(
        !out.contains("— 2 —") && !out.contains("2024年第8期  "),
        "{out}"
    );
    let web = ws.ok(&[
        "extract",
        &format!("{DOCS}/henan-web-article.html"),
        "--text",
    ]);
    assert!(
        web.contains("发布时间：2024-07-02 10:15　来源：河南省商务厅"),
        "{web}"
    );
    assert!(
        !web.contains("相关阅读") && !web.contains("豫ICP备"),
        "{web}"
    );
}

#[test]
fn scans_corrupt_files_and_zip_bombs_get_clear_errors() {
    let ws = Workspace::new();
    let cases: Vec<(std::path::PathBuf, &str)> = vec![
        (
            format!("{DOCS}/scanned.pdf").into(),
            "scanned PDF: no text layer (needs OCR)",
        ),
        (
            ws.write("corrupt.pdf", b"%PDF-1.7\n\x8f\x00garbage 1 0 obj << /Type"),
            "not a readable PDF",
        ),
        (
            ws.write("corrupt.docx", b"PK\x03\x04\x14\x00\x00\x00garbage"),
            "not a readable Word .docx file",
        ),
        (format!("{DOCS}/zip-bomb.docx").into(), "zip bomb"),
        (
            ws.write("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"),
            "legacy Word .doc: save it as .docx (Word/WPS: 另存为 .docx) or export PDF",
        ),
    ];
    for (path, message) in cases {
        let out = ws.run(&["extract", path.to_str().unwrap(), "--text"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: accepted", path.display());
        assert!(stderr.contains(message), "{}: {stderr}", path.display());
        assert!(
            stderr.contains(path.file_name().unwrap().to_str().unwrap()),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn a_folder_of_mixed_files_is_ingested_and_the_skipped_ones_named() {
    let ws = Workspace::new();
    for (file, _) in &CONVERTED[..2] {
        let bytes = std::fs::read(format!("{DOCS}/{file}")).unwrap();
        ws.write(&format!("inbox/{file}"), bytes);
    }
    let html = std::fs::read(format!("{DOCS}/jiangsu-wechat.html")).unwrap();
    ws.write("inbox/wechat.htm", html);
    ws.write("inbox/photo.png", b"\x89PNG\r\n\x1a\n");
    ws.write("inbox/broken.docx", b"PK\x03\x04 broken");
    let inbox = ws.path("inbox");
    let out = ws.run(&["ingest", "--json", inbox.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary: Value = serde_json::from_str(&stdout).expect("JSON summary");
    assert_eq!(summary["files"], 3, "{stdout}\n{stderr}");
    assert!(
        stderr.contains("photo.png: unsupported file type (.png)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.docx: not a readable Word .docx file"),
        "{stderr}"
    );
    let areas = ws.csv_rows(
        "PREFIX ftz: <https://w3id.org/ftzkg/ontology#> \
         SELECT DISTINCT ?a WHERE { ?a a ftz:Area }",
    );
    assert!(areas.len() >= 5, "{areas:?}");
}

#[test]
fn an_article_in_traditional_characters_meets_the_simplified_names() {
    let ws = Workspace::new();
    let file = ws.write(
        "taiwan-report.txt",
        "兩岸經貿新動向\n\n據福建日報報導，福建自由貿易試驗區廈門片區首創的「台企信用互查」機制，\
         已複製推廣至平潭片區，服務台資企業逾三百家。",
    );
    let out = ws.run(&["ingest", file.to_str().expect("utf-8 path")]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{said}");
    assert!(said.contains("traditional characters"), "{said}");
    let rows = ws.csv_rows(
        "PREFIX ftz: <https://w3id.org/ftzkg/ontology#>
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         SELECT ?origin WHERE { ?p rdfs:label ?l ; ftz:originatedIn/rdfs:label ?origin \
         FILTER(str(?l) = \"台企信用互查\") }",
    );
    assert!(
        rows.iter()
            .any(|r| r.contains("中国（福建）自由贸易试验区厦门片区")),
        "{rows:?}"
    );
}

#[test]
fn a_json_export_of_policy_records_is_read_field_by_field() {
    let ws = Workspace::new();
    let file = ws.write(
        "export.txt",
        r#"{"数据源": "海南自由贸易港政策法规库", "records": [
  {"序号": 1,
   "标题": "海口海关关于在海口综合保税区推行出口果蔬产地预检口岸直放的公告",
   "发文机关": "海口海关",
   "适用范围": "海口综合保税区",
   "摘要": "海口综合保税区复制推广郴州片区首创的“产地预检、口岸直放”经验。"}]}"#,
    );
    let out = ws.ok(&["extract", file.to_str().expect("utf-8 path")]);
    for line in [
        "海口海关 —发布→ 海口海关关于在海口综合保税区推行出口果蔬产地预检口岸直放的公告",
        "海口海关关于在海口综合保税区推行出口果蔬产地预检口岸直放的公告 —适用于→ 海口综合保税区",
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
}
