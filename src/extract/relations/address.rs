//! Street addresses: 杭州数链通科技有限公司｜杭州市滨江区长河街道江虹路1750号
//! （杭州片区）, 楚商银行研究院 地址：武汉市建设大道618号. The firm or
//! institution named last before an address lies in every place the address
//! opens with (杭州, 滨江区) and is based in every zone the address names
//! (杭州片区, 襄阳综合保税区…综合服务楼).
//!
//! Input: a sentence and its mentions; output: locatedIn and basedIn.

use crate::extract::collect::ArticleGraph;
use crate::extract::mention::Mention;
use crate::extract::sentence::Sentence;
use crate::model::{Class, Property};
use regex::Regex;
use std::sync::LazyLock;

/// The house number that ends the street part of an address: 1750号,
/// 29-1号, 618号院.
static HOUSE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,5}(?:[-－]\d{1,4})?号").expect("house number pattern"));

/// The most characters between an organisation and its address.
const MAX_GAP: usize = 12;

/// What ends an address after its number: a clause mark, a table cell's
/// edge, a wide gap.
fn ends_address(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '、' | '｜' | '|' | '　' | ' ' | '\t' | ',' | ';'
    )
}

/// The span of every address of the sentence: from the first place (or
/// zone: 住所地中国（山东）…青岛片区…北京路45号) named right before its street up to its end (the number, its building and
/// floor, a bracket after it).
fn addresses(s: &Sentence<'_>, mentions: &[Mention]) -> Vec<(usize, usize)> {
    let text = &s.text;
    let mut out = Vec::new();
    for number in HOUSE_NUMBER.find_iter(text) {
        // The street: back from the number to the clause's start, at most
        // 30 characters.
        let clause_start = text[..number.start()]
            .char_indices()
            .rev()
            .take(30)
            .find(|&(_, c)| ends_address(c) || matches!(c, '：' | ':'))
            .map_or_else(
                || {
                    text[..number.start()]
                        .char_indices()
                        .rev()
                        .take(30)
                        .last()
                        .map_or(0, |(i, _)| i)
                },
                |(i, c)| i + c.len_utf8(),
            );
        let Some(first_place) = mentions
            .iter()
            .filter(|m| m.class() == Class::Place || m.class().is_zone())
            .filter(|m| m.start >= clause_start && m.end <= number.start())
            .map(|m| m.start)
            .min()
        else {
            continue;
        };
        let end = text[number.end()..]
            .char_indices()
            .find(|&(_, c)| ends_address(c))
            .map_or(text.len(), |(i, _)| number.end() + i);
        out.push((first_place, end));
    }
    out
}

/// locatedIn and basedIn of the organisation an address follows.
pub(super) fn addressed(
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let mut from = 0;
    for (start, end) in addresses(s, mentions) {
        // The firm or institution named last before the address, after the
        // address before it.
        let owner = mentions
            .iter()
            .filter(|m| !m.nested && matches!(m.class(), Class::Firm | Class::Institution))
            .filter(|m| m.start >= from && m.end <= start)
            .max_by_key(|m| m.end)
            // Right before it (F｜ADDR, F位于ADDR, F，地址：ADDR), not a name
            // of the line before a heading (…烟台港集团有限公司 联系我们 总部：ADDR).
            .filter(|m| s.text[m.end..start].chars().count() <= MAX_GAP);
        from = end;
        let Some(owner) = owner else { continue };
        // The places the address opens with, one right after another
        // (山东省烟台市福山区), not a place named in the street.
        let mut at = start;
        while let Some(place) = mentions
            .iter()
            .filter(|m| m.class() == Class::Place && m.start == at && m.end <= end)
            .max_by_key(|m| m.end)
        {
            graph.add_relation(&owner.key, Property::LocatedIn, &place.key, evidence);
            at = place.end;
        }
        let zones = mentions
            .iter()
            .filter(|m| !m.nested && m.class().is_zone() && m.start >= start && m.end <= end);
        for zone in zones {
            graph.add_relation(&owner.key, Property::BasedIn, &zone.key, evidence);
        }
    }
}
