//! Recognitions after 入选/获批/被认定为: the phrase up to a recognition
//! ending (案例, 样板, 口岸), or each item of a list. Input: a sentence;
//! output: Recognition mentions added.

use super::MAX_NAME;
use super::spans::is_boundary_char;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add, clean_label, is_free};
use crate::extract::rules::{EndingUse, TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// The fewest characters after 的 that can name a selection on their own
/// (研发企业, 十佳案例 cannot; 全国供应链创新与应用示范企业 can).
const MIN_AFTER_DE: usize = 8;

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
            // 授予 A、B 等10个单位“R”称号: the title is the last quote.
            if known.rules.is_word(WordList::RecipientVerbs, trigger)
                && let Some(q) = phrase.rfind('“')
            {
                given_title(known, text, start + q, clause_end, mentions);
                continue;
            }
            // 被评为“杭州市跨境电商出口品牌服务商”: a quotation that is the
            // whole object of the verb names the title, whatever its ending.
            if let Some(title) = quoted_object(known, phrase) {
                let at = start + (phrase.len() - phrase.trim_start().len());
                add(
                    mentions,
                    Mention::new(Class::Recognition, title, at, at + title.len() + 6),
                );
                continue;
            }
            let phrase_list_end = phrase.find('等').unwrap_or(phrase.len());
            let items: Vec<&str> = phrase[..phrase_list_end].split('、').collect();
            if items.len() > 1 {
                // 列入白名单的企业，实行“一次备案、分批进口”: a clause, not a list of titles.
                if !items.iter().any(|i| i.contains(['的', '“', '”'])) {
                    recognition_list(known, mentions, start, &items);
                }
                continue;
            }
            let Some(end) = recognition_end(known, text, start, clause_end) else {
                continue;
            };
            // 授予“…示范企业”称号, 荣获…示范平台称号: the title is the name.
            let end = without_title_word(known, text, start, end);
            // 列入白名单的企业, 获得感强的制度创新成果: a phrase with 的 is
            // no title; the words after the last 的 may be one, when they
            // are long enough to name a selection.
            let raw = match text[start..end].trim().rsplit_once('的') {
                Some((_, rest)) if rest.chars().count() >= MIN_AFTER_DE => rest,
                Some(_) => continue,
                None => text[start..end].trim(),
            };
            // 入选商务部公布的第五批…案例: who published it is not the name.
            let raw = known
                .rules
                .words(WordList::PublisherOf)
                .iter()
                .find_map(|w| raw.split_once(w.as_str()).map(|(_, r)| r))
                .filter(|r| r.chars().count() >= 6)
                .unwrap_or(raw);
            // 获评海关总署“…优秀平台”: the body that awards it opens the
            // phrase; the name without it is the label, with it an alias.
            let awarded_by = clean_label(raw);
            let raw = without_awarder(mentions, text, raw, end);
            let label = clean_label(without_year(raw));
            let bare = clean_label(raw);
            let n = label.chars().count();
            // 入选上述首批案例: refers back to a list named before, no name.
            let referring = known
                .rules
                .starts_with_word(WordList::ReferringLeads, &label)
                .is_some();
            if !(4..=MAX_NAME).contains(&n) || is_generic_name(known, &label) || referring {
                continue;
            }
            // A year before the name is part of it (2022 年…枢纽); the name
            // without it is an alias.
            let mut m = Mention::new(Class::Recognition, &bare, start, end);
            for alias in [label, awarded_by] {
                if alias != bare && !m.aliases.contains(&alias) {
                    m.aliases.push(alias);
                }
            }
            add(mentions, m);
        }
    }
}

/// “R” or “R”称号 as the whole object of a verb of recognition: the text
/// inside the marks, when it does not end like a practice, a platform or a
/// policy (入选“一件事一次办”改革 names a practice, not a title).
fn quoted_object<'t>(known: &Knowledge, phrase: &'t str) -> Option<&'t str> {
    let inner = phrase.trim_start().strip_prefix('“')?;
    let (title, rest) = inner.split_once('”')?;
    let rest = rest.trim();
    let whole = rest.is_empty()
        || known
            .rules
            .words(WordList::TitleWords)
            .iter()
            .any(|w| rest == w.as_str());
    let other = matches!(
        known.rules.class_by_ending(title),
        Some((Class::Practice | Class::Platform | Class::Policy, _, _))
    );
    (whole && !other && (5..=MAX_NAME).contains(&title.chars().count())).then_some(title)
}

/// The quoted title a verb of giving names after its receivers (授予…“R”称号).
fn given_title(
    known: &Knowledge,
    text: &str,
    start: usize,
    clause_end: usize,
    mentions: &mut Vec<Mention>,
) {
    let Some(end) = recognition_end(known, text, start, clause_end) else {
        return;
    };
    let end = without_title_word(known, text, start, end);
    let label = clean_label(&text[start..end]);
    let n = label.chars().count();
    if (4..=MAX_NAME).contains(&n) && !is_generic_name(known, &label) {
        add(
            mentions,
            Mention::new(Class::Recognition, &label, start, end),
        );
    }
}

/// The end of a recognition name without the word that says it is a title
/// (…示范平台称号, 国家级专精特新“小巨人”企业称号: what stands before 称号 is
/// the title whatever it ends with), when four characters or more are
/// left; else `end`.
fn without_title_word(known: &Knowledge, text: &str, start: usize, end: usize) -> usize {
    let Some(word) = known
        .rules
        .ends_with_word(WordList::TitleWords, &text[start..end])
    else {
        return end;
    };
    let cut = end - word.len();
    let rest = text[start..cut].trim_end_matches(['”', '」']);
    if rest.chars().count() >= 4 { cut } else { end }
}

/// A recognition phrase without the organisation it opens with (海关总署
/// “…优秀平台” → “…优秀平台”), when at least six characters are left.
fn without_awarder<'t>(mentions: &[Mention], text: &'t str, raw: &'t str, end: usize) -> &'t str {
    let start = end - raw.len();
    mentions
        .iter()
        .filter(|m| m.start == start && m.end < end && m.class().is_organisation())
        .map(|m| &text[m.end..end])
        .filter(|rest| rest.chars().count() >= 6)
        .min_by_key(|rest| rest.len())
        .unwrap_or(raw)
}

/// The end of a recognition name with the parenthetical after it that says
/// which selection it is (…协同创新成果（第二批）): series_marks in it.
fn with_series_note(known: &Knowledge, text: &str, end: usize, clause_end: usize) -> usize {
    let rest = &text[end..clause_end];
    let Some(inner) = rest.strip_prefix('（') else {
        return end;
    };
    match inner.find('）') {
        Some(close)
            if inner[..close].chars().count() <= 6
                && known
                    .rules
                    .contains_word(WordList::SeriesMarks, &inner[..close]) =>
        {
            end + '（'.len_utf8() + close + '）'.len_utf8()
        }
        _ => end,
    }
}

/// A name without the year it opens with (2024年度省级… → 省级…).
fn without_year(name: &str) -> &str {
    let rest = name.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    if rest.len() == name.len() {
        return name;
    }
    rest.strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
        .unwrap_or(name)
}

/// A list announced before the names selected into it: 公布第六批专精特新
/// “小巨人”企业名单，X 榜上有名. The phrase after an announce verb up to a
/// recognition ending is a recognition when it names a selection
/// (series_marks: 第N批, 年度, 十佳) or a list (名单); its label leaves out
/// the kind of list and a lead such as 新一批 (recognition_leads), which
/// stay in an alias.
pub fn announced(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let rules = &known.rules;
    for verb in rules.words(WordList::AnnounceVerbs) {
        for (at, _) in text.match_indices(verb.as_str()) {
            let start = at + verb.len();
            // 商务部发布的…案例 modifies a name 入选 found: not announced here.
            if !s.starts_word(at) || text[start..].starts_with('的') {
                continue;
            }
            let (_, clause_end) = s.clause_bounds(start);
            let Some(end) = recognition_end(known, text, start, clause_end) else {
                continue;
            };
            let end = with_series_note(known, text, end, clause_end);
            let full = clean_label(text[start..end].trim());
            let kind = rules.ends_with_word(WordList::TableKinds, &full);
            let name = &full[..full.len() - kind.map_or(0, str::len)];
            let lead = rules.starts_with_word(WordList::RecognitionLeads, name);
            let label = &name[lead.map_or(0, str::len)..];
            let selection = rules.contains_word(WordList::SeriesMarks, label) || kind.is_some();
            let is_recognition = matches!(
                rules.class_by_ending(label),
                Some((Class::Recognition, _, _))
            );
            if !selection
                || !is_recognition
                || !(6..=MAX_NAME).contains(&label.chars().count())
                || is_generic_name(known, label)
            {
                continue;
            }
            let mut m = Mention::new(Class::Recognition, label, start, end);
            if full != label {
                m.aliases.push(full.clone());
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
            // The first complete name wins: “最佳实践案例”“下一项”…; but a
            // quoted head after a series (…试点“最佳实践案例”) is part of it.
            let quoted = phrase[..end].ends_with(['”', '」']);
            if (next == Some('“') && quoted) || next == Some('，') {
                break;
            }
        }
    }
    best
}
