//! Names in quotation marks and book-title marks: 《…》 policies and cases,
//! “…” names classified by their own ending, the words after them (等…平台,
//! 等N项经验) or the verb before them (复制推广“X”). Input: a sentence;
//! output: mentions added.

use super::MAX_QUOTED;
use super::endings::extend_back;
use super::quote_context::{compound_tail, context_before, made_after_prefix};
use super::spans::{Quote, quote_groups, quotes};
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add, clean_label, is_free};
use crate::extract::rules::{EndingUse, TriggerKind, WordList};
use crate::extract::sentence::{Sentence, is_item_number};
use crate::model::Class;

/// 《…》: a policy when its title ends like one; a case (Practice) when
/// 案例 follows. Magazines and articles in 《》 are neither.
pub fn book_titles(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let mut from = 0;
    while let Some(open) = text[from..].find('《') {
        let start = from + open;
        let Some(close) = text[start..].find('》') else {
            break;
        };
        let end = start + close + '》'.len_utf8();
        let inner = clean_label(&text[start + '《'.len_utf8()..start + close]);
        let after = &text[end..];
        let class = if after.starts_with("案例") {
            Some(Class::Practice)
        } else {
            match known.rules.class_by_ending(&inner) {
                Some((Class::Policy, _, _)) => Some(Class::Policy),
                // 《…若干财政措施》: measures in a title are a document.
                Some((Class::Practice, _, "措施" | "举措")) => Some(Class::Policy),
                _ => None,
            }
        };
        if let Some(class) = class {
            add(mentions, Mention::new(class, &inner, start, end));
        }
        from = end;
    }
}

/// Quoted names, classified by their own ending, the words that follow
/// them, or the verb before them.
pub fn quoted(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let all = quotes(text);
    for group in quote_groups(text, &all) {
        let first = &group[0];
        let last = group.last().expect("group");
        let before_context = context_before(known, s, first.start);
        let after = &text[last.end..];
        let selected = is_selected(known, after);
        let group_class = class_after_group(known, after);
        for (i, q) in group.iter().enumerate() {
            let inner = clean_label(&q.inner);
            if !quote_is_free(mentions, q, &inner) {
                continue;
            }
            // “零”的突破: one character names nothing.
            let n = inner.chars().count();
            if !(2..=MAX_QUOTED).contains(&n) || inner.contains(['。', '；']) {
                continue;
            }
            // “引进来”“长出来”, “报数字”多、“看效果”少: slogans, not names.
            let slogan = known
                .rules
                .ends_with_word(WordList::SloganEndings, &inner)
                .is_some()
                || known
                    .rules
                    .starts_with_word(WordList::SloganAfter, &text[q.end..])
                    .is_some();
            if slogan {
                continue;
            }
            let single = group.len() == 1;
            let tail = if i + 1 == group.len() && !selected {
                compound_tail(known, s, q.end)
            } else {
                None
            };
            // “一业一证、证照联办”改革 names two practices; but 大型成套设备
            // “分段申报、整体放行”改革, “检验前置、口岸直放”模式 and a quote
            // with no word after it name one (writers mark 48 such quotes
            // whole and none split).
            let mut split = false;
            if let Some((tail_text, tail_end, class)) = tail.clone().filter(|_| single) {
                let prefix = compound_prefix(known, s, q.start, mentions);
                split = class == Class::Practice
                    && inner.contains('、')
                    && !has_short_item(&inner)
                    && prefix.chars().count() < 2
                    && known
                        .rules
                        .ends_with_word(WordList::PracticeHeads, &tail_text)
                        .is_none();
                if !split {
                    quoted_compound(mentions, q, &prefix, &inner, &tail_text, tail_end, class);
                    continue;
                }
            }
            // What the text says around the quote, strongest first.
            let class = if selected {
                Some(Class::Practice)
            } else {
                own_class(known, &inner)
                    .or(before_context)
                    .or(group_class)
                    .or_else(|| {
                        known
                            .rules
                            .made_by_follows(after)
                            .then_some(Class::Practice)
                    })
                    .or_else(|| {
                        (single && known.rules.run_by_follows(after)).then_some(Class::Platform)
                    })
                    .or_else(|| tail.as_ref().map(|t| t.2))
                    .or_else(|| {
                        (group.len() == 1 && is_platform_word(known, &inner))
                            .then_some(Class::Platform)
                    })
                    .or_else(|| {
                        (single && made_after_prefix(known, s, q.start, mentions))
                            .then_some(Class::Practice)
                    })
            };
            let Some(class) = class else { continue };
            if split {
                // “一业一证、证照联办”改革: two practices.
                for item in inner.split('、').filter(|i| i.chars().count() >= 3) {
                    add(mentions, Mention::new(class, item, q.start, q.end));
                }
                continue;
            }
            // 跨境商事登记“一窗通办”, 国际贸易“单一窗口”: the words before
            // the quote are part of the name.
            let prefix = if single && matches!(class, Class::Practice | Class::Platform) {
                compound_prefix(known, s, q.start, mentions)
            } else {
                String::new()
            };
            if prefix.chars().count() >= 2 {
                let start = q.start - prefix.len();
                let mut m = Mention::new(class, &format!("{prefix}{inner}"), start, q.end);
                m.aliases.push(inner.clone());
                add(mentions, m);
                continue;
            }
            add(mentions, Mention::new(class, &inner, q.start, q.end));
        }
    }
}

/// “X”成功入选…, “X”被商务部列为…: the quote names what was selected.
pub(super) fn is_selected(known: &Knowledge, after: &str) -> bool {
    let after = after.trim_start();
    if known
        .rules
        .starts_with_trigger(TriggerKind::Recognize, after)
        .is_some()
    {
        return true;
    }
    let Some(rest) = after.strip_prefix('被').or(after.strip_prefix("已被")) else {
        return false;
    };
    let clause: String = rest
        .chars()
        .take_while(|c| !"，。；,".contains(*c))
        .take(12)
        .collect();
    (0..clause.len())
        .filter(|&i| clause.is_char_boundary(i))
        .any(|i| {
            known
                .rules
                .starts_with_trigger(TriggerKind::Recognize, &clause[i..])
                .is_some()
        })
}

/// A quote is free when nothing crosses it and nothing names all of it; a
/// reference name inside it (前海 in “前海深港国际服务城”) becomes nested.
pub(super) fn quote_is_free(mentions: &[Mention], q: &Quote, inner: &str) -> bool {
    mentions
        .iter()
        .filter(|m| m.start < q.end && q.start < m.end)
        .all(|m| {
            m.entry.is_some()
                && m.start > q.start
                && m.end < q.end
                && m.surface.chars().count() < inner.chars().count()
        })
}

/// Words before a compound quote that belong to its name: 国际贸易“单一窗口”平台.
pub(super) fn compound_prefix(
    known: &Knowledge,
    s: &Sentence<'_>,
    quote_start: usize,
    mentions: &[Mention],
) -> String {
    let Some((start, after_verb)) = extend_back(known, s, quote_start, mentions) else {
        return String::new();
    };
    // 芜湖片区商品车出口“…”模式: the prefix starts after a name before it.
    let start = mentions
        .iter()
        .filter(|m| m.end > start && m.end <= quote_start)
        .map(|m| m.end)
        .max()
        .unwrap_or(start);
    // ②离岛免税商品“溯源一码通” (② read as 2): an item's number is not
    // part of the name; 5G智慧港口 keeps its digit.
    let numbered = s.text[start..quote_start]
        .trim_start_matches(|c: char| is_item_number(c) || "．.、)）".contains(c));
    let start = match numbered.chars().next() {
        Some(c) if start == 0 && !c.is_ascii_alphanumeric() => quote_start - numbered.len(),
        _ => start,
    };
    let prefix = &s.text[start..quote_start];
    // 率先推出生物医药研发用物品进口“白名单”制度: after a verb, the whole
    // noun phrase up to the quote is the name's.
    // 服务贸易对外支付税务备案“承诺制”由…: a sentence that opens with the
    // name holds all of it before the quote.
    let limit = if after_verb || start == 0 { 12 } else { 6 };
    let ok = prefix.chars().count() <= limit
        && !known.rules.is_generic(prefix)
        && is_free(mentions, start, quote_start);
    if ok { prefix.to_owned() } else { String::new() }
}

pub(super) fn has_short_item(inner: &str) -> bool {
    inner.split('、').any(|i| i.chars().count() < 2)
}

/// “X”平台 → X平台 (alias X); “1+4+N”的养老综合服务模式 → 1+4+N养老综合服务模式;
/// “A、B、C”的片区企业上市培育体系 → 片区企业上市培育体系.
pub(super) fn quoted_compound(
    mentions: &mut Vec<Mention>,
    q: &Quote,
    prefix: &str,
    inner: &str,
    tail: &str,
    end: usize,
    class: Class,
) {
    let (tail, with_de) = match tail.strip_prefix('的') {
        Some(t) => (t, true),
        None => (tail, false),
    };
    let descriptive = with_de && inner.contains(['、', '，']);
    let label = if descriptive {
        tail.to_owned()
    } else {
        format!("{prefix}{inner}{tail}")
    };
    let mut m = Mention::new(class, &label, q.start, end);
    if !descriptive {
        for alias in [
            format!("{inner}{tail}"),
            inner.to_owned(),
            format!("{prefix}{inner}"),
        ] {
            let alias = clean_label(&alias);
            if alias != m.key.label && !m.aliases.contains(&alias) {
                m.aliases.push(alias);
            }
        }
        if with_de {
            m.aliases.push(clean_label(&format!("{inner}的{tail}")));
        }
    }
    add(mentions, m);
}

/// “单一窗口” alone: a long platform ending is a name by itself.
pub(super) fn is_platform_word(known: &Knowledge, inner: &str) -> bool {
    known
        .rules
        .endings
        .iter()
        .any(|e| e.class == Class::Platform && e.text == inner && inner.chars().count() >= 4)
}

/// The class a quoted text has by its own ending (智慧司法服务平台): only
/// endings specific enough to decide (three characters or more, or strong).
pub(super) fn own_class(known: &Knowledge, inner: &str) -> Option<Class> {
    let (class, use_, ending) = known.rules.class_by_ending(inner)?;
    let specific = ending.chars().count() >= 3 || use_ != EndingUse::Weak;
    match class {
        Class::Platform
        | Class::SpecialZone
        | Class::Firm
        | Class::Institution
        | Class::GovernmentBody
            if specific && ending.chars().count() >= 2 =>
        {
            Some(class)
        }
        Class::Practice
            if known
                .rules
                .ends_with_word(WordList::PracticeHeads, inner)
                .is_some() =>
        {
            Some(class)
        }
        _ => None,
    }
}

/// Words right after a quote group that classify it: 等系列数字服务平台,
/// 等 20 项先进经验, 成功入选 …
pub(super) fn class_after_group(known: &Knowledge, after: &str) -> Option<Class> {
    let after = after.trim_start();
    for (kind, class) in [
        (TriggerKind::AfterPlatform, Class::Platform),
        (TriggerKind::AfterPractice, Class::Practice),
    ] {
        if known
            .rules
            .triggers(kind)
            .iter()
            .any(|t| after.starts_with(t.as_str()) || starts_with_listed(known, after, t))
        {
            return Some(class);
        }
    }
    None
}

/// "等 20 项先进经验" matches "等*先进经验": a number may stand between.
pub(super) fn starts_with_listed(known: &Knowledge, after: &str, trigger: &str) -> bool {
    let Some((head, tail)) = trigger.split_once('*') else {
        return false;
    };
    let Some(rest) = after.strip_prefix(head) else {
        return false;
    };
    let mut rest = rest;
    loop {
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        match known
            .rules
            .starts_with_word(WordList::ListCounters, trimmed)
        {
            Some(w) => rest = &trimmed[w.len()..],
            None => return trimmed.starts_with(tail),
        }
    }
}
