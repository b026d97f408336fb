//! Spans a sentence's punctuation marks out: quoted names (“…”, 「…」,
//! ‘…’ inside quoted speech) and the characters that end a name. A leaf:
//! the name rules build on it.

use super::MAX_QUOTED;

/// A quoted span: byte range of the quotes and the text inside.
#[derive(Clone, Debug)]
pub(super) struct Quote {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) inner: String,
}

/// Quoted spans, with “A”+“B”+“C” merged into one.
pub(super) fn quotes(text: &str) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(['“', '「']) {
        let start = from + open;
        let opener = text[start..].chars().next().expect("quote");
        let closer = if opener == '“' { '”' } else { '」' };
        let body_start = start + opener.len_utf8();
        // Nested ‘’ are allowed inside; the first closer ends the quote.
        let Some(close) = text[body_start..].find(closer) else {
            break;
        };
        let end = body_start + close + closer.len_utf8();
        let inner = text[body_start..body_start + close].to_owned();
        // “这个‘运贸一单制’啊，是我们片区首创的”: a quoted speech names
        // things in ‘’; those are the quotes, not the speech.
        if inner.chars().count() > MAX_QUOTED && inner.contains('‘') {
            out.extend(single_quotes(text, body_start, body_start + close));
            from = end;
            continue;
        }
        match out.last_mut() {
            Some(prev) if text[prev.end..start] == *"+" => {
                prev.inner = format!("{}+{}", prev.inner, inner);
                prev.end = end;
            }
            _ => out.push(Quote { start, end, inner }),
        }
        from = end;
    }
    out
}

/// The ‘…’ quotes between `start` and `end` of `text`.
fn single_quotes(text: &str, start: usize, end: usize) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut from = start;
    while let Some(open) = text[from..end].find('‘') {
        let q_start = from + open;
        let body = q_start + '‘'.len_utf8();
        let Some(close) = text[body..end].find('’') else {
            break;
        };
        let q_end = body + close + '’'.len_utf8();
        out.push(Quote {
            start: q_start,
            end: q_end,
            inner: text[body..body + close].to_owned(),
        });
        from = q_end;
    }
    out
}

/// Groups of quotes that follow each other (“A”“B”、“C”).
pub(super) fn quote_groups(text: &str, quotes: &[Quote]) -> Vec<Vec<Quote>> {
    let mut groups: Vec<Vec<Quote>> = Vec::new();
    for q in quotes {
        match groups.last_mut() {
            Some(g) if matches!(&text[g.last().expect("group").end..q.start], "" | "、") => {
                g.push(q.clone())
            }
            _ => groups.push(vec![q.clone()]),
        }
    }
    groups
}

pub(super) fn is_boundary_char(c: char) -> bool {
    // Box-drawing lines (│, ┃, ─) frame a boxed case in a PDF's text.
    "，,。；;：:！？!?、（）()“”「」《》【】［］[]〔〕‹›«»—\n◆◇●○■□★☆▲△▶►•※．|｜@".contains(c)
        || ('\u{2500}'..='\u{257F}').contains(&c)
}
