//! Where zones lie and what they contain, as the text states it: Z 位于 P,
//! Z 地跨 A、B 两地, 分别位于 A、B、C 三市 (locatedIn); 片区涵盖 X综合保税区,
//! 其中包含 X (partOf); 本办法适用于 A、B (appliesTo). The verbs are word
//! lists of data/rules/words.tsv. Input: a sentence and its mentions;
//! output: relations.

use super::Context;
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::WordList;
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// The mentions of the clause that starts at `from` (to its end), of a class.
fn in_clause<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    from: usize,
    keep: impl Fn(Class) -> bool,
) -> Vec<&'m Mention> {
    let (_, end) = s.clause_bounds(from);
    mentions
        .iter()
        .filter(|m| !m.nested && m.start >= from && m.end <= end && keep(m.class()))
        .collect()
}

/// The zones a verb at `at` is about: the nearest zone before it in the
/// clause and the zones joined to it (A、B 和 C).
fn zones_before<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    at: usize,
) -> Vec<&'m Mention> {
    let (start, _) = s.clause_bounds(at);
    let before: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.start >= start && m.end <= at)
        .collect();
    let mut zones = Vec::new();
    let mut right: Option<&Mention> = None;
    for m in before.iter().rev() {
        if !m.class().is_zone() {
            break;
        }
        if let Some(r) = right {
            let between = s.text[m.end..r.start].trim();
            if !known.rules.is_word(WordList::Joiners, between) {
                break;
            }
        } else if s.text[m.end..at].chars().count() > 6 {
            // 片区总面积…，位于: too far from the verb to be its subject.
            break;
        }
        zones.push(*m);
        right = Some(m);
    }
    zones.reverse();
    zones
}

/// The areas listed last before `end` in the sentence (A、B 和 C), for a
/// subject that only counts them (三个片区分别位于 …).
fn listed_areas_before<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    end: usize,
) -> Vec<&'m Mention> {
    let mut areas: Vec<&Mention> = Vec::new();
    for m in mentions.iter().rev().filter(|m| !m.nested && m.end <= end) {
        if m.class() != Class::Area {
            if areas.is_empty() {
                continue;
            }
            break;
        }
        if let Some(right) = areas.last() {
            let between = s.text[m.end..right.start].trim();
            if !known.rules.is_word(WordList::Joiners, between) {
                break;
            }
        }
        areas.push(m);
    }
    areas.reverse();
    areas
}

/// Subjects and objects of one placing verb: paired in order when the verb
/// says so (分别, 依次) and the counts agree, else every pair (only one
/// subject when the verb pairs them and the counts differ).
fn pair_up(
    subjects: &[&Mention],
    objects: &[EntityKey],
    respectively: bool,
    property: Property,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    if respectively && subjects.len() == objects.len() {
        for (z, o) in subjects.iter().zip(objects) {
            graph.add_relation(&z.key, property, o, evidence);
        }
    } else if subjects.len() == 1 || !respectively {
        for z in subjects {
            for o in objects {
                graph.add_relation(&z.key, property, o, evidence);
            }
        }
    }
}

/// Z 位于 P; Z 地跨 A、B 两地; A、B、C 分别位于 X、Y、Z (paired in order);
/// special zones placed in areas are part of them (X综合保税区、Y综合保税区
/// 分别坐落于 A片区、B片区; 依次纳入 A片区、B片区 (`part_verbs`); 坐落于片区核心
///区域: a bare 片区 (`area_refs`) is the area named last); 涵盖 A、B、C 三个片区，
/// 三个片区分别位于 X、Y、Z: a subject that only counts areas is the list
/// before it.
pub(super) fn located_in(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    let verbs = known
        .rules
        .words(WordList::LocatedVerbs)
        .iter()
        .map(|v| (v, false))
        .chain(
            known
                .rules
                .words(WordList::PartVerbs)
                .iter()
                .map(|v| (v, true)),
        );
    for (verb, parts_only) in verbs {
        for (at, _) in text.match_indices(verb.as_str()) {
            let after = at + verb.len();
            let mark = known
                .rules
                .ends_with_word(WordList::RespectiveMarks, &text[..at]);
            let respectively = mark.is_some();
            let mut zones = zones_before(known, s, mentions, at);
            if zones.is_empty() && respectively {
                let (clause_start, _) = s.clause_bounds(at);
                let lead = &text[..at - mark.map_or(0, str::len)];
                if known
                    .rules
                    .ends_with_word(WordList::AreaRefs, lead)
                    .is_some()
                {
                    zones = listed_areas_before(known, s, mentions, clause_start);
                }
            }
            if zones.is_empty() {
                continue;
            }
            if zones.iter().all(|z| z.class() == Class::SpecialZone) {
                let mut areas: Vec<EntityKey> = in_clause(s, mentions, after, |c| c == Class::Area)
                    .iter()
                    .map(|m| m.key.clone())
                    .collect();
                if areas.is_empty()
                    && known
                        .rules
                        .starts_with_word(WordList::AreaRefs, &text[after..])
                        .is_some()
                {
                    areas = last_area(mentions, zones[0].start, context);
                }
                if !areas.is_empty() {
                    pair_up(
                        &zones,
                        &areas,
                        respectively,
                        Property::PartOf,
                        evidence,
                        graph,
                    );
                    continue;
                }
            }
            if parts_only {
                continue;
            }
            let places: Vec<EntityKey> = in_clause(s, mentions, after, |c| c == Class::Place)
                .iter()
                .map(|m| m.key.clone())
                .collect();
            pair_up(
                &zones,
                &places,
                respectively,
                Property::LocatedIn,
                evidence,
                graph,
            );
        }
    }
}

/// The area a bare 片区 stands for: the one named last before `end` in the
/// sentence, else the one area the text is about.
fn last_area(mentions: &[Mention], end: usize, context: &Context<'_>) -> Vec<EntityKey> {
    if let Some(m) = mentions
        .iter()
        .rfind(|m| !m.nested && m.end <= end && m.class() == Class::Area)
    {
        return vec![m.key.clone()];
    }
    let topic: Vec<EntityKey> = context
        .topic
        .iter()
        .filter(|k| k.class == Class::Area)
        .cloned()
        .collect();
    if topic.len() == 1 { topic } else { Vec::new() }
}

/// 片区涵盖 X综合保税区、Y保税物流中心; …，其中包含 X综合保税区: the special
/// zones named after the verb are part of the area before it (or the area
/// the text is about).
pub(super) fn contained_in(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for verb in known.rules.words(WordList::ContainVerbs) {
        for (at, _) in s.text.match_indices(verb.as_str()) {
            let after = at + verb.len();
            let parts = in_clause(s, mentions, after, |c| c == Class::SpecialZone);
            if parts.is_empty() {
                continue;
            }
            let area = mentions
                .iter()
                .rfind(|m| !m.nested && m.end <= at && m.class() == Class::Area)
                .map(|m| vec![m.key.clone()])
                .unwrap_or_else(|| {
                    context
                        .topic
                        .iter()
                        .filter(|k| k.class == Class::Area)
                        .cloned()
                        .collect::<Vec<EntityKey>>()
                });
            for a in &area {
                for p in &parts {
                    graph.add_relation(&p.key, Property::PartOf, a, evidence);
                }
            }
        }
    }
}

/// 本办法适用于 A、B: the policy of the sentence (or the one named last in
/// the article) applies to the zones after 适用于.
pub(super) fn applies_to_named(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for verb in known.rules.words(WordList::ApplyVerbs) {
        for (at, _) in s.text.match_indices(verb.as_str()) {
            let zones = in_clause(s, mentions, at + verb.len(), Class::is_zone);
            let policy = mentions
                .iter()
                .rfind(|m| m.end <= at && m.class() == Class::Policy)
                .map(|m| &m.key)
                .or(context.last_policy);
            let Some(policy) = policy else {
                continue;
            };
            for z in zones {
                graph.add_relation(policy, Property::AppliesTo, &z.key, evidence);
            }
        }
    }
}

/// 《方案》在济南片区、青岛片区、烟台片区同步实施; 印发《P》，在 A、B 先行实施:
/// the policy named before 在 in the sentence (or, when the sentence opens
/// with a short title, the policy named last) applies to the zones between
/// 在 and a verb of `in_force_verbs`, when nothing else stands between.
pub(super) fn in_force_in(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for verb in known.rules.words(WordList::InForceVerbs) {
        for (at, _) in text.match_indices(verb.as_str()) {
            let (clause_start, _) = s.clause_bounds(at);
            let Some(zai) = text[clause_start..at].rfind('在').map(|i| clause_start + i) else {
                continue;
            };
            let zones: Vec<&Mention> = mentions
                .iter()
                .filter(|m| !m.nested && m.class().is_zone() && m.start > zai && m.end <= at)
                .collect();
            let (Some(first), Some(last)) = (zones.first(), zones.last()) else {
                continue;
            };
            let lead = &text[zai + '在'.len_utf8()..first.start];
            let tail = &text[last.end..at];
            if !lead.trim().is_empty() || tail.chars().count() > 4 || tail.contains(['，', '。'])
            {
                continue;
            }
            let named = mentions
                .iter()
                .rfind(|m| m.class() == Class::Policy && !m.nested && m.end <= zai)
                .map(|m| &m.key);
            let opens_with_title = text.trim_start().starts_with('《');
            let Some(policy) = named.or(context.last_policy.filter(|_| opens_with_title)) else {
                continue;
            };
            for z in &zones {
                graph.add_relation(policy, Property::AppliesTo, &z.key, evidence);
            }
        }
    }
}

/// 前湾综保区是青岛片区内唯一的海关特殊监管区域; X综合保税区位于Y片区内;
/// X、Y 均在片区范围内: special zones said to be inside an area
/// (`inside_leads`, then the area or a bare 片区 of `area_refs`, then
/// `inside_tails`) are part of it.
pub(super) fn said_inside(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for lead in known.rules.words(WordList::InsideLeads) {
        for (at, _) in text.match_indices(lead.as_str()) {
            let parts = zones_before(known, s, mentions, at);
            let Some(last) = parts.last() else {
                continue;
            };
            let gap = text[last.end..at].trim_matches(['均', '都', '也', '全', ' ']);
            if !gap.is_empty() || parts.iter().any(|p| p.class() != Class::SpecialZone) {
                continue;
            }
            let after = at + lead.len();
            let (areas, tail) = match mentions
                .iter()
                .find(|m| !m.nested && m.start == after && m.class() == Class::Area)
            {
                Some(area) => (vec![area.key.clone()], &text[area.end..]),
                None => match known
                    .rules
                    .starts_with_word(WordList::AreaRefs, &text[after..])
                {
                    Some(r) => (
                        last_area(mentions, parts[0].start, context),
                        &text[after + r.len()..],
                    ),
                    None => continue,
                },
            };
            if known
                .rules
                .starts_with_word(WordList::InsideTails, tail)
                .is_none()
            {
                continue;
            }
            for p in &parts {
                for a in &areas {
                    graph.add_relation(&p.key, Property::PartOf, a, evidence);
                }
            }
        }
    }
}
