//! Recognises the heading lines of newsletters and notices: sections
//! (一、龙江板块, 【改革创新】), articles ((一) …), numbered sub-headings
//! (1. 聚焦贸易升级…) and annexes (附件).

use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadingKind {
    /// A section of an issue, with its title.
    Section(String),
    /// An article title (with its (一) marker removed).
    Article(String),
    /// A numbered sub-heading inside an article.
    SubHeading(String),
    /// 附件 of a notice.
    Annex(String),
}

static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十百]{1,3}\s*[、．.]|第[一二三四五六七八九十]{1,3}(?:部分|篇|章)\s*)\s*(\S.{0,24})$")
        .expect("section pattern")
});
static BRACKET_SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[【\[]\s*([^】\]]{1,20})\s*[】\]]$").expect("bracket pattern"));
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]\s*[一二三四五六七八九十百]{1,3}\s*[）)]\s*(\S.*)$")
        .expect("article pattern")
});
static SUB_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])\s*(\S.{0,39})$")
        .expect("sub-heading pattern")
});
/// 案例一, 案例 3, 事项二：a short label and its ordinal on a line of their
/// own name the block that follows; they are not the start of its text.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,4}\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3}))\s*[：:]?$")
        .expect("label pattern")
});
static ANNEX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^附\s*件\s*\d*\s*[：:]?\s*(.{0,60})$").expect("annex pattern"));

/// Any heading's number: （一）, 一、, 1．, （1）, ①.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[（(]\s*[一二三四五六七八九十百\d]{1,3}\s*[）)]|[一二三四五六七八九十百]{1,3}\s*[、．.]|\d{1,2}\s*[.．、]|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
        .expect("marker pattern")
});

/// A line without the number a heading opens with, of any kind
/// ((一)2025年度…案例 → 2025年度…案例).
pub fn without_marker(line: &str) -> &str {
    MARKER.find(line).map_or(line, |m| &line[m.end()..])
}

/// A sub-heading's words without its number (1．石家庄海关… → 石家庄海关…).
pub fn without_number(heading: &str) -> &str {
    match SUB_HEADING.captures(heading).and_then(|c| c.get(1)) {
        Some(words) => &heading[words.start()..],
        None => heading,
    }
}

/// Classifies a trimmed line; `None` for body text.
pub fn classify(line: &str) -> Option<HeadingKind> {
    // A heading never ends a sentence inside itself ("1.5 亿元。" is body).
    let ends_sentence = line.ends_with(['。', '；', ';']);
    if let Some(c) = ANNEX.captures(line) {
        return Some(HeadingKind::Annex(c[1].trim().to_owned()));
    }
    if ends_sentence {
        return None;
    }
    // （一）X模式。针对…退货 | 慢的问题: a run-in heading whose paragraph a
    // wrap cut (a PDF's line) is body, as the whole paragraph on one line is.
    if let Some(c) = ARTICLE.captures(line)
        && !c[1].contains('。')
    {
        return Some(HeadingKind::Article(c[1].trim().to_owned()));
    }
    if let Some(c) = SECTION
        .captures(line)
        .or_else(|| BRACKET_SECTION.captures(line))
    {
        return Some(HeadingKind::Section(c[1].trim().to_owned()));
    }
    if let Some(c) = SUB_HEADING.captures(line)
        && !c[1].contains('。')
    {
        return Some(HeadingKind::SubHeading(line.trim().to_owned()));
    }
    if let Some(c) = LABEL.captures(line) {
        return Some(HeadingKind::Section(c[1].to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use HeadingKind::*;

    #[test]
    fn every_kind_of_number_leaves_a_line() {
        assert_eq!(
            without_marker("（一）2025年度示范企业（5家）"),
            "2025年度示范企业（5家）"
        );
        assert_eq!(without_marker("二、拟认定名单"), "拟认定名单");
        assert_eq!(without_marker("3．船舶证书远程核验"), "船舶证书远程核验");
        assert_eq!(without_marker("2025年度示范企业"), "2025年度示范企业");
    }

    #[test]
    fn sections_in_both_styles() {
        assert_eq!(classify("一、龙江板块"), Some(Section("龙江板块".into())));
        assert_eq!(classify("四、自贸观察"), Some(Section("自贸观察".into())));
        assert_eq!(classify("【改革创新】"), Some(Section("改革创新".into())));
    }

    #[test]
    fn a_label_with_its_ordinal_is_a_heading() {
        assert_eq!(classify("案例一"), Some(Section("案例一".into())));
        assert_eq!(classify("典型案例 3："), Some(Section("典型案例 3".into())));
        assert_eq!(classify("案例一恒丰银行诉甲公司案"), None);
        assert_eq!(classify("青岛片区"), None);
    }

    #[test]
    fn article_titles_lose_their_marker() {
        assert_eq!(
            classify("（八）广西自贸试验区崇左片区创新沿边金融 赋能边境贸易发展"),
            Some(Article(
                "广西自贸试验区崇左片区创新沿边金融 赋能边境贸易发展".into()
            ))
        );
        assert_eq!(classify("(三) 冰城造星"), Some(Article("冰城造星".into())));
        // A run-in heading cut by a wrap is the start of its paragraph.
        assert_eq!(
            classify("（一）跨境电商退货中心仓模式。针对出口商品退货难、退货"),
            None
        );
    }

    #[test]
    fn a_sub_heading_read_as_a_sentence_loses_its_number() {
        assert_eq!(without_number("1．石家庄海关推出"), "石家庄海关推出");
        assert_eq!(
            without_number("①国际船舶登记“一窗通办”："),
            "国际船舶登记“一窗通办”："
        );
        assert_eq!(without_number("海关公告"), "海关公告");
    }

    #[test]
    fn numbered_sub_headings_keep_their_number() {
        assert_eq!(
            classify("1. 聚焦贸易升级，开放领域全面拓展"),
            Some(SubHeading("1. 聚焦贸易升级，开放领域全面拓展".into()))
        );
        assert_eq!(
            classify("附件：复制推广的改革试点经验"),
            Some(Annex("复制推广的改革试点经验".into()))
        );
    }

    #[test]
    fn body_text_is_not_a_heading() {
        assert_eq!(
            classify("2023 年，本级企业上市培育库内共有 58 家企业。"),
            None
        );
        assert_eq!(
            classify("10月9日全省科技大会在黑龙江省哈尔滨市举行，会上指出，哈尔滨新区树牢理念"),
            None
        );
        assert_eq!(classify("一、二线城市房价上涨明显，带动需求回升。"), None);
    }
}
