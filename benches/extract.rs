//! Benchmark: how long extraction of the bundled sample takes (layout,
//! segmentation, rules, relations, statistics), and how long building the
//! extractor (jieba dictionary, lexicon, rules) takes once per process.
//!
//! Run with `cargo bench --bench extract`; figures go to the README.

use ftzkg::commands::{SAMPLE, SAMPLE_NAME};
use ftzkg::corpus::parse_text;
use ftzkg::extract::Extractor;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let started = Instant::now();
    let extractor = Extractor::new().expect("extractor");
    let setup = started.elapsed();

    let runs = 20;
    let mut parse = Vec::with_capacity(runs);
    let mut extract = Vec::with_capacity(runs);
    let mut counts = (0, 0);
    for _ in 0..runs {
        let t = Instant::now();
        let document = parse_text(SAMPLE_NAME, SAMPLE);
        parse.push(t.elapsed());
        let t = Instant::now();
        let extractions = extractor.extract_document(&document);
        extract.push(t.elapsed());
        counts = (
            extractions.iter().map(|x| x.entities.len()).sum::<usize>(),
            extractions.iter().map(|x| x.relations.len()).sum::<usize>(),
        );
    }
    let chars = SAMPLE.chars().count();
    let per_run = median(extract.clone());
    println!(
        "sample: {chars} characters, {} entities, {} relations per run",
        counts.0, counts.1
    );
    println!(
        "extractor set-up (jieba dictionary, lexicon, rules): {:.1} ms",
        setup.as_secs_f64() * 1e3
    );
    println!(
        "layout (decode-free parse), median of {runs}: {:.2} ms",
        median(parse).as_secs_f64() * 1e3
    );
    println!(
        "extraction of the whole sample, median of {runs}: {:.1} ms",
        per_run.as_secs_f64() * 1e3
    );
    println!(
        "throughput: {:.0} characters/s",
        chars as f64 / per_run.as_secs_f64()
    );
}
