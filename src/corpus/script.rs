//! Articles written in traditional characters (台灣媒體, 香港 press) are
//! read in simplified ones, so that their names meet the reference data
//! and the names other articles use: 廈門片區 → 厦门片区. fast2s maps one
//! character to one, so sentences keep their length and their words.

use crate::model::Table;

/// The share of a text's Chinese characters that must change for the text
/// to count as traditional (a simplified article quoting 台灣 stays as it is).
const MIN_SHARE: f64 = 0.05;
/// And the fewest characters that must change.
const MIN_CHANGED: usize = 10;

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `text` is written in traditional characters.
pub fn is_traditional(text: &str) -> bool {
    let converted = fast2s::convert(text);
    let (mut han, mut changed) = (0usize, 0usize);
    for (a, b) in text.chars().zip(converted.chars()) {
        if is_han(a) {
            han += 1;
            changed += usize::from(a != b);
        }
    }
    changed >= MIN_CHANGED && changed as f64 >= han as f64 * MIN_SHARE
}

/// `text` in simplified characters.
pub fn simplified(text: &str) -> String {
    fast2s::convert(text)
}

/// A table with every cell in simplified characters.
pub fn simplified_table(table: Table) -> Table {
    Table {
        header: table.header.iter().map(|c| simplified(c)).collect(),
        rows: table
            .rows
            .iter()
            .map(|row| row.iter().map(|c| simplified(c)).collect())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traditional_article_is_read_in_simplified_characters() {
        let text = "福建自由貿易試驗區廈門片區首創的「台企信用互查」機制，已複製推廣至平潭片區。";
        assert!(is_traditional(text));
        assert_eq!(
            simplified(text),
            "福建自由贸易试验区厦门片区首创的「台企信用互查」机制，已复制推广至平潭片区。"
        );
        assert_eq!(simplified(text).chars().count(), text.chars().count());
    }

    #[test]
    fn a_simplified_article_quoting_a_few_traditional_words_stays() {
        let text = "厦门片区与台湾企业合作，台方称之为“兩岸”合作新模式，推动闽台融合发展走深走实。";
        assert!(!is_traditional(text));
    }
}
