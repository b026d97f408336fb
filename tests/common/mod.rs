//! Helpers for end-to-end tests: run the real `ftzkg` binary on a fresh
//! store in a temporary folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/corpus/zimao-dongtai-245.txt"
);

/// A temporary store folder and the files a test writes beside it.
pub struct Workspace {
    pub dir: TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file (creating folders) and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Runs `ftzkg --store <store> ARGS`.
    pub fn run(&self, args: &[&str]) -> Output {
        run_with_store(&self.store(), args)
    }

    /// Runs and asserts success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "ftzkg {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Ingests the bundled sample.
    pub fn ingest_sample(&self) -> String {
        self.ok(&["ingest", SAMPLE])
    }

    /// Runs a SELECT and returns the CSV rows without the header.
    pub fn csv_rows(&self, sparql: &str) -> Vec<String> {
        self.ok(&["query", sparql, "--format", "csv"])
            .lines()
            .skip(1)
            .map(|l| l.trim_end_matches('\r').to_owned())
            .collect()
    }

    /// All N-Quads of the store, sorted.
    pub fn sorted_quads(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .ok(&["export", "--format", "nquads"])
            .lines()
            .map(str::to_owned)
            .collect();
        lines.sort();
        lines
    }
}

/// A folder holding only the held-out articles' texts (not their gold
/// annotations), to ingest as a folder.
pub fn heldout_texts() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let heldout = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout");
    for entry in std::fs::read_dir(heldout).expect("held-out fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).expect("copy");
        }
    }
    dir
}

pub fn run_with_store(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ftzkg"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("run ftzkg")
}

/// A running `ftzkg serve` on a free port, killed when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub base: String,
}

impl Server {
    /// Starts `ftzkg --store STORE serve --bind 127.0.0.1:PORT --timeout T`
    /// and waits until it answers.
    pub fn start(store: &Path, timeout_secs: u64) -> Server {
        Server::start_with(store, timeout_secs, &[])
    }

    /// Like `start`, with more `serve` arguments (`--writable --token T`).
    pub fn start_with(store: &Path, timeout_secs: u64, extra: &[&str]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_ftzkg"))
            .arg("--store")
            .arg(store)
            .args([
                "serve",
                "--bind",
                &bind,
                "--timeout",
                &timeout_secs.to_string(),
            ])
            .args(extra)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("start ftzkg serve");
        let server = Server {
            child,
            base: format!("http://{bind}"),
        };
        let agent = agent();
        let started = std::time::Instant::now();
        loop {
            if let Ok(r) = agent.get(&format!("{}/sparql", server.base)).call()
                && r.status() == 200
            {
                return server;
            }
            assert!(
                started.elapsed().as_secs() < 60,
                "ftzkg serve did not start on {bind}"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that returns 4xx/5xx responses instead of errors.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(120)))
        .build()
        .into()
}
