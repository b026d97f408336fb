//! Trigger words of relations in a sentence, the span each governs, and
//! what a trigger states between its subjects and objects (links.tsv).
//! Input: a sentence and its mentions; output: triggers, and relations.

use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::{Direction, TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey};

/// A trigger word found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Trigger {
    pub(super) kind: TriggerKind,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Relation triggers, in the order that breaks ties between overlapping ones.
pub(super) const KINDS: [TriggerKind; 6] = [
    TriggerKind::Replicate,
    TriggerKind::Originate,
    TriggerKind::Recognize,
    TriggerKind::Issue,
    TriggerKind::Operate,
    TriggerKind::Based,
];

pub(super) fn find_triggers(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
) -> Vec<Trigger> {
    let mut candidates: Vec<Trigger> = Vec::new();
    for kind in KINDS {
        for word in known.rules.triggers(kind) {
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

/// The span a trigger governs: up to the next trigger (or through it, when
/// the two are chained: 创新开发并上线运营), at most to the sentence end.
pub(super) fn scope(
    known: &Knowledge,
    s: &Sentence<'_>,
    triggers: &[Trigger],
    i: usize,
    t: &Trigger,
) -> (usize, usize) {
    let mut end = clause_or_list_end(known, s, t.end);
    let mut k = i + 1;
    while let Some(next) = triggers.get(k) {
        if next.start >= end {
            break;
        }
        let between = s.text[t.end..next.start].trim();
        // Z首创的“P”: a verb that modifies a noun (…的) does not end the scope.
        // 率先推出的“P”: the verbs right after it belong to the modifier.
        let mut verbs_end = next.end;
        for after in &triggers[k + 1..] {
            if after.start != verbs_end {
                break;
            }
            verbs_end = after.end;
        }
        let modifier = s.text[verbs_end..].starts_with('的');
        let chained = modifier
            || matches!(between, "" | "并" | "和" | "与" | "及" | "并且")
            // Triggers that only say how (率先, 首次) lend their meaning to the next verb.
            || known
                .rules
                .is_word(WordList::AdverbTriggers, &s.text[t.start..t.end]);
        if !chained {
            end = next.start;
            break;
        }
        end = end.max(clause_or_list_end(known, s, next.end));
        k += 1;
    }
    (t.end, end)
}

/// The end of the clause at `pos`, or of the next one when it spells out
/// a list (打造“一区四园”，即：A、B、C).
pub(super) fn clause_or_list_end(known: &Knowledge, s: &Sentence<'_>, pos: usize) -> usize {
    let (_, end) = s.clause_bounds(pos);
    let rest = s.text[end..].trim_start_matches(['，', '：', ':', ',']);
    if known
        .rules
        .starts_with_word(WordList::ListOpeners, rest)
        .is_some()
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

/// States what a trigger of `kind` says between each subject and object,
/// as links.tsv maps it. `built`: the verb said the subject built it.
pub(super) fn link(
    known: &Knowledge,
    kind: TriggerKind,
    built: bool,
    subjects: &[EntityKey],
    objects: &[&Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    for o in objects {
        let object = &o.key;
        for subject in subjects {
            // A firm's title (…示范企业) goes to no zone, place or practice.
            let organisation = subject.class.is_organisation();
            if kind == TriggerKind::Recognize && !organisation && known.is_firm_title(object) {
                continue;
            }
            // A case (…最佳实践案例) goes to the practice, not the zone it is in.
            if kind == TriggerKind::Recognize
                && subject.class.is_zone()
                && is_case_title(known, object)
            {
                continue;
            }
            for l in known.rules.links_for(kind, subject.class, object.class) {
                if l.only_built && !built {
                    continue;
                }
                match l.direction {
                    Direction::Forward => graph.add_relation(subject, l.property, object, evidence),
                    Direction::Reverse => graph.add_relation(object, l.property, subject, evidence),
                }
            }
        }
    }
}

/// Whether a title only a practice or platform receives (…最佳实践案例,
/// …改革试点经验, a parenthetical after it aside): `case_recognitions`
/// ends it. A zone is never such a case; the thing made in it is.
fn is_case_title(known: &Knowledge, title: &EntityKey) -> bool {
    let label = title.label.as_str();
    let label = match label.strip_suffix('）').and_then(|l| l.rfind('（')) {
        Some(open) => &label[..open],
        None => label,
    };
    title.class == Class::Recognition
        && known
            .rules
            .words(WordList::CaseRecognitions)
            .iter()
            .any(|w| label.ends_with(w.as_str()))
}
