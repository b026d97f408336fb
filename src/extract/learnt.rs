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
use crate::model::{Class, EntityKey};
use std::collections::HashMap;

/// Names found anywhere in a document, so a name found by a rule in one
/// sentence is recognised wherever else it appears.
pub(super) type Dictionary = HashMap<String, EntityKey>;

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
                    dictionary
                        .entry(name.clone())
                        .or_insert_with(|| m.key.clone());
                }
            }
            // 凭祥综保区 for 凭祥综合保税区, later in the text.
            if m.class() == Class::SpecialZone {
                for short in abbreviated(known, &m.key.label) {
                    dictionary.entry(short).or_insert_with(|| m.key.clone());
                }
            }
            // 海纳云链 for 青岛海纳云链科技有限公司, later in the text.
            if m.class() == Class::Firm && !m.nested {
                for short in firm_names::short_forms(known, &m.key.label) {
                    if known.lexicon.lookup(&short).is_none() {
                        dictionary.entry(short).or_insert_with(|| m.key.clone());
                    }
                }
            }
        }
        for (alias, at) in &s.aliases {
            let owner = mentions.iter().rev().find(|m| m.end == *at && !m.nested);
            if let Some(owner) = owner.filter(|m| m.entry.is_none()) {
                dictionary.insert(alias.clone(), owner.key.clone());
                if owner.key.class == Class::Firm {
                    dictionary.insert(format!("{alias}公司"), owner.key.clone());
                }
            }
        }
    }
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
        let mut names: Vec<(&String, &EntityKey)> = dictionary.iter().collect();
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
