//! Announced lists: a sentence that publishes a selection (正式对外发布
//! “湖南自贸试验区2023年度十大制度创新案例”) followed by numbered items that
//! open with the name of what was selected (1. 非洲非资源性产品集采分销模式：
//! 长沙片区首创该模式…). Each item's practice is recognised as the list.
//! Input: an article's paragraphs; output: recognizedAs facts whose
//! evidence is the item's sentence.

use super::collect::ArticleGraph;
use super::items::after_item_number;
use super::mention::clean_label;
use super::rules::{Rules, WordList};
use super::{Extractor, key};
use crate::model::{Article, Class, EntityKey, Property};

/// Reads the announced lists of an article into the graph.
pub fn read(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let rules = &extractor.known.rules;
    let mut announced: Option<(EntityKey, String)> = None;
    let mut in_items = false;
    for p in article.paragraphs.iter().filter(|p| p.table.is_none()) {
        let Some(first) = p.sentences.first() else {
            continue;
        };
        if let Some(name) = item_name(first).filter(|n| is_practice_name(rules, n)) {
            if let Some((list, label)) = &announced {
                let practice = key(Class::Practice, &clean_label(name));
                graph.add_entity(list, label);
                graph.add_entity(&practice, name);
                graph.add_relation(&practice, Property::RecognizedAs, list, first);
            }
            in_items = true;
            continue;
        }
        // The list ends with the first paragraph that is no item.
        if std::mem::take(&mut in_items) {
            announced = None;
        }
        for sentence in &p.sentences {
            if let Some(label) = announced_title(rules, sentence) {
                announced = Some((key(Class::Recognition, &label), label));
            }
        }
    }
}

/// The quoted selection a sentence publishes (发布“…十大制度创新案例”): a
/// recognition by its ending that names a series (第N批, 年度, 十大).
pub(super) fn announced_title(rules: &Rules, sentence: &str) -> Option<String> {
    if !rules.contains_word(WordList::AnnounceVerbs, sentence) {
        return None;
    }
    sentence.split('“').skip(1).find_map(|part| {
        let (inner, _) = part.split_once('”')?;
        let label = clean_label(inner);
        let recognition = matches!(
            rules.class_by_ending(&label),
            Some((Class::Recognition, _, _))
        );
        let series = rules.contains_word(WordList::SeriesMarks, &label);
        (recognition && series && label.chars().count() >= 8).then_some(label)
    })
}

/// The name a numbered item opens with before its colon: 1. X：… or
/// （一）X：…, four to forty characters, no clause.
fn item_name(sentence: &str) -> Option<&str> {
    let (name, _) = after_item_number(sentence)?.split_once(['：', ':'])?;
    let name = name.trim();
    let n = name.chars().count();
    ((4..=40).contains(&n) && !name.contains(['，', '。', '；'])).then_some(name)
}

/// A practice's name: a practice ending (模式, 机制…), or a quoted core
/// (加工贸易“一企一账”智能监管) in a name no other class ends.
pub(super) fn is_practice_name(rules: &Rules, name: &str) -> bool {
    match rules.class_by_ending(&clean_label(name)) {
        Some((Class::Practice, _, _)) => true,
        Some(_) => false,
        None => name.contains('“'),
    }
}

#[cfg(test)]
mod tests {
    use super::item_name;

    #[test]
    fn item_names_stand_before_the_colon() {
        assert_eq!(
            item_name("1. 非洲非资源性产品集采分销模式：长沙片区首创该模式。"),
            Some("非洲非资源性产品集采分销模式")
        );
        assert_eq!(
            item_name("（三）“湘非结”跨境人民币结算模式：湖南银行率先推出。"),
            Some("“湘非结”跨境人民币结算模式")
        );
        assert_eq!(item_name("2024年：全年新增企业。"), None);
        assert_eq!(item_name("1. 长沙片区首创该模式，效果明显：好。"), None);
    }
}
