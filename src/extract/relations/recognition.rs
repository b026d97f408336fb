//! Who receives a recognition when the text does not put one name right
//! before the verb: those a verb of giving names before the title (授予 A、B
//! 等N个单位“R”称号), those a disposition mark lists before the verb (将 A、
//! B 等20项案例评为 R; 对 A、B 予以表扬，授予 R), every item of a list of
//! practices before 入选 (A、B 等10个案例入选), and the firm, not its zone,
//! that a firm's title goes to (X 在 Z 注册成立，同年被认定为…企业).
//! Input: a sentence, its mentions and a recognition trigger; output:
//! recognizedAs relations added to the article graph.

use super::Context;
use super::subjects::is_agent;
use super::triggers::Trigger;
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::WordList;
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// A recognition trigger, the end of the span it governs, and the subjects
/// the subject rule found for it.
#[derive(Clone, Copy)]
pub(super) struct Selection<'a> {
    pub(super) trigger: &'a Trigger,
    pub(super) scope_end: usize,
    pub(super) subjects: &'a [EntityKey],
}

/// Adds the receivers of the recognition a trigger governs.
pub(super) fn recipients(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    selection: &Selection<'_>,
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let Selection {
        trigger: t,
        scope_end,
        subjects,
    } = *selection;
    let giving = gives(known, s, t);
    // The receivers of 授予 may hold verbs (改革创新局): the title ends its clause.
    let until = if giving {
        s.clause_bounds(t.end).1.max(scope_end)
    } else {
        scope_end
    };
    let Some(title) = mentions.iter().find(|m| {
        !m.nested && m.class() == Class::Recognition && m.start >= t.end && m.start < until
    }) else {
        return;
    };
    let mut receivers: Vec<&EntityKey> = Vec::new();
    if giving {
        // 授予 A、B 等10个单位“R”称号.
        receivers.extend(run_after(s, mentions, t.end, "", title.start));
    }
    if let Some((mark, lead)) = disposition_before(known, s, t.start) {
        // 将 A、B 等20项案例评为 R.
        receivers.extend(run_after(s, mentions, mark, lead, t.start));
    }
    receivers.extend(listed_before(s, mentions, t.start));
    if let Some(at) = inverted(known, s, mentions, t) {
        // 入选…金奖的，是 X模式: the receivers follow the title.
        receivers.extend(named_after(s, mentions, at));
    }
    let has_receiver = subjects.iter().any(|k| k.class.is_organisation());
    if known.is_firm_title(&title.key) && !has_receiver && !giving {
        receivers.extend(firm_before(known, s, mentions, t.start, context));
    }
    for r in receivers {
        graph.add_relation(r, Property::RecognizedAs, &title.key, evidence);
    }
}

/// Whether the trigger is an active verb of giving (授予): who stands
/// before it gives the title, and does not receive it.
pub(super) fn gives(known: &Knowledge, s: &Sentence<'_>, t: &Trigger) -> bool {
    known
        .rules
        .is_word(WordList::RecipientVerbs, &s.text[t.start..t.end])
}

/// Where the receivers start when the title comes first and they follow
/// it (入选…金奖的，是 X; 获评…的有 A、B): just past the mark after the
/// title that the trigger governs.
pub(super) fn inverted(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    t: &Trigger,
) -> Option<usize> {
    let (_, clause_end) = s.clause_bounds(t.end);
    let title = mentions.iter().find(|m| {
        !m.nested && m.class() == Class::Recognition && m.start >= t.end && m.start < clause_end
    })?;
    let between = s.text[t.end..title.start].trim();
    if !(between.is_empty() || between == "了") {
        return None;
    }
    let rest = &s.text[title.end..];
    let mark = known
        .rules
        .starts_with_word(WordList::InvertedMarks, rest)?;
    Some(title.end + mark.len())
}

/// The receivers named in the clause that starts at `at`: its practices
/// and platforms when it names any (金义片区“X”模式 → X), else its
/// organisations.
fn named_after<'m>(s: &Sentence<'_>, mentions: &'m [Mention], at: usize) -> Vec<&'m EntityKey> {
    let (_, end) = s.clause_bounds(at);
    let named: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.start >= at && m.end <= end && receives(m.class()))
        .collect();
    let things = named
        .iter()
        .any(|m| matches!(m.class(), Class::Practice | Class::Platform));
    named
        .into_iter()
        .filter(|m| !things || matches!(m.class(), Class::Practice | Class::Platform))
        .map(|m| &m.key)
        .collect()
}

/// The platform that 该平台 before the trigger refers back to: the last
/// platform named earlier in the sentence (搭建的“X”平台…，该平台被评为…),
/// when the clause of the trigger names nothing itself.
pub(super) fn platform_referred<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    t: &Trigger,
) -> Option<&'m EntityKey> {
    let (clause_start, _) = s.clause_bounds(t.start);
    let before = &s.text[clause_start..t.start];
    let named_here = mentions
        .iter()
        .any(|m| !m.nested && m.start >= clause_start && m.end <= t.start);
    if named_here
        || !known
            .rules
            .contains_word(WordList::PlatformAnaphora, before)
    {
        return None;
    }
    mentions
        .iter()
        .rfind(|m| !m.nested && m.class() == Class::Platform && m.end <= clause_start)
        .map(|m| &m.key)
}

/// The thing a sentence is about when its first clause states who runs or
/// makes it (“泉城跨境通”由…管委会建设运营，…，2025年入选…; 该平台由 X 建设，
/// 委托 Y 运营，…被列入…): the platform or practice before 由, or the one
/// 该平台 refers back to, receives a title the trigger gives later, not the
/// runner. Only when the trigger's own clause names no one and the title is
/// not one only organisations receive.
pub(super) fn run_by_topic(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    t: &Trigger,
    context: &Context<'_>,
) -> Option<EntityKey> {
    let (clause_start, _) = s.clause_bounds(t.start);
    let own = &s.text[clause_start..t.start];
    let names_own = mentions
        .iter()
        .any(|m| !m.nested && m.start >= clause_start && m.end <= t.start);
    if names_own || known.rules.contains_word(WordList::FirmAnaphora, own) {
        return None;
    }
    let (_, first_end) = s.clause_bounds(0);
    let by_follows = |at: usize| {
        let rest = s.text[at..].trim_start_matches(['”', '*', '：', ':', ' ']);
        let rest = rest.strip_prefix("平台").unwrap_or(rest);
        let rest = rest.trim_start_matches(['*', '：', ':', ' ']);
        known
            .rules
            .starts_with_word(WordList::ByMarks, rest)
            .is_some()
    };
    let named = mentions.iter().find(|m| {
        !m.nested
            && matches!(m.class(), Class::Platform | Class::Practice)
            && m.end <= first_end
            && by_follows(m.end)
    });
    if let Some(m) = named {
        return Some(m.key.clone());
    }
    // 该平台由 X 建设: the platform of an earlier sentence.
    let opening = s.text[..first_end].trim_start_matches(|c: char| !c.is_alphanumeric());
    let lead = known
        .rules
        .starts_with_word(WordList::PlatformSubjects, opening)?;
    by_follows(first_end - opening.len() + lead.len())
        .then_some(context.last_platform)
        .flatten()
        .cloned()
}

/// Classes that can receive a recognition.
fn receives(class: Class) -> bool {
    matches!(class, Class::Practice | Class::Platform) || class.is_organisation()
}

/// The start of the last disposition mark (将, 把, 对) that starts a word
/// before `at` in the sentence, and the mark.
fn disposition_before<'k>(
    known: &'k Knowledge,
    s: &Sentence<'_>,
    at: usize,
) -> Option<(usize, &'k str)> {
    known
        .rules
        .words(WordList::DispositionMarks)
        .iter()
        .filter_map(|w| {
            s.text[..at]
                .rmatch_indices(w.as_str())
                .find(|&(i, _)| s.starts_word(i))
                .map(|(i, _)| (i, w.as_str()))
        })
        .max_by_key(|&(i, _)| i)
}

/// The names of a list that starts right at `from` after `lead` (将 A、B
/// 和 C; a name that took the mark in, 对X公司, counts), up to `to`.
fn run_after<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    from: usize,
    lead: &str,
    to: usize,
) -> Vec<&'m EntityKey> {
    let mut run = Vec::new();
    let mut at = from;
    loop {
        let next = mentions
            .iter()
            .filter(|m| !m.nested && m.start >= at && m.end <= to)
            .min_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let Some(m) = next else { break };
        let gap = &s.text[at..m.start];
        let gap = if run.is_empty() {
            gap.trim_start().strip_prefix(lead).unwrap_or(gap)
        } else {
            gap
        };
        if !receives(m.class()) || !is_glue(gap, run.is_empty()) {
            break;
        }
        run.push(&m.key);
        at = m.end;
    }
    run
}

/// What may stand between two items of a list (or before the first one):
/// a joiner, or the unnamed tail or head of an item next to 、
/// (管委会改革创新局、; 、出口退税“容缺即退”).
fn is_glue(text: &str, first: bool) -> bool {
    let text = text.trim();
    if first {
        return text.is_empty();
    }
    let tail = (text.starts_with('、') || text.ends_with('、'))
        && text.chars().count() <= 10
        && !text.contains(['，', '；', '。', '：']);
    tail || matches!(text, "和" | "及" | "与" | "以及")
}

/// Practices listed before the verb (A、B 等10个案例入选; A、B 入选): every
/// item but the last, which the subject rule already takes.
pub(super) fn listed_before<'m>(
    s: &Sentence<'_>,
    mentions: &'m [Mention],
    at: usize,
) -> Vec<&'m EntityKey> {
    let before: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.end <= at)
        .collect();
    let Some(last) = before.last() else {
        return Vec::new();
    };
    let gap = s.text[last.end..at].trim_matches(['，', ' ']);
    if last.class() != Class::Practice || !(gap.is_empty() || gap.starts_with('等')) {
        return Vec::new();
    }
    let mut run = Vec::new();
    let mut right = *last;
    for left in before.iter().rev().skip(1) {
        let between = s.text[left.end..right.start].trim();
        if left.class() != Class::Practice || !is_glue(between, false) {
            break;
        }
        run.push(&left.key);
        right = left;
    }
    run
}

/// The firm a firm's title goes to: the last organisation named before the
/// verb in the sentence (not the agent of 被…认定), else the firm 该公司 refers back to.
fn firm_before<'c>(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &'c [Mention],
    at: usize,
    context: &Context<'c>,
) -> Option<&'c EntityKey> {
    let named = mentions
        .iter()
        .rfind(|m| !m.nested && m.class().is_organisation() && m.end <= at && !is_agent(s, m, at));
    match named {
        Some(m) => Some(&m.key),
        // 2023年被评为湖南省五A级物流企业: a sentence that names no one
        // goes on about the firm named before.
        None if known
            .rules
            .contains_word(WordList::FirmAnaphora, &s.text[..at])
            || !mentions.iter().any(|m| m.end <= at) =>
        {
            context.last_firm
        }
        None => None,
    }
}
