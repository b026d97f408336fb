//! Sentence splitting for Chinese prose: a sentence ends at 。！？； (and
//! ASCII !?; between Chinese text), never inside quotes, book-title marks or
//! brackets; closing marks that follow the terminator stay with it.

/// Marks that open a span inside which no sentence ends.
const OPENERS: &str = "“‘「『《（(【";
/// The matching closers, in the same order.
const CLOSERS: &str = "”’」』》）)】";
/// Characters that end a sentence.
const TERMINATORS: &str = "。！？；!?;…";
/// The longest sentence the rules see, in characters: a longer run (an
/// unclosed quote, a page without punctuation) is cut at a clause mark, or
/// hard, so extraction time per sentence stays bounded.
pub const MAX_SENTENCE_CHARS: usize = 600;
/// Marks a too-long sentence may be cut after.
const CLAUSE_MARKS: &str = "，,、：:";

/// Splits a paragraph into sentences, keeping every character.
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut sentences = Vec::new();
    let mut stack: Vec<char> = Vec::new();
    let mut current = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        current.push(c);
        track_nesting(&mut stack, c);
        let too_long = current.len() >= MAX_SENTENCE_CHARS * 3
            && current.chars().count() >= MAX_SENTENCE_CHARS;
        if too_long {
            cut_long(&mut sentences, &mut current);
            stack.clear();
        }
        if stack.is_empty() && is_terminator(&chars, i) {
            // Absorb repeated terminators and closing marks: "！”", "？！"
            while i + 1 < chars.len()
                && (TERMINATORS.contains(chars[i + 1]) || CLOSERS.contains(chars[i + 1]))
            {
                i += 1;
                current.push(chars[i]);
            }
            push_sentence(&mut sentences, &mut current);
        }
        i += 1;
    }
    push_sentence(&mut sentences, &mut current);
    sentences
}

/// Ends a too-long sentence after its last clause mark (keeping what
/// follows as the start of the next), or right here when it has none.
fn cut_long(sentences: &mut Vec<String>, current: &mut String) {
    let cut = current
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE_MARKS.contains(*c))
        .map(|(i, c)| i + c.len_utf8())
        .filter(|&end| end > current.len() / 2)
        .unwrap_or(current.len());
    let rest = current.split_off(cut);
    push_sentence(sentences, current);
    *current = rest;
}

/// Opens or closes a quoted span. Straight quotes toggle.
fn track_nesting(stack: &mut Vec<char>, c: char) {
    if let Some(pos) = CLOSERS.chars().position(|x| x == c)
        && stack.last() == OPENERS.chars().nth(pos).as_ref()
    {
        stack.pop();
    } else if OPENERS.contains(c) {
        // A quote left open by a typo must not swallow a whole article:
        // nesting deeper than four is treated as noise.
        if stack.len() < 4 {
            stack.push(c);
        }
    } else if c == '"' {
        if stack.last() == Some(&'"') {
            stack.pop();
        } else {
            stack.push('"');
        }
    }
}

/// ASCII terminators count only between non-ASCII text (so "v1.2; x" and
/// URLs are not split).
fn is_terminator(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if !TERMINATORS.contains(c) {
        return false;
    }
    if c.is_ascii() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        return before.is_some_and(|b| !b.is_ascii());
    }
    true
}

fn push_sentence(sentences: &mut Vec<String>, current: &mut String) {
    let trimmed = current.trim();
    if !trimmed.is_empty() {
        sentences.push(trimmed.to_owned());
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_terminators_is_cut_into_bounded_sentences() {
        let run = "宜昌片区推出跨境电商一站式服务，企业通关时间压缩一半".repeat(200);
        let sentences = split_sentences(&run);
        assert!(sentences.len() > 5);
        assert!(
            sentences
                .iter()
                .all(|s| s.chars().count() <= MAX_SENTENCE_CHARS)
        );
        assert_eq!(sentences.concat(), run);
        // Cut after a comma, not inside a word.
        assert!(sentences[0].ends_with('，'), "{}", sentences[0]);
    }

    #[test]
    fn splits_at_chinese_terminators() {
        assert_eq!(
            split_sentences("截至目前，累计完成 74 项试点任务。同时，主动对标对表！是否借鉴？是；"),
            vec![
                "截至目前，累计完成 74 项试点任务。",
                "同时，主动对标对表！",
                "是否借鉴？",
                "是；"
            ]
        );
    }

    #[test]
    fn keeps_quotes_whole() {
        let p =
            "“作为重要支撑。不断提升效益。”黑河自贸片区商务局局长王伟鑫介绍。据统计，排名第36位。";
        assert_eq!(
            split_sentences(p),
            vec![
                "“作为重要支撑。不断提升效益。”黑河自贸片区商务局局长王伟鑫介绍。",
                "据统计，排名第36位。"
            ]
        );
    }

    #[test]
    fn closing_marks_stay_with_the_sentence() {
        assert_eq!(
            split_sentences("他说：“好！”随后离开。"),
            vec!["他说：“好！”随后离开。"]
        );
        assert_eq!(
            split_sentences("（试行）。下一句"),
            vec!["（试行）。", "下一句"]
        );
    }

    #[test]
    fn ascii_punctuation_between_chinese_text_ends_sentences() {
        assert_eq!(
            split_sentences("在进口方面,黑河片区扩大规模;在出口领域,推动出口!版本 v1.2; ok"),
            vec![
                "在进口方面,黑河片区扩大规模;",
                "在出口领域,推动出口!",
                "版本 v1.2; ok"
            ]
        );
    }
}
