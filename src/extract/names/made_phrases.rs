//! Practices named without quotes after who made them: 芜湖片区首创的新能源
//! 汽车出口整车电池一体化检验，…; 霍尔果斯片区原创的二手车出口检测认证一体化
//! 在…正式运行; 合肥片区率先推出的外籍人才一卡通办服务. After a maker (a
//! zone, body, institution or firm) and a word of `made_markers`, the words
//! up to a clause mark or a word of `phrase_stops` are the practice's name
//! (a platform when its ending says so; not a count or a vague 人才服务举措). Input: a sentence and
//! the mentions found so far; output: more mentions.

use super::MAX_NAME;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add};
use crate::extract::rules::{TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// The fewest characters such a name has.
const MIN_CHARS: usize = 5;
/// The most characters (a year, 与 X) between the maker and the marker.
const MAX_GAP: usize = 8;

pub fn made_phrases(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let markers = known
        .rules
        .words(WordList::MadeMarkers)
        .iter()
        .map(|m| (m, false));
    // Without 的 the verb's object is a name only if it ends with a head noun.
    let verbs = known
        .rules
        .words(WordList::MadeVerbs)
        .iter()
        .map(|m| (m, true));
    for (marker, needs_head) in markers.chain(verbs) {
        for (at, _) in text.match_indices(marker.as_str()) {
            let from = at + marker.len();
            if !made_by_someone(s, mentions, at) {
                continue;
            }
            // 从“首创”到“复制”: a quoted word, not a verb before a name.
            if text[from..].starts_with(['”', '’', '」', '』']) {
                continue;
            }
            // A name found already (a quoted one) starts here: not ours.
            if mentions.iter().any(|m| m.start == from) {
                continue;
            }
            let Some(end) = phrase_end(known, s, from) else {
                continue;
            };
            let name = &text[from..end];
            // …率先推出保税维修一本账：维修用的料件…: or a colon says what it is.
            let described = text[end..].starts_with(['：', ':']);
            if needs_head
                && !described
                && known
                    .rules
                    .ends_with_word(WordList::MadeHeads, name)
                    .is_none()
            {
                continue;
            }
            if !sized_like_a_name(known, name)
                || known
                    .rules
                    .starts_with_word(WordList::ListCounters, name)
                    .is_some()
                || name.starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let class = match known.rules.class_by_ending(name) {
                Some((Class::Platform, _, _)) => Class::Platform,
                Some((Class::Practice | Class::Recognition, _, _)) | None => Class::Practice,
                Some(_) => continue,
            };
            let mut m = Mention::new(class, name, from, end);
            m.surface = name.to_owned();
            add(mentions, m);
        }
    }
}

/// 引进杭州片区的保税研发料件共享核销，…; 学习长沙片区保税维修料件共享核销做法:
/// an unquoted name after a copy verb and the zone it comes from (after 的,
/// or ending with a head noun without it).
pub fn copied_phrases(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let mut found: Vec<Mention> = Vec::new();
    for verb in known.rules.triggers(TriggerKind::Replicate) {
        for (at, _) in text.match_indices(verb.as_str()) {
            let after_verb = at + verb.len();
            // The longest zone right after the verb.
            let Some(zone) = mentions
                .iter()
                .filter(|m| !m.nested && m.start == after_verb && m.class().is_zone())
                .max_by_key(|m| m.end)
            else {
                continue;
            };
            let (from, needs_head) = match text[zone.end..].strip_prefix('的') {
                Some(_) => (zone.end + '的'.len_utf8(), false),
                None => (zone.end, true),
            };
            if mentions.iter().any(|m| m.start == from) || text[from..].starts_with(['“', '《'])
            {
                continue;
            }
            let Some(end) = phrase_end(known, s, from) else {
                continue;
            };
            let name = &text[from..end];
            let headed = known
                .rules
                .ends_with_word(WordList::MadeHeads, name)
                .is_some();
            if (needs_head && !headed)
                || !sized_like_a_name(known, name)
                || known
                    .rules
                    .class_by_ending(name)
                    .is_some_and(|(c, _, _)| !matches!(c, Class::Practice | Class::Recognition))
            {
                continue;
            }
            let mut m = Mention::new(Class::Practice, name, from, end);
            m.surface = name.to_owned();
            found.push(m);
        }
    }
    for m in found {
        add(mentions, m);
    }
}

/// 2025年，保税维修料件共享核销改革入选…: an unquoted name that is the
/// whole clause before a verb of selection, ending with a head noun
/// (`made_heads`), with no stop word (`phrase_stops`), number or other name
/// in it.
pub fn selected_phrases(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let verbs = known.rules.triggers(TriggerKind::Recognize).iter();
    // 保税维修一本账这项改革已被列入…: an apposition says what it is.
    let appositions = known.rules.words(WordList::PracticeAppositions).iter();
    for verb in verbs.chain(appositions) {
        let apposed = known.rules.is_word(WordList::PracticeAppositions, verb);
        for (at, _) in text.match_indices(verb.as_str()) {
            let (mut from, _) = s.clause_bounds(at);
            // （配音）保税维修一本账这项改革: a cue in brackets opens the clause.
            if text[from..at].starts_with(['（', '('])
                && let Some(close) = text[from..at].find(['）', ')'])
            {
                from += close
                    + text[from + close..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
            }
            let name = &text[from..at];
            let Some(first) = s.word_starting_at(from) else {
                continue;
            };
            let words = s.words[first..]
                .iter()
                .take_while(|w| w.end <= at)
                .map(|w| &text[w.start..w.end]);
            let plain = words.clone().all(|w| {
                !known.rules.is_word(WordList::PhraseStops, w)
                    && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            });
            // A title or a sentence that opens with it has more often a
            // maker's short name before the practice (链港数科海外仓…模式入选).
            if !plain
                || (from == 0 && !apposed)
                || name.contains('的')
                || name.starts_with(['该', '这', '此', '其', '本', '各'])
                || (!apposed
                    && known
                        .rules
                        .ends_with_word(WordList::MadeHeads, name)
                        .is_none())
                || !sized_like_a_name(known, name)
                || mentions.iter().any(|m| m.start < at && m.end > from)
            {
                continue;
            }
            let mut m = Mention::new(Class::Practice, name, from, at);
            m.surface = name.to_owned();
            add(mentions, m);
        }
    }
}

/// Long enough without its head nouns, not too long, and not a count
/// (三项…改革): what every unquoted name here must be.
fn sized_like_a_name(known: &Knowledge, name: &str) -> bool {
    core_chars(known, name) >= MIN_CHARS && name.chars().count() <= MAX_NAME && !is_count(name)
}

/// 三项保税监管…改革: a count, not a name.
const NUMERALS: &str = "一二两三四五六七八九十几多";

/// 三项…, 两批…: a numeral and a measure word.
fn is_count(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| NUMERALS.contains(c))
        && chars.next().is_some_and(|c| MEASURES.contains(c))
}

/// Measure words after a numeral.
const MEASURES: &str = "项个批类种家条张轮大";

/// The characters of a name without the head nouns it ends with.
fn core_chars(known: &Knowledge, name: &str) -> usize {
    let mut core = name;
    while let Some(head) = known.rules.ends_with_word(WordList::MadeHeads, core) {
        core = &core[..core.len() - head.len()];
    }
    core.chars().count()
}

/// Whether a maker ends shortly before `at` in its clause.
fn made_by_someone(s: &Sentence<'_>, mentions: &[Mention], at: usize) -> bool {
    let (clause_start, _) = s.clause_bounds(at);
    mentions.iter().any(|m| {
        !m.nested
            && m.start >= clause_start
            && m.end <= at
            && m.class().is_actor()
            && s.text[m.end..at].chars().count() <= MAX_GAP
    })
}

/// Where the name that starts at `from` ends: before a clause mark or a word
/// of `phrase_stops`, a number or a note mark, or after a head noun
/// (`made_heads`), at a word boundary; none when a 《 or a second 的
/// (a description, not a name) comes first.
fn phrase_end(known: &Knowledge, s: &Sentence<'_>, from: usize) -> Option<usize> {
    let first = s.word_starting_at(from)?;
    let mut end = from;
    for i in first..s.words.len() {
        let word = s.word(i);
        if word
            .chars()
            .all(|c| "，,。；;：:、！？!?（(）)".contains(c))
            || word.contains(['[', '［', '【', '〔'])
            || word.contains(|c: char| c.is_ascii_digit())
            || known.rules.is_word(WordList::PhraseStops, word)
        {
            break;
        }
        if word == "的" || word.contains('《') {
            return None;
        }
        end = s.words[i].end;
        // A head noun ends the name (…一仓通退模式累计处理…), unless the
        // name goes on into a longer head (…融资服务平台).
        let next = s.words.get(i + 1).map(|w| &s.text[w.start..w.end]);
        if known.rules.is_word(WordList::MadeHeads, word)
            && !next.is_some_and(|n| {
                known.rules.is_word(WordList::MadeHeads, n)
                    || known.rules.class_by_ending(n).is_some()
            })
        {
            break;
        }
    }
    (end > from).then_some(end)
}
