//! Lines to blocks: a block is a paragraph or a heading. Repairs PDF
//! page-break artifacts: a sentence cut by blank lines (or a hard line
//! wrap) is joined again, so "今年\n\n上半年复制推广…" becomes one paragraph.

use super::headings::{HeadingKind, classify};
use super::table_words::is_page_number;
use crate::model::Table;
use std::borrow::Cow;

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
    let lines = super::tables::normalise(super::columns::unfold(
        text.split(['\n', '\u{c}'])
            .map(|l| super::markup::unmark(l).into_owned())
            .collect(),
    ));
    let wrapped = is_wrapped(&lines);
    let spaced_out = is_spaced_out(&lines);
    let running = running_heads(&lines);
    let mut seen = 0usize;
    // The previous line's indent, and whether it spaced out columns.
    let mut previous = (0usize, false);
    for raw in &lines {
        let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
        let columns = raw.trim().contains("  ");
        let line_before = std::mem::replace(&mut previous, (indent, columns));
        let despaced = if spaced_out {
            despace(raw)
        } else {
            Cow::Borrowed(raw.as_str())
        };
        let line = despaced.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            gap = true;
            continue;
        }
        seen += 1;
        // A gazette's running head (河北省人民政府公报　　2024年第12期) on
        // every page goes, unless it opens the document; the page number
        // next to it marks the break.
        if seen > 5 && running.contains(line) {
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
        let lenient = (marked && in_body)
            || std::mem::take(&mut page_break)
            || (wrapped && !gap && indent <= line_before.0 && !line_before.1 && !columns);
        in_body |= heading.is_some();
        match out.last_mut() {
            // ③南繁育种材料进出境“一次审 | 批、分批核销”：… a line that leaves a
            // quotation open goes on in the next, heading-like or not.
            Some(prev)
                if !gap
                    && open_quote(&prev.text)
                    && !ends_paragraph(&prev.text)
                    && prev.table.is_none() =>
            {
                join(&mut prev.text, line);
                // A line cut mid-quotation was no heading (③南繁…“一次审).
                prev.heading = None;
            }
            // ①国际船舶登记“一窗通办”： | 由洋浦海事局首创，…: an item that
            // introduces its text is one paragraph with it.
            Some(prev)
                if heading.is_none()
                    && matches!(prev.heading, Some(HeadingKind::SubHeading(_)))
                    && prev.text.ends_with(['：', ':'])
                    && !is_table_row(line) =>
            {
                join(&mut prev.text, line);
                prev.heading = None;
            }
            // In hard-wrapped text a blank line is a paragraph break (a page
            // break shows by its page number).
            Some(prev)
                if heading.is_none()
                    && !(wrapped && gap && !lenient)
                    && continues(prev, line, gap, lenient) =>
            {
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

/// Whether the text is hard-wrapped (a poster's OCR, a PDF column): most
/// lines that another line follows end mid-sentence, and most of those cut
/// lines have about the same width. Then an unfinished line continues on
/// the next, however short. Lines of posts and headers end mid-sentence
/// too, but at widths all over the place.
fn is_wrapped(lines: &[String]) -> bool {
    let mut pairs = 0usize;
    let mut widths: Vec<usize> = Vec::new();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0].trim(), pair[1].trim());
        if a.is_empty() || b.is_empty() || is_table_row(a) || is_table_row(b) {
            continue;
        }
        pairs += 1;
        if !ends_paragraph(a) && !starts_with_bullet(b) {
            widths.push(a.chars().map(|c| if c >= '\u{2e80}' { 2 } else { 1 }).sum());
        }
    }
    if pairs < 8 || widths.len() * 2 <= pairs {
        return false;
    }
    widths.sort_unstable();
    let median = widths[widths.len() / 2];
    let slack = (median * 15 / 100).max(4);
    let near = widths
        .iter()
        .filter(|w| w.abs_diff(median) <= slack)
        .count();
    near * 10 >= widths.len() * 7
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。、；：！？“”《》（）".contains(c)
}

/// The char offsets of `line`'s single spaces between two Chinese characters.
fn stray_spaces(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    (1..chars.len().saturating_sub(1))
        .filter(|&i| chars[i] == ' ' && is_chinese(chars[i - 1]) && is_chinese(chars[i + 1]))
}

/// Whether OCR left spaces all over the text (海南 自 由 贸易港): a space
/// between two Chinese characters once in every 40 or fewer. Official
/// texts space names apart on purpose (河南省商务厅 郑州海关, 第三条 石家庄海关)
/// far more rarely, and keep those spaces.
fn is_spaced_out(lines: &[String]) -> bool {
    let (mut spaces, mut han) = (0usize, 0usize);
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        spaces += stray_spaces(&chars).count();
        han += chars.iter().filter(|c| is_chinese(**c)).count();
    }
    spaces >= 10 && spaces * 40 >= han
}

/// Removes the stray spaces between two Chinese characters (海南 自 由 →
/// 海南自由); spaces next to Latin letters or digits stay.
fn despace(line: &str) -> Cow<'_, str> {
    let chars: Vec<char> = line.chars().collect();
    let stray: Vec<usize> = stray_spaces(&chars).collect();
    if stray.is_empty() {
        return Cow::Borrowed(line);
    }
    let kept: String = chars
        .iter()
        .enumerate()
        .filter(|(i, _)| stray.binary_search(i).is_err())
        .map(|(_, c)| c)
        .collect();
    Cow::Owned(kept)
}

/// Lines that stand three times or more in a document, short and without
/// the punctuation of a sentence, no heading and no table row: the running
/// heads of a printed document's pages.
fn running_heads(lines: &[String]) -> std::collections::HashSet<&str> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for line in lines {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        // Box-drawing rules (┌────┐) are frames, not heads.
        let words = line
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
            >= 2;
        let plain = words
            && (2..=60).contains(&line.chars().count())
            && !line.contains(['。', '，', '；', '：', ':'])
            && !ends_paragraph(line)
            && !is_table_row(line)
            && classify(line).is_none();
        if plain {
            *counts.entry(line).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(l, _)| l)
        .collect()
}

/// Whether `line` continues the paragraph `prev` across a break.
fn continues(prev: &Block, line: &str, after_blank_line: bool, lenient: bool) -> bool {
    let table = |t: &str| is_table_row(t) || t.starts_with(TABLE_MARK);
    if prev.heading.is_some() || table(&prev.text) || table(line) {
        return false;
    }
    if ends_paragraph(&prev.text) || starts_with_bullet(line) || is_field_line(line) {
        return false;
    }
    // 企业名称：X / 投资平台：…: in a record, a line that opens with a short
    // field name and a colon is the next field, whatever its name.
    if is_field_line(&prev.text) && opens_with_field(line) {
        return false;
    }
    // A bulleted item wrapped onto the next line (no blank line between).
    if lenient || (starts_with_bullet(&prev.text) && !after_blank_line) {
        return true;
    }
    // A short line without any sentence in it is a title, not a fragment;
    // a headline may exclaim in the middle (全省首创！跨境税费…入选…).
    let n = prev.text.chars().count();
    let body_like =
        prev.text.contains(['。', '；']) || (prev.text.contains(['！', '？']) && n > 48) || n >= 50;
    if after_blank_line {
        body_like
    } else {
        body_like || prev.text.chars().count() >= 30
    }
}

/// 适用范围：…, 发布机关：… — a line that opens with a field of a record
/// (a column header word of data/rules/tables.tsv before a colon) starts a
/// block of its own, however the line before it ends.
pub(super) fn is_field_line(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(field, _)| {
        let field: String = field.chars().filter(|c| !c.is_whitespace()).collect();
        (2..=6).contains(&field.chars().count()) && super::table_words::is_header_word(&field)
    })
}

/// A line that opens with a short name (2 to 8 characters, no punctuation)
/// and a colon: 投资平台：…, 统一社会信用代码：…. Also tells extraction
/// where a record card's fields end.
pub fn opens_with_field(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(field, _)| {
        let field = field.trim();
        (2..=8).contains(&field.chars().count())
            && field
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    })
}

/// Whether `text` opens a “quotation” it does not close.
fn open_quote(text: &str) -> bool {
    let opened = text.matches('“').count();
    opened > text.matches('”').count() && !text.starts_with(TABLE_MARK)
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

    /// A poster's OCR: narrow lines cut mid-phrase, spaces between
    /// characters.
    const POSTER: &str = "【重 点 园 区】\n洋浦 经济 开发区位于儋州市\n西北部，规划面积114.7\n平方公里，是海南自由贸易港\n\
        重点园区 之一；洋浦保税港区位于\n开发 区内，面积2.23平方公里。\n海口 综合 保税区坐落于海口市美\n\
        兰区，三亚崖 州湾科技城则位于三亚\n市崖州区。\n由洋浦海事局首创，船舶所 有\n权、国籍、抵押权登记一窗受理，\n\
        办理时限由15个工作日压缩至3个\n工作日。\n海口海关首创，一件商品一个 码，消\n费者扫码即可查看 进口报关、\n\
        入库、销售全链条信息。";

    #[test]
    fn narrow_wrapped_lines_are_joined_and_stray_spaces_go() {
        let out = texts(POSTER);
        assert_eq!(out[0], "【重点园区】");
        assert_eq!(
            out[1],
            "洋浦经济开发区位于儋州市西北部，规划面积114.7平方公里，是海南自由贸易港重点园区之一；洋浦保税港区位于开发区内，面积2.23平方公里。"
        );
        assert_eq!(
            out[2],
            "海口综合保税区坐落于海口市美兰区，三亚崖州湾科技城则位于三亚市崖州区。"
        );
        assert!(
            out.iter()
                .any(|b| b.starts_with("海口海关首创，一件商品一个码，消费者扫码"))
        );
    }

    #[test]
    fn spaces_between_names_stay_where_they_are_rare() {
        let text = "关于转发《河南省商务厅 郑州海关关于复制推广第六批改革创新经验的通知》的通知\n\n\
                    第三条 石家庄海关在正定片区率先推出“空陆联运一票到底”通关模式。";
        let out = texts(text);
        assert!(out[0].contains("河南省商务厅 郑州海关"), "{out:?}");
        assert!(out[1].starts_with("第三条 石家庄海关"), "{out:?}");
    }

    #[test]
    fn lines_of_posts_at_all_widths_are_not_joined() {
        let text = "重庆商务 V\n重庆市商务委员会官方微博\n2025-1-6 10:00  来自 微博网页版\n\
                    #重庆自贸试验区这一年# 【成绩单来了】\n两江新区 V\n重庆两江新区官方微博\n\
                    2025-1-9 16:45  来自 iPhone 15 Pro\n西永片区首创的模式入选案例\n评论 87\n赞 1204";
        let out = texts(text);
        assert!(out.contains(&"重庆商务 V".to_owned()), "{out:?}");
        assert!(
            out.contains(&"重庆市商务委员会官方微博".to_owned()),
            "{out:?}"
        );
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
    fn running_heads_go_like_page_numbers() {
        let head = "河北省人民政府公报　　　　2024年第12期";
        let text = format!(
            "公报\n\n目录\n\n第一篇\n\n正文开头。\n\n第二段。\n\n{head}\n\n　　工程款链上穿透支付由雄安片区\n\n— 4 —\n\n{head}\n\n首创。\n\n{head}\n\n结束。"
        );
        let texts: Vec<String> = blocks(&text).into_iter().map(|b| b.text).collect();
        assert!(!texts.iter().any(|t| t.contains("公报　")), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.ends_with("由雄安片区首创。")),
            "{texts:?}"
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
        assert!(is_page_number("第 1 页 共 3 页") && !is_page_number("共 3 页 第"));
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
    fn field_lines_open_with_a_short_name_and_a_colon() {
        assert!(opens_with_field(
            "投资平台：参与投资并运营“中越跨境货运智慧调度平台”"
        ));
        assert!(opens_with_field("统一社会信用代码：91451481MA5KQ7XR3N"));
        assert!(!opens_with_field("片区管委会表示，今年以来：成效明显"));
        assert!(!opens_with_field("崇左片区持续推进改革。"));
    }

    #[test]
    fn each_field_of_a_record_card_is_a_block() {
        let card = "企业名称：崇左南友糖业进出口有限公司\n住所：广西壮族自治区崇左市江州区城南路26号\n\
            荣誉：2024年列入广西壮族自治区专精特新中小企业名单\n投资平台：无";
        assert_eq!(texts(card).len(), 4, "{:?}", texts(card));
    }

    #[test]
    fn a_quotation_cut_by_a_wrap_is_joined_even_in_a_numbered_item() {
        let blocks =
            blocks("③南繁育种材料进出境“一次审\n批、分批核销”：三亚海关在全国率先推出。\n");
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            blocks[0].text,
            "③南繁育种材料进出境“一次审批、分批核销”：三亚海关在全国率先推出。"
        );
        assert_eq!(blocks[0].heading, None);
        // A closed quotation leaves the heading alone.
        assert_eq!(
            texts("①国际船舶登记“一窗通办”\n由洋浦海事局首创。\n").len(),
            2
        );
    }

    #[test]
    fn an_item_that_introduces_its_text_is_one_paragraph_with_it() {
        let blocks = blocks("①国际船舶登记“一窗通办”：\n由洋浦海事局首创，登记一窗受理。\n");
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].heading, None);
        assert!(
            blocks[0]
                .text
                .starts_with("①国际船舶登记“一窗通办”：由洋浦海事局首创")
        );
    }

    #[test]
    fn table_rows_stay_one_per_block() {
        let text = "序号｜改革事项｜主要内容\n1｜无感续证｜到期自动续证\n2｜证照联办｜一次提交";
        assert_eq!(texts(text).len(), 3);
    }
}
