//! Tables written one cell per line, as Word and some PDF extraction leave
//! them: a run of short header lines, then rows (numbered when the first
//! column is 序号), with cells a wrap split joined again.

use super::table_words::{is_cut, is_header_word, join_row};

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
/// (1, 2, 3 …) when the first column is 序号; a cell wrapped over two lines
/// is joined when the line ends in 、 or an open quote.
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
            let start = first_filled(lines, i);
            if lines.get(start).map(|l| l.trim()) != Some(expected.to_string().as_str()) {
                break;
            }
            let spaced = start > i;
            i = start;
            cells.push(expected.to_string());
            i += 1;
            expected += 1;
            let next = expected.to_string();
            let row_start = i;
            while i < lines.len() && lines[i].trim() != next {
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
            let last_row = lines.get(i).map(|l| l.trim()) != Some(next.as_str());
            if last_row && cells.len() > k {
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
        join_wrapped(&mut cells, k);
        cells.resize(k, String::new());
        out.push(join_row(cells.iter().map(String::as_str)));
    }
    out.push(String::new());
    i
}

/// The first line from `at` on that is not blank.
fn first_filled(lines: &[String], at: usize) -> usize {
    at + lines[at.min(lines.len())..]
        .iter()
        .take_while(|l| l.trim().is_empty())
        .count()
}

/// Whether some line of `cells` (but the last) is cut by a wrap.
fn join_marked(cells: &[String]) -> bool {
    cells[..cells.len() - 1].iter().any(|c| is_cut(c))
}

/// Joins lines of one cell that a wrap split, while there are more lines
/// than columns: a line ending in 、 or with an unclosed quote continues.
fn join_wrapped(cells: &mut Vec<String>, k: usize) {
    let mut j = 0;
    while cells.len() > k && j + 1 < cells.len() {
        if is_cut(&cells[j]) {
            let next = cells.remove(j + 1);
            cells[j].push_str(&next);
        } else {
            j += 1;
        }
    }
    if cells.len() > k {
        // Still too many: the extra lines belong to the last column.
        let tail = cells.split_off(k - 1).concat();
        cells.push(tail);
    }
}
