//! Curation: decisions of staff that correct the extracted graph and survive
//! every later ingest. They live in a human-editable, diff-friendly file
//! beside the store (`<store>/curation.tsv`, one decision a line) and are
//! applied after every ingest (`apply`), which rewrites the knowledge graph
//! and rebuilds `ftzr:graph/curation` with who, when and why.
//!
//! Input: the curation file (or a new decision from the CLI or the server).
//! Output: a `CurationFile` (parse, append, write back), and through
//! `apply` the curated store. `review` proposes merges to decide on.

mod apply;
mod decide;
pub mod review;
#[cfg(test)]
mod tests_apply;

pub use apply::{ApplyReport, apply, apply_saved};
pub use decide::decide;

use crate::model::{Class, Property};
use crate::vocab;
use std::fmt;
use std::path::{Path, PathBuf};

/// File name of the curation file inside the store folder.
pub const FILE_NAME: &str = "curation.tsv";

const HEADER: &str = "\
# ftzkg curation file: one decision a line, fields separated by tabs.
# verb     arguments (entities as ftzr:… IRIs or as names)     by=WHO  at=TIME  why=TEXT  note=TEXT
# reject   SUBJECT PROPERTY OBJECT   — the fact is removed and never comes back
# add      SUBJECT PROPERTY OBJECT   — a fact the rules missed (note= is its evidence)
# merge    KEEP OTHER                — one entity; OTHER's names become KEEP's aliases
# rename   ENTITY LABEL · retype ENTITY CLASS · alias ENTITY ALIAS
# dismiss  A B                       — a merge candidate judged to be two things
";

/// What a decision does.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "verb", rename_all = "lowercase")]
pub enum Action {
    Reject {
        subject: String,
        property: Property,
        object: String,
    },
    Add {
        subject: String,
        property: Property,
        object: String,
    },
    Merge {
        keep: String,
        other: String,
    },
    Rename {
        entity: String,
        label: String,
    },
    Retype {
        entity: String,
        class: Class,
    },
    Alias {
        entity: String,
        alias: String,
    },
    Dismiss {
        a: String,
        b: String,
    },
}

impl Action {
    pub fn verb(&self) -> &'static str {
        match self {
            Action::Reject { .. } => "reject",
            Action::Add { .. } => "add",
            Action::Merge { .. } => "merge",
            Action::Rename { .. } => "rename",
            Action::Retype { .. } => "retype",
            Action::Alias { .. } => "alias",
            Action::Dismiss { .. } => "dismiss",
        }
    }

    /// The positional fields after the verb, as written in the file.
    fn arguments(&self) -> Vec<String> {
        match self {
            Action::Reject {
                subject,
                property,
                object,
            }
            | Action::Add {
                subject,
                property,
                object,
            } => vec![
                compact(subject),
                property.local_name().to_owned(),
                compact(object),
            ],
            Action::Merge { keep, other } => vec![compact(keep), compact(other)],
            Action::Rename { entity, label } => vec![compact(entity), label.clone()],
            Action::Retype { entity, class } => {
                vec![compact(entity), class.local_name().to_owned()]
            }
            Action::Alias { entity, alias } => vec![compact(entity), alias.clone()],
            Action::Dismiss { a, b } => vec![compact(a), compact(b)],
        }
    }
}

/// One line of the curation file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Decision {
    #[serde(flatten)]
    pub action: Action,
    /// Who decided.
    pub by: String,
    /// When (`xsd:dateTime`, UTC).
    pub at: String,
    /// Why (free text).
    pub why: String,
    /// For `add`: the evidence, e.g. the sentence that states the fact.
    pub note: String,
}

impl Decision {
    /// A decision taken now by `by` (empty: `$USER`).
    pub fn now(action: Action, by: &str, why: &str, note: &str) -> Self {
        let by = if by.trim().is_empty() {
            std::env::var("USER").unwrap_or_else(|_| "unknown".into())
        } else {
            by.trim().to_owned()
        };
        Decision {
            action,
            by,
            at: utc_now(),
            why: why.trim().to_owned(),
            note: note.trim().to_owned(),
        }
    }
}

impl fmt::Display for Decision {
    /// The line as written in the file (no newline).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut fields = vec![self.action.verb().to_owned()];
        fields.extend(self.action.arguments().iter().map(|a| escape(a)));
        for (key, value) in [
            ("by", &self.by),
            ("at", &self.at),
            ("why", &self.why),
            ("note", &self.note),
        ] {
            if !value.is_empty() {
                fields.push(format!("{key}={}", escape(value)));
            }
        }
        f.write_str(&fields.join("\t"))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    #[error("{file} line {line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: {message}")]
    Io { file: String, message: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    #[error("{0}")]
    Invalid(String),
}

/// The decisions of a curation file, in file order (later ones see the
/// effect of earlier ones).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CurationFile {
    pub decisions: Vec<Decision>,
}

impl CurationFile {
    /// Where the curation file of the store in `store_dir` lives.
    pub fn path_in(store_dir: &Path) -> PathBuf {
        store_dir.join(FILE_NAME)
    }

    /// Reads a curation file; a missing file has no decisions.
    pub fn load(path: &Path) -> Result<Self, CurationError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&path.display().to_string(), &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(CurationError::Io {
                file: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }

    /// Parses the text of a curation file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, CurationError> {
        let mut decisions = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let error = |message: String| CurationError::Syntax {
                file: file.to_owned(),
                line: i + 1,
                message,
            };
            decisions.push(parse_line(line).map_err(error)?);
        }
        Ok(CurationFile { decisions })
    }

    /// Appends one decision to the file (creating it with its header).
    pub fn append(path: &Path, decision: &Decision) -> Result<(), CurationError> {
        use std::io::Write;
        let io = |e: std::io::Error| CurationError::Io {
            file: path.display().to_string(),
            message: e.to_string(),
        };
        let fresh = !path.exists();
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(io)?;
        if fresh {
            file.write_all(HEADER.as_bytes()).map_err(io)?;
        }
        writeln!(file, "{decision}").map_err(io)
    }
}

/// Parses one decision line.
fn parse_line(line: &str) -> Result<Decision, String> {
    let fields: Vec<String> = line.split('\t').map(unescape).collect();
    let verb = fields[0].trim();
    let arity = match verb {
        "reject" | "add" => 3,
        "merge" | "rename" | "retype" | "alias" | "dismiss" => 2,
        other => {
            return Err(format!(
                "unknown verb `{other}` (reject, add, merge, rename, retype, alias, dismiss)"
            ));
        }
    };
    if fields.len() < 1 + arity {
        return Err(format!(
            "`{verb}` needs {arity} tab-separated arguments, found {}",
            fields.len() - 1
        ));
    }
    let args: Vec<String> = fields[1..=arity]
        .iter()
        .map(|a| a.trim().to_owned())
        .collect();
    if let Some(empty) = args.iter().position(String::is_empty) {
        return Err(format!("`{verb}`: argument {} is empty", empty + 1));
    }
    let property = |s: &str| s.parse::<Property>();
    let action = match verb {
        "reject" => Action::Reject {
            subject: expand(&args[0]),
            property: property(&args[1])?,
            object: expand(&args[2]),
        },
        "add" => Action::Add {
            subject: expand(&args[0]),
            property: property(&args[1])?,
            object: expand(&args[2]),
        },
        "merge" => Action::Merge {
            keep: expand(&args[0]),
            other: expand(&args[1]),
        },
        "rename" => Action::Rename {
            entity: expand(&args[0]),
            label: args[1].clone(),
        },
        "retype" => Action::Retype {
            entity: expand(&args[0]),
            class: args[1].parse()?,
        },
        "alias" => Action::Alias {
            entity: expand(&args[0]),
            alias: args[1].clone(),
        },
        _ => Action::Dismiss {
            a: expand(&args[0]),
            b: expand(&args[1]),
        },
    };
    let mut decision = Decision {
        action,
        by: String::new(),
        at: String::new(),
        why: String::new(),
        note: String::new(),
    };
    for field in &fields[1 + arity..] {
        let Some((key, value)) = field.split_once('=') else {
            return Err(format!("`{field}` is not key=value (by, at, why, note)"));
        };
        let slot = match key.trim() {
            "by" => &mut decision.by,
            "at" => &mut decision.at,
            "why" => &mut decision.why,
            "note" => &mut decision.note,
            other => return Err(format!("unknown field `{other}=` (by, at, why, note)")),
        };
        *slot = value.trim().to_owned();
    }
    Ok(decision)
}

/// True when an entity reference is an IRI (else it is a name to resolve).
pub fn is_iri(reference: &str) -> bool {
    reference.starts_with("https://") || reference.starts_with("http://")
}

/// `ftzr:area/…` → the full IRI; names and full IRIs stay as they are.
fn expand(reference: &str) -> String {
    match reference.strip_prefix("ftzr:") {
        Some(rest) => format!("{}{rest}", vocab::FTZR),
        None => reference.to_owned(),
    }
}

/// The full IRI → `ftzr:area/…` (shorter lines, readable diffs).
pub fn compact(reference: &str) -> String {
    match reference.strip_prefix(vocab::FTZR) {
        Some(rest) => format!("ftzr:{rest}"),
        None => reference.to_owned(),
    }
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "")
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The current time as `xsd:dateTime` in UTC, to the second.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_round_trips_through_the_file_format() {
        let decision = Decision {
            action: Action::Reject {
                subject: format!("{}practice/无感续证", vocab::FTZR),
                property: Property::ReplicatedIn,
                object: "绥芬河片区".into(),
            },
            by: "王芳".into(),
            at: "2026-11-30T08:00:00Z".into(),
            why: "原文说的是推广\t而非复制".into(),
            note: String::new(),
        };
        let line = decision.to_string();
        assert!(
            line.starts_with("reject\tftzr:practice/无感续证\treplicatedIn\t绥芬河片区\tby=王芳")
        );
        let parsed = CurationFile::parse("c.tsv", &format!("# comment\n\n{line}\n")).unwrap();
        assert_eq!(parsed.decisions, vec![decision]);
    }

    #[test]
    fn a_bad_line_names_file_line_and_problem() {
        let err = CurationFile::parse("c.tsv", "# x\nmerge\t哈尔滨片区\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.tsv line 2: `merge` needs 2 tab-separated arguments, found 1"
        );
        let err = CurationFile::parse("c.tsv", "reject\ta\tcopied\tb\n").unwrap_err();
        assert!(err.to_string().starts_with("c.tsv line 1: "), "{err}");
        let err = CurationFile::parse("c.tsv", "retype\ta\tFirm\twho=x\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `who=`"), "{err}");
    }

    #[test]
    fn the_clock_writes_an_xsd_date_time() {
        let now = utc_now();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z') && now.contains('T'));
    }
}
