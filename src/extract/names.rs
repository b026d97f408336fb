//! Rules that find names the lexicon does not hold. Each rule reads the
//! prepared sentence and adds `Mention`s; the words they use (endings,
//! triggers, boundaries) come from `data/rules/`.

use super::Extractor;
use super::collect::clean_label;
use super::mentions::{Mention, add, is_free};
use super::rules::EndingUse;
use super::sentence::Sentence;
use crate::model::Class;

/// Longest name a rule may build, in characters.
const MAX_NAME: usize = 30;
/// Longest quoted text taken as a name.
const MAX_QUOTED: usize = 26;

/// 《…》: a policy when its title ends like one; a case (Practice) when
/// 案例 follows. Magazines and articles in 《》 are neither.
pub fn book_titles(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
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
            match extractor.rules.class_by_ending(&inner) {
                Some((Class::Policy, _, _)) => Some(Class::Policy),
                _ => None,
            }
        };
        if let Some(class) = class {
            add(mentions, Mention::new(class, &inner, start, end));
        }
        from = end;
    }
}

/// A quoted span: byte range of the quotes and the text inside.
#[derive(Clone, Debug)]
struct Quote {
    start: usize,
    end: usize,
    inner: String,
}

/// Quoted spans, with “A”+“B”+“C” merged into one.
fn quotes(text: &str) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(['“', '「']) {
        let start = from + open;
        let opener = text[start..].chars().next().expect("quote");
        let closer = if opener == '“' { '”' } else { '」' };
        let body_start = start + opener.len_utf8();
        // Nested ‘’ are allowed inside; the first closer ends the quote.
        let Some(close) = text[body_start..].find(closer) else {
            break;
        };
        let end = body_start + close + closer.len_utf8();
        let inner = text[body_start..body_start + close].to_owned();
        match out.last_mut() {
            Some(prev) if text[prev.end..start] == *"+" => {
                prev.inner = format!("{}+{}", prev.inner, inner);
                prev.end = end;
            }
            _ => out.push(Quote { start, end, inner }),
        }
        from = end;
    }
    out
}

/// Groups of quotes that follow each other (“A”“B”、“C”).
fn quote_groups(text: &str, quotes: &[Quote]) -> Vec<Vec<Quote>> {
    let mut groups: Vec<Vec<Quote>> = Vec::new();
    for q in quotes {
        match groups.last_mut() {
            Some(g) if matches!(&text[g.last().expect("group").end..q.start], "" | "、") => {
                g.push(q.clone())
            }
            _ => groups.push(vec![q.clone()]),
        }
    }
    groups
}

/// Words that may stand between a context verb and the quote it governs.
const FILLERS: &[&str] = &["了", "全省首个", "首个", "首家", "全省首家", "一系列", "系列", "新的", "出", "并"];

/// Quoted names, classified by their own ending, the words that follow
/// them, or the verb before them.
pub fn quoted(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let all = quotes(text);
    for group in quote_groups(text, &all) {
        let first = &group[0];
        let last = group.last().expect("group");
        let before_context = context_before(extractor, s, first.start);
        let after = &text[last.end..];
        let group_class = class_after_group(extractor, after).or(before_context);
        for (i, q) in group.iter().enumerate() {
            if !is_free(mentions, q.start, q.end) {
                continue;
            }
            let inner = clean_label(&q.inner);
            if inner.chars().count() > MAX_QUOTED || inner.contains(['。', '；']) {
                continue;
            }
            let single = group.len() == 1;
            let tail = if i + 1 == group.len() { compound_tail(extractor, s, q.end) } else { None };
            if let Some((tail_text, tail_end, class)) = tail.clone().filter(|_| single) {
                quoted_compound(mentions, q, &inner, &tail_text, tail_end, class);
                continue;
            }
            let own = own_class(extractor, &inner);
            let class = own.or(group_class).or_else(|| tail.as_ref().map(|t| t.2));
            let Some(class) = class else { continue };
            if class == Class::Practice && inner.contains('、') && !has_short_item(&inner) && single {
                // “一业一证、证照联办”改革: two practices.
                for item in inner.split('、') {
                    add(mentions, Mention::new(class, item, q.start, q.end));
                }
                continue;
            }
            add(mentions, Mention::new(class, &inner, q.start, q.end));
        }
    }
}

fn has_short_item(inner: &str) -> bool {
    inner.split('、').any(|i| i.chars().count() < 2)
}

/// “X”平台 → X平台 (alias X); “1+4+N”的养老综合服务模式 → 1+4+N养老综合服务模式;
/// “A、B、C”的片区企业上市培育体系 → 片区企业上市培育体系.
fn quoted_compound(mentions: &mut Vec<Mention>, q: &Quote, inner: &str, tail: &str, end: usize, class: Class) {
    let (tail, with_de) = match tail.strip_prefix('的') {
        Some(t) => (t, true),
        None => (tail, false),
    };
    let descriptive = with_de && inner.contains(['、', '，']);
    let label = if descriptive { tail.to_owned() } else { format!("{inner}{tail}") };
    let mut m = Mention::new(class, &label, q.start, end);
    if !descriptive {
        m.aliases.push(clean_label(inner));
        if with_de {
            m.aliases.push(clean_label(&format!("{inner}的{tail}")));
        }
    }
    add(mentions, m);
}

/// The class a quoted text has by its own ending (智慧司法服务平台).
fn own_class(extractor: &Extractor, inner: &str) -> Option<Class> {
    let (class, _, _) = extractor.rules.class_by_ending(inner)?;
    match class {
        Class::Platform | Class::SpecialZone | Class::Firm | Class::Institution | Class::GovernmentBody => Some(class),
        Class::Practice if extractor.rules.triggers("practice_ending").is_empty() => {
            let strong = ["模式", "机制", "制度", "体系", "服务圈", "生态圈", "路线", "积分制"];
            strong.iter().any(|e| inner.ends_with(e)).then_some(class)
        }
        _ => None,
    }
}

/// Words right after a quote group that classify it: 等系列数字服务平台,
/// 等 20 项先进经验, 成功入选 …
fn class_after_group(extractor: &Extractor, after: &str) -> Option<Class> {
    let after = after.trim_start();
    for (kind, class) in [("after_platform", Class::Platform), ("after_practice", Class::Practice)] {
        if extractor
            .rules
            .triggers(kind)
            .iter()
            .any(|t| after.starts_with(t.as_str()) || starts_with_listed(after, t))
        {
            return Some(class);
        }
    }
    None
}

/// "等 20 项先进经验" matches "等*先进经验": a number may stand between.
fn starts_with_listed(after: &str, trigger: &str) -> bool {
    let Some((head, tail)) = trigger.split_once('*') else {
        return false;
    };
    let Some(rest) = after.strip_prefix(head) else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "余多个项家款种批".contains(c));
    rest.starts_with(tail)
}

/// The class the verb before a quote gives it (复制推广“X” → Practice).
fn context_before(extractor: &Extractor, s: &Sentence<'_>, start: usize) -> Option<Class> {
    let mut before = s.text[..start].trim_end();
    loop {
        let filler = FILLERS.iter().find(|f| before.ends_with(*f));
        match filler {
            Some(f) => before = before[..before.len() - f.len()].trim_end(),
            None => break,
        }
    }
    if extractor.rules.ends_with_trigger("platform", before).is_some() {
        return Some(Class::Platform);
    }
    if extractor.rules.ends_with_trigger("practice", before).is_some() {
        return Some(Class::Practice);
    }
    None
}

/// The words after a quote up to a boundary, when they end like a name of
/// a class: returns (tail, end offset, class).
fn compound_tail(extractor: &Extractor, s: &Sentence<'_>, from: usize) -> Option<(String, usize, Class)> {
    let text = &s.text;
    let mut best = None;
    let mut chars = 0;
    for (i, c) in text[from..].char_indices() {
        let pos = from + i;
        if is_boundary_char(c) || chars >= 14 {
            break;
        }
        if i == 0 && c == '的' {
            chars += 1;
            continue;
        }
        // Stop at a stop word that starts here (a verb, a particle).
        if i > 0 && s.starts_word(pos) && starts_with_stop(extractor, &text[pos..]) {
            break;
        }
        let end = pos + c.len_utf8();
        chars += 1;
        let tail = &text[from..end];
        if !s.ends_word(end) {
            continue;
        }
        let body = tail.trim_start_matches('的');
        let found = extractor
            .rules
            .endings
            .iter()
            .filter(|e| e.class != Class::Recognition && e.class != Class::Policy)
            .find(|e| body.ends_with(e.text.as_str()));
        if let Some(e) = found {
            best = Some((tail.to_owned(), end, e.class));
        }
    }
    best
}

fn starts_with_stop(extractor: &Extractor, text: &str) -> bool {
    ["上线", "正式", "等", "在", "和", "与", "是", "为", "已", "可", "改造", "即"]
        .iter()
        .any(|w| text.starts_with(w))
        || extractor
            .rules
            .triggers("recognize")
            .iter()
            .any(|t| text.starts_with(t.as_str()))
}

fn is_boundary_char(c: char) -> bool {
    "，,。；;：:！？!?、（）()“”「」《》—\n".contains(c)
}

/// Recognitions after 入选/获批/被认定为: the phrase up to an ending such as
/// 案例, 样板, 口岸, 枢纽 (or a list of them up to 等).
pub fn recognitions(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for trigger in extractor.rules.triggers("recognize") {
        let mut from = 0;
        while let Some(at) = text[from..].find(trigger.as_str()) {
            let start = from + at + trigger.len();
            from = start;
            let (_, clause_end) = s.clause_bounds(start);
            let phrase = &text[start..clause_end];
            let phrase_list_end = phrase.find('等').unwrap_or(phrase.len());
            let items: Vec<&str> = phrase[..phrase_list_end].split('、').collect();
            if items.len() > 1 {
                let mut offset = start;
                for item in items {
                    let item_start = offset + (item.len() - item.trim_start().len());
                    let class = match extractor.rules.class_by_ending(item) {
                        Some((c @ Class::SpecialZone, EndingUse::Strong, _)) => c,
                        _ => Class::Recognition,
                    };
                    if item.chars().count() >= 4 && is_free(mentions, item_start, offset + item.len()) {
                        add(mentions, Mention::new(class, item, item_start, offset + item.len()));
                    }
                    offset += item.len() + '、'.len_utf8();
                }
                continue;
            }
            if let Some(end) = recognition_end(extractor, text, start, clause_end) {
                let name = text[start..end].trim();
                let name = name.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace()).trim();
                let label = clean_label(name);
                if label.chars().count() >= 4 && label.chars().count() <= MAX_NAME {
                    let mut m = Mention::new(Class::Recognition, name, start, end);
                    // A year before the name is part of it (2022 年…枢纽);
                    // the name without it is an alias.
                    let bare = clean_label(text[start..end].trim());
                    if bare != label {
                        m = Mention::new(Class::Recognition, &bare, start, end);
                        m.aliases.push(label);
                    }
                    add(mentions, m);
                }
            }
        }
    }
}

/// The end of a recognition name: the longest prefix of the clause that
/// ends with a recognition ending followed by a boundary.
fn recognition_end(extractor: &Extractor, text: &str, start: usize, clause_end: usize) -> Option<usize> {
    let mut best = None;
    let phrase = &text[start..clause_end];
    for (i, c) in phrase.char_indices() {
        let end = i + c.len_utf8();
        let head = phrase[..end].trim_end_matches(['”', '」']);
        let ends_like = extractor
            .rules
            .endings
            .iter()
            .filter(|e| e.class == Class::Recognition)
            .any(|e| head.ends_with(e.text.as_str()));
        if !ends_like {
            continue;
        }
        let next = phrase[end..].chars().next();
        let boundary = match next {
            None => true,
            Some(n) => is_boundary_char(n) || "等的和及并".contains(n) || n.is_whitespace(),
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

/// Names found by their ending (绥芬河综合保税区, 哈尔滨电气国际工程有限责任公司),
/// extended backwards word by word to a boundary.
pub fn by_ending(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for ending in &extractor.rules.endings {
        if ending.use_ == EndingUse::Weak {
            continue;
        }
        let mut from = 0;
        while let Some(at) = text[from..].find(ending.text.as_str()) {
            let e_start = from + at;
            let mut e_end = e_start + ending.text.len();
            from = e_end;
            if !s.ends_word(e_end) && !next_is_boundary(text, e_end) {
                continue;
            }
            if extractor.rules.blockers.iter().any(|b| covers(text, e_start, e_end, b)) {
                continue;
            }
            let Some((start, stopped_by_trigger)) = extend_back(extractor, s, e_start, mentions) else {
                continue;
            };
            if ending.use_ == EndingUse::Verb && !stopped_by_trigger {
                continue;
            }
            e_end += trailing_qualifier(&text[e_end..]);
            let mut start = start;
            if text[start..].starts_with('对') {
                start += '对'.len_utf8();
            }
            let name = &text[start..e_end];
            let modifier = &text[start..e_start];
            if extractor.rules.is_generic(modifier) || name.chars().count() > MAX_NAME {
                continue;
            }
            let class = adjust_class(ending.class, name);
            add(mentions, Mention::new(class, name, start, e_end));
        }
    }
}

/// 中国人民银行崇左市分行 is a government body; other branches are firms.
fn adjust_class(class: Class, name: &str) -> Class {
    if name.ends_with("分行") || name.ends_with("支行") {
        if name.contains("人民银行") {
            Class::GovernmentBody
        } else {
            Class::Firm
        }
    } else {
        class
    }
}

fn covers(text: &str, start: usize, end: usize, blocker: &str) -> bool {
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

fn next_is_boundary(text: &str, pos: usize) -> bool {
    text[pos..].chars().next().is_none_or(|c| is_boundary_char(c) || c.is_whitespace())
}

/// （B型）, （试点）, （试行） right after a name belong to it.
fn trailing_qualifier(rest: &str) -> usize {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if rest.starts_with(open)
            && let Some(i) = rest.find(close)
        {
            let inner = &rest[open.len_utf8()..i];
            if inner.chars().count() <= 4 && !inner.contains("简称") && !inner.contains(['，', '、']) {
                return i + close.len_utf8();
            }
        }
    }
    0
}

/// Extends a name backwards from byte `from` over words that may belong to
/// a name. Returns the start and whether a trigger verb stopped it.
fn extend_back(extractor: &Extractor, s: &Sentence<'_>, from: usize, mentions: &[Mention]) -> Option<(usize, bool)> {
    let text = &s.text;
    let first = s.word_at(from)?;
    let mut start = s.words[first].start;
    if start < from && word_is_stop(extractor, s.word(first)) {
        // The ending starts inside a stop word: 产业创新中心 → nothing.
        start = from;
    }
    let mut chars = text[start..from].chars().count();
    let mut i = first;
    while i > 0 {
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
        if w.chars().any(|c| is_boundary_char(c) && c != '（' && c != '）' && c != '(' && c != ')') {
            return Some((start, false));
        }
        if w == "）" || w == ")" {
            // A short bracketed part inside a name: 博尔诚（北京）科技.
            let open = text[..w_start].rfind(['（', '(']);
            match open {
                Some(o) if text[o..w_start].chars().count() <= 6 && o > 0 => {
                    while i > 0 && s.words[i].start > o {
                        i -= 1;
                    }
                    start = s.words[i].start;
                    continue;
                }
                _ => return Some((start, false)),
            }
        }
        if w == "（" || w == "(" {
            return Some((start, false));
        }
        if extractor.rules.triggers("originate").iter().any(|t| t == w)
            || extractor.rules.triggers("practice").iter().any(|t| t == w)
            || extractor.rules.triggers("platform").iter().any(|t| t == w)
        {
            return Some((start, true));
        }
        if word_is_stop(extractor, w) {
            return Some((start, false));
        }
        // A quoted name or 《》 title is its own entity, not a modifier.
        if !is_free(mentions, w_start, s.words[i].end)
            && mentions.iter().any(|m| m.start <= w_start && m.end >= s.words[i].end && matches!(m.class(), Class::Practice | Class::Policy | Class::Recognition | Class::Platform))
        {
            return Some((start, false));
        }
        chars += w.chars().count();
        if chars > MAX_NAME {
            return None;
        }
        start = w_start;
    }
    Some((start, false))
}

fn word_is_stop(extractor: &Extractor, word: &str) -> bool {
    extractor.rules.stop.contains(word)
}

/// Items of an enumeration (A、B、C等…) that no rule named take the class
/// of the items that have one; firms listed before 等…企业 are firms.
pub fn enumerations(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for (start, end) in list_spans(text) {
        let items = split_items(text, start, end);
        if items.len() < 2 {
            continue;
        }
        let known: Vec<Class> = items
            .iter()
            .filter_map(|&(a, b)| mentions.iter().find(|m| m.start <= a && m.end >= b && !m.nested).map(|m| m.class()))
            .collect();
        let after = &text[end..];
        let class = listed_firms(after)
            .then_some(Class::Firm)
            .or_else(|| majority(&known));
        let Some(class) = class else { continue };
        if known.len() * 2 < items.len() && class != Class::Firm {
            continue;
        }
        for &(a, b) in &items {
            let item = clean_label(&text[a..b]);
            let name_like = item.chars().count() >= 2
                && item.chars().count() <= 16
                && !extractor.rules.stop.contains(item.as_str());
            if name_like && is_free(mentions, a, b) {
                let bare_ending = extractor.rules.endings.iter().find(|e| e.text == item);
                let class = match bare_ending {
                    Some(e) if e.class == Class::SpecialZone => e.class,
                    _ => class,
                };
                add(mentions, Mention::new(class, &item, a, b));
            }
        }
    }
    single_listed_firm(extractor, s, mentions);
}

/// "X等企业": one firm before 等…企业.
fn single_listed_firm(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let mut from = 0;
    while let Some(at) = text[from..].find('等') {
        let pos = from + at;
        from = pos + '等'.len_utf8();
        if !listed_firms(&text[pos + '等'.len_utf8()..]) || text[..pos].ends_with(['、', '”']) {
            continue;
        }
        let Some((start, _)) = extend_back(extractor, s, pos, mentions) else {
            continue;
        };
        let name = &text[start..pos];
        if (2..=8).contains(&name.chars().count()) && is_free(mentions, start, pos) && !name.contains('、') {
            add(mentions, Mention::new(Class::Firm, name, start, pos));
        }
    }
}

/// 等 50 余家产业链上下游企业 / 等规模企业 / 等项目 (and not 等重点项目).
fn listed_firms(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('等') else {
        return false;
    };
    if rest.starts_with("项目") {
        return true;
    }
    let clause_end = rest.find(['，', '。', '；', '、']).unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let head = clause.find("企业").map(|i| &clause[..i]);
    matches!(head, Some(h) if h.chars().count() <= 12 && !h.contains("金融"))
}

fn majority(classes: &[Class]) -> Option<Class> {
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
fn list_spans(text: &str) -> Vec<(usize, usize)> {
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
fn split_items(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
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
    let cut = ["建设", "吸引", "与", "和", "打造", "推进", "即：", "即", "积极", "优化", "形成了", "以", "获批了", "获批", "了", "对接"]
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

/// Firms named right after 片区企业 / 片区内企业—— / 链主企业.
pub fn appositions(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for marker in ["片区内企业——", "片区内企业—", "片区企业", "链主企业", "经开区企业", "新区企业", "区内企业——"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(marker) {
            let start = from + at + marker.len();
            from = start;
            let Some(first) = s.word_starting_at(start) else { continue };
            let mut end = start;
            for i in first..s.words.len() {
                let w = s.word(i);
                if w.chars().any(is_boundary_char) || word_is_stop(extractor, w) {
                    break;
                }
                end = s.words[i].end;
                if text[start..end].chars().count() >= 6 {
                    break;
                }
            }
            let name = &text[start..end];
            let n = name.chars().count();
            if (2..=8).contains(&n) && is_free(mentions, start, end) {
                add(mentions, Mention::new(Class::Firm, name, start, end));
            }
        }
    }
}
