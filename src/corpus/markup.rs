//! Plain-text markup that is furniture, not words: quote marks of e-mail
//! replies and Markdown (`> `, `>> `), Markdown heading marks (`## 二、…`),
//! emphasis (`**…**`) and links (`[text](url)` → text). Input: one line;
//! output: the line without them (borrowed when it has none).

use std::borrow::Cow;

/// The line without quote marks, heading marks, emphasis and link targets.
pub fn unmark(line: &str) -> Cow<'_, str> {
    let body = strip_quote_marks(line);
    let body = strip_heading_marks(body);
    if !body.contains("**") && !body.contains("](") && body.len() == line.len() {
        return Cow::Borrowed(line);
    }
    Cow::Owned(strip_links(&body.replace("**", "")))
}

/// `> `, `>> `, `> > ` before an e-mail reply's or a Markdown quote's line.
fn strip_quote_marks(line: &str) -> &str {
    let trimmed = line.trim_start();
    if !trimmed.starts_with('>') {
        return line;
    }
    trimmed.trim_start_matches(['>', ' ', '　'])
}

/// `## 二、…`: one to six # and a space open a Markdown heading (a #话题#
/// of a post has no space after its #).
fn strip_heading_marks(line: &str) -> &str {
    let trimmed = line.trim_start();
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
        trimmed[hashes..].trim_start()
    } else {
        line
    }
}

/// `[text](http…)` → text.
fn strip_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_heading_emphasis_and_link_marks_go() {
        assert_eq!(
            unmark(">> 东疆片区位于天津市滨海新区。"),
            "东疆片区位于天津市滨海新区。"
        );
        assert_eq!(
            unmark("> > 该模式由东疆海关首先推出。"),
            "该模式由东疆海关首先推出。"
        );
        assert_eq!(
            unmark("## 二、第八批改革创新成果"),
            "二、第八批改革创新成果"
        );
        assert_eq!(
            unmark("**武汉片区**位于武汉市，详见[通知原文](http://x.cn/a.html)。"),
            "武汉片区位于武汉市，详见通知原文。"
        );
    }

    #[test]
    fn text_without_markup_is_left_as_it_is() {
        for line in [
            "#自贸试验区#话题阅读量",
            "武汉片区位于武汉市。",
            "[图片]",
            "A > B",
        ] {
            assert!(matches!(unmark(line), Cow::Borrowed(_)), "{line}");
            assert_eq!(unmark(line), line);
        }
    }
}
