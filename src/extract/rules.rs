//! The rule tables of `data/rules/` (compiled into the binary): name
//! endings per class, name boundaries, and trigger words of relations.
//! Rules live in these tables, not in code.

use crate::model::Class;
use std::collections::{BTreeMap, HashSet};

const SUFFIXES: &str = include_str!("../../data/rules/suffixes.tsv");
const BOUNDARIES: &str = include_str!("../../data/rules/boundaries.tsv");
const TRIGGERS: &str = include_str!("../../data/rules/triggers.tsv");
const TABLES: &str = include_str!("../../data/rules/tables.tsv");

/// How a name ending may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndingUse {
    /// Finds names anywhere.
    Strong,
    /// Finds names right after a trigger verb.
    Verb,
    /// Only classifies names found otherwise.
    Weak,
}

#[derive(Clone, Debug)]
pub struct Ending {
    pub class: Class,
    pub use_: EndingUse,
    pub text: String,
}

/// All rule tables.
pub struct Rules {
    /// Endings, longest first.
    pub endings: Vec<Ending>,
    pub stop: HashSet<String>,
    pub generic: HashSet<String>,
    pub blockers: Vec<String>,
    /// Short names that are names though their modifier is generic (省政府).
    pub standalone: Vec<String>,
    triggers: BTreeMap<String, Vec<String>>,
    /// Column roles of annex tables and their header words, in order.
    pub columns: Vec<(String, Vec<String>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("data/rules/{file} line {line}: {message}")]
pub struct RulesError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn words(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Rules {
    pub fn builtin() -> Result<Rules, RulesError> {
        let mut endings = Vec::new();
        for (line, f) in rows(SUFFIXES) {
            let error = |message: String| RulesError {
                file: "suffixes.tsv",
                line,
                message,
            };
            if f.len() != 3 {
                return Err(error("expected class, use and endings".into()));
            }
            let class: Class = f[0].parse().map_err(error)?;
            let use_ = match f[1] {
                "strong" => EndingUse::Strong,
                "verb" => EndingUse::Verb,
                "weak" => EndingUse::Weak,
                other => return Err(error(format!("unknown use `{other}`"))),
            };
            for text in words(f[2]) {
                endings.push(Ending { class, use_, text });
            }
        }
        endings.sort_by_key(|e| std::cmp::Reverse(e.text.chars().count()));
        let mut rules = Rules {
            endings,
            stop: HashSet::new(),
            generic: HashSet::new(),
            blockers: Vec::new(),
            standalone: Vec::new(),
            triggers: BTreeMap::new(),
            columns: rows(TABLES)
                .map(|(_, f)| {
                    (
                        f[0].to_owned(),
                        words(f.get(1).copied().unwrap_or_default()),
                    )
                })
                .collect(),
        };
        for (line, f) in rows(BOUNDARIES) {
            let list = words(f.get(1).copied().unwrap_or_default());
            match f[0] {
                "stop" => rules.stop.extend(list),
                "generic" => rules.generic.extend(list),
                "blocker" => rules.blockers.extend(list),
                "standalone" => rules.standalone.extend(list),
                other => {
                    return Err(RulesError {
                        file: "boundaries.tsv",
                        line,
                        message: format!("unknown kind `{other}`"),
                    });
                }
            }
        }
        for (_, f) in rows(TRIGGERS) {
            let mut list = words(f.get(1).copied().unwrap_or_default());
            list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            rules.triggers.insert(f[0].to_owned(), list);
        }
        Ok(rules)
    }

    /// Trigger words of a kind (`replicate`, `issue` …), longest first.
    pub fn triggers(&self, kind: &str) -> &[String] {
        self.triggers.get(kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The role of a table column by its header (`scope`, `source`, `name` …).
    pub fn column_role(&self, header: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|(_, words)| words.iter().any(|w| header.contains(w.as_str())))
            .map(|(role, _)| role.as_str())
    }

    /// The longest trigger of `kind` that `text` ends with.
    pub fn ends_with_trigger(&self, kind: &str, text: &str) -> Option<&str> {
        self.triggers(kind)
            .iter()
            .find(|t| text.ends_with(t.as_str()))
            .map(String::as_str)
    }

    /// The longest trigger of `kind` that `text` starts with.
    pub fn starts_with_trigger(&self, kind: &str, text: &str) -> Option<&str> {
        self.triggers(kind)
            .iter()
            .find(|t| text.starts_with(t.as_str()))
            .map(String::as_str)
    }

    /// The class a name's ending gives it (any use), longest ending first.
    pub fn class_by_ending(&self, name: &str) -> Option<(Class, EndingUse, &str)> {
        let name = strip_trailing_parenthetical(name);
        self.endings
            .iter()
            .find(|e| name.ends_with(e.text.as_str()) && name != e.text)
            .map(|e| (e.class, e.use_, e.text.as_str()))
    }

    /// True when a modifier is made only of generic words (or is empty).
    pub fn is_generic(&self, modifier: &str) -> bool {
        let mut rest = modifier.trim();
        'outer: while !rest.is_empty() {
            for len in (1..=rest.chars().count()).rev() {
                let end = rest.char_indices().nth(len).map_or(rest.len(), |(i, _)| i);
                if self.generic.contains(&rest[..end]) {
                    rest = rest[end..].trim_start();
                    continue 'outer;
                }
            }
            let c = rest.chars().next().expect("not empty");
            if c.is_ascii_digit() || c.is_whitespace() || "的之、".contains(c) {
                rest = &rest[c.len_utf8()..];
                continue;
            }
            return false;
        }
        true
    }
}

/// `黑河保税物流中心（B型）` → `黑河保税物流中心`: a short qualifier in
/// brackets at the end does not change what kind of thing is named.
pub fn strip_trailing_parenthetical(name: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if name.ends_with(close)
            && let Some(i) = name.rfind(open)
            && name[i..].chars().count() <= 14
            && i > 0
        {
            // 方案（2024—2026年）（试行）: every trailing note goes.
            return strip_trailing_parenthetical(&name[..i]);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_classify_by_the_longest_ending() {
        let rules = Rules::builtin().unwrap();
        assert_eq!(
            rules
                .class_by_ending("哈尔滨工大卫星技术有限公司")
                .map(|c| c.0),
            Some(Class::Firm)
        );
        assert_eq!(
            rules.class_by_ending("绥芬河综合保税区").map(|c| c.0),
            Some(Class::SpecialZone)
        );
        assert_eq!(
            rules
                .class_by_ending("黑河保税物流中心（B型）")
                .map(|c| c.0),
            Some(Class::SpecialZone)
        );
        assert_eq!(
            rules.class_by_ending("湖北省科技信息研究院").map(|c| c.0),
            Some(Class::Institution)
        );
        assert!(rules.triggers("replicate").contains(&"复制推广".to_owned()));
    }

    #[test]
    fn generic_modifiers_are_recognised() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.is_generic("首家"));
        assert!(rules.is_generic("金融服务"));
        assert!(rules.is_generic("重要合作"));
        assert!(!rules.is_generic("绥芬河"));
        assert!(!rules.is_generic("市场采购贸易"));
    }
}
