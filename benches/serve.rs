//! Load benchmark of `ftzkg serve` (not a test): 50 concurrent clients send
//! a canned query to /sparql; prints throughput and latency percentiles.
//!
//! `cargo bench --bench serve` (or with `-- CLIENTS REQUESTS_PER_CLIENT QUERY`).
//! Uses the debug or release binary that Cargo built for this profile.

#[path = "../tests/common/mod.rs"]
mod common;

use common::{Server, Workspace, agent};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let clients: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(50);
    let per_client: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let name = args
        .get(2)
        .cloned()
        .unwrap_or_else(|| "areas-of-zone".into());
    let sparql = ftzkg::queries::find(&name).expect("a canned query").sparql;

    let ws = Workspace::new();
    ws.ingest_sample();
    let server = Server::start(&ws.store(), 30);
    let url = server.url("/sparql");
    // Warm up (first query compiles nothing, but fills RocksDB caches).
    let _ = agent().post(&url).send_form([("query", sparql)]);

    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let mut latencies = Vec::with_capacity(per_client);
                let mut failures = 0;
                let mut first_failure = None;
                for _ in 0..per_client {
                    let t = Instant::now();
                    match agent
                        .post(&url)
                        .header("Accept", "application/sparql-results+json")
                        .send_form([("query", sparql)])
                    {
                        Ok(mut r) if r.status() == 200 => {
                            let _ = r.body_mut().read_to_vec();
                            latencies.push(t.elapsed());
                        }
                        Ok(mut r) => {
                            failures += 1;
                            let body = r.body_mut().read_to_string().unwrap_or_default();
                            first_failure.get_or_insert(format!("HTTP {}: {body}", r.status()));
                        }
                        Err(e) => {
                            failures += 1;
                            first_failure.get_or_insert(e.to_string());
                        }
                    }
                }
                (latencies, failures, first_failure)
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut failures = 0;
    let mut first_failure = None;
    for h in handles {
        let (l, f, why) = h.join().expect("client thread");
        latencies.extend(l);
        failures += f;
        first_failure = first_failure.or(why);
    }
    let wall = started.elapsed();
    if let Some(why) = first_failure {
        println!("first failure: {why}");
    }
    if latencies.is_empty() {
        println!("query: {name}: every request failed");
        return;
    }
    latencies.sort();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1000.0
    };
    println!("query: {name}");
    println!(
        "clients: {clients}, requests: {} ok, {failures} failed, wall time {:.2} s",
        latencies.len(),
        wall.as_secs_f64()
    );
    println!(
        "throughput: {:.1} requests/s",
        latencies.len() as f64 / wall.as_secs_f64()
    );
    println!(
        "latency ms: p50 {:.1}  p90 {:.1}  p99 {:.1}  max {:.1}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
}
