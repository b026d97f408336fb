//! Names in apposition: firms right after 片区企业 / 链主企业——, and trade
//! agreements written as acronyms before 原产地. Input: a sentence;
//! output: mentions added.

use super::endings::{is_trigger_word, word_is_stop};
use super::spans::is_boundary_char;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add, is_free};
use crate::extract::rule_kinds::WordList;
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// Firms named right after 片区企业 / 片区内企业—— / 链主企业.
pub fn appositions(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for marker in known.rules.words(WordList::FirmAppositions) {
        let mut from = 0;
        while let Some(at) = text[from..].find(marker) {
            let start = from + at + marker.len();
            from = start;
            let Some(first) = s.word_starting_at(start) else {
                continue;
            };
            let mut end = start;
            let mut terminated = false;
            for i in first..s.words.len() {
                let w = s.word(i);
                // 片区企业注销“一键清”: words running into a quote open
                // the quoted practice's name, not a firm's.
                if w.starts_with(['“', '「']) {
                    break;
                }
                if w.chars().any(is_boundary_char)
                    || word_is_stop(known, w)
                    || is_trigger_word(known, w)
                {
                    terminated = true;
                    break;
                }
                end = s.words[i].end;
                if text[start..end].chars().count() > 8 {
                    break;
                }
            }
            if !terminated {
                continue;
            }
            let name = &text[start..end];
            let n = name.chars().count();
            if (2..=8).contains(&n) && is_free(mentions, start, end) {
                add(mentions, Mention::new(Class::Firm, name, start, end));
            }
        }
    }
}

/// A trade agreement written as its acronym before 原产地 (RCEP 原产地证书).
pub fn acronym_agreements(s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for (i, _) in text.match_indices("原产地") {
        let before = text[..i].trim_end();
        let acronym: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_uppercase())
            .collect();
        let n = acronym.len();
        if (3..=6).contains(&n) {
            let start = before.len() - n;
            if is_free(mentions, start, before.len()) {
                add(
                    mentions,
                    Mention::new(Class::Policy, &before[start..], start, before.len()),
                );
            }
        }
    }
}
