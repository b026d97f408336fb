//! Numbered annex items (清单 of practices): 1．名称。做法…（来源地区、单位）
//! 在…复制推广。 Each item names a practice, its sources and the zones that
//! are to copy it; the list's title is the recognition of every item.

use super::announced::announced_title;
use super::collect::ArticleGraph;
use super::items::{
    copied_in, field_line, item_name, item_practice, item_with_source, source_group,
};
use super::mention::clean_label;
use super::rules::{TriggerKind, WordList};
use super::sentence::strip_aliases;
use super::tables::{names_in, recognition_of_title};
use super::{Extractor, key};
use crate::model::{Article, Class, EntityKey, Property};

/// Numbered annex items (清单 of practices): 1．名称。做法…（来源地区、单位）
/// 在…复制推广。 or …——来源。在全国范围内复制推广。 The item's first
/// sentence names the practice, a group in brackets or after —— its
/// sources (originatedIn), the 复制推广 sentence the zones to copy it
/// (replicatedIn; 全国 names none), and the list's title the recognition
/// every item belongs to.
pub(super) fn read_items(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let rules = &extractor.known.rules;
    let mut recognition: Option<EntityKey> = None;
    for p in article.paragraphs.iter().filter(|p| p.table.is_none()) {
        let titles = p.heading.iter().chain(&p.sentences);
        if let Some(label) = titles
            .rev()
            .find_map(|t| recognition_of_title(rules, WordList::ItemListKinds, t))
        {
            recognition = Some(key(Class::Recognition, &label));
        }
        // 遴选出“…十大制度创新典型案例”，入选案例如下：
        if let Some(label) = p.sentences.iter().find_map(|t| announced_title(rules, t)) {
            let list = key(Class::Recognition, &label);
            graph.add_entity(&list, &label);
            recognition = Some(list);
        }
        // 1. 名称（来源）: an item line of its own, its sources in brackets.
        if let Some(item) = p.heading.as_deref().filter(|_| p.sentences.is_empty())
            && let Some((name, source)) = item_with_source(item)
        {
            let origins = names_in(extractor, source, graph);
            if !origins.is_empty() {
                let practice = key(Class::Practice, &clean_label(name));
                graph.add_entity(&practice, name);
                if let Some(recognition) = &recognition {
                    graph.add_relation(&practice, Property::RecognizedAs, recognition, item);
                }
                for origin in origins {
                    graph.add_relation(&practice, Property::OriginatedIn, &origin, item);
                }
            }
            continue;
        }
        let Some((first, rest)) = p.sentences.split_first() else {
            continue;
        };
        let Some(name) = item_name(first) else {
            continue;
        };
        // （一）X模式（简称“Y”）。: the name without its alias, which it
        // also goes by.
        let (plain, aliases) = strip_aliases(name);
        let name = plain.trim_end_matches('。');
        // The ways of naming a maker or a copy that need the item to be
        // named as a practice (机制, “…”) before they are read.
        let practice_named = item_practice(extractor, name);
        let mut origins: Vec<(EntityKey, &str)> = Vec::new();
        let mut targets: Vec<(EntityKey, &str)> = Vec::new();
        for sentence in rest {
            let (source, after) = source_group(sentence);
            // （牵头单位：省商务厅；责任单位：…）: who carries a task out,
            // not where the practice came from.
            let leads = source
                .and_then(|g| g.split_once(['：', ':']))
                .is_some_and(|(h, _)| rules.column_role(h.trim()) == Some("lead"));
            if let Some(source) = source.filter(|_| !leads) {
                let names = names_in(extractor, source, graph);
                origins.extend(names.into_iter().map(|n| (n, sentence.as_str())));
            }
            // 由雄安片区首创，…; 发源于曹妃甸片区，…: the maker opens a
            // sentence of the item.
            let clause = after.split(['，', '。', '；']).next().unwrap_or("");
            let led = rules.starts_with_word(WordList::CreatorLeads, clause);
            let sourced = rules
                .starts_with_word(WordList::CreatorSources, clause)
                .is_some();
            let made = rules
                .ends_with_trigger(TriggerKind::Originate, clause)
                .is_some();
            // 中国（四川）…片区原创，…: the maker needs no 由 when the
            // clause is the maker and the verb alone.
            let bare = led.is_none() && made && practice_named && clause.chars().count() <= 40;
            if (led.is_some() && (sourced || made)) || bare {
                let names = names_in(extractor, clause, graph);
                origins.extend(names.into_iter().map(|n| (n, sentence.as_str())));
            }
            if practice_named {
                for clause in after.split(['，', '。', '；']) {
                    let names = copied_in(extractor, clause, graph);
                    targets.extend(names.into_iter().map(|n| (n, sentence.as_str())));
                }
            }
            // 推广范围：雄安片区、正定片区。: where it is to be copied.
            for part in after.split(['。', '；']) {
                if let Some((field, value)) = field_line(part)
                    && rules.column_role(&field) == Some("scope")
                {
                    let names = names_in(extractor, value, graph);
                    targets.extend(names.into_iter().map(|n| (n, sentence.as_str())));
                }
            }
            let copies = rules
                .triggers(TriggerKind::Replicate)
                .iter()
                .any(|t| after.contains(t.as_str()));
            if copies && after.starts_with('在') {
                let names = names_in(extractor, after, graph);
                targets.extend(names.into_iter().map(|n| (n, sentence.as_str())));
            }
        }
        if origins.is_empty() && targets.is_empty() {
            continue;
        }
        let practice = key(Class::Practice, &clean_label(name));
        graph.add_entity(&practice, name);
        for (alias, _) in &aliases {
            graph.add_entity(&practice, alias);
        }
        if let Some(recognition) = &recognition {
            graph.add_relation(&practice, Property::RecognizedAs, recognition, first);
        }
        for (origin, evidence) in origins {
            if origin.class.is_zone() || origin.class.is_organisation() {
                graph.add_relation(&practice, Property::OriginatedIn, &origin, evidence);
            }
        }
        for (target, evidence) in targets {
            if target.class.is_zone() {
                graph.add_relation(&practice, Property::ReplicatedIn, &target, evidence);
            }
        }
    }
}
