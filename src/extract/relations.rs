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

/// What relation rules know about the article.
pub struct Context<'a> {
    /// Zones the article is about (its title's zone, or the most named).
    pub topic: &'a [EntityKey],
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
    reference_facts(extractor, mentions, evidence, graph);
    names_inside_names(extractor, mentions, evidence, graph);
    let triggers = find_triggers(extractor, s, mentions);
    for t in &triggers {
        let next = triggers
            .iter()
            .map(|o| o.start)
            .filter(|&p| p > t.start)
            .min()
            .unwrap_or(s.text.len());
        let (_, clause_end) = s.clause_bounds(t.end);
        let scope_end = next.min(clause_end.max(t.end));
        let objects: Vec<&Mention> = mentions
            .iter()
            .filter(|m| !m.nested && m.start >= t.end && m.start < scope_end)
            .collect();
        let subjects = subjects_before(s, mentions, t.start, t.kind, context);
        link(t.kind, &subjects, &objects, evidence, graph);
        if t.kind == "recognize" && objects.iter().any(|o| o.class() == Class::Recognition) {
            // A practice selected as a case started where the text is about.
            for practice in subjects.iter().filter(|k| k.class == Class::Practice) {
                for zone in context.topic {
                    graph.add_relation(practice, Property::OriginatedIn, zone, evidence);
                }
            }
        }
    }
    firms_in_zones(s, mentions, context, evidence, graph);
    applies_to(s, mentions, evidence, graph);
}

/// A trigger word found in a sentence.
#[derive(Clone, Copy, Debug)]
struct Trigger {
    kind: &'static str,
    start: usize,
    end: usize,
}

const KINDS: [&str; 6] = ["replicate", "originate", "recognize", "issue", "operate", "based"];

fn find_triggers(extractor: &Extractor, s: &Sentence<'_>, mentions: &[Mention]) -> Vec<Trigger> {
    let mut found: Vec<Trigger> = Vec::new();
    for kind in KINDS {
        for word in extractor.rules.triggers(kind) {
            let mut from = 0;
            while let Some(at) = s.text[from..].find(word.as_str()) {
                let start = from + at;
                let end = start + word.len();
                from = end;
                let taken = found.iter().any(|t| t.start < end && start < t.end && t.kind == kind);
                // A trigger word inside a name (…集成创新) is not a trigger.
                let inside_name = mentions.iter().any(|m| m.start <= start && m.end >= end);
                if !taken && !inside_name && s.starts_word(start) {
                    found.push(Trigger { kind, start, end });
                }
            }
        }
    }
    found.sort_by_key(|t| t.start);
    found
}

/// Classes that can act (issue, operate, originate, copy).
fn is_actor(class: Class) -> bool {
    class.is_zone() || class.is_organisation()
}

/// The subjects of a trigger: the nearest actor before it in the sentence
/// and those joined to it (和, 与, 及, 、, 联合, 暨); else the topic zone.
fn subjects_before(s: &Sentence<'_>, mentions: &[Mention], at: usize, kind: &str, context: &Context<'_>) -> Vec<EntityKey> {
    let candidates: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.end <= at)
        .filter(|m| match kind {
            "replicate" => m.class().is_zone(),
            "recognize" => !matches!(m.class(), Class::Recognition | Class::Policy),
            _ => is_actor(m.class()),
        })
        .collect();
    let Some(nearest) = candidates.last() else {
        return if generic_subject(&s.text[..at]) || kind != "recognize" {
            context.topic.to_vec()
        } else {
            Vec::new()
        };
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

/// Words that join two actors into one subject (A 和 B; A 联合 B).
const JOINERS: &[&str] = &["和", "与", "及", "、", "暨", "联合", "会同", "携手"];

/// "片区…" with no name: the article's own area.
fn generic_subject(before: &str) -> bool {
    before.contains("片区") || before.trim().is_empty()
}

fn link(kind: &str, subjects: &[EntityKey], objects: &[&Mention], evidence: &str, graph: &mut ArticleGraph) {
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
                ("issue", Class::Policy) => graph.add_relation(subject, Property::Issued, object, evidence),
                ("operate", Class::Platform) => graph.add_relation(subject, Property::Operates, object, evidence),
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
fn firms_in_zones(s: &Sentence<'_>, mentions: &[Mention], context: &Context<'_>, evidence: &str, graph: &mut ArticleGraph) {
    let text = &s.text;
    for m in mentions.iter().filter(|m| m.class() == Class::Firm && !m.nested) {
        let before = &text[..m.start];
        let after = &text[m.end..];
        let zone_word = ["片区内企业——", "片区内企业", "片区企业", "区内企业——", "链主企业"]
            .iter()
            .find(|w| before.ends_with(*w));
        if zone_word.is_some() {
            for z in context.topic {
                graph.add_relation(&m.key, Property::BasedIn, z, evidence);
            }
            continue;
        }
        if before.ends_with("企业") {
            // 北京经开区企业X: the zone named right before 企业.
            if let Some(z) = mentions.iter().rev().find(|z| z.end + "企业".len() == m.start && z.class().is_zone()) {
                graph.add_relation(&m.key, Property::BasedIn, &z.key, evidence);
            }
            continue;
        }
        let settles = ["等", "抢滩进驻", "进驻", "落户", "入驻"].iter().any(|w| after.starts_with(w))
            && ["进驻", "落户", "入驻", "南雁北归", "集聚"].iter().any(|w| after.contains(w));
        if settles {
            for z in context.topic {
                graph.add_relation(&m.key, Property::BasedIn, z, evidence);
            }
        }
        // 哈工大卫星已在哈尔滨新区暨自贸试验区哈尔滨片区建设…
        if let Some(at) = after.find('在') {
            let place = &after[at..];
            let built = ["建设", "设立", "成立", "投资", "落户"].iter().any(|w| place.contains(w));
            if built && at < 12 {
                let zone_start = m.end + at;
                let zones: Vec<&Mention> = mentions
                    .iter()
                    .filter(|z| z.start >= zone_start && z.start < zone_start + 60 && z.class().is_zone() && !z.nested)
                    .collect();
                for z in zones {
                    graph.add_relation(&m.key, Property::BasedIn, &z.key, evidence);
                }
            }
        }
    }
}

/// A policy whose title names a zone applies to it; "在 A、B 和 C 允许"
/// in a sentence with a policy says it applies to A, B and C.
fn applies_to(s: &Sentence<'_>, mentions: &[Mention], evidence: &str, graph: &mut ArticleGraph) {
    let policies: Vec<&Mention> = mentions.iter().filter(|m| m.class() == Class::Policy).collect();
    for p in &policies {
        for z in mentions.iter().filter(|z| z.nested && z.start >= p.start && z.end <= p.end && z.class().is_zone()) {
            graph.add_relation(&p.key, Property::AppliesTo, &z.key, evidence);
        }
    }
    let text = &s.text;
    let Some(allow) = text.find("允许") else { return };
    let Some(at) = text[..allow].rfind('在') else { return };
    for p in &policies {
        for z in mentions.iter().filter(|z| z.start > at && z.end <= allow && z.class().is_zone() && !z.nested) {
            graph.add_relation(&p.key, Property::AppliesTo, &z.key, evidence);
        }
    }
}

/// A name that contains a zone or a place: 绥芬河综合保税区 lies in 绥芬河;
/// …绥芬河综合保税区教学科研基地 is based in 绥芬河综合保税区.
fn names_inside_names(extractor: &Extractor, mentions: &[Mention], evidence: &str, graph: &mut ArticleGraph) {
    let _ = extractor;
    for outer in mentions.iter().filter(|m| !m.nested) {
        let inner: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.nested && m.start >= outer.start && m.end <= outer.end)
            .collect();
        for i in inner {
            match (outer.class(), i.class()) {
                (Class::SpecialZone, Class::Place) if i.start == outer.start => {
                    graph.add_relation(&outer.key, Property::LocatedIn, &i.key, evidence)
                }
                (Class::Institution | Class::Firm, c) if c.is_zone() && i.end < outer.end => {
                    graph.add_relation(&outer.key, Property::BasedIn, &i.key, evidence)
                }
                _ => {}
            }
        }
    }
}

/// partOf and locatedIn of areas named in full, or together with their zone.
fn reference_facts(extractor: &Extractor, mentions: &[Mention], evidence: &str, graph: &mut ArticleGraph) {
    let lexicon = extractor.lexicon();
    for m in mentions {
        let Some(entry) = m.entry.map(|i| &lexicon.entries[i]) else {
            continue;
        };
        if entry.class != Class::Area {
            continue;
        }
        let Some(zone_label) = &entry.part_of else {
            continue;
        };
        let zone_named = m.surface.contains("自由贸易试验区")
            || m.surface.ends_with("组团")
            || mentions.iter().any(|o| &o.key.label == zone_label);
        if !zone_named {
            continue;
        }
        let Some(zone) = lexicon.lookup(zone_label) else {
            continue;
        };
        let zone_key = key(zone.class, &zone.label);
        graph.add_relation(&m.key, Property::PartOf, &zone_key, evidence);
        let place = |name: Option<&str>| name.and_then(|n| lexicon.lookup(n)).filter(|e| e.class == Class::Place);
        if let Some(city) = place(entry.city.as_deref()) {
            graph.add_relation(&m.key, Property::LocatedIn, &key(Class::Place, &city.label), evidence);
        }
        if m.surface.contains("自由贸易试验区")
            && let Some(province) = place(zone.province.as_deref())
        {
            graph.add_relation(&zone_key, Property::LocatedIn, &key(Class::Place, &province.label), evidence);
        }
    }
}
