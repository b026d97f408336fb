//! A JSON export (a policy database's records) read as field lines, the way
//! a compendium prints them: "标题": "…" → 标题：…, one blank line between
//! records, lists of plain values joined with 、.

use serde_json::Value;

/// The text of a JSON document as field lines; `None` when `text` is not
/// JSON.
pub fn as_fields(text: &str) -> Option<String> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if !trimmed.starts_with(['{', '[']) {
        return None;
    }
    let value: Value = serde_json::from_str(trimmed).ok()?;
    let mut out = String::new();
    write(None, &value, &mut out);
    Some(out)
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn write(field: Option<&str>, value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            out.push('\n');
            for (k, v) in map {
                write(Some(k), v, out);
            }
            out.push('\n');
        }
        Value::Array(items) => {
            let plain: Option<Vec<String>> = items.iter().map(scalar).collect();
            match plain {
                Some(values) if field.is_some() => write_line(field, &values.join("、"), out),
                _ => items.iter().for_each(|item| write(None, item, out)),
            }
        }
        Value::Null => {}
        _ => {
            if let Some(text) = scalar(value) {
                write_line(field, &text, out);
            }
        }
    }
}

fn write_line(field: Option<&str>, text: &str, out: &mut String) {
    if text.is_empty() {
        return;
    }
    if let Some(field) = field {
        out.push_str(field);
        out.push('：');
    }
    out.push_str(text);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::as_fields;

    #[test]
    fn records_become_field_lines_in_their_order() {
        let text = r#"{"数据源": "政策法规库", "records": [
            {"标题": "关于推行“一码通办”的实施办法", "发文机关": "洋浦经济开发区管理委员会", "序号": 1},
            {"标题": "管理办法（试行）", "适用范围": ["海口江东新区", "三亚崖州湾科技城"]}]}"#;
        assert_eq!(
            as_fields(text).expect("JSON"),
            "\n数据源：政策法规库\n\n标题：关于推行“一码通办”的实施办法\n发文机关：洋浦经济开发区管理委员会\n序号：1\n\n\n标题：管理办法（试行）\n适用范围：海口江东新区、三亚崖州湾科技城\n\n\n"
        );
        assert_eq!(as_fields("{ 这不是 JSON"), None);
        assert_eq!(as_fields("标题：不是 JSON"), None);
    }
}
