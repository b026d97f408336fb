//! Names in lists: items of A、B、C等… take the class of the items that
//! have one; practices listed after 推行/实施; coordinated names (科技厅与
//! 财政厅). Input: a sentence and its mentions; output: mentions added.

use super::endings::{extend_back, next_is_boundary, word_is_stop};
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add, clean_label, is_free};
use crate::extract::rules::{EndingUse, TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// Items of an enumeration (A、B、C等…) that no rule named take the class
/// of the items that have one; firms listed before 等…企业 are firms.
pub fn enumerations(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for (start, end) in list_spans(text) {
        let items = split_items(text, start, end);
        if items.len() < 2 {
            continue;
        }
        let classed: Vec<Class> = items
            .iter()
            .filter_map(|&(a, b)| {
                mentions
                    .iter()
                    .find(|m| m.start <= a && m.end >= b && !m.nested)
                    .map(|m| m.class())
            })
            .collect();
        let after = &text[end..];
        let firms = listed_firms(after);
        let class = firms.then_some(Class::Firm).or_else(|| majority(&classed));
        let Some(class) = class else { continue };
        let unknown = items.len() - classed.len();
        let lexicon_class = matches!(
            class,
            Class::FreeTradeZone
                | Class::Area
                | Class::Place
                | Class::GovernmentBody
                | Class::Policy
        );
        // A list closed by 等 may have one more unknown item than known.
        let closed = after.starts_with('等');
        let allowed = classed.len().max(1) + usize::from(closed);
        if class != Class::Firm && (classed.is_empty() || unknown > allowed || lexicon_class) {
            continue;
        }
        for &(a, b) in &items {
            let item = clean_label(&text[a..b]);
            let n = item.chars().count();
            let name_like = (2..=16).contains(&n)
                && !word_is_stop(known, &item)
                && !item.contains(['，', '的']);
            if !name_like
                || !(is_free(mentions, a, b) || quoted_around_reference(text, mentions, a, b))
            {
                continue;
            }
            let own = known.rules.class_by_ending(&item).map(|c| c.0);
            let bare = known
                .rules
                .endings
                .iter()
                .find(|e| e.text == item && e.text.chars().count() >= 5);
            let class = match (bare, own) {
                (Some(e), _) if e.class == Class::SpecialZone => e.class,
                // A listed "project" with a place-like ending is not a firm.
                (_, Some(c)) if class == Class::Firm && c != Class::Firm => continue,
                _ => class,
            };
            add(mentions, Mention::new(class, &item, a, b));
        }
    }
    single_listed_firm(known, s, mentions);
}

/// “中国星谷”: a quoted item whose only names inside are reference names
/// (a place) is free to be named; they become nested.
fn quoted_around_reference(text: &str, mentions: &[Mention], a: usize, b: usize) -> bool {
    let item = &text[a..b];
    (item.starts_with('“') && item.ends_with('”'))
        && mentions
            .iter()
            .filter(|m| m.start < b && a < m.end)
            .all(|m| m.entry.is_some() && m.start > a && m.end < b)
}

/// "X等企业": one firm before 等…企业.
pub(super) fn single_listed_firm(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let mut from = 0;
    while let Some(at) = text[from..].find('等') {
        let pos = from + at;
        from = pos + '等'.len_utf8();
        if !listed_firms(&text[pos + '等'.len_utf8()..]) || text[..pos].ends_with(['、', '”']) {
            continue;
        }
        let Some((start, _)) = extend_back(known, s, pos, mentions) else {
            continue;
        };
        let name = &text[start..pos];
        if (2..=8).contains(&name.chars().count())
            && is_free(mentions, start, pos)
            && !name.contains('、')
        {
            add(mentions, Mention::new(Class::Firm, name, start, pos));
        }
    }
}

/// 等 50 余家产业链上下游企业 / 等规模企业 / 等项目 (and not 等重点项目).
pub(super) fn listed_firms(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('等') else {
        return false;
    };
    if rest.starts_with("项目") {
        return true;
    }
    let clause_end = rest.find(['，', '。', '；', '、']).unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let head = clause.find("企业").map(|i| &clause[..i]);
    // 等方面对储能企业, 等部门联合认定企业: the list is of something else.
    let other = |h: &str| {
        [
            "金融", "方面", "部门", "领域", "单位", "机构", "对", "联合", "认定",
        ]
        .iter()
        .any(|w| h.contains(w))
    };
    matches!(head, Some(h) if h.chars().count() <= 12 && !other(h))
}

pub(super) fn majority(classes: &[Class]) -> Option<Class> {
    let mut best: Option<(Class, usize)> = None;
    for &c in classes {
        let n = classes.iter().filter(|&&x| x == c).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((c, n));
        }
    }
    best.map(|(c, _)| c)
}

/// Spans of text that read as a list: items joined by 、 within a clause.
pub(super) fn list_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut clause_start = 0;
    for (i, c) in text.char_indices().chain([(text.len(), '。')]) {
        if "，,。；;：:！？!?".contains(c) {
            let clause = &text[clause_start..i];
            if clause.contains('、') {
                let end = clause.find('等').map_or(i, |e| clause_start + e);
                spans.push((clause_start, end));
            }
            clause_start = i + c.len_utf8();
        }
    }
    spans
}

/// The items of a list span: the first item starts after the last stop
/// word before the first 、.
pub(super) fn split_items(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let span = &text[start..end];
    let Some(first_sep) = span.find('、') else {
        return Vec::new();
    };
    let mut items = Vec::new();
    let mut item_start = start;
    let mut pos = start;
    for part in span.split('、') {
        items.push((pos, pos + part.len()));
        pos += part.len() + '、'.len_utf8();
    }
    // The first item: the tail of the text before the first 、 after the
    // last verb-like word (建设, 吸引, 与 …).
    let head = &text[start..start + first_sep];
    let cut = [
        "建设",
        "吸引",
        "与",
        "和",
        "打造",
        "推进",
        "即：",
        "即",
        "积极",
        "优化",
        "形成了",
        "以",
        "获批了",
        "获批",
        "了",
        "对接",
    ]
    .iter()
    .filter_map(|w| head.rfind(w).map(|i| i + w.len()))
    .max()
    .unwrap_or(0);
    item_start += cut;
    items[0].0 = item_start;
    items
        .into_iter()
        .map(|(a, b)| {
            let t = &text[a..b];
            let lead = t.len() - t.trim_start().len();
            let trail = t.len() - t.trim_end().len();
            (a + lead, b - trail)
        })
        .filter(|(a, b)| a < b)
        .collect()
}

/// Practices listed after 推行/实施/带土移植: 全面推行一网通办、容缺受理、不见面审批.
pub fn practice_lists(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for verb in known.rules.triggers(TriggerKind::ListPractice) {
        let mut from = 0;
        while let Some(at) = text[from..].find(verb.as_str()) {
            let start = from + at + verb.len();
            from = start;
            if !s.starts_word(from - verb.len()) {
                continue;
            }
            let (_, clause_end) = s.clause_bounds(start);
            let clause = &text[start..clause_end];
            let (list, closed) = match clause.find('等') {
                Some(i) => (&clause[..i], true),
                None => (clause, false),
            };
            // 推进 names practices only in "推进 A、B 等改革".
            let needs_closing = verb.ends_with("推进");
            let closes_as_reform = closed && {
                let rest = &clause[list.len() + '等'.len_utf8()..];
                let rest = rest.trim_start_matches(|c: char| {
                    c.is_ascii_digit() || c.is_whitespace() || "余多项个".contains(c)
                });
                [
                    "改革",
                    "首创改革",
                    "举措",
                    "改革举措",
                    "措施",
                    "经验",
                    "试点",
                ]
                .iter()
                .any(|w| rest.starts_with(w))
            };
            if needs_closing && !closes_as_reform {
                continue;
            }
            let single = !list.contains('、');
            let mut offset = start;
            for item in list.split('、') {
                let a = offset + (item.len() - item.trim_start().len());
                let mut b = offset + item.trim_end().len();
                offset += item.len() + '、'.len_utf8();
                if a >= b {
                    // An empty or blank item (、、 or 、 、): no name.
                    continue;
                }
                // 企业定制模式筑巢引凤 → 企业定制模式.
                if let Some(cut) = known
                    .rules
                    .words(WordList::ListHeads)
                    .iter()
                    .filter_map(|e| text[a..b].find(e).map(|i| a + i + e.len()))
                    .min()
                {
                    b = cut;
                }
                let name = clean_label(&text[a..b]);
                let n = name.chars().count();
                let plain = !name.contains(['“', '”', '的', '%'])
                    && !name.chars().any(|c| c.is_ascii_digit())
                    && !word_is_stop(known, &name);
                let short_enough = if single { n <= 8 } else { n <= 14 };
                // 复制推广长效机制: a head noun with a generic modifier.
                let generic_head = known
                    .rules
                    .class_by_ending(&name)
                    .and_then(|(_, _, e)| name.strip_suffix(e))
                    .is_some_and(|modifier| known.rules.is_generic(modifier));
                // 把复制推广工作作为推动…: prose, not a name.
                let prose = known.rules.contains_word(WordList::ProseMarkers, &name)
                    || name.starts_with("工作")
                    || name.ends_with("如下");
                if n >= 3
                    && short_enough
                    && plain
                    && !generic_head
                    && !prose
                    && is_free(mentions, a, b)
                    && !known.rules.is_generic(&name)
                {
                    add(mentions, Mention::new(Class::Practice, &name, a, b));
                }
            }
        }
    }
}

/// A name that shares its first part with the name before it:
/// 湖北省科技厅与财政厅 → 湖北省财政厅; 片区统计局和审计局 → 片区审计局.
pub fn coordinated(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let found: Vec<Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.entry.is_none())
        .cloned()
        .collect();
    for m in found {
        let rest = &text[m.end..];
        let Some(joiner) = ["与", "和", "及", "、"]
            .iter()
            .find(|j| rest.starts_with(*j))
        else {
            continue;
        };
        let Some((_, _, ending)) = known.rules.class_by_ending(&m.key.label) else {
            continue;
        };
        // The ending may be matched before a parenthetical: then the label
        // does not end with it, and there is no prefix to share.
        let Some(prefix) = m.key.label.strip_suffix(ending) else {
            continue;
        };
        if prefix.is_empty() {
            continue;
        }
        let after = m.end + joiner.len();
        // The bare second name: an ending of the same class, standing alone.
        let second = known
            .rules
            .endings
            .iter()
            .filter(|e| {
                e.class == m.class() && e.use_ != EndingUse::Weak
                    || e.class == m.class() && e.text.chars().count() >= 3
            })
            .filter(|e| text[after..].starts_with(e.text.as_str()))
            .map(|e| e.text.as_str())
            .max_by_key(|e| e.len());
        let Some(second) = second else { continue };
        let end = after + second.len();
        if !next_is_boundary(text, end) && !s.ends_word(end) {
            continue;
        }
        // A bare name found by its ending alone (财政厅) gives way.
        mentions.retain(|o| {
            !(o.start == after && o.end == end && o.class() == m.class() && o.entry.is_none())
        });
        if !is_free(mentions, after, end) {
            continue;
        }
        let mut mention = Mention::new(m.class(), &format!("{prefix}{second}"), after, end);
        mention.aliases.push(second.to_owned());
        add(mentions, mention);
    }
}
