//! Who runs or made a thing, said after it: “P”由 X 建设运营, P 由 X 和 Y
//! 共同运营, 该平台由 X 负责运营维护; “P”模式由 Z 原创, P 由 X 首先推出.
//! Input: a sentence and its mentions; output: what links.tsv says an
//! operate or originate trigger states between the actors and the thing
//! (X operates P; P originatedIn Z).

use super::triggers::{Trigger, link};
use super::{Context, is_actor};
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::{TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// A 由 clause: where 由 stands, the actors after it in its clause, and the
/// words after the last actor up to the clause's end (where the verb is).
struct ByClause<'s, 'm> {
    by: usize,
    actors: Vec<&'m Mention>,
    after: &'s str,
}

/// Every 由 (or 委托, `by_marks`) of a sentence that actors follow in its
/// clause.
fn by_clauses<'s, 'm>(
    known: &Knowledge,
    s: &'s Sentence<'_>,
    mentions: &'m [Mention],
) -> Vec<ByClause<'s, 'm>> {
    let text = &s.text;
    text.char_indices()
        .filter_map(|(by, _)| {
            let mark = known
                .rules
                .starts_with_word(WordList::ByMarks, &text[by..])?;
            let from = by + mark.len();
            let (_, clause_end) = s.clause_bounds(from);
            let actors: Vec<&Mention> = mentions
                .iter()
                .filter(|m| !m.nested && m.start >= from && m.end <= clause_end)
                .filter(|m| is_actor(m.class()))
                .collect();
            let after = &text[actors.last()?.end..clause_end];
            Some(ByClause { by, actors, after })
        })
        .collect()
}

/// P 由 X〔和 Y〕〔牵头/共同 …〕<operator verb>: the actors between 由 and
/// the verb (`operator_verbs`, only `operator_adverbs` between) run the
/// platform named last before 由 in the sentence; 平台由 X 建设运营 (the
/// clause opens with `platform_subjects`), the platform named before it.
pub(super) fn operated_by(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for c in by_clauses(known, s, mentions) {
        // 日常运营由 X 负责: the verb of running before 由, X 负责 after.
        let (clause_start, _) = s.clause_bounds(c.by);
        let passive = known
            .rules
            .ends_with_word(WordList::OperatorVerbs, &s.text[clause_start..c.by])
            .is_some()
            && known
                .rules
                .is_word(WordList::OperatorAdverbs, c.after.trim());
        if !runs_it(known, c.after) && !passive {
            continue;
        }
        let named = mentions
            .iter()
            .rfind(|m| !m.nested && m.class() == Class::Platform && m.end <= c.by);
        let operators = joined_actors(known, &s.text, &c.actors);
        // 由 X 打造的“P”平台: the platform the verb's 的 phrase ends in.
        if let Some(rest) = run_rest(known, c.after).and_then(|r| r.strip_prefix('的')) {
            // `rest` lies inside the sentence's text: its offset there.
            let at = (rest.as_ptr() as usize).saturating_sub(s.text.as_ptr() as usize);
            if let Some(platform) = mentions.iter().find(|m| {
                !m.nested && m.class() == Class::Platform && m.start >= at && m.start <= at + 3
            }) {
                for operator in &operators {
                    graph.add_relation(operator, Property::Operates, &platform.key, evidence);
                }
                continue;
            }
        }
        let Some(platform) = named else {
            let (clause_start, _) = s.clause_bounds(c.by);
            let lead = s.text[clause_start..c.by].trim_start_matches(['，', '；', ' ']);
            if known.rules.is_word(WordList::PlatformSubjects, lead)
                && let Some(platform) = context.last_platform
            {
                for operator in &operators {
                    graph.add_relation(operator, Property::Operates, platform, evidence);
                }
            }
            continue;
        };
        link(
            known,
            TriggerKind::Operate,
            false,
            &operators,
            &[platform],
            evidence,
            graph,
        );
    }
}

/// “P”平台由…牵头搭建，X 负责建设运营: a clause made only of an actor and
/// the verb of running (its adverbs before it, nothing named after it)
/// runs the platform the sentence named before it.
pub(super) fn operated_in_own_clause(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for m in mentions.iter().filter(|m| !m.nested && is_actor(m.class())) {
        let (clause_start, clause_end) = s.clause_bounds(m.start);
        // A name that holds a clause mark itself ends past its clause.
        if m.end > clause_end {
            continue;
        }
        let opens_clause = text[clause_start..m.start]
            .trim_start_matches(['，', ',', '；', ' '])
            .is_empty();
        let named_after = mentions
            .iter()
            .any(|o| !o.nested && o.start >= m.end && o.end <= clause_end);
        let whole = run_rest(known, &text[m.end..clause_end]).is_some_and(|rest| rest.is_empty());
        if !opens_clause || named_after || !whole {
            continue;
        }
        let Some(platform) = mentions
            .iter()
            .find(|p| !p.nested && p.class() == Class::Platform && p.end <= clause_start)
        else {
            continue;
        };
        link(
            known,
            TriggerKind::Operate,
            false,
            std::slice::from_ref(&m.key),
            &[platform],
            evidence,
            graph,
        );
    }
}

/// P 由 X〔首先/率先…〕<originate verb>: the practice or platform that ends
/// right before 由 was made by the actors between 由 and the verb.
pub(super) fn made_by(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for c in by_clauses(known, s, mentions) {
        if !known.rules.starts_with_making(c.after) {
            continue;
        }
        let Some(thing) = mentions.iter().find(|m| {
            !m.nested
                && matches!(m.class(), Class::Practice | Class::Platform)
                && m.end <= c.by
                && text[m.end..c.by].trim().is_empty()
        }) else {
            continue;
        };
        let makers = joined_actors(known, text, &c.actors);
        link(
            known,
            TriggerKind::Originate,
            false,
            &makers,
            &[thing],
            evidence,
            graph,
        );
    }
}

/// Whether the text after the last operator is the verb of running (after
/// a short note in brackets and adverbs such as 牵头, 共同).
/// 依托 X 运营的“P”平台: the actor right before a verb of running that a
/// 的 phrase ends (X运营的, X负责建设运营的) runs the thing, even where 依托
/// or 通过 makes X an instrument of the sentence's own subject.
pub(super) fn relative_operator<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    t: &Trigger,
) -> Option<&'m EntityKey> {
    if t.kind != TriggerKind::Operate || !s.text[t.end..].starts_with('的') {
        return None;
    }
    let m = mentions.iter().rfind(|m| !m.nested && m.end <= t.start)?;
    let gap = &s.text[m.end..t.start];
    let close = gap.chars().count() <= 4 && !gap.contains(['，', '、', '的', '。', '；']);
    (is_actor(m.class()) && close).then_some(&m.key)
}

fn runs_it(known: &Knowledge, after: &str) -> bool {
    run_rest(known, after).is_some()
}

/// What follows the verb of running in `after` (see [`runs_it`]), or None
/// when `after` does not hold it.
fn run_rest<'a>(known: &Knowledge, after: &'a str) -> Option<&'a str> {
    let mut rest = after.trim_start();
    if let Some(inner) = rest.strip_prefix(['（', '('])
        && let Some(close) = inner.find(['）', ')'])
    {
        let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
        rest = inner[close + close_len..].trim_start();
    }
    // A verb before an adverb: 负责运行 is a verb, 负责 alone an adverb.
    loop {
        if let Some(verb) = known.rules.starts_with_word(WordList::OperatorVerbs, rest) {
            return Some(rest[verb.len()..].trim());
        }
        let adverb = known
            .rules
            .starts_with_word(WordList::OperatorAdverbs, rest)?;
        rest = &rest[adverb.len()..];
    }
}

/// The last actor and those joined to it (X 和 Y, X、Y与Z).
fn joined_actors(known: &Knowledge, text: &str, actors: &[&Mention]) -> Vec<EntityKey> {
    let Some((last, before)) = actors.split_last() else {
        return Vec::new();
    };
    let mut keys = vec![last.key.clone()];
    let mut right = *last;
    for left in before.iter().rev() {
        let between = text[left.end..right.start].trim();
        let joined =
            between.chars().count() <= 12 && known.rules.contains_word(WordList::Joiners, between);
        if !joined {
            break;
        }
        keys.push(left.key.clone());
        right = left;
    }
    keys
}
