//! Tables exported as comma-separated values (a spreadsheet 台账 pasted
//! into a notice or saved as .csv), read with the `csv` crate: quoted cells
//! may hold commas, "" and line breaks. Input: the lines of a document at a
//! header line; output: ｜-separated rows, as `tables` writes every table.

use super::table_words::{is_header_word, join_row};

/// Header of a comma-separated table: three or more short cells, two of
/// them known column headers.
pub(super) fn header(line: &str) -> Option<Vec<String>> {
    if line.matches(',').count() < 2 {
        return None;
    }
    let record = reader(line).records().next()?.ok()?;
    let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
    let known = cells.iter().filter(|c| is_header_word(c)).count();
    let short = cells.iter().all(|c| c.chars().count() <= 12);
    (cells.len() >= 3 && known >= 2 && short).then_some(cells)
}

/// Writes the header and every record after it that has as many cells;
/// returns the index of the first line after the table.
pub(super) fn table(
    lines: &[String],
    from: usize,
    header: &[String],
    out: &mut Vec<String>,
) -> usize {
    out.push(join_row(header.iter().map(String::as_str)));
    let rest = &lines[from.min(lines.len())..];
    let text = rest.join("\n");
    let mut records = reader(&text);
    let mut record = csv::StringRecord::new();
    let mut consumed = 0;
    while let Ok(true) = records.read_record(&mut record) {
        if record.len() != header.len() {
            break;
        }
        // A line break inside a quoted cell is a wrap, not text.
        let cells: Vec<String> = record
            .iter()
            .map(|c| c.replace(['\n', '\r'], "").trim().to_owned())
            .collect();
        out.push(join_row(cells.iter().map(String::as_str)));
        let position = records.position();
        consumed = if position.byte() as usize >= text.len() {
            rest.len()
        } else {
            // The line the next record starts on (1-based).
            position.line() as usize - 1
        };
    }
    out.push(String::new());
    from + consumed
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn records_end_at_a_line_of_another_width() {
        let l = lines(
            "序号,改革事项,牵头单位\n1,无感续证,\"省商务厅,省市场监管局\"\n2,证照联办,省政务办\n以上为全部事项。\n后文",
        );
        let header = header(&l[0]).unwrap();
        let mut out = Vec::new();
        let next = table(&l, 1, &header, &mut out);
        assert_eq!(next, 3);
        assert_eq!(out[1], "1｜无感续证｜省商务厅,省市场监管局");
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn a_table_at_the_end_takes_every_line() {
        let l = lines("序号,改革事项,牵头单位\n1,无感续证,省商务厅");
        let mut out = Vec::new();
        assert_eq!(table(&l, 1, &header(&l[0]).unwrap(), &mut out), 2);
        assert!(header("我们认为，这一做法，值得推广").is_none());
    }
}
