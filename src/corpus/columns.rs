//! Two-column pages as `pdftotext -layout` prints them: each line holds
//! the left column's text, a run of spaces, then the right column's text,
//! both hard-wrapped. Such a page is read as its left column, then its
//! right column, so that sentences run on in order. Tables are left alone:
//! a page counts as two columns only where both columns are filled prose.

use super::table_words::width;

/// How far (display columns) a line's right part may start from the
/// page's column edge: extraction places text by glyph position, and quote
/// marks are one column wide in some fonts, two in others.
const SLACK: usize = 3;
/// The fewest lines holding two columns that make a two-column page.
const MIN_LINES: usize = 6;

/// One line, seen against the column edge.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    Blank,
    /// Text on both sides; the right column starts at this byte.
    Both(usize),
    /// Only the right column holds text; it starts at this byte.
    Right(usize),
    /// Only the left column (a heading, a paragraph's last line).
    Left,
    /// Wider than the left column with no edge: not a column page.
    Across,
}

/// Rewrites every two-column page of `lines` as its left column followed
/// by its right column; other lines are kept as they are.
pub(super) fn unfold(lines: Vec<String>) -> Vec<String> {
    let Some(edge) = column_edge(&lines) else {
        return lines;
    };
    let parts: Vec<Part> = lines.iter().map(|l| part(l, edge)).collect();
    let mut out = Vec::with_capacity(lines.len() + 4);
    let mut i = 0;
    while i < lines.len() {
        let end = i + parts[i..]
            .iter()
            .take_while(|p| **p != Part::Across)
            .count();
        if is_column_page(&lines[i..end], &parts[i..end], edge) {
            read_columns(&lines[i..end], &parts[i..end], &mut out);
        } else {
            out.extend_from_slice(&lines[i..end]);
        }
        if end < lines.len() {
            out.push(lines[end].clone());
        }
        i = end + 1;
    }
    out
}

/// Where text resumes after runs of two or more spaces: (display column,
/// byte) of each run's end, leading spaces included.
fn resumes(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut column, mut run) = (0, 0);
    for (at, c) in line.char_indices() {
        if c == ' ' {
            run += 1;
        } else {
            if run >= 2 {
                out.push((column, at));
            }
            run = 0;
        }
        column += width(c);
    }
    out
}

/// The display column where most lines resume after a gap: the right
/// column's edge, when enough lines share it.
fn column_edge(lines: &[String]) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for line in lines {
        for (column, _) in resumes(line) {
            *counts.entry(column).or_default() += 1;
        }
    }
    let near = |edge: usize| -> usize {
        counts
            .range(edge.saturating_sub(SLACK)..=edge + SLACK)
            .map(|(_, n)| n)
            .sum()
    };
    // The most common column (the exact edge), if lines near it are many.
    let (&edge, _) = counts
        .iter()
        .filter(|(c, _)| **c >= 20)
        .max_by_key(|(_, n)| **n)?;
    (near(edge) >= MIN_LINES).then_some(edge)
}

fn display_width(text: &str) -> usize {
    text.chars().map(width).sum()
}

fn part(line: &str, edge: usize) -> Part {
    if line.trim().is_empty() {
        return Part::Blank;
    }
    let nearest = resumes(line)
        .into_iter()
        .filter(|(column, _)| column.abs_diff(edge) <= SLACK)
        .min_by_key(|(column, _)| column.abs_diff(edge));
    match nearest {
        Some((_, at)) if line[..at].trim().is_empty() => Part::Right(at),
        Some((_, at)) => Part::Both(at),
        None if display_width(line.trim_end()) <= edge + SLACK => Part::Left,
        None => Part::Across,
    }
}

/// Whether a run of lines is a page of two prose columns: enough lines
/// with both sides, most of them with the left column filled to its edge
/// (hard-wrapped prose, not a table's short cells) and Chinese on both.
fn is_column_page(lines: &[String], parts: &[Part], edge: usize) -> bool {
    let both: Vec<usize> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Both(at) => Some(*at),
            _ => None,
        })
        .collect();
    let rights = parts.iter().filter(|p| matches!(p, Part::Right(_))).count();
    if both.len() < MIN_LINES - 2 || both.len() + rights < MIN_LINES {
        return false;
    }
    let is_cjk = |t: &str| t.chars().filter(|c| width(*c) == 2).count() >= 4;
    let filled = lines
        .iter()
        .zip(parts)
        .filter(|(line, part)| match part {
            Part::Both(at) => {
                let (left, right) = line.split_at(*at);
                let left = left.trim_end();
                // One cell per side: a table's row has gaps inside.
                let single = resumes(left.trim_start()).is_empty() && resumes(right).is_empty();
                single && display_width(left) + 10 >= edge && is_cjk(left) && is_cjk(right)
            }
            _ => false,
        })
        .count();
    filled * 10 >= both.len() * 6
}

/// Writes the left column's lines, then the right column's.
fn read_columns(lines: &[String], parts: &[Part], out: &mut Vec<String>) {
    let mut right = Vec::new();
    for (line, part) in lines.iter().zip(parts) {
        match *part {
            Part::Blank => {
                out.push(String::new());
                right.push(String::new());
            }
            Part::Both(at) => {
                out.push(line[..at].trim_end().to_owned());
                right.push(line[at..].trim_end().to_owned());
            }
            Part::Right(at) => right.push(line[at..].trim_end().to_owned()),
            Part::Left | Part::Across => out.push(line.trim_end().to_owned()),
        }
    }
    out.push(String::new());
    out.extend(right);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold_text(text: &str) -> Vec<String> {
        unfold(text.lines().map(str::to_owned).collect())
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn a_two_column_page_reads_left_then_right() {
        let text =
            "　　广东自贸试验区地跨广州、深圳、珠海三      业务。今年1月，广东省人民政府办公厅印发
市，涵盖南沙片区、前海蛇口片区和横琴片区      《关于支持南沙片区保税维修业务扩容提质的
三个片区，分别位于广州、深圳、珠海三市。      若干措施》，明确支持片区内企业开展飞机发
　　走进南沙片区内的南沙综合保税区，广州      动机等高附加值产品的保税维修。
睿航航空部件维修有限公司的车间里，几台刚      　　南沙片区还在粤港澳车辆互通上动脑筋。
拆下的飞机起落架作动筒正在排队检测。这家      2022年推出的港澳车辆检验互认，让取得香港
企业入驻南沙综合保税区已有五年，客户遍及      澳门年检合格证明的单牌车免于重复检测。
东南亚和中东的十几家航空公司。
                                    18";
        let lines = unfold_text(text);
        assert_eq!(lines[0], "　　广东自贸试验区地跨广州、深圳、珠海三");
        assert_eq!(lines[1], "市，涵盖南沙片区、前海蛇口片区和横琴片区");
        let right = lines
            .iter()
            .position(|l| l == "业务。今年1月，广东省人民政府办公厅印发")
            .expect("right column");
        assert_eq!(lines[right - 1].trim(), "18");
        assert_eq!(lines[right + 1], "《关于支持南沙片区保税维修业务扩容提质的");
        assert_eq!(
            lines.last().unwrap(),
            "澳门年检合格证明的单牌车免于重复检测。"
        );
    }

    #[test]
    fn a_table_with_spaced_columns_is_left_alone() {
        let text = "\
序号  案例名称                    首创单位
1     融资租赁飞机跨境转租赁模式  天津港片区
2     保税维修一件事集成服务      天津机场片区
3     示范判决批量调解机制        滨海新区人民法院
4     租赁资产跨关区迁移          天津海关
5     区块链确权模式              津融国际商业保理有限公司
6     资金池备案即用              中国人民银行天津市分行";
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        assert_eq!(unfold(lines.clone()), lines);
    }

    #[test]
    fn single_column_text_is_left_alone() {
        let text = "天津自贸试验区2024年度制度创新案例一览表\n\n发布时间：2024-12-26  来源：天津市商务局\n\n　　2024年，天津自贸试验区持续开展首创性、差别化改革探索。";
        let lines: Vec<String> = text.lines().map(str::to_owned).collect();
        assert_eq!(unfold(lines.clone()), lines);
    }
}
