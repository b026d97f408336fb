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
const MAX_NAME: usize = 40;
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
const FILLERS: &[&str] = &[
    "了",
    "全省首个",
    "首个",
    "首家",
    "全省首家",
    "一系列",
    "系列",
    "新的",
    "出",
    "并",
];

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
        let selected = is_selected(extractor, after);
        let group_class = class_after_group(extractor, after);
        for (i, q) in group.iter().enumerate() {
            let inner = clean_label(&q.inner);
            if !quote_is_free(mentions, q, &inner) {
                continue;
            }
            if inner.chars().count() > MAX_QUOTED || inner.contains(['。', '；']) {
                continue;
            }
            let single = group.len() == 1;
            let tail = if i + 1 == group.len() && !selected {
                compound_tail(extractor, s, q.end)
            } else {
                None
            };
            if let Some((tail_text, tail_end, class)) = tail.clone().filter(|_| single) {
                let split = class == Class::Practice
                    && inner.contains('、')
                    && !has_short_item(&inner)
                    && !STRONG_PRACTICE_ENDINGS
                        .iter()
                        .any(|e| tail_text.ends_with(e));
                if !split {
                    let prefix = compound_prefix(extractor, s, q.start, mentions);
                    quoted_compound(mentions, q, &prefix, &inner, &tail_text, tail_end, class);
                    continue;
                }
            }
            // What the text says around the quote, strongest first.
            let class = if selected {
                Some(Class::Practice)
            } else {
                own_class(extractor, &inner)
                    .or(before_context)
                    .or(group_class)
                    .or_else(|| tail.as_ref().map(|t| t.2))
                    .or_else(|| {
                        (group.len() == 1 && is_platform_word(extractor, &inner))
                            .then_some(Class::Platform)
                    })
            };
            let Some(class) = class else { continue };
            if class == Class::Practice && inner.contains('、') && !has_short_item(&inner) && single
            {
                // “一业一证、证照联办”改革: two practices.
                for item in inner.split('、').filter(|i| i.chars().count() >= 3) {
                    add(mentions, Mention::new(class, item, q.start, q.end));
                }
                continue;
            }
            // 跨境商事登记“一窗通办”, 国际贸易“单一窗口”: the words before
            // the quote are part of the name.
            let prefix = if single && matches!(class, Class::Practice | Class::Platform) {
                compound_prefix(extractor, s, q.start, mentions)
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
fn is_selected(extractor: &Extractor, after: &str) -> bool {
    let after = after.trim_start();
    if extractor
        .rules
        .starts_with_trigger("recognize", after)
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
            extractor
                .rules
                .starts_with_trigger("recognize", &clause[i..])
                .is_some()
        })
}

/// A quote is free when nothing crosses it and nothing names all of it; a
/// reference name inside it (前海 in “前海深港国际服务城”) becomes nested.
fn quote_is_free(mentions: &[Mention], q: &Quote, inner: &str) -> bool {
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

/// Endings that make “X”… one practice even when X lists several things.
const STRONG_PRACTICE_ENDINGS: &[&str] = &[
    "模式",
    "机制",
    "制度",
    "体系",
    "服务圈",
    "生态圈",
    "路线",
    "积分制",
    "服务",
];

/// Words before a compound quote that belong to its name: 国际贸易“单一窗口”平台.
fn compound_prefix(
    extractor: &Extractor,
    s: &Sentence<'_>,
    quote_start: usize,
    mentions: &[Mention],
) -> String {
    let Some((start, after_verb)) = extend_back(extractor, s, quote_start, mentions) else {
        return String::new();
    };
    // 芜湖片区商品车出口“…”模式: the prefix starts after a name before it.
    let start = mentions
        .iter()
        .filter(|m| m.end > start && m.end <= quote_start)
        .map(|m| m.end)
        .max()
        .unwrap_or(start);
    let prefix = &s.text[start..quote_start];
    // 率先推出生物医药研发用物品进口“白名单”制度: after a verb, the whole
    // noun phrase up to the quote is the name's.
    let limit = if after_verb { 12 } else { 6 };
    let ok = prefix.chars().count() <= limit
        && !extractor.rules.is_generic(prefix)
        && is_free(mentions, start, quote_start);
    if ok { prefix.to_owned() } else { String::new() }
}

fn has_short_item(inner: &str) -> bool {
    inner.split('、').any(|i| i.chars().count() < 2)
}

/// “X”平台 → X平台 (alias X); “1+4+N”的养老综合服务模式 → 1+4+N养老综合服务模式;
/// “A、B、C”的片区企业上市培育体系 → 片区企业上市培育体系.
fn quoted_compound(
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
fn is_platform_word(extractor: &Extractor, inner: &str) -> bool {
    extractor
        .rules
        .endings
        .iter()
        .any(|e| e.class == Class::Platform && e.text == inner && inner.chars().count() >= 4)
}

/// The class a quoted text has by its own ending (智慧司法服务平台): only
/// endings specific enough to decide (three characters or more, or strong).
fn own_class(extractor: &Extractor, inner: &str) -> Option<Class> {
    let (class, use_, ending) = extractor.rules.class_by_ending(inner)?;
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
        Class::Practice if STRONG_PRACTICE_ENDINGS.iter().any(|e| inner.ends_with(e)) => {
            Some(class)
        }
        _ => None,
    }
}

/// Words right after a quote group that classify it: 等系列数字服务平台,
/// 等 20 项先进经验, 成功入选 …
fn class_after_group(extractor: &Extractor, after: &str) -> Option<Class> {
    let after = after.trim_start();
    for (kind, class) in [
        ("after_platform", Class::Platform),
        ("after_practice", Class::Practice),
    ] {
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
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "余多个项家款种批".contains(c)
    });
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
    if extractor
        .rules
        .ends_with_trigger("platform", before)
        .is_some()
    {
        return Some(Class::Platform);
    }
    // Apposition: 企业工作服务站“企业之家”.
    if let Some((class, _, ending)) = extractor.rules.class_by_ending(before)
        && ending.chars().count() >= 2
        && matches!(class, Class::Platform | Class::Institution)
    {
        return Some(class);
    }
    if extractor
        .rules
        .ends_with_trigger("practice", before)
        .is_some()
    {
        return Some(Class::Practice);
    }
    // 率先探索跨境商事登记“一窗通办”: the verb governs a short noun phrase
    // that the quote ends.
    if let Some((head, true)) = extend_back(extractor, s, start, &[])
        && head < start
        && s.text[head..start].chars().count() <= 8
    {
        return context_before(extractor, s, head);
    }
    None
}

/// The words after a quote up to a boundary, when they end like a name of
/// a class: returns (tail, end offset, class).
fn compound_tail(
    extractor: &Extractor,
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
        let noun = ["企业", "片区企业", "机构", "部门", "单位"].contains(&w);
        if w.chars().any(is_boundary_char)
            || (word_is_stop(extractor, w) && !noun)
            || extractor
                .rules
                .starts_with_trigger("recognize", w)
                .is_some()
            || text[from..end].chars().count() > 14
        {
            break;
        }
        let body = &text[start..end];
        let found = extractor
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

fn is_boundary_char(c: char) -> bool {
    "，,。；;：:！？!?、（）()“”「」《》—\n".contains(c)
}

/// Recognitions after 入选/获批/被认定为: the phrase up to an ending such as
/// 案例, 样板, 口岸, 枢纽 (or a list of them up to 等).
pub fn recognitions(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let mut claimed: Vec<(usize, usize)> = Vec::new();
    for trigger in extractor.rules.triggers("recognize") {
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
            let (_, clause_end) = s.clause_bounds(start);
            let phrase = &text[start..clause_end];
            let phrase_list_end = phrase.find('等').unwrap_or(phrase.len());
            let items: Vec<&str> = phrase[..phrase_list_end].split('、').collect();
            if items.len() > 1 {
                recognition_list(extractor, mentions, start, &items);
                continue;
            }
            let Some(end) = recognition_end(extractor, text, start, clause_end) else {
                continue;
            };
            let raw = text[start..end].trim();
            // 入选商务部公布的第五批…案例: who published it is not the name.
            let raw = ["公布的", "发布的", "评选的", "认定的", "确定的"]
                .iter()
                .find_map(|w| raw.split_once(w).map(|(_, r)| r))
                .filter(|r| r.chars().count() >= 6)
                .unwrap_or(raw);
            let label = clean_label(raw.trim_start_matches(|c: char| {
                c.is_ascii_digit() || c.is_whitespace() || c == '年'
            }));
            let bare = clean_label(raw);
            let n = label.chars().count();
            if !(4..=MAX_NAME).contains(&n) || is_generic_name(extractor, &label) {
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
fn recognition_list(
    extractor: &Extractor,
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
        let class = match extractor.rules.class_by_ending(name) {
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
fn is_generic_name(extractor: &Extractor, name: &str) -> bool {
    match extractor.rules.class_by_ending(name) {
        Some((_, _, ending)) => extractor
            .rules
            .is_generic(&name[..name.len() - ending.len()]),
        None => false,
    }
}

/// The end of a recognition name: the longest prefix of the clause that
/// ends with a recognition ending followed by a boundary.
fn recognition_end(
    extractor: &Extractor,
    text: &str,
    start: usize,
    clause_end: usize,
) -> Option<usize> {
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
        let rest = &phrase[end..];
        let boundary = match next {
            None => true,
            Some(n) => {
                is_boundary_char(n)
                    || "等的和及并".contains(n)
                    || n.is_whitespace()
                    || ["刊发", "刊载", "通报", "表彰"]
                        .iter()
                        .any(|w| rest.starts_with(w))
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

/// Names found by their ending (绥芬河综合保税区, 哈尔滨电气国际工程有限责任公司),
/// extended backwards word by word to a boundary.
pub fn by_ending(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let quoted: Vec<(usize, usize)> = quotes(text).iter().map(|q| (q.start, q.end)).collect();
    for ending in &extractor.rules.endings {
        if ending.use_ == EndingUse::Weak {
            continue;
        }
        let mut from = 0;
        while let Some(at) = text[from..].find(ending.text.as_str()) {
            let e_start = from + at;
            let mut e_end = e_start + ending.text.len();
            from = e_end;
            let in_quote = quoted.iter().any(|&(a, b)| e_start >= a && e_end <= b);
            let long = ending.text.chars().count() >= 4;
            if in_quote || (!long && !s.ends_word(e_end) && !next_is_boundary(text, e_end)) {
                continue;
            }
            if extractor
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
            let Some((start, stopped_by_trigger)) = extend_back(extractor, s, e_start, mentions)
            else {
                continue;
            };
            if ending.use_ == EndingUse::Verb && !stopped_by_trigger {
                continue;
            }
            let qualifier = trailing_qualifier(&text[e_end..]);
            let acronym = text[e_end..e_end + qualifier]
                .trim_matches(['（', '）', '(', ')'])
                .chars()
                .all(|c| c.is_ascii_uppercase());
            if !acronym {
                e_end += qualifier;
            }
            let start = trim_generic_start(extractor, text, start, e_start);
            let name = &text[start..e_end];
            let modifier = &text[start..e_start];
            let bare_allowed = modifier.is_empty()
                && ending.text.chars().count() >= 8
                && ending.class == Class::SpecialZone;
            let standalone = extractor.rules.standalone.iter().any(|n| n == name);
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
            if each_area {
                continue;
            }
            if (extractor.rules.is_generic(modifier) && !bare_allowed && !standalone)
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
}

/// Drops generic words at the start of a name: 省内首个跨境金融服务站 → 跨境金融服务站.
fn trim_generic_start(
    extractor: &Extractor,
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
                && !extractor.rules.is_generic(&rest[word.len()..])
            {
                start += word.len();
                continue 'outer;
            }
        }
        return start;
    }
}

/// 中国人民银行崇左市分行 is a government body; other branches are firms.
fn adjust_class(class: Class, name: &str) -> Class {
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
    text[pos..]
        .chars()
        .next()
        .is_none_or(|c| is_boundary_char(c) || c.is_whitespace())
}

/// （B型）, （试点）, （试行） right after a name belong to it.
fn trailing_qualifier(rest: &str) -> usize {
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
fn extend_back(
    extractor: &Extractor,
    s: &Sentence<'_>,
    from: usize,
    mentions: &[Mention],
) -> Option<(usize, bool)> {
    let text = &s.text;
    let first = s.word_at(from)?;
    let mut start = s.words[first].start;
    if start < from
        && (word_is_stop(extractor, s.word(first))
            || is_trigger_word(extractor, &text[start..from]))
    {
        // The ending starts inside a stop word: 产业创新中心 → nothing.
        return Some((from, is_trigger_word(extractor, &text[start..from])));
    }
    let mut i = first;
    while i > 0 {
        // A trigger right before the name, possibly with 了/对 between.
        let before = text[..start].trim_end_matches(['了', '对']);
        if extractor
            .rules
            .ends_with_trigger("originate", before)
            .is_some()
            || extractor
                .rules
                .ends_with_trigger("practice", before)
                .is_some()
            || extractor
                .rules
                .ends_with_trigger("platform", before)
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
        if word_is_stop(extractor, w) || is_generic_word_name(extractor, w) {
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

fn is_trigger_word(extractor: &Extractor, w: &str) -> bool {
    ["originate", "practice", "platform"]
        .iter()
        .any(|k| extractor.rules.triggers(k).iter().any(|t| t == w))
}

/// A word that is itself a generic name (商业银行, 金融机构): names do not
/// run through it.
fn is_generic_word_name(extractor: &Extractor, w: &str) -> bool {
    match extractor.rules.class_by_ending(w) {
        Some((_, _, ending)) if ending.len() < w.len() => {
            extractor.rules.is_generic(&w[..w.len() - ending.len()])
        }
        _ => false,
    }
}

/// A stop word, or a word ending with a verb of two characters or more
/// from the stop list (充分发挥, 综合利用).
fn word_is_stop(extractor: &Extractor, word: &str) -> bool {
    extractor.rules.stop.contains(word)
        || extractor
            .rules
            .stop
            .iter()
            .any(|w| w.chars().count() >= 2 && word.len() > w.len() && word.ends_with(w.as_str()))
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
            .filter_map(|&(a, b)| {
                mentions
                    .iter()
                    .find(|m| m.start <= a && m.end >= b && !m.nested)
                    .map(|m| m.class())
            })
            .collect();
        let after = &text[end..];
        let firms = listed_firms(after);
        let class = firms.then_some(Class::Firm).or_else(|| majority(&known));
        let Some(class) = class else { continue };
        let unknown = items.len() - known.len();
        let lexicon_class = matches!(
            class,
            Class::FreeTradeZone
                | Class::Area
                | Class::Place
                | Class::GovernmentBody
                | Class::Policy
        );
        if class != Class::Firm
            && (known.is_empty() || unknown > known.len().max(1) || lexicon_class)
        {
            continue;
        }
        for &(a, b) in &items {
            let item = clean_label(&text[a..b]);
            let n = item.chars().count();
            let name_like = (2..=16).contains(&n)
                && !word_is_stop(extractor, &item)
                && !item.contains(['，', '的']);
            if !name_like || !is_free(mentions, a, b) {
                continue;
            }
            let own = extractor.rules.class_by_ending(&item).map(|c| c.0);
            let bare = extractor
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
        if (2..=8).contains(&name.chars().count())
            && is_free(mentions, start, pos)
            && !name.contains('、')
        {
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

/// Firms named right after 片区企业 / 片区内企业—— / 链主企业.
pub fn appositions(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for marker in [
        "片区内企业——",
        "片区内企业—",
        "片区企业",
        "链主企业",
        "经开区企业",
        "新区企业",
        "区内企业——",
    ] {
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
                if w.chars().any(is_boundary_char)
                    || word_is_stop(extractor, w)
                    || is_trigger_word(extractor, w)
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

/// Practices listed after 推行/实施/带土移植: 全面推行一网通办、容缺受理、不见面审批.
pub fn practice_lists(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for verb in extractor.rules.triggers("list_practice") {
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
                // 企业定制模式筑巢引凤 → 企业定制模式.
                if let Some(cut) = ["模式", "机制", "制度", "体系"]
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
                    && !word_is_stop(extractor, &name);
                let short_enough = if single { n <= 8 } else { n <= 14 };
                // 复制推广长效机制: a head noun with a generic modifier.
                let generic_head =
                    extractor
                        .rules
                        .class_by_ending(&name)
                        .is_some_and(|(_, _, e)| {
                            extractor.rules.is_generic(&name[..name.len() - e.len()])
                        });
                // 把复制推广工作作为推动…: prose, not a name.
                let prose = ["作为", "成为", "推动", "加快", "确保", "结合", "进一步"]
                    .iter()
                    .any(|w| name.contains(w))
                    || name.starts_with("工作")
                    || name.ends_with("如下");
                if n >= 3
                    && short_enough
                    && plain
                    && !generic_head
                    && !prose
                    && is_free(mentions, a, b)
                    && !extractor.rules.is_generic(&name)
                {
                    add(mentions, Mention::new(Class::Practice, &name, a, b));
                }
            }
        }
    }
}

/// A name that shares its first part with the name before it:
/// 湖北省科技厅与财政厅 → 湖北省财政厅; 片区统计局和审计局 → 片区审计局.
pub fn coordinated(extractor: &Extractor, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
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
        let Some((_, _, ending)) = extractor.rules.class_by_ending(&m.key.label) else {
            continue;
        };
        let prefix = &m.key.label[..m.key.label.len() - ending.len()];
        if prefix.is_empty() {
            continue;
        }
        let after = m.end + joiner.len();
        // The bare second name: an ending of the same class, standing alone.
        let second = extractor
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
