//! The issue header of a newsletter: title, number, publisher and date in
//! its first lines (自贸动态 2024年第12期 … 主办：省自贸办). Input: the
//! document's first blocks; output: an `Issue` and where the body starts.

use super::blocks::Block;
use crate::model::{Date, Issue};
use regex::Regex;
use std::sync::LazyLock;

static ISSUE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(\d{4})\s*年\s*)?第\s*(\d{1,5})\s*期|(\d{4})\s*年\s*第\s*(\d{1,4})\s*期|[Nn]o\.\s*(\d{1,5})")
        .expect("issue number pattern")
});
static PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:主办|主办单位|编印|编发|主编|承办|编)\s*[：:]\s*([^\s，,]+)|^([^\s：:]{2,20}?)(?:主办|编印|编)(?:\s|$)")
        .expect("publisher pattern")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})",
    )
    .expect("date pattern")
});
static NEWSLETTER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{Han}A-Za-z（）()]{2,16}?(?:动态|简报|快报|专报|通讯|信息|周报|月报|要情|简讯|工作简报|情况通报|专刊|参考))")
        .expect("newsletter title pattern")
});

/// How many leading blocks may hold the issue header.
const HEADER_WINDOW: usize = 8;

/// Finds the issue header among the first blocks; returns it and the index
/// of the first block after it. A header needs an issue number.
pub(super) fn parse_header(blocks: &[Block]) -> Option<(Issue, usize)> {
    let window = &blocks[..blocks.len().min(HEADER_WINDOW)];
    let number_at = window.iter().position(|b| {
        b.heading.is_none() && b.text.chars().count() <= 40 && ISSUE_NUMBER.is_match(&b.text)
    })?;
    let mut issue = Issue::default();
    let mut end = number_at + 1;
    for (i, block) in window.iter().enumerate() {
        if block.heading.is_some() || (i > number_at && !is_header_line(&block.text)) {
            break;
        }
        read_header_line(&block.text, &mut issue);
        end = end.max(i + 1);
    }
    if issue.title.is_empty() {
        issue.title = window[..number_at]
            .iter()
            .rev()
            .find(|b| b.text.chars().count() <= 16)
            .map(|b| b.text.clone())
            .unwrap_or_else(|| "简报".to_owned());
    }
    Some((issue, end))
}

/// Header lines after the number: publisher, date, 内部资料 and the like.
fn is_header_line(text: &str) -> bool {
    let short = text.chars().count() <= 40;
    short
        && (PUBLISHER.is_match(text)
            || DATE.is_match(text)
            || ISSUE_NUMBER.is_match(text)
            || text.contains("内部")
            || text.contains("总第"))
}

fn read_header_line(text: &str, issue: &mut Issue) {
    if let Some(c) = ISSUE_NUMBER.captures(text) {
        let number = c.get(2).or(c.get(4)).or(c.get(5));
        issue.number = number.and_then(|m| m.as_str().parse().ok());
        issue.year = c.get(1).or(c.get(3)).and_then(|m| m.as_str().parse().ok());
        let before = text[..c.get(0).map_or(0, |m| m.start())].trim();
        if let Some(t) = NEWSLETTER_TITLE.captures(before) {
            issue.title = t[1].to_owned();
        } else if !before.is_empty() && before.chars().count() <= 16 && issue.title.is_empty() {
            issue.title = before.to_owned();
        }
    } else if let Some(t) = NEWSLETTER_TITLE.captures(text)
        && issue.title.is_empty()
        && !PUBLISHER.is_match(text)
    {
        issue.title = t[1].to_owned();
    }
    if let Some(c) = PUBLISHER.captures(text) {
        issue.publisher = c.get(1).or(c.get(2)).map(|m| m.as_str().to_owned());
    }
    if issue.date.is_none() {
        issue.date = find_date(text);
    }
}

/// The first date written in `text` (2024 年 10 月 15 日, 2025年3月, 2025-03-01).
pub fn find_date(text: &str) -> Option<Date> {
    let c = DATE.captures(text)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if c.get(1).is_some() {
        (num(1)?, num(2), num(3))
    } else {
        (num(4)?, num(5), num(6))
    };
    let valid_month = month.is_none_or(|m| (1..=12).contains(&m));
    let valid_day = day.is_none_or(|d| (1..=31).contains(&d));
    (valid_month && valid_day).then_some(Date {
        year: year as i32,
        month,
        day,
    })
}
