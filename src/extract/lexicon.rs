//! The reference lexicon: the national list of free trade zones and areas,
//! central government bodies and places (`data/reference/*.tsv`, compiled
//! into the binary), with the name variants the press uses, and a
//! longest-match finder over text.
//!
//! Input: the TSV files. Output: `Lexicon` entries and `LexiconMatch`es.

use crate::model::Class;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

const ZONES: &str = include_str!("../../data/reference/zones.tsv");
const PLACES: &str = include_str!("../../data/reference/places.tsv");
const BODIES: &str = include_str!("../../data/reference/bodies.tsv");

/// One reference entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconEntry {
    pub class: Class,
    pub label: String,
    /// Every other name: from the file and generated variants.
    pub aliases: Vec<String>,
    /// Label of the zone an area belongs to.
    pub part_of: Option<String>,
    /// Province (short form) the entry lies in.
    pub province: Option<String>,
    /// City (short form) an area lies in.
    pub city: Option<String>,
    /// Year of approval, for zones and areas.
    pub approved: Option<i32>,
    /// Kind of place (country, province, city, district) or body level.
    pub kind: Option<String>,
}

/// A name of the lexicon found in a text (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconMatch {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// Reference entries and an index from every name to its entry.
pub struct Lexicon {
    pub entries: Vec<LexiconEntry>,
    names: HashMap<String, usize>,
    /// Every (folded) name at once, leftmost-longest; pattern i denotes
    /// entry `patterns[i]`.
    finder: AhoCorasick,
    patterns: Vec<usize>,
}

/// A malformed line of a reference file.
#[derive(Debug, thiserror::Error)]
#[error("data/reference/{file} line {line}: {message}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        let mut entries = read_zones(ZONES)?;
        entries.extend(read_places(PLACES)?);
        entries.extend(read_bodies(BODIES)?);
        Ok(Lexicon::from_entries(entries))
    }

    pub fn from_entries(mut entries: Vec<LexiconEntry>) -> Lexicon {
        let mut names = HashMap::new();
        for (i, entry) in entries.iter_mut().enumerate() {
            add_variants(entry);
            for name in std::iter::once(&entry.label).chain(&entry.aliases) {
                // First entry wins: zones before places before bodies.
                names.entry(fold(name)).or_insert(i);
            }
        }
        let (texts, patterns): (Vec<&str>, Vec<usize>) = names
            .iter()
            .filter(|(name, _)| !name.is_empty())
            .map(|(name, &i)| (name.as_str(), i))
            .unzip();
        let finder = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(texts)
            .expect("the lexicon's names make an automaton");
        Lexicon {
            entries,
            names,
            finder,
            patterns,
        }
    }

    /// The entry a name (label or alias) denotes.
    pub fn lookup(&self, name: &str) -> Option<&LexiconEntry> {
        self.names.get(&fold(name)).map(|&i| &self.entries[i])
    }

    pub fn lookup_index(&self, name: &str) -> Option<usize> {
        self.names.get(&fold(name)).copied()
    }

    /// Every name with its entry, for building the segmenter's dictionary.
    pub fn names(&self) -> impl Iterator<Item = (&str, &LexiconEntry)> {
        self.names
            .iter()
            .map(|(name, &i)| (name.as_str(), &self.entries[i]))
    }

    /// Leftmost-longest matches of lexicon names in `text`.
    pub fn find(&self, text: &str) -> Vec<LexiconMatch> {
        let folded = fold(text);
        // Folding keeps the number of chars, not always of bytes: map
        // offsets in the folded text back through char positions.
        let back: Option<(Vec<usize>, Vec<usize>)> = (folded.len() != text.len()).then(|| {
            let starts = text.char_indices().map(|(i, _)| i).chain([text.len()]);
            let fstarts = folded.char_indices().map(|(i, _)| i);
            (fstarts.chain([folded.len()]).collect(), starts.collect())
        });
        let original = |at: usize| match &back {
            Some((fstarts, starts)) => fstarts.binary_search(&at).map_or(at, |c| starts[c]),
            None => at,
        };
        self.finder
            .find_iter(&folded)
            .map(|m| LexiconMatch {
                start: original(m.start()),
                end: original(m.end()),
                entry: self.patterns[m.pattern().as_usize()],
            })
            .collect()
    }
}

/// Folds the variants that make no difference to a name: ASCII and
/// full-width parentheses, and white space removed... one char per char.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            _ => c,
        })
        .collect()
}

/// Name variants the press uses for zones and areas.
fn add_variants(entry: &mut LexiconEntry) {
    let mut extra = Vec::new();
    match entry.class {
        Class::FreeTradeZone => {
            if let Some(p) = &entry.province
                && entry.label.contains("自由贸易试验区")
            {
                extra.push(format!("{p}自由贸易试验区"));
                extra.push(format!("{p}自贸试验区"));
                extra.push(format!("{p}自贸区"));
            }
        }
        Class::Area => {
            let shorts: Vec<String> = entry
                .aliases
                .iter()
                .filter(|a| a.ends_with("片区") || a.ends_with("组团"))
                // 哈尔滨自贸片区 is already a variant: no 哈尔滨自贸自贸片区.
                .filter(|a| !a.contains("自贸"))
                .cloned()
                .collect();
            for short in &shorts {
                extra.push(format!("自贸试验区{short}"));
                extra.push(format!("自贸区{short}"));
                if let Some(p) = &entry.province {
                    extra.push(format!("{p}自贸试验区{short}"));
                    extra.push(format!("{p}自贸区{short}"));
                }
                if let Some(stem) = short.strip_suffix("片区") {
                    extra.push(format!("{stem}自贸片区"));
                }
            }
        }
        _ => {}
    }
    for name in extra {
        if name != entry.label && !entry.aliases.contains(&name) {
            entry.aliases.push(name);
        }
    }
}

/// Non-comment, non-empty lines split at tabs, with their line numbers.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn split_aliases(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

fn non_empty(field: Option<&&str>) -> Option<String> {
    field.filter(|f| !f.is_empty()).map(|f| (*f).to_owned())
}

fn field_error(file: &'static str, line: usize, message: &str) -> LexiconError {
    LexiconError {
        file,
        line,
        message: message.to_owned(),
    }
}

fn read_zones(text: &str) -> Result<Vec<LexiconEntry>, LexiconError> {
    rows(text)
        .map(|(line, f)| {
            let class = f[0]
                .parse::<Class>()
                .map_err(|e| field_error("zones.tsv", line, &e))?;
            if f.len() < 2 || f[1].is_empty() {
                return Err(field_error("zones.tsv", line, "missing label"));
            }
            Ok(LexiconEntry {
                class,
                label: f[1].to_owned(),
                aliases: f.get(2).map(|a| split_aliases(a)).unwrap_or_default(),
                part_of: non_empty(f.get(3)),
                province: non_empty(f.get(4)),
                city: non_empty(f.get(5)),
                approved: f.get(6).and_then(|y| y.parse().ok()),
                kind: None,
            })
        })
        .collect()
}

fn read_places(text: &str) -> Result<Vec<LexiconEntry>, LexiconError> {
    rows(text)
        .map(|(line, f)| {
            if f.len() < 2 || f[1].is_empty() {
                return Err(field_error("places.tsv", line, "missing label"));
            }
            Ok(LexiconEntry {
                class: Class::Place,
                label: f[1].to_owned(),
                aliases: f.get(2).map(|a| split_aliases(a)).unwrap_or_default(),
                part_of: None,
                province: non_empty(f.get(3)),
                city: None,
                approved: None,
                kind: Some(f[0].to_owned()),
            })
        })
        .collect()
}

fn read_bodies(text: &str) -> Result<Vec<LexiconEntry>, LexiconError> {
    rows(text)
        .map(|(line, f)| {
            if f[0].is_empty() {
                return Err(field_error("bodies.tsv", line, "missing label"));
            }
            Ok(LexiconEntry {
                class: Class::GovernmentBody,
                label: f[0].to_owned(),
                aliases: f.get(1).map(|a| split_aliases(a)).unwrap_or_default(),
                part_of: None,
                province: None,
                city: None,
                approved: None,
                kind: non_empty(f.get(2)),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::builtin().expect("reference data parses")
    }

    #[test]
    fn every_zone_and_the_free_trade_port_is_listed() {
        let lex = lexicon();
        let zones = lex
            .entries
            .iter()
            .filter(|e| e.class == Class::FreeTradeZone)
            .count();
        assert_eq!(zones, 23, "22 pilot zones and the Hainan free trade port");
        let harbin = lex.lookup("哈尔滨片区").expect("harbin area");
        assert_eq!(harbin.label, "中国（黑龙江）自由贸易试验区哈尔滨片区");
        assert_eq!(
            harbin.part_of.as_deref(),
            Some("中国（黑龙江）自由贸易试验区")
        );
    }

    #[test]
    fn press_variants_resolve_to_the_canonical_entry() {
        let lex = lexicon();
        for name in [
            "黑河自贸片区",
            "自贸试验区哈尔滨片区",
            "黑龙江自贸试验区",
            "中国(黑龙江)自由贸易试验区",
        ] {
            assert!(lex.lookup(name).is_some(), "{name}");
        }
        assert_eq!(
            lex.lookup("黑河自贸片区").unwrap().label,
            "中国（黑龙江）自由贸易试验区黑河片区"
        );
    }

    #[test]
    fn finds_longest_names_first() {
        let lex = lexicon();
        let text = "中国（黑龙江）自由贸易试验区哈尔滨片区位于哈尔滨市，商务部发布通知。";
        let found: Vec<&str> = lex
            .find(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(
            found,
            vec![
                "中国（黑龙江）自由贸易试验区哈尔滨片区",
                "哈尔滨市",
                "商务部"
            ]
        );
    }
}
