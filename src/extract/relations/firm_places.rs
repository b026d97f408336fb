//! Where a firm or an institution is, said with a verb of place: X 位于
//! 福山区, 总部大楼位于北仑区 (the firm named last), 项目选址位于舟山市岱山县.
//! Input: a sentence, its mentions and the firm named before it; output:
//! X locatedIn every place named right after the verb.

use super::Context;
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::WordList;
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// The most characters between a firm's name and its verb of place (X
/// 目前位于, X 的生产基地位于).
const MAX_GAP: usize = 8;

/// The most characters between a word for the firm and its verb of place
/// (该公司目前位于).
const REF_GAP: usize = 3;

pub(super) fn firms_located(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for verb in known.rules.words(WordList::LocatedVerbs) {
        for (at, _) in text.match_indices(verb.as_str()) {
            let (clause_start, clause_end) = s.clause_bounds(at);
            let Some(owner) = owner_before(known, s, mentions, context, clause_start, at) else {
                continue;
            };
            let after = at + verb.len();
            // Places one after another right after the verb (舟山市岱山县).
            let mut end = after;
            for m in mentions
                .iter()
                .filter(|m| !m.nested && m.start >= after && m.end <= clause_end)
            {
                if m.class() != Class::Place || !text[end..m.start].trim().is_empty() {
                    break;
                }
                graph.add_relation(&owner, Property::LocatedIn, &m.key, evidence);
                end = m.end;
            }
        }
    }
}

/// The firm or institution whose place the verb at `at` gives: one named
/// just before it in its clause, or a word standing for the firm named
/// last (该公司, 总部大楼) that opens the clause.
fn owner_before(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    clause_start: usize,
    at: usize,
) -> Option<EntityKey> {
    let text = &s.text;
    let last = mentions
        .iter()
        .rfind(|m| !m.nested && m.start >= clause_start && m.end <= at);
    if let Some(m) = last {
        let firm = matches!(m.class(), Class::Firm | Class::Institution);
        let gap = &text[m.end..at];
        return (firm && gap.chars().count() <= MAX_GAP).then(|| m.key.clone());
    }
    let lead = text[clause_start..at].trim_start_matches(['，', '；', ' ']);
    let lead = known
        .rules
        .starts_with_word(WordList::RefLeads, lead)
        .map_or(lead, |w| &lead[w.len()..]);
    known
        .rules
        .starts_with_word(WordList::FirmRefs, lead)
        .filter(|w| lead[w.len()..].chars().count() <= REF_GAP)
        .and(context.last_firm.cloned())
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::Property;

    fn located(text: &str) -> Vec<(String, String)> {
        let x = Extractor::new().unwrap();
        let doc = crate::corpus::parse_text("t.txt", &format!("标题\n\n{text}\n"));
        x.extract_document(&doc)
            .into_iter()
            .flat_map(|e| e.relations)
            .filter(|r| r.property == Property::LocatedIn)
            .map(|r| (r.subject.label, r.object.label))
            .collect()
    }

    #[test]
    fn a_firm_and_the_places_after_its_verb_of_place() {
        let got = located("烟台绿岸冷链物流有限公司位于福山区，在综保区内建有保税冷库。");
        assert!(
            got.contains(&("烟台绿岸冷链物流有限公司".into(), "福山区".into())),
            "{got:?}"
        );
        let got =
            located("宁波优跨供应链管理有限公司在宁波片区设立华东区域总部。总部大楼位于北仑区。");
        assert!(
            got.contains(&("宁波优跨供应链管理有限公司".into(), "北仑区".into())),
            "{got:?}"
        );
        // A zone's place is not a firm's (the zone opens the clause).
        let got = located("宁波片区位于北仑区，宁波优跨供应链管理有限公司在此设立总部。");
        assert!(!got.iter().any(|(s, _)| s.contains("公司")), "{got:?}");
    }
}
