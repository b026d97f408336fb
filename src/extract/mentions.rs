//! Finds entity mentions in one sentence, strongest evidence first:
//! reference names (lexicon, checked against jieba's word boundaries),
//! 《》 titles, quoted names classified by their context, recognitions after
//! 入选/获批, names found by their ending, enumerations, firms in apposition.

use super::knowledge::Knowledge;
use super::mention::{Mention, add};
use super::names;
use super::rules::WordList;
use super::sentence::Sentence;
use crate::model::Class;
use regex::Regex;
use std::sync::LazyLock;

/// Names this short or shorter must coincide with jieba words.
const SHORT_NAME: usize = 3;

/// Every mention in a sentence, in text order.
pub fn find(known: &Knowledge, sentence: &Sentence<'_>) -> Vec<Mention> {
    let mut mentions = Vec::new();
    lexicon_names(known, sentence, &mut mentions);
    names_sharing_a_head(known, sentence, &mut mentions);
    names::item_titles(known, sentence, &mut mentions);
    names::book_titles(known, sentence, &mut mentions);
    names::recognitions(known, sentence, &mut mentions);
    names::announced(known, sentence, &mut mentions);
    names::quoted(known, sentence, &mut mentions);
    names::acronym_agreements(sentence, &mut mentions);
    names::by_ending(known, sentence, &mut mentions);
    names::notice_titles(known, sentence, &mut mentions);
    names::made_phrases(known, sentence, &mut mentions);
    names::selected_phrases(known, sentence, &mut mentions);
    names::copied_phrases(known, sentence, &mut mentions);
    names::coordinated(known, sentence, &mut mentions);
    names::practice_lists(known, sentence, &mut mentions);
    names::enumerations(known, sentence, &mut mentions);
    names::appositions(known, sentence, &mut mentions);
    // 这一模式, 该做法 refer back; they name nothing themselves.
    mentions.retain(|m| !known.rules.is_word(WordList::Anaphora, &m.key.label));
    mentions.retain(|m| m.entry.is_some() || !starts_with_count(known, sentence, m));
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions
}

/// 26项改革创新行动, (84)个同类型保税物流中心: a span that begins with a
/// count is a quantity of things, not a name.
fn starts_with_count(known: &Knowledge, sentence: &Sentence<'_>, m: &Mention) -> bool {
    let text = &sentence.text[m.start..m.end];
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after_number = sentence.text[..m.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit());
    (digits > 0 || after_number)
        && known
            .rules
            .starts_with_word(WordList::ListCounters, &text[digits..])
            .is_some()
}

fn lexicon_names(known: &Knowledge, sentence: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &sentence.text;
    for m in known.lexicon.find(text) {
        let surface = &text[m.start..m.end];
        let aligned = sentence.starts_word(m.start) && sentence.ends_word(m.end);
        if surface.chars().count() <= SHORT_NAME && !aligned {
            continue;
        }
        let entry = &known.lexicon.entries[m.entry];
        let mut mention = Mention::new(entry.class, &entry.label, m.start, m.end);
        mention.surface = surface.to_owned();
        mention.entry = Some(m.entry);
        // 张江片区 of 张江高科技片区: the short form in full, 中国（上海）自由
        // 贸易试验区张江片区, is a name of the area too.
        if entry.class == Class::Area
            && let Some(zone) = &entry.part_of
            && surface.ends_with("片区")
            && !surface.contains("自贸")
            && !surface.contains("自由贸易")
        {
            let full = format!("{zone}{surface}");
            if full != entry.label {
                mention.aliases.push(full);
            }
        }
        add(mentions, mention);
    }
}

/// 昆明、红河、德宏三个片区, 重庆、四川两地自贸试验区, 上海、天津等自贸试验区:
/// short names listed before a head they share (`shared_heads`; a count
/// or 等 may stand between) are the names with that head, when the lexicon
/// knows every one of them; they replace the places those short names
/// would otherwise be.
fn names_sharing_a_head(known: &Knowledge, sentence: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:\p{Han}{2,6}[、和及])+\p{Han}{2,6})(?:等)?([两二三四五六七八九十\d]+)个(\p{Han}{2,5})")
            .expect("a valid regex")
    });
    // 重庆、四川两地自贸试验区, 上海、天津等自贸试验区: zones by their
    // provinces' short names, a count or 等 optional.
    static ZONES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:[\p{Han}--[等的]]{2,3}[、和及])+[\p{Han}--[等的]]{2,3}?)(?:等)?(?:([两二三四五六七八九十\d]+)(?:个|地|省|省市))?的?(自贸试验区|自由贸易试验区)")
            .expect("a valid regex")
    });
    // 在南京、苏州片区范围内实施: areas by their short names, no count (the
    // empty group keeps the head third, as in the lists above).
    static AREAS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"((?:[\p{Han}--[等的和及、]]{2,5}[、和及])+[\p{Han}--[等的]]{2,5}?)(?:等)?()(片区)",
        )
        .expect("a valid regex")
    });
    let text = &sentence.text;
    let all = LIST
        .captures_iter(text)
        .chain(ZONES.captures_iter(text))
        .chain(AREAS.captures_iter(text));
    for caps in all {
        let (Some(list), Some(head)) = (caps.get(1), caps.get(3)) else {
            continue;
        };
        let Some(head) = known
            .rules
            .words(WordList::SharedHeads)
            .iter()
            .find(|h| head.as_str().starts_with(h.as_str()))
        else {
            continue;
        };
        let items: Vec<&str> = list.as_str().split(['、', '和', '及']).collect();
        let mut found = Vec::new();
        let mut at = list.start();
        for (n, item) in items.iter().enumerate() {
            // The first item may carry the words before it (适用于昆明).
            let starts: Vec<usize> = if n == 0 {
                item.char_indices().map(|(i, _)| i).collect()
            } else {
                vec![0]
            };
            let named = starts.iter().find_map(|&i| {
                let name = &item[i..];
                (name.chars().count() >= 2)
                    .then(|| known.lexicon.lookup_index(&format!("{name}{head}")))
                    .flatten()
                    .map(|e| (e, at + i, at + item.len()))
            });
            // Every separator is one three-byte character.
            at += item.len() + '、'.len_utf8();
            match named {
                Some(n) => found.push(n),
                None => break,
            }
        }
        if found.len() < 2 || found.len() != items.len() {
            continue;
        }
        for (entry, start, end) in found {
            mentions.retain(|m| !(m.start >= start && m.end <= end));
            let e = &known.lexicon.entries[entry];
            let mut mention = Mention::new(e.class, &e.label, start, end);
            // A zone's surface is the short name with its head (四川自贸试验区):
            // the bare 四川 names the province elsewhere. An area's bare short
            // name (喀什) is its name elsewhere too.
            mention.surface = if e.class == crate::model::Class::FreeTradeZone {
                format!("{}{head}", &text[start..end])
            } else {
                text[start..end].to_owned()
            };
            mention.entry = Some(entry);
            add(mentions, mention);
        }
    }
}
