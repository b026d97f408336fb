//! What marks a text table and how its rows are written: the column header
//! words of data/rules/tables.tsv (plus 序号) and the ｜ between cells. A
//! leaf the table readers share.

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
