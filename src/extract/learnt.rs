//! Names learnt in a document's first pass (what rules found, aliases the
//! text declares, short forms), found again wherever the document repeats
//! them. Input: an article's sentences and their mentions; output: more
//! mentions.

use super::finder;
use super::firm_names;
use super::knowledge::Knowledge;
use super::mention::{self, Mention};
use super::rule_kinds::WordList;
use super::sentence::Sentence;
use crate::identity::{IdentityRules, holds_in_order};
use crate::model::{Class, EntityKey};
use std::collections::{HashMap, HashSet};

/// Names found anywhere in a document, so a name found by a rule in one
/// sentence is recognised wherever else it appears.
#[derive(Default)]
pub(super) struct Dictionary {
    names: HashMap<String, EntityKey>,
    /// Names that are some entity's label: no other entity's alias takes them.
    labels: HashSet<String>,
    /// Aliases of two unrelated entities (“白名单” of 保税维修白名单 and of
    /// 跨境人民币结算白名单): they name neither.
    shared: HashSet<String>,
}

impl Dictionary {
    pub(super) fn new() -> Dictionary {
        Dictionary::default()
    }

    /// Learns `name` for `key`; the first entity keeps a name, but a label
    /// beats an alias, and an alias of two unrelated entities names none.
    fn learn(&mut self, name: &str, key: &EntityKey) {
        let is_label = name == key.label;
        match self.names.get(name) {
            None => {
                self.names.insert(name.to_string(), key.clone());
            }
            Some(owner) if owner == key || self.labels.contains(name) => {}
            Some(_) if is_label => {
                self.names.insert(name.to_string(), key.clone());
                self.shared.remove(name);
            }
            Some(owner) => {
                if !same_thing(owner, key) {
                    self.shared.insert(name.to_string());
                }
            }
        }
        if is_label {
            self.labels.insert(name.to_string());
        }
    }

    /// Learns `name` for `key` whoever had it before (a declared alias).
    fn declare(&mut self, name: String, key: &EntityKey) {
        self.shared.remove(&name);
        self.names.insert(name, key.clone());
    }
}

/// Adds mentions of names learnt elsewhere in the document.
/// First pass: names that rules found, and aliases the text declares.
pub(super) fn learn_names(
    known: &Knowledge,
    sentences: &[(Sentence<'_>, Vec<Mention>)],
    dictionary: &mut Dictionary,
) {
    for (s, mentions) in sentences {
        for m in mentions.iter().filter(|m| m.entry.is_none()) {
            for name in std::iter::once(&m.key.label).chain(&m.aliases) {
                if name.chars().count() >= 3 {
                    dictionary.learn(name, &m.key);
                }
            }
            // 凭祥综保区 for 凭祥综合保税区, later in the text.
            if m.class() == Class::SpecialZone {
                for short in abbreviated(known, &m.key.label) {
                    dictionary.learn(&short, &m.key);
                }
            }
            // 海纳云链 for 青岛海纳云链科技有限公司, later in the text.
            if m.class() == Class::Firm && !m.nested {
                for short in firm_names::short_forms(known, &m.key.label) {
                    if known.lexicon.lookup(&short).is_none() {
                        dictionary.learn(&short, &m.key);
                    }
                }
            }
        }
        for (alias, at) in &s.aliases {
            let owner = mentions.iter().rev().find(|m| m.end == *at && !m.nested);
            if let Some(owner) = owner.filter(|m| m.entry.is_none()) {
                dictionary.declare(alias.clone(), &owner.key);
                if owner.key.class == Class::Firm {
                    dictionary.declare(format!("{alias}公司"), &owner.key);
                }
            }
        }
    }
}

/// Whether two names of one class may be one thing named two ways:
/// 保税维修白名单 and 保税维修白名单监管模式, 跨境税费一码清缴 and 一码清缴改革
/// (keys inside each other), 诉调仲一站式衔接机制 and 诉调仲衔接机制 (one
/// holds the other's characters in order).
fn same_thing(a: &EntityKey, b: &EntityKey) -> bool {
    if a.class != b.class {
        return false;
    }
    let rules = IdentityRules::builtin();
    let key = |k: &EntityKey| {
        if k.class == Class::Practice {
            rules.key(&k.label).0
        } else {
            k.label.clone()
        }
    };
    let (a, b) = (key(a), key(b));
    a.contains(&b) || b.contains(&a) || holds_in_order(&a, &b) || holds_in_order(&b, &a)
}

/// The short forms of a zone's name by `head_abbreviations` (FULL=SHORT).
fn abbreviated(known: &Knowledge, label: &str) -> Vec<String> {
    known
        .rules
        .words(WordList::HeadAbbreviations)
        .iter()
        .filter_map(|pair| pair.split_once('='))
        .filter_map(|(full, short)| {
            let stem = label.strip_suffix(full)?;
            (stem.chars().count() >= 2).then(|| format!("{stem}{short}"))
        })
        .collect()
}

/// The names a document's first pass learnt, longest first, with one
/// automaton that finds them all in a sentence.
pub(super) struct KnownNames<'d> {
    names: Vec<(&'d String, &'d EntityKey)>,
    finder: finder::WordFinder,
}

impl<'d> KnownNames<'d> {
    pub(super) fn new(dictionary: &'d Dictionary) -> KnownNames<'d> {
        let mut names: Vec<(&String, &EntityKey)> = dictionary
            .names
            .iter()
            .filter(|(name, _)| !dictionary.shared.contains(*name))
            .collect();
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
        let words: Vec<&str> = names.iter().map(|(name, _)| name.as_str()).collect();
        KnownNames {
            finder: finder::WordFinder::new(&words),
            names,
        }
    }
}

/// Adds the learnt names a sentence holds where no mention is: longer
/// names first, each from left to right.
pub(super) fn known_names(
    s: &Sentence<'_>,
    dictionary: &KnownNames<'_>,
    mentions: &mut Vec<Mention>,
) {
    if dictionary.names.is_empty() {
        return;
    }
    for (index, start) in dictionary.finder.occurrences(&s.text) {
        let (name, key) = dictionary.names[index];
        let end = start + name.len();
        // A reference name inside (凭祥 in 凭祥综保区) becomes nested.
        let free = mentions
            .iter()
            .filter(|m| m.start < end && start < m.end)
            .all(|m| {
                m.entry.is_some()
                    && m.start >= start
                    && m.end <= end
                    && m.end - m.start < end - start
            });
        if free {
            let mut m = Mention::new(key.class, &key.label, start, end);
            m.surface = name.clone();
            mention::add(mentions, m);
        }
    }
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn practice(label: &str) -> EntityKey {
        EntityKey {
            class: Class::Practice,
            label: label.into(),
        }
    }

    fn names(d: &Dictionary) -> Vec<(String, String)> {
        let known = KnownNames::new(d);
        let mut out: Vec<_> = known
            .names
            .iter()
            .map(|(n, k)| (n.to_string(), k.label.clone()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn an_alias_of_two_unrelated_practices_names_neither() {
        let mut d = Dictionary::new();
        let repair = practice("保税维修白名单");
        let money = practice("跨境人民币结算白名单");
        for (name, key) in [
            ("保税维修白名单", &repair),
            ("白名单", &repair),
            ("跨境人民币结算白名单", &money),
            ("白名单", &money),
        ] {
            d.learn(name, key);
        }
        let got = names(&d);
        assert!(!got.iter().any(|(n, _)| n == "白名单"), "{got:?}");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn an_alias_of_one_practice_named_two_ways_still_names_it() {
        let mut d = Dictionary::new();
        let short = practice("保税维修白名单");
        let long = practice("保税维修白名单监管模式");
        d.learn("白名单", &short);
        d.learn("白名单", &long);
        assert!(names(&d).contains(&("白名单".into(), "保税维修白名单".into())));
        let mut d = Dictionary::new();
        d.learn("一码清缴", &practice("跨境税费一码清缴"));
        d.learn("一码清缴", &practice("一码清缴改革"));
        d.learn("诉调仲", &practice("诉调仲一站式衔接机制"));
        d.learn("诉调仲", &practice("诉调仲衔接机制"));
        assert_eq!(names(&d).len(), 2);
    }

    #[test]
    fn a_label_beats_an_earlier_alias() {
        let mut d = Dictionary::new();
        d.learn("一单制", &practice("多式联运一单制"));
        d.learn("一单制", &practice("一单制"));
        d.learn("一单制", &practice("公铁联运一单制"));
        assert!(names(&d).contains(&("一单制".into(), "一单制".into())));
    }
}
