//! Tables written one cell per line, as Word and some PDF extraction leave
//! them: a run of short header lines, then rows (numbered when the first
//! column is 序号), with cells a wrap split joined again.

use super::table_words::{PRACTICE_HEADS, is_cut, is_header_word, is_page_number, join_row};

/// Header of a table written one cell per line: three or more consecutive
/// short lines that are all headers; returns how many.
pub(super) fn stacked_header(lines: &[String], at: usize) -> Option<usize> {
    let k = lines[at..]
        .iter()
        .take_while(|l| {
            let t = l.trim();
            !t.is_empty() && t.chars().count() <= 8 && is_header_word(t)
        })
        .count();
    (k >= 3).then_some(k)
}

/// Reads a table written one cell per line. Rows start at their number
/// (1, 2, 3 …) when the first column is 序号, also after a page break that
/// repeats the header; cells wrapped over two lines are joined where a wrap
/// most likely cut them (see `wrap_score`).
pub(super) fn stacked_table(lines: &[String], at: usize, k: usize, out: &mut Vec<String>) -> usize {
    let header: Vec<&str> = lines[at..at + k].iter().map(|l| l.trim()).collect();
    out.push(join_row(header.iter().copied()));
    let numbered = header[0].contains("序号");
    let mut i = at + k;
    let mut expected = 1;
    let body = |l: &String| {
        let t = l.trim();
        let prose = t.contains('。') && t.chars().count() > 30;
        !t.is_empty() && !prose
    };
    loop {
        let mut cells: Vec<String> = Vec::new();
        if numbered {
            // A web table pasted from a browser leaves a blank line between
            // rows; the row must still start with its number.
            let start = skip_breaks(lines, i, &header);
            if lines.get(start).map(|l| l.trim()) != Some(expected.to_string().as_str()) {
                break;
            }
            let spaced = start > i && lines[i..start].iter().all(|l| l.trim().is_empty());
            i = start;
            cells.push(expected.to_string());
            i += 1;
            expected += 1;
            let next = expected.to_string();
            let row_start = i;
            while i < lines.len() && lines[i].trim() != next {
                // A page break between two rows (第 1 页 共 3 页, the
                // header again) ends this one.
                let after = skip_breaks(lines, i, &header);
                if after > i && lines.get(after).map(|l| l.trim()) == Some(next.as_str()) {
                    break;
                }
                if is_page_number(lines[i].trim()) {
                    break;
                }
                // Prose fills a cell the row still lacks (主要成效); a
                // blank line ends a row of a spaced table.
                let fills = spaced && cells.len() < k && !lines[i].trim().is_empty();
                if !(body(&lines[i]) || fills) {
                    break;
                }
                cells.push(lines[i].trim().to_owned());
                i += 1;
                if cells.len() > 3 * k {
                    break;
                }
            }
            let end = skip_breaks(lines, i, &header);
            let last_row = lines.get(end).map(|l| l.trim()) != Some(next.as_str());
            // A last row that a page number closes holds only its cells.
            let closed = lines[i..end].iter().any(|l| is_page_number(l));
            if last_row && cells.len() > k && !closed {
                // After the last row, lines that no wrap explains are text.
                let joined = join_marked(&cells[..k + 1]);
                let keep = if joined { k + 1 } else { k };
                cells.truncate(keep);
                i = row_start + keep - 1;
            }
        } else {
            while i < lines.len() && body(&lines[i]) && cells.len() < k {
                cells.push(lines[i].trim().to_owned());
                i += 1;
            }
            if cells.len() < k {
                i -= cells.len();
                break;
            }
        }
        join_wrapped(&mut cells, k, usize::from(numbered));
        cells.resize(k, String::new());
        out.push(join_row(cells.iter().map(String::as_str)));
    }
    out.push(String::new());
    i
}

/// The first line from `at` on that is not blank, a page number, or the
/// table's header repeated after a page break.
fn skip_breaks(lines: &[String], mut at: usize, header: &[&str]) -> usize {
    loop {
        let rest = &lines[at.min(lines.len())..];
        let Some(line) = rest.first().map(|l| l.trim()) else {
            return at;
        };
        let repeated =
            rest.len() >= header.len() && rest.iter().zip(header).all(|(l, h)| l.trim() == *h);
        if repeated {
            at += header.len();
        } else if line.is_empty() || is_page_number(line) {
            at += 1;
        } else {
            return at;
        }
    }
}

/// How likely a wrap cut one cell into the lines `a` and `b`; `None` when
/// `a` ends a sentence (a cell of prose ends there).
fn wrap_score(a: &str, b: &str) -> Option<u32> {
    if a.ends_with(['。', '；', '！', '？']) {
        return None;
    }
    let long = a.chars().count();
    let mut score = 0;
    if is_cut(a) {
        // 、 or an open quote: 跨区域涉税迁移“一键 | 办”服务.
        score += 100;
    }
    if b.ends_with(['。', '；']) && (long >= 15 || a.contains(['，', '、'])) {
        // Prose that runs on to its full stop.
        score += 80;
    }
    if b.chars().count() <= 2 {
        // 港澳调解员驻庭联调机 | 制.
        score += 60;
    }
    let heads = |t: &str| PRACTICE_HEADS.iter().any(|h| t.ends_with(h));
    if !heads(a) && heads(&format!("{a}{b}")) {
        // 进口铁矿检测结果互认 | 采信模式: the name ends in its head noun.
        score += 40;
    }
    if b.starts_with('“') && !a.ends_with(['，', '：']) {
        // 融资租赁资产跨境转让 | “一窗通”: a name's quoted core.
        score += 30;
    }
    let name_end = |t: &str| t.ends_with(['区', '市', '县', '省']);
    if name_end(a) && name_end(b) {
        // 湖南自贸试验区岳阳片区 | 全市: two cells of places.
        return Some(0);
    }
    // Otherwise a longer line is likelier to have been wrapped.
    Some(score + long as u32 / 2)
}

/// Whether some line of `cells` (but the last) is cut by a wrap.
fn join_marked(cells: &[String]) -> bool {
    cells[..cells.len() - 1].iter().any(|c| is_cut(c))
}

/// Joins lines of one cell that a wrap split, while there are more lines
/// than columns: each time the two lines a wrap most likely cut (the first
/// `fixed` cells, the row number, stay whole).
fn join_wrapped(cells: &mut Vec<String>, k: usize, fixed: usize) {
    while cells.len() > k {
        let best = (fixed..cells.len() - 1)
            .filter_map(|j| Some((wrap_score(&cells[j], &cells[j + 1])?, j)))
            .max_by_key(|&(score, j)| (score, std::cmp::Reverse(j)));
        let Some((_, j)) = best else {
            break;
        };
        let next = cells.remove(j + 1);
        cells[j].push_str(&next);
    }
    if cells.len() > k {
        // Still too many: the extra lines belong to the last column.
        let tail = cells.split_off(k - 1).concat();
        cells.push(tail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> (Vec<String>, usize) {
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let k = stacked_header(&lines, 0).expect("a stacked header");
        let mut out = Vec::new();
        let end = stacked_table(&lines, 0, k, &mut out);
        out.retain(|l| !l.is_empty());
        (out, end)
    }

    #[test]
    fn rows_run_on_past_a_page_break_that_repeats_the_header() {
        let text = "序号\n事项名称\n主要内容\n首创地区\n推广范围\n\
1\n江海联运“一码到港”\n模式\n以集装箱“一箱一码”贯通江海联运申报、查验、放行信息，实\n\
现一次申报、一码通行、港港互认。\n湖南自贸试验区岳阳片区\n天津港东疆片区\n\
2\n港澳调解员驻庭联调机\n制\n推动港澳调解员参与商事纠纷诉前联合调解。\n\
广东自贸试验区前海蛇口片区\n滨海新区中心商务片区\n\n第 1 页 共 2 页\n\n\
序号\n事项名称\n主要内容\n首创地区\n推广范围\n\
3\n融资租赁资产跨境转让\n“一窗通”\n跨境转让涉及的外汇、税务\n\
等事项一窗受理、并联办理。\n天津自贸试验区天津港东疆片区\n全市\n\n第 2 页 共 2 页\n\n\
附件2";
        let (rows, end) = table(text);
        assert_eq!(
            rows,
            vec![
                "序号｜事项名称｜主要内容｜首创地区｜推广范围",
                "1｜江海联运“一码到港”模式｜以集装箱“一箱一码”贯通江海联运申报、查验、放行信息，\
实现一次申报、一码通行、港港互认。｜湖南自贸试验区岳阳片区｜天津港东疆片区",
                "2｜港澳调解员驻庭联调机制｜推动港澳调解员参与商事纠纷诉前联合调解。｜\
广东自贸试验区前海蛇口片区｜滨海新区中心商务片区",
                "3｜融资租赁资产跨境转让“一窗通”｜跨境转让涉及的外汇、税务等事项一窗受理、并联办理。｜\
天津自贸试验区天津港东疆片区｜全市",
            ]
        );
        // The page number closes the table; the text after it is read as text.
        let next = text
            .lines()
            .skip(end)
            .map(str::trim)
            .find(|l| !l.is_empty());
        assert_eq!(next, Some("第 2 页 共 2 页"));
    }

    #[test]
    fn a_wrap_is_likeliest_where_a_line_is_cut_or_a_name_finds_its_head() {
        // An open quote or 、 cuts a line.
        assert!(
            wrap_score("跨区域涉税迁移“一键", "办”服务") > wrap_score("办”服务", "纳税人一次申请")
        );
        // A name that ends in its head noun once joined.
        assert!(
            wrap_score("进口铁矿检测结果互认", "采信模式") > wrap_score("采信模式", "海关先放后检")
        );
        // Two places are two cells, and a sentence's end ends its cell.
        assert_eq!(wrap_score("湖南自贸试验区岳阳片区", "全市"), Some(0));
        assert_eq!(wrap_score("即时核准。", "湖南自贸试验区郴州片区"), None);
    }
}
