//! PDF with a text layer (Chinese CID fonts with ToUnicode maps, as Word and
//! WPS export them), read with `pdf_oxide` behind a boundary that turns a
//! panic inside it into this file's error. Characters are laid out again as
//! lines of text page by page: Han characters side by side are joined
//! without spaces, wide gaps (table columns) become runs of spaces at the
//! characters' columns so that `tables` reads wrapped table cells, running
//! headers, footers and page numbers are dropped, and a larger gap between
//! lines becomes a paragraph break. A PDF without any text is a scan.
//!
//! Input: the file's bytes. Output: `Piece`s (text), or why not.

use super::format::{FormatError, Piece};
use super::glyphs::{Glyph, Line};
use super::page_columns;
use super::ruled_tables::{Row, Rule, ruled_rows};
use pdf_oxide::PdfDocument;
use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// Set while this thread is inside the PDF library.
    static IN_PDF_READER: Cell<bool> = const { Cell::new(false) };
}
static QUIET_HOOK: Once = Once::new();

/// Runs `f`, turning a panic into an `Err` without the panic message that
/// the default hook prints (the panic is reported as the file's error).
/// Panics elsewhere, on other threads too, are printed as before.
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    QUIET_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_PDF_READER.with(Cell::get) {
                previous(info);
            }
        }));
    });
    IN_PDF_READER.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_PDF_READER.with(|q| q.set(false));
    result
}

/// A page's characters and the rules it draws.
type Page = (Vec<Glyph>, Vec<Rule>);

/// Reads the text of a PDF.
pub fn read(bytes: &[u8]) -> Result<Vec<Piece>, FormatError> {
    let pages = quietly(|| glyphs_by_page(bytes)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned());
        FormatError::ReaderPanic(message)
    })??;
    if pages
        .iter()
        .all(|(p, _)| p.iter().all(|g| g.c.is_whitespace()))
    {
        return Err(FormatError::Scanned);
    }
    Ok(vec![Piece::Text(layout(&pages))])
}

/// Every character of every page, as `pdf_oxide` places them. The
/// characters come from its text spans, which honour a span's
/// `/ActualText` (Chromium prints 广 as the radical glyph ⼴ and says 广 in
/// ActualText; its per-character list garbles those into Latin-1 bytes).
fn glyphs_by_page(bytes: &[u8]) -> Result<Vec<Page>, FormatError> {
    let bad = |e: pdf_oxide::Error| FormatError::Pdf(e.to_string());
    let document = PdfDocument::from_bytes(bytes.to_vec()).map_err(bad)?;
    let count = document.page_count().map_err(bad)?;
    (0..count)
        .map(|page| {
            let spans = document.extract_spans(page).map_err(bad)?;
            let rules = rules(&document.extract_paths(page).map_err(bad)?);
            let glyphs = spans
                .iter()
                .flat_map(|span| span.to_chars())
                .map(|c| Glyph {
                    c: c.char,
                    x: c.bbox.x,
                    right: c.bbox.x + c.bbox.width,
                    baseline: c.origin_y,
                    size: c.font_size.max(1.0),
                })
                .collect();
            Ok((glyphs, rules))
        })
        .collect()
}

/// The thin lines and rectangles a page draws (a table's borders) as rules;
/// a stroked rectangle gives its four edges.
fn rules(paths: &[pdf_oxide::elements::PathContent]) -> Vec<Rule> {
    let mut out = Vec::new();
    for p in paths {
        if !(p.is_rectangle() || p.is_straight_line()) {
            continue;
        }
        let b = &p.bbox;
        let (x0, y0, x1, y1) = (b.x, b.y, b.x + b.width, b.y + b.height);
        let horizontal = |at: f32| Rule {
            horizontal: true,
            at,
            a: x0,
            b: x1,
        };
        let vertical = |at: f32| Rule {
            horizontal: false,
            at,
            a: y0,
            b: y1,
        };
        if b.height <= 2.0 && b.width >= 4.0 {
            out.push(horizontal((y0 + y1) / 2.0));
        } else if b.width <= 2.0 && b.height >= 4.0 {
            out.push(vertical((x0 + x1) / 2.0));
        } else if p.is_rectangle() && p.stroke_color.is_some() && p.fill_color.is_none() {
            out.extend([horizontal(y0), horizontal(y1), vertical(x0), vertical(x1)]);
        }
    }
    out
}

/// The text of all pages, running headers and footers left out.
#[cfg(test)]
pub fn layout_pages(pages: &[Vec<Glyph>]) -> String {
    let pages: Vec<(Vec<Glyph>, Vec<Rule>)> =
        pages.iter().map(|p| (p.clone(), Vec::new())).collect();
    layout(&pages)
}

/// The text of all pages: ruled tables as rows of cells, the other lines in
/// reading order, running headers and footers left out.
fn layout(pages: &[Page]) -> String {
    let (tables, pages): (Vec<Vec<Row>>, Vec<Vec<Line>>) = pages
        .iter()
        .map(|(glyphs, rules)| {
            let (rows, outside) = ruled_rows(glyphs, rules);
            (rows, lines(&outside))
        })
        .unzip();
    let running = running_lines(&pages);
    let left = pages
        .iter()
        .flatten()
        .flat_map(|l| l.glyphs.first())
        .map(|g| g.x)
        .fold(f32::INFINITY, f32::min);
    let unit = median(pages.iter().flatten().map(|l| l.size)).unwrap_or(10.0) / 2.0;
    let mut out = String::new();
    for (page, rows) in pages.iter().zip(tables) {
        let mut rows = rows.into_iter().peekable();
        let kept: Vec<Line> = page
            .iter()
            .filter(|l| !running.contains(&line_key(l)))
            .cloned()
            .collect();
        // The line above: its baseline, size, text and whether it stopped
        // short of its region's right margin.
        let mut previous: Option<(f32, f32, String, bool)> = None;
        for region in page_columns::regions(kept) {
            let lines = &region.lines;
            // A column's lines stand at the column's left edge.
            let left = if region.column {
                lines
                    .iter()
                    .flat_map(|l| l.glyphs.first())
                    .map(|g| g.x)
                    .fold(f32::INFINITY, f32::min)
            } else {
                left
            };
            let pitch = median(lines.windows(2).map(|w| w[0].baseline - w[1].baseline));
            let right = lines.iter().map(Line::right).fold(f32::MIN, f32::max);
            for line in lines {
                // The table rows above this line come first.
                if rows.peek().is_some_and(|r| r.top > line.baseline) {
                    out.push('\n');
                    while let Some(row) = rows.next_if(|r| r.top > line.baseline) {
                        out.push_str(&row.text);
                        out.push('\n');
                    }
                    out.push('\n');
                    previous = None;
                }
                let text = render(line, left, unit);
                if let Some((baseline, _, above_text, short)) = &previous {
                    let spaced = pitch.is_some_and(|p| baseline - line.baseline > p * 1.3);
                    // A line of prose that stops short of the margin ends its
                    // paragraph (not so a table row).
                    let prose = !above_text.trim().contains("  ") && !text.trim().contains("  ");
                    if spaced || (prose && *short) {
                        out.push('\n');
                    }
                }
                out.push_str(&text);
                out.push('\n');
                let short = line.right() < right - 2.0 * line.size;
                previous = Some((line.baseline, line.size, text, short));
            }
        }
        if rows.peek().is_some() {
            out.push('\n');
            for row in rows {
                out.push_str(&row.text);
                out.push('\n');
            }
            out.push('\n');
        }
    }
    out
}

/// Groups a page's characters into lines, top to bottom.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut sorted: Vec<Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| !g.c.is_whitespace() && !g.c.is_control())
        .collect();
    sorted.sort_by(|a, b| b.baseline.total_cmp(&a.baseline).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<Line> = Vec::new();
    for g in sorted {
        match out.last_mut() {
            Some(line) if (line.baseline - g.baseline).abs() <= line.size.min(g.size) * 0.4 => {
                line.size = line.size.max(g.size);
                line.glyphs.push(g);
            }
            _ => out.push(Line {
                baseline: g.baseline,
                size: g.size,
                glyphs: vec![g],
            }),
        }
    }
    for line in &mut out {
        line.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out
}

/// A line as text: characters at their columns (one column is half the
/// body font size), so that gaps of two columns or more keep table cells
/// apart; a narrower gap is a space next to a Latin letter or digit, and
/// nothing between Han characters.
fn render(line: &Line, left: f32, unit: f32) -> String {
    let mut text = String::new();
    let mut column = 0usize;
    let mut previous: Option<&Glyph> = None;
    for g in &line.glyphs {
        let at = ((g.x - left) / unit).round().max(0.0) as usize;
        match previous {
            None => text.push_str(&" ".repeat(at)),
            Some(p) => {
                let gap = (g.x - p.right) / unit;
                if gap >= 1.6 {
                    text.push_str(&" ".repeat(at.saturating_sub(column).max(2)));
                } else if gap >= 0.4 && (p.c.is_ascii_alphanumeric() || g.c.is_ascii_alphanumeric())
                {
                    text.push(' ');
                }
            }
        }
        text.push(g.c);
        column = ((g.right - left) / unit).round().max(0.0) as usize;
        previous = Some(g);
    }
    text
}

/// A line's text with digits as `#` (page 3 and page 4 have the same footer).
fn line_key(line: &Line) -> String {
    line.glyphs
        .iter()
        .map(|g| if g.c.is_ascii_digit() { '#' } else { g.c })
        .collect()
}

/// Lines that stand at the top or bottom of several pages (running headers
/// and footers), and page numbers there.
fn running_lines(pages: &[Vec<Line>]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut numbers = Vec::new();
    for page in pages {
        // A page number is the first or last line; a running header or
        // footer may have a second line.
        let ends = page.first().into_iter().chain(page.last());
        numbers.extend(ends.map(line_key).filter(|k| is_page_number(k)));
        let edges = page.iter().take(2).chain(page.iter().rev().take(2));
        let mut keys: Vec<String> = edges.map(line_key).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let mut out: Vec<String> = seen
        .into_iter()
        .filter(|(_, n)| pages.len() >= 2 && *n * 2 > pages.len().max(3))
        .map(|(k, _)| k)
        .collect();
    out.extend(numbers);
    out
}

/// `#`, `- # -`, `— # —`, `第#页`, `#/#`, `第#页 共#页` (digits as #).
fn is_page_number(key: &str) -> bool {
    let rest: String = key
        .chars()
        .filter(|c| !"#-—–－/／第页共 ".contains(*c))
        .collect();
    rest.is_empty() && key.contains('#')
}

fn median(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut v: Vec<f32> = values.filter(|x| x.is_finite() && *x > 0.0).collect();
    v.sort_by(f32::total_cmp);
    v.get(v.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Places `text` on a line: CJK characters 10 points wide, others 5;
    /// a run of spaces moves on by 5 points each.
    fn line(text: &str, x: f32, baseline: f32) -> Vec<Glyph> {
        let mut at = x;
        let mut out = Vec::new();
        for c in text.chars() {
            let w = if c.is_ascii() { 5.0 } else { 10.0 };
            if c != ' ' {
                out.push(Glyph {
                    c,
                    x: at,
                    right: at + w,
                    baseline,
                    size: 10.0,
                });
            }
            at += w;
        }
        out
    }

    fn page(rows: &[(&str, f32)]) -> Vec<Glyph> {
        rows.iter()
            .flat_map(|(text, baseline)| line(text, 50.0, *baseline))
            .collect()
    }

    #[test]
    fn han_lines_are_joined_without_spaces_and_headers_footers_go() {
        let p1 = page(&[
            ("四川自贸试验区工作简报", 800.0),
            ("洛阳片区联合 Bank of China 推出", 700.0),
            ("“保险+服务”模式。", 688.0),
            ("— 1 —", 40.0),
        ]);
        let p2 = page(&[
            ("四川自贸试验区工作简报", 800.0),
            ("第二页正文。", 700.0),
            ("— 2 —", 40.0),
        ]);
        let text = layout_pages(&[p1, p2]);
        assert_eq!(
            text,
            "洛阳片区联合 Bank of China 推出\n“保险+服务”模式。\n第二页正文。\n"
        );
    }

    #[test]
    fn table_columns_keep_their_places_for_the_table_reader() {
        let p = page(&[
            ("序号  成果名称          经验来源", 700.0),
            ("1     “银行+保险”风险   成都片区", 688.0),
            ("      分担机制", 676.0),
        ]);
        let text = layout_pages(&[p]);
        let rows = super::super::tables::normalise(text.lines().map(str::to_owned).collect());
        assert_eq!(rows[1], "1｜“银行+保险”风险分担机制｜成都片区");
    }

    #[test]
    fn a_wide_gap_or_a_short_line_ends_a_paragraph() {
        let p = page(&[
            ("第一段的第一行", 700.0),
            ("第一段。", 688.0),
            ("第二段的第一行", 676.0),
            ("第三段的第一行", 640.0),
        ]);
        assert_eq!(
            layout_pages(&[p]),
            "第一段的第一行\n第一段。\n\n第二段的第一行\n\n第三段的第一行\n"
        );
    }

    #[test]
    fn a_panic_in_the_reader_is_an_error() {
        let caught = quietly(|| -> u8 { panic!("bad font") }).unwrap_err();
        assert_eq!(caught.downcast_ref::<&str>(), Some(&"bad font"));
        assert_eq!(quietly(|| 7).ok(), Some(7));
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        assert!(matches!(
            read(b"%PDF-1.4\n1 0 obj <<"),
            Err(FormatError::Pdf(_))
        ));
        assert!(read(b"").is_err());
    }
}
