//! Finds entity mentions in one sentence, strongest evidence first:
//! reference names (lexicon, checked against jieba's word boundaries),
//! 《》 titles, quoted names classified by their context, recognitions after
//! 入选/获批, names found by their ending, enumerations, firms in apposition.

use super::Extractor;
use super::collect::clean_label;
use super::names;
use super::sentence::Sentence;
use crate::model::{Class, EntityKey};

/// An entity named in a sentence (byte offsets into the prepared text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub key: EntityKey,
    /// The name as written (quotes removed).
    pub surface: String,
    /// Other names this mention gives the entity (X平台 for “X”平台).
    pub aliases: Vec<String>,
    pub start: usize,
    pub end: usize,
    /// Index of the lexicon entry, for reference names.
    pub entry: Option<usize>,
    /// Inside a longer mention (绥芬河 in 绥芬河综合保税区): not an actor.
    pub nested: bool,
}

impl Mention {
    pub fn new(class: Class, label: &str, start: usize, end: usize) -> Mention {
        let label = clean_label(label);
        Mention {
            key: EntityKey {
                class,
                label: label.clone(),
            },
            surface: label,
            aliases: Vec::new(),
            start,
            end,
            entry: None,
            nested: false,
        }
    }

    pub fn class(&self) -> Class {
        self.key.class
    }
}

/// Names this short or shorter must coincide with jieba words.
const SHORT_NAME: usize = 3;

/// Every mention in a sentence, in text order.
pub fn find(extractor: &Extractor, sentence: &Sentence<'_>) -> Vec<Mention> {
    let mut mentions = Vec::new();
    lexicon_names(extractor, sentence, &mut mentions);
    names::book_titles(extractor, sentence, &mut mentions);
    names::recognitions(extractor, sentence, &mut mentions);
    names::quoted(extractor, sentence, &mut mentions);
    names::acronym_agreements(sentence, &mut mentions);
    names::by_ending(extractor, sentence, &mut mentions);
    names::coordinated(extractor, sentence, &mut mentions);
    names::practice_lists(extractor, sentence, &mut mentions);
    names::enumerations(extractor, sentence, &mut mentions);
    names::appositions(extractor, sentence, &mut mentions);
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions
}

fn lexicon_names(extractor: &Extractor, sentence: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &sentence.text;
    for m in extractor.lexicon().find(text) {
        let surface = &text[m.start..m.end];
        let aligned = sentence.starts_word(m.start) && sentence.ends_word(m.end);
        if surface.chars().count() <= SHORT_NAME && !aligned {
            continue;
        }
        let entry = &extractor.lexicon().entries[m.entry];
        let mut mention = Mention::new(entry.class, &entry.label, m.start, m.end);
        mention.surface = surface.to_owned();
        mention.entry = Some(m.entry);
        add(mentions, mention);
    }
}

/// Adds a mention unless it crosses an existing one. A mention that covers
/// existing ones makes them nested; one inside an existing one is nested.
pub fn add(mentions: &mut Vec<Mention>, mut mention: Mention) -> bool {
    if mention.key.label.chars().count() < 2 {
        return false;
    }
    let crosses = mentions.iter().any(|m| {
        let overlap = m.start < mention.end && mention.start < m.end;
        let inside = mention.start >= m.start && mention.end <= m.end;
        let covers = mention.start <= m.start && mention.end >= m.end;
        overlap && !inside && !covers
    });
    if crosses {
        return false;
    }
    if mentions
        .iter()
        .any(|m| m.start == mention.start && m.end == mention.end)
    {
        return false;
    }
    if mentions
        .iter()
        .any(|m| mention.start >= m.start && mention.end <= m.end)
    {
        mention.nested = true;
    }
    for m in mentions.iter_mut() {
        if m.start >= mention.start && m.end <= mention.end {
            m.nested = true;
        }
    }
    mentions.push(mention);
    true
}

/// True when `[start, end)` is free of any mention.
pub fn is_free(mentions: &[Mention], start: usize, end: usize) -> bool {
    !mentions.iter().any(|m| m.start < end && start < m.end)
}

/// The class of an organisation name by its last characters, if any.
pub fn organisation_class(name: &str) -> Option<Class> {
    const BODY: &[&str] = &[
        "办",
        "局",
        "厅",
        "委",
        "部",
        "署",
        "委员会",
        "政府",
        "管委会",
    ];
    const INSTITUTION: &[&str] = &["研究院", "大学", "学院", "协会", "商会", "中心", "研究所"];
    const FIRM: &[&str] = &["公司", "银行", "集团"];
    if FIRM.iter().any(|s| name.ends_with(s)) {
        Some(Class::Firm)
    } else if BODY.iter().any(|s| name.ends_with(s)) {
        Some(Class::GovernmentBody)
    } else if INSTITUTION.iter().any(|s| name.ends_with(s)) {
        Some(Class::Institution)
    } else {
        None
    }
}
