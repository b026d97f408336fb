//! Finds entity mentions in one sentence, strongest evidence first:
//! reference names (lexicon, checked against jieba's word boundaries),
//! 《》 titles, quoted names classified by their context, recognitions after
//! 入选/获批, names found by their ending, enumerations, firms in apposition.

use super::knowledge::Knowledge;
use super::mention::{Mention, add};
use super::names;
use super::sentence::Sentence;

/// Names this short or shorter must coincide with jieba words.
const SHORT_NAME: usize = 3;

/// Every mention in a sentence, in text order.
pub fn find(known: &Knowledge, sentence: &Sentence<'_>) -> Vec<Mention> {
    let mut mentions = Vec::new();
    lexicon_names(known, sentence, &mut mentions);
    names::book_titles(known, sentence, &mut mentions);
    names::recognitions(known, sentence, &mut mentions);
    names::quoted(known, sentence, &mut mentions);
    names::acronym_agreements(sentence, &mut mentions);
    names::by_ending(known, sentence, &mut mentions);
    names::coordinated(known, sentence, &mut mentions);
    names::practice_lists(known, sentence, &mut mentions);
    names::enumerations(known, sentence, &mut mentions);
    names::appositions(known, sentence, &mut mentions);
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions
}

fn lexicon_names(known: &Knowledge, sentence: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &sentence.text;
    for m in known.lexicon.find(text) {
        let surface = &text[m.start..m.end];
        let aligned = sentence.starts_word(m.start) && sentence.ends_word(m.end);
        if surface.chars().count() <= SHORT_NAME && !aligned {
            continue;
        }
        let entry = &known.lexicon.entries[m.entry];
        let mut mention = Mention::new(entry.class, &entry.label, m.start, m.end);
        mention.surface = surface.to_owned();
        mention.entry = Some(m.entry);
        add(mentions, mention);
    }
}
