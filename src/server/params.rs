//! The state of a graph or matrix view in the URL, so that a view can be
//! shared: `view`, `zone`, `province`, `classes`, `properties`, `from`,
//! `to`, `focus`, `depth`, `sort`. The same `graph::Filter` the command
//! line builds from its flags is built here from these parameters.
//!
//! Input: query parameters. Output: a `Filter` (and view options), and the
//! query string that reproduces them.

use super::html::url;
use crate::graph::replication::{MatrixOptions, MatrixSort};
use crate::graph::{Filter, GraphError, resolve};
use crate::model::{Class, Property};
use crate::store::KgStore;
use std::collections::HashMap;

/// Which picture a graph page draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The zone-to-policy network (`ftzkg links --all`).
    Network,
    /// Every entity and relation the filter keeps (`ftzkg graph`).
    All,
    /// Free trade zones with their areas, practices copied between them.
    Zones,
}

impl View {
    pub fn parse(text: Option<&str>) -> View {
        match text {
            Some("all") => View::All,
            Some("zones") => View::Zones,
            _ => View::Network,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            View::Network => "network",
            View::All => "all",
            View::Zones => "zones",
        }
    }
}

/// The names this module reads, in the order they are written back.
const KEYS: &[&str] = &[
    "view",
    "zone",
    "province",
    "classes",
    "properties",
    "from",
    "to",
    "focus",
    "depth",
    "sort",
];

fn get<'a>(params: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    params.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn list<T: std::str::FromStr>(params: &HashMap<String, String>, key: &str) -> Vec<T> {
    get(params, key)
        .map(|v| {
            v.split([',', ' '])
                .filter_map(|x| x.trim().parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The filter the parameters describe. A province stands for the free
/// trade zone that lies in it.
pub fn filter(store: &KgStore, params: &HashMap<String, String>) -> Result<Filter, GraphError> {
    let mut filter = Filter {
        classes: list::<Class>(params, "classes"),
        properties: list::<Property>(params, "properties"),
        zone: get(params, "zone").map(str::to_owned),
        from: get(params, "from").map(str::to_owned),
        to: get(params, "to").map(str::to_owned),
        focus: get(params, "focus").map(str::to_owned),
        depth: get(params, "depth").and_then(|d| d.parse().ok()),
        ..Filter::default()
    };
    if filter.zone.is_none()
        && let Some(province) = get(params, "province")
    {
        filter.zone = Some(zone_of_province(store, province)?);
    }
    filter.check_dates()?;
    Ok(filter)
}

/// The IRI of the free trade zone in a province (黑龙江 → 中国（黑龙江）…).
fn zone_of_province(store: &KgStore, province: &str) -> Result<String, GraphError> {
    let provinces = crate::graph::zone_provinces(store)?;
    let catalogue = resolve::Catalogue::load(store)?;
    catalogue
        .nodes()
        .iter()
        .filter(|n| n.kind.class() == Some(Class::FreeTradeZone))
        .find(|n| {
            provinces
                .get(&n.iri)
                .is_some_and(|p| p.contains(province) || province.contains(p.as_str()))
        })
        .map(|n| n.iri.clone())
        .ok_or_else(|| GraphError::NotFound {
            name: province.to_owned(),
            what: "省份 province".to_owned(),
        })
}

/// Province and sort order of the replication matrix.
pub fn matrix_options(params: &HashMap<String, String>) -> MatrixOptions {
    MatrixOptions {
        province: get(params, "province").map(str::to_owned),
        sort: MatrixSort::parse(get(params, "sort").unwrap_or("")),
    }
}

/// `key=value&…` of the known parameters that are set, `overrides` first
/// replacing them (an empty value drops the key).
pub fn query_string(params: &HashMap<String, String>, overrides: &[(&str, &str)]) -> String {
    KEYS.iter()
        .filter_map(|&key| {
            let value = overrides
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| *v)
                .or_else(|| get(params, key))?;
            (!value.is_empty()).then(|| format!("{key}={}", url(value)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_state_round_trips_and_overrides_win() {
        let params: HashMap<String, String> = [
            ("view", "zones"),
            ("from", "2024-01"),
            ("classes", "Area,Practice"),
            ("lang", "en"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        assert_eq!(
            query_string(&params, &[("sort", "date")]),
            "view=zones&classes=Area%2CPractice&from=2024-01&sort=date"
        );
        assert_eq!(
            query_string(&params, &[("view", "")]),
            "classes=Area%2CPractice&from=2024-01"
        );
        assert_eq!(
            list::<Class>(&params, "classes"),
            [Class::Area, Class::Practice]
        );
        assert_eq!(View::parse(get(&params, "view")), View::Zones);
    }
}
