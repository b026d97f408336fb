//! What lies inside what: special zones within areas, names inside names
//! (绥芬河综合保税区 in 绥芬河), policies that apply to zones. Input: a
//! sentence and its mentions; output: partOf, locatedIn, basedIn,
//! appliesTo and issued relations.

use super::Context;
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, key};
use crate::extract::rules::{EndingUse, TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// 片区内的洛阳综合保税区, 青岛片区所辖的前湾综合保税区: a special zone
/// inside the area (named, or the one the text is about).
pub(super) fn zones_within(
    known: &Knowledge,
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
        let Some(marker) = known.rules.ends_with_word(WordList::WithinMarkers, before) else {
            continue;
        };
        let head = &before[..before.len() - marker.len()];
        let named = mentions
            .iter()
            .rev()
            .find(|z| z.end == head.len() && z.class() == Class::Area && !z.nested);
        // A bare 片区 is the area the sentence named whose name the special
        // zone's opens with (红河片区引进青岛片区原创的…，在片区内的红河综合
        // 保税区…), else the area it named last, else the topic.
        let city: String = m.key.label.chars().take(2).collect();
        let last_area = || {
            let before: Vec<&Mention> = mentions
                .iter()
                .filter(|z| z.end <= head.len() && z.class() == Class::Area && !z.nested)
                .collect();
            before
                .iter()
                .rfind(|z| z.surface.contains(city.as_str()) || z.key.label.contains(city.as_str()))
                .or(before.last())
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

/// A policy whose title names a zone applies to it; "在 A、B 和 C 允许"
/// in a sentence with a policy says it applies to A, B and C.
pub(super) fn applies_to(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
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
    let Some(allow) = known
        .rules
        .triggers(TriggerKind::Apply)
        .iter()
        .filter_map(|w| text.find(w.as_str()))
        .min()
    else {
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

/// A name that contains a zone or a place: 绥芬河综合保税区 lies in 绥芬河
/// where the sentence names 绥芬河 on its own too (a place only inside the
/// name, or named elsewhere in the article, states nothing: the blind
/// writers annotate 188 such facts as false to 28 true);
/// …绥芬河综合保税区教学科研基地 is based in 绥芬河综合保税区.
pub(super) fn names_inside_names(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let city = |m: &Mention| {
        m.entry
            .map(|i| &known.lexicon.entries[i])
            .is_some_and(|e| matches!(e.kind.as_deref(), Some("city" | "district")))
    };
    for outer in mentions.iter().filter(|m| !m.nested) {
        let inner: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.nested && m.start >= outer.start && m.end <= outer.end)
            .collect();
        if outer.class() == Class::Policy && !inner.iter().any(|i| opens_policy_title(s, outer, i))
        {
            title_issuer(known, s, outer, evidence, graph);
        }
        for i in inner {
            match (outer.class(), i.class()) {
                (Class::SpecialZone, Class::Place)
                    if i.start == outer.start
                        && city(i)
                        && mentions.iter().any(|o| !o.nested && o.key == i.key) =>
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

/// 《洛阳市人民政府关于…的决定》 where no name was found inside the title:
/// the words before 关于, when they end like a body (人民政府, 委员会 …),
/// are that body, and it issued the policy.
fn title_issuer(
    known: &Knowledge,
    s: &Sentence<'_>,
    policy: &Mention,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let title = s.text[policy.start..policy.end].trim_start_matches(['《', '“']);
    let Some((body, _)) = title.split_once("关于") else {
        return;
    };
    let strong = matches!(
        known.rules.class_by_ending(body),
        Some((Class::GovernmentBody, EndingUse::Strong, _))
    );
    if strong && (4..=20).contains(&body.chars().count()) && !body.contains(['，', '、', '《']) {
        let issuer = key(Class::GovernmentBody, body);
        graph.add_entity(&issuer, body);
        graph.add_relation(&issuer, Property::Issued, &policy.key, evidence);
    }
}

/// 《国务院关于印发…的通知》: the body that opens a policy's title issued it.
/// 海南省商务厅　海南省司法厅关于…: each body of the opening list did.
pub fn opens_policy_title(s: &Sentence<'_>, policy: &Mention, body: &Mention) -> bool {
    let title = &s.text[policy.start..policy.end];
    let Some(head) = title.split("关于").next() else {
        return false;
    };
    let surface = &s.text[body.start..body.end];
    body.class() == Class::GovernmentBody
        && body.end <= policy.start + head.len()
        && head
            .trim_start_matches(['《', '“'])
            .split([' ', '　', '、'])
            .any(|name| name == surface)
}

/// "作为 Z 内唯一的综合保税区，X …": X is part of Z.
pub(super) fn part_of_as_member(
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
