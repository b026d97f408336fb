//! Names found by their ending (…综合保税区, …有限公司), extended backwards
//! word by word to a boundary (boundaries.tsv), generic starts trimmed.
//! Input: a sentence; output: mentions added.

use super::MAX_NAME;
use super::spans::{is_boundary_char, quotes};
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add};
use crate::extract::rules::{EndingUse, TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::Class;

/// Names found by their ending (绥芬河综合保税区, 哈尔滨电气国际工程有限责任公司),
/// extended backwards word by word to a boundary.
pub fn by_ending(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let quoted: Vec<(usize, usize)> = quotes(text).iter().map(|q| (q.start, q.end)).collect();
    for (index, e_start) in known.rules.ending_finder.occurrences(text) {
        let ending = &known.rules.endings[index];
        if ending.use_ == EndingUse::Weak {
            continue;
        }
        let mut e_end = e_start + ending.text.len();
        let in_quote = quoted.iter().any(|&(a, b)| e_start >= a && e_end <= b);
        let long = ending.text.chars().count() >= 4;
        if in_quote || (!long && !s.ends_word(e_end) && !next_is_boundary(text, e_end)) {
            continue;
        }
        if known
            .rules
            .blockers
            .iter()
            .any(|b| covers(text, e_start, e_end, b))
        {
            continue;
        }
        if ending.use_ == EndingUse::Verb
            && !next_is_boundary(text, e_end)
            && !text[e_end..].starts_with('等')
        {
            continue;
        }
        let Some((start, stopped_by_trigger)) = extend_back(known, s, e_start, mentions) else {
            continue;
        };
        if ending.use_ == EndingUse::Verb && !stopped_by_trigger {
            continue;
        }
        let trade = known
            .rules
            .words(WordList::TradeEndings)
            .iter()
            .any(|w| ending.text.ends_with(w.as_str()));
        let start = if trade && start == e_start {
            firm_trade_word(known, s, e_start, mentions).unwrap_or(start)
        } else {
            start
        };
        let qualifier = trailing_qualifier(&text[e_end..]);
        let inner = text[e_end..e_end + qualifier].trim_matches(['（', '）', '(', ')']);
        let acronym = inner.chars().all(|c| c.is_ascii_uppercase());
        // 洋浦经济开发区（儋州市）: a place in brackets says where it is.
        let place = known
            .lexicon
            .lookup(inner)
            .is_some_and(|e| e.class == Class::Place);
        // 黑龙江省商务厅（省自贸办）: a second name of the body in brackets
        // is not part of the first.
        let other_name = known.rules.standalone.iter().any(|n| n == inner)
            || known
                .rules
                .class_by_ending(inner)
                .is_some_and(|(_, _, ending)| ending.chars().count() >= 2 && ending != inner);
        if !acronym && !place && !other_name {
            e_end += qualifier;
        }
        let mut start = trim_generic_start(known, text, start, e_start);
        if ending.class == Class::SpecialZone {
            start = trim_address_chain(known, text, start, (e_start, e_end));
        }
        let name = &text[start..e_end];
        let modifier = &text[start..e_start];
        let bare_allowed = modifier.is_empty()
            && ending.text.chars().count() >= 8
            && ending.class == Class::SpecialZone;
        let standalone = known.rules.standalone.iter().any(|n| n == name);
        // 各自贸片区管委会: every area's committee, not one body.
        let each_area = text[..start].ends_with('各')
            && [
                "片区",
                "自贸片区",
                "自贸试验区",
                "区",
                "市",
                "县",
                "设区市",
                "区县",
            ]
            .contains(&modifier);
        if each_area || (standalone && collective(known, &text[..start])) {
            continue;
        }
        if (known.rules.is_generic(modifier) && !bare_allowed && !standalone)
            || name.chars().count() > MAX_NAME
        {
            continue;
        }
        if modifier.chars().any(|c| c.is_ascii_digit()) && ending.class != Class::Firm {
            continue;
        }
        let class = adjust_class(ending.class, name);
        let mut m = Mention::new(class, name, start, e_end);
        if acronym && qualifier > 0 {
            m.aliases.push(
                text[e_end..e_end + qualifier]
                    .trim_matches(['（', '）', '(', ')'])
                    .to_owned(),
            );
        }
        add(mentions, m);
    }
}

/// Drops the chain of administrative units an address puts before a zone's
/// name (广西壮族自治区崇左市凭祥市凭祥综合保税区 → 凭祥综合保税区) when it
/// holds two units or more; one (长沙黄花综合保税区) may be the name's own.
/// An address's street number (妈湾大道×号前海综合保税区) ends the chain too,
/// and so does the name of the area or zone it lies in.
fn trim_address_chain(
    known: &Knowledge,
    text: &str,
    start: usize,
    (ending_start, end): (usize, usize),
) -> usize {
    let start = text[start..ending_start]
        .rfind('号')
        .map_or(start, |i| start + i + '号'.len_utf8());
    let unit_at = |at: usize| {
        let rest = &text[at..ending_start];
        rest.char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&end| end < rest.len())
            .rfind(|&end| {
                let unit = &rest[..end];
                unit.chars().count() >= 2
                    && ["省", "自治区", "市", "县", "区", "州"]
                        .iter()
                        .any(|u| unit.ends_with(u))
                    && known
                        .lexicon
                        .lookup(unit)
                        .is_some_and(|e| e.class == Class::Place)
            })
    };
    let (mut at, mut units) = (start, 0);
    while let Some(len) = unit_at(at) {
        at += len;
        units += 1;
    }
    let start = if units >= 2 { at } else { start };
    // 住所地中国（山东）…青岛片区青岛前湾综合保税区: the area it lies in is
    // named before a customs zone that its city names (雄安片区数字贸易产业园
    // is one name).
    let bonded = known
        .rules
        .words(WordList::BondedEndings)
        .iter()
        .any(|w| text[..end].ends_with(w.as_str()));
    let known_as = |name: &str, class: &dyn Fn(Class) -> bool| {
        known.lexicon.lookup(name).is_some_and(|e| class(e.class))
    };
    let city_first = |at: usize| {
        text[at..ending_start]
            .char_indices()
            .skip(1)
            .any(|(i, _)| known_as(&text[at..at + i], &|c| c == Class::Place))
    };
    let area_end = text[start..ending_start]
        .char_indices()
        .map(|(i, c)| start + i + c.len_utf8())
        .filter(|_| bonded)
        .rfind(|&cut| {
            known_as(&text[start..cut], &|c| {
                matches!(c, Class::Area | Class::FreeTradeZone)
            }) && city_first(cut)
        });
    area_end.unwrap_or(start)
}

/// Drops generic words at the start of a name: 省内首个跨境金融服务站 → 跨境金融服务站.
pub(super) fn trim_generic_start(
    known: &Knowledge,
    text: &str,
    mut start: usize,
    ending_start: usize,
) -> usize {
    'outer: loop {
        let rest = &text[start..ending_start];
        for word in [
            "全省首家",
            "全省首个",
            "省内首家",
            "省内首个",
            "全国首家",
            "全国首个",
            "首家",
            "首个",
            "首批",
            "唯一",
            "该",
            "本",
            "各",
            "经",
            "由",
            "被",
        ] {
            let body_follows = rest
                .strip_prefix(word)
                .is_some_and(|r| r.starts_with(['省', '市', '区', '县', '国']));
            let single = word.chars().count() == 1 && "经由被".contains(word);
            if single && !body_follows {
                continue;
            }
            if rest.starts_with(word)
                && rest.len() > word.len()
                && !known.rules.is_generic(&rest[word.len()..])
            {
                start += word.len();
                continue 'outer;
            }
        }
        return start;
    }
}

/// 中国人民银行崇左市分行 is a government body; other branches are firms.
pub(super) fn adjust_class(class: Class, name: &str) -> Class {
    if name.ends_with("分行") || name.ends_with("支行") {
        if name.contains("人民银行") || name.starts_with("人行") {
            Class::GovernmentBody
        } else {
            Class::Firm
        }
    } else {
        class
    }
}

pub(super) fn covers(text: &str, start: usize, end: usize, blocker: &str) -> bool {
    let lo = start.saturating_sub(blocker.len());
    let hi = (end + blocker.len()).min(text.len());
    let mut from = lo;
    while from < hi {
        let Some(at) = text.get(from..hi).and_then(|w| w.find(blocker)) else {
            return false;
        };
        let b_start = from + at;
        let b_end = b_start + blocker.len();
        if b_start <= start && b_end >= end && b_end > start {
            return true;
        }
        if b_start < end && b_end > start && b_end > end {
            return true;
        }
        from = b_start + blocker.chars().next().map_or(1, char::len_utf8);
    }
    false
}

pub(super) fn next_is_boundary(text: &str, pos: usize) -> bool {
    text[pos..]
        .chars()
        .next()
        .is_none_or(|c| is_boundary_char(c) || c.is_whitespace())
}

/// （B型）, （试点）, （试行） right after a name belong to it.
pub(super) fn trailing_qualifier(rest: &str) -> usize {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if rest.starts_with(open)
            && let Some(i) = rest.find(close)
        {
            let inner = &rest[open.len_utf8()..i];
            if inner.chars().count() <= 4
                && !inner.contains("简称")
                && !inner.contains(['，', '、'])
            {
                return i + close.len_utf8();
            }
        }
    }
    0
}

/// Extends a name backwards from byte `from` over words that may belong to
/// a name. Returns the start and whether a trigger verb stopped it.
pub(super) fn extend_back(
    known: &Knowledge,
    s: &Sentence<'_>,
    from: usize,
    mentions: &[Mention],
) -> Option<(usize, bool)> {
    let text = &s.text;
    let first = s.word_at(from)?;
    let mut start = s.words[first].start;
    if start < from
        && (word_is_stop(known, s.word(first)) || is_trigger_word(known, &text[start..from]))
    {
        // The ending starts inside a stop word: 产业创新中心 → nothing.
        return Some((from, is_trigger_word(known, &text[start..from])));
    }
    let mut i = first;
    while i > 0 {
        // A trigger right before the name, possibly with 了/对 or a
        // demonstrative (引进了这套…机制) between.
        let mut before = text[..start].trim_end_matches(['了', '对']);
        if let Some(this) = known.rules.ends_with_word(WordList::Demonstratives, before) {
            before = before[..before.len() - this.len()].trim_end_matches(['了', '对']);
        }
        if known
            .rules
            .ends_with_trigger(TriggerKind::Originate, before)
            .is_some()
            || known
                .rules
                .ends_with_trigger(TriggerKind::Practice, before)
                .is_some()
            || known
                .rules
                .ends_with_trigger(TriggerKind::Platform, before)
                .is_some()
        {
            return Some((start, true));
        }
        i -= 1;
        let w = s.word(i);
        let w_start = s.words[i].start;
        if w.chars().all(|c| c.is_whitespace()) {
            // A space joins ASCII and Chinese only: STEAM 教育.
            let ascii_before = i > 0 && s.word(i - 1).chars().all(|c| c.is_ascii_alphanumeric());
            if ascii_before {
                continue;
            }
            return Some((start, false));
        }
        if w == "）" || w == ")" {
            // A short bracketed part inside a name: 博尔诚（北京）科技.
            let open = text[..w_start].rfind(['（', '(']);
            match open {
                Some(o) if text[o..w_start].chars().count() <= 11 && o > 0 => {
                    while i > 0 && s.words[i].start > o {
                        i -= 1;
                    }
                    start = s.words[i].start;
                    continue;
                }
                _ => return Some((start, false)),
            }
        }
        if w.chars().any(is_boundary_char) || w.chars().any(|c| c.is_ascii_digit()) {
            return Some((start, false));
        }
        // 2026年3月28日海南省…: a date's 年, 月 or 日 after its number.
        let dated = i > 0
            && matches!(w, "年" | "月" | "日" | "号")
            && s.word(i - 1).chars().last().is_some_and(|c| {
                c.is_ascii_digit() || c.is_numeric() || "〇一二三四五六七八九十".contains(c)
            });
        if dated {
            return Some((start, false));
        }
        if word_is_stop(known, w) || is_generic_word_name(known, w) {
            return Some((start, false));
        }
        // 平台由市商务局: jieba's 由市 ends the name after 由.
        if let Some(split) = known
            .rules
            .splits
            .iter()
            .find(|p| w.len() > p.len() && w.starts_with(p.as_str()))
        {
            return Some((w_start + split.len(), false));
        }
        // 院在东疆综合保税区: jieba's 院在 ends with a split word; the name
        // starts after it.
        if known
            .rules
            .splits
            .iter()
            .any(|p| w.len() > p.len() && w.ends_with(p.as_str()))
        {
            return Some((start, false));
        }
        // A quoted name or 《》 title is its own entity, not a modifier.
        let inside_other = mentions.iter().any(|m| {
            m.start <= w_start
                && m.end >= s.words[i].end
                && matches!(
                    m.class(),
                    Class::Practice | Class::Policy | Class::Recognition | Class::Platform
                )
        });
        if inside_other {
            return Some((start, false));
        }
        if text[w_start..from].chars().count() > MAX_NAME {
            return None;
        }
        start = w_start;
    }
    Some((start, false))
}

/// 成都国际陆港运营有限公司, 城投建设有限公司: a verb of the stop list right
/// before a firm ending of `trade_endings` (…公司; not 辖内银行) is its
/// trade, part of its name, when a name runs on before it. Returns where that name starts.
fn firm_trade_word(
    known: &Knowledge,
    s: &Sentence<'_>,
    ending_start: usize,
    mentions: &[Mention],
) -> Option<usize> {
    let i = s.word_at(ending_start)?.checked_sub(1)?;
    let trade = s.word(i);
    if trade.chars().count() < 2 || !known.rules.stop.contains(trade) {
        return None;
    }
    let trade_start = s.words[i].start;
    let (start, _) = extend_back(known, s, trade_start, mentions)?;
    (start < trade_start).then_some(start)
}

pub(super) fn is_trigger_word(known: &Knowledge, w: &str) -> bool {
    [
        TriggerKind::Originate,
        TriggerKind::Practice,
        TriggerKind::Platform,
    ]
    .iter()
    .any(|&k| known.rules.triggers(k).iter().any(|t| t == w))
}

/// A word that is itself a generic name (商业银行, 金融机构): names do not
/// run through it.
pub(super) fn is_generic_word_name(known: &Knowledge, w: &str) -> bool {
    match known.rules.class_by_ending(w) {
        Some((_, _, ending)) if ending.len() < w.len() => w
            .strip_suffix(ending)
            .is_some_and(|modifier| known.rules.is_generic(modifier)),
        _ => false,
    }
}

/// A stop word, or a word ending with a verb of two characters or more
/// from the stop list (充分发挥, 综合利用).
pub(super) fn word_is_stop(known: &Knowledge, word: &str) -> bool {
    // A demonstrative (这套, 该项) is never part of a name either.
    known.rules.stop.contains(word)
        || known.rules.is_word(WordList::Demonstratives, word)
        || known
            .rules
            .stop
            .iter()
            .any(|w| w.chars().count() >= 2 && word.len() > w.len() && word.ends_with(w.as_str()))
}

/// True when the clause before a bare body name speaks of several levels of
/// government (两级市委、市政府): the name is then no single body.
fn collective(known: &Knowledge, before: &str) -> bool {
    let clause = before
        .rfind(['，', '。', '；', '：', '\n'])
        .map_or(before, |i| &before[i..]);
    known
        .rules
        .contains_word(WordList::CollectiveLevels, clause)
}
