//! The pictures and the matrix: `/graph` (the zone–policy network, every
//! relation, or the zone overview; Cytoscape.js draws what `/api/graph`
//! returns for the filters in the URL) and `/replication` (practices ×
//! zones, the same `Matrix` that `ftzkg replication` prints).
//!
//! Input: the view state in the query string (see `params`). Output: HTML
//! pages in which every string from the store is escaped.

use super::AppState;
use super::api::without_province;
use super::html::{self, Lang, esc, url};
use super::page::{GRAPH_SCRIPTS, render};
use super::params::{self, View};
use crate::graph::{replication, style};
use crate::model::{Class, Property};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

type Params = Query<HashMap<String, String>>;

fn value<'a>(params: &'a HashMap<String, String>, key: &str) -> &'a str {
    params.get(key).map(String::as_str).unwrap_or("")
}

/// `<select>` of the provinces that have a free trade zone.
fn province_select(lang: Lang, provinces: &BTreeSet<String>, chosen: &str) -> String {
    let mut out = format!(
        "<label>{} <select name=\"province\" id=\"province\"><option value=\"\">{}</option>",
        lang.t("省份", "Province"),
        lang.t("全部", "all")
    );
    for p in provinces {
        let _ = write!(
            out,
            "<option{}>{}</option>",
            if p == chosen { " selected" } else { "" },
            esc(p)
        );
    }
    out.push_str("</select></label>");
    out
}

fn date_inputs(lang: Lang, params: &HashMap<String, String>) -> String {
    format!(
        "<label>{} <input name=\"from\" id=\"from\" size=\"10\" placeholder=\"2024-01\" value=\"{}\"></label>\
         <label>{} <input name=\"to\" id=\"to\" size=\"10\" placeholder=\"2024-12\" value=\"{}\"></label>",
        lang.t("起", "From"),
        esc(value(params, "from")),
        lang.t("止", "To"),
        esc(value(params, "to"))
    )
}

fn checkboxes<T: Copy>(
    name: &str,
    all: &[T],
    chosen: &str,
    key: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> String {
    let chosen: Vec<&str> = chosen.split([',', ' ']).filter(|s| !s.is_empty()).collect();
    let mut out = format!("<fieldset class=\"checks\" data-name=\"{name}\">");
    for &item in all {
        let on = chosen.is_empty() || chosen.contains(&key(item));
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" value=\"{}\"{}> {}</label>",
            key(item),
            if on { " checked" } else { "" },
            esc(&label(item))
        );
    }
    out.push_str("</fieldset>");
    out
}

pub async fn graph(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let view = View::parse(params.get("view").map(String::as_str));
        let provinces: BTreeSet<String> = crate::graph::zone_provinces(store)?.into_values().collect();
        let title = match view {
            View::Network => lang.t("片区—政策网络", "Zone–policy network"),
            View::All => lang.t("知识图谱关系图", "All relations"),
            View::Zones => lang.t("区域总览：制度创新的复制推广", "Zone overview: practices copied between zones"),
        };
        let mut views = String::new();
        for (v, zh, en) in [
            (View::Zones, "区域总览", "Zone overview"),
            (View::Network, "片区—政策网络", "Zone–policy network"),
            (View::All, "全部关系", "All relations"),
        ] {
            let _ = write!(
                views,
                "<option value=\"{}\"{}>{}</option>",
                v.name(),
                if v == view { " selected" } else { "" },
                lang.t(zh, en)
            );
        }
        let classes = checkboxes("classes", &Class::ALL, value(params, "classes"), Class::local_name, |c| {
            html::class_name(c.local_name(), lang)
        });
        let relations: Vec<Property> = Property::ALL.into_iter().filter(|p| *p != Property::Mentions).collect();
        let properties = checkboxes("properties", &relations, value(params, "properties"), Property::local_name, |p| {
            html::property_name(p, lang).to_owned()
        });
        let body = format!(
            "<h1>{title}</h1><form id=\"filters\" class=\"filters\" action=\"/graph\" method=\"get\">\
             <div class=\"row\"><label>{} <select name=\"view\" id=\"view\">{views}</select></label>{}\
             <label>{} <input name=\"zone\" id=\"zone\" size=\"16\" value=\"{}\" placeholder=\"哈尔滨片区\"></label>{}\
             <label>{} <input name=\"focus\" id=\"focus\" size=\"14\" value=\"{}\"></label>\
             <button type=\"submit\">{}</button></div>\
             <details{}><summary>{}</summary>{classes}{properties}</details></form>\
             <div class=\"toolbar\"><input id=\"find\" type=\"search\" placeholder=\"{}\"> <span id=\"graph-status\" class=\"hint\">{}</span></div>\
             <div id=\"graph\" class=\"graph\" data-src=\"/api/graph?{}\"></div><ul id=\"legend\" class=\"legend\"></ul>\
             <p class=\"hint\">{}</p>",
            lang.t("视图", "View"),
            province_select(lang, &provinces, value(params, "province")),
            lang.t("区域", "Zone"),
            esc(value(params, "zone")),
            date_inputs(lang, params),
            lang.t("聚焦", "Focus"),
            esc(value(params, "focus")),
            lang.t("应用", "Apply"),
            if params.contains_key("classes") || params.contains_key("properties") { " open" } else { "" },
            lang.t("类别与关系", "Classes and relations"),
            lang.t("在图中查找并聚焦…", "Find in the picture…"),
            lang.t("正在布局…", "Laying out…"),
            esc(&params::query_string(params, &[("view", view.name())])),
            lang.t(
                "滚轮缩放、拖动平移；放大后显示更多名称。悬停看全称，单击突出其关系，双击打开实体页。筛选条件保存在网址中，可直接分享。",
                "Wheel to zoom, drag to pan; more names appear as you zoom in. Hover for the full name, click to highlight its links, double-click to open it. The filters live in the URL: share it."
            ),
        );
        Ok((StatusCode::OK, html::page(lang, title, &body, GRAPH_SCRIPTS)))
    })
    .await
}

fn sort_link(
    params: &HashMap<String, String>,
    sort: replication::MatrixSort,
    text: &str,
) -> String {
    let current = replication::MatrixSort::parse(value(params, "sort"));
    format!(
        "<a class=\"sort{}\" href=\"/replication?{}\">{}</a>",
        if current == sort { " current" } else { "" },
        esc(&params::query_string(params, &[("sort", sort.name())])),
        text
    )
}

/// The matrix as an HTML table: zones grouped under their free trade zone.
fn matrix_table(lang: Lang, params: &HashMap<String, String>, m: &replication::Matrix) -> String {
    let mut groups: Vec<(&str, &str, usize)> = Vec::new();
    for c in &m.columns {
        match groups.last_mut() {
            Some((g, _, n)) if *g == c.group => *n += 1,
            _ => groups.push((&c.group, &c.group_short, 1)),
        }
    }
    let mut out = String::from(
        "<div class=\"matrix-wrap\"><table id=\"matrix\" class=\"matrix\"><thead><tr><th colspan=\"4\"></th>",
    );
    for (group, short, n) in &groups {
        let _ = write!(
            out,
            "<th class=\"group\" colspan=\"{n}\" title=\"{}\">{}</th>",
            esc(group),
            esc(short)
        );
    }
    let _ = write!(
        out,
        "</tr><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        sort_link(
            params,
            replication::MatrixSort::Name,
            lang.t("制度创新", "Practice")
        ),
        lang.t("首创于", "Originated in"),
        sort_link(
            params,
            replication::MatrixSort::Copies,
            lang.t("复制数", "Copies")
        ),
        sort_link(
            params,
            replication::MatrixSort::Date,
            lang.t("最早日期", "First date")
        ),
    );
    for c in &m.columns {
        let _ = write!(
            out,
            "<th class=\"zone\"><a href=\"/entity?iri={}\" title=\"{}\"><span>{}</span></a></th>",
            url(&c.zone.iri),
            esc(&c.zone.label),
            esc(&c.short)
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in &m.rows {
        let _ = write!(
            out,
            "<tr><th class=\"practice\"><a href=\"/trace?iri={}\" title=\"{}\">{}</a></th><td class=\"origins\">{}</td><td class=\"copies\">{}</td><td class=\"date\">{}</td>",
            url(&row.practice.iri),
            esc(&row.practice.label),
            esc(&row.short),
            row.origins
                .iter()
                .map(|o| format!(
                    "<span title=\"{}\">{}</span>",
                    esc(o),
                    esc(&style::shorten(o, 14))
                ))
                .collect::<Vec<_>>()
                .join("、"),
            row.copies,
            esc(row.first_date.as_deref().unwrap_or(""))
        );
        for (cell, column) in row.cells.iter().zip(&m.columns) {
            match cell {
                None => out.push_str("<td></td>"),
                Some(cell) => {
                    let _ = write!(
                        out,
                        "<td class=\"cell {}\" title=\"{} · {}\">{}<small>{}</small></td>",
                        if cell.origin { "origin" } else { "copy" },
                        esc(&column.zone.label),
                        esc(&cell.text()),
                        if cell.origin { "★" } else { "●" },
                        esc(cell.date.as_deref().unwrap_or(""))
                    );
                }
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

pub async fn replication(
    State(state): State<AppState>,
    Query(params): Params,
    headers: HeaderMap,
) -> Response {
    render(state, params, headers, |store, params, lang| {
        let filter = params::filter(store, &without_province(params))?;
        let m = replication::read(store, &filter, &params::matrix_options(params))?;
        let provinces: BTreeSet<String> = crate::graph::zone_provinces(store)?.into_values().collect();
        let qs = params::query_string(params, &[]);
        let mut body = format!(
            "<h1>{}</h1><p class=\"lead\">{}</p>\
             <form class=\"filters\" action=\"/replication\" method=\"get\"><div class=\"row\">{}{}\
             <input type=\"hidden\" name=\"sort\" value=\"{}\"><button type=\"submit\">{}</button>\
             <a id=\"csv\" href=\"/replication.csv?{}\">{}</a></div></form>\
             <p class=\"hint\"><span class=\"origin\">★</span> {} · <span class=\"copy\">●</span> {} · {}</p>",
            lang.t("复制推广矩阵", "Replication matrix"),
            lang.t(
                "每行一项被复制推广的制度创新，每列一个片区或自贸试验区；格中为见报日期。与命令 ftzkg replication 输出相同。",
                "One row per practice that was copied, one column per area or zone; cells give the date it was reported. The same rows as ftzkg replication."
            ),
            province_select(lang, &provinces, value(params, "province")),
            date_inputs(lang, params),
            esc(replication::MatrixSort::parse(value(params, "sort")).name()),
            lang.t("筛选", "Filter"),
            esc(&qs),
            lang.t("下载 CSV", "Download CSV"),
            lang.t("首创", "origin"),
            lang.t("复制推广", "copied"),
            match lang {
                Lang::Zh => format!("{} 项制度创新 × {} 个区域", m.rows.len(), m.columns.len()),
                Lang::En => format!("{} practices × {} zones", m.rows.len(), m.columns.len()),
            },
        );
        if m.rows.is_empty() {
            let _ = write!(body, "<p class=\"none\">{}</p>", lang.t("没有符合条件的复制推广记录。", "No copies recorded for these filters."));
        } else {
            body.push_str(&matrix_table(lang, params, &m));
        }
        Ok((StatusCode::OK, html::page(lang, lang.t("复制推广矩阵", "Replication matrix"), &body, &[])))
    })
    .await
}
