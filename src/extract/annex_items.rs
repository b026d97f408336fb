//! Numbered annex items (清单 of practices): 1．名称。做法…（来源地区、单位）
//! 在…复制推广。 Each item names a practice, its sources and the zones that
//! are to copy it; the list's title is the recognition of every item.

use super::announced::announced_title;
use super::collect::ArticleGraph;
use super::items::{
    after_chinese_number, after_item_number, copied_from, copied_in, copy_verb, field_line,
    item_name, item_name_before_colon, item_practice, item_with_source, practice_title,
    source_group,
};
use super::mention::clean_label;
use super::rules::{Rules, TriggerKind, WordList};
use super::sentence::strip_aliases;
use super::tables::{mentioned_in, names_in, recognition_of_title};
use super::{Extractor, key};
use crate::model::{Article, Class, EntityKey, Paragraph, Property};
use std::borrow::Cow;

/// Numbered annex items (清单 of practices): 1．名称。做法…（来源地区、单位）
/// 在…复制推广。 or …——来源。在全国范围内复制推广。 The item's first
/// sentence names the practice, a group in brackets or after —— its
/// sources (originatedIn), the 复制推广 sentence the zones to copy it
/// (replicatedIn; 全国 names none), and the list's title the recognition
/// every item belongs to.
pub(super) fn read_items(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let rules = &extractor.known.rules;
    // 重庆自贸试验区发布2024年度十大制度创新成果 above its items (not a
    // section about them: 一、复制推广的第五批制度创新成果).
    let mut recognition = recognition_of_title(rules, WordList::ItemListKinds, &article.title)
        .filter(|label| !label.contains('的'))
        .map(|label| key(Class::Recognition, &label));
    // The zone of the heading the items stand under, else of the article's title.
    let mut section_zone = heading_zone(extractor, &article.title);
    let paragraphs = item_runs(rules, &article.paragraphs);
    for p in paragraphs.iter().filter(|p| p.table.is_none()) {
        let heading = match p.sentences.as_slice() {
            [line] if item_name_before_colon(line).is_none() => Some(line.as_str()),
            _ => p.heading.as_deref(),
        };
        if let Some(heading) = heading.filter(|h| h.chars().count() <= 30) {
            section_zone = heading_zone(extractor, heading).or(section_zone);
        }
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
        // 1．X：2025年引进，原创地为…: the name before the colon, the rest
        // of the line read like the item's next sentence.
        let (name, lead) = match item_name(first).or_else(|| practice_title(rules, first)) {
            Some(name) => (name, None),
            None => match item_name_before_colon(first) {
                Some((name, rest)) if item_practice(rules, name) => (name, Some(rest)),
                _ => continue,
            },
        };
        // （一）X模式（简称“Y”）。: the name without its alias, which it
        // also goes by.
        let (plain, aliases) = strip_aliases(name);
        let name = plain.trim_end_matches('。');
        // The ways of naming a maker or a copy that need the item to be
        // named as a practice (机制, “…”) before they are read.
        let practice_named = item_practice(rules, name);
        let mut origins: Vec<(EntityKey, &str)> = Vec::new();
        let mut targets: Vec<(EntityKey, &str)> = Vec::new();
        // 2025年4月引进 under the heading （一）成都天府新区片区: copied by
        // the zone the item's article is about.
        let mut unplaced_copy = false;
        let mut lists: Vec<(EntityKey, &str)> = Vec::new();
        let body = lead
            .map(|text| (text, first.as_str()))
            .into_iter()
            .chain(rest.iter().map(|s| (s.as_str(), s.as_str())));
        for (sentence, evidence) in body {
            let (source, after) = source_group(sentence);
            // （牵头单位：省商务厅；责任单位：…）: who carries a task out,
            // not where the practice came from.
            let leads = source
                .and_then(|g| g.split_once(['：', ':']))
                .is_some_and(|(h, _)| rules.column_role(h.trim()) == Some("lead"));
            if let Some(source) = source.filter(|_| !leads) {
                let names = names_in(extractor, source, graph);
                origins.extend(names.into_iter().map(|n| (n, evidence)));
            }
            // 由雄安片区首创，…; 发源于曹妃甸片区，…: the maker opens a
            // sentence of the item.
            // (2025年4月引进，原创地为 Y: any clause of the item.)
            for (i, clause) in after.split(['，', '。', '；']).enumerate() {
                let led = rules.starts_with_word(WordList::CreatorLeads, clause);
                let sourced = rules
                    .starts_with_word(WordList::CreatorSources, clause)
                    .is_some();
                let made = rules
                    .ends_with_trigger(TriggerKind::Originate, clause)
                    .is_some();
                // 中国（四川）…片区原创，…: the maker needs no 由 when the
                // clause is the maker and the verb alone.
                let bare = i == 0
                    && led.is_none()
                    && made
                    && practice_named
                    && clause.chars().count() <= 40;
                if (led.is_some() && (sourced || made) && (i == 0 || practice_named)) || bare {
                    let names = names_in(extractor, clause, graph);
                    origins.extend(names.into_iter().map(|n| (n, evidence)));
                }
            }
            if practice_named {
                for clause in after.split(['，', '。', '；']) {
                    // 出自全国自贸试验区第六批最佳实践案例: the list it was selected from.
                    if let Some(title) = selected_from(rules, clause) {
                        let list = key(Class::Recognition, &title);
                        graph.add_entity(&list, &title);
                        lists.push((list, evidence));
                    }
                    let names = copied_in(extractor, clause, graph);
                    unplaced_copy |= names.is_empty() && copy_verb(rules, clause).is_some();
                    targets.extend(names.into_iter().map(|n| (n, evidence)));
                    let sources = copied_from(extractor, clause, graph);
                    origins.extend(sources.into_iter().map(|n| (n, evidence)));
                }
            }
            // 推广范围：雄安片区、正定片区。: where it is to be copied;
            // 首创单位：果园港片区、…公司。: where it came from.
            for part in after.split(['。', '；']) {
                let Some((field, value)) = field_line(part) else {
                    continue;
                };
                let names = names_in(extractor, value, graph).into_iter();
                match rules.column_role(&field) {
                    Some("scope") => targets.extend(names.map(|n| (n, evidence))),
                    Some("source") => origins.extend(names.map(|n| (n, evidence))),
                    _ => {}
                }
            }
            let copies = rules
                .triggers(TriggerKind::Replicate)
                .iter()
                .any(|t| after.contains(t.as_str()));
            if copies && after.starts_with('在') {
                let names = names_in(extractor, after, graph);
                targets.extend(names.into_iter().map(|n| (n, evidence)));
            }
        }
        if targets.is_empty()
            && unplaced_copy
            && let Some(zone) = section_zone.clone()
        {
            graph.add_entity(&zone, &zone.label);
            targets.push((zone, first.as_str()));
        }
        if origins.is_empty() && targets.is_empty() && lists.is_empty() {
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
        for (list, evidence) in lists {
            graph.add_relation(&practice, Property::RecognizedAs, &list, evidence);
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

/// 一、铁海联运“一单制” on a line of its own, then 首创单位：… and the
/// item's prose in paragraphs of their own (a news item listing a year's
/// results): one paragraph per item, its title first.
fn item_runs<'a>(rules: &Rules, paragraphs: &'a [Paragraph]) -> Cow<'a, [Paragraph]> {
    let lone_title = |p: &Paragraph| {
        p.heading.is_none()
            && p.table.is_none()
            && matches!(p.sentences.as_slice(), [line] if practice_title(rules, line).is_some())
    };
    if !paragraphs.iter().any(lone_title) {
        return Cow::Borrowed(paragraphs);
    }
    let numbered =
        |line: &str| after_item_number(line).is_some() || after_chinese_number(line).is_some();
    let mut runs: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    let mut open = false;
    for p in paragraphs {
        let plain = p.heading.is_none() && p.table.is_none();
        let starts_item = p.sentences.first().is_some_and(|s| numbered(s));
        if open && plain && !starts_item {
            let run = runs.last_mut().expect("an open run");
            run.sentences.extend(p.sentences.iter().cloned());
            continue;
        }
        open = lone_title(p);
        runs.push(p.clone());
    }
    Cow::Owned(runs)
}

/// The zone a heading is no more than (（一）成都天府新区片区, 二、岳阳片区).
fn heading_zone(extractor: &Extractor, heading: &str) -> Option<EntityKey> {
    let heading = after_item_number(heading)
        .or_else(|| heading.split_once('、').map(|(_, rest)| rest))
        .unwrap_or(heading)
        .trim()
        .trim_end_matches(['：', ':', '。']);
    if heading.chars().count() > 24 || heading.contains(['，', '。', '；']) {
        return None;
    }
    let mut names = mentioned_in(extractor, heading).into_iter();
    match (names.next(), names.next()) {
        (Some(zone), None) if zone.class.is_zone() => Some(zone),
        _ => None,
    }
}

/// The list a clause of an item says its practice was selected from
/// (出自全国自贸试验区第六批最佳实践案例, 2024年入选…案例): a recognition by
/// its ending after an item recognition verb.
fn selected_from(rules: &Rules, clause: &str) -> Option<String> {
    rules
        .words(WordList::ItemRecognitionVerbs)
        .iter()
        .find_map(|verb| {
            let (_, title) = clause.split_once(verb.as_str())?;
            let title = clean_label(title);
            let recognition = matches!(
                rules.class_by_ending(&title),
                Some((Class::Recognition, _, _))
            );
            (recognition && title.chars().count() >= 6).then_some(title)
        })
}
