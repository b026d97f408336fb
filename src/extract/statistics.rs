//! Figures stated in the text (累计复制 254 项先进经验, 集聚各类投资机构206家,
//! 进出口贸易额年均增速超 20%) become statistics: value, unit, what is
//! counted, qualifier, as-of date and subject.

use super::mention::Mention;
use super::sentence::Sentence;
use crate::corpus::find_date;
use crate::model::{Date, EntityKey, Statistic};
use regex::Regex;
use std::sync::LazyLock;

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d+(?:\.\d+)?)\s*(万亿元|亿美元|万美元|亿元|万元|万人|万袋|万件|万辆|万吨|平方公里|千米|公里|项|家|个|份|颗|辆|台|件|款|笔|吨|袋|人|列|单|票|%|倍)")
        .expect("figure pattern")
});

/// Words before a figure that qualify it, longest first.
const QUALIFIERS: &[&str] = &[
    "累计",
    "同比增长",
    "同比",
    "年均增速",
    "年均增幅",
    "年均",
    "共计",
    "合计",
    "超过",
    "超",
    "近",
    "达到",
    "达",
    "共",
];

/// Characters that end the phrase naming what is counted.
fn is_stop(c: char) -> bool {
    "，,。；;：:！？、（）()“”《》 \t".contains(c) || c.is_ascii_digit()
}

/// Statistics of one sentence.
pub fn find(
    s: &Sentence<'_>,
    mentions: &[Mention],
    topic: &[EntityKey],
    default_date: Option<Date>,
) -> Vec<Statistic> {
    let text = &s.text;
    let as_of = find_date(text).or(default_date);
    let mut out = Vec::new();
    for c in FIGURE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let value = c[1].to_owned();
        let unit = c[2].to_owned();
        // Years and dates are not figures: 2024 年, 5 月.
        if text[whole.end()..].starts_with(['年', '月', '日']) {
            continue;
        }
        let after: String = text[whole.end()..]
            .chars()
            .take_while(|&c| !is_stop(c))
            .take(10)
            .collect();
        let before: String = {
            let rev: Vec<char> = text[..whole.start()]
                .trim_end()
                .chars()
                .rev()
                .take_while(|&c| !is_stop(c))
                .take(14)
                .collect();
            rev.into_iter().rev().collect()
        };
        let qualifier = QUALIFIERS
            .iter()
            .find(|q| before.contains(*q))
            .map(|q| (*q).to_owned());
        let measure = if after.chars().count() >= 2 && !after.starts_with(['的', '以', '左']) {
            after.trim_end_matches(['的', '了']).to_owned()
        } else {
            strip_verbs(&before, qualifier.as_deref())
        };
        let measure = match (measure.is_empty(), &qualifier) {
            // 同比增长 15.2%: the change itself is what is measured.
            (true, Some(q)) if unit == "%" => q.clone(),
            _ => measure,
        };
        if measure.is_empty() {
            continue;
        }
        let subject = mentions
            .iter()
            .rfind(|m| {
                !m.nested
                    && m.end <= whole.start()
                    && (m.class().is_zone() || m.class().is_organisation())
            })
            .map(|m| m.key.clone())
            .or_else(|| topic.first().cloned());
        out.push(Statistic {
            subject,
            value,
            unit,
            measure,
            qualifier,
            as_of,
            sentence: s.original.to_owned(),
        });
    }
    out
}

/// 集聚各类投资机构 → 各类投资机构; 进出口贸易额年均增速超 → 进出口贸易额.
fn strip_verbs(before: &str, qualifier: Option<&str>) -> String {
    let mut phrase = before.to_owned();
    if let Some(q) = qualifier
        && let Some(i) = phrase.find(q)
    {
        // What follows the qualifier names the count (截至目前累计入驻港澳企业
        // 320 家); else what precedes it (进出口贸易额年均增速超 20%).
        let tail = phrase[i + q.len()..].to_owned();
        phrase = if strip_verbs(&tail, None).chars().count() >= 2 {
            tail
        } else {
            phrase[..i].to_owned()
        };
    }
    for verb in [
        "集聚",
        "入驻",
        "进驻",
        "落户",
        "引进",
        "完成",
        "形成",
        "实现",
        "推出",
        "培育",
        "发运",
        "转运",
        "收寄",
        "提供",
        "投放",
        "办理",
        "达到",
        "达",
        "超",
        "近",
        "共",
        "提升",
        "增长",
        "压缩至",
        "缩短至",
    ] {
        if let Some(i) = phrase.find(verb) {
            let rest = &phrase[i + verb.len()..];
            phrase = if rest.chars().count() >= 2 {
                rest.to_owned()
            } else {
                phrase[..i].to_owned()
            };
        }
    }
    phrase
        .trim()
        .trim_end_matches(['不', '的', '了', '为', '是', '在', '超', '近', '达'])
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Lexicon, Segmenter};

    fn stats(text: &str) -> Vec<Statistic> {
        let lexicon = Lexicon::builtin().unwrap();
        let seg = Segmenter::new(&lexicon, []);
        let s = Sentence::new(&seg, text);
        find(&s, &[], &[], None)
    }

    #[test]
    fn counts_with_qualifier_and_measure() {
        let x = stats("截至目前，累计复制 254 项先进经验。");
        assert_eq!(x.len(), 1);
        assert_eq!(
            (
                x[0].value.as_str(),
                x[0].unit.as_str(),
                x[0].measure.as_str()
            ),
            ("254", "项", "先进经验")
        );
        assert_eq!(x[0].qualifier.as_deref(), Some("累计"));
    }

    #[test]
    fn measure_before_the_number_and_percentages() {
        let x = stats("集聚各类投资机构206家，引进哈尔滨科技大市场。");
        assert_eq!(
            (x[0].value.as_str(), x[0].measure.as_str()),
            ("206", "各类投资机构")
        );
        let z = stats("截至目前累计入驻港澳企业320家。");
        assert_eq!(
            (z[0].value.as_str(), z[0].measure.as_str()),
            ("320", "港澳企业")
        );
        let y = stats("片区获批以来，进出口贸易额年均增速超 20%。");
        assert_eq!((y[0].value.as_str(), y[0].unit.as_str()), ("20", "%"));
        assert_eq!(y[0].qualifier.as_deref(), Some("年均增速"));
        assert_eq!(y[0].measure, "进出口贸易额");
    }

    #[test]
    fn years_are_not_figures() {
        assert!(stats("2024 年 7 月，片区印发方案。").is_empty());
    }
}
