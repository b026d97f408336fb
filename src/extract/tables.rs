//! Annex tables of notices (序号｜改革事项｜主要内容｜经验来源｜推广范围),
//! as the document's typed tables. A row is read by its column headers: the
//! practice it names, the zone it came from (originatedIn) and the zones
//! that are to copy it (replicatedIn) — the most direct statement of
//! replication.

use super::collect::ArticleGraph;
use super::mention::clean_label;
use super::sentence::Sentence;
use super::{Extractor, key, mentions};
use crate::model::{Article, Class, EntityKey, Property};

/// Every row of every table of an article (header rows too), with the line
/// that states it.
fn rows(article: &Article) -> impl Iterator<Item = (Vec<&str>, &str)> {
    article.paragraphs.iter().flat_map(|p| {
        let rows = p.table.iter().flat_map(|t| t.all_rows());
        rows.zip(&p.sentences)
            .map(|(cells, line)| (cells.iter().map(String::as_str).collect(), line.as_str()))
    })
}

/// Reads every table of an article into the graph.
pub fn read(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let mut roles: Option<Vec<Option<String>>> = None;
    for (row_cells, row) in rows(article) {
        let header: Vec<Option<String>> = row_cells
            .iter()
            .map(|c| extractor.known.rules.column_role(c).map(str::to_owned))
            .collect();
        let is_header = header.iter().filter(|r| r.is_some()).count() >= 2
            && row_cells.iter().all(|c| c.chars().count() <= 12);
        if is_header {
            roles = Some(header);
            continue;
        }
        let Some(roles) = &roles else { continue };
        // |---|---| under a markdown header.
        let rule = row_cells.iter().all(|c| {
            c.chars()
                .all(|ch| matches!(ch, '-' | ':' | '—' | '－' | ' '))
        });
        if rule {
            continue;
        }
        let cell = |role: &str| {
            roles
                .iter()
                .position(|r| r.as_deref() == Some(role))
                .and_then(|i| row_cells.get(i).copied())
                .filter(|c| !c.is_empty())
        };
        let Some(name) = cell("name") else { continue };
        let practice = key(Class::Practice, &clean_label(name));
        graph.add_entity(&practice, name);
        // 经验来源: where it started (a zone, or a body that created it).
        if let Some(source) = cell("source") {
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
