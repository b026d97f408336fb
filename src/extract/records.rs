//! Records written as field lines: case cards (案例名称：X, 首创单位：Y,
//! 推广情况：…), policy records of a compendium, a portal's metadata box or
//! a database export (标题：《…》, 发文机关：…, 适用范围：…), and numbered
//! annex items. Each is read by the column roles of data/rules/tables.tsv,
//! like one row of an annex table.

use super::collect::ArticleGraph;
use super::items::{after_chinese_number, after_item_number, field_line};
use super::mention::clean_label;
use super::rules::{EndingUse, WordList};
use super::tables::{names_in, practices_in, prose_links, recognition_of_title};
use super::{Extractor, key};
use crate::model::{Article, Class, EntityKey, Property};

/// Case cards (案例汇编): paragraphs that open with a field name and a colon,
/// 案例名称：X, 首创单位：Y, 推广情况：…复制推广到Z…, read like a row of an
/// annex table by the same column roles: one record from a …名称 field to
/// the next. Numbered annex items are records too (read_items).
pub fn read_records(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    super::annex_items::read_items(extractor, article, graph);
    let rules = &extractor.known.rules;
    let mut record = Record::default();
    // 一、《…若干措施》 as the article's title, 发文单位：… under it.
    if let Some(title) = policy_title(extractor, &article.title) {
        record.heading_policy = Some((key(Class::Policy, &clean_label(title)), title));
    }
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
    record.settle(graph);
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
    /// Who put the item forward (申报单位), with the line naming them.
    declared: Vec<(EntityKey, &'a str)>,
    /// Whether the item's prose says who created it.
    told: bool,
}

impl<'a> Record<'a> {
    /// Ends the record of the item: those who put it forward are where it
    /// came from unless its prose named who created it (a province's
    /// government declares the cases its zones and offices created).
    fn settle(&mut self, graph: &mut ArticleGraph) {
        let declared = std::mem::take(&mut self.declared);
        if let Some(item) = &self.item
            && !self.told
        {
            for (name, evidence) in declared {
                graph.add_relation(item, Property::OriginatedIn, &name, evidence);
            }
        }
        self.told = false;
    }

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
                self.settle(graph);
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
            Some("declarer") => {
                let Some(item) = &self.item else { return };
                if item.class == Class::Policy {
                    return;
                }
                for name in names_in(extractor, value, graph) {
                    if name.class.is_zone() || name.class.is_organisation() {
                        self.declared.push((name, first));
                    }
                }
            }
            // 主要做法：X在Z首创，…。该做法已在Y推开。: clause by clause, who
            // created the card's practice and who copied it.
            Some("content") => {
                let Some(item) = self.item.clone() else {
                    return;
                };
                if item.class == Class::Policy {
                    return;
                }
                let prose = std::iter::once(value).chain(rest.iter().map(String::as_str));
                for (i, text) in prose.enumerate() {
                    let evidence = if i == 0 { first } else { text };
                    for clause in text.split_inclusive(['，', '。', '；']) {
                        // 在Z先行先试“Q”改革: a clause naming another
                        // practice speaks of that one.
                        if practices_in(extractor, clause).iter().any(|p| *p != item) {
                            continue;
                        }
                        let links = prose_links(extractor, clause, false, graph);
                        for origin in links.origins {
                            if origin.class.is_zone() || origin.class.is_organisation() {
                                graph.add_relation(
                                    &item,
                                    Property::OriginatedIn,
                                    &origin,
                                    evidence,
                                );
                                self.told = true;
                            }
                        }
                        for copy in links.copies.iter().filter(|c| c.class.is_zone()) {
                            graph.add_relation(&item, Property::ReplicatedIn, copy, evidence);
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
    // 一、《…》 and （二）《…》 as well as 1．《…》.
    let line = after_chinese_number(line)
        .or_else(|| after_item_number(line))
        .unwrap_or(line);
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
