//! Reading order of a PDF page set in columns or side-by-side boxes (a
//! journal's two columns, a newspaper's three, a 简报's boxes): lines that
//! share gutters — strips no character of theirs covers, with text on both
//! sides — are read column by column, the left one first. A strip is a
//! gutter only where the text on its left fills its lines up to it (prose,
//! not a table's column); three columns or more are about as wide as each
//! other (a table's are not).
//!
//! Input: a page's lines, top to bottom. Output: its regions in reading
//! order, each a run of lines and whether it is a column of a band.

use super::glyphs::Line;

/// A run of lines read one after another; `column` when it is one column
/// of a band (its lines are measured against the column, not the page).
pub(super) struct Region {
    pub lines: Vec<Line>,
    pub column: bool,
}

/// The fewest lines a band of columns has on each side of its gutter.
const MIN_SIDE_LINES: usize = 3;

/// A page's lines as regions in reading order.
pub(super) fn regions(lines: Vec<Line>) -> Vec<Region> {
    let size = median_size(&lines);
    let page_left = lines
        .iter()
        .flat_map(|l| l.glyphs.first())
        .map(|g| g.x)
        .fold(f32::INFINITY, f32::min);
    let page_right = lines.iter().map(Line::right).fold(f32::MIN, f32::max);
    let mut out: Vec<Region> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let split = band(&lines[i..], page_left, page_right, size).and_then(|(len, gutters)| {
            columns(&lines[i..i + len], &gutters, size).map(|c| (len, c))
        });
        match split {
            Some((len, columns)) => {
                out.extend(columns.into_iter().map(|lines| Region {
                    lines,
                    column: true,
                }));
                i += len;
            }
            None => {
                match out.last_mut() {
                    Some(r) if !r.column => r.lines.push(lines[i].clone()),
                    _ => out.push(Region {
                        lines: vec![lines[i].clone()],
                        column: false,
                    }),
                }
                i += 1;
            }
        }
    }
    out
}

/// The longest run of lines from the first that leaves strips at least 1.2
/// characters wide uncovered between text, with those strips (left and
/// right edges); `None` when no run of `MIN_SIDE_LINES` lines has one.
fn band(
    lines: &[Line],
    page_left: f32,
    page_right: f32,
    size: f32,
) -> Option<(usize, Vec<(f32, f32)>)> {
    let min_width = 1.2 * size;
    let mut free: Vec<(f32, f32)> = vec![(page_left - 1.0, page_right + 1.0)];
    let mut best: Option<(usize, Vec<(f32, f32)>)> = None;
    for (k, line) in lines.iter().enumerate() {
        free = subtract(&free, line, min_width);
        if free.is_empty() {
            break;
        }
        let inner: Vec<(f32, f32)> = free
            .iter()
            .copied()
            .filter(|&(a, b)| a > page_left && b < page_right)
            .collect();
        if !inner.is_empty() {
            best = Some((k + 1, inner));
        }
    }
    best.filter(|(len, _)| *len >= MIN_SIDE_LINES)
}

/// `free` without what the line's characters cover; strips narrower than
/// `min_width` go.
fn subtract(free: &[(f32, f32)], line: &Line, min_width: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for &(a, b) in free {
        let mut start = a;
        for g in line.glyphs.iter().filter(|g| g.right > a && g.x < b) {
            if g.x - start >= min_width {
                out.push((start, g.x));
            }
            start = start.max(g.right);
        }
        if b - start >= min_width {
            out.push((start, b));
        }
    }
    out
}

/// The band's lines split at its gutters, when every column holds text on
/// enough lines, is prose (eight characters wide, lines of six or more on
/// average) and fills its lines up to the gutter after it; three columns
/// or more must be about as wide as each other (a table's are not).
fn columns(band: &[Line], gutters: &[(f32, f32)], size: f32) -> Option<Vec<Vec<Line>>> {
    let cuts: Vec<f32> = gutters.iter().map(|(a, b)| (a + b) / 2.0).collect();
    let column_of = |x: f32| cuts.iter().filter(|&&c| x >= c).count();
    let mut columns: Vec<Vec<Line>> = vec![Vec::new(); cuts.len() + 1];
    for l in band {
        for (n, column) in columns.iter_mut().enumerate() {
            let glyphs: Vec<_> = l
                .glyphs
                .iter()
                .copied()
                .filter(|g| column_of(g.x) == n)
                .collect();
            if !glyphs.is_empty() {
                column.push(Line {
                    baseline: l.baseline,
                    size: glyphs.iter().map(|g| g.size).fold(0.0, f32::max),
                    glyphs,
                });
            }
        }
    }
    let width = |lines: &[Line]| {
        let from = lines
            .iter()
            .flat_map(|l| l.glyphs.first())
            .map(|g| g.x)
            .fold(f32::INFINITY, f32::min);
        lines.iter().map(Line::right).fold(f32::MIN, f32::max) - from
    };
    let prose = |lines: &[Line]| {
        let glyphs: usize = lines.iter().map(|l| l.glyphs.len()).sum();
        lines.len() >= MIN_SIDE_LINES && width(lines) >= 8.0 * size && glyphs >= 6 * lines.len()
    };
    if !columns.iter().all(|c| prose(c)) {
        return None;
    }
    let filled = columns.iter().zip(gutters).all(|(c, gutter)| {
        let up_to = c
            .iter()
            .filter(|l| gutter.0 - l.right() <= 1.5 * size)
            .count();
        up_to * 2 >= c.len()
    });
    let widths: Vec<f32> = columns.iter().map(|c| width(c)).collect();
    let even = widths.len() <= 2
        || widths.iter().copied().fold(f32::MIN, f32::max)
            <= 1.5 * widths.iter().copied().fold(f32::INFINITY, f32::min);
    (filled && even).then_some(columns)
}

fn median_size(lines: &[Line]) -> f32 {
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

#[cfg(test)]
mod tests {
    use super::super::glyphs::placed;
    use super::*;

    fn line(text: &str, x: f32, baseline: f32) -> Line {
        Line {
            baseline,
            size: 10.0,
            glyphs: placed(text, x, baseline),
        }
    }

    /// Two columns of ten characters, 30 points apart, under a title.
    fn two_columns() -> Vec<Line> {
        let mut lines = vec![line(
            "一二三四五六七八九十一二三四五六七八九十二三",
            0.0,
            800.0,
        )];
        for (i, (l, r)) in [
            ("左一左一左一左一左一", "右一右一右一右一右一"),
            ("左二左二左二左二左二", "右二右二右二右二右二"),
            ("左三左三左三左三左三", "右三右三右三右三右三"),
            ("左四左四左四左四左四", "右四右四右四"),
        ]
        .iter()
        .enumerate()
        {
            let mut both = line(l, 0.0, 780.0 - 12.0 * i as f32);
            both.glyphs
                .extend(line(r, 130.0, 780.0 - 12.0 * i as f32).glyphs);
            lines.push(both);
        }
        lines.push(line(
            "尾一二三四五六七八九十一二三四五六七八九十二",
            0.0,
            700.0,
        ));
        lines
    }

    fn texts(region: &Region) -> Vec<String> {
        region
            .lines
            .iter()
            .map(|l| l.glyphs.iter().map(|g| g.c).collect())
            .collect()
    }

    #[test]
    fn a_band_of_two_columns_reads_the_left_column_first() {
        let regions = regions(two_columns());
        assert_eq!(regions.len(), 4);
        assert!(!regions[0].column && regions[1].column && regions[2].column);
        assert_eq!(texts(&regions[1])[3], "左四左四左四左四左四");
        assert_eq!(texts(&regions[2])[0], "右一右一右一右一右一");
        assert_eq!(
            texts(&regions[3])[0],
            "尾一二三四五六七八九十一二三四五六七八九十二"
        );
    }

    #[test]
    fn three_even_columns_read_one_after_another() {
        let mut lines = Vec::new();
        for i in 0..4 {
            let y = 700.0 - 12.0 * i as f32;
            let mut row = line("甲栏文字甲栏文字甲栏", 0.0, y);
            row.glyphs
                .extend(line("乙栏文字乙栏文字乙栏", 120.0, y).glyphs);
            row.glyphs
                .extend(line("丙栏文字丙栏文字丙栏", 240.0, y).glyphs);
            lines.push(row);
        }
        let regions = regions(lines);
        assert_eq!(regions.len(), 3);
        assert!(texts(&regions[1]).iter().all(|t| t.starts_with('乙')));
        assert!(texts(&regions[2]).iter().all(|t| t.starts_with('丙')));
    }

    #[test]
    fn a_table_with_several_columns_stays_in_rows() {
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 700.0 - 12.0 * i as f32;
            let mut row = line("序号", 0.0, y);
            row.glyphs.extend(line("名称名称", 60.0, y).glyphs);
            row.glyphs.extend(line("片区", 160.0, y).glyphs);
            lines.push(row);
        }
        let regions = regions(lines);
        assert_eq!(regions.len(), 1);
        assert!(!regions[0].column);
    }

    #[test]
    fn a_narrow_number_column_is_no_band() {
        let mut lines = Vec::new();
        for i in 0..6 {
            let y = 700.0 - 12.0 * i as f32;
            let mut row = line(&(i + 1).to_string(), 0.0, y);
            row.glyphs
                .extend(line("科研用物品进口白名单联合监管模式", 40.0, y).glyphs);
            lines.push(row);
        }
        assert!(regions(lines).iter().all(|r| !r.column));
    }

    #[test]
    fn a_two_column_table_of_short_cells_is_no_band() {
        let mut lines = Vec::new();
        for (i, name) in ["甲公司", "乙有限公司", "丙", "丁科技公司", "戊", "己"]
            .iter()
            .enumerate()
        {
            let y = 700.0 - 12.0 * i as f32;
            let mut row = line(name, 0.0, y);
            row.glyphs.extend(line("杭州片区", 200.0, y).glyphs);
            lines.push(row);
        }
        assert!(regions(lines).iter().all(|r| !r.column));
    }
}
