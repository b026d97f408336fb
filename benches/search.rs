//! Full-text search latency on a 1,000-issue store (not a test): the sample
//! newsletter renumbered (第 1 … 1000 期), dated across ten years and varied
//! (its area names rotated through others), indexed with the shared jieba
//! dictionary; the store holds each issue's graphs (the sample's extraction
//! under the renumbered articles, so entity look-ups touch a full-size
//! store). Prints the build time, then median and p99 latency of
//! `search::search` for a common phrase, a rare phrase, two parts, and a
//! phrase with a zone or date filter.
//!
//! `cargo bench --profile dev --bench search` (or `-- ISSUES QUERIES`).

use ftzkg::commands::{SAMPLE, SAMPLE_NAME};
use ftzkg::corpus;
use ftzkg::extract::Extractor;
use ftzkg::rdf;
use ftzkg::search::{SearchIndex, SearchRequest, search};
use ftzkg::store::{GraphUpdate, KgStore};
use ftzkg::vocab;
use std::time::{Duration, Instant};

/// Names the varied issues rotate in place of 哈尔滨.
const PLACES: &[&str] = &[
    "哈尔滨",
    "绥芬河",
    "黑河",
    "南宁",
    "崇左",
    "钦州",
    "郑州",
    "洛阳",
    "成都",
    "厦门",
];

fn issue_text(i: usize) -> String {
    let year = 2016 + i / 100;
    let month = 1 + (i / 8) % 12;
    let day = 1 + i % 28;
    SAMPLE
        .replacen("第 245 期", &format!("第 {} 期", i + 1), 1)
        .replacen(
            "2024 年 10 月 15 日",
            &format!("{year} 年 {month} 月 {day} 日"),
            1,
        )
        .replace("哈尔滨片区", &format!("{}片区", PLACES[i % PLACES.len()]))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let issues = args.first().copied().unwrap_or(1000);
    let runs = args.get(1).copied().unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let store = KgStore::open(&dir.path().join("store")).unwrap();
    let extractor = Extractor::new().unwrap();
    store
        .replace_graphs(
            &[],
            vec![GraphUpdate {
                graph: vocab::reference_graph(),
                quads: rdf::reference_quads(extractor.lexicon()),
            }],
        )
        .unwrap();
    let sample = corpus::parse_text(SAMPLE_NAME, SAMPLE);
    let extractions = extractor.extract_document(&sample);
    let index = SearchIndex::open(&dir.path().join("store/search"), extractor.jieba()).unwrap();

    let started = Instant::now();
    let mut indexer = index.indexer().unwrap();
    for i in 0..issues {
        let document = corpus::parse_text(&format!("zimao-dongtai-{}.txt", i + 1), &issue_text(i));
        let updates = document
            .articles
            .iter()
            .zip(&extractions)
            .map(|(article, extraction)| GraphUpdate {
                graph: vocab::article_iri(&article.id),
                quads: rdf::article_quads(article, document.issue.as_ref(), extraction),
            })
            .collect();
        store.replace_graphs(&[], updates).unwrap();
        indexer.add(&document).unwrap();
    }
    indexer.commit().unwrap();
    index.reload().unwrap();
    println!(
        "{issues} issues, {} articles indexed, {} quads; built in {:.1} s",
        index.len(),
        store.len().unwrap(),
        started.elapsed().as_secs_f64()
    );

    let request = |text: &str, zone: Option<&str>, from: Option<&str>| SearchRequest {
        text: text.into(),
        zone: zone.map(str::to_owned),
        from: from.map(str::to_owned),
        to: None,
        limit: 10,
    };
    let cases = [
        (
            "common phrase 集装箱液袋直运",
            request("集装箱液袋直运", None, None),
        ),
        ("rare phrase 钦州片区", request("钦州片区", None, None)),
        (
            "two parts 公职律师 哈尔滨",
            request("公职律师 哈尔滨", None, None),
        ),
        (
            "phrase + zone 绥芬河片区",
            request("集装箱液袋直运", Some("绥芬河片区"), None),
        ),
        (
            "phrase + from 2025",
            request("集装箱液袋直运", None, Some("2025")),
        ),
    ];
    for (name, request) in &cases {
        let hits = search(&index, &store, request).unwrap().len();
        let mut times: Vec<Duration> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                search(&index, &store, request).unwrap();
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{name}: {hits} hits shown; median {:.2} ms, p99 {:.2} ms ({runs} runs)",
            percentile(&times, 0.5).as_secs_f64() * 1000.0,
            percentile(&times, 0.99).as_secs_f64() * 1000.0
        );
    }
}
