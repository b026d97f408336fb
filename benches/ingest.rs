//! Benchmark: ingest at the speed of the store. Generates a corpus of N
//! newsletter issues (articles of the bundled sample and of the held-out
//! fixtures, shuffled across issues, names varied, lengths varied), runs
//! the real `ftzkg ingest` on it (release build), and reports wall time,
//! MB/s, quads/s and peak RSS; then, in the same run, the time Oxigraph's
//! bulk loader takes to load the N-Quads export of the same store. The
//! ratio ingest / bulk load is the figure to quote. Then re-ingest of the
//! unchanged corpus (skipped by content hash).
//!
//! `cargo bench --bench ingest -- 100 1000` (issue counts; default 100);
//! `FTZKG_BIN=path/to/ftzkg` measures that binary instead of a release build;
//! `FTZKG_BENCH_CORPUS=DIR` keeps each generated corpus in `DIR/issues-N`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../data/corpus/zimao-dongtai-245.txt");
const HELDOUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/heldout");

/// Names swapped to vary the corpus: every issue renames these.
const VARIED: &[&str] = &[
    "哈尔滨",
    "绥芬河",
    "黑河",
    "崇左",
    "宜昌",
    "厦门",
    "南沙",
    "舟山",
];
const AREAS: &[&str] = &[
    "南京",
    "苏州",
    "连云港",
    "杭州",
    "宁波",
    "金义",
    "福州",
    "平潭",
    "郑州",
    "开封",
    "洛阳",
    "武汉",
    "襄阳",
    "长沙",
    "岳阳",
    "郴州",
    "成都",
    "泸州",
    "西安",
    "杨凌",
    "青岛",
    "烟台",
    "济南",
    "大连",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Article bodies to draw from: the sample's articles and each held-out text.
fn article_pool() -> Vec<(String, String)> {
    let mut pool = Vec::new();
    let mut title = String::new();
    let mut body = String::new();
    for line in SAMPLE.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('（') && trimmed.chars().nth(2) == Some('）') {
            if !body.is_empty() {
                pool.push((std::mem::take(&mut title), std::mem::take(&mut body)));
            }
            title = trimmed.chars().skip(3).collect();
        } else if !title.is_empty() && !trimmed.is_empty() && !trimmed.contains('、') {
            body.push_str(trimmed);
            body.push('\n');
        }
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(HELDOUT)
        .expect("held-out fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("fixture");
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let title = lines.next().unwrap_or("动态").trim().to_owned();
        let body: String = lines.map(|l| format!("{}\n", l.trim())).collect();
        pool.push((title, body));
    }
    pool
}

fn write_corpus(dir: &Path, issues: usize) -> u64 {
    let pool = article_pool();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ issues as u64);
    let mut bytes = 0;
    std::fs::create_dir_all(dir).expect("corpus dir");
    for issue in 1..=issues {
        let mut text = format!(
            "自贸动态\n\n第 {issue} 期\n\n主办：省自贸办\n\n{} 年 {} 月 {} 日\n\n一、工作动态\n\n",
            2019 + issue % 7,
            1 + issue % 12,
            1 + issue % 28
        );
        let rename: Vec<(&str, &str)> = VARIED
            .iter()
            .map(|v| (*v, AREAS[rng.below(AREAS.len())]))
            .collect();
        for n in 0..(6 + rng.below(7)) {
            let (title, body) = &pool[rng.below(pool.len())];
            let keep: Vec<&str> = body.lines().filter(|_| rng.below(5) != 0).collect();
            let mut article = format!(
                "（{}）{title}\n\n{}\n\n",
                "一二三四五六七八九十十一十二"
                    .chars()
                    .nth(n)
                    .unwrap_or('十'),
                keep.join("\n")
            );
            for (from, to) in &rename {
                article = article.replace(from, to);
            }
            text.push_str(&article);
        }
        let path = dir.join(format!("issue-{issue:05}.txt"));
        std::fs::write(&path, &text).expect("write issue");
        bytes += text.len() as u64;
    }
    bytes
}

/// Runs a command, sampling its resident memory; returns wall time and peak RSS (kB).
fn run_measured(command: &mut Command) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = command.stdout(Stdio::null()).spawn().expect("start ftzkg");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            for line in status.lines() {
                if let Some(kb) = line.strip_prefix("VmHWM:") {
                    let kb: u64 = kb.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                    peak = peak.max(kb);
                }
            }
        }
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "ftzkg failed: {status}");
            return (started.elapsed(), peak);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn ftzkg() -> Command {
    if let Some(binary) = std::env::var_os("FTZKG_BIN") {
        return Command::new(binary);
    }
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/ftzkg");
    let binary = std::env::var_os("CARGO_TARGET_DIR")
        .map(|t| PathBuf::from(t).join("release/ftzkg"))
        .filter(|b| b.exists())
        .unwrap_or(binary);
    Command::new(binary)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![100] } else { sizes };
    // Build the release binary the bench runs (FTZKG_BIN chooses another).
    if std::env::var_os("FTZKG_BIN").is_none() {
        let built = Command::new(env!("CARGO"))
            .args(["build", "--release", "--bin", "ftzkg"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo build");
        assert!(built.success());
    }
    for issues in sizes {
        let work = tempfile::tempdir().expect("temp dir");
        // FTZKG_BENCH_CORPUS=DIR also leaves the generated corpus in DIR.
        let corpus = std::env::var_os("FTZKG_BENCH_CORPUS")
            .map(|d| PathBuf::from(d).join(format!("issues-{issues}")))
            .unwrap_or_else(|| work.path().join("corpus"));
        let bytes = write_corpus(&corpus, issues);
        let store = work.path().join("store");
        let (wall, rss) = run_measured(
            ftzkg()
                .arg("--store")
                .arg(&store)
                .arg("ingest")
                .arg(&corpus),
        );
        let export = work.path().join("export.nq");
        let out = ftzkg()
            .arg("--store")
            .arg(&store)
            .args(["export", "--format", "nquads", "--output"])
            .arg(&export)
            .output()
            .expect("export");
        assert!(out.status.success());
        let quads = std::fs::read_to_string(&export)
            .expect("export")
            .lines()
            .count();
        let bulk_store = work.path().join("bulk");
        let (bulk, _) = run_measured(
            ftzkg()
                .arg("--store")
                .arg(&bulk_store)
                .args(["load", "--bulk"])
                .arg(&export),
        );
        let (again, _) = run_measured(
            ftzkg()
                .arg("--store")
                .arg(&store)
                .arg("ingest")
                .arg(&corpus),
        );
        let mb = bytes as f64 / 1e6;
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{issues} issues, {mb:.2} MB, {quads} quads: ingest {:.1} s ({:.2} MB/s, {:.0} quads/s, peak RSS {} MB); \
             bulk load of its export {:.1} s (ratio {:.2}); re-ingest unchanged {:.2} s ({:.1}% of ingest)",
            wall.as_secs_f64(),
            mb / wall.as_secs_f64(),
            quads as f64 / wall.as_secs_f64(),
            rss / 1024,
            bulk.as_secs_f64(),
            wall.as_secs_f64() / bulk.as_secs_f64(),
            again.as_secs_f64(),
            100.0 * again.as_secs_f64() / wall.as_secs_f64(),
        )
        .expect("stdout");
    }
}
