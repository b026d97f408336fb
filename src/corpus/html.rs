//! Saved web pages (.html): the encoding from a BOM, `<meta charset>` or the
//! bytes themselves (GBK pages are common); the article from WeChat's
//! `#js_content` or a government CMS's content container, else the innermost
//! element that holds most of the reading text; its title from `<h1>` or `<title>`; its
//! 发布时间 and 来源 (WeChat: account and publish time) as a line under the
//! title. Navigation, scripts, lists of links and footers are dropped;
//! `<table>`s become typed tables.
//!
//! Input: the file's bytes. Output: `Piece`s.

use super::format::{Piece, table_of};
use encoding_rs::Encoding;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Containers of the article body, most specific first: WeChat, then the
/// common government CMSs (TRS, 博思/Ucap, 政府网站集约化 templates).
const CONTENT_SELECTORS: &[&str] = &[
    "#js_content",
    ".TRS_Editor",
    "#UCAP-CONTENT",
    "#zoom",
    "#Zoom",
    ".pages_content",
    ".article-content",
    ".article_content",
    "#article-content",
    ".news_content",
    ".content_text",
    "article",
    "#content",
    ".content",
];

/// Elements whose text is never the article.
const CHROME: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
    "button", "svg", "template",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "center",
];

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]*charset\s*=\s*["']?\s*([a-z0-9_\-]+)"#).expect("charset pattern")
});
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:发布时间|发布日期|时间)\s*[：:]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)")
        .expect("published pattern")
});
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"来源\s*[：:]\s*([^\s|｜　]{2,30})").expect("source pattern"));

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// Reads a web page.
pub fn read(bytes: &[u8]) -> Vec<Piece> {
    let page = Html::parse_document(&decode(bytes));
    let main = main_element(&page);
    let mut pieces = Vec::new();
    if let Some(title) = title(&page, main) {
        pieces.push(Piece::Text(format!("{title}\n\n")));
    }
    if let Some(line) = byline(&page) {
        pieces.push(Piece::Text(format!("{line}\n\n")));
    }
    let mut text = String::new();
    if let Some(main) = main {
        walk(main, &mut text, &mut pieces);
    }
    flush(&mut text, &mut pieces);
    pieces
}

/// The page as text: BOM first, then `<meta charset>`, then UTF-8 if the
/// bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312).
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let declared = META_CHARSET
        .captures(&head)
        .and_then(|c| Encoding::for_label(c[1].as_bytes()));
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            encoding.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => encoding_rs::GB18030
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    }
}

fn han_count(text: &str) -> usize {
    text.chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count()
}

/// The element that holds the article: a known container with text in
/// it, else the innermost element that still holds most of the page's
/// reading text (a 政策文件库 page: the list of documents and the full text
/// of one, side by side).
fn main_element(page: &Html) -> Option<ElementRef<'_>> {
    for css in CONTENT_SELECTORS {
        let found = page
            .select(&selector(css))
            .find(|e| han_count(&e.text().collect::<String>()) >= 30);
        if found.is_some() {
            return found;
        }
    }
    let mut current = page.select(&selector("body")).next()?;
    let mut held = reading_text(current);
    loop {
        let largest = current
            .child_elements()
            .map(|child| (child, reading_text(child)))
            .max_by_key(|&(_, n)| n);
        match largest {
            Some((child, n)) if n * 10 >= held * 8 => {
                current = child;
                held = n;
            }
            _ => break,
        }
    }
    (held >= 30).then_some(current)
}

/// The Han characters of an element that a reader reads: not in chrome, not
/// in lists of links (navigation, related articles), not hidden.
fn reading_text(element: ElementRef<'_>) -> usize {
    element
        .children()
        .map(|child| match child.value() {
            Node::Text(t) => han_count(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    return 0;
                };
                if CHROME.contains(&e.name()) || is_link_list(child) || is_hidden(child) {
                    0
                } else {
                    reading_text(child)
                }
            }
            _ => 0,
        })
        .sum()
}

/// `<h1>` (in the article, else on the page; WeChat's #activity-name),
/// else `<title>` without the site name after it.
fn title(page: &Html, main: Option<ElementRef<'_>>) -> Option<String> {
    let clean = |e: ElementRef<'_>| collapse(&e.text().collect::<String>());
    let heading = page
        .select(&selector("#activity-name, h1"))
        .map(clean)
        .find(|t| han_count(t) >= 4);
    let in_main = main.is_some_and(|m| {
        heading
            .as_ref()
            .is_some_and(|h| collapse(&m.text().collect::<String>()).starts_with(h.as_str()))
    });
    if in_main {
        // The article repeats its own title; walking it will give it.
        return None;
    }
    heading.or_else(|| {
        let t = page.select(&selector("title")).next().map(clean)?;
        let cut = t.split([' ', '_', '|', '｜']).next().unwrap_or(&t).trim();
        let cut = cut.split(" - ").next().unwrap_or(cut);
        (!cut.is_empty()).then(|| cut.to_owned())
    })
}

/// 发布时间：… 来源：… of a CMS page, or a WeChat account and time.
fn byline(page: &Html) -> Option<String> {
    let first = |css: &str| {
        page.select(&selector(css))
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    if let Some(account) = first("#js_name") {
        let time = first("#publish_time").unwrap_or_default();
        return Some(format!("{account} {time}").trim().to_owned());
    }
    let body: String = page
        .select(&selector("body"))
        .flat_map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ");
    let date = PUBLISHED.captures(&body).map(|c| c[1].to_owned());
    let source = SOURCE.captures(&body).map(|c| c[1].to_owned());
    match (date, source) {
        (None, None) => None,
        (date, source) => Some(
            [
                date.map(|d| format!("发布时间：{d}")),
                source.map(|s| format!("来源：{s}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("　"),
        ),
    }
}

/// Whitespace runs as one space; ideographic spaces stay.
fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() && c != '\u{3000}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Collects the text of an element: block elements end lines, tables
/// become pieces, chrome and lists of links are left out.
fn walk(element: ElementRef<'_>, text: &mut String, pieces: &mut Vec<Piece>) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(&t.replace(['\n', '\r', '\t'], " ")),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let name = e.name();
                if CHROME.contains(&name) || is_link_list(child) || is_hidden(child) {
                    continue;
                }
                match name {
                    "br" => text.push('\n'),
                    "table" => table(child, text, pieces),
                    _ if BLOCKS.contains(&name) || name == "ul" || name == "ol" => {
                        text.push('\n');
                        walk(child, text, pieces);
                        text.push('\n');
                    }
                    _ => walk(child, text, pieces),
                }
            }
            _ => {}
        }
    }
}

/// Ends the text gathered so far as a piece: one line per paragraph, blank
/// lines between.
fn flush(text: &mut String, pieces: &mut Vec<Piece>) {
    let lines: Vec<String> = text
        .lines()
        .map(|l| collapse(l).trim_matches([' ', '\u{3000}']).to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        pieces.push(Piece::Text(lines.join("\n\n") + "\n"));
    }
    text.clear();
}

/// A table of data becomes a typed table; a table that lays out the page
/// (a nested table, or a cell of long prose) is read as text.
fn table(element: ElementRef<'_>, text: &mut String, pieces: &mut Vec<Piece>) {
    let rows: Vec<ElementRef<'_>> = element
        .select(&selector("tr"))
        .filter(|r| {
            r.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "table")
                .is_some_and(|t| t.id() == element.id())
        })
        .collect();
    let layout = element.select(&selector("table")).count() > 0
        || rows.iter().flat_map(|r| r.child_elements()).any(|cell| {
            cell.text()
                .map(str::chars)
                .map(Iterator::count)
                .sum::<usize>()
                > 300
        });
    if layout {
        text.push('\n');
        walk(element, text, pieces);
        text.push('\n');
        return;
    }
    // A cell with rowspan (a 发布机构 written once for two documents)
    // stands in each row it spans, at its column.
    let mut spanning: Vec<(usize, usize, String)> = Vec::new();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut row: Vec<String> = Vec::new();
            let carry = |row: &mut Vec<String>, spanning: &mut Vec<(usize, usize, String)>| {
                while let Some(at) = spanning.iter().position(|(col, _, _)| *col == row.len()) {
                    let (_, left, text) = &mut spanning[at];
                    row.push(text.clone());
                    *left -= 1;
                    if *left == 0 {
                        spanning.remove(at);
                    }
                }
            };
            for cell in r
                .child_elements()
                .filter(|c| matches!(c.value().name(), "td" | "th"))
            {
                carry(&mut row, &mut spanning);
                let text = collapse(&cell.text().collect::<String>()).replace(' ', "");
                let span = |name: &str| -> usize {
                    cell.value()
                        .attr(name)
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64)
                };
                if span("rowspan") > 1 {
                    spanning.push((row.len(), span("rowspan") - 1, text.clone()));
                }
                row.push(text);
                row.extend(std::iter::repeat_n(String::new(), span("colspan") - 1));
            }
            carry(&mut row, &mut spanning);
            row
        })
        .collect();
    if let Some(table) = table_of(cells) {
        flush(text, pieces);
        pieces.push(Piece::Table(table));
    }
}

/// A list whose text is nearly all links: related articles, navigation.
fn is_link_list(element: ElementRef<'_>) -> bool {
    if !matches!(element.value().name(), "ul" | "ol" | "div") {
        return false;
    }
    let all = han_count(&element.text().collect::<String>());
    let linked: usize = element
        .select(&selector("a"))
        .map(|a| han_count(&a.text().collect::<String>()))
        .sum();
    match element.value().name() {
        "div" => all > 0 && linked == all && all < 200,
        _ => all > 0 && linked * 10 >= all * 8,
    }
}

fn is_hidden(element: ElementRef<'_>) -> bool {
    element
        .value()
        .attr("style")
        .is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Table(t) => format!("[table {}x{}]\n", t.rows.len(), t.header.len()),
            })
            .collect()
    }

    #[test]
    fn gbk_cms_page_gives_title_byline_and_body_without_chrome() {
        let html = r#"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>洛阳片区深化制度创新_河南省商务厅</title><script>var a="片区";</script></head>
<body><div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zx">政务公开</a></li></ul></div>
<div class="info">发布时间：2024-07-02 10:15　来源：河南省商务厅</div>
<div class="TRS_Editor"><p>　　洛阳片区推出“保险+服务”模式，理赔周期缩短至15天。</p>
<p>　　该模式已在郑州片区复制推广。</p>
<table><tr><td>序号</td><td>改革事项</td><td>推广范围</td></tr><tr><td>1</td><td>证照联办</td><td>全省</td></tr></table></div>
<ul class="related"><li><a href="/1">郑州片区上线平台</a></li></ul>
<div class="footer">版权所有：河南省商务厅</div></body></html>"#;
        let (gbk, _, _) = encoding_rs::GBK.encode(html);
        let pieces = read(&gbk);
        assert_eq!(
            texts(&pieces),
            "洛阳片区深化制度创新\n\n发布时间：2024-07-02 10:15　来源：河南省商务厅\n\n\
             洛阳片区推出“保险+服务”模式，理赔周期缩短至15天。\n\n该模式已在郑州片区复制推广。\n\
             [table 1x3]\n"
        );
    }

    #[test]
    fn wechat_article_from_js_content() {
        let html = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>
<h1 class="rich_media_title" id="activity-name">江苏自贸试验区秋季“成绩单”来了</h1>
<a id="js_name">江苏自贸区</a><em id="publish_time">2024-10-08 18:30</em>
<div id="js_content" style="visibility: hidden;"><section><p>南京片区推出<strong>弹性年期</strong>供地模式。</p>
<p style="display: none">隐藏</p><p>苏州片区首创白名单模式，已复制推广至南京片区。</p></section></div>
<div id="js_pc_qr_code">微信扫一扫关注该公众号</div></body></html>"#;
        assert_eq!(
            texts(&read(html.as_bytes())),
            "江苏自贸试验区秋季“成绩单”来了\n\n江苏自贸区 2024-10-08 18:30\n\n\
             南京片区推出弹性年期供地模式。\n\n苏州片区首创白名单模式，已复制推广至南京片区。\n"
        );
    }

    #[test]
    fn page_without_a_known_container_keeps_the_document_list_and_the_full_text() {
        let html = r#"<html><body><ul class="nav"><li><a href="/">首页</a></li><li><a href="/z">政策文件库</a></li></ul>
<div class="wrap"><div class="list"><table><tr><th>序号</th><th>标题</th><th>发布机构</th></tr>
<tr><td>1</td><td><a href="/1">长沙片区跨境贸易便利化十条措施</a></td><td rowspan="2">湖南省商务厅</td></tr>
<tr><td>2</td><td><a href="/2">岳阳片区航运物流若干政策</a></td></tr></table></div>
<div class="detail"><div class="part"><p>各片区管理委员会：现将措施印发给你们。</p></div>
<div class="part"><p>第一条 本措施适用于长沙片区、岳阳片区和郴州片区的企业。</p>
<p>第二条 在岳阳片区推开诉调仲衔接做法。</p></div></div></div>
<div class="footer">主办：湖南省商务厅</div></body></html>"#;
        let pieces = read(html.as_bytes());
        let Some(Piece::Table(table)) = pieces.iter().find(|p| matches!(p, Piece::Table(_))) else {
            panic!("no table in {pieces:?}");
        };
        // The issuer written once for two rows stands in both.
        assert_eq!(
            table.rows[1],
            ["2", "岳阳片区航运物流若干政策", "湖南省商务厅"]
        );
        let text = texts(&pieces);
        assert!(text.contains("现将措施印发给你们") && text.contains("第二条 在岳阳片区推开"));
        assert!(!text.contains("首页") && !text.contains("主办"), "{text}");
    }
}
