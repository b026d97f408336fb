//! Answers a full-text query: every whitespace-separated part of the query
//! must occur in the article (title or body) as written — tantivy finds
//! candidates by the part's jieba words, the text confirms the phrase — then
//! a zone and a date range narrow them. Snippets highlight the parts; the
//! entities come from the store (so they are the curated ones).
//!
//! Input: a `SearchIndex`, the `KgStore`, a `SearchRequest`. Output: `Hit`s,
//! best first.

use super::{Fields, SearchError, SearchIndex, day_number};
use crate::graph::resolve::{self, ZONES};
use crate::store::KgStore;
use std::collections::HashMap;
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

/// Characters of context on each side of the first match.
const CONTEXT: usize = 40;

/// What a person searches for.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    pub text: String,
    /// Only articles that mention this zone (or one of its parts).
    pub zone: Option<String>,
    /// Only issues dated on or after (YYYY, YYYY-MM, YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    pub limit: usize,
}

/// One article found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    pub article: String,
    pub title: String,
    pub issue: String,
    pub date: Option<String>,
    pub score: f32,
    pub snippet: Snippet,
    pub entities: Vec<MentionedEntity>,
}

/// An entity the article mentions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct MentionedEntity {
    pub class: String,
    pub label: String,
    pub iri: String,
}

/// A piece of text with the matched parts marked (byte ranges).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(usize, usize)>,
}

impl Snippet {
    /// The text with each match between `open` and `close`; `escape`
    /// applies to the article's text (HTML escaping for pages).
    pub fn marked(&self, open: &str, close: &str, escape: &dyn Fn(&str) -> String) -> String {
        let mut out = String::new();
        let mut at = 0;
        for &(start, end) in &self.highlights {
            out.push_str(&escape(&self.text[at..start]));
            out.push_str(open);
            out.push_str(&escape(&self.text[start..end]));
            out.push_str(close);
            at = end;
        }
        out.push_str(&escape(&self.text[at..]));
        out
    }

    /// Around the first occurrence of any part (the start if none occurs).
    fn around(text: &str, parts: &[String]) -> Snippet {
        let folded = text.to_lowercase();
        // Lower-casing keeps byte offsets for the CJK and ASCII text here;
        // when it does not, match on the text as it is.
        let hay = if folded.len() == text.len() {
            folded.as_str()
        } else {
            text
        };
        let first = parts.iter().filter_map(|p| hay.find(p.as_str())).min();
        let (start, end) = match first {
            Some(at) => (
                back_chars(text, at, CONTEXT),
                forward_chars(text, at, CONTEXT * 2),
            ),
            None => (0, forward_chars(text, 0, CONTEXT * 2)),
        };
        let window = &hay[start..end];
        let mut highlights: Vec<(usize, usize)> = parts
            .iter()
            .flat_map(|p| {
                window
                    .match_indices(p.as_str())
                    .map(|(i, m)| (i, i + m.len()))
            })
            .collect();
        highlights.sort();
        highlights.dedup_by(|next, kept| next.0 < kept.1);
        Snippet {
            text: text[start..end].replace(['\n', '\r'], " "),
            highlights,
        }
    }
}

/// Byte offset `n` characters before `at` (a char boundary).
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Byte offset `n` characters after `at`.
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// Searches the index; zone and entities are read from the store.
pub fn search(
    index: &SearchIndex,
    store: &KgStore,
    request: &SearchRequest,
) -> Result<Vec<Hit>, SearchError> {
    let parts: Vec<String> = request
        .text
        .split_whitespace()
        .map(|p| p.trim_matches(['"', '“', '”']).to_lowercase())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Ok(Vec::new());
    }
    let searcher = index.reader.searcher();
    let f = index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for part in &parts {
        for word in words(index, &searcher, part)? {
            clauses.push((Occur::Must, word));
        }
    }
    if let Some(zone) = &request.zone {
        let terms = zone_articles(store, zone)?
            .iter()
            .map(|a| Term::from_field_text(f.article, a))
            .collect::<Vec<_>>();
        clauses.push((Occur::Must, Box::new(TermSetQuery::new(terms))));
    }
    if request.from.is_some() || request.to.is_some() {
        let bound = |date: &Option<String>, last: bool| -> Result<Bound<Term>, SearchError> {
            match date {
                None => Ok(Bound::Unbounded),
                Some(d) => Ok(Bound::Included(Term::from_field_u64(
                    f.day,
                    day_bound(d, last)?,
                ))),
            }
        };
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                bound(&request.from, false)?,
                bound(&request.to, true)?,
            )),
        ));
    }
    let query = BooleanQuery::new(clauses);
    let limit = request.limit.max(1);
    let candidates = searcher
        .search(
            &query,
            &TopDocs::with_limit((limit * 10).max(200)).order_by_score(),
        )
        .map_err(|e| index.error(&e))?;
    let mut hits = Vec::new();
    for (score, address) in candidates {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| index.error(&e))?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        let (title, body) = (text(f.title), text(f.body));
        let (title_l, body_l) = (title.to_lowercase(), body.to_lowercase());
        if !parts
            .iter()
            .all(|p| title_l.contains(p.as_str()) || body_l.contains(p.as_str()))
        {
            continue;
        }
        let in_body = parts.iter().any(|p| body_l.contains(p.as_str()));
        let snippet = Snippet::around(if in_body { &body } else { &title }, &parts);
        let date = text(f.date);
        hits.push(Hit {
            article: text(f.article),
            title,
            issue: text(f.issue),
            date: (!date.is_empty()).then_some(date),
            score,
            snippet,
            entities: Vec::new(),
        });
        if hits.len() == limit {
            break;
        }
    }
    add_entities(store, &mut hits)?;
    Ok(hits)
}

/// The term queries of one query part: each jieba word of it (a word the
/// index lacks is looked up by its shorter search words instead).
fn words(
    index: &SearchIndex,
    searcher: &Searcher,
    part: &str,
) -> Result<Vec<Box<dyn Query>>, SearchError> {
    let f = index.fields;
    let known = |w: &str| -> Result<bool, SearchError> {
        let mut n = 0;
        for field in [f.title, f.body] {
            n += searcher
                .doc_freq(&Term::from_field_text(field, w))
                .map_err(|e| index.error(&e))?;
        }
        Ok(n > 0)
    };
    let mut queries = Vec::new();
    for token in index.jieba.cut(part, false) {
        let word = token.word;
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut terms = vec![word.to_owned()];
        if !known(word)? {
            terms = index
                .jieba
                .cut_for_search(word, false)
                .into_iter()
                .map(|t| t.word)
                .filter(|w| *w != word && w.chars().count() > 1)
                .map(str::to_owned)
                .collect();
            // Left with nothing: the literal check alone decides (a
            // single character, say, is found through the words around it).
            if terms.is_empty() {
                terms = vec![word.to_owned()];
            }
        }
        for term in terms {
            queries.push(either_field(&f, &term));
        }
    }
    Ok(queries)
}

fn either_field(f: &Fields, word: &str) -> Box<dyn Query> {
    let term = |field| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        ))
    };
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, term(f.title)),
        (Occur::Should, term(f.body)),
    ]))
}

/// First (or last) day of a YYYY, YYYY-MM or YYYY-MM-DD as YYYYMMDD.
fn day_bound(date: &str, last: bool) -> Result<u64, SearchError> {
    let bad = || SearchError::BadDate(date.to_owned());
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str| s.parse::<u64>().map_err(|_| bad());
    let (year, month, day) = match parts.as_slice() {
        [y] if y.len() == 4 => (number(y)?, if last { 12 } else { 1 }, None),
        [y, m] if y.len() == 4 => (number(y)?, number(m)?, None),
        [y, m, d] if y.len() == 4 => (number(y)?, number(m)?, Some(number(d)?)),
        _ => return Err(bad()),
    };
    if !(1..=12).contains(&month) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return Err(bad());
    }
    let day = day.unwrap_or(if last { 31 } else { 1 });
    Ok(day_number(&format!("{year:04}-{month:02}-{day:02}")).unwrap_or(0))
}

/// Articles that mention the zone or anything part of it.
fn zone_articles(store: &KgStore, zone: &str) -> Result<Vec<String>, SearchError> {
    let node = resolve::resolve(store, zone, ZONES)?;
    let sparql = format!(
        "SELECT DISTINCT ?a WHERE {{ ?a ftz:mentions ?z . ?z ftz:partOf* <{}> }}",
        node.iri
    );
    Ok(store
        .select(&sparql)?
        .1
        .into_iter()
        .map(|mut r| r.remove(0))
        .collect())
}

/// Fills in the entities each hit's article mentions.
fn add_entities(store: &KgStore, hits: &mut [Hit]) -> Result<(), SearchError> {
    if hits.is_empty() {
        return Ok(());
    }
    let values: Vec<String> = hits.iter().map(|h| format!("<{}>", h.article)).collect();
    let sparql = format!(
        "SELECT DISTINCT ?a ?e ?class ?label WHERE {{ VALUES ?a {{ {} }} ?a ftz:mentions ?e . \
         ?e a ?class ; rdfs:label ?label . FILTER(STRSTARTS(STR(?class), STR(ftz:))) }}",
        values.join(" ")
    );
    let mut by_article: HashMap<String, Vec<MentionedEntity>> = HashMap::new();
    for row in store.select(&sparql)?.1 {
        by_article
            .entry(row[0].clone())
            .or_default()
            .push(MentionedEntity {
                class: row[2].rsplit('#').next().unwrap_or_default().to_owned(),
                label: row[3].clone(),
                iri: row[1].clone(),
            });
    }
    for hit in hits {
        let mut entities = by_article.remove(&hit.article).unwrap_or_default();
        entities.sort();
        entities.dedup_by(|a, b| a.iri == b.iri);
        hit.entities = entities;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_marks_every_occurrence_in_its_window() {
        let text = "片区积极推进保税燃料油加注业务，保税燃料油供应量增长。";
        let snippet = Snippet::around(text, &["保税燃料油".to_owned()]);
        assert_eq!(
            snippet.marked("【", "】", &|s| s.to_owned()),
            "片区积极推进【保税燃料油】加注业务，【保税燃料油】供应量增长。"
        );
        let html = Snippet::around("<b>保税</b>", &["保税".to_owned()]);
        assert_eq!(
            html.marked("<mark>", "</mark>", &|s| s.replace('<', "&lt;")),
            "&lt;b><mark>保税</mark>&lt;/b>"
        );
    }

    #[test]
    fn date_bounds_cover_whole_years_and_months() {
        assert_eq!(day_bound("2025", false).unwrap(), 20_250_101);
        assert_eq!(day_bound("2025", true).unwrap(), 20_251_231);
        assert_eq!(day_bound("2025-07", true).unwrap(), 20_250_731);
        assert!(day_bound("July", false).is_err());
    }
}
