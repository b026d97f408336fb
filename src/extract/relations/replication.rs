//! Where practices started and where they were copied: 复制推广 Z 的“P”,
//! 该模式复制推广至 Z, 被 Z 借鉴, X 是 Y 创新推出的. Input: a sentence and
//! its mentions; output: originatedIn and replicatedIn relations.

use super::subjects::refers_back;
use super::triggers::Trigger;
use super::{Context, is_actor};
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::TriggerKind;
use crate::extract::rules::WordList;
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// 芜湖片区商品车出口“江海直达”模式: a practice named right after an area,
/// as its own, started there.
pub(super) fn practices_of_areas(
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
pub(super) fn copied_to(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    t: &Trigger,
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let rest = &s.text[t.end..];
    let Some(rest) = known
        .rules
        .starts_with_word(WordList::CopyTargets, rest)
        .map(|w| &rest[w.len()..])
    else {
        return;
    };
    let from = s.text.len() - rest.len();
    let (_, clause_end) = s.clause_bounds(from);
    let zones: Vec<&Mention> = mentions
        .iter()
        .filter(|m| !m.nested && m.class().is_zone() && m.start >= from && m.end <= clause_end)
        .collect();
    if let Some(practice) = practice_before(known, s, mentions, t.start, context) {
        for z in zones {
            graph.add_relation(practice, Property::ReplicatedIn, &z.key, evidence);
        }
    }
}

/// The practice a copy is about: the last one named before `end` in the
/// sentence, or the one named before it when the text refers back (该模式).
pub(super) fn practice_before<'a>(
    known: &Knowledge,
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
            .filter(|_| refers_back(known, &s.text[..end])))
}

/// 该模式已被长沙片区借鉴: the zones after 被 copied the practice before it.
pub(super) fn copied_by_passive(
    known: &Knowledge,
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
    if let Some(practice) = practice_before(known, s, mentions, bei, context) {
        for z in zones {
            graph.add_relation(practice, Property::ReplicatedIn, &z.key, evidence);
        }
    }
}

/// "X 是 Y 创新推出的…", “X”，是由 Y 首创的: X originated with Y.
pub(super) fn created_by(
    known: &Knowledge,
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
        // “P”，是 Z 原创的 and “P”是由 Z 首创的 say the same.
        let after_x = &text[x.end..];
        let lead = after_x.strip_prefix(['，', ',']).unwrap_or(after_x);
        let Some(rest) = lead.strip_prefix('是') else {
            continue;
        };
        let rest = rest.strip_prefix('由').unwrap_or(rest);
        let y_start = text.len() - rest.len();
        let Some(y) = mentions
            .iter()
            .find(|m| m.start == y_start && is_actor(m.class()))
        else {
            continue;
        };
        let after = &text[y.end..];
        let made = known
            .rules
            .triggers(TriggerKind::Originate)
            .iter()
            .any(|t| after.starts_with(t.as_str()));
        if made && rest.contains('的') {
            graph.add_relation(&x.key, Property::OriginatedIn, &y.key, evidence);
        }
    }
}

/// ①国际船舶登记“一窗通办”：由洋浦海事局首创，…: an item led by a
/// practice's name, whose first clause after the colon names its makers.
pub(super) fn made_by_after_colon(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for p in mentions
        .iter()
        .filter(|m| !m.nested && m.class() == Class::Practice)
    {
        // The name leads the item: only numbering and bullets before it.
        if text[..p.start]
            .chars()
            .any(|c| c.is_alphanumeric() && !is_item_mark(c))
        {
            continue;
        }
        let Some((clause, verb)) = known.rules.making_after_colon(&text[p.end..]) else {
            continue;
        };
        let (from, to) = (p.end + clause, p.end + verb);
        for maker in mentions
            .iter()
            .filter(|m| !m.nested && m.start >= from && m.end <= to && is_actor(m.class()))
        {
            graph.add_relation(&p.key, Property::OriginatedIn, &maker.key, evidence);
        }
    }
}

/// ①, ⑵, 1, 一: the marks that number an item.
fn is_item_mark(c: char) -> bool {
    crate::extract::sentence::is_item_number(c) || "一二三四五六七八九十".contains(c)
}

/// 复制推广上海自贸试验区“一业一证”改革经验: the practice came from the zone
/// named right before it.
pub(super) fn copied_from(
    known: &Knowledge,
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
        // 复制推广 Z 首创的“P”: a verb of making may stand between.
        let made_there = known.rules.is_word(WordList::OriginMarkers, between);
        // 对标四川自由贸易试验区人民法院的“诉调一站通”: a body's practice too.
        let maker = zone.class().is_zone()
            || matches!(zone.class(), Class::GovernmentBody | Class::Institution);
        if maker
            && practice.class() == Class::Practice
            && (between.is_empty() || made_there || possessed(between, practice))
        {
            graph.add_relation(&practice.key, Property::OriginatedIn, &zone.key, evidence);
        }
    }
}

/// “P”由 Z 率先试点; P 源自 Z; P 系 B 首创; P 则在 Z 先行先试; “A”和“B”分别由
/// Z1、Z2 探索形成: the creator named after the practice (the lead words are
/// `creator_leads` of words.tsv; 源自/来自 need no verb). A clause that
/// refers back (这一机制源自 Z, 该模式是我关在 Z 率先推出的) speaks of the
/// practice named before it in the sentence (or, opening the sentence, in
/// the sentence before).
pub(super) fn made_by_after(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    let free: Vec<&Mention> = mentions.iter().filter(|m| !m.nested).collect();
    for (i, p) in free.iter().enumerate() {
        if p.class() != Class::Practice {
            continue;
        }
        // The practices listed together (A 和 B) share the phrase after the last.
        if free
            .get(i + 1)
            .is_some_and(|n| n.class() == Class::Practice && joined(known, &text[p.end..n.start]))
        {
            continue;
        }
        let mut practices = vec![&p.key];
        let mut first = p.start;
        for q in free[..i].iter().rev() {
            if q.class() != Class::Practice || !joined(known, &text[q.end..first]) {
                break;
            }
            practices.push(&q.key);
            first = q.start;
        }
        practices.reverse();
        made_by(known, s, &free, &practices, p.end, evidence, graph);
    }
    for at in s.clause_starts() {
        let Some(word) = known
            .rules
            .starts_with_word(WordList::Anaphora, &text[at..])
        else {
            continue;
        };
        // A practice of this sentence, or of the one right before when the
        // sentence opens with the words: not one named further back, which
        // the words may refer past (a heading's practice not recognised).
        let practice = free
            .iter()
            .rfind(|m| m.class() == Class::Practice && m.end <= at)
            .map(|m| &m.key)
            .or(context.previous_practice.filter(|_| at == 0));
        if let Some(practice) = practice {
            made_by(
                known,
                s,
                &free,
                &[practice],
                at + word.len(),
                evidence,
                graph,
            );
        }
    }
}

/// The creators named after `from` (the end of the practices' names) in its
/// clause, when a creator lead and, unless the lead says it alone, an
/// origin verb state that they made the practices.
fn made_by(
    known: &Knowledge,
    s: &Sentence<'_>,
    free: &[&Mention],
    practices: &[&EntityKey],
    from: usize,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    let (_, mut clause_end) = s.clause_bounds(from);
    let mut rest = text[from..clause_end].trim_start_matches(['则', '均']);
    if rest.trim().is_empty() && clause_end < text.len() {
        // P 改革，最早是 B 先行先试的: the practice ends its clause, the
        // next one opens with who made it.
        let next = clause_end + text[clause_end..].chars().next().map_or(0, char::len_utf8);
        clause_end = s.clause_bounds(next).1;
        rest = &text[next..clause_end];
        if let Some(adverb) = known.rules.starts_with_word(WordList::MakerAdverbs, rest) {
            rest = &rest[adverb.len()..];
        }
    }
    let respectively = rest.starts_with("分别");
    let rest = rest.trim_start_matches("分别");
    let Some(lead) = known.rules.starts_with_word(WordList::CreatorLeads, rest) else {
        return;
    };
    // `rest` ends at the clause end.
    let from = clause_end - rest.len() + lead.len();
    let mut actors: Vec<&Mention> = Vec::new();
    let mut at = from;
    for m in free
        .iter()
        .filter(|m| m.start >= from && m.end <= clause_end)
    {
        if !is_actor(m.class()) || (!actors.is_empty() && !joined(known, &text[at..m.start])) {
            break;
        }
        if actors.is_empty() && !text[from..m.start].trim().is_empty() {
            break;
        }
        actors.push(m);
        at = m.end;
    }
    if actors.is_empty() {
        return;
    }
    // 由大连银行在大连片区首先推出: the zone it was made in started it too.
    if let Some(after_in) = text[at..clause_end].trim_start().strip_prefix('在') {
        let zone_at = clause_end - after_in.len();
        if let Some(zone) = free
            .iter()
            .find(|m| m.start == zone_at && m.class().is_zone())
        {
            actors.push(zone);
            at = zone.end;
        }
    }
    let verb_needed = !known.rules.is_word(WordList::CreatorSources, lead);
    let mut after = text[at..clause_end].trim_start();
    // 是东疆片区2020年首创的做法: a date may stand before the verb.
    if let Some(date) = super::settlement::SETTLE_DATE.find(after) {
        after = &after[date.end()..];
    }
    let mut made = false;
    loop {
        made |= known
            .rules
            .starts_with_trigger(TriggerKind::Originate, after)
            .is_some();
        match known
            .rules
            .starts_with_word(WordList::CreatorAdverbs, after)
        {
            Some(adverb) if !made => after = &after[adverb.len()..],
            _ => break,
        }
    }
    if verb_needed && !made {
        return;
    }
    if respectively && actors.len() == practices.len() {
        for (p, a) in practices.iter().zip(&actors) {
            graph.add_relation(p, Property::OriginatedIn, &a.key, evidence);
        }
    } else if !respectively {
        for p in practices {
            for a in &actors {
                graph.add_relation(p, Property::OriginatedIn, &a.key, evidence);
            }
        }
    }
}

/// Z的“P”, Z的跨境结算“秒到账”做法: 的 between a name and a practice, and
/// perhaps the first words of the practice's own name.
fn possessed(between: &str, practice: &Mention) -> bool {
    between
        .strip_prefix('的')
        .is_some_and(|own| practice.key.label.starts_with(own))
}

/// Whether the words between two names join them (和, 与, 、).
fn joined(known: &Knowledge, between: &str) -> bool {
    known.rules.is_word(WordList::Joiners, between.trim())
}

/// 源自中国（上海）自由贸易试验区的“研发用物品进口白名单”制度: the practice
/// after 源自/来自 Z 的 came from Z.
pub(super) fn sourced_before(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    let free: Vec<&Mention> = mentions.iter().filter(|m| !m.nested).collect();
    for pair in free.windows(2) {
        let (source, practice) = (pair[0], pair[1]);
        if !is_actor(source.class()) || practice.class() != Class::Practice {
            continue;
        }
        let lead = known
            .rules
            .ends_with_word(WordList::CreatorSources, &text[..source.start]);
        if lead.is_some() && possessed(&text[source.end..practice.start], practice) {
            graph.add_relation(&practice.key, Property::OriginatedIn, &source.key, evidence);
        }
    }
}

/// 片区从中国（浙江）自由贸易试验区宁波片区移植了“云上共调”机制: the zone
/// or body after 从/自/向 (copy_sources) in the copying clause is where
/// the copied practice started.
pub(super) fn copied_from_source(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    trigger_start: usize,
    copied: &[&Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let (clause_start, _) = s.clause_bounds(trigger_start);
    let sources = mentions.iter().filter(|m| {
        !m.nested
            && m.start >= clause_start
            && m.end <= trigger_start
            && (m.class().is_zone()
                || matches!(m.class(), Class::GovernmentBody | Class::Institution))
            && super::subjects::copy_source(known, s, m)
    });
    for source in sources {
        for practice in copied.iter().filter(|p| p.class() == Class::Practice) {
            graph.add_relation(&practice.key, Property::OriginatedIn, &source.key, evidence);
        }
    }
}
