//! Many words found in one pass over a text (Aho-Corasick), with the
//! occurrences `str::find` would give for each word on its own.
//!
//! Input: a list of words, then texts. Output: for each word, in list
//! order, its non-overlapping occurrences from left to right.

use aho_corasick::AhoCorasick;

/// An automaton over a fixed list of words.
#[derive(Clone, Debug)]
pub struct WordFinder {
    automaton: AhoCorasick,
    /// Pattern i of the automaton is word `index[i]` of the list (empty
    /// words are left out: they occur everywhere).
    index: Vec<usize>,
}

impl WordFinder {
    pub fn new<S: AsRef<str>>(words: &[S]) -> WordFinder {
        let (patterns, index): (Vec<&str>, Vec<usize>) = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_ref(), i))
            .filter(|(w, _)| !w.is_empty())
            .unzip();
        let automaton = AhoCorasick::new(patterns).expect("word lists make an automaton");
        WordFinder { automaton, index }
    }

    /// Whether any word occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }

    /// (word index, byte start) of every occurrence, ordered by word then
    /// start; the occurrences of one word do not overlap, as repeated
    /// `str::find` from the end of the last one gives them.
    pub fn occurrences(&self, text: &str) -> Vec<(usize, usize)> {
        let mut all: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| (self.index[m.pattern().as_usize()], m.start(), m.end()))
            .collect();
        all.sort_unstable();
        let mut kept = Vec::with_capacity(all.len());
        let mut last: Option<(usize, usize)> = None;
        for (word, start, end) in all {
            if matches!(last, Some((w, e)) if w == word && start < e) {
                continue;
            }
            last = Some((word, end));
            kept.push((word, start));
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What repeated `str::find` gives, for comparison.
    fn by_find(words: &[&str], text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let mut from = 0;
            while let Some(at) = text[from..].find(w) {
                out.push((i, from + at));
                from += at + w.len();
            }
        }
        out
    }

    #[test]
    fn occurrences_are_those_of_find_word_by_word() {
        let words = ["片区", "自贸片区", "区区", "综合保税区", "有限公司", "片区"];
        for text in [
            "黑龙江自贸试验区哈尔滨片区与绥芬河片区",
            "区区区区",
            "某某科技有限公司设在绥芬河综合保税区内，自贸片区",
            "",
        ] {
            assert_eq!(
                WordFinder::new(&words).occurrences(text),
                by_find(&words, text),
                "{text}"
            );
        }
    }

    #[test]
    fn an_empty_word_finds_nothing() {
        let finder = WordFinder::new(&["", "公司"]);
        assert_eq!(finder.occurrences("甲公司"), vec![(1, 3)]);
        assert!(finder.is_match("甲公司") && !finder.is_match("甲"));
    }
}
