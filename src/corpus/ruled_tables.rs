//! Tables a PDF draws with ruling lines (Chromium's and Word's bordered
//! tables): the horizontal rules cut the table into rows, the vertical
//! rules that cross a row cut it into cells, and every character inside a
//! cell belongs to that cell, however its text is wrapped or centred. Each
//! row becomes one line of cells separated by ｜, the form the table reader
//! takes; a row without inner rules (a section title across the table) is
//! a line of its own.
//!
//! Input: a page's characters and rules. Output: the rows of its tables,
//! top to bottom, and the characters that lie outside every table.

use super::glyphs::Glyph;

/// A ruling line: horizontal (`y` fixed, from `a` to `b` along x) or
/// vertical (`x` fixed, from `a` to `b` along y).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    pub at: f32,
    pub a: f32,
    pub b: f32,
}

/// A table row as text, with the top of the row (for its place on the page).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    pub top: f32,
    pub text: String,
}

/// Rules closer than this (points) are one rule.
const SAME: f32 = 1.5;

/// The rows of every ruled table of a page, and the glyphs outside them.
pub(super) fn ruled_rows(glyphs: &[Glyph], rules: &[Rule]) -> (Vec<Row>, Vec<Glyph>) {
    let mut ys = positions(rules.iter().filter(|r| r.horizontal));
    ys.sort_by(|a, b| b.total_cmp(a));
    let verticals: Vec<&Rule> = rules.iter().filter(|r| !r.horizontal).collect();
    // Each band between two horizontal rules: its cells and the glyphs in
    // them, or None where no two vertical rules cross it.
    let horizontals: Vec<&Rule> = rules.iter().filter(|r| r.horizontal).collect();
    let bands: Vec<Option<Band>> = ys
        .windows(2)
        .map(|pair| band(glyphs, &verticals, &horizontals, pair[0], pair[1]))
        .collect();
    let mut rows = Vec::new();
    let mut inside = vec![false; glyphs.len()];
    // A table is a run of adjacent bands with two rows of cells at least
    // (not a box around a paragraph, not rules between a page's columns).
    for run in bands.split(Option::is_none) {
        let run: Vec<&Band> = run.iter().flatten().collect();
        if run.iter().filter(|b| b.cells.len() >= 2).count() < 2 {
            continue;
        }
        for b in run {
            for &i in &b.members {
                inside[i] = true;
            }
            if b.cells.iter().all(String::is_empty) {
                continue;
            }
            let text = if b.cells.len() == 1 {
                b.cells[0].clone()
            } else {
                b.cells.join("｜")
            };
            rows.push(Row { top: b.top, text });
        }
    }
    let outside = glyphs
        .iter()
        .zip(&inside)
        .filter(|(_, inside)| !**inside)
        .map(|(g, _)| *g)
        .collect();
    (rows, outside)
}

/// A band between two horizontal rules: its top, the text of each cell and
/// the indexes of the glyphs inside.
struct Band {
    top: f32,
    cells: Vec<String>,
    members: Vec<usize>,
}

fn band(
    glyphs: &[Glyph],
    verticals: &[&Rule],
    horizontals: &[&Rule],
    top: f32,
    bottom: f32,
) -> Option<Band> {
    if top - bottom < 4.0 {
        return None;
    }
    let middle = (top + bottom) / 2.0;
    // The vertical rules crossing this band make its cell edges.
    let mut xs = positions(
        verticals
            .iter()
            .copied()
            .filter(|r| r.a <= middle && r.b >= middle),
    );
    xs.sort_by(f32::total_cmp);
    if xs.len() < 2 {
        return None;
    }
    // A row of a grid: the rules above and below it run across all its
    // cells (two boxes side by side leave the gap between them open).
    let (from, to) = (xs[0], xs[xs.len() - 1]);
    let closed = |y: f32| covered(horizontals, y, from, to) >= 0.9 * (to - from);
    if !closed(top) || !closed(bottom) {
        return None;
    }
    let mut cells = Vec::new();
    let mut members = Vec::new();
    for edge in xs.windows(2) {
        let (left, right) = (edge[0], edge[1]);
        let mut in_cell: Vec<(usize, &Glyph)> = glyphs
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                let x = (g.x + g.right) / 2.0;
                x > left && x < right && g.baseline > bottom && g.baseline < top
            })
            .collect();
        // Reading order inside the cell: lines top to bottom.
        in_cell.sort_by(|(_, p), (_, q)| {
            if p.same_line(q) {
                p.x.total_cmp(&q.x)
            } else {
                q.baseline.total_cmp(&p.baseline)
            }
        });
        members.extend(in_cell.iter().map(|(i, _)| *i));
        cells.push(cell_text(in_cell.iter().map(|(_, g)| *g)));
    }
    Some(Band {
        top,
        cells,
        members,
    })
}

/// A cell's characters as one text: wrapped lines joined, a space kept only
/// between Latin letters or digits.
fn cell_text<'g>(glyphs: impl Iterator<Item = &'g Glyph>) -> String {
    let mut out = String::new();
    let mut previous: Option<&Glyph> = None;
    for g in glyphs {
        if g.c.is_whitespace() {
            continue;
        }
        if let Some(p) = previous {
            let same_line = (p.baseline - g.baseline).abs() <= p.size.min(g.size) * 0.4;
            let gap = g.x - p.right;
            if same_line
                && gap > 0.25 * g.size
                && p.c.is_ascii_alphanumeric()
                && g.c.is_ascii_alphanumeric()
            {
                out.push(' ');
            }
        }
        out.push(g.c);
        previous = Some(g);
    }
    out
}

/// How much of `[from, to]` the horizontal rules at `y` cover.
fn covered(horizontals: &[&Rule], y: f32, from: f32, to: f32) -> f32 {
    let mut spans: Vec<(f32, f32)> = horizontals
        .iter()
        .filter(|r| (r.at - y).abs() <= SAME)
        .map(|r| (r.a.max(from), r.b.min(to)))
        .filter(|(a, b)| b > a)
        .collect();
    spans.sort_by(|p, q| p.0.total_cmp(&q.0));
    let mut total = 0.0;
    let mut reach = from;
    for (a, b) in spans {
        if b > reach {
            total += b - a.max(reach);
            reach = b;
        }
    }
    total
}

/// The distinct positions of rules (within `SAME` points of each other).
fn positions<'r>(rules: impl Iterator<Item = &'r Rule>) -> Vec<f32> {
    let mut at: Vec<f32> = rules.map(|r| r.at).collect();
    at.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for p in at {
        if out.last().is_none_or(|last| p - last > SAME) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::glyphs::placed as glyphs;

    fn h(y: f32) -> Rule {
        Rule {
            horizontal: true,
            at: y,
            a: 0.0,
            b: 300.0,
        }
    }

    fn v(x: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal: false,
            at: x,
            a: from,
            b: to,
        }
    }

    #[test]
    fn a_box_or_rules_between_columns_are_no_table() {
        let mut page = glyphs("左栏文字", 5.0, 185.0);
        page.extend(glyphs("右栏文字", 105.0, 185.0));
        let rules = vec![
            h(200.0),
            h(100.0),
            v(0.0, 100.0, 200.0),
            v(100.0, 100.0, 200.0),
            v(300.0, 100.0, 200.0),
        ];
        let (rows, outside) = ruled_rows(&page, &rules);
        assert!(rows.is_empty());
        assert_eq!(outside.len(), 8);
    }

    #[test]
    fn two_boxes_side_by_side_are_no_table() {
        let mut page = glyphs("图片说明", 5.0, 185.0);
        page.extend(glyphs("栏间正文", 105.0, 185.0));
        page.extend(glyphs("相关链接", 205.0, 185.0));
        let mut page2 = glyphs("图片说明", 5.0, 135.0);
        page2.extend(glyphs("栏间正文", 105.0, 135.0));
        page.extend(page2);
        let edge = |y: f32, a: f32, b: f32| Rule {
            horizontal: true,
            at: y,
            a,
            b,
        };
        let mut rules = Vec::new();
        for y in [200.0, 150.0, 100.0] {
            rules.push(edge(y, 0.0, 90.0));
            rules.push(edge(y, 200.0, 300.0));
        }
        for x in [0.0, 90.0, 200.0, 300.0] {
            rules.push(v(x, 100.0, 200.0));
        }
        let (rows, _) = ruled_rows(&page, &rules);
        assert!(rows.is_empty(), "{rows:?}");
    }

    #[test]
    fn wrapped_and_centred_cells_stay_in_their_row() {
        // Two rows: a header, and a row whose middle cell wraps onto two
        // lines while the others are centred between them.
        let mut page = glyphs("序号", 5.0, 185.0);
        page.extend(glyphs("名称", 55.0, 185.0));
        page.extend(glyphs("片区", 205.0, 185.0));
        page.extend(glyphs("1", 5.0, 155.0));
        page.extend(glyphs("铁路提单信用证", 55.0, 165.0));
        page.extend(glyphs("结算模式", 55.0, 150.0));
        page.extend(glyphs("青白江片区", 205.0, 155.0));
        page.extend(glyphs("表外的话", 5.0, 100.0));
        let rules = vec![
            h(200.0),
            h(175.0),
            h(140.0),
            v(0.0, 140.0, 200.0),
            v(50.0, 140.0, 200.0),
            v(200.0, 140.0, 200.0),
            v(300.0, 140.0, 200.0),
        ];
        let (rows, outside) = ruled_rows(&page, &rules);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            ["序号｜名称｜片区", "1｜铁路提单信用证结算模式｜青白江片区"]
        );
        let rest: String = outside.iter().map(|g| g.c).collect();
        assert_eq!(rest, "表外的话");
    }
}
