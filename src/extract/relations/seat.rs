//! Where a firm or institution sits, said around its name: the zone in
//! brackets after it (首创单位：X有限公司（两江片区）), a verb of settling or
//! lying before a zone and 的 before a list of names (扎根 Z 多年的 A、B),
//! and its seat after it (X，总部就设在 Z). Input: a sentence and its
//! mentions; output: basedIn relations.

use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::{TriggerKind, WordList};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};
use regex::Regex;
use std::sync::LazyLock;

/// 多年, 十余年, 20年: how long a firm has been where it is (扎根 Z 多年的 X).
static DURATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:多年|[\d一二三四五六七八九十]+余?年|十余年|已久)?的").expect("a valid regex")
});

/// Every basedIn said around a firm's or institution's name.
pub(super) fn seats(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let free: Vec<&Mention> = mentions.iter().filter(|m| !m.nested).collect();
    for (i, m) in free.iter().enumerate() {
        if !matches!(m.class(), Class::Firm | Class::Institution) {
            continue;
        }
        let zone = bracketed_zone(s, m, &free[i + 1..])
            .or_else(|| seat_after(known, s, m, &free[i + 1..]))
            .or_else(|| address_after(known, s, m, &free[i + 1..]));
        if let Some(zone) = zone {
            graph.add_relation(&m.key, Property::BasedIn, &zone.key, evidence);
            // 住所地 Z（厦门象屿综合保税区）: the zone inside it, too.
            let rest = &free[i + 1..];
            let inner = rest
                .iter()
                .position(|o| o.start == zone.start)
                .and_then(|at| bracketed_zone(s, zone, &rest[at + 1..]));
            if let Some(inner) = inner {
                graph.add_relation(&m.key, Property::BasedIn, &inner.key, evidence);
            }
        }
    }
    for (i, z) in free.iter().enumerate() {
        if !z.class().is_zone() {
            continue;
        }
        let listed = if settled_or_lying_before(known, s, z) {
            listed_after_de(s, z, &free[i + 1..])
        } else if let Some(inside) =
            (known.rules).starts_with_word(WordList::InsideFirms, &s.text[z.end..])
        {
            // 综合保税区内的 A、B / 片区内企业 A: firms inside the zone.
            listed_from(s, z.end + inside.len(), &free[i + 1..])
        } else {
            Vec::new()
        };
        for firm in listed {
            graph.add_relation(&firm.key, Property::BasedIn, &z.key, evidence);
        }
        if let Some(firm) = placed_later(known, s, z, &free[..i]) {
            graph.add_relation(&firm.key, Property::BasedIn, &z.key, evidence);
        }
    }
}

/// The most characters between a firm and the verb that places it.
const MAX_PLACED_GAP: usize = 40;

/// X成立于2019年，总部位于 Z1，办公中心设在片区内的 Z2; 我司 X 注册在 Z;
/// X 将亚太研发总部设在 Z: the firm the sentence is about, named before,
/// is where a later verb of settling or lying puts it, when no other
/// organisation stands between (a place or zone may) and the zone does not
/// open a 的 phrase (位于 Z 的 Y is Y's place).
fn placed_later<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    z: &Mention,
    before: &[&'m Mention],
) -> Option<&'m Mention> {
    if s.text[z.end..].starts_with('的') {
        return None;
    }
    // 设在片区内的 Z: the zone's own setting may stand between.
    let mut lead = &s.text[..z.start];
    if let Some(w) = known.rules.ends_with_word(WordList::WithinMarkers, lead) {
        lead = &lead[..lead.len() - w.len()];
        lead = lead.strip_suffix("片区").unwrap_or(lead);
    }
    let lead = lead.strip_suffix('了').unwrap_or(lead);
    let verb_at = settling_verb_ending(known, lead)?;
    let firm = before
        .iter()
        .rfind(|m| m.end <= verb_at && matches!(m.class(), Class::Firm | Class::Institution))?;
    let gap = &s.text[firm.end..verb_at];
    let between = before
        .iter()
        .any(|o| o.start >= firm.end && o.end <= verb_at && o.class().is_organisation());
    let clear = !between && !gap.contains(['；', ';']) && gap.chars().count() <= MAX_PLACED_GAP;
    clear.then_some(*firm)
}

/// X（两江片区）: a zone that fills the brackets right after the name.
fn bracketed_zone<'m>(s: &Sentence<'_>, m: &Mention, after: &[&'m Mention]) -> Option<&'m Mention> {
    let rest = &s.text[m.end..];
    let open = rest.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let z = after.first().filter(|z| z.class().is_zone())?;
    let inside = z.start == m.end + open.len_utf8();
    let closed = s.text[z.end..].starts_with(['）', ')']);
    (inside && closed).then_some(*z)
}

/// 住所：广西壮族自治区崇左市凭祥市凭祥综合保税区…: the address field of a
/// firm's card (the paragraph's topic is the firm) puts the firm in every
/// zone and place it names.
pub(super) fn card_address(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    topic: &[EntityKey],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let [firm] = topic else {
        return;
    };
    if !matches!(firm.class, Class::Firm | Class::Institution) {
        return;
    }
    let Some(word) = known
        .rules
        .starts_with_word(WordList::AddressWords, &s.text)
    else {
        return;
    };
    if !s.text[word.len()..].trim_start().starts_with(['：', ':']) {
        return;
    }
    for m in mentions.iter().filter(|m| !m.nested) {
        let property = if m.class().is_zone() {
            Property::BasedIn
        } else if m.class() == Class::Place {
            Property::LocatedIn
        } else {
            continue;
        };
        graph.add_relation(firm, property, &m.key, evidence);
    }
}

/// 被告：X，住所地 Z…号: an address word (`address_words`) right after
/// the name, and the zone the address starts with.
fn address_after<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    m: &Mention,
    after: &[&'m Mention],
) -> Option<&'m Mention> {
    let rest = s.text[m.end..].trim_start_matches(['，', ',', ' ']);
    let word = known.rules.starts_with_word(WordList::AddressWords, rest)?;
    let rest = rest[word.len()..].trim_start_matches(['：', ':', '为', '在', '于', ' ']);
    zone_at(s, rest, after)
}

/// The zone that `rest` (a tail of the sentence's text) starts with.
fn zone_at<'m>(s: &Sentence<'_>, rest: &str, after: &[&'m Mention]) -> Option<&'m Mention> {
    let at = s.text.len() - rest.len();
    after
        .iter()
        .find(|z| z.start == at && z.class().is_zone())
        .copied()
}

/// X，总部就设在 Z / X的注册地为 Z / X主营…，注册地为 Z: a seat word
/// (`seat_words`) right after the name or opening a later clause (no other
/// firm or institution named between), then a verb of settling or lying or
/// only 在/于/为/是, then the zone.
fn seat_after<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    m: &Mention,
    after: &[&'m Mention],
) -> Option<&'m Mention> {
    let text = &s.text[m.end..];
    // Where a seat word may stand: right after the name (的 between), or
    // after any clause mark before the next organisation.
    let next_actor = after
        .iter()
        .find(|o| matches!(o.class(), Class::Firm | Class::Institution))
        .map_or(s.text.len(), |o| o.start);
    let starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|&(_, c)| matches!(c, '，' | ',' | '；'))
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&i| m.end + i < next_actor),
    );
    starts.into_iter().find_map(|from| {
        let rest = text[from..].trim_start_matches(['，', ',', ' ', '的']);
        let seat = known.rules.starts_with_word(WordList::SeatWords, rest)?;
        let rest = rest[seat.len()..].trim_start_matches(['就', '也', '均', '都']);
        let rest = match settle_or_lie(known, rest) {
            Some(verb) => &rest[verb.len()..],
            None if rest.starts_with(['在', '于', '为', '是']) => rest,
            None => return None,
        };
        zone_at(s, rest.trim_start_matches(['在', '于', '为', '是']), after)
    })
}

/// The verb of settling (triggers.tsv `settle`) or of lying (`located_verbs`)
/// that `text` starts with.
fn settle_or_lie<'k>(known: &'k Knowledge, text: &str) -> Option<&'k str> {
    known
        .rules
        .starts_with_trigger(TriggerKind::Settle, text)
        .or_else(|| known.rules.starts_with_word(WordList::LocatedVerbs, text))
}

/// 扎根 Z / 坐落在 Z / 总部设在 Z: a verb of settling or lying ends the text
/// before the zone (在/于 may follow it).
fn settled_or_lying_before(known: &Knowledge, s: &Sentence<'_>, z: &Mention) -> bool {
    settling_verb_ending(known, &s.text[..z.start]).is_some()
}

/// Where the verb of settling (triggers.tsv `settle`) or of lying
/// (`located_verbs`) that ends `text` starts; 在/于/到 may follow it.
pub(super) fn settling_verb_ending(known: &Knowledge, text: &str) -> Option<usize> {
    [text, text.trim_end_matches(['在', '于', '到'])]
        .into_iter()
        .find_map(|text| {
            known
                .rules
                .ends_with_trigger(TriggerKind::Settle, text)
                .or_else(|| known.rules.ends_with_word(WordList::LocatedVerbs, text))
                .map(|verb| text.len() - verb.len())
        })
}

/// The firms and institutions listed right after `Z〔多年〕的`: A、B和C.
fn listed_after_de<'m>(s: &Sentence<'_>, z: &Mention, after: &[&'m Mention]) -> Vec<&'m Mention> {
    let Some(de) = DURATION.find(&s.text[z.end..]) else {
        return Vec::new();
    };
    listed_from(s, z.end + de.end(), after)
}

/// The firms and institutions listed from byte `at` on: A、B和C.
fn listed_from<'m>(s: &Sentence<'_>, mut at: usize, after: &[&'m Mention]) -> Vec<&'m Mention> {
    let mut listed = Vec::new();
    for m in after {
        if m.start != at || !matches!(m.class(), Class::Firm | Class::Institution) {
            break;
        }
        listed.push(*m);
        let gap = s.text[m.end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '、' | '和' | '及' | '与'));
        match gap {
            Some(c) => at = m.end + c.len_utf8(),
            None => break,
        }
    }
    listed
}
