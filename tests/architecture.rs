//! The shape the code keeps: no module over about 500 lines, and no import
//! cycle between the modules of `src/extract` or of `src/corpus` (a rule family depends on
//! data and leaf modules, never on a sibling that depends back on it).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The most lines a module may have ("about 500").
const MAX_LINES: usize = 550;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/extract/names/mod.rs` → `extract::names`.
fn module_of(path: &Path) -> String {
    let relative = path.strip_prefix("src").expect("under src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The modules a file's code (tests left out) names through `crate::` or
/// `super::` paths, resolved to the longest known module.
fn dependencies(path: &Path, module: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).expect("readable source");
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    // `super` of extract/names/quotes.rs (extract::names::quotes) is
    // extract::names; of extract/names/mod.rs (extract::names), extract.
    let own: Vec<&str> = module.split("::").collect();
    let parent = &own[..own.len() - 1];
    let mut out = BTreeSet::new();
    for (at, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        let tail = &code[at..];
        let path: Vec<&str> = tail
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or_default()
            .split("::")
            .filter(|p| !p.is_empty())
            .collect();
        let base: Vec<&str> = match path.first() {
            Some(&"crate") => path[1..].to_vec(),
            Some(&"super") => parent
                .iter()
                .copied()
                .chain(path[1..].iter().copied())
                .collect(),
            _ => continue,
        };
        for k in (1..=base.len()).rev() {
            let candidate = base[..k].join("::");
            if known.contains(&candidate) {
                if candidate != module {
                    out.insert(candidate);
                }
                break;
            }
        }
    }
    out
}

#[test]
fn no_module_is_over_about_500_lines() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(files.len() > 50, "the source tree was not found");
    assert!(long.is_empty(), "modules over {MAX_LINES} lines: {long:?}");
}

/// The modules under `root` that reach themselves through the imports.
fn modules_on_cycles(root: &str) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(Path::new(root), &mut files);
    let modules: BTreeMap<String, PathBuf> =
        files.iter().map(|f| (module_of(f), f.clone())).collect();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let nested = |a: &str, b: &str| b.starts_with(&format!("{a}::"));
    // A parent declares its children and may use them; a child may use its
    // parent's items. Cycles between siblings and cousins are what count.
    let edges: BTreeMap<&String, BTreeSet<String>> = modules
        .iter()
        .map(|(m, f)| {
            let deps = dependencies(f, m, &known)
                .into_iter()
                .filter(|d| !nested(m, d) && !nested(d, m))
                .collect();
            (m, deps)
        })
        .collect();
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 10,
        "the import graph was not read"
    );
    // A module is on a cycle when it reaches itself.
    let mut on_cycle = Vec::new();
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&String> = edges[start].iter().collect();
        while let Some(m) = stack.pop() {
            if m == *start {
                on_cycle.push((*start).clone());
                break;
            }
            if seen.insert(m.clone())
                && let Some(next) = edges.get(m)
            {
                stack.extend(next.iter());
            }
        }
    }
    on_cycle
}

#[test]
fn extract_modules_import_no_cycle() {
    let on_cycle = modules_on_cycles("src/extract");
    assert!(
        on_cycle.is_empty(),
        "modules on an import cycle: {on_cycle:?}"
    );
}

#[test]
fn corpus_modules_import_no_cycle() {
    let on_cycle = modules_on_cycles("src/corpus");
    assert!(
        on_cycle.is_empty(),
        "modules on an import cycle: {on_cycle:?}"
    );
}
