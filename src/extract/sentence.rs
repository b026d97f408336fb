//! One sentence prepared for the rules: the text with alias parentheticals
//! (（以下简称“X”）) taken out, its jieba words, and helpers to look at the
//! words before and after a position.

use super::segment::{Segmenter, Word};
use regex::Regex;
use std::sync::LazyLock;

/// （以下简称“哈尔滨片区”）, （简称广西自贸试验区）, (以下简称“康达行健”)
static ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]\s*(?:以下|下文)?(?:简称|称)\s*[：:]?\s*[“\x22「]?([^）)”\x22」]{1,24}?)[”\x22」]?\s*[）)]")
        .expect("alias pattern")
});

/// A sentence ready for the rules.
pub struct Sentence<'a> {
    /// The sentence as in the article (for evidence).
    pub original: &'a str,
    /// The sentence without alias parentheticals; rules read this.
    pub text: String,
    /// Aliases declared in the sentence, with the byte offset in `text`
    /// where the parenthetical stood.
    pub aliases: Vec<(String, usize)>,
    /// Words of `text`, from jieba.
    pub words: Vec<Word>,
}

impl<'a> Sentence<'a> {
    pub fn new(segmenter: &Segmenter, original: &'a str) -> Sentence<'a> {
        let (text, aliases) = strip_aliases(original);
        let words = segmenter.words(&text);
        Sentence {
            original,
            text,
            aliases,
            words,
        }
    }

    /// The text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        &self.text[self.words[i].start..self.words[i].end]
    }

    /// Index of the word that starts at byte `start`, if any.
    pub fn word_starting_at(&self, start: usize) -> Option<usize> {
        self.words.iter().position(|w| w.start == start)
    }

    /// Index of the word containing byte `pos`.
    pub fn word_at(&self, pos: usize) -> Option<usize> {
        self.words
            .iter()
            .position(|w| w.start <= pos && pos < w.end)
    }

    pub fn ends_word(&self, end: usize) -> bool {
        end == self.text.len() || self.words.iter().any(|w| w.end == end)
    }

    pub fn starts_word(&self, start: usize) -> bool {
        self.words.iter().any(|w| w.start == start)
    }

    /// The clause around `pos`: between the nearest clause marks.
    pub fn clause_bounds(&self, pos: usize) -> (usize, usize) {
        let is_mark = |c: char| CLAUSE_MARKS.contains(c);
        let start = self.text[..pos]
            .char_indices()
            .rev()
            .find(|(_, c)| is_mark(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = self.text[pos..]
            .char_indices()
            .find(|(_, c)| is_mark(*c))
            .map_or(self.text.len(), |(i, _)| pos + i);
        (start, end)
    }

    /// Where each clause of the sentence starts (0 and after every clause mark).
    pub fn clause_starts(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(0).chain(
            self.text
                .char_indices()
                .filter(|(_, c)| CLAUSE_MARKS.contains(*c))
                .map(|(i, c)| i + c.len_utf8()),
        )
    }
}

/// The marks that end a clause.
const CLAUSE_MARKS: &str = "，,；;：:。！？!?";

/// 1, ①, ⑴, ❶: a character that numbers an item (② is read as 2 once
/// labels are normalised).
pub fn is_item_number(c: char) -> bool {
    c.is_ascii_digit() || ('①'..='⒇').contains(&c) || ('❶'..='➓').contains(&c)
}

/// Removes alias parentheticals; returns the text and the aliases with
/// their positions in the new text.
pub fn strip_aliases(sentence: &str) -> (String, Vec<(String, usize)>) {
    let mut text = String::with_capacity(sentence.len());
    let mut aliases = Vec::new();
    let mut last = 0;
    for c in ALIAS.captures_iter(sentence) {
        let whole = c.get(0).expect("match");
        text.push_str(&sentence[last..whole.start()]);
        let alias = c[1].trim().trim_matches(['“', '”', '"']).to_owned();
        if !alias.is_empty() {
            aliases.push((alias, text.len()));
        }
        last = whole.end();
    }
    text.push_str(&sentence[last..]);
    (text, aliases)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_start_at_the_beginning_and_after_every_clause_mark() {
        let lexicon = crate::extract::lexicon::Lexicon::builtin().unwrap();
        let segmenter = Segmenter::new(&lexicon, []);
        let s = Sentence::new(&segmenter, "片区推开甲机制，这一机制源自乙；已推广。");
        let starts: Vec<&str> = s.clause_starts().map(|i| &s.text[i..]).collect();
        assert_eq!(
            starts,
            [
                "片区推开甲机制，这一机制源自乙；已推广。",
                "这一机制源自乙；已推广。",
                "已推广。",
                ""
            ]
        );
    }

    #[test]
    fn alias_parentheticals_are_taken_out_and_remembered() {
        let (text, aliases) = strip_aliases(
            "中国（黑龙江）自由贸易试验区哈尔滨片区（以下简称“哈尔滨片区”）作为重要平台",
        );
        assert_eq!(text, "中国（黑龙江）自由贸易试验区哈尔滨片区作为重要平台");
        assert_eq!(
            aliases,
            vec![(
                "哈尔滨片区".to_owned(),
                "中国（黑龙江）自由贸易试验区哈尔滨片区".len()
            )]
        );
        let (text, aliases) =
            strip_aliases("中国（广西）自由贸易试验区（简称广西自贸试验区）崇左片区积极组织");
        assert_eq!(text, "中国（广西）自由贸易试验区崇左片区积极组织");
        assert_eq!(aliases[0].0, "广西自贸试验区");
    }
}
