//! Relations stated in one sentence, from trigger words (data/rules/
//! triggers.tsv) between mentions. A subject the sentence leaves out
//! (片区…复制推广“X”) is the article's topic zone.
//!
//! Reference facts are stated when the text names them: an area named in
//! full states that it is part of its zone and lies in its city.

mod address;
mod containment;
mod firm_places;
mod operation;
mod placement;
mod policy_scope;
mod recognition;
mod reference;
mod replication;
mod seat;
mod settlement;
mod subjects;
mod triggers;

use super::collect::ArticleGraph;
use super::knowledge::Knowledge;
use super::mention::Mention;
use super::rules::TriggerKind;
use super::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};
pub use containment::opens_policy_title;
use containment::{applies_to, names_inside_names, part_of_as_member, zones_within};
use reference::reference_facts;
use replication::{
    copied_by_passive, copied_from, copied_to, created_by, practice_before, practices_of_areas,
};
use settlement::{firms_in_zones, listed_after_colon};
use std::collections::HashSet;
use subjects::subjects_before;
use triggers::{Trigger, find_triggers, link, scope};

/// What relation rules know about the article.
pub struct Context<'a> {
    /// Zones the article is about (its title's zone, or the most named).
    pub topic: &'a [EntityKey],
    /// The practice named last before this sentence (for 该模式, 该做法).
    pub last_practice: Option<&'a EntityKey>,
    /// The practice named last in the sentence right before this one (for a
    /// sentence that opens 这项服务由 X 率先推出).
    pub previous_practice: Option<&'a EntityKey>,
    /// The practices named before this sentence, the last named last (for
    /// 以上3项均入选…).
    pub recent_practices: &'a [EntityKey],
    /// The firm named last before this sentence (for 该公司, 该企业).
    pub last_firm: Option<&'a EntityKey>,
    /// The platform named last before this sentence (for 平台由 X 运营).
    pub last_platform: Option<&'a EntityKey>,
    /// Every zone the article names.
    pub zones: &'a [EntityKey],
    /// Every entity the article names on its own (not only inside a name).
    pub named: &'a HashSet<&'a EntityKey>,
    /// Every entity named on its own in two sentences or more.
    pub repeated: &'a HashSet<&'a EntityKey>,
    /// The body that issued the article, when it is a notice.
    pub issuer: Option<&'a EntityKey>,
    /// The policy named last (本办法适用于…), or the notice itself.
    pub last_policy: Option<&'a EntityKey>,
    /// The recognition named last in the sentence right before this one
    /// (发布第三批制度创新成果。…A、B等10项成果入选).
    pub previous_recognition: Option<&'a EntityKey>,
}

/// Applies every relation rule to a sentence's mentions.
pub fn apply(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    graph: &mut ArticleGraph,
) {
    let evidence = s.original;
    reference_facts(known, s, mentions, context, evidence, graph);
    names_inside_names(known, s, mentions, evidence, graph);
    address::addressed(s, mentions, evidence, graph);
    let triggers = find_triggers(known, s, mentions);
    let scopes: Vec<(usize, usize)> = triggers
        .iter()
        .enumerate()
        .map(|(i, t)| scope(known, s, &triggers, i, t))
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
                let built = o.kind == TriggerKind::Operate
                    && m.class().is_organisation()
                    && gap.chars().count() <= 6
                    && !gap.contains('的');
                // 对标东疆片区，复制引入…: a zone right after a verb of
                // copying is where it came from, not who copies next.
                let model = o.kind == TriggerKind::Replicate
                    && t.kind == TriggerKind::Replicate
                    && m.class().is_zone()
                    && only_zones(s, mentions, o.end.min(m.start), m.start);
                o.start < t.start
                    && m.start >= a
                    && m.start < b
                    && (known.rules.takes(o.kind, m.class()) || built || model)
            })
        };
        let receivers_after = t.kind == TriggerKind::Recognize
            && (recognition::gives(known, s, t)
                || recognition::inverted(known, s, mentions, t).is_some());
        let referred = (t.kind == TriggerKind::Recognize)
            .then(|| recognition::platform_referred(known, s, mentions, t))
            .flatten();
        let topic = (t.kind == TriggerKind::Recognize && referred.is_none())
            .then(|| recognition::run_by_topic(known, s, mentions, t, context))
            .flatten()
            .filter(|_| !objects.iter().any(|o| known.is_firm_title(&o.key)));
        let subjects = if receivers_after {
            Vec::new()
        } else if let Some(platform) = referred.cloned().or(topic) {
            vec![platform]
        } else if let Some(operator) = operation::relative_operator(s, mentions, t) {
            vec![operator.clone()]
        } else {
            subjects_before(known, s, mentions, t.start, t.kind, context, &governed)
        };
        let built = t.kind == TriggerKind::Operate
            && known
                .rules
                .ends_with_trigger(TriggerKind::Build, &s.text[..t.end])
                .is_some();
        link(known, t.kind, built, &subjects, &objects, evidence, graph);
        // The list's members are named, not the topic zone by default.
        if t.kind == TriggerKind::Recognize {
            let selection = recognition::Selection {
                trigger: t,
                scope_end: to,
                subjects: &subjects,
            };
            recognition::recipients(known, s, mentions, &selection, context, evidence, graph);
        }
        if t.kind == TriggerKind::Recognize && subjects.as_slice() != context.topic {
            let announced = announced_before(s, mentions, t, &objects);
            link(known, t.kind, false, &subjects, &announced, evidence, graph);
            // 发布第十六批制度创新案例，A、B等8项案例入选: the whole list.
            for title in &announced {
                for r in recognition::listed_before(s, mentions, t.start) {
                    graph.add_relation(r, Property::RecognizedAs, &title.key, evidence);
                }
            }
            // …发布第三批制度创新成果。A、B等10项成果入选: the list the
            // sentence before announced, when this one names none.
            if announced.is_empty()
                && let Some(list) = context.previous_recognition
                && ends_clause(s, t)
                && objects.is_empty()
                && !mentions.iter().any(|m| m.class() == Class::Recognition)
            {
                let practices = subjects.iter().filter(|k| k.class == Class::Practice);
                for r in practices.chain(recognition::listed_before(s, mentions, t.start)) {
                    graph.add_relation(r, Property::RecognizedAs, list, evidence);
                }
            }
        }
        if t.kind == TriggerKind::Issue && !objects.iter().any(|o| o.class() == Class::Policy) {
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
                link(known, t.kind, false, &subjects, &moved, evidence, graph);
            }
        }
        if t.kind == TriggerKind::Replicate {
            copied_by_passive(known, s, mentions, t, context, evidence, graph);
            copied_to(known, s, mentions, t, context, evidence, graph);
            replication::copied_from_source(known, s, mentions, t.start, &objects, evidence, graph);
            // 哈尔滨片区于2022年将其复制落地: the practice referred back to.
            let (clause_start, _) = s.clause_bounds(t.start);
            let before = &s.text[clause_start..t.start];
            if !objects.iter().any(|o| o.class() == Class::Practice)
                && subjects::refers_back(known, before)
                && !before.contains('被')
                && let Some(practice) = practice_before(known, s, mentions, t.start, context)
            {
                for zone in subjects.iter().filter(|z| z.class.is_zone()) {
                    graph.add_relation(practice, Property::ReplicatedIn, zone, evidence);
                }
            }
        }
        if t.kind == TriggerKind::Replicate && !objects.iter().any(|o| o.class() == Class::Practice)
        {
            // “一单制”…目前已在前海蛇口片区、横琴片区复制推广: the practice
            // comes before the zones.
            let zones_at = s.text[..t.start].rfind('在').unwrap_or(t.start);
            // …，在宁波片区、杭州片区全面推广这一做法: the words after the
            // verb refer back.
            let (_, clause_end) = s.clause_bounds(t.end);
            let referred = subjects::refers_back(known, &s.text[t.end..clause_end])
                .then_some(context.last_practice)
                .flatten();
            let practice = practice_before(known, s, mentions, zones_at, context).or(referred);
            let mut named: Vec<&EntityKey> = mentions
                .iter()
                .filter(|m| {
                    !m.nested && m.class().is_zone() && m.start >= zones_at && m.end <= t.start
                })
                .map(|m| &m.key)
                .collect();
            // 湖南自贸试验区、黑龙江自贸试验区已相继引入这一模式: the
            // zones that copy stand before the verb, the practice after it.
            if named.is_empty() && referred.is_some() {
                named.extend(subjects.iter().filter(|z| z.class.is_zone()));
            }
            if let Some(practice) = practice {
                for zone in named {
                    graph.add_relation(practice, Property::ReplicatedIn, zone, evidence);
                }
            }
        }
        if t.kind == TriggerKind::Originate && subjects.as_slice() != context.topic {
            originated_here.extend(objects.iter().map(|o| o.key.clone()));
        }
        if t.kind == TriggerKind::Recognize
            && objects.iter().any(|o| o.class() == Class::Recognition)
        {
            // A practice selected as a case started where the text is about,
            // unless the sentence names who created it.
            // Nor when an earlier sentence said where it started.
            let unsourced: Vec<&EntityKey> = subjects
                .iter()
                .filter(|k| {
                    k.class == Class::Practice
                        && !originated_here.contains(k)
                        && !graph.has_origin(k)
                })
                .collect();
            // …入选…，并在正定片区等地推广应用: a zone it was copied to is
            // not where it started.
            let copies_after = triggers
                .iter()
                .any(|c| c.kind == TriggerKind::Replicate && c.start > t.end);
            let started: Vec<&EntityKey> = context
                .topic
                .iter()
                .filter(|z| {
                    !copies_after || !mentions.iter().any(|m| &m.key == *z && m.start > t.end)
                })
                .collect();
            for practice in unsourced {
                for &zone in &started {
                    graph.add_relation(practice, Property::OriginatedIn, zone, evidence);
                }
            }
        }
    }
    for (t, &(from, to)) in triggers.iter().zip(&scopes) {
        if t.kind == TriggerKind::Replicate {
            copied_from(known, s, mentions, from, to, evidence, graph);
        }
    }
    zones_within(known, s, mentions, context, evidence, graph);
    practices_of_areas(s, mentions, evidence, graph);
    created_by(known, s, mentions, evidence, graph);
    replication::made_by_after_colon(known, s, mentions, evidence, graph);
    replication::made_by_after(known, s, mentions, context, evidence, graph);
    replication::sourced_before(known, s, mentions, evidence, graph);
    part_of_as_member(s, mentions, evidence, graph);
    firms_in_zones(known, s, mentions, context, evidence, graph);
    listed_after_colon(known, s, mentions, evidence, graph);
    operation::operated_by(known, s, mentions, context, evidence, graph);
    operation::operated_in_own_clause(known, s, mentions, evidence, graph);
    operation::made_by(known, s, mentions, evidence, graph);
    seat::seats(known, s, mentions, evidence, graph);
    seat::card_address(known, s, mentions, context.topic, evidence, graph);
    applies_to(known, s, mentions, evidence, graph);
    placement::located_in(known, s, mentions, context, evidence, graph);
    firm_places::firms_located(known, s, mentions, context, evidence, graph);
    placement::contained_in(known, s, mentions, context, evidence, graph);
    placement::said_inside(known, s, mentions, context, evidence, graph);
    placement::applies_to_named(known, s, mentions, context, evidence, graph);
    placement::in_force_in(known, s, mentions, context, evidence, graph);
    policy_scope::scope_after_title(known, s, mentions, evidence, graph);
}

/// 公布第六批…企业名单，X 榜上有名: a selection verb that ends its clause
/// with no recognition after it takes the recognition named before it in
/// the sentence.
fn announced_before<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    t: &Trigger,
    objects: &[&Mention],
) -> Vec<&'m Mention> {
    let (_, clause_end) = s.clause_bounds(t.end);
    let ends_clause = s.text[t.end..clause_end].trim().is_empty();
    if !ends_clause || objects.iter().any(|o| o.class() == Class::Recognition) {
        return Vec::new();
    }
    mentions
        .iter()
        .rfind(|m| !m.nested && m.class() == Class::Recognition && m.end <= t.start)
        .into_iter()
        .collect()
}

/// Whether a trigger ends its clause (…等10项成果入选。).
fn ends_clause(s: &Sentence<'_>, t: &Trigger) -> bool {
    let (_, clause_end) = s.clause_bounds(t.end);
    s.text[t.end..clause_end].trim().is_empty()
}

/// Whether the text between `from` and `to` is nothing but zone names
/// (中国（天津）自由贸易试验区 before 东疆片区).
fn only_zones(s: &Sentence<'_>, mentions: &[Mention], from: usize, to: usize) -> bool {
    let mut at = from;
    while at < to {
        match mentions
            .iter()
            .filter(|z| z.class().is_zone() && z.start == at && z.end <= to)
            .map(|z| z.end)
            .max()
        {
            Some(end) => at = end,
            None => return s.text[at..to].trim().is_empty(),
        }
    }
    true
}

/// Classes that can act (issue, operate, originate, copy).
fn is_actor(class: Class) -> bool {
    class.is_actor()
}
