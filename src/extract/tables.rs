//! Annex tables of notices, written as text rows (序号｜改革事项｜主要内容｜
//! 经验来源｜推广范围). A row is read by its column headers: the practice it
//! names, the zone it came from (originatedIn) and the zones that are to
//! copy it (replicatedIn) — the most direct statement of replication.

use super::collect::{ArticleGraph, clean_label};
use super::{Extractor, key};
use crate::corpus::is_table_row;
use crate::model::{Article, Class, EntityKey, Property};

/// Cells of a row written with ｜ or | between cells.
fn cells(row: &str) -> Vec<&str> {
    row.split(['｜', '|']).map(str::trim).collect()
}

/// Reads every table of an article into the graph.
pub fn read(extractor: &Extractor, article: &Article, graph: &mut ArticleGraph) {
    let mut roles: Option<Vec<Option<String>>> = None;
    let province_areas = province_areas(extractor, article);
    for row in article.sentences().filter(|s| is_table_row(s)) {
        let row_cells = cells(row);
        let header: Vec<Option<String>> = row_cells
            .iter()
            .map(|c| extractor.rules.column_role(c).map(str::to_owned))
            .collect();
        let is_header = header.iter().filter(|r| r.is_some()).count() >= 2
            && row_cells.iter().all(|c| c.chars().count() <= 12);
        if is_header {
            roles = Some(header);
            continue;
        }
        let Some(roles) = &roles else { continue };
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
        if let Some(source) = cell("source") {
            for origin in zones_in(extractor, source) {
                graph.add_relation(&practice, Property::OriginatedIn, &origin, row);
            }
        }
        if let Some(scope) = cell("scope") {
            let mut targets = zones_in(extractor, scope);
            let province_wide = ["全省", "省内", "各片区", "全部片区", "所有片区"]
                .iter()
                .any(|w| scope.contains(w));
            if targets.is_empty() && province_wide {
                targets = province_areas.clone();
            }
            for target in targets {
                graph.add_relation(&practice, Property::ReplicatedIn, &target, row);
            }
        }
        if let Some(lead) = cell("lead") {
            for body in bodies_in(extractor, lead) {
                graph.add_entity(&body, &body.label);
            }
        }
    }
}

/// Zones (free trade zones, areas) a cell names, by the reference lexicon.
fn zones_in(extractor: &Extractor, cell: &str) -> Vec<EntityKey> {
    let lexicon = extractor.lexicon();
    let mut out: Vec<EntityKey> = Vec::new();
    for m in lexicon.find(cell) {
        let e = &lexicon.entries[m.entry];
        let k = key(e.class, &e.label);
        if e.class.is_zone() && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Government bodies a cell names (reference lexicon only).
fn bodies_in(extractor: &Extractor, cell: &str) -> Vec<EntityKey> {
    let lexicon = extractor.lexicon();
    lexicon
        .find(cell)
        .iter()
        .map(|m| &lexicon.entries[m.entry])
        .filter(|e| e.class == Class::GovernmentBody)
        .map(|e| key(e.class, &e.label))
        .collect()
}

/// The areas of the free trade zone of the province the notice is from:
/// the first province, zone or area its title or body names.
fn province_areas(extractor: &Extractor, article: &Article) -> Vec<EntityKey> {
    let lexicon = extractor.lexicon();
    let text = std::iter::once(article.title.as_str())
        .chain(article.issuer.as_deref())
        .chain(article.document_number.as_deref())
        .chain(article.sentences().filter(|s| !is_table_row(s)))
        .collect::<Vec<_>>()
        .join("。");
    let province = lexicon.find(&text).iter().find_map(|m| {
        let e = &lexicon.entries[m.entry];
        match e.class {
            Class::FreeTradeZone | Class::Area => e.province.clone(),
            Class::Place if e.kind.as_deref() == Some("province") => Some(e.label.clone()),
            _ => None,
        }
    });
    let Some(province) = province else {
        return Vec::new();
    };
    lexicon
        .entries
        .iter()
        .filter(|e| {
            e.class == Class::Area
                && e.province.as_deref() == Some(province.as_str())
                && !e.label.ends_with("组团")
        })
        .map(|e| key(e.class, &e.label))
        .collect()
}
