//! The subjects of a trigger: the nearest actor before it and the actors
//! joined to it, else what the text refers back to, else the topic zone.
//! Input: a sentence, its mentions and a trigger; output: entity keys.

use super::{Context, is_actor};
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::{TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey};

/// 以上3项均, 上述两项经验都: how many items above a clause that opens
/// with 以上/上述 and a count refers to.
fn items_above(before: &str) -> Option<usize> {
    let rest = before
        .trim_start()
        .strip_prefix("以上")
        .or_else(|| before.trim_start().strip_prefix("上述"))?;
    let count: String = rest
        .chars()
        .take_while(|c| !matches!(c, '项' | '个' | '条'))
        .collect();
    let n = match count.as_str() {
        "两" | "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        "七" => 7,
        "八" => 8,
        "九" => 9,
        "十" => 10,
        digits => digits.parse().ok()?,
    };
    // Only 均/都/经验/做法/举措 … may stand between the count and the verb.
    let after = &rest[count.len()..];
    (after.chars().count() <= 8 && !after.contains(['，', '。'])).then_some(n)
}

/// The subjects of a trigger: the nearest actor before it in the sentence
/// and those joined to it (和, 与, 及, 、, 联合, 暨); else the topic zone.
pub(super) fn subjects_before(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    at: usize,
    kind: TriggerKind,
    context: &Context<'_>,
    governed: &dyn Fn(&Mention) -> bool,
) -> Vec<EntityKey> {
    // What is selected may be what an earlier verb made (企业自主研发的
    // “X”模式，入选…): for 入选, a practice right before the verb counts.
    let selected_practice = |m: &Mention| {
        // …模式，近日被联席会议办公室列入…: the agent after 被 is skipped.
        let gap = &s.text[m.end..at];
        let gap = gap.split('被').next().unwrap_or(gap);
        kind == TriggerKind::Recognize
            && m.class() == Class::Practice
            && gap.trim_matches(['，', ',', ' ']).chars().count() <= 4
    };
    // 集团建设运营的“港航通”平台(已接入…)，…，2025年入选…: the head an
    // earlier verb's 的 phrase ends in is what is selected.
    let relative_head = |m: &Mention| {
        kind == TriggerKind::Recognize
            && matches!(m.class(), Class::Practice | Class::Platform)
            && s.text[..m.start].trim_end_matches('“').ends_with('的')
    };
    let candidates: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.end <= at && !instrument(known, s, m))
        .filter(|m| !governed(m) || selected_practice(m) || relative_head(m))
        .filter(|m| match kind {
            // 片区从宁波片区移植了…: the zone after 从 is the source.
            TriggerKind::Replicate => m.class().is_zone() && !copy_source(known, s, m),
            TriggerKind::Recognize => {
                !matches!(m.class(), Class::Recognition | Class::Policy)
                    && !is_agent(s, m, at)
                    && !is_seat(known, s, m)
            }
            // 注册在 Z，搭建“P”平台: the one settled there runs it, not Z.
            TriggerKind::Operate => is_actor(m.class()) && !is_seat(known, s, m),
            _ => is_actor(m.class()),
        })
        .collect();
    if kind == TriggerKind::Recognize
        && let Some(n) = items_above(&s.text[..at])
        && (1..=context.recent_practices.len()).contains(&n)
        && candidates.iter().all(|m| m.class() != Class::Practice)
    {
        // 以上3项均入选…: the three practices named last.
        let recent = context.recent_practices;
        return recent[recent.len() - n..].to_vec();
    }
    if kind == TriggerKind::Recognize
        && refers_back(known, &s.text[..at])
        && candidates
            .last()
            .is_none_or(|m| m.class() != Class::Practice)
    {
        // 该模式: the practice named last, in this sentence or before it
        // (“X”系本院首创的机制，…，该机制已入选…: X, not the court).
        let here = mentions
            .iter()
            .rfind(|m| !m.nested && m.end <= at && m.class() == Class::Practice);
        // 该做法 names what was selected even when that is not found: not
        // the body named before it in the sentence.
        return here
            .map(|m| &m.key)
            .or(context.last_practice)
            .cloned()
            .into_iter()
            .collect();
    }
    if kind == TriggerKind::Recognize && candidates.is_empty() {
        // 该公司入选…: the firm named last; 该平台获评…: not the topic zone.
        let (clause_start, _) = s.clause_bounds(at);
        let before = &s.text[clause_start..at];
        if known.rules.contains_word(WordList::FirmAnaphora, before) {
            return context.last_firm.cloned().into_iter().collect();
        }
        // 该平台日前获评…: the platform named in an earlier sentence.
        if known
            .rules
            .contains_word(WordList::PlatformAnaphora, before)
        {
            return context.last_platform.cloned().into_iter().collect();
        }
        if before.contains('该') {
            return Vec::new();
        }
    }
    // 苏州片区一企业获评“灯塔工厂”: the receiver is not named.
    let from = candidates
        .last()
        .map_or_else(|| s.clause_bounds(at).0, |m| m.end);
    if kind == TriggerKind::Recognize
        && known
            .rules
            .contains_word(WordList::UnnamedReceivers, &s.text[from..at])
    {
        return Vec::new();
    }
    let Some(nearest) = candidates.last() else {
        // 已在全省复制推广, 在 5 个片区推广: copied to zones it does not name.
        let (clause_start, _) = s.clause_bounds(at);
        if kind == TriggerKind::Replicate
            && known
                .rules
                .contains_word(WordList::UnnamedScopes, &s.text[clause_start..at])
        {
            return Vec::new();
        }
        // 现将《…》印发给你们: a notice's own issuer.
        if kind == TriggerKind::Issue
            && let Some(issuer) = context.issuer
        {
            return vec![issuer.clone()];
        }
        return context.topic.to_vec();
    };
    if kind == TriggerKind::Recognize {
        // 临港新片区首创的“X”，…，去年入选了…: the zone made X; X was selected.
        let made = mentions.iter().rfind(|m| {
            !m.nested && m.class() == Class::Practice && m.start >= nearest.end && m.end <= at
        });
        if (nearest.class().is_zone() || nearest.class().is_organisation())
            && let Some(practice) = made
        {
            return vec![practice.key.clone()];
        }
        return vec![nearest.key.clone()];
    }
    let mut subjects = vec![nearest.key.clone()];
    let mut right = *nearest;
    for left in candidates.iter().rev().skip(1) {
        let between = s.text[left.end..right.start].trim();
        let joiner = between.chars().count() <= 16
            && !between.contains(['，', '；', '。'])
            && known.rules.contains_word(WordList::Joiners, between);
        // 石家庄海关在正定片区率先推出: the body and the zone both made it.
        let actor_at_zone = kind == TriggerKind::Originate
            && right.class().is_zone()
            && !left.class().is_zone()
            && known.rules.is_word(WordList::ActorAt, between);
        let joined = joiner || actor_at_zone;
        if !joined {
            break;
        }
        subjects.push(left.key.clone());
        right = left;
    }
    subjects
}

/// A name right after 从/自/向 (copy_sources): where a copied practice
/// came from, not who copies it.
pub(super) fn copy_source(known: &Knowledge, s: &Sentence<'_>, m: &Mention) -> bool {
    known
        .rules
        .ends_with_word(WordList::CopySources, &s.text[..m.start])
        .is_some()
}

/// Whether the text refers back to a practice named before (该模式).
pub(super) fn refers_back(known: &Knowledge, text: &str) -> bool {
    known.rules.contains_word(WordList::Anaphora, text)
}

/// The agent of a passive (被商务部列为, 被商务部等8部门评为): it selects,
/// it is not selected.
/// The mention may start a few characters after 被 when its name was cut
/// (被中国物流与采购联合会评为: 采购联合会).
pub(super) fn is_agent(s: &Sentence<'_>, m: &Mention, trigger: usize) -> bool {
    let before = s.text[..m.start].trim_end();
    let between = s.text[m.end..trigger].trim();
    let after_mark = before.ends_with('经')
        || before.rfind('被').is_some_and(|i| {
            let gap = &before[i + '被'.len_utf8()..];
            gap.chars().count() <= 8 && !gap.chars().any(|c| "，,。；;：:、".contains(c))
        });
    after_mark && (between.chars().count() <= 2 || between.starts_with('等'))
}

/// A zone right after a verb of settling (落户 Z，…入选; 总部设在 Z，…被认定为)
/// is where the one selected sits, not the one selected.
fn is_seat(known: &Knowledge, s: &Sentence<'_>, m: &Mention) -> bool {
    m.class().is_zone()
        && super::seat::settling_verb_ending(known, s.text[..m.start].trim_end()).is_some()
}

/// A name after 依托/通过/利用/借助 in its clause is a means, not an actor.
pub(super) fn instrument(known: &Knowledge, s: &Sentence<'_>, m: &Mention) -> bool {
    // 以深哈产业园为载体，…: the place where the work is done acts.
    let after = &s.text[m.end..];
    if known
        .rules
        .starts_with_word(WordList::Venues, after)
        .is_some()
    {
        return false;
    }
    let (clause_start, _) = s.clause_bounds(m.start);
    let before = &s.text[clause_start..m.start];
    known.rules.contains_word(WordList::Instruments, before)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_of_items_above() {
        assert_eq!(super::items_above("以上3项均"), Some(3));
        assert_eq!(super::items_above("上述两项经验都"), Some(2));
        assert_eq!(super::items_above("以上成果"), None);
        assert_eq!(super::items_above("该模式"), None);
    }
}
