//! Embeds every canned query of `queries/` into the binary, so `ftzkg query
//! NAME` works from any folder, and fingerprints what extraction depends on
//! (rule tables, reference data, the reading and extraction code), so that
//! `ingest` re-extracts unchanged files when the extractor changed.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=queries");
    // Read at run time: the build script binary is cached across checkouts.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("queries");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("queries/ exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rq"))
        .collect();
    names.sort();
    let mut code = String::from("pub const CANNED: &[(&str, &str)] = &[\n");
    for name in names {
        let path = dir.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            name.trim_end_matches(".rq"),
            path.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("queries.rs");
    std::fs::write(out, code).expect("write queries.rs");
    extractor_fingerprint(Path::new(&manifest));
}

/// FTZKG_EXTRACTOR_HASH: a hash of every file extraction depends on.
fn extractor_fingerprint(root: &Path) {
    let inputs = [
        "data/rules",
        "data/reference",
        "src/corpus",
        "src/extract",
        "src/rdf.rs",
        "src/model.rs",
        "src/vocab.rs",
    ];
    let mut files = Vec::new();
    for input in inputs {
        println!("cargo:rerun-if-changed={input}");
        collect(&root.join(input), &mut files);
    }
    files.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for b in file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .bytes()
            .chain(bytes)
        {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!(
        "cargo:rustc-env=FTZKG_EXTRACTOR_HASH={}-{h:016x}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
}

fn collect(path: &Path, files: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), files);
        }
    } else if path.is_file() {
        files.push(path.to_owned());
    }
}
