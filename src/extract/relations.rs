//! Relations stated in one sentence, from trigger words (data/rules/
//! triggers.tsv) between mentions. A subject the sentence leaves out
//! (片区…复制推广“X”) is the article's topic zone.
//!
//! Reference facts are stated when the text names them: an area named in
//! full states that it is part of its zone and lies in its city.

use super::collect::ArticleGraph;
use super::mentions::Mention;
use super::sentence::Sentence;
use super::{Extractor, key};
use crate::model::{Class, EntityKey, Property};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What relation rules know about the article.
pub struct Context<'a> {
    /// Zones the article is about (its title's zone, or the most named).
    pub topic: &'a [EntityKey],
    /// The practice named last before this sentence (for 该模式, 该做法).
    pub last_practice: Option<&'a EntityKey>,
    /// Every zone the article names.
    pub zones: &'a [EntityKey],
    /// Every entity the article names on its own (not only inside a name).
    pub named: &'a HashSet<&'a EntityKey>,
    /// The body that issued the article, when it is a notice.
    pub issuer: Option<&'a EntityKey>,
}

/// Applies every relation rule to a sentence's mentions.
pub fn apply(
    extractor: &Extractor,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    graph: &mut ArticleGraph,
) {
    let evidence = s.original;
    reference_facts(extractor, s, mentions, context, evidence, graph);
    names_inside_names(extractor, s, mentions, context, evidence, graph);
    let triggers = find_triggers(extractor, s, mentions);
    let scopes: Vec<(usize, usize)> = triggers
        .iter()
        .enumerate()
        .map(|(i, t)| scope(s, &triggers, i, t))
        .collect();
    let mut originated_here: Vec<EntityKey> = Vec::new();
    for (t, &(from, to)) in triggers.iter().zip(&scopes) {
        let objects: Vec<&Mention> = mentions
            .iter()
            .filter(|m| !m.nested && m.start >= from && m.start < to)
            .collect();
        // Mentions that an earlier trigger governs are its objects, not
        // subjects of this one (建设 A、B，创新实施 C: A and B did not create C).
        let governed = |m: &Mention| {
            triggers.iter().zip(&scopes).any(|(o, &(a, b))| {
                // 组建全省首个区级科技局: built, not acting. 成立不足4年的公司: acting.
                let gap = &s.text[o.end.min(m.start)..m.start];
                let built = o.kind == "operate"
                    && m.class().is_organisation()
                    && gap.chars().count() <= 6
                    && !gap.contains('的');
                o.start < t.start
                    && m.start >= a
                    && m.start < b
                    && (kind_takes(o.kind, m.class()) || built)
            })
        };
        let subjects = subjects_before(s, mentions, t.start, t.kind, context, &governed);
        let built = t.kind == "operate" && builds(&s.text[..t.end]);
        link(t.kind, built, &subjects, &objects, evidence, graph);
        if t.kind == "issue" && !objects.iter().any(|o| o.class() == Class::Policy) {
            // 现将《…》印发给你们: the policy stands between 将 and the verb.
            if let Some(at) = s.text[..t.start].rfind('将') {
                let moved: Vec<&Mention> = mentions
                    .iter()
                    .filter(|m| !m.nested && m.class() == Class::Policy)
                    .filter(|m| m.start > at && m.end <= t.start)
                    .collect();
                let subjects: Vec<EntityKey> = match context.issuer {
                    Some(issuer)
                        if !mentions.iter().any(|m| m.end <= at && is_actor(m.class())) =>
                    {
                        vec![issuer.clone()]
                    }
                    _ => subjects.clone(),
                };
                link(t.kind, false, &subjects, &moved, evidence, graph);
            }
        }
        if t.kind == "replicate" {
            copied_by_passive(s, mentions, t, context, evidence, graph);
            copied_to(s, mentions, t, context, evidence, graph);
        }
        if t.kind == "replicate" && !objects.iter().any(|o| o.class() == Class::Practice) {
            // “一单制”…目前已在前海蛇口片区、横琴片区复制推广: the practice
            // comes before the zones.
            let zones_at = s.text[..t.start].rfind('在').unwrap_or(t.start);
            let practice = practice_before(s, mentions, zones_at, context);
            let named: Vec<&EntityKey> = mentions
                .iter()
                .filter(|m| {
                    !m.nested && m.class().is_zone() && m.start >= zones_at && m.end <= t.start
                })
                .map(|m| &m.key)
                .collect();
            if let Some(practice) = practice {
                for zone in named {
                    graph.add_relation(practice, Property::ReplicatedIn, zone, evidence);
                }
            }
        }
        if t.kind == "originate" && subjects.as_slice() != context.topic {
            originated_here.extend(objects.iter().map(|o| o.key.clone()));
        }
        if t.kind == "recognize" && objects.iter().any(|o| o.class() == Class::Recognition) {
            // A practice selected as a case started where the text is about,
            // unless the sentence names who created it.
            for practice in subjects
                .iter()
                .filter(|k| k.class == Class::Practice && !originated_here.contains(k))
            {
                for zone in context.topic {
                    graph.add_relation(practice, Property::OriginatedIn, zone, evidence);
                }
            }
        }
    }
    for (t, &(from, to)) in triggers.iter().zip(&scopes) {
        if t.kind == "replicate" {
            copied_from(s, mentions, from, to, evidence, graph);
        }
    }
    zones_within(s, mentions, context, evidence, graph);
    practices_of_areas(s, mentions, evidence, graph);
    created_by(extractor, s, mentions, evidence, graph);
    part_of_as_member(s, mentions, evidence, graph);
    firms_in_zones(extractor, s, mentions, context, evidence, graph);
    applies_to(s, mentions, evidence, graph);
}

/// A trigger word found in a sentence.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    kind: &'static str,
    start: usize,
    end: usize,
}

const KINDS: [&str; 6] = [
    "replicate",
    "originate",
    "recognize",
    "issue",
    "operate",
    "based",
];

fn find_triggers(extractor: &Extractor, s: &Sentence<'_>, mentions: &[Mention]) -> Vec<Trigger> {
    let mut candidates: Vec<Trigger> = Vec::new();
    for kind in KINDS {
        for word in extractor.rules.triggers(kind) {
            for (start, _) in s.text.match_indices(word.as_str()) {
                let end = start + word.len();
                // A trigger word inside a name (…集成创新) is not a trigger.
                let inside_name = mentions.iter().any(|m| m.start <= start && m.end >= end);
                if !inside_name && s.starts_word(start) {
                    candidates.push(Trigger { kind, start, end });
                }
            }
        }
    }
    // Overlapping triggers: the longest wins (复制创新 is not 创新), then
    // the kind listed first.
    candidates.sort_by_key(|t| {
        (
            std::cmp::Reverse(t.end - t.start),
            KINDS.iter().position(|k| *k == t.kind),
        )
    });
    let mut found: Vec<Trigger> = Vec::new();
    for t in candidates {
        if !found.iter().any(|f| f.start < t.end && t.start < f.end) {
            found.push(t);
        }
    }
    found.sort_by_key(|t| t.start);
    found
}

/// Triggers that only say how (率先, 首次) lend their meaning to the next verb.
const ADVERB_TRIGGERS: &[&str] = &["率先", "首次", "创新", "探索"];

/// The span a trigger governs: up to the next trigger (or through it, when
/// the two are chained: 创新开发并上线运营), at most to the sentence end.
fn scope(s: &Sentence<'_>, triggers: &[Trigger], i: usize, t: &Trigger) -> (usize, usize) {
    let mut end = clause_or_list_end(s, t.end);
    let mut k = i + 1;
    while let Some(next) = triggers.get(k) {
        if next.start >= end {
            break;
        }
        let between = s.text[t.end..next.start].trim();
        let chained = matches!(between, "" | "并" | "和" | "与" | "及" | "并且")
            || ADVERB_TRIGGERS.contains(&&s.text[t.start..t.end]);
        if !chained {
            end = next.start;
            break;
        }
        end = end.max(clause_or_list_end(s, next.end));
        k += 1;
    }
    (t.end, end)
}

/// The end of the clause at `pos`, or of the next one when it spells out
/// a list (打造“一区四园”，即：A、B、C).
fn clause_or_list_end(s: &Sentence<'_>, pos: usize) -> usize {
    let (_, end) = s.clause_bounds(pos);
    let rest = s.text[end..].trim_start_matches(['，', '：', ':', ',']);
    if ["即", "包括", "分别是", "分别为"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        let next = s.text.len() - rest.len();
        // Just past the colon that opens the list (full-width or ASCII).
        let after_colon = s.text[next..]
            .char_indices()
            .find(|&(_, c)| matches!(c, '：' | ':'))
            .map_or(next, |(i, c)| next + i + c.len_utf8());
        return s.clause_bounds(after_colon).1.max(end);
    }
    end
}

/// Whether a trigger of `kind` takes an object of `class`.
fn kind_takes(kind: &str, class: Class) -> bool {
    match kind {
        "replicate" => class == Class::Practice,
        "originate" => matches!(
            class,
            Class::Practice | Class::Platform | Class::Institution | Class::SpecialZone
        ),
        "recognize" => class == Class::Recognition,
        "issue" => class == Class::Policy,
        "operate" => matches!(
            class,
            Class::Platform | Class::Institution | Class::SpecialZone
        ),
        _ => false,
    }
}

/// Classes that can act (issue, operate, originate, copy).
fn is_actor(class: Class) -> bool {
    class.is_zone() || class.is_organisation()
}

/// The subjects of a trigger: the nearest actor before it in the sentence
/// and those joined to it (和, 与, 及, 、, 联合, 暨); else the topic zone.
fn subjects_before(
    s: &Sentence<'_>,
    mentions: &[Mention],
    at: usize,
    kind: &str,
    context: &Context<'_>,
    governed: &dyn Fn(&Mention) -> bool,
) -> Vec<EntityKey> {
    // What is selected may be what an earlier verb made (企业自主研发的
    // “X”模式，入选…): for 入选, a practice right before the verb counts.
    let selected_practice = |m: &Mention| {
        // …模式，近日被联席会议办公室列入…: the agent after 被 is skipped.
        let gap = &s.text[m.end..at];
        let gap = gap.split('被').next().unwrap_or(gap);
        kind == "recognize"
            && m.class() == Class::Practice
            && gap.trim_matches(['，', ',', ' ']).chars().count() <= 4
    };
    let candidates: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.end <= at && !instrument(s, m))
        .filter(|m| !governed(m) || selected_practice(m))
        .filter(|m| match kind {
            "replicate" => m.class().is_zone(),
            "recognize" => {
                !matches!(m.class(), Class::Recognition | Class::Policy) && !is_agent(s, m, at)
            }
            _ => is_actor(m.class()),
        })
        .collect();
    if kind == "recognize"
        && refers_back(&s.text[..at])
        && candidates.iter().all(|m| m.class() != Class::Practice)
    {
        // 该模式: the practice named last, in this sentence or before it.
        let here = mentions
            .iter()
            .rfind(|m| !m.nested && m.end <= at && m.class() == Class::Practice);
        if let Some(p) = here.map(|m| &m.key).or(context.last_practice) {
            return vec![p.clone()];
        }
    }
    let Some(nearest) = candidates.last() else {
        // 现将《…》印发给你们: a notice's own issuer.
        if kind == "issue"
            && let Some(issuer) = context.issuer
        {
            return vec![issuer.clone()];
        }
        return context.topic.to_vec();
    };
    if kind == "recognize" {
        return vec![nearest.key.clone()];
    }
    let mut subjects = vec![nearest.key.clone()];
    let mut right = *nearest;
    for left in candidates.iter().rev().skip(1) {
        let between = s.text[left.end..right.start].trim();
        let joined = between.chars().count() <= 16
            && !between.contains(['，', '；', '。'])
            && JOINERS.iter().any(|j| between.contains(j));
        if !joined {
            break;
        }
        subjects.push(left.key.clone());
        right = left;
    }
    subjects
}

/// Whether the text refers back to a practice named before (该模式).
fn refers_back(text: &str) -> bool {
    const ANAPHORA: &[&str] = &[
        "该模式",
        "该做法",
        "该经验",
        "该机制",
        "该制度",
        "该案例",
        "该举措",
        "该改革",
        "此项改革",
        "这一做法",
        "这一模式",
        "这一经验",
    ];
    ANAPHORA.iter().any(|a| text.contains(a))
}

/// The agent of a passive (被商务部列为): it selects, it is not selected.
fn is_agent(s: &Sentence<'_>, m: &Mention, trigger: usize) -> bool {
    let before = s.text[..m.start].trim_end();
    let between = s.text[m.end..trigger].trim();
    (before.ends_with('被') || before.ends_with('经')) && between.chars().count() <= 2
}

/// A name after 依托/通过/利用/借助 in its clause is a means, not an actor.
fn instrument(s: &Sentence<'_>, m: &Mention) -> bool {
    // 以深哈产业园为载体，…: the place where the work is done acts.
    let after = &s.text[m.end..];
    if ["为载体", "为主体", "为主阵地", "为核心区"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return false;
    }
    let (clause_start, _) = s.clause_bounds(m.start);
    let before = &s.text[clause_start..m.start];
    ["依托", "通过", "利用", "借助", "围绕", "以"]
        .iter()
        .any(|w| before.contains(w))
}

/// Words that join two actors into one subject (A 和 B; A 联合 B).
const JOINERS: &[&str] = &["和", "与", "及", "、", "暨", "联合", "会同", "携手"];

/// 牵头搭建, 自主搭建: the operator also created the platform.
fn builds(text_to_verb: &str) -> bool {
    ["搭建", "牵头建设", "自主研发", "自主开发", "开发", "研发"]
        .iter()
        .any(|v| text_to_verb.ends_with(v))
}

fn link(
    kind: &str,
    built: bool,
    subjects: &[EntityKey],
    objects: &[&Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for o in objects {
        let object = &o.key;
        for subject in subjects {
            match (kind, object.class) {
                ("replicate", Class::Practice) => {
                    graph.add_relation(object, Property::ReplicatedIn, subject, evidence)
                }
                ("originate", Class::Practice | Class::Platform) => {
                    graph.add_relation(object, Property::OriginatedIn, subject, evidence)
                }
                ("originate" | "operate", Class::Institution) if subject.class.is_zone() => {
                    graph.add_relation(object, Property::BasedIn, subject, evidence)
                }
                ("recognize", Class::Recognition) => {
                    graph.add_relation(subject, Property::RecognizedAs, object, evidence)
                }
                ("issue", Class::Policy) => {
                    graph.add_relation(subject, Property::Issued, object, evidence)
                }
                ("operate", Class::Platform) => {
                    graph.add_relation(subject, Property::Operates, object, evidence);
                    if built {
                        graph.add_relation(object, Property::OriginatedIn, subject, evidence);
                    }
                }
                ("operate" | "originate", Class::SpecialZone) if subject.class.is_zone() => {
                    graph.add_relation(object, Property::PartOf, subject, evidence)
                }
                _ => {}
            }
        }
    }
}

/// Firms named after 片区企业 / 经开区企业, or listed before 进驻/落户, are
/// based in the zone; a firm that builds 在 Z is based in Z.
fn firms_in_zones(
    extractor: &Extractor,
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
        let settle = extractor.rules.triggers("settle");
        let set_up = extractor.rules.triggers("set_up");
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
        if settles {
            for z in context.topic {
                graph.add_relation(&m.key, Property::BasedIn, z, evidence);
            }
        }
        built_in_zone(set_up, s, m, mentions, evidence, graph);
    }
}

/// 哈工大卫星已在哈尔滨新区暨自贸试验区哈尔滨片区建设…; 研究院在厦门片区揭牌成立.
fn built_in_zone(
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

static SETTLE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:于|在)?\s*(?:\d{4}\s*年|今年|去年|近日|日前)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?(?:初|底|中旬|上旬|下旬)?")
        .expect("date pattern")
});

/// 芜湖片区商品车出口“江海直达”模式: a practice named right after an area,
/// as its own, started there.
fn practices_of_areas(
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for p in mentions
        .iter()
        .filter(|m| !m.nested && m.class() == Class::Practice)
    {
        // The words between may be the name's own prefix (商品车出口“…”).
        let adjacent =
            |z: &Mention| z.end <= p.start && p.key.label.starts_with(&s.text[z.end..p.start]);
        if let Some(area) = mentions
            .iter()
            .find(|z| z.class() == Class::Area && !z.nested && adjacent(z))
        {
            graph.add_relation(&p.key, Property::OriginatedIn, &area.key, evidence);
        }
    }
}

/// 这一模式复制推广至南京片区: the zones after 至 copied the practice named
/// before the verb.
fn copied_to(
    s: &Sentence<'_>,
    mentions: &[Mention],
    t: &Trigger,
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let rest = &s.text[t.end..];
    let Some(rest) = ["至", "到"].iter().find_map(|w| rest.strip_prefix(w)) else {
        return;
    };
    let from = s.text.len() - rest.len();
    let (_, clause_end) = s.clause_bounds(from);
    let zones: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.class().is_zone() && m.start >= from && m.end <= clause_end)
        .collect();
    if let Some(practice) = practice_before(s, mentions, t.start, context) {
        for z in zones {
            graph.add_relation(practice, Property::ReplicatedIn, &z.key, evidence);
        }
    }
}

/// The practice a copy is about: the last one named before `end` in the
/// sentence, or the one named before it when the text refers back (该模式).
fn practice_before<'a>(
    s: &Sentence<'_>,
    mentions: &'a [Mention],
    end: usize,
    context: &Context<'a>,
) -> Option<&'a EntityKey> {
    mentions
        .iter()
        .rfind(|m| !m.nested && m.class() == Class::Practice && m.end <= end)
        .map(|m| &m.key)
        .or(context
            .last_practice
            .filter(|_| refers_back(&s.text[..end])))
}

/// 该模式已被长沙片区借鉴: the zones after 被 copied the practice before it.
fn copied_by_passive(
    s: &Sentence<'_>,
    mentions: &[Mention],
    t: &Trigger,
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let Some(bei) = s.text[..t.start].rfind('被') else {
        return;
    };
    let zones: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.class().is_zone() && m.start > bei && m.end <= t.start)
        .collect();
    let close = zones.iter().all(|z| {
        let gap = &s.text[bei..z.start];
        gap.chars().count() <= 20 && !gap.contains(['，', '。', '；'])
    });
    if zones.is_empty() || !close {
        return;
    }
    if let Some(practice) = practice_before(s, mentions, bei, context) {
        for z in zones {
            graph.add_relation(practice, Property::ReplicatedIn, &z.key, evidence);
        }
    }
}

/// 片区内的洛阳综合保税区, 青岛片区所辖的前湾综合保税区: a special zone
/// inside the area (named, or the one the text is about).
fn zones_within(
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for m in mentions
        .iter()
        .filter(|m| m.class() == Class::SpecialZone && !m.nested)
    {
        let before = &s.text[..m.start];
        // 位于岳阳片区的岳阳城陵矶综合保税区
        if let Some(head) = before.strip_suffix('的')
            && let Some(z) = mentions
                .iter()
                .rfind(|z| z.end == head.len() && z.class() == Class::Area && !z.nested)
            && s.text[..z.start].ends_with("位于")
        {
            graph.add_relation(&m.key, Property::PartOf, &z.key, evidence);
            continue;
        }
        let Some(marker) = ["辖区内的", "范围内的", "所辖的", "内的"]
            .iter()
            .find(|w| before.ends_with(*w))
        else {
            continue;
        };
        let head = &before[..before.len() - marker.len()];
        let named = mentions
            .iter()
            .rev()
            .find(|z| z.end == head.len() && z.class() == Class::Area && !z.nested);
        // A bare 片区 is the area the sentence named last, else the topic.
        let last_area = || {
            mentions
                .iter()
                .rfind(|z| z.end <= head.len() && z.class() == Class::Area && !z.nested)
                .map(|z| vec![&z.key])
        };
        let areas: Vec<&EntityKey> = match named {
            Some(z) => vec![&z.key],
            None if head.ends_with("片区") => last_area().unwrap_or_else(|| {
                context
                    .topic
                    .iter()
                    .filter(|k| k.class == Class::Area)
                    .collect()
            }),
            None => Vec::new(),
        };
        for area in areas {
            graph.add_relation(&m.key, Property::PartOf, area, evidence);
        }
    }
}

/// 易达供应链落户南沙片区 / 研究院正式入驻于自贸片区: the organisation is based
/// in the zone that follows the verb.
fn settled_in<'m>(
    settle: &[String],
    s: &Sentence<'_>,
    m: &Mention,
    mentions: &'m [Mention],
) -> Option<&'m Mention> {
    let mut rest = s.text[m.end..].trim_start();
    // 于2023年入驻: a date may stand before the verb.
    if let Some(date) = SETTLE_DATE.find(rest) {
        rest = &rest[date.end()..];
    }
    for adverb in [
        "已经", "已", "成功", "正式", "也", "将", "先后", "相继", "率先",
    ] {
        rest = rest.strip_prefix(adverb).unwrap_or(rest);
    }
    // 将总部由广东东莞整体迁入郴州片区: a short phrase may stand before it.
    let (_, clause_end) = s.clause_bounds(m.end);
    let rest_start = s.text.len() - rest.len();
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

/// 东北大学在片区设立东北大学工业智能研究院: what is set up 在 a zone (or
/// in the bare 片区 the text is about) is based there.
fn set_up_in(
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
fn settled_before<'m>(
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

/// A policy whose title names a zone applies to it; "在 A、B 和 C 允许"
/// in a sentence with a policy says it applies to A, B and C.
fn applies_to(s: &Sentence<'_>, mentions: &[Mention], evidence: &str, graph: &mut ArticleGraph) {
    let policies: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.class() == Class::Policy)
        .collect();
    for p in &policies {
        for z in mentions
            .iter()
            .filter(|z| z.nested && z.start >= p.start && z.end <= p.end && z.class().is_zone())
        {
            graph.add_relation(&p.key, Property::AppliesTo, &z.key, evidence);
        }
    }
    let text = &s.text;
    let Some(allow) = text.find("允许") else {
        return;
    };
    let Some(at) = text[..allow].rfind('在') else {
        return;
    };
    for p in &policies {
        for z in mentions
            .iter()
            .filter(|z| z.start > at && z.end <= allow && z.class().is_zone() && !z.nested)
        {
            graph.add_relation(&p.key, Property::AppliesTo, &z.key, evidence);
        }
    }
}

/// A name that contains a zone or a place: 绥芬河综合保税区 lies in 绥芬河;
/// …绥芬河综合保税区教学科研基地 is based in 绥芬河综合保税区.
fn names_inside_names(
    extractor: &Extractor,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let city = |m: &Mention| {
        m.entry
            .map(|i| &extractor.lexicon().entries[i])
            .is_some_and(|e| matches!(e.kind.as_deref(), Some("city" | "district")))
    };
    for outer in mentions.iter().filter(|m| !m.nested) {
        let inner: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.nested && m.start >= outer.start && m.end <= outer.end)
            .collect();
        for i in inner {
            match (outer.class(), i.class()) {
                (Class::SpecialZone, Class::Place)
                    if i.start == outer.start && city(i) && context.named.contains(&i.key) =>
                {
                    graph.add_relation(&outer.key, Property::LocatedIn, &i.key, evidence)
                }
                (Class::Institution | Class::Firm, c) if c.is_zone() && i.end < outer.end => {
                    graph.add_relation(&outer.key, Property::BasedIn, &i.key, evidence)
                }
                (Class::Policy, _) if opens_policy_title(s, outer, i) => {
                    graph.add_relation(&i.key, Property::Issued, &outer.key, evidence)
                }
                _ => {}
            }
        }
    }
}

/// 《国务院关于印发…的通知》: the body that opens a policy's title issued it.
pub fn opens_policy_title(s: &Sentence<'_>, policy: &Mention, body: &Mention) -> bool {
    let lead = &s.text[policy.start..body.start];
    body.class() == Class::GovernmentBody
        && lead.trim_start_matches(['《', '“']).is_empty()
        && s.text[body.end..].starts_with("关于")
}

/// partOf and locatedIn of areas named in full, or together with their zone.
fn reference_facts(
    extractor: &Extractor,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let lexicon = extractor.lexicon();
    let named_place = |name: &str| {
        lexicon
            .lookup(name)
            .filter(|e| e.class == Class::Place)
            .map(|e| key(Class::Place, &e.label))
            .filter(|k| context.named.contains(k))
    };
    for m in mentions {
        let Some(entry) = m.entry.map(|i| &lexicon.entries[i]) else {
            continue;
        };
        // 中国（重庆）自由贸易试验区 … 重庆: the zone lies in its province.
        if entry.class == Class::FreeTradeZone
            && m.surface.contains("自由贸易试验区")
            && let Some(province) = entry.province.as_deref().and_then(named_place)
        {
            graph.add_relation(&m.key, Property::LocatedIn, &province, evidence);
        }
        if entry.class != Class::Area {
            continue;
        }
        let Some(zone_label) = &entry.part_of else {
            continue;
        };
        let names_zone = |m: &Mention| {
            m.surface.contains("自由贸易试验区")
                || m.surface.contains("自贸试验区")
                || m.surface.contains("自贸区")
                || m.surface.ends_with("组团")
        };
        // 浙江自贸试验区舟山片区、宁波片区、杭州片区: the list shares the zone.
        let listed_after_full_name = mentions
            .iter()
            .rfind(|o| !o.nested && o.end <= m.start && o.class() == Class::Area)
            .is_some_and(|o| {
                let gap = &s.text[o.end..m.start];
                ["、", "和", "及", "与"].contains(&gap)
                    && names_zone(o)
                    && o.entry.map(|i| &lexicon.entries[i].part_of) == Some(&entry.part_of)
            });
        let zone_named = names_zone(m)
            || listed_after_full_name
            || mentions
                .iter()
                .any(|o| !o.nested && &o.key.label == zone_label);
        if !zone_named {
            continue;
        }
        let Some(zone) = lexicon.lookup(zone_label) else {
            continue;
        };
        let zone_key = key(zone.class, &zone.label);
        graph.add_relation(&m.key, Property::PartOf, &zone_key, evidence);
        // Where it lies: its city, or a place its name contains (亦庄组团,
        // 珠海横琴新区片区 → 横琴), when the article names that place itself.
        let place = |name: &str| {
            lexicon
                .lookup(name)
                .filter(|e| e.class == Class::Place)
                .map(|e| key(Class::Place, &e.label))
                .filter(|k| context.named.contains(k))
        };
        // In 北京, 上海, 天津 and 重庆 the city is the province: the zone
        // lies there, not each area.
        let municipality = entry.city.is_some() && entry.city == zone.province;
        let mut places: Vec<EntityKey> = entry
            .city
            .as_deref()
            .filter(|_| !municipality)
            .and_then(place)
            .into_iter()
            .collect();
        let short = entry.label.rsplit('）').next().unwrap_or(&entry.label);
        for (i, _) in short.char_indices() {
            for (j, _) in short[i..].char_indices().skip(2) {
                if let Some(k) = place(&short[i..i + j])
                    && !places.contains(&k)
                {
                    places.push(k);
                }
            }
        }
        for k in places {
            graph.add_relation(&m.key, Property::LocatedIn, &k, evidence);
        }
        if m.surface.contains("自由贸易试验区")
            && let Some(province) = zone.province.as_deref().and_then(place)
        {
            graph.add_relation(&zone_key, Property::LocatedIn, &province, evidence);
        }
    }
}

/// "X 是 Y 创新推出的…": X originated with Y.
fn created_by(
    extractor: &Extractor,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for x in mentions
        .iter()
        .filter(|m| matches!(m.class(), Class::Practice | Class::Platform) && !m.nested)
    {
        let Some(rest) = text[x.end..].strip_prefix('是') else {
            continue;
        };
        let y_start = x.end + '是'.len_utf8();
        let Some(y) = mentions
            .iter()
            .find(|m| m.start == y_start && is_actor(m.class()))
        else {
            continue;
        };
        let after = &text[y.end..];
        let made = extractor
            .rules
            .triggers("originate")
            .iter()
            .any(|t| after.starts_with(t.as_str()));
        if made && rest.contains('的') {
            graph.add_relation(&x.key, Property::OriginatedIn, &y.key, evidence);
        }
    }
}

/// "作为 Z 内唯一的综合保税区，X …": X is part of Z.
fn part_of_as_member(
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    let Some(at) = text.find("作为") else {
        return;
    };
    let Some(zone) = mentions
        .iter()
        .find(|m| m.start >= at && m.class().is_zone() && !m.nested)
    else {
        return;
    };
    if !text[zone.end..].starts_with('内') {
        return;
    }
    let (_, clause_end) = s.clause_bounds(zone.end);
    let member = mentions
        .iter()
        .find(|m| m.start > clause_end && m.class() == Class::SpecialZone && !m.nested);
    if let Some(member) = member {
        graph.add_relation(&member.key, Property::PartOf, &zone.key, evidence);
    }
}

/// 复制推广上海自贸试验区“一业一证”改革经验: the practice came from the zone
/// named right before it.
fn copied_from(
    s: &Sentence<'_>,
    mentions: &[Mention],
    from: usize,
    to: usize,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let in_scope: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.start >= from && m.start < to)
        .collect();
    for pair in in_scope.windows(2) {
        let (zone, practice) = (pair[0], pair[1]);
        let between = s.text[zone.end..practice.start].trim();
        if zone.class().is_zone()
            && practice.class() == Class::Practice
            && matches!(between, "" | "的")
        {
            graph.add_relation(&practice.key, Property::OriginatedIn, &zone.key, evidence);
        }
    }
}
