//! Recognitions after 入选/获批/被认定为: the phrase up to a recognition
//! ending (案例, 样板, 口岸), or each item of a list. Input: a sentence;
//! output: Recognition mentions added.

use super::MAX_NAME;
use super::quotes::is_boundary_char;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add, clean_label, is_free};
use crate::extract::rules::{EndingUse, TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// Recognitions after 入选/获批/被认定为: the phrase up to an ending such as
/// 案例, 样板, 口岸, 枢纽 (or a list of them up to 等).
pub fn recognitions(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let mut claimed: Vec<(usize, usize)> = Vec::new();
    for trigger in known.rules.triggers(TriggerKind::Recognize) {
        let mut from = 0;
        while let Some(at) = text[from..].find(trigger.as_str()) {
            let trigger_start = from + at;
            let start = trigger_start + trigger.len();
            from = start;
            let taken = claimed.iter().any(|&(a, b)| trigger_start < b && a < start);
            if taken || !s.starts_word(trigger_start) {
                continue;
            }
            claimed.push((trigger_start, start));
            // 入选了…案例: the aspect particle is not part of the name.
            let start = start
                + text[start..]
                    .strip_prefix('了')
                    .map_or(0, |_| '了'.len_utf8());
            let (_, clause_end) = s.clause_bounds(start);
            let phrase = &text[start..clause_end];
            let phrase_list_end = phrase.find('等').unwrap_or(phrase.len());
            let items: Vec<&str> = phrase[..phrase_list_end].split('、').collect();
            if items.len() > 1 {
                recognition_list(known, mentions, start, &items);
                continue;
            }
            let Some(end) = recognition_end(known, text, start, clause_end) else {
                continue;
            };
            let raw = text[start..end].trim();
            // 入选商务部公布的第五批…案例: who published it is not the name.
            let raw = known
                .rules
                .words(WordList::PublisherOf)
                .iter()
                .find_map(|w| raw.split_once(w.as_str()).map(|(_, r)| r))
                .filter(|r| r.chars().count() >= 6)
                .unwrap_or(raw);
            let label = clean_label(raw.trim_start_matches(|c: char| {
                c.is_ascii_digit() || c.is_whitespace() || c == '年'
            }));
            let bare = clean_label(raw);
            let n = label.chars().count();
            if !(4..=MAX_NAME).contains(&n) || is_generic_name(known, &label) {
                continue;
            }
            // A year before the name is part of it (2022 年…枢纽); the name
            // without it is an alias.
            let mut m = Mention::new(Class::Recognition, &bare, start, end);
            if bare != label {
                m.aliases.push(label);
            }
            add(mentions, m);
        }
    }
}

/// 获批了 A、B、C 等资质: each item is a recognition, except a zone type
/// (跨境电子商务综合试验区), which stays a zone.
pub(super) fn recognition_list(
    known: &Knowledge,
    mentions: &mut Vec<Mention>,
    start: usize,
    items: &[&str],
) {
    let mut offset = start;
    for item in items {
        let lead = item.len() - item.trim_start().len();
        let item_start = offset + lead;
        let item_end = offset + item.trim_end().len();
        let name = item.trim();
        let class = match known.rules.class_by_ending(name) {
            Some((c @ Class::SpecialZone, EndingUse::Strong, ending)) if ending.ends_with('区') => {
                c
            }
            _ => Class::Recognition,
        };
        if name.chars().count() >= 4 && is_free(mentions, item_start, item_end) {
            add(mentions, Mention::new(class, name, item_start, item_end));
        }
        offset += item.len() + '、'.len_utf8();
    }
}

/// A name whose words before its ending are all generic (省级案例).
pub(super) fn is_generic_name(known: &Knowledge, name: &str) -> bool {
    match known.rules.class_by_ending(name) {
        // The ending may sit before a parenthetical: then no prefix is cut.
        Some((_, _, ending)) => name
            .strip_suffix(ending)
            .is_some_and(|modifier| known.rules.is_generic(modifier)),
        None => false,
    }
}

/// The end of a recognition name: the longest prefix of the clause that
/// ends with a recognition ending followed by a boundary.
pub(super) fn recognition_end(
    known: &Knowledge,
    text: &str,
    start: usize,
    clause_end: usize,
) -> Option<usize> {
    let mut best = None;
    let phrase = &text[start..clause_end];
    for (i, c) in phrase.char_indices() {
        let end = i + c.len_utf8();
        let head = phrase[..end].trim_end_matches(['”', '」']);
        let ends_like = known
            .rules
            .endings
            .iter()
            .filter(|e| e.class == Class::Recognition)
            .any(|e| head.ends_with(e.text.as_str()));
        if !ends_like {
            continue;
        }
        let next = phrase[end..].chars().next();
        let rest = &phrase[end..];
        let boundary = match next {
            None => true,
            Some(n) => {
                is_boundary_char(n)
                    || "等的和及并".contains(n)
                    || n.is_whitespace()
                    || known
                        .rules
                        .starts_with_word(WordList::ReportVerbs, rest)
                        .is_some()
            }
        };
        if boundary {
            best = Some(start + end);
            // The first complete name wins: “最佳实践案例”“下一项”…
            if next == Some('“') || next == Some('，') {
                break;
            }
        }
    }
    best
}
