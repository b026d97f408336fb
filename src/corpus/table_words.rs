//! What marks a text table and how its rows are written: the column header
//! words of data/rules/tables.tsv (plus 序号), the ｜ between cells, and the
//! page numbers that cut a table (and a paragraph) in two. A leaf the
//! table and block readers share.

use std::sync::LazyLock;

/// Every header word of data/rules/tables.tsv.
pub(super) static HEADER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words = vec!["序号"];
    for line in include_str!("../../data/rules/tables.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((_, list)) = line.split_once('\t') {
            words.extend(list.split('|').map(str::trim).filter(|w| !w.is_empty()));
        }
    }
    words
});

/// Head nouns that end a practice's name (data/rules/words.tsv
/// practice_heads): a wrapped 事项名称 cell is whole when it ends in one.
pub(super) static PRACTICE_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/rules/words.tsv")
        .lines()
        .find_map(|l| l.strip_prefix("practice_heads\t"))
        .map(|list| list.split('|').map(str::trim).collect())
        .unwrap_or_default()
});

/// Cell separator in the rows the table readers write.
pub(super) const SEP: &str = "｜";

pub(super) fn is_header_word(cell: &str) -> bool {
    cell.chars().count() <= 12 && HEADER_WORDS.iter().any(|w| cell.contains(w))
}

pub(super) fn join_row<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    let cells: Vec<&str> = cells.collect();
    cells.join(SEP)
}

/// A line that a wrap cut: it ends in 、 or + or leaves a quote open.
pub(super) fn is_cut(t: &str) -> bool {
    let open =
        t.matches(['“', '《', '（', '(']).count() > t.matches(['”', '》', '）', ')']).count();
    t.ends_with(['、', '，', '+']) || open
}

/// Display width of a character: CJK and full-width forms take two columns.
pub(super) fn width(c: char) -> usize {
    let u = c as u32;
    if u >= 0x2E80 && !(0xFF61..=0xFFDC).contains(&u) {
        2
    } else {
        1
    }
}

/// A page number line left by PDF extraction: "— 3 —", "- 12 -", "第 3 页",
/// "3 / 12", "第 1 页 共 3 页".
pub(super) fn is_page_number(line: &str) -> bool {
    let line = line.trim();
    // 第 1 页 共 3 页: the page count goes with its 共 … 页.
    let line = match line.split_once('共') {
        Some((page, count))
            if count
                .trim()
                .trim_end_matches('页')
                .trim()
                .parse::<u16>()
                .is_ok() =>
        {
            page.trim()
        }
        _ => line,
    };
    let core = line
        .trim_matches(|c: char| "—–-－ 　".contains(c))
        .trim_start_matches('第')
        .trim_end_matches('页')
        .trim();
    let is_number = |d: &str| (1..=3).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit());
    let decorated = line.chars().any(|c| "—–-－第页/／".contains(c));
    !core.is_empty() && core.split(['/', '／']).map(str::trim).all(is_number) && decorated
}
