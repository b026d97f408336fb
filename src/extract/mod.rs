//! Extraction: one document in; per article, its entities, relations (each
//! with the sentences that state it) and statistics out.
//!
//! `lexicon` holds the reference names, `rules` the rule tables,
//! `segment` the jieba segmenter, `sentence` prepares a sentence, `mentions`
//! and `names` find entity mentions, `relations` applies trigger patterns,
//! `statistics` reads figures, `collect` gathers an `Extraction`.

mod annex_items;
mod announced;
mod collect;
mod finder;
mod firm_names;
mod items;
mod knowledge;
mod learnt;
pub mod lexicon;
mod mention;
mod mentions;
mod names;
mod phrases;
mod records;
mod references;
mod relations;
mod rule_kinds;
pub mod rules;
pub mod segment;
mod sentence;
mod statistics;
mod tables;
mod topics;

pub use collect::ArticleGraph;
pub use knowledge::Knowledge;
pub use lexicon::{Lexicon, LexiconEntry, LexiconError};
pub use mention::{Mention, clean_label, key};
pub use rules::{Rules, RulesError, TriggerKind};
pub use segment::Segmenter;

use crate::model::{Article, Class, Document, EntityKey, Extraction, Issue, Property};
use learnt::{Dictionary, KnownNames, known_names, learn_names};
use rules::WordList;
use sentence::Sentence;

/// Why the extractor could not be built (a bad rule or reference table).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Rules(#[from] RulesError),
}

/// Holds what extraction needs for a whole run: built once per process.
pub struct Extractor {
    known: Knowledge,
    segmenter: Segmenter,
}

/// An article's sentences with the mentions the rules find in each.
type Prepared<'a> = Vec<(Sentence<'a>, Vec<Mention>)>;

impl Extractor {
    /// Loads the built-in lexicon, the rule tables and the jieba dictionary.
    pub fn new() -> Result<Extractor, SetupError> {
        let lexicon = Lexicon::builtin()?;
        let rules = Rules::builtin()?;
        let words = rules.words(WordList::SegmentWords);
        let segmenter = Segmenter::new(&lexicon, words.iter().map(|w| (w.as_str(), "n")));
        Ok(Extractor {
            known: Knowledge { lexicon, rules },
            segmenter,
        })
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.known.lexicon
    }

    /// Whether `name` names a place, a zone or an area of the lexicon (a
    /// practice's name may open with one: 洋浦一船多供).
    pub fn is_place_name(&self, name: &str) -> bool {
        self.known
            .lexicon
            .lookup(name)
            .is_some_and(|e| e.class == Class::Place || e.class.is_zone())
    }

    /// The jieba dictionary extraction segments with (lexicon names added).
    pub fn jieba(&self) -> std::sync::Arc<jieba_rs::Jieba> {
        self.segmenter.jieba()
    }

    /// Extracts every article of a document. Names found in one article
    /// are recognised in the others.
    pub fn extract_document(&self, document: &Document) -> Vec<Extraction> {
        let mut dictionary = Dictionary::new();
        let prepared: Vec<Prepared<'_>> = document
            .articles
            .iter()
            .map(|article| self.prepare(article))
            .collect();
        for sentences in &prepared {
            learn_names(&self.known, sentences, &mut dictionary);
        }
        let dictionary = KnownNames::new(&dictionary);
        let home = self.home_area(document.issue.as_ref());
        document
            .articles
            .iter()
            .zip(prepared)
            .map(|(a, sentences)| {
                self.extract_with(
                    document.issue.as_ref(),
                    home.as_ref(),
                    a,
                    sentences,
                    &dictionary,
                )
            })
            .collect()
    }

    /// Extracts one article on its own.
    pub fn extract(&self, issue: Option<&Issue>, article: &Article) -> Extraction {
        let mut dictionary = Dictionary::new();
        let sentences = self.prepare(article);
        learn_names(&self.known, &sentences, &mut dictionary);
        let dictionary = KnownNames::new(&dictionary);
        let home = self.home_area(issue);
        self.extract_with(issue, home.as_ref(), article, sentences, &dictionary)
    }

    /// Every sentence of an article segmented once, with the mentions the
    /// rules find in it: both passes read them.
    fn prepare<'a>(&self, article: &'a Article) -> Prepared<'a> {
        self.sentences(article)
            .map(|text| {
                let s = Sentence::new(&self.segmenter, text);
                let mentions = mentions::find(&self.known, &s);
                (s, mentions)
            })
            .collect()
    }

    /// The one area a newsletter is by (its title or publisher names it:
    /// 青岛片区管委会综合协调部): an article whose title names no zone is
    /// about it (片区学习借鉴… means this area).
    fn home_area(&self, issue: Option<&Issue>) -> Option<EntityKey> {
        let issue = issue?;
        let mut areas: Vec<EntityKey> = Vec::new();
        for text in std::iter::once(issue.title.as_str()).chain(issue.publisher.as_deref()) {
            let s = Sentence::new(&self.segmenter, text);
            for m in mentions::find(&self.known, &s) {
                if m.class() == Class::Area && !areas.contains(&m.key) {
                    areas.push(m.key);
                }
            }
        }
        match <[EntityKey; 1]>::try_from(areas) {
            Ok([one]) => Some(one),
            Err(_) => None,
        }
    }

    /// Every sentence of an article, its title first.
    fn sentences<'a>(&self, article: &'a Article) -> impl Iterator<Item = &'a str> {
        // A notice's 主送 line names bodies too (北京经济技术开发区管委会).
        std::iter::once(article.title.as_str())
            .chain(article.addressees.as_deref())
            .chain(body_sentences(article).map(|(text, _)| text))
    }

    fn extract_with(
        &self,
        issue: Option<&Issue>,
        home: Option<&EntityKey>,
        article: &Article,
        sentences: Prepared<'_>,
        dictionary: &KnownNames<'_>,
    ) -> Extraction {
        let mut graph = ArticleGraph::new(&article.id);
        tables::read(self, article, &mut graph);
        records::read_records(self, article, &mut graph);
        announced::read(self, article, &mut graph);
        self.notice_policy(article, &mut graph);
        // Which sentences open a paragraph (the title opens the first).
        let mut opens = vec![true];
        if article.addressees.is_some() {
            opens.push(false);
        }
        opens.extend(
            body_sentences(article)
                .filter(|(t, _)| !crate::corpus::is_table_row(t))
                .map(|(_, opens)| opens),
        );
        let prepared: Prepared<'_> = sentences
            .into_iter()
            .filter(|(s, _)| !crate::corpus::is_table_row(s.original))
            .map(|(s, mut mentions)| {
                known_names(&s, dictionary, &mut mentions);
                (s, mentions)
            })
            .collect();
        let topic = topic_zones(&prepared, home);
        let own_firm = references::own_firm(&prepared);
        let mut zones: Vec<EntityKey> = Vec::new();
        for m in prepared
            .iter()
            .flat_map(|(_, ms)| ms.iter())
            .filter(|m| m.class().is_zone())
        {
            if !zones.contains(&m.key) {
                zones.push(m.key.clone());
            }
        }
        let default_date = issue.and_then(|i| i.date);
        let mut last_practice: Option<EntityKey> = None;
        let mut previous_practice: Option<EntityKey> = None;
        let mut previous_recognition: Option<EntityKey> = None;
        let mut recent_practices: Vec<EntityKey> = Vec::new();
        let mut last_firm: Option<EntityKey> = None;
        let mut last_platform: Option<EntityKey> = None;
        let mut last_subject: Option<EntityKey> = None;
        // A notice is itself the policy its 本办法/本方案 refers to.
        let mut last_policy: Option<EntityKey> = article
            .document_number
            .as_ref()
            .map(|_| key(Class::Policy, &clean_label(&article.title)));
        // A name inside a longer name (桂林 in 桂林银行) is an entity of the
        // article only if the article also names it on its own, or it sits
        // inside a recognition (the body behind a 简报).
        let standalone: std::collections::HashSet<&EntityKey> = prepared
            .iter()
            .flat_map(|(_, ms)| ms.iter().filter(|m| !m.nested).map(|m| &m.key))
            .collect();
        let mut sentences_naming: std::collections::HashMap<&EntityKey, usize> = Default::default();
        for (_, ms) in &prepared {
            let own: std::collections::HashSet<&EntityKey> =
                ms.iter().filter(|m| !m.nested).map(|m| &m.key).collect();
            for k in own {
                *sentences_naming.entry(k).or_default() += 1;
            }
        }
        let repeated: std::collections::HashSet<&EntityKey> = sentences_naming
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .map(|(k, _)| k)
            .collect();
        let issuer = article
            .document_number
            .as_ref()
            .and(article.issuer.as_deref())
            .and_then(|i| self.organisation(i))
            .or_else(|| records::issuer_field(self, article));
        let mut paragraph_topic = topic.clone();
        let mut in_card = false;
        for (i, (s, mentions)) in prepared.iter().enumerate() {
            if i > 0 && opens.get(i).copied().unwrap_or(false) {
                if let Some(firm) = topics::card_firm(&self.known, s, mentions) {
                    // 企业名称：X, then 荣誉：…, 投资平台：…: the card's firm.
                    paragraph_topic = vec![firm.clone()];
                    in_card = true;
                } else if in_card && !crate::corpus::opens_with_field(&s.text) {
                    paragraph_topic = topic.clone();
                    in_card = false;
                }
                if let Some(area) = topics::opening_area(&self.known, s, mentions) {
                    paragraph_topic = vec![area.clone()];
                    in_card = false;
                }
            }
            let topic = &paragraph_topic;
            for m in mentions {
                let inside_recognition = m.nested
                    && mentions.iter().any(|o| {
                        o.class() == Class::Recognition
                            && o.start <= m.start
                            && o.end >= m.end
                            && o.key != m.key
                    });
                let issues_title = m.nested
                    && mentions.iter().any(|o| {
                        o.class() == Class::Policy
                            && o.start <= m.start
                            && o.end >= m.end
                            && relations::opens_policy_title(s, o, m)
                    });
                if m.nested && !standalone.contains(&m.key) && !inside_recognition && !issues_title
                {
                    continue;
                }
                graph.add_mention(m);
                for alias in &m.aliases {
                    graph.add_entity(&m.key, alias);
                }
            }
            for (alias, at) in &s.aliases {
                if let Some(owner) = mentions.iter().rev().find(|m| m.end == *at && !m.nested) {
                    let key = self
                        .known
                        .lexicon
                        .lookup(alias)
                        .map(|e| key(e.class, &e.label))
                        .unwrap_or_else(|| owner.key.clone());
                    graph.add_entity(&key, alias);
                }
            }
            let context = relations::Context {
                topic,
                zones: &zones,
                named: &standalone,
                repeated: &repeated,
                issuer: issuer.as_ref(),
                last_practice: last_practice.as_ref(),
                previous_practice: previous_practice.as_ref(),
                recent_practices: &recent_practices,
                last_firm: last_firm.as_ref(),
                last_platform: last_platform.as_ref(),
                last_policy: last_policy.as_ref(),
                previous_recognition: previous_recognition.as_ref(),
            };
            let refs = references::firm_references(
                &self.known,
                s,
                mentions,
                [last_firm.as_ref(), own_firm.as_ref()],
                last_subject.as_ref(),
            );
            if refs.is_empty() {
                relations::apply(&self.known, s, mentions, &context, &mut graph);
            } else {
                let mut with_refs = mentions.clone();
                with_refs.extend(refs);
                with_refs.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
                relations::apply(&self.known, s, &with_refs, &context, &mut graph);
            }
            // The subject of the sentence before: the actor it opens with.
            if let Some(a) = mentions.iter().find(|m| !m.nested && m.class().is_actor()) {
                last_subject = Some(a.key.clone());
            }
            previous_recognition = mentions
                .iter()
                .rfind(|m| !m.nested && m.class() == Class::Recognition)
                .map(|m| m.key.clone());
            previous_practice = mentions
                .iter()
                .rev()
                .find(|m| m.class() == Class::Practice)
                .map(|p| p.key.clone());
            if let Some(p) = &previous_practice {
                last_practice = Some(p.clone());
            }
            for p in mentions
                .iter()
                .filter(|m| !m.nested && m.class() == Class::Practice)
            {
                recent_practices.retain(|k| k != &p.key);
                recent_practices.push(p.key.clone());
            }
            if let Some(f) = mentions.iter().rev().find(|m| m.class() == Class::Firm) {
                last_firm = Some(f.key.clone());
            }
            if let Some(p) = mentions.iter().rev().find(|m| m.class() == Class::Platform) {
                last_platform = Some(p.key.clone());
            }
            if let Some(p) = mentions.iter().rev().find(|m| m.class() == Class::Policy) {
                last_policy = Some(p.key.clone());
            }
            for stat in statistics::find(s, mentions, topic, default_date) {
                graph.add_statistic(stat);
            }
        }
        let unstated = self.known.rules.words(WordList::UnstatedPlaces);
        graph.drop_unrelated_places(unstated, &self.known.lexicon);
        graph.finish()
    }

    /// A notice (it has a 文号) is itself a policy document, issued by the
    /// body above its 文号.
    fn notice_policy(&self, article: &Article, graph: &mut ArticleGraph) {
        let Some(number) = &article.document_number else {
            return;
        };
        let policy = key(Class::Policy, &clean_label(&article.title));
        graph.add_entity(&policy, &article.title);
        let evidence = format!("{number} {}", article.title);
        if let Some(issuer) = article.issuer.as_deref().and_then(|i| self.organisation(i)) {
            graph.add_relation(&issuer, Property::Issued, &policy, &evidence);
        }
    }

    /// The entity an organisation name denotes, by the lexicon or its ending.
    fn organisation(&self, name: &str) -> Option<EntityKey> {
        if let Some(e) = self.known.lexicon.lookup(name) {
            return Some(key(e.class, &e.label));
        }
        let class = self
            .known
            .rules
            .class_by_ending(name)
            .map(|c| c.0)
            .filter(|c| c.is_organisation())
            .or_else(|| self.known.rules.organisation_class(name))?;
        Some(key(class, name))
    }

    /// The entity an issue's publisher names (省自贸办), if it is a body.
    pub fn publisher_entity(&self, issue: &Issue) -> Option<EntityKey> {
        self.organisation(issue.publisher.as_deref()?)
    }
}

/// The zones an article is about: those its title names (and their 暨
/// partners), else the newsletter's own area, else the area it names
/// most, else the zone it names most.
/// The body's sentences in reading order, each with whether it opens a
/// paragraph. A sub-heading (①国际船舶登记“一窗通办”：) is read as the
/// sentence that opens its section, so the names it gives count and the
/// body after it can refer back to them.
fn body_sentences(article: &Article) -> impl Iterator<Item = (&str, bool)> {
    let mut previous: Option<&str> = None;
    article.paragraphs.iter().flat_map(move |p| {
        let heading = p
            .heading
            .as_deref()
            .filter(|h| previous != Some(*h) && !h.starts_with("附件"));
        previous = p.heading.as_deref();
        let first_body = p
            .sentences
            .iter()
            .position(|t| !crate::corpus::is_table_row(t));
        let body = p.sentences.iter().enumerate().flat_map(move |(i, t)| {
            std::iter::once((t.as_str(), Some(i) == first_body))
                .chain(prose_cells(t).map(|c| (c, false)))
        });
        heading
            .map(|h| (crate::corpus::without_number(h), true))
            .into_iter()
            .chain(body)
    })
}

/// The prose in a table row's cells (主要做法: 深圳前海链融科技有限公司注册在
/// 前海蛇口片区，…), one sentence at a time, read like body text; a row's
/// short cells are read by `tables`.
fn prose_cells(row: &str) -> impl Iterator<Item = &str> {
    let cells = if crate::corpus::is_table_row(row) {
        row.split(['｜', '|']).collect()
    } else {
        Vec::new()
    };
    cells
        .into_iter()
        .filter(|c| c.chars().count() >= 40 && c.contains(['，', '。', '；']))
        .flat_map(|c| c.split_inclusive(['。', '；']))
        .map(str::trim)
        .filter(|c| c.chars().count() >= 6)
}

fn topic_zones(
    prepared: &[(Sentence<'_>, Vec<Mention>)],
    home: Option<&EntityKey>,
) -> Vec<EntityKey> {
    let zone = |m: &&Mention| !m.nested && m.class().is_zone();
    let mut topic: Vec<EntityKey> = prepared
        .first()
        .map(|(_, ms)| ms.iter().filter(zone).map(|m| m.key.clone()).collect())
        .unwrap_or_default();
    if topic.is_empty()
        && let Some(home) = home
    {
        topic.push(home.clone());
    }
    if topic.is_empty() {
        let mut counts: Vec<(EntityKey, usize)> = Vec::new();
        for (_, ms) in prepared {
            for m in ms.iter().filter(zone) {
                match counts.iter_mut().find(|(k, _)| *k == m.key) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((m.key.clone(), 1)),
                }
            }
        }
        let best_of = |class: Class| {
            counts
                .iter()
                .filter(|(k, _)| k.class == class)
                .max_by_key(|(_, n)| *n)
                .map(|(k, _)| k.clone())
        };
        topic.extend(
            best_of(Class::Area)
                .or_else(|| best_of(Class::SpecialZone))
                .or_else(|| best_of(Class::FreeTradeZone)),
        );
    }
    // 哈尔滨新区暨自贸试验区哈尔滨片区: both names are the topic.
    for (s, ms) in prepared {
        for pair in ms.windows(2) {
            let between = &s.text[pair[0].end.min(pair[1].start)..pair[1].start];
            if between == "暨" && pair[0].class().is_zone() && pair[1].class().is_zone() {
                for k in [&pair[0].key, &pair[1].key] {
                    if topic.contains(k) && !topic.contains(&pair[0].key) {
                        topic.push(pair[0].key.clone());
                    }
                    if topic.contains(k) && !topic.contains(&pair[1].key) {
                        topic.push(pair[1].key.clone());
                    }
                }
            }
        }
    }
    topic
}
