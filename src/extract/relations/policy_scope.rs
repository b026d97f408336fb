//! Where a policy applies, said in the clause right after its title:
//! 印发《P》，明确在 A、B 开展试点; 《P》，该方案要求 A、B、C 各自…;
//! 《P》，试点范围覆盖 A 和 B. Input: a sentence and its mentions; output:
//! appliesTo relations.

use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::WordList;
use crate::extract::sentence::Sentence;
use crate::model::{Class, Property};

/// 《P》，<scope lead> … zones: the zones of the clause after the policy,
/// when it opens with a word of `scope_leads` (after 该方案 and the like).
pub(super) fn scope_after_title(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let text = &s.text;
    for p in mentions
        .iter()
        .filter(|m| !m.nested && m.class() == Class::Policy)
    {
        let mut rest = text[p.end..].trim_start_matches(['》', '”']);
        // （陕商发〔2023〕87号）: a document number may follow the title.
        if let Some(inner) = rest.strip_prefix(['（', '('])
            && let Some(close) = inner.find(['）', ')'])
        {
            let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
            rest = &inner[close + close_len..];
        }
        let Some(clause) = rest.strip_prefix(['，', ',']) else {
            continue;
        };
        let clause = known
            .rules
            .starts_with_word(WordList::PolicyAnaphora, clause)
            .map_or(clause, |w| &clause[w.len()..]);
        let Some(lead) = known.rules.starts_with_word(WordList::ScopeLeads, clause) else {
            continue;
        };
        let from = text.len() - clause.len() + lead.len();
        let (_, clause_end) = s.clause_bounds(from);
        for z in mentions
            .iter()
            .filter(|z| !z.nested && z.class().is_zone() && z.start >= from && z.end <= clause_end)
        {
            graph.add_relation(&p.key, Property::AppliesTo, &z.key, evidence);
        }
    }
}
