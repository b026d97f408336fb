//! A whole spreadsheet saved as comma-separated text (a .csv export, or
//! pasted into a .txt): every line is a row padded with commas to the
//! sheet's width, a title or a paragraph sits in one cell
//! (“…编制说明…”,,,,,). Its lines of prose become plain lines, its table
//! rows stay comma-separated for `tables` to read by their header.
//!
//! Input: a document's text. Output: the text as lines, when it is such a
//! sheet.

/// The fewest rows a sheet has, and the share of them at its full width.
const MIN_ROWS: usize = 4;
const FULL_WIDTH_SHARE: f64 = 0.8;

/// The sheet's text as lines: a row with one filled cell is that cell's
/// text, one with two the pair (编制单位：…  编制日期：…), a row with more is
/// a table row, written back as comma-separated values; `None` when the
/// text is not a padded sheet.
pub fn as_text(text: &str) -> Option<String> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if !first.contains(',') {
        return None;
    }
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .ok()?;
    let width = rows.iter().map(csv::StringRecord::len).max()?;
    let full = rows.iter().filter(|r| r.len() == width).count();
    // Padding: rows of the full width whose last cells are empty.
    let padded = rows
        .iter()
        .filter(|r| r.len() == width && r.iter().next_back().is_some_and(str::is_empty))
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .count();
    let is_sheet = width >= 3
        && rows.len() >= MIN_ROWS
        && full as f64 >= FULL_WIDTH_SHARE * rows.len() as f64
        && padded >= 2;
    if !is_sheet {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for row in &rows {
        let filled: Vec<&str> = row
            .iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        match filled.len() {
            0 => {}
            1 | 2 => out.push_str(&filled.join("  ")),
            _ => out.push_str(&table_row(row)),
        }
        out.push('\n');
    }
    Some(out)
}

/// A row written back as comma-separated values, quoted where a cell needs it.
fn table_row(row: &csv::StringRecord) -> String {
    row.iter()
        .map(|cell| {
            let cell = cell.trim().replace(['\n', '\r'], "");
            if cell.contains([',', '"']) {
                format!("\"{}\"", cell.replace('"', "\"\""))
            } else {
                cell
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::as_text;

    #[test]
    fn a_padded_sheet_becomes_prose_lines_and_table_rows() {
        let sheet = "政策汇编目录（2023年版）,,,,\n编制单位：省自贸办,,,,编制日期：2023年12月\n\"目录按发布时间排列，\"\"全域\"\"指三个片区。\",,,,\n,,,,\n序号,政策名称,发文机关,适用范围,发布日期\n1,芜湖片区跨境电商产业发展扶持办法,芜湖市人民政府办公室,芜湖片区,2021-08-30\n2,\"办法,二\",合肥海关,\"合肥片区；芜湖片区\",2023-02-20\n";
        let text = as_text(sheet).expect("a sheet");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "政策汇编目录（2023年版）");
        assert_eq!(lines[1], "编制单位：省自贸办  编制日期：2023年12月");
        assert_eq!(lines[2], "目录按发布时间排列，\"全域\"指三个片区。");
        assert_eq!(lines[3], "");
        assert_eq!(lines[4], "序号,政策名称,发文机关,适用范围,发布日期");
        assert_eq!(
            lines[6],
            "2,\"办法,二\",合肥海关,合肥片区；芜湖片区,2023-02-20"
        );
    }

    #[test]
    fn text_and_unpadded_tables_are_not_sheets() {
        assert_eq!(
            as_text("自贸动态\n\n合肥片区复制推广了“仓内直退”，成效明显。"),
            None
        );
        // A table pasted into prose, no padding: `tables` reads it as it is.
        assert_eq!(
            as_text(
                "序号,改革事项,牵头单位\n1,无感续证,省商务厅\n2,证照联办,省政务办\n3,一键清税,省税务局"
            ),
            None
        );
        // A stray quotation mark is no sheet, and no panic.
        assert_eq!(as_text("a,b,\"c\nd,e"), None);
    }
}
