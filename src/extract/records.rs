//! Records written as field lines: case cards (案例名称：X, 首创单位：Y,
//! 推广情况：…), policy records of a compendium, a portal's metadata box or
//! a database export (标题：《…》, 发文机关：…, 适用范围：…), and numbered
//! annex items. Each is read by the column roles of data/rules/tables.tsv,
//! like one row of an annex table.

use super::announced::announced_title;
use super::collect::ArticleGraph;
use super::items::{
    after_item_number, copied_in, item_name, item_practice, item_with_source, source_group,
};
use super::mention::clean_label;
use super::rules::{EndingUse, TriggerKind, WordList};
use super::sentence::strip_aliases;
use super::tables::{names_in, recognition_of_title};
use super::{Extractor, key};
use crate::model::{Article, Class, EntityKey, Property};

/// Case cards (案例汇编): paragraphs that open with a field name and a colon,
/// 案例名称：X, 首创单位：Y, 推广情况：…复制推广到Z…, read like a row of an
/// annex table by the same column roles: one record from a …名称 field to
/// the next. Numbered annex items are records too (read_items).
pub fn read_records(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    read_items(extractor, article, graph);
    let rules = &extractor.known.rules;
    let mut record = Record::default();
    for p in &article.paragraphs {
        if let (Some(table), Some(practice)) = (&p.table, &record.item) {
            copies_table(extractor, table, &p.sentences, practice, graph);
        }
        if p.table.is_some() {
            continue;
        }
        // 重庆自贸试验区第六批改革试点经验 above the items: the list every
        // item of it was selected into; another title ends it.
        let titles = p.heading.iter().chain(p.sentences.first());
        let mut titles = titles.filter(|t| field_line(t).is_none()).peekable();
        if titles.peek().is_some() {
            let label =
                titles.find_map(|t| recognition_of_title(rules, WordList::ItemListKinds, t));
            if label.is_some() || p.heading.is_some() {
                record.list = label;
            }
        }
        if let Some(line) = p
            .heading
            .as_deref()
            .or(p.sentences.first().map(String::as_str))
            && let Some(title) = policy_title(extractor, line)
        {
            record.heading_policy = Some((key(Class::Policy, &clean_label(title)), title));
        }
        // 1. 事项名称：X as the heading of its fields, then the field
        // lines: each read by its column role.
        if let Some(heading) = &p.heading
            && let Some((field, value)) = field_line(heading)
        {
            record.field(extractor, &field, value, heading, &[], graph);
        }
        let Some((first, rest)) = p.sentences.split_first() else {
            continue;
        };
        if let Some((field, value)) = field_line(first) {
            record.field(extractor, &field, value, first, rest, graph);
        }
    }
}

/// What the field lines read so far say.
#[derive(Default)]
struct Record<'a> {
    /// The item the fields describe: a case's practice or a policy.
    item: Option<EntityKey>,
    /// A policy title heading the fields (1. 关于…的通知, then 文号：…).
    heading_policy: Option<(EntityKey, &'a str)>,
    /// Issuers named before the title they issued.
    issuers: Vec<(EntityKey, &'a str)>,
    /// The document a notice in a record prints (关于印发《X》的通知).
    printed: Option<EntityKey>,
    /// The selection a list of records belongs to (its title's label).
    list: Option<String>,
}

impl<'a> Record<'a> {
    /// One field line: `first` is its sentence (the evidence), `rest` the
    /// sentences of its paragraph after it.
    fn field(
        &mut self,
        extractor: &Extractor,
        field: &str,
        value: &'a str,
        first: &'a str,
        rest: &'a [String],
        graph: &mut ArticleGraph,
    ) {
        let rules = &extractor.known.rules;
        match rules.column_role(field) {
            Some("name") if !value.is_empty() => {
                let name = value.trim_end_matches(['。', '；']);
                // 名称：…管理委员会 in a contact block names no item.
                let class = match rules.class_by_ending(&clean_label(name)) {
                    Some((Class::Policy, _, _)) => Class::Policy,
                    Some((class, EndingUse::Strong, _)) if class != Class::Practice => return,
                    _ if field.ends_with("名称") => Class::Practice,
                    _ => return,
                };
                let k = key(class, &clean_label(name));
                graph.add_entity(&k, name);
                // 关于印发《X》的通知: who issued the notice issued X.
                self.printed = printed_policy(extractor, name).map(|inner| {
                    let inner_key = key(Class::Policy, &clean_label(inner));
                    graph.add_entity(&inner_key, inner);
                    inner_key
                });
                if class == Class::Policy {
                    // 发文机关 may come before 标题 in a metadata box.
                    for (body, evidence) in self.issuers.drain(..) {
                        graph.add_relation(&body, Property::Issued, &k, evidence);
                        if let Some(inner) = &self.printed {
                            graph.add_relation(&body, Property::Issued, inner, evidence);
                        }
                    }
                } else if let Some(label) = &self.list {
                    let list = key(Class::Recognition, label);
                    graph.add_entity(&list, label);
                    graph.add_relation(&k, Property::RecognizedAs, &list, first);
                }
                self.item = Some(k);
                self.heading_policy = None;
            }
            Some("issuer") => {
                let policy = match (&self.item, &self.heading_policy) {
                    (Some(k), _) if k.class == Class::Policy => Some(k.clone()),
                    (_, Some((k, title))) => {
                        graph.add_entity(k, title);
                        self.item = Some(k.clone());
                        Some(k.clone())
                    }
                    _ => None,
                };
                for name in names_in(extractor, value, graph) {
                    if !name.class.is_organisation() {
                        continue;
                    }
                    match &policy {
                        Some(policy) => {
                            graph.add_relation(&name, Property::Issued, policy, first);
                            if let Some(inner) = &self.printed {
                                graph.add_relation(&name, Property::Issued, inner, first);
                            }
                        }
                        None => self.issuers.push((name, first)),
                    }
                }
            }
            Some(role @ ("source" | "scope")) => {
                let Some(item) = &self.item else { return };
                let rest = std::iter::once(value).chain(rest.iter().map(String::as_str));
                for (i, text) in rest.enumerate() {
                    let evidence = if i == 0 { first } else { text };
                    for name in names_in(extractor, text, graph) {
                        let property = match (role, item.class) {
                            ("scope", Class::Policy) => Property::AppliesTo,
                            ("scope", _) => Property::ReplicatedIn,
                            (_, Class::Policy) => continue,
                            _ => Property::OriginatedIn,
                        };
                        let fits = name.class.is_zone()
                            || (property == Property::OriginatedIn && name.class.is_organisation());
                        if fits {
                            graph.add_relation(item, property, &name, evidence);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The body a web page's metadata box names as its issuer (发文机关：…),
/// when the article has one such field (a compendium of many records has
/// an issuer per record).
pub fn issuer_field(extractor: &Extractor, article: &Article) -> Option<EntityKey> {
    let rules = &extractor.known.rules;
    let fields: Vec<(String, &str)> = article
        .paragraphs
        .iter()
        .filter_map(|p| p.sentences.first())
        .filter_map(|s| field_line(s))
        .collect();
    // A policy's box has its 文号 (发文字号) beside the issuer.
    if !fields.iter().any(|(field, _)| field.ends_with("文号")) {
        return None;
    }
    let mut issuers = fields
        .iter()
        .filter(|(field, _)| rules.column_role(field) == Some("issuer"));
    let (_, value) = issuers.next()?;
    if issuers.next().is_some() {
        return None;
    }
    extractor.organisation(value)
}

/// A field line, 文    号：…, "标题": "…", as (field without spaces or
/// quotation marks, value without them): fields have at most six
/// characters.
fn field_line(line: &str) -> Option<(String, &str)> {
    let (field, value) = after_item_number(line)
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

/// X of 关于印发《X》的通知, when X ends like a policy.
fn printed_policy<'a>(extractor: &Extractor, title: &'a str) -> Option<&'a str> {
    let rest = &title[title.find("印发《")? + "印发《".len()..];
    let inner = &rest[..rest.find('》')?];
    matches!(
        extractor.known.rules.class_by_ending(inner),
        Some((Class::Policy, _, _))
    )
    .then_some(inner)
}

/// A heading line that is a policy's title (1. 关于…的通知; 《…办法》):
/// its number and title marks go, and what is left ends like a policy.
fn policy_title<'a>(extractor: &Extractor, line: &'a str) -> Option<&'a str> {
    let title = line
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .trim_start_matches(['．', '.', '、'])
        .trim()
        .trim_start_matches('《')
        .trim_end_matches('》');
    let n = title.chars().count();
    let is_policy = matches!(
        extractor.known.rules.class_by_ending(title),
        Some((Class::Policy, _, _))
    );
    (is_policy && (6..=80).contains(&n) && !title.contains(['。', '，', '：', ':']))
        .then_some(title)
}

/// A table of copies under a case card (序号｜复制推广片区｜复制时间…): with
/// a scope column and none naming a practice, every row's scope zones
/// copied the card's practice.
fn copies_table(
    extractor: &Extractor,
    table: &crate::model::Table,
    rows: &[String],
    practice: &EntityKey,
    graph: &mut ArticleGraph,
) {
    let rules = &extractor.known.rules;
    let roles: Vec<Option<&str>> = table.header.iter().map(|c| rules.column_role(c)).collect();
    if !roles.contains(&Some("scope")) || roles.contains(&Some("name")) {
        return;
    }
    for (cells, row) in table.rows.iter().zip(rows.iter().skip(1)) {
        for (_, cell) in roles
            .iter()
            .zip(cells)
            .filter(|(r, _)| **r == Some("scope"))
        {
            for zone in names_in(extractor, cell, graph) {
                if zone.class.is_zone() {
                    graph.add_relation(practice, Property::ReplicatedIn, &zone, row);
                }
            }
        }
    }
}

/// Numbered annex items (清单 of practices): 1．名称。做法…（来源地区、单位）
/// 在…复制推广。 or …——来源。在全国范围内复制推广。 The item's first
/// sentence names the practice, a group in brackets or after —— its
/// sources (originatedIn), the 复制推广 sentence the zones to copy it
/// (replicatedIn; 全国 names none), and the list's title the recognition
/// every item belongs to.
fn read_items(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
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

#[cfg(test)]
mod tests {
    use super::field_line;

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
}
