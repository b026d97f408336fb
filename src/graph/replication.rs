//! The replication matrix: practices (rows) × zones (columns), each cell
//! the date a zone copied the practice, or the origin mark where it was
//! first made. Rows sort by number of copies, first date or name; columns
//! group the areas under their free trade zone and can be limited to one
//! province. `ftzkg replication` and the web page `/replication` both
//! print this one `Matrix`.
//!
//! Input: a `Projection` (already filtered by date), each zone's province,
//! and `MatrixOptions`. Output: a `Matrix`, written as a table, CSV or SVG.

use super::export::xml_escape;
use super::style::{property_colour, short_label};
use super::trace::EntityRef;
use super::{GraphError, Kind, Projection};
use crate::model::{Class, Property};
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write;

/// How rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum MatrixSort {
    /// Most copied first.
    #[default]
    Copies,
    /// Earliest first date first.
    Date,
    /// By name.
    Name,
}

impl MatrixSort {
    pub fn parse(text: &str) -> MatrixSort {
        match text {
            "date" => MatrixSort::Date,
            "name" => MatrixSort::Name,
            _ => MatrixSort::Copies,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MatrixSort::Copies => "copies",
            MatrixSort::Date => "date",
            MatrixSort::Name => "name",
        }
    }
}

/// How `ftzkg replication` prints the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MatrixFormat {
    /// An aligned table with short names.
    Table,
    /// CSV with full names (as /replication.csv).
    Csv,
    /// An SVG grid.
    Svg,
}

/// What to show besides the projection's own filters.
#[derive(Clone, Debug, Default)]
pub struct MatrixOptions {
    /// Only zones of this province (short name, as 黑龙江).
    pub province: Option<String>,
    pub sort: MatrixSort,
}

/// A zone column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Column {
    pub zone: EntityRef,
    pub short: String,
    /// Full label of the free trade zone the column belongs to (its own for a zone).
    pub group: String,
    /// Its short label (黑龙江自贸区).
    pub group_short: String,
    pub province: Option<String>,
}

/// One cell: the practice was made here (`origin`) or copied here, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub origin: bool,
    pub date: Option<String>,
}

impl Cell {
    /// `首创 2024-01-15`, `复制 2024-03-15`.
    pub fn text(&self) -> String {
        let what = if self.origin { "首创" } else { "复制" };
        match &self.date {
            Some(d) => format!("{what} {d}"),
            None => what.to_owned(),
        }
    }
}

/// A practice row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub practice: EntityRef,
    pub short: String,
    /// Where it was made (any class: zones, firms, bodies).
    pub origins: Vec<String>,
    /// Zones that copied it (all of them, whatever columns are shown).
    pub copies: usize,
    pub first_date: Option<String>,
    /// One entry per column.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Matrix {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// The free trade zone a zone belongs to (following `partOf`), or itself.
fn root_zone(p: &Projection, n: NodeIndex) -> NodeIndex {
    let mut current = n;
    for _ in 0..4 {
        let parent = p
            .graph
            .edges_directed(current, Direction::Outgoing)
            .find(|e| e.weight().property == Property::PartOf && p.graph[e.target()].kind.is_zone())
            .map(|e| e.target());
        match parent {
            Some(up) if p.graph[current].kind != Kind::Entity(Class::FreeTradeZone) => current = up,
            _ => break,
        }
    }
    current
}

fn province_matches(province: Option<&String>, wanted: &str) -> bool {
    province.is_some_and(|p| p.contains(wanted) || wanted.contains(p.as_str()))
}

/// Builds the matrix: every practice copied somewhere, every zone that
/// made or copied one of them.
pub fn matrix(
    p: &Projection,
    provinces: &HashMap<String, String>,
    options: &MatrixOptions,
) -> Matrix {
    let g = &p.graph;
    // Per practice: its origins, its cells by zone, its number of copies.
    type Found = (NodeIndex, Vec<String>, BTreeMap<NodeIndex, Cell>, usize);
    let mut found: Vec<Found> = Vec::new();
    for n in g.node_indices() {
        if g[n].kind != Kind::Entity(Class::Practice) {
            continue;
        }
        let mut cells: BTreeMap<NodeIndex, Cell> = BTreeMap::new();
        let mut origins = Vec::new();
        let mut copies = 0;
        for e in g.edges_directed(n, Direction::Outgoing) {
            let zone = e.target();
            let date = e.weight().first_date().map(str::to_owned);
            match e.weight().property {
                Property::OriginatedIn => {
                    origins.push(g[zone].label.clone());
                    if g[zone].kind.is_zone() {
                        cells.insert(zone, Cell { origin: true, date });
                    }
                }
                Property::ReplicatedIn if g[zone].kind.is_zone() => {
                    copies += 1;
                    cells.entry(zone).or_insert(Cell {
                        origin: false,
                        date,
                    });
                }
                _ => {}
            }
        }
        if copies > 0 {
            origins.sort();
            found.push((n, origins, cells, copies));
        }
    }
    let province_of = |z: NodeIndex| {
        provinces
            .get(&g[z].iri)
            .or_else(|| provinces.get(&g[root_zone(p, z)].iri))
            .cloned()
    };
    let shown = |z: NodeIndex| match &options.province {
        Some(w) if !w.trim().is_empty() => province_matches(province_of(z).as_ref(), w.trim()),
        _ => true,
    };
    let mut zones: Vec<NodeIndex> = found
        .iter()
        .flat_map(|(_, _, cells, _)| cells.keys().copied())
        .filter(|&z| shown(z))
        .collect();
    zones.sort_by_key(|&z| {
        let root = root_zone(p, z);
        (g[root].label.clone(), root != z, g[z].label.clone())
    });
    zones.dedup();
    let columns: Vec<Column> = zones
        .iter()
        .map(|&z| Column {
            zone: (&g[z]).into(),
            short: short_label(&g[z]),
            group: g[root_zone(p, z)].label.clone(),
            group_short: short_label(&g[root_zone(p, z)]),
            province: province_of(z),
        })
        .collect();
    let mut rows: Vec<Row> = found
        .into_iter()
        .map(|(n, origins, cells, copies)| {
            let first_date = cells.values().filter_map(|c| c.date.clone()).min();
            Row {
                practice: (&g[n]).into(),
                short: short_label(&g[n]),
                origins,
                copies,
                first_date,
                cells: zones.iter().map(|z| cells.get(z).cloned()).collect(),
            }
        })
        .filter(|r| r.cells.iter().any(Option::is_some))
        .collect();
    rows.sort_by(|a, b| {
        let by_name = a.practice.label.cmp(&b.practice.label);
        match options.sort {
            MatrixSort::Copies => b.copies.cmp(&a.copies).then(by_name),
            MatrixSort::Date => (a.first_date.is_none(), &a.first_date)
                .cmp(&(b.first_date.is_none(), &b.first_date))
                .then(by_name),
            MatrixSort::Name => by_name,
        }
    });
    Matrix { columns, rows }
}

/// Reads the store and builds the matrix for a filter.
pub fn read(
    store: &crate::store::KgStore,
    filter: &super::Filter,
    options: &MatrixOptions,
) -> Result<Matrix, GraphError> {
    let projection = super::project(store, filter)?;
    let provinces = super::query::zone_provinces(store)?;
    Ok(matrix(&projection, &provinces, options))
}

/// Header and rows as text cells; `short` picks short column names.
fn text_rows(m: &Matrix, short: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = ["制度创新", "首创于", "复制数", "最早日期"]
        .map(String::from)
        .to_vec();
    header.extend(m.columns.iter().map(|c| {
        if short {
            c.short.clone()
        } else {
            c.zone.label.clone()
        }
    }));
    let rows = m
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                if short {
                    r.short.clone()
                } else {
                    r.practice.label.clone()
                },
                r.origins.join("、"),
                r.copies.to_string(),
                r.first_date.clone().unwrap_or_default(),
            ];
            row.extend(
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map(Cell::text).unwrap_or_default()),
            );
            row
        })
        .collect();
    (header, rows)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Writes the matrix in a format.
pub fn write(m: &Matrix, format: MatrixFormat, out: &mut dyn Write) -> Result<(), GraphError> {
    match format {
        MatrixFormat::Table => Ok(write_table(m, out)?),
        MatrixFormat::Csv => Ok(write_csv(m, out)?),
        MatrixFormat::Svg => write_svg(m, out),
    }
}

/// CSV (RFC 4180, full names).
pub fn write_csv(m: &Matrix, out: &mut dyn Write) -> std::io::Result<()> {
    let (header, rows) = text_rows(m, false);
    for row in std::iter::once(&header).chain(&rows) {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        write!(out, "{}\r\n", fields.join(","))?;
    }
    Ok(())
}

/// An aligned text table with short names.
pub fn write_table(m: &Matrix, out: &mut dyn Write) -> std::io::Result<()> {
    let (header, rows) = text_rows(m, true);
    crate::results::write_table(&header, &rows, out)
}

const LABEL_WIDTH: f64 = 230.0;
const CELL: f64 = 26.0;
const HEADER: f64 = 170.0;
const TOP: f64 = 56.0;

/// An SVG grid: practices down, zones across (names written vertically,
/// grouped by free trade zone), ★ for the origin, ● for a copy; each cell's
/// tooltip gives the date.
pub fn write_svg(m: &Matrix, out: &mut dyn Write) -> Result<(), GraphError> {
    let width = LABEL_WIDTH + 60.0 + m.columns.len() as f64 * CELL + 20.0;
    let height = TOP + HEADER + m.rows.len() as f64 * CELL + 20.0;
    let (origin, copy) = (
        property_colour(Property::OriginatedIn),
        property_colour(Property::ReplicatedIn),
    );
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif\" font-size=\"13\">\n<title>复制推广矩阵: {} 项制度创新 × {} 个区域</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
        m.rows.len(),
        m.columns.len()
    );
    let _ = writeln!(
        s,
        "<text x=\"20\" y=\"26\" font-size=\"16\" font-weight=\"bold\">复制推广矩阵</text>\
         <text x=\"160\" y=\"26\" fill=\"{origin}\">★ 首创</text><text x=\"230\" y=\"26\" fill=\"{copy}\">● 复制推广</text>\
         <text x=\"330\" y=\"26\" fill=\"#555\">复制数 = 复制该制度创新的区域数；悬停看日期</text>"
    );
    let x0 = LABEL_WIDTH + 60.0;
    let mut last_group = "";
    for (i, c) in m.columns.iter().enumerate() {
        let x = x0 + i as f64 * CELL;
        if c.group != last_group {
            last_group = &c.group;
            let _ = writeln!(
                s,
                "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#bbbbbb\"/>",
                height - 20.0
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" writing-mode=\"tb\" glyph-orientation-vertical=\"0\"><title>{}</title>{}</text>",
            x + CELL / 2.0,
            TOP + 6.0,
            xml_escape(&c.zone.label),
            xml_escape(&c.short)
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\">复制数</text>",
        LABEL_WIDTH + 30.0,
        TOP + HEADER - 8.0
    );
    for (r, row) in m.rows.iter().enumerate() {
        let y = TOP + HEADER + r as f64 * CELL;
        if r % 2 == 0 {
            let _ = writeln!(
                s,
                "<rect x=\"10\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{CELL}\" fill=\"#f4f6f8\"/>",
                width - 20.0
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"20\" y=\"{:.1}\"><title>{}</title>{}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            y + 18.0,
            xml_escape(&row.practice.label),
            xml_escape(&row.short),
            LABEL_WIDTH + 30.0,
            y + 18.0,
            row.copies
        );
        for (i, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else { continue };
            let (mark, colour) = if cell.origin {
                ("★", origin)
            } else {
                ("●", copy)
            };
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{colour}\"><title>{} · {} · {}</title>{mark}</text>",
                x0 + i as f64 * CELL + CELL / 2.0,
                y + 18.0,
                xml_escape(&row.practice.label),
                xml_escape(&m.columns[i].zone.label),
                xml_escape(&cell.text())
            );
        }
    }
    s.push_str("</svg>\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::sample;

    fn provinces(p: &Projection) -> HashMap<String, String> {
        let mut m = HashMap::new();
        for n in p.graph.node_weights() {
            if n.label.contains("江苏") {
                m.insert(n.iri.clone(), "江苏".to_owned());
            }
            if n.label.contains("黑龙江") {
                m.insert(n.iri.clone(), "黑龙江".to_owned());
            }
        }
        m
    }

    #[test]
    fn a_copied_practice_has_its_origin_marked_and_each_copy_dated() {
        let p = sample();
        let m = matrix(&p, &provinces(&p), &MatrixOptions::default());
        assert_eq!(m.rows.len(), 1, "证照联办 was never copied");
        let row = &m.rows[0];
        assert_eq!(row.practice.label, "无感续证");
        assert_eq!(row.copies, 2);
        let cells: Vec<(&str, String)> = m
            .columns
            .iter()
            .zip(&row.cells)
            .filter_map(|(c, cell)| cell.as_ref().map(|x| (c.zone.label.as_str(), x.text())))
            .collect();
        assert_eq!(
            cells,
            [
                (
                    "中国（江苏）自由贸易试验区南京片区",
                    "首创 2024-01-15".to_owned()
                ),
                (
                    "中国（江苏）自由贸易试验区苏州片区",
                    "复制 2024-03-15".to_owned()
                ),
                (
                    "中国（黑龙江）自由贸易试验区哈尔滨片区",
                    "复制 2024-05-15".to_owned()
                ),
            ]
        );
        assert_eq!(m.columns[0].group, "中国（江苏）自由贸易试验区");
    }

    #[test]
    fn a_province_keeps_its_zones_and_the_rows_that_touch_them() {
        let p = sample();
        let options = MatrixOptions {
            province: Some("黑龙江".into()),
            ..MatrixOptions::default()
        };
        let m = matrix(&p, &provinces(&p), &options);
        assert_eq!(m.columns.len(), 1);
        assert_eq!(
            m.rows[0].cells[0].as_ref().unwrap().text(),
            "复制 2024-05-15"
        );
        let mut csv = Vec::new();
        write_csv(&m, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        assert_eq!(
            csv.lines().nth(1).unwrap(),
            "无感续证,中国（江苏）自由贸易试验区南京片区,2,2024-01-15,复制 2024-05-15"
        );
    }

    #[test]
    fn the_svg_escapes_names_and_marks_origins() {
        let mut p = sample();
        let wg = p.node("x:wg").unwrap();
        p.graph[wg].label = "<无感>".into();
        let m = matrix(&p, &HashMap::new(), &MatrixOptions::default());
        let mut svg = Vec::new();
        write_svg(&m, &mut svg).unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.contains("&lt;无感&gt;") && !svg.contains("<无感"));
        assert_eq!(svg.matches(">★</text>").count(), 1);
        assert_eq!(svg.matches(">●</text>").count(), 2);
    }
}
