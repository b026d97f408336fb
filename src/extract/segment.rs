//! Word segmentation with jieba-rs. The dictionary is loaded once per
//! process (`Segmenter::new` is called only by commands that extract), and
//! every lexicon name is added as a user word so names are never split.

use super::lexicon::Lexicon;
use crate::model::Class;
use jieba_rs::Jieba;
use std::sync::Arc;

/// A word of a sentence: byte offsets and part-of-speech tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub tag: String,
}

pub struct Segmenter {
    jieba: Arc<Jieba>,
}

/// Frequency given to user words: high enough to beat any split.
const USER_WORD_FREQ: usize = 200_000;

impl Segmenter {
    /// jieba's default dictionary plus every lexicon name and `extra` words.
    pub fn new<'a>(lexicon: &Lexicon, extra: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut jieba = Jieba::new();
        for (name, entry) in lexicon.names() {
            // jieba cannot hold words with punctuation; those names are
            // found by the lexicon's own matcher.
            if name.chars().all(|c| c.is_alphanumeric()) {
                jieba.add_word(name, Some(USER_WORD_FREQ), Some(tag_for(entry.class)));
            }
        }
        for (word, tag) in extra {
            jieba.add_word(word, Some(USER_WORD_FREQ), Some(tag));
        }
        Segmenter {
            jieba: Arc::new(jieba),
        }
    }

    /// The loaded dictionary, shared (the full-text index tokenises with it).
    pub fn jieba(&self) -> Arc<Jieba> {
        Arc::clone(&self.jieba)
    }

    /// The words of a sentence with their tags.
    pub fn words(&self, sentence: &str) -> Vec<Word> {
        self.jieba
            .tag(sentence, true)
            .into_iter()
            .map(|t| Word {
                start: t.byte_start,
                end: t.byte_end,
                tag: t.tag.to_owned(),
            })
            .collect()
    }
}

/// jieba's tag for a class: ns (place), nt (organisation), nz (other name).
fn tag_for(class: Class) -> &'static str {
    match class {
        Class::Place => "ns",
        c if c.is_organisation() => "nt",
        _ => "nz",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_names_are_never_split() {
        let lexicon = Lexicon::builtin().unwrap();
        let seg = Segmenter::new(&lexicon, []);
        let text = "绥芬河片区深入对接境内境外两种资源";
        let words: Vec<&str> = seg
            .words(text)
            .iter()
            .map(|w| &text[w.start..w.end])
            .collect();
        assert_eq!(words[0], "绥芬河片区");
    }
}
