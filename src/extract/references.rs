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

/// How many sentences of an article, its title first, may name the firm
/// the article is by (a press release's or an investor-relations form's
/// masthead).
const MASTHEAD_SENTENCES: usize = 3;

/// The organisation an article is by: one named in its first sentences,
/// before any other actor. 公司 and 本公司 stand for it in a firm's own
/// documents (问：公司地处北京自贸试验区…), 本院 and 本机关 in a court's or
/// an office's.
pub(super) fn own_firm(prepared: &[(Sentence<'_>, Vec<Mention>)]) -> Option<EntityKey> {
    let first = prepared
        .iter()
        .take(MASTHEAD_SENTENCES)
        .flat_map(|(_, mentions)| mentions.iter().filter(|m| !m.nested))
        .find(|m| m.class().is_actor())?;
    first.class().is_organisation().then(|| first.key.clone())
}

/// The mentions the sentence's firm references stand for: the firm named
/// last, or for the words of `own_refs` the firm the article is by.
pub(super) fn firm_references(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    [last_firm, own_firm]: [Option<&EntityKey>; 2],
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
            let own = own_firm
                .filter(|k| k.class == Class::Firm && known.rules.is_word(WordList::OwnRefs, word));
            let firm = match in_sentence {
                Some(m) if m.class() == Class::Firm => Some(&m.key),
                Some(_) if word == ITS => None,
                Some(_) => own.or(last_firm),
                None if word == ITS => last_subject.filter(|k| k.class == Class::Firm),
                None => own.or(last_firm),
            };
            let Some(firm) = firm else {
                continue;
            };
            let mut m = Mention::new(Class::Firm, &firm.label, at, end);
            m.surface = word.clone();
            out.push(m);
        }
    }
    // 本院适用…, 本机关制定…: the court or office whose document it is.
    if let Some(own) = own_firm.filter(|k| k.class != Class::Firm) {
        for word in known.rules.words(WordList::BodyRefs) {
            for (at, _) in text.match_indices(word.as_str()) {
                let end = at + word.len();
                if out.iter().any(|m| m.start < end && at < m.end)
                    || mentions.iter().any(|m| m.start < end && at < m.end)
                {
                    continue;
                }
                let mut m = Mention::new(own.class, &own.label, at, end);
                m.surface = word.clone();
                out.push(m);
            }
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
