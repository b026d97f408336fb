//! Annex tables of notices (序号｜改革事项｜主要内容｜经验来源｜推广范围),
//! as the document's typed tables. A row is read by its column headers: the
//! practice it names, the zone it came from (originatedIn) and the zones
//! that are to copy it (replicatedIn) — the most direct statement of
//! replication.

use super::collect::ArticleGraph;
use super::mention::clean_label;
use super::rules::{EndingUse, Rules, WordList};
use super::sentence::Sentence;
use super::{Extractor, key, mentions};
use crate::model::{Article, Class, EntityKey, Paragraph, Property};

/// Every table of an article with the line above it (the last line of the
/// paragraph before, or that paragraph's heading).
fn tables(article: &Article) -> impl Iterator<Item = (Option<&str>, &Paragraph)> {
    let mut title: Option<&str> = None;
    article.paragraphs.iter().filter_map(move |p| {
        if p.table.is_some() {
            return Some((title, p));
        }
        title = p
            .sentences
            .last()
            .or(p.heading.as_ref())
            .map(String::as_str);
        None
    })
}

/// The recognition a table's title says its rows were selected into:
/// 2023年度…十佳制度创新案例名单 → 2023年度…十佳制度创新案例. Without the
/// kind of table it may name (table_kinds), the title must name a selection
/// (series_marks: 第N批, 年度, 十佳) and end with a recognition ending.
fn recognition_of_title(rules: &Rules, title: &str) -> Option<String> {
    let title = title.trim();
    let title = title
        .split_once(['：', ':'])
        .filter(|(lead, _)| lead.starts_with("附件"))
        .map_or(title, |(_, rest)| rest.trim());
    let kind = rules
        .ends_with_word(WordList::TableKinds, title)
        .unwrap_or("");
    let name = clean_label(&title[..title.len() - kind.len()]);
    let selected = rules.contains_word(WordList::SeriesMarks, &name);
    let recognition = matches!(
        rules.class_by_ending(&name),
        Some((Class::Recognition, _, _))
    );
    (selected && recognition && name.chars().count() >= 6).then_some(name)
}

/// Reads every table of an article into the graph.
pub fn read(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let rules = &extractor.known.rules;
    let mut roles: Option<Vec<Option<String>>> = None;
    for (title, paragraph) in tables(article) {
        let Some(table) = &paragraph.table else {
            continue;
        };
        // The title: the line above the table, or the heading it sits under.
        let recognition = [title, paragraph.heading.as_deref()]
            .into_iter()
            .flatten()
            .find_map(|t| recognition_of_title(rules, t))
            .map(|label| key(Class::Recognition, &label));
        for (row_cells, row) in table.all_rows().zip(&paragraph.sentences) {
            let row_cells: Vec<&str> = row_cells.iter().map(String::as_str).collect();
            read_row(
                extractor,
                &row_cells,
                row,
                recognition.as_ref(),
                &mut roles,
                graph,
            );
        }
    }
}

/// One row of a table: a header row sets the column roles, a body row
/// states what its cells name.
fn read_row(
    extractor: &Extractor,
    row_cells: &[&str],
    row: &str,
    recognition: Option<&EntityKey>,
    roles: &mut Option<Vec<Option<String>>>,
    graph: &mut ArticleGraph,
) {
    let rules = &extractor.known.rules;
    let header: Vec<Option<String>> = row_cells
        .iter()
        .map(|c| rules.column_role(c).map(str::to_owned))
        .collect();
    let is_header = header.iter().filter(|r| r.is_some()).count() >= 2
        && row_cells.iter().all(|c| c.chars().count() <= 12);
    if is_header {
        *roles = Some(header);
        return;
    }
    let Some(roles) = roles.as_ref() else { return };
    // |---|---| under a markdown header.
    let rule = row_cells.iter().all(|c| {
        c.chars()
            .all(|ch| matches!(ch, '-' | ':' | '—' | '－' | ' '))
    });
    if rule {
        return;
    }
    // Every non-empty cell of a role (申报单位 and 所在片区 are both sources).
    let cells = |role: &str| -> Vec<&str> {
        (roles.iter().zip(row_cells))
            .filter(|(r, c)| r.as_deref() == Some(role) && !c.is_empty())
            .map(|(_, c)| *c)
            .collect()
    };
    let cell = |role: &str| cells(role).first().copied();
    let Some(name) = cell("name") else { return };
    let label = clean_label(name);
    // A platform selected as a case stays a platform (“X”数字服务平台).
    let class = match rules.class_by_ending(&label) {
        Some((Class::Platform, EndingUse::Strong, _)) if recognition.is_some() => Class::Platform,
        _ => Class::Practice,
    };
    let practice = key(class, &label);
    graph.add_entity(&practice, name);
    if let Some(recognition) = recognition {
        graph.add_relation(&practice, Property::RecognizedAs, recognition, row);
    }
    // 经验来源: where it started (a zone, or a body that created it).
    for source in cells("source") {
        for origin in names_in(extractor, source, graph) {
            if origin.class.is_zone() || origin.class.is_organisation() {
                graph.add_relation(&practice, Property::OriginatedIn, &origin, row);
            }
        }
    }
    // 推广范围: the zones it names (全省 names none).
    if let Some(scope) = cell("scope") {
        for target in names_in(extractor, scope, graph) {
            if target.class.is_zone() {
                graph.add_relation(&practice, Property::ReplicatedIn, &target, row);
            }
        }
    }
    if let Some(lead) = cell("lead") {
        names_in(extractor, lead, graph);
    }
}

/// Case cards (案例汇编): paragraphs that open with a field name and a colon,
/// 案例名称：X, 首创单位：Y, 推广情况：…复制推广到Z…, read like a row of an
/// annex table by the same column roles: one record from a …名称 field to
/// the next.
pub fn read_records(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let mut practice: Option<EntityKey> = None;
    for p in article.paragraphs.iter().filter(|p| p.table.is_none()) {
        let Some(first) = p.sentences.first() else {
            continue;
        };
        let Some((field, value)) = first.split_once(['：', ':']) else {
            continue;
        };
        let field = field.trim();
        if field.is_empty() || field.chars().count() > 6 {
            continue;
        }
        let role = extractor.known.rules.column_role(field);
        match role {
            Some("name") if field.ends_with("名称") && !value.trim().is_empty() => {
                let name = value.trim().trim_end_matches(['。', '；']);
                let key = key(Class::Practice, &clean_label(name));
                graph.add_entity(&key, name);
                practice = Some(key);
            }
            Some(role @ ("source" | "scope")) => {
                let Some(practice) = &practice else { continue };
                let rest =
                    std::iter::once(value).chain(p.sentences[1..].iter().map(String::as_str));
                for (i, text) in rest.enumerate() {
                    let evidence = if i == 0 { first.as_str() } else { text };
                    for name in names_in(extractor, text, graph) {
                        if role == "source"
                            && (name.class.is_zone() || name.class.is_organisation())
                        {
                            graph.add_relation(practice, Property::OriginatedIn, &name, evidence);
                        } else if role == "scope" && name.class.is_zone() {
                            graph.add_relation(practice, Property::ReplicatedIn, &name, evidence);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The zones and organisations a cell names, added to the graph as
/// entities; places are left out (a scope of 成都 is not a zone).
fn names_in(extractor: &Extractor, cell: &str, graph: &mut ArticleGraph) -> Vec<EntityKey> {
    let s = Sentence::new(&extractor.segmenter, cell);
    let mut out: Vec<EntityKey> = Vec::new();
    for m in mentions::find(&extractor.known, &s)
        .iter()
        .filter(|m| !m.nested)
    {
        if !(m.class().is_zone() || m.class().is_organisation()) {
            continue;
        }
        graph.add_mention(m);
        for alias in &m.aliases {
            graph.add_entity(&m.key, alias);
        }
        for (alias, _) in s.aliases.iter().filter(|(_, at)| *at == m.end) {
            graph.add_entity(&m.key, alias);
        }
        if !out.contains(&m.key) {
            out.push(m.key.clone());
        }
    }
    out
}
