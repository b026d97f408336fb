//! Tables written as plain text, as PDF and Word extraction leaves them:
//! columns aligned with runs of spaces or separated by tabs (cells that wrap
//! continue on the next line, under their column), or one cell per line.
//! Each table becomes rows with ｜ between cells, so that later stages read
//! every row by its column headers.
//!
//! A table is recognised by its header row: at least three cells, two of
//! them known column headers (data/rules/tables.tsv, plus 序号).

use super::stacked_table::{stacked_header, stacked_table};
use super::table_words::{HEADER_WORDS, is_cut, is_header_word, join_row, width};

/// Characters that open a bulleted line (slides, WeChat posts); ★ and ■
/// are section marks in bulletins, not bullets.
pub(super) const BULLETS: [char; 6] = ['▶', '►', '●', '◆', '•', '·'];

/// Rewrites every text table of `lines` as ｜-separated rows; other lines
/// are kept as they are.
pub fn normalise(lines: Vec<String>) -> Vec<String> {
    if !lines
        .iter()
        .any(|l| HEADER_WORDS.iter().any(|w| l.contains(w)))
    {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if let Some(header) = super::csv_table::header(&lines[i]) {
            i = super::csv_table::table(&lines, i + 1, &header, &mut out);
        } else if let Some(header) = aligned_header(&lines[i]) {
            let tabbed = lines[i].contains('\t');
            i = aligned_table(&lines, i + 1, &header, tabbed, &mut out);
        } else if let Some(header) = spaced_header(&lines[i]) {
            i = spaced_table(&lines, i + 1, &header, &mut out);
        } else if let Some(k) = stacked_header(&lines, i) {
            i = stacked_table(&lines, i, k, &mut out);
        } else {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

/// A cell of an aligned line: where it starts (display column, or tab
/// index) and its text.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    at: usize,
    text: String,
}

/// Splits a line at tabs, or at runs of two or more spaces (or an
/// ideographic space).
fn split_cells(line: &str) -> Vec<Cell> {
    let line = line.trim_end();
    if line.contains('\t') {
        return line
            .split('\t')
            .enumerate()
            .map(|(at, t)| Cell {
                at,
                text: t.trim().to_owned(),
            })
            .filter(|c| !c.text.is_empty())
            .collect();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut cells = Vec::new();
    let mut column = 0;
    let mut i = 0;
    while i < chars.len() {
        let gap_len = chars[i..]
            .iter()
            .take_while(|c| **c == ' ' || **c == '\u{3000}')
            .count();
        let is_gap = gap_len >= 2 || chars[i] == '\u{3000}';
        if gap_len > 0 && (is_gap || cells.is_empty() && column == 0) {
            column += chars[i..i + gap_len]
                .iter()
                .map(|&c| width(c))
                .sum::<usize>();
            i += gap_len;
            continue;
        }
        let start = column;
        let mut text = String::new();
        while i < chars.len() {
            let run = chars[i..]
                .iter()
                .take_while(|c| **c == ' ' || **c == '\u{3000}')
                .count();
            if run >= 2 || chars[i] == '\u{3000}' {
                break;
            }
            column += width(chars[i]);
            text.push(chars[i]);
            i += 1;
        }
        cells.push(Cell {
            at: start,
            text: text.trim().to_owned(),
        });
    }
    cells
}

/// Header of an aligned table: three or more short cells, two of them
/// known headers.
fn aligned_header(line: &str) -> Option<Vec<Cell>> {
    let cells = split_cells(line);
    let known = cells.iter().filter(|c| is_header_word(&c.text)).count();
    let short = cells.iter().all(|c| c.text.chars().count() <= 12);
    (cells.len() >= 3 && known >= 2 && short).then_some(cells)
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit())
}

/// Reads the rows of an aligned table from `lines[from..]` into `out`;
/// returns the index of the first line after the table.
/// A bulleted line (● …) or a page number (— 9 —) after a table: the
/// table has ended.
fn is_furniture(text: &str) -> bool {
    let page = text.trim_matches(|c: char| "—–-－ 　".contains(c));
    text.starts_with(BULLETS)
        || (!page.is_empty() && page.len() <= 3 && page.chars().all(|c| c.is_ascii_digit()))
}

fn aligned_table(
    lines: &[String],
    from: usize,
    header: &[Cell],
    tabbed: bool,
    out: &mut Vec<String>,
) -> usize {
    let numbered = header[0].text.contains("序号");
    let column_of = |at: usize| {
        header
            .iter()
            .enumerate()
            .min_by_key(|(_, h)| h.at.abs_diff(at))
            .map(|(i, _)| i)
            .unwrap_or(0)
    };
    out.push(join_row(header.iter().map(|c| c.text.as_str())));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut blanks = 0;
    let mut i = from;
    while i < lines.len() {
        if is_furniture(lines[i].trim()) {
            break;
        }
        let mut cells = split_cells(&lines[i]);
        if tabbed && !lines[i].contains('\t') {
            spaced_under_tabs(&mut cells, header.len());
        }
        if cells.is_empty() {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            i += 1;
            continue;
        }
        blanks = 0;
        let first_column = column_of(cells[0].at) == 0;
        let starts_row = if numbered {
            first_column && is_number(&cells[0].text)
        } else {
            first_column
        };
        // 一、贸易便利化（5项）: a category row inside the table.
        if numbered && first_column && cells.len() == 1 && is_category(&cells[0].text) {
            i += 1;
            continue;
        }
        let ends_table = if numbered {
            first_column && !starts_row
        } else {
            cells.len() == 1
                && (cells[0].text.contains('。')
                    || cells[0].text.chars().count() > 40
                    || is_furniture(&cells[0].text))
        };
        if ends_table || (!starts_row && rows.is_empty()) {
            break;
        }
        if starts_row {
            rows.push(vec![String::new(); header.len()]);
        }
        let row = rows.last_mut().expect("a row");
        // A row with a cell for every column, separated by spaces but not
        // aligned under the header (序号  事项名称  …): the cells in order.
        let in_order = starts_row && cells.len() == header.len();
        for (k, cell) in cells.into_iter().enumerate() {
            let column = if in_order { k } else { column_of(cell.at) };
            let cell_text = &mut row[column];
            let ascii_join = cell_text.ends_with(|c: char| c.is_ascii_alphanumeric())
                && cell.text.starts_with(|c: char| c.is_ascii_alphanumeric());
            if ascii_join {
                cell_text.push(' ');
            }
            cell_text.push_str(&cell.text);
        }
        i += 1;
    }
    out.extend(rows.iter().map(|r| join_row(r.iter().map(String::as_str))));
    out.push(String::new());
    i
}

/// A row of a table with tab-separated columns written with spaces
/// instead: a full row takes the columns in order; a shorter, indented one
/// (a wrapped cell) the last columns.
fn spaced_under_tabs(cells: &mut [Cell], columns: usize) {
    let indented = cells.first().is_some_and(|c| c.at > 0);
    let first = if indented && cells.len() < columns {
        columns - cells.len()
    } else {
        0
    };
    for (i, cell) in cells.iter_mut().enumerate() {
        cell.at = (first + i).min(columns.saturating_sub(1));
    }
}

/// A category line between the rows of a numbered table: 一、贸易便利化（5项）,
/// （二）金融创新, 贸易便利化领域（5项）.
fn is_category(text: &str) -> bool {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = text.chars();
    let first = chars.next().unwrap_or(' ');
    let heading = (numeral(first) && text.contains('、'))
        || (first == '（' && chars.next().is_some_and(numeral));
    let counted = text.ends_with("项）") || text.ends_with("项)");
    text.chars().count() <= 30 && !text.contains('。') && (heading || counted)
}

/// Header of a table whose cells a single space separates (序号 改革事项
/// 主要内容 推广范围): three or more words, every one a known header.
fn spaced_header(line: &str) -> Option<Vec<String>> {
    let words: Vec<String> = line.split_whitespace().map(str::to_owned).collect();
    (words.len() >= 3 && words.iter().all(|w| is_header_word(w))).then_some(words)
}

/// Rows of a single-space table: one row per line, words in column order.
/// Extra words belong to the 内容 column (or the name column); a line
/// without a leading number (when the first column is 序号) continues the
/// cell the previous line cut.
fn spaced_table(lines: &[String], from: usize, header: &[String], out: &mut Vec<String>) -> usize {
    let k = header.len();
    let numbered = header[0].contains("序号");
    let name_column = usize::from(numbered && k > 1);
    let wide = header
        .iter()
        .position(|h| h.contains("内容") || h.contains("做法"))
        .unwrap_or(name_column);
    out.push(join_row(header.iter().map(String::as_str)));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut blanks = 0;
    let mut i = from;
    while i < lines.len() {
        if is_furniture(lines[i].trim()) {
            break;
        }
        let words: Vec<&str> = lines[i].split_whitespace().collect();
        if words.is_empty() {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
            i += 1;
            continue;
        }
        blanks = 0;
        let starts_row = !numbered || is_number(words[0]);
        if starts_row && words.len() >= k {
            let extra = words.len() - k;
            let mut row: Vec<String> = Vec::with_capacity(k);
            let mut w = 0;
            for c in 0..k {
                let take = if c == wide { extra + 1 } else { 1 };
                row.push(words[w..w + take].concat());
                w += take;
            }
            rows.push(row);
        } else if !starts_row && !rows.is_empty() && !lines[i].contains('。') {
            let row = rows.last_mut().expect("a row");
            let column = row.iter().position(|c| is_cut(c)).unwrap_or(wide);
            row[column].push_str(&words.concat());
        } else {
            break;
        }
        i += 1;
    }
    out.extend(rows.iter().map(|r| join_row(r.iter().map(String::as_str))));
    out.push(String::new());
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<String> {
        normalise(text.lines().map(str::to_owned).collect())
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn aligned_columns_with_wrapped_cells() {
        let text = "\
序号  成果名称                    经验来源          推广范围
1     “银行+保险+担保”            成都天府新区片区  全省
      风险分担机制
2     跨境电商退货“集中仓”模式    川南临港片区      成都天府新区片区、
                                                    德阳协同改革先行区

四川省人民政府办公厅                  2024年3月20日印发";
        assert_eq!(
            rows(text),
            vec![
                "序号｜成果名称｜经验来源｜推广范围",
                "1｜“银行+保险+担保”风险分担机制｜成都天府新区片区｜全省",
                "2｜跨境电商退货“集中仓”模式｜川南临港片区｜成都天府新区片区、德阳协同改革先行区",
                "四川省人民政府办公厅                  2024年3月20日印发",
            ]
        );
    }

    #[test]
    fn category_rows_and_spaced_rows_under_a_tabbed_header() {
        let text = "序号\t创新成果名称\t首创单位\t推广范围\n一、贸易便利化（5项）\n\
                    1\t国际航空货运“空空中转”一站式\t大兴机场\t廊坊综合保税区\n\
                    \t通关\t片区\n\
                    2    “保税维修+再制造”联动监管    石家庄综合保税区管理委员会    曹妃甸综合保税区、廊坊综\n\
                    \x20                                                       合保税区\n\
                    二、投资便利化（1项）\n\
                    3\t“一业一证”改革\t正定片区\t全省\n";
        assert_eq!(
            rows(text),
            vec![
                "序号｜创新成果名称｜首创单位｜推广范围",
                "1｜国际航空货运“空空中转”一站式通关｜大兴机场片区｜廊坊综合保税区",
                "2｜“保税维修+再制造”联动监管｜石家庄综合保税区管理委员会｜曹妃甸综合保税区、廊坊综合保税区",
                "3｜“一业一证”改革｜正定片区｜全省",
            ]
        );
    }

    #[test]
    fn tab_separated_rows() {
        let text = "改革事项\t经验来源\t推广范围\n证照联办\t哈尔滨片区\t全省\n无感续证\t\t黑河片区";
        assert_eq!(
            rows(text),
            vec![
                "改革事项｜经验来源｜推广范围",
                "证照联办｜哈尔滨片区｜全省",
                "无感续证｜｜黑河片区"
            ]
        );
    }

    #[test]
    fn one_cell_per_line_with_a_wrapped_cell() {
        let text = "序号\n成果名称\n经验来源\n推广范围\n1\n“一枚印章管\n审批”\n哈尔滨片区\n全省\n2\n证照联办\n黑河片区\n全省各片区\n以上成果自印发之日起实施，请各地认真落实。";
        assert_eq!(
            rows(text),
            vec![
                "序号｜成果名称｜经验来源｜推广范围",
                "1｜“一枚印章管审批”｜哈尔滨片区｜全省",
                "2｜证照联办｜黑河片区｜全省各片区",
                "以上成果自印发之日起实施，请各地认真落实。",
            ]
        );
    }

    #[test]
    fn a_web_table_pasted_one_cell_per_line_with_blank_lines_between_rows() {
        let text = "序号\n案例名称\n首创单位\n主要成效\n复制推广地区\n\n1\n融资租赁飞机跨境转租赁模式\n天津港片区\n打通外汇登记、税务处理等堵点，该模式已入选最佳实践案例。\n大连片区、南沙片区\n\n2\n保税维修“一件事”集成服务\n天津机场片区\n将11个环节集成为“一件事”办理，办理时限压缩至4个工作日以内。\n—\n\n注：“—”表示暂未统计。";
        assert_eq!(
            rows(text),
            vec![
                "序号｜案例名称｜首创单位｜主要成效｜复制推广地区",
                "1｜融资租赁飞机跨境转租赁模式｜天津港片区｜打通外汇登记、税务处理等堵点，该模式已入选最佳实践案例。｜大连片区、南沙片区",
                "2｜保税维修“一件事”集成服务｜天津机场片区｜将11个环节集成为“一件事”办理，办理时限压缩至4个工作日以内。｜—",
                "注：“—”表示暂未统计。",
            ]
        );
    }

    #[test]
    fn full_rows_spaced_but_not_aligned_take_the_columns_in_order() {
        let rows = rows(
            "序号  事项名称  经验来源  复制实施片区  省级牵头单位\n\
             1  多式联运“一单到底”  重庆自贸试验区果园港片区  西安国际港务区片区  省交通运输厅、西安海关\n\
             2  工业项目四证联发  辽宁自贸试验区沈阳片区  中心片区  省自然资源厅\n",
        );
        assert_eq!(
            rows[1],
            join_row(
                [
                    "1",
                    "多式联运“一单到底”",
                    "重庆自贸试验区果园港片区",
                    "西安国际港务区片区",
                    "省交通运输厅、西安海关"
                ]
                .into_iter()
            ),
            "{rows:?}"
        );
        assert!(rows[2].contains("中心片区"), "{rows:?}");
    }

    #[test]
    fn single_space_columns() {
        let text = "序号 改革事项 经验来源 推广范围\n1 跨境电商退货中心仓模式 南京片区 苏州片区、\n连云港片区\n2 证照联办 黑河片区 全省\n以上经验请认真复制推广。";
        assert_eq!(
            rows(text),
            vec![
                "序号｜改革事项｜经验来源｜推广范围",
                "1｜跨境电商退货中心仓模式｜南京片区｜苏州片区、连云港片区",
                "2｜证照联办｜黑河片区｜全省",
                "以上经验请认真复制推广。",
            ]
        );
    }

    #[test]
    fn comma_separated_rows_with_quoted_cells() {
        let text = "序号,改革事项,经验来源,推广范围\n\
                    1,证照联办,\"黑河片区,\"\"首创\"\"\",全省\n\
                    2,无感续证,\"哈尔滨片区\n绥芬河片区\",—\n\
                    ==== 共2条 ====";
        assert_eq!(
            rows(text),
            vec![
                "序号｜改革事项｜经验来源｜推广范围",
                "1｜证照联办｜黑河片区,\"首创\"｜全省",
                "2｜无感续证｜哈尔滨片区绥芬河片区｜—",
                "==== 共2条 ====",
            ]
        );
    }

    #[test]
    fn an_aligned_table_ends_at_a_bullet_or_a_page_number() {
        for text in [
            "序号  企业名称            所在片区\n1  河南甲物流有限公司  郑州片区\n— 9 —\n2  续表",
            "序号\t企业名称\t所在片区\n1\t河南甲物流有限公司\t郑州片区\n● 甲公司：入选服务业50强",
        ] {
            let out = rows(text);
            assert_eq!(out[1], "1｜河南甲物流有限公司｜郑州片区", "{out:?}");
            assert!(!out[2].contains('｜'), "{out:?}");
        }
    }

    #[test]
    fn prose_mentioning_header_words_is_untouched() {
        let lines = vec!["经验来源于片区企业，推广范围为全省。".to_owned()];
        assert_eq!(normalise(lines.clone()), lines);
    }
}
