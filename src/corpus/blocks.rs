//! Lines to blocks: a block is a paragraph or a heading. Repairs PDF
//! page-break artifacts: a sentence cut by blank lines (or a hard line
//! wrap) is joined again, so "今年\n\n上半年复制推广…" becomes one paragraph.

use super::headings::{HeadingKind, classify};
use crate::model::Table;

/// One paragraph, heading line or table of a document, artifacts repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub heading: Option<HeadingKind>,
    /// A table that arrived as a table (Word, web pages); `text` holds a
    /// placeholder line then.
    pub table: Option<Table>,
}

/// Opens the placeholder line that stands for a typed table in the text
/// `blocks` reads (a private-use character, never in real text).
pub const TABLE_MARK: char = '\u{E000}';

/// Characters that can end a paragraph.
const PARAGRAPH_END: &str = "。！？；!?;…：:";
const CLOSING: &str = "”’」』》）)】";

/// Splits text into blocks, joining lines that a page break or a wrap cut.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut gap = true;
    // With (一)-style article headings, every paragraph of the body ends
    // with punctuation, so any unfinished block after the first heading is
    // a fragment; without them, short unfinished lines may be titles.
    let marked = text
        .lines()
        .any(|l| matches!(classify(l.trim()), Some(HeadingKind::Article(_))));
    let mut in_body = false;
    let mut page_break = false;
    let lines = super::tables::normalise(text.split(['\n', '\u{c}']).map(str::to_owned).collect());
    for raw in &lines {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            gap = true;
            continue;
        }
        if is_page_number(line) {
            // "— 3 —" between two halves of a sentence: a page break.
            page_break = true;
            gap = true;
            continue;
        }
        if line.starts_with(TABLE_MARK) {
            out.push(Block {
                text: line.to_owned(),
                heading: None,
                table: None,
            });
            gap = true;
            continue;
        }
        let heading = classify(line);
        let lenient = (marked && in_body) || std::mem::take(&mut page_break);
        in_body |= heading.is_some();
        match out.last_mut() {
            Some(prev) if heading.is_none() && continues(prev, line, gap, lenient) => {
                join(&mut prev.text, line);
            }
            _ => out.push(Block {
                text: line.to_owned(),
                heading,
                table: None,
            }),
        }
        gap = false;
    }
    out
}

/// A page number line left by PDF extraction: "— 3 —", "- 12 -", "第 3 页",
/// "3 / 12".
fn is_page_number(line: &str) -> bool {
    let core = line
        .trim_matches(|c: char| "—–-－ 　".contains(c))
        .trim_start_matches('第')
        .trim_end_matches('页')
        .trim();
    let is_number = |d: &str| (1..=3).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit());
    let decorated = line.chars().any(|c| "—–-－第页/／".contains(c));
    !core.is_empty() && core.split(['/', '／']).map(str::trim).all(is_number) && decorated
}

/// Whether `line` continues the paragraph `prev` across a break.
fn continues(prev: &Block, line: &str, after_blank_line: bool, lenient: bool) -> bool {
    let table = |t: &str| is_table_row(t) || t.starts_with(TABLE_MARK);
    if prev.heading.is_some() || table(&prev.text) || table(line) {
        return false;
    }
    if ends_paragraph(&prev.text) || starts_with_bullet(line) {
        return false;
    }
    // A bulleted item wrapped onto the next line (no blank line between).
    if lenient || (starts_with_bullet(&prev.text) && !after_blank_line) {
        return true;
    }
    // A short line without any sentence in it is a title, not a fragment.
    let body_like = prev.text.contains(['。', '！', '？', '；']) || prev.text.chars().count() >= 50;
    if after_blank_line {
        body_like
    } else {
        body_like || prev.text.chars().count() >= 30
    }
}

/// ▶ 实施范围73.17平方公里: a bulleted line (slides, WeChat posts) is an
/// item of its own, finished or not.
fn starts_with_bullet(line: &str) -> bool {
    line.starts_with(super::tables::BULLETS)
}

fn ends_paragraph(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c| CLOSING.contains(c));
    trimmed
        .chars()
        .last()
        .is_some_and(|c| PARAGRAPH_END.contains(c))
}

/// A line of a table written as text: cells separated by ｜ or |.
pub fn is_table_row(line: &str) -> bool {
    line.chars().filter(|&c| c == '｜' || c == '|').count() >= 2
}

fn join(prev: &mut String, next: &str) {
    let ascii_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    if ascii_word(prev.chars().last()) && ascii_word(next.chars().next()) {
        prev.push(' ');
    }
    prev.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        blocks(text).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_sentence_cut_by_a_page_break_is_joined() {
        let text = "哈尔滨片区聚焦重点领域。结合实际积极借鉴。今年\n\n上半年复制推广“跨境贸易投资便利化集成创新”等 20 项先进经验。";
        assert_eq!(
            texts(text),
            vec![
                "哈尔滨片区聚焦重点领域。结合实际积极借鉴。今年上半年复制推广“跨境贸易投资便利化集成创新”等 20 项先进经验。"
            ]
        );
    }

    #[test]
    fn page_number_lines_go_and_the_name_they_cut_is_joined() {
        let text = "片区企业泸州临港通达供应\n\n— 3 —\n\n链管理有限公司作为首家试点企业。";
        assert_eq!(
            texts(text),
            vec!["片区企业泸州临港通达供应链管理有限公司作为首家试点企业。"]
        );
        assert!(is_page_number("- 12 -") && is_page_number("第 3 页") && is_page_number("3/12"));
        assert!(!is_page_number("2024") && !is_page_number("一、总体要求"));
    }

    #[test]
    fn a_name_cut_by_a_page_break_is_joined() {
        let text = "（一）标题\n\n正文。\n\n在金融开放创新领域，哈尔滨片区创建自贸区保险（金融）\n\n综合服务联合体（试点），探索实行共享共商共策机制。";
        assert_eq!(
            &texts(text)[2..],
            vec![
                "在金融开放创新领域，哈尔滨片区创建自贸区保险（金融）综合服务联合体（试点），探索实行共享共商共策机制。"
            ]
        );
    }

    #[test]
    fn headings_and_finished_paragraphs_stay_apart() {
        let text = "一、龙江板块\n\n（一）在“先行先试”中不断破题\n\n正文第一段。\n\n正文第二段。\n\n1. 聚焦贸易升级，开放领域全面拓展\n\n绥芬河片区深入对接。";
        let b = blocks(text);
        assert_eq!(b.len(), 6);
        assert_eq!(b[0].heading, Some(HeadingKind::Section("龙江板块".into())));
        assert!(matches!(b[1].heading, Some(HeadingKind::Article(_))));
        assert!(matches!(b[4].heading, Some(HeadingKind::SubHeading(_))));
    }

    #[test]
    fn a_short_title_line_is_not_joined_to_the_body() {
        assert_eq!(
            texts("湖北省推出创新科技券，助力中小企业创新发展\n\n湖北省科技厅近日发布管理办法。"),
            vec![
                "湖北省推出创新科技券，助力中小企业创新发展",
                "湖北省科技厅近日发布管理办法。"
            ]
        );
    }

    #[test]
    fn bulleted_lines_are_items_of_their_own() {
        let text = "01 片区概况\n\n▶ 实施范围73.17平方公里\n▶ 重点发展智能终端、现代物流、\n   创意设计等产业\n▶ 位于河南省郑州市";
        assert_eq!(
            &texts(text)[1..],
            vec![
                "▶ 实施范围73.17平方公里",
                "▶ 重点发展智能终端、现代物流、创意设计等产业",
                "▶ 位于河南省郑州市"
            ]
        );
    }

    #[test]
    fn table_rows_stay_one_per_block() {
        let text = "序号｜改革事项｜主要内容\n1｜无感续证｜到期自动续证\n2｜证照联办｜一次提交";
        assert_eq!(texts(text).len(), 3);
    }
}
