//! Where firms and institutions are based: 落户/入驻 Z, 在 Z 设立 X,
//! 片区企业X, X等企业进驻. Input: a sentence and its mentions; output:
//! basedIn relations.

use super::Context;
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::{TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};
use regex::Regex;
use std::sync::LazyLock;

/// Firms named after 片区企业 / 经开区企业, or listed before 进驻/落户, are
/// based in the zone; a firm that builds 在 Z is based in Z.
pub(super) fn firms_in_zones(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for m in mentions
        .iter()
        .filter(|m| matches!(m.class(), Class::Firm | Class::Institution) && !m.nested)
    {
        let settle = known.rules.triggers(TriggerKind::Settle);
        let set_up = known.rules.triggers(TriggerKind::SetUp);
        if let Some(zones) = set_up_in(set_up, s, m, mentions, context) {
            for z in zones {
                graph.add_relation(&m.key, Property::BasedIn, &z, evidence);
            }
            continue;
        }
        if let Some(zone) =
            settled_in(settle, s, m, mentions).or_else(|| settled_before(settle, s, m, mentions))
        {
            graph.add_relation(&m.key, Property::BasedIn, &zone.key, evidence);
            continue;
        }
        if m.class() != Class::Firm {
            built_in_zone(set_up, s, m, mentions, evidence, graph);
            continue;
        }
        let described = described_in(known, s, m, mentions, context);
        if !described.is_empty() {
            for z in described {
                graph.add_relation(&m.key, Property::BasedIn, &z, evidence);
            }
            continue;
        }
        let before = &text[..m.start];
        // 连云港片区企业X: the area named right before 企业.
        let named_before = mentions.iter().rev().find(|z| {
            let gap = &text[z.end.min(m.start)..m.start];
            ["企业", "内企业", "区内企业"].contains(&gap) && z.class().is_zone() && !z.nested
        });
        if let Some(z) = named_before {
            graph.add_relation(&m.key, Property::BasedIn, &z.key, evidence);
            continue;
        }
        // Z 已复制推广…，区内企业 A: the zone the sentence opens with.
        if known
            .rules
            .ends_with_word(WordList::ZoneFirmRefs, before)
            .is_some()
            && let Some(z) = sentence_subject_zone(s, mentions, m.start)
        {
            graph.add_relation(&m.key, Property::BasedIn, &z.key, evidence);
            continue;
        }
        let zone_word = [
            "片区内企业——",
            "片区内企业",
            "片区企业",
            "区内企业——",
            "链主企业",
        ]
        .iter()
        .find(|w| before.ends_with(*w));
        if zone_word.is_some() {
            for z in context.topic {
                graph.add_relation(&m.key, Property::BasedIn, z, evidence);
            }
            continue;
        }
        if before.ends_with("企业") {
            // 北京经开区企业X: the zone named right before 企业; 经开区企业X:
            // the article's zone of that kind.
            let named = mentions
                .iter()
                .rev()
                .find(|z| z.end + "企业".len() == m.start && z.class().is_zone());
            let bare = ["经开区", "新区", "综保区", "高新区", "开发区", "园区"]
                .iter()
                .find(|t| before.ends_with(&format!("{t}企业")))
                .and_then(|t| context.zones.iter().find(|z| z.label.ends_with(t)));
            if let Some(z) = named.map(|z| &z.key).or(bare) {
                graph.add_relation(&m.key, Property::BasedIn, z, evidence);
            }
            continue;
        }
        let (_, clause_end) = s.clause_bounds(m.end);
        let rest_of_clause = &text[m.end..clause_end];
        let settles = rest_of_clause.contains('等')
            && ["进驻", "落户", "入驻", "南雁北归", "集聚"]
                .iter()
                .any(|w| rest_of_clause.contains(w))
            || ["等片区企业", "等区内企业", "等自贸片区企业"]
                .iter()
                .any(|w| rest_of_clause.starts_with(w));
        // Z作为…，已吸引A等43家企业入驻: the zone the sentence opens with.
        let drawn_by = known
            .rules
            .contains_word(WordList::DrawVerbs, &text[..m.start])
            .then(|| sentence_subject_zone(s, mentions, m.start))
            .flatten();
        if settles && let Some(z) = drawn_by {
            graph.add_relation(&m.key, Property::BasedIn, &z.key, evidence);
        } else if settles {
            for z in context.topic {
                graph.add_relation(&m.key, Property::BasedIn, z, evidence);
            }
        }
        built_in_zone(set_up, s, m, mentions, evidence, graph);
    }
    firm_referred_back(known, s, mentions, context, evidence, graph);
}

/// The zone a sentence opens with (its first clause's first name), named
/// before `before`.
fn sentence_subject_zone<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    before: usize,
) -> Option<&'m Mention> {
    let (_, first_clause_end) = s.clause_bounds(0);
    let first = mentions.iter().find(|z| !z.nested)?;
    (first.class().is_zone() && first.end <= first_clause_end.min(before)).then_some(first)
}

/// 首笔业务由X办理，该公司注册于德宏片区: the firm 该公司 refers back to (the
/// last named in the sentence, else before it) is based in the zones of the
/// clause when a verb of settling or lying comes before them.
fn firm_referred_back(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    // 该公司 (firm_anaphora), and 这家 with the firm's trade before its noun
    // (firm_demonstratives, firm_nouns: 这家汽车零部件企业).
    let mut referring: Vec<(usize, usize)> = known
        .rules
        .words(WordList::FirmAnaphora)
        .iter()
        .flat_map(|w| {
            text.match_indices(w.as_str())
                .map(|(at, w)| (at, at + w.len()))
        })
        .collect();
    for lead in known.rules.words(WordList::FirmDemonstratives) {
        for (at, _) in text.match_indices(lead.as_str()) {
            let rest = &text[at..];
            let noun = known
                .rules
                .words(WordList::FirmNouns)
                .iter()
                .filter_map(|n| rest.find(n.as_str()).map(|i| i + n.len()))
                .min()
                .filter(|&end| {
                    rest[..end].chars().count() <= 12 && !rest[..end].contains(['，', '。'])
                });
            if let Some(end) = noun {
                referring.push((at, at + end));
            }
        }
    }
    referring.sort_unstable();
    referring.dedup();
    for (at, from) in referring {
        let firm = mentions
            .iter()
            .rfind(|m| !m.nested && m.class() == Class::Firm && m.end <= at)
            .map(|m| &m.key)
            .or(context.last_firm);
        let Some(firm) = firm else {
            continue;
        };
        let (_, clause_end) = s.clause_bounds(from);
        let Some(zone) = mentions
            .iter()
            .find(|z| !z.nested && z.class().is_zone() && z.start >= from && z.end <= clause_end)
        else {
            continue;
        };
        let verbs = &text[from..zone.start];
        let settles = known
            .rules
            .triggers(TriggerKind::Settle)
            .iter()
            .chain(known.rules.words(WordList::LocatedVerbs))
            .any(|v| verbs.contains(v.as_str()));
        // 这家企业在 Z 注册落户: 在 before the zone, the verb after it.
        let settles_after = verbs.trim_end().ends_with('在')
            && known
                .rules
                .starts_with_trigger(TriggerKind::Settle, &text[zone.end..])
                .is_some();
        // 该公司将保税维修业务整体迁入 Z: the object moved may stand between.
        if (settles || settles_after) && verbs.chars().count() <= 12 {
            graph.add_relation(firm, Property::BasedIn, &zone.key, evidence);
        }
    }
}

/// A firm described by where it is, in its own clause: 两江片区内的外资企业X,
/// 长沙片区一家医疗器械企业——X (a zone, then words ending in a firm noun);
/// 在果园港片区从事汽摩配件出口的X, 在片区注册的X (在 Z, a based verb, 的);
/// X等21家片区企业 (the article's zone).
fn described_in(
    known: &Knowledge,
    s: &Sentence<'_>,
    m: &Mention,
    mentions: &[Mention],
    context: &Context<'_>,
) -> Vec<EntityKey> {
    let text = &s.text;
    let (clause_start, _) = s.clause_bounds(m.start);
    let before = text[clause_start..m.start].trim_end_matches(['—', '：', ':']);
    let has_stop = |words: &str| {
        known
            .rules
            .stop
            .iter()
            .any(|w| w.chars().count() >= 2 && words.contains(w.as_str()))
    };
    let zone = mentions.iter().rev().find(|z| {
        !z.nested
            && z.class().is_zone()
            && z.start >= clause_start
            && z.end <= before.len() + clause_start
    });
    let based_verb = |gap: &str| {
        known
            .rules
            .words(WordList::BasedVerbs)
            .iter()
            .any(|v| gap.starts_with(v.as_str()))
            && gap.ends_with('的')
            && gap.chars().count() <= 14
    };
    if let Some(z) = zone {
        let gap = &text[z.end..clause_start + before.len()];
        // 位于前湾综保区的X: where the firm lies, then 的.
        let located = known
            .rules
            .ends_with_word(WordList::LocatedVerbs, &text[clause_start..z.start])
            .is_some();
        if located && matches!(gap, "的" | "内的") {
            return vec![z.key.clone()];
        }
        let noun = known
            .rules
            .words(WordList::FirmNouns)
            .iter()
            .find(|n| gap.ends_with(n.as_str()));
        let middle = noun.map(|n| {
            gap[..gap.len() - n.len()]
                .trim_start_matches(['内', '里', '的'])
                .trim_start_matches(['的', '一', '首', '多'])
        });
        if middle.is_some_and(|w| gap.chars().count() <= 12 && !has_stop(w)) {
            return vec![z.key.clone()];
        }
        if text[..z.start].ends_with('在') && based_verb(gap) {
            return vec![z.key.clone()];
        }
    }
    // 在片区注册的X: the article's zone.
    if let Some(gap) = before.rsplit_once("在片区").map(|(_, g)| g)
        && based_verb(gap)
    {
        return context.topic.to_vec();
    }
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^等\d*(家|个)(自贸)?(片区|区内)企业").expect("a valid regex")
    });
    // The clause after the name (a name may hold a colon itself).
    let (_, after_end) = s.clause_bounds(m.end);
    if COUNTED.is_match(&text[m.end..after_end]) {
        return context.topic.to_vec();
    }
    Vec::new()
}

/// 首批入驻雄安片区数字贸易产业园企业：A、B、C — a lead before a colon
/// that settles firms (a settle verb, one zone, a firm noun at its end):
/// every firm listed after the colon is based in that zone.
pub(super) fn listed_after_colon(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let Some(colon) = s.text.find(['：', ':']) else {
        return;
    };
    let lead = &s.text[..colon];
    let settles = known
        .rules
        .triggers(TriggerKind::Settle)
        .iter()
        .any(|t| lead.contains(t.as_str()));
    if !settles
        || known
            .rules
            .ends_with_word(WordList::FirmNouns, lead)
            .is_none()
    {
        return;
    }
    let zones: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.end <= colon && m.class().is_zone())
        .collect();
    let [zone] = zones.as_slice() else {
        return;
    };
    for firm in mentions
        .iter()
        .filter(|m| !m.nested && m.start > colon && m.class() == Class::Firm)
    {
        graph.add_relation(&firm.key, Property::BasedIn, &zone.key, evidence);
    }
}

/// 哈工大卫星已在哈尔滨新区暨自贸试验区哈尔滨片区建设…; 研究院在厦门片区揭牌成立.
pub(super) fn built_in_zone(
    set_up: &[String],
    s: &Sentence<'_>,
    m: &Mention,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let after = &s.text[m.end..];
    let Some(at) = after.find('在') else {
        return;
    };
    let place = &after[at..];
    let built = set_up.iter().any(|w| place.contains(w.as_str()));
    if !built || at >= 12 {
        return;
    }
    let zone_start = m.end + at;
    for z in mentions.iter().filter(|z| {
        z.start >= zone_start && z.start < zone_start + 60 && z.class().is_zone() && !z.nested
    }) {
        graph.add_relation(&m.key, Property::BasedIn, &z.key, evidence);
    }
}

/// 等60余家文创企业先后: the count that closes a list of firms.
static COUNTED_FIRMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"等[\d一二三四五六七八九十百千余多]+家[^，。；、]{0,8}(企业|公司|机构)(先后|相继|陆续|已经|已|新)?$")
        .expect("a valid regex")
});

pub(super) static SETTLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:于|在)?\s*(?:\d{4}\s*年|今年|去年|前年|同年|当年|近日|日前|[一二两三四五六七八九十\d]{1,2}年前)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?(?:初|底|中旬|上旬|下旬)?")
        .expect("date pattern")
});

/// 易达供应链落户南沙片区 / 研究院正式入驻于自贸片区: the organisation is based
/// in the zone that follows the verb.
pub(super) fn settled_in<'m>(
    settle: &[String],
    s: &Sentence<'_>,
    m: &Mention,
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    let mut rest = s.text[m.end..].trim_start();
    // 1. X：入驻南昌综合保税区: a list entry names the firm, then what it did.
    if let Some(entry) = rest.strip_prefix(['：', ':']) {
        rest = entry.trim_start();
    }
    // X（Yunnan … Co., Ltd.）入驻: the name in another language first.
    if let Some(inner) = rest.strip_prefix(['（', '('])
        && let Some(close) = inner.find(['）', ')'])
        && !inner[..close].contains(['，', '。', '；'])
    {
        let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
        rest = inner[close + close_len..].trim_start();
    }
    // 于2023年入驻: a date may stand before the verb.
    if let Some(date) = SETTLE_DATE.find(rest) {
        rest = &rest[date.end()..];
    }
    for adverb in SETTLE_ADVERBS {
        rest = rest.strip_prefix(adverb).unwrap_or(rest);
    }
    // 将总部由广东东莞整体迁入郴州片区: a short phrase may stand before it.
    let rest_start = s.text.len() - rest.len();
    let (_, clause_end) = s.clause_bounds(rest_start);
    let clause_rest = &rest[..clause_end.saturating_sub(rest_start).min(rest.len())];
    let (at, verb) = settle
        .iter()
        .filter_map(|v| clause_rest.find(v.as_str()).map(|i| (i, v)))
        .min_by_key(|(i, _)| *i)?;
    let lead = &clause_rest[..at];
    // A、B落户…: the other firms of the list may stand between.
    let lead_start = s.text.len() - rest.len();
    let mut listed = lead.to_owned();
    for o in mentions.iter().filter(|o| {
        !o.nested
            && o.start >= lead_start
            && o.end <= lead_start + lead.len()
            && o.class().is_organisation()
    }) {
        listed = listed.replacen(&s.text[o.start..o.end], "", 1);
    }
    // A、B等60余家文创企业先后入驻…: a count of firms may close the list.
    let listed = COUNTED_FIRMS.replace(&listed, "");
    // A、B先后入驻…: the adverb stands after the last firm of the list.
    let mut listed = listed.as_ref();
    for adverb in SETTLE_ADVERBS {
        listed = listed.strip_suffix(adverb).unwrap_or(listed);
    }
    // A等40余家企业在Z注册展业: the zone stands before the verb.
    if let Some(z) = zone_before_verb(s, mentions, lead_start + at)
        && z.start >= lead_start
    {
        // (这家企业在Z注册落户: nothing between the firm and 在.)
        let head_end = z.start.saturating_sub('在'.len_utf8()).max(lead_start);
        let mut head = s.text[lead_start..head_end].to_owned();
        for o in mentions.iter().filter(|o| {
            !o.nested && o.start >= lead_start && o.end <= z.start && o.class().is_organisation()
        }) {
            head = head.replacen(&s.text[o.start..o.end], "", 1);
        }
        let head = COUNTED_FIRMS.replace(&head, "");
        let mut head = head.as_ref();
        for adverb in SETTLE_ADVERBS {
            head = head.strip_suffix(adverb).unwrap_or(head);
        }
        if head.chars().all(|c| "、和与及 ".contains(c)) {
            return Some(z);
        }
    }
    let only_list = listed.chars().all(|c| "、和与及 ".contains(c));
    let short_lead = lead.is_empty()
        || only_list
        || (lead.starts_with(['将', '由']) && lead.chars().count() <= 16);
    if !short_lead {
        return None;
    }
    let rest = &rest[at + verb.len()..];
    let rest = rest
        .strip_prefix('在')
        .or(rest.strip_prefix('于'))
        .or(rest.strip_prefix('到'))
        .unwrap_or(rest);
    let at = s.text.len() - rest.len();
    mentions
        .iter()
        .find(|z| z.start == at && z.class().is_zone() && !z.nested)
}

/// Adverbs between a firm (or the list it ends) and its settling verb.
const SETTLE_ADVERBS: [&str; 10] = [
    "已经", "已", "成功", "正式", "也", "将", "先后", "相继", "率先", "新",
];

/// The zone that ends right before the settling verb at `verb_at`.
fn zone_before_verb<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    verb_at: usize,
) -> Option<&'m Mention> {
    mentions
        .iter()
        .rfind(|z| z.end == verb_at && z.class().is_zone() && !z.nested && z.start <= verb_at)
        .filter(|z| s.text[..z.start].ends_with('在'))
}

/// 东北大学在片区设立东北大学工业智能研究院: what is set up 在 a zone (or
/// in the bare 片区 the text is about) is based there.
pub(super) fn set_up_in(
    set_up: &[String],
    s: &Sentence<'_>,
    m: &Mention,
    mentions: &[Mention],
    context: &Context<'_>,
) -> Option<Vec<EntityKey>> {
    let before = &s.text[..m.start];
    let verb = set_up.iter().find(|v| before.ends_with(v.as_str()))?;
    let place = before[..before.len() - verb.len()].trim_end_matches('了');
    if let Some(z) = mentions
        .iter()
        .rfind(|z| z.end == place.len() && z.class().is_zone() && !z.nested)
    {
        return s.text[..z.start]
            .ends_with('在')
            .then(|| vec![z.key.clone()]);
    }
    let bare = ["在片区", "在自贸片区", "在区内"]
        .iter()
        .any(|w| place.ends_with(w));
    bare.then(|| {
        context
            .topic
            .iter()
            .filter(|k| k.class == Class::Area || k.class == Class::SpecialZone)
            .cloned()
            .collect()
    })
}

/// 落户苏州片区的澄源生物: the zone between a settling verb and 的.
pub(super) fn settled_before<'m>(
    settle: &[String],
    s: &Sentence<'_>,
    m: &Mention,
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    let before = s.text[..m.start].strip_suffix('的')?;
    let zone = mentions
        .iter()
        .rev()
        .find(|z| z.end == before.len() && z.class().is_zone() && !z.nested)?;
    let verb_text = s.text[..zone.start].trim_end_matches(['在', '于', '到']);
    settle
        .iter()
        .any(|v| verb_text.ends_with(v.as_str()))
        .then_some(zone)
}
