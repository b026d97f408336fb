//! The parts of a numbered item of an annex or a selection: its number
//! (1．, （一）), its name, the sources in brackets or after ——, whether the
//! name is a practice's, and the zones a clause of it copies it to.

use super::Extractor;
use super::collect::ArticleGraph;
use super::mention::clean_label;
use super::rules::{Rules, TriggerKind, WordList};
use super::tables::names_in;
use crate::model::EntityKey;

/// Whether an item's title names a practice by itself: a practice head
/// (…监管模式, …机制) or a quoted core (“班列舱单质押融资”), not a task
/// (推广成熟经验, 复制推广要“因地制宜、再创新”).
pub(super) fn item_practice(rules: &Rules, name: &str) -> bool {
    let plain = clean_label(name);
    let headed = rules
        .words(WordList::ItemHeads)
        .iter()
        .any(|h| plain.ends_with(h.as_str()));
    let task = rules
        .starts_with_word(WordList::TaskVerbs, &plain)
        .is_some()
        || [TriggerKind::Replicate, TriggerKind::Originate]
            .into_iter()
            .any(|k| rules.triggers(k).iter().any(|t| plain.contains(t.as_str())));
    (headed || name.contains('“')) && !task
}

/// The name of a numbered item title that names a practice by itself
/// (一、铁海联运“一单制”, 四、电子信息产品全球保税维修监管模式), not a
/// section (一、基本情况) or a task.
pub(super) fn practice_title<'t>(rules: &Rules, line: &'t str) -> Option<&'t str> {
    let name = after_item_number(line)
        .or_else(|| after_chinese_number(line))?
        .trim()
        .trim_end_matches('。');
    let n = name.chars().count();
    // A clause or a phrase with 的 (我院…建设的主要做法) is no name.
    let clause = name.contains(['，', '。', '；', '：', ':', '、', '?', '？', ' ', '的']);
    // It ends as a name does: a head (…监管模式) or its quoted core
    // (铁海联运“一单制”, 外籍人才“一卡通”服务); 关于…扩面 is a topic and
    // 租赁资产交易服务 a field of work.
    let ends_with = |list| rules.words(list).iter().any(|h| name.ends_with(h.as_str()));
    let named = name.ends_with('”')
        || ends_with(WordList::TitleHeads)
        || (name.contains('“') && ends_with(WordList::ItemHeads));
    let topic = rules
        .starts_with_word(WordList::TitleTopics, name)
        .is_some();
    ((5..=24).contains(&n) && !clause && named && !topic && item_practice(rules, name))
        .then_some(name)
}

/// Where a clause's first verb of copying starts and how long it is, in
/// its longest form (复制推广 before 复制).
pub(super) fn copy_verb(rules: &Rules, clause: &str) -> Option<(usize, usize)> {
    rules
        .triggers(TriggerKind::Replicate)
        .iter()
        .filter_map(|t| clause.find(t.as_str()).map(|i| (i, t.len())))
        .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)))
}

/// The zones a clause of an item copies it to: those before its verb of
/// copying (洛阳片区学习借鉴这一做法, 已在开封片区推广应用) and those after
/// 至/到 (已复制推广至宁波片区), not where it is copied from (从…).
pub(super) fn copied_in(
    extractor: &Extractor,
    clause: &str,
    graph: &mut ArticleGraph,
) -> Vec<EntityKey> {
    let rules = &extractor.known.rules;
    let Some((at, verb)) = copy_verb(rules, clause) else {
        return Vec::new();
    };
    let before = clause[..at].split('从').next().unwrap_or("");
    let rest = &clause[at + verb..];
    let after = rules
        .starts_with_word(WordList::CopyTargets, rest)
        .map_or("", |w| &rest[w.len()..]);
    let mut zones = names_in(extractor, before, graph);
    zones.extend(names_in(extractor, after, graph));
    zones.retain(|z| z.class.is_zone());
    zones
}

/// Where a copying clause of an item says the practice came from: the
/// zones right after its verb (借鉴 Y片区做法, 移植自 Y片区, 对标 Y片区做法落地),
/// unless a word of direction makes them the copy (复制推广至 Z).
pub(super) fn copied_from(
    extractor: &Extractor,
    clause: &str,
    graph: &mut ArticleGraph,
) -> Vec<EntityKey> {
    let rules = &extractor.known.rules;
    let Some((at, verb)) = copy_verb(rules, clause) else {
        return Vec::new();
    };
    let rest = &clause[at + verb..];
    if rules
        .starts_with_word(WordList::CopyTargets, rest)
        .is_some()
    {
        return Vec::new();
    }
    let mut zones = names_in(extractor, rest, graph);
    zones.retain(|z| z.class.is_zone());
    zones
}

/// A numbered item that names its practice before a colon and goes on
/// after it (1．专利开放许可“先试后买”：2025年4月引进，原创地为…): the name
/// and the rest of the line.
pub(super) fn item_name_before_colon(sentence: &str) -> Option<(&str, &str)> {
    // - **中欧班列“集拼集运一次查验”**：…: a bulleted item names it too.
    let bulleted = || {
        let rest = sentence
            .trim_start()
            .strip_prefix(['-', '*', '•', '●', '▶', '■', '◆', '★'])?;
        Some(rest.trim_start())
    };
    // (A bullet may open a field label, ● 台资服务：…; a quoted core says a
    // practice is named.)
    let (name, rest) = match after_item_number(sentence) {
        Some(item) => item.split_once(['：', ':'])?,
        None => bulleted()?
            .split_once(['：', ':'])
            .filter(|(name, _)| name.contains('“'))?,
    };
    let name = name.trim().trim_matches('*').trim();
    let n = name.chars().count();
    ((4..=40).contains(&n) && !name.contains(['，', '。', '；'])).then_some((name, rest))
}

/// The name of a numbered item: 1．X。 (or 1.X。/1、X。) with a short X
/// that is a name, not a clause.
pub(super) fn item_name(sentence: &str) -> Option<&str> {
    let name = after_item_number(sentence)?.trim().trim_end_matches('。');
    let n = name.chars().count();
    let clause = name.contains(['，', '。', '；', '：']);
    ((4..=40).contains(&n) && !clause).then_some(name)
}

/// The text after an item's number: 1．X, 1.X, 1、X, （一）X or (1)X.
pub(super) fn after_item_number(sentence: &str) -> Option<&str> {
    if let Some(inner) = sentence.trim_start().strip_prefix(['（', '(']) {
        let close = inner.find(['）', ')'])?;
        let number = &inner[..close];
        let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
        if number.is_empty() || number.chars().count() > 3 || !number.chars().all(numeral) {
            return None;
        }
        return Some(&inner[close + inner[close..].chars().next().map_or(0, char::len_utf8)..]);
    }
    let sentence = sentence.trim_start();
    let digits = sentence.find(|c: char| !c.is_ascii_digit())?;
    // 1．X, 12、X; never a year (2024.1：…).
    if !(1..=2).contains(&digits) {
        return None;
    }
    sentence[digits..]
        .trim_start()
        .strip_prefix(['．', '.', '、'])
}

/// A numbered item that ends with its sources in brackets:
/// 1. 数字提单质押融资模式（大连片区） → (数字提单质押融资模式, 大连片区).
pub(super) fn item_with_source(line: &str) -> Option<(&str, &str)> {
    let line = line.trim().trim_end_matches('。');
    let inner = line.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let close = inner[open..].chars().next().map_or(0, char::len_utf8);
    let name = item_name(&inner[..open])?;
    Some((name, &inner[open + close..]))
}

/// Splits an item's sentence into the sources it opens with, in brackets
/// or after ——, and the rest: （A、B）在全国范围内复制推广。 → (A、B, 在全国…).
pub(super) fn source_group(sentence: &str) -> (Option<&str>, &str) {
    let sentence = sentence.trim();
    if let Some(dash) = sentence.strip_prefix("——") {
        return (Some(dash.trim_end_matches('。')), "");
    }
    let Some(inner) = sentence.strip_prefix(['（', '(']) else {
        return (None, sentence);
    };
    match inner.find(['）', ')']) {
        Some(end) => {
            let close = inner[end..].chars().next().map_or(0, char::len_utf8);
            (Some(&inner[..end]), inner[end + close..].trim())
        }
        None => (None, sentence),
    }
}

/// A field line, 文    号：…, "标题": "…", as (field without spaces or
/// quotation marks, value without them): fields have at most six
/// characters.
pub(super) fn field_line(line: &str) -> Option<(String, &str)> {
    let (field, value) = after_item_number(line)
        .or_else(|| after_chinese_number(line))
        .unwrap_or(line)
        .trim_start()
        .split_once(['：', ':'])?;
    let field: String = field
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '"')
        .collect();
    // 发文机关：X          成文日期：…: a second field on the line ends the value.
    let value = value.trim();
    let gap = value
        .char_indices()
        .zip(value.chars().skip(1))
        .find(|((_, a), b)| a.is_whitespace() && b.is_whitespace())
        .map_or(value.len(), |((i, _), _)| i);
    let value = value[..gap]
        .trim()
        .trim_end_matches(',')
        .trim_matches(|c: char| c == '"' || c.is_whitespace());
    let n = field.chars().count();
    ((1..=6).contains(&n) && field.chars().all(|c| !c.is_ascii_punctuation()))
        .then_some((field, value))
}

/// A card's field line after its Chinese item number: 一、案例名称：X.
pub(super) fn after_chinese_number(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let rest = line.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    let digits = (line.len() - rest.len()) / '一'.len_utf8();
    ((1..=3).contains(&digits))
        .then(|| rest.strip_prefix('、'))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().unwrap());

    fn copies(clause: &str) -> Vec<String> {
        let mut graph = ArticleGraph::new("a");
        copied_in(&EXTRACTOR, clause, &mut graph)
            .into_iter()
            .map(|k| k.label)
            .collect()
    }

    #[test]
    fn a_practice_is_named_by_its_head_or_its_quoted_core_not_by_a_task() {
        assert!(item_practice(
            &EXTRACTOR.known.rules,
            "保税维修“一单到底”监管模式"
        ));
        assert!(item_practice(
            &EXTRACTOR.known.rules,
            "跨境电商退货中心仓模式"
        ));
        assert!(item_practice(&EXTRACTOR.known.rules, "“班列舱单质押融资”"));
        assert!(!item_practice(&EXTRACTOR.known.rules, "推广成熟经验"));
        assert!(!item_practice(
            &EXTRACTOR.known.rules,
            "复制推广要“因地制宜、再创新”"
        ));
        assert!(!item_practice(&EXTRACTOR.known.rules, "园区基础设施"));
    }

    #[test]
    fn a_copy_is_where_the_practice_went_not_where_it_came_from() {
        assert_eq!(
            copies("已在开封片区推广应用"),
            ["中国（河南）自由贸易试验区开封片区"]
        );
        assert_eq!(
            copies("已复制推广至宁波片区"),
            ["中国（浙江）自由贸易试验区宁波片区"]
        );
        assert_eq!(
            copies("洛阳片区从郑州片区学习借鉴这一做法"),
            ["中国（河南）自由贸易试验区洛阳片区"]
        );
        assert!(copies("开封片区持续优化服务").is_empty());
    }

    #[test]
    fn item_numbers_names_and_sources() {
        assert_eq!(after_item_number("（三）数字提单"), Some("数字提单"));
        assert_eq!(after_item_number("12．数字提单"), Some("数字提单"));
        assert_eq!(after_item_number("2026年"), None);
        assert_eq!(
            item_name("1．数字提单质押融资模式。"),
            Some("数字提单质押融资模式")
        );
        assert_eq!(item_name("1．片区推进改革，成效明显。"), None);
        assert_eq!(
            item_with_source("1. 数字提单质押融资模式（大连片区）"),
            Some(("数字提单质押融资模式", "大连片区"))
        );
        assert_eq!(
            source_group("（大连片区、舟山片区）在全国范围内复制推广。"),
            (Some("大连片区、舟山片区"), "在全国范围内复制推广。")
        );
    }
}

#[cfg(test)]
mod field_line_tests {
    use super::{after_chinese_number, field_line, practice_title};

    #[test]
    fn a_field_line_may_open_with_a_chinese_item_number() {
        assert_eq!(after_chinese_number("一、案例名称：X"), Some("案例名称：X"));
        assert_eq!(
            after_chinese_number("十二、申报单位：Y"),
            Some("申报单位：Y")
        );
        assert_eq!(after_chinese_number("一是加强"), None);
        assert_eq!(
            field_line("三、案例名称：国际船舶登记“一次核验”"),
            Some(("案例名称".to_owned(), "国际船舶登记“一次核验”"))
        );
    }

    #[test]
    fn field_lines_lose_spaces_quotes_and_the_next_field() {
        assert_eq!(
            field_line("发文机关：新疆维吾尔自治区商务厅          成文日期：2026年03月06日"),
            Some(("发文机关".to_owned(), "新疆维吾尔自治区商务厅"))
        );
        assert_eq!(
            field_line("文    号：冀政办字〔2021〕46号"),
            Some(("文号".to_owned(), "冀政办字〔2021〕46号"))
        );
        assert_eq!(
            field_line("\"标题\": \"海南省工业用地达产换证管理办法（试行）\","),
            Some(("标题".to_owned(), "海南省工业用地达产换证管理办法（试行）"))
        );
        assert_eq!(field_line("据洋浦经济开发区管理委员会介绍：今年以来"), None);
        // The number of an annex item goes with it.
        assert_eq!(
            field_line("1. 事项名称：保税研发料件“一账通”监管"),
            Some(("事项名称".to_owned(), "保税研发料件“一账通”监管"))
        );
        assert_eq!(
            field_line("（二）来源片区：西永片区"),
            Some(("来源片区".to_owned(), "西永片区"))
        );
        assert_eq!(field_line("2024.1：全年"), None);
    }

    #[test]
    fn a_numbered_title_names_a_practice_when_it_ends_as_a_name_does() {
        let extractor = crate::extract::Extractor::new().unwrap();
        let rules = &extractor.known.rules;
        assert_eq!(
            practice_title(rules, "一、铁海联运“一单制”"),
            Some("铁海联运“一单制”")
        );
        assert_eq!(
            practice_title(rules, "（四）电子信息产品全球保税维修监管模式"),
            Some("电子信息产品全球保税维修监管模式")
        );
        for line in [
            "二、我院服务保障自贸试验区建设的主要做法",
            "（三）租赁资产交易服务",
            "（三）关于离港即退服务扩面",
            "（三）推行涉外案件“云送达”",
            "五、主要成效",
        ] {
            assert_eq!(practice_title(rules, line), None, "{line}");
        }
    }
}
