//! Blocks to a `Document`: the issue header (title, number, publisher,
//! date), sections, articles, sub-headings, paragraphs and sentences; a
//! government notice (文号, title, 主送, body, annex tables) becomes one
//! article; any other text is one article titled by its first line.

use super::blocks::{Block, is_table_row};
use super::header::parse_header;
use super::headings::HeadingKind;
use super::sentences::split_sentences;
use crate::model::{Article, Document, Issue, Paragraph, Table};
use regex::Regex;
use std::sync::LazyLock;

static DOCUMENT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
        .expect("文号 pattern")
});
/// Parses decoded text into a document. `source` names the file.
pub fn parse(source: &str, blocks: Vec<Block>) -> Document {
    let header = parse_header(&blocks);
    let (issue, body_start) = match header {
        Some((issue, end)) => (Some(issue), end),
        None => (None, 0),
    };
    let body = &blocks[body_start..];
    let mut articles = if issue.is_some() {
        newsletter_articles(body)
    } else if let Some(notice) = notice_article(body) {
        vec![notice]
    } else {
        plain_article(body).into_iter().collect()
    };
    let id_base = match &issue {
        Some(issue) => issue_id(issue),
        None => format!("doc-{}", short_hash(&document_fingerprint(body))),
    };
    for (i, article) in articles.iter_mut().enumerate() {
        article.position = i + 1;
        article.id = format!("{id_base}-{:02}", i + 1);
    }
    Document {
        source: source.to_owned(),
        issue,
        articles,
    }
}

/// Stable id of an issue: its number (or year-number) and a hash of its key.
pub fn issue_id(issue: &Issue) -> String {
    let number = match (issue.year, issue.number) {
        (Some(y), Some(n)) => format!("{y}-{n}"),
        (None, Some(n)) => n.to_string(),
        _ => "issue".to_owned(),
    };
    format!("{number}-{}", short_hash(&issue.key()))
}

/// FNV-1a, 64 bits: stable across runs and versions (unlike `DefaultHasher`).
fn short_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", (h >> 32) ^ (h & 0xffff_ffff))
}

fn document_fingerprint(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sections and articles of a newsletter body.
fn newsletter_articles(blocks: &[Block]) -> Vec<Article> {
    let marked = blocks
        .iter()
        .any(|b| matches!(b.heading, Some(HeadingKind::Article(_))));
    let mut articles: Vec<Article> = Vec::new();
    let mut section: Option<(usize, String)> = None;
    let mut section_count = 0;
    for (i, block) in blocks.iter().enumerate() {
        if is_contents_line(&block.text) {
            continue;
        }
        let title = match &block.heading {
            // 一、济南片区…破解融资难题 followed by its text: without (一)
            // markers, such a heading is an article's title.
            Some(HeadingKind::Section(name)) if !marked && heads_body(blocks, i) => {
                // Headings without text before it were contents, not sections.
                section = None;
                Some(name.clone())
            }
            Some(HeadingKind::Section(name)) => {
                section_count += 1;
                section = Some((section_count, name.clone()));
                continue;
            }
            Some(HeadingKind::Article(title)) => Some(title.clone()),
            None if !marked && is_title_line(blocks, i) => Some(block.text.clone()),
            _ => None,
        };
        match title {
            Some(title) => articles.push(Article {
                title,
                section: section.as_ref().map(|s| s.1.clone()),
                section_index: section.as_ref().map(|s| s.0),
                ..Article::default()
            }),
            None => {
                if articles.is_empty() {
                    // Text before any title: an untitled article.
                    articles.push(Article {
                        title: first_words(&block.text),
                        section: section.as_ref().map(|s| s.1.clone()),
                        section_index: section.as_ref().map(|s| s.0),
                        ..Article::default()
                    });
                }
                let article = articles.last_mut().expect("an article exists");
                add_block(article, block);
            }
        }
    }
    articles.retain(|a| !a.paragraphs.is_empty() || !a.title.is_empty());
    articles
}

/// 目录 / 目　录: the table of contents heading (its entries are headings
/// without text, so they make no articles).
fn is_contents_line(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t == "目录" || t == "目次"
}

/// Whether the heading at `i` is followed by body text (a paragraph with a
/// sentence in it) rather than by another heading.
fn heads_body(blocks: &[Block], i: usize) -> bool {
    blocks
        .get(i + 1)
        .is_some_and(|b| b.heading.is_none() && b.text.contains(['。', '！', '？', '；']))
}

/// An unmarked title: a short line with no sentence, followed by body text.
fn is_title_line(blocks: &[Block], i: usize) -> bool {
    let text = &blocks[i].text;
    let n = text.chars().count();
    let next_is_body = blocks.get(i + 1).is_some_and(|b| {
        b.heading.is_none() || matches!(b.heading, Some(HeadingKind::SubHeading(_)))
    });
    // 发文单位：…, 适用范围：… one under the other: a record's fields, not
    // titles (福建平潭：两岸检验检测结果互认 above its text is one).
    let field = |j: Option<usize>| {
        j.and_then(|j| blocks.get(j))
            .is_some_and(|b| is_field_line(&b.text))
    };
    let in_record = is_field_line(text) && (field(i.checked_sub(1)) || field(Some(i + 1)));
    (4..=48).contains(&n)
        && !text.contains(['。', '；'])
        && !text.ends_with(['！', '？'])
        && !text.ends_with(['：', ':'])
        && !is_table_row(text)
        && !in_record
        && next_is_body
}

/// A field line: a label of two to six Chinese characters, a colon and a
/// value (发文单位：南沙片区管委会).
fn is_field_line(text: &str) -> bool {
    text.split_once(['：', ':']).is_some_and(|(label, value)| {
        let n = label.chars().count();
        (2..=6).contains(&n)
            && label
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !value.trim().is_empty()
    })
}

/// Adds a block to an article as a paragraph (or a sub-heading).
fn add_block(article: &mut Article, block: &Block) {
    match &block.heading {
        Some(HeadingKind::SubHeading(h)) | Some(HeadingKind::Annex(h)) => {
            let heading = match &block.heading {
                Some(HeadingKind::Annex(_)) if h.is_empty() => "附件".to_owned(),
                // Marked, so that extraction can tell an annex's title
                // (read with its table) from a sub-heading (read as text).
                Some(HeadingKind::Annex(_)) => format!("附件：{h}"),
                _ => h.clone(),
            };
            article.paragraphs.push(Paragraph {
                heading: Some(heading),
                ..Paragraph::default()
            });
        }
        _ => {
            let (sentences, table) = match &block.table {
                Some(table) => (
                    table.all_rows().map(Table::row_text).collect(),
                    Some(table.clone()),
                ),
                None if is_table_row(&block.text) => {
                    if let Some(p) = article.paragraphs.last_mut()
                        && let Some(table) = &mut p.table
                    {
                        // The next row of a table written as text.
                        table.rows.push(row_cells(&block.text));
                        p.sentences.push(block.text.clone());
                        return;
                    }
                    let header = row_cells(&block.text);
                    (
                        vec![block.text.clone()],
                        Some(Table {
                            header,
                            rows: Vec::new(),
                        }),
                    )
                }
                None => (split_sentences(&block.text), None),
            };
            match article.paragraphs.last_mut() {
                // The first paragraph under a sub-heading joins it.
                Some(p) if p.heading.is_some() && p.sentences.is_empty() => {
                    p.sentences = sentences;
                    p.table = table;
                }
                _ => article.paragraphs.push(Paragraph {
                    heading: article.paragraphs.last().and_then(|p| p.heading.clone()),
                    sentences,
                    table,
                }),
            }
        }
    }
}

/// Cells of a table row written as text, with ｜ or | between them.
fn row_cells(row: &str) -> Vec<String> {
    row.split(['｜', '|'])
        .map(|c| c.trim().to_owned())
        .collect()
}

/// A government notice: a 文号 near the top and a 关于…的通知 style title.
fn notice_article(blocks: &[Block]) -> Option<Article> {
    let top = &blocks[..blocks.len().min(6)];
    let number_at = top.iter().position(|b| {
        // 文    号：… in a record of a compendium numbers that record.
        DOCUMENT_NUMBER.is_match(&b.text)
            && b.text.chars().count() <= 40
            && !super::blocks::is_field_line(&b.text)
    })?;
    let document_number = DOCUMENT_NUMBER
        .find(&blocks[number_at].text)
        .map(|m| m.as_str().replace(' ', ""));
    // Posted online, the title often stands above the 文号.
    let title_above = (0..number_at)
        .rev()
        .find(|&i| is_notice_title(&blocks[i].text));
    let title_at = match title_above {
        Some(i) => i,
        None => (number_at + 1..blocks.len().min(number_at + 4))
            .find(|&i| blocks[i].text.chars().count() <= 80 && !blocks[i].text.ends_with('。'))?,
    };
    let mut title = blocks[title_at].text.clone();
    let mut next = if title_above.is_some() {
        number_at + 1
    } else {
        title_at + 1
    };
    // Titles wrapped over two lines: the second line ends the title.
    while next < blocks.len()
        && !ends_with_recipient_colon(&blocks[next].text)
        && blocks[next].text.chars().count() <= 30
        && !blocks[next].text.contains('。')
        && blocks[next].heading.is_none()
        && !title.ends_with(['知', '见', '案', '法', '定', '复', '告', '函', '则'])
    {
        title.push_str(&blocks[next].text);
        next += 1;
    }
    let issuer = match title_above {
        // 四川省人民政府关于…的通知: the issuer opens the title.
        Some(_) => title
            .split_once("关于")
            .map(|(who, _)| who.trim().to_owned())
            .filter(|who| (2..=30).contains(&who.chars().count())),
        None => blocks[..number_at]
            .iter()
            .rev()
            .map(|b| b.text.trim())
            .find(|t| (2..=30).contains(&t.chars().count()) && !t.contains(['。', '，']))
            .map(|t| t.trim_end_matches("文件").trim().to_owned()),
    };
    let mut article = Article {
        title,
        document_number,
        issuer,
        ..Article::default()
    };
    if let Some(b) = blocks
        .get(next)
        .filter(|b| ends_with_recipient_colon(&b.text))
    {
        article.addressees = Some(b.text.trim_end_matches(['：', ':']).to_owned());
        next += 1;
    }
    for block in &blocks[next..] {
        add_block(&mut article, block);
    }
    Some(article)
}

/// 四川省人民政府关于复制推广…的通知: a short line with 关于, ending like a
/// document title.
fn is_notice_title(text: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "通知", "意见", "方案", "决定", "办法", "批复", "通告", "公告", "函",
    ];
    text.chars().count() <= 80
        && text.contains("关于")
        && !text.contains(['。', '；'])
        && ENDINGS.iter().any(|e| text.ends_with(e))
}

fn ends_with_recipient_colon(text: &str) -> bool {
    text.ends_with(['：', ':']) && text.chars().count() <= 120 && !text.contains('。')
}

/// Any other text: one article titled by its first line.
fn plain_article(blocks: &[Block]) -> Option<Article> {
    let (first, rest) = blocks.split_first()?;
    let mut article = Article {
        title: match &first.heading {
            Some(HeadingKind::Article(t) | HeadingKind::Section(t)) => t.clone(),
            _ => first.text.clone(),
        },
        ..Article::default()
    };
    // A first line that is a whole paragraph is also body text.
    if first.text.contains('。') && first.heading.is_none() {
        article.title = first_words(&first.text);
        add_block(&mut article, first);
    } else if first.table.is_some() || is_table_row(&first.text) {
        // A table from the first line (a .csv export): its header row
        // titles the article and still heads the table.
        add_block(&mut article, first);
    }
    for block in rest {
        add_block(&mut article, block);
    }
    Some(article)
}

/// The first clause of a paragraph, as a stand-in title.
fn first_words(text: &str) -> String {
    let clause: String = text
        .split(['。', '，', '；', '！', '？'])
        .next()
        .unwrap_or(text)
        .chars()
        .take(40)
        .collect();
    clause
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::blocks::blocks;
    use crate::model::Date;

    fn doc(text: &str) -> Document {
        parse("test.txt", blocks(text))
    }

    #[test]
    fn newsletter_header_sections_and_articles() {
        let d = doc(
            "自贸动态\n\n第 245 期\n\n主办：省自贸办\n\n2024 年 10 月 15 日\n\n一、龙江板块\n\n（一）标题一\n\n正文。\n\n（二）标题二\n\n正文二。\n\n二、制度创新\n\n（三）标题三\n\n正文三。",
        );
        let issue = d.issue.unwrap();
        assert_eq!(issue.title, "自贸动态");
        assert_eq!(issue.number, Some(245));
        assert_eq!(issue.publisher.as_deref(), Some("省自贸办"));
        assert_eq!(issue.date.map(Date::to_xsd).as_deref(), Some("2024-10-15"));
        let titles: Vec<_> = d
            .articles
            .iter()
            .map(|a| (a.title.as_str(), a.section.as_deref()))
            .collect();
        assert_eq!(
            titles,
            vec![
                ("标题一", Some("龙江板块")),
                ("标题二", Some("龙江板块")),
                ("标题三", Some("制度创新"))
            ]
        );
        assert_eq!(d.articles[2].position, 3);
    }

    #[test]
    fn other_publishers_numbering_and_unmarked_titles() {
        let d = doc(
            "自贸简报 第 58 期\n江苏省自贸办编  2025年3月\n【改革创新】\n南京片区推出跨境服务新模式\n南京片区近日推出新模式。效果明显。\n苏州片区上线新平台\n苏州片区上线运营平台。",
        );
        let issue = d.issue.unwrap();
        assert_eq!((issue.title.as_str(), issue.number), ("自贸简报", Some(58)));
        assert_eq!(issue.publisher.as_deref(), Some("江苏省自贸办"));
        assert_eq!(
            issue.date,
            Some(Date {
                year: 2025,
                month: Some(3),
                day: None
            })
        );
        assert_eq!(d.articles.len(), 2);
        assert_eq!(d.articles[1].title, "苏州片区上线新平台");
        assert_eq!(d.articles[0].section.as_deref(), Some("改革创新"));

        let yearly = doc("自贸快报\n2026年第1期\n2026-01-05\n（一）标题\n正文。");
        let issue = yearly.issue.unwrap();
        assert_eq!((issue.year, issue.number), (Some(2026), Some(1)));
        assert_eq!(issue.date.map(Date::to_xsd).as_deref(), Some("2026-01-05"));
    }

    #[test]
    fn government_notice_with_annex_table() {
        let d = doc(
            "江苏省自由贸易试验区工作办公室\n苏自贸办发〔2025〕9号\n关于复制推广第五批改革试点经验的通知\n各片区管委会，省各有关部门：\n现将有关事项通知如下。\n附件：改革试点经验清单\n序号｜改革事项｜主要内容｜经验来源｜推广范围\n1｜无感续证｜到期自动续证｜哈尔滨片区｜全省各片区",
        );
        assert!(d.issue.is_none());
        let a = &d.articles[0];
        assert_eq!(a.document_number.as_deref(), Some("苏自贸办发〔2025〕9号"));
        assert_eq!(a.title, "关于复制推广第五批改革试点经验的通知");
        assert_eq!(a.addressees.as_deref(), Some("各片区管委会，省各有关部门"));
        assert_eq!(a.issuer.as_deref(), Some("江苏省自由贸易试验区工作办公室"));
        let rows: Vec<_> = a.sentences().filter(|s| is_table_row(s)).collect();
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn numbered_titles_with_text_are_articles_and_contents_are_skipped() {
        let d = doc(
            "工作简报\n第 12 期\n山东省商务厅编 2024 年 9 月 10 日\n目　录\n一、济南片区破解融资难题\n二、青岛片区首创协同监管\n一、济南片区破解融资难题\n济南片区首创信易贷模式。\n二、青岛片区首创协同监管\n青岛片区上线平台。",
        );
        let titles: Vec<&str> = d.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, vec!["济南片区破解融资难题", "青岛片区首创协同监管"]);
        assert!(d.articles.iter().all(|a| a.section.is_none()));
        assert_eq!(
            d.articles[1].sentences().collect::<Vec<_>>(),
            vec!["青岛片区上线平台。"]
        );
    }

    #[test]
    fn notice_posted_with_its_title_above_the_document_number() {
        let d = doc(
            "湖南省人民政府关于复制推广自贸试验区改革经验的通知\n\n湘政函〔2024〕3号\n\n各市州人民政府：\n现将有关事项通知如下。",
        );
        let a = &d.articles[0];
        assert_eq!(
            a.title,
            "湖南省人民政府关于复制推广自贸试验区改革经验的通知"
        );
        assert_eq!(a.document_number.as_deref(), Some("湘政函〔2024〕3号"));
        assert_eq!(a.issuer.as_deref(), Some("湖南省人民政府"));
        assert_eq!(a.addressees.as_deref(), Some("各市州人民政府"));
        assert_eq!(a.sentences().count(), 1);
    }

    #[test]
    fn a_table_from_the_first_line_keeps_its_header_row() {
        let d = doc(
            "序号｜成果名称｜所属片区\n1｜云调解机制｜前海蛇口片区\n2｜白名单制度｜南沙新区片区",
        );
        let table = d.articles[0].paragraphs[0].table.as_ref().unwrap();
        assert_eq!(table.header, ["序号", "成果名称", "所属片区"]);
        assert_eq!(table.rows.len(), 2);
    }

    #[test]
    fn plain_text_is_one_article_titled_by_its_first_line() {
        let d = doc("崇左片区创新沿边金融\n\n崇左片区联合桂林银行推出互市贷。效果明显。");
        assert!(d.issue.is_none());
        assert_eq!(d.articles.len(), 1);
        assert_eq!(d.articles[0].title, "崇左片区创新沿边金融");
        assert_eq!(d.articles[0].sentences().count(), 2);
        assert!(d.articles[0].id.starts_with("doc-"));
    }

    #[test]
    fn ids_depend_on_content_not_on_the_file() {
        let text = "自贸动态\n第 1 期\n（一）标题\n正文。";
        assert_eq!(
            parse("a.txt", blocks(text)).articles[0].id,
            parse("b.txt", blocks(text)).articles[0].id
        );
    }
}
