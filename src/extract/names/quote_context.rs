//! The words around a quote that class it: the verb or maker before it
//! (复制推广“X”, 首创的…“X”) and a name's tail after it (“X”服务平台).
//! Input: a sentence and a quote's offsets; output: a class, or the tail.

use super::endings::{extend_back, word_is_stop};
use super::spans::is_boundary_char;
use crate::extract::knowledge::Knowledge;
use crate::extract::rules::{TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// The most characters of the owner between a copy verb and 的“P”.
const MAX_OWNER_CHARS: usize = 25;

/// The class the verb before a quote gives it (复制推广“X” → Practice).
pub(super) fn context_before(known: &Knowledge, s: &Sentence<'_>, start: usize) -> Option<Class> {
    let mut before = s.text[..start].trim_end();
    loop {
        // 推出“X”: a verb is no filler, though it ends like one (探索出“X”).
        let verb = [TriggerKind::Practice, TriggerKind::Platform]
            .into_iter()
            .any(|k| known.rules.ends_with_trigger(k, before).is_some());
        if verb {
            break;
        }
        let filler = known.rules.ends_with_word(WordList::QuoteFillers, before);
        match filler {
            Some(f) => before = before[..before.len() - f.len()].trim_end(),
            None => break,
        }
    }
    if known
        .rules
        .ends_with_trigger(TriggerKind::Platform, before)
        .is_some()
    {
        return Some(Class::Platform);
    }
    // Apposition: 企业工作服务站“企业之家”.
    if let Some((class, _, ending)) = known.rules.class_by_ending(before)
        && ending.chars().count() >= 2
        && matches!(class, Class::Platform | Class::Institution)
    {
        return Some(class);
    }
    if known
        .rules
        .ends_with_trigger(TriggerKind::Practice, before)
        .is_some()
    {
        return Some(Class::Practice);
    }
    // 一项改革——“保税维修料件共享核销”, 经验做法：“…”: a head noun, then a
    // dash or a colon, names what the quote is.
    if let Some(lead) = before
        .strip_suffix("——")
        .or_else(|| before.strip_suffix(['：', ':']))
        && known
            .rules
            .ends_with_word(WordList::MadeHeads, lead)
            .is_some()
    {
        return Some(Class::Practice);
    }
    // 对标四川自由贸易试验区人民法院的“诉调一站通”: a copy verb whose object
    // is what a name before 的 made.
    if let Some(head) = s.text[..start].trim_end().strip_suffix('的') {
        let clause = head
            .rfind(['，', '。', '；', '：', '！', '？', ',', ';'])
            .map_or(head, |i| {
                &head[i + head[i..].chars().next().map_or(1, char::len_utf8)..]
            });
        let copied = known
            .rules
            .triggers(TriggerKind::Replicate)
            .iter()
            .filter_map(|t| clause.find(t.as_str()).map(|i| i + t.len()))
            .min()
            .is_some_and(|object| clause[object..].chars().count() <= MAX_OWNER_CHARS);
        if copied {
            return Some(Class::Practice);
        }
    }
    // 两江片区首创的保税研发检测“一体化监管”: what a name made (首创的), a
    // short noun phrase the quote ends.
    if let Some((head, _)) = extend_back(known, s, start, &[])
        && s.text[head..start].chars().count() <= 8
        && let Some(lead) = s.text[..head].trim_end().strip_suffix('的')
        && known
            .rules
            .ends_with_trigger(TriggerKind::Originate, lead)
            .is_some()
    {
        return Some(Class::Practice);
    }
    // 率先探索跨境商事登记“一窗通办”: the verb governs a short noun phrase
    // that the quote ends.
    if let Some((head, true)) = extend_back(known, s, start, &[])
        && head < start
        && s.text[head..start].chars().count() <= 8
    {
        return context_before(known, s, head);
    }
    None
}

/// The words after a quote up to a boundary, when they end like a name of
/// a class: returns (tail, end offset, class).
pub(super) fn compound_tail(
    known: &Knowledge,
    s: &Sentence<'_>,
    from: usize,
) -> Option<(String, usize, Class)> {
    let text = &s.text;
    let mut start = from;
    if text[from..].starts_with('的') {
        start += '的'.len_utf8();
    }
    let mut i = s.word_starting_at(start)?;
    let mut best = None;
    while i < s.words.len() {
        let w = s.word(i);
        let end = s.words[i].end;
        let noun = known.rules.is_word(WordList::NounsInNames, w);
        if w.chars().any(is_boundary_char)
            || (word_is_stop(known, w) && !noun)
            || known
                .rules
                .starts_with_trigger(TriggerKind::Recognize, w)
                .is_some()
            || text[from..end].chars().count() > 14
        {
            break;
        }
        let body = &text[start..end];
        let found = known
            .rules
            .endings
            .iter()
            .filter(|e| {
                matches!(
                    e.class,
                    Class::Platform | Class::Practice | Class::SpecialZone | Class::Institution
                )
            })
            .filter(|e| e.text.chars().count() >= 2)
            .find(|e| body.ends_with(e.text.as_str()));
        if let Some(e) = found {
            // “合规一站通”服务经验: the name is the 服务, 经验 is what it is.
            if best.is_some() && ["经验", "做法"].contains(&e.text.as_str()) {
                break;
            }
            best = Some((text[from..end].to_owned(), end, e.class));
        }
        i += 1;
    }
    best
}

/// 首先推出跨境电商出口退货“仓内直退”: the words before the quote run back
/// to a verb that makes or carries out a practice, so the quote, with
/// them, names one.
pub(super) fn made_after_prefix(
    known: &Knowledge,
    s: &Sentence<'_>,
    quote_start: usize,
    mentions: &[crate::extract::mention::Mention],
) -> bool {
    let Some((start, true)) = extend_back(known, s, quote_start, mentions) else {
        return false;
    };
    // 原创经验“墙内开花”现象: a generic word before the quote names nothing.
    let prefix = &s.text[start..quote_start];
    if start == quote_start || known.rules.is_generic(prefix) {
        return false;
    }
    let before = s.text[..start].trim_end_matches(['了', '对']);
    [TriggerKind::Practice, TriggerKind::Originate]
        .into_iter()
        .any(|kind| known.rules.ends_with_trigger(kind, before).is_some())
}
