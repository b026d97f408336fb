//! Words that stand for a firm named before (公司运营的“P”平台, 我们公司注册在
//! Z, 其建设运营的 P): a word of `firm_refs` that opens a clause (after
//! `ref_leads` such as a year) becomes a mention of that firm for the
//! relation rules. Input: a sentence, its mentions, the firm and the actor
//! named last before it; output: the extra mentions (never entities of
//! their own: they only name who acts).

use crate::extract::knowledge::Knowledge;
use crate::extract::mention::Mention;
use crate::extract::rules::WordList;
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey};

/// 其 stands for the subject of the sentence before only when it is a firm.
const ITS: &str = "其";

/// The mentions the sentence's firm references stand for.
pub(super) fn firm_references(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    last_firm: Option<&EntityKey>,
    last_subject: Option<&EntityKey>,
) -> Vec<Mention> {
    let text = &s.text;
    let mut out: Vec<Mention> = Vec::new();
    for word in known.rules.words(WordList::FirmRefs) {
        for (at, _) in text.match_indices(word.as_str()) {
            let end = at + word.len();
            if out.iter().any(|m| m.start < end && at < m.end)
                || mentions.iter().any(|m| m.start < end && at < m.end)
            {
                continue;
            }
            let (clause_start, _) = s.clause_bounds(at);
            if !opens_clause(known, &text[clause_start..at]) {
                continue;
            }
            // The firm named last in the sentence before the word, else
            // before the sentence; 其 only for a firm that acted last.
            let in_sentence = mentions
                .iter()
                .rfind(|m| !m.nested && m.end <= at && m.class().is_actor());
            let firm = match in_sentence {
                Some(m) if m.class() == Class::Firm => Some(&m.key),
                Some(_) if word == ITS => None,
                Some(_) => last_firm,
                None if word == ITS => last_subject.filter(|k| k.class == Class::Firm),
                None => last_firm,
            };
            let Some(firm) = firm else {
                continue;
            };
            let mut m = Mention::new(Class::Firm, &firm.label, at, end);
            m.surface = word.clone();
            out.push(m);
        }
    }
    out
}

/// Whether only a lead (`ref_leads`, a year or date) stands before the
/// word in its clause.
fn opens_clause(known: &Knowledge, before: &str) -> bool {
    let before = before.trim_matches(|c: char| c.is_whitespace() || c == '　');
    if before.is_empty() || known.rules.is_word(WordList::RefLeads, before) {
        return true;
    }
    before
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "年月日号至—-".contains(c))
}
