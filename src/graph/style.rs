//! How each class and property looks everywhere: one table, so DOT,
//! Mermaid, SVG, the JSON colours, the web page's CSS (`css`) and its
//! scripts (colours travel in the JSON) agree; and the short labels that
//! pictures print (full names go in tooltips).
//!
//! Input: a `Kind`, a `Property` or a `Node`. Output: colours, shapes,
//! short labels, a stylesheet.

use super::{Kind, Node};
use crate::model::{Class, Property};
use std::fmt::Write as _;

/// The look of one class.
#[derive(Clone, Copy, Debug)]
pub struct ClassStyle {
    /// Fill colour (`#rrggbb`).
    pub fill: &'static str,
    /// Border colour.
    pub stroke: &'static str,
    /// Graphviz node shape.
    pub dot_shape: &'static str,
    /// Mermaid node brackets: opening and closing.
    pub mermaid: (&'static str, &'static str),
}

pub fn class_style(kind: Kind) -> ClassStyle {
    let s = |fill, stroke, dot_shape, mermaid| ClassStyle {
        fill,
        stroke,
        dot_shape,
        mermaid,
    };
    match kind {
        Kind::Entity(Class::FreeTradeZone) => {
            s("#f4a3a3", "#b22222", "doubleoctagon", ("{{", "}}"))
        }
        Kind::Entity(Class::Area) => s("#fcc98a", "#d2691e", "octagon", ("{{", "}}")),
        Kind::Entity(Class::SpecialZone) => s("#fde6a0", "#b8860b", "hexagon", ("{{", "}}")),
        Kind::Entity(Class::Firm) => s("#b9d7f2", "#1f5f9e", "box", ("[", "]")),
        Kind::Entity(Class::GovernmentBody) => s("#cfc4ec", "#5b3f9e", "house", ("[/", "\\]")),
        Kind::Entity(Class::Institution) => s("#c6e5e8", "#2a7f89", "component", ("[[", "]]")),
        Kind::Entity(Class::Policy) => s("#e2e2e2", "#555555", "note", ("[/", "/]")),
        Kind::Entity(Class::Practice) => s("#b8e6b0", "#2e7d32", "ellipse", ("([", "])")),
        Kind::Entity(Class::Platform) => s("#a8dcd1", "#00796b", "box3d", ("[(", ")]")),
        Kind::Entity(Class::Recognition) => s("#f8c8dc", "#ad1457", "cds", (">", "]")),
        Kind::Entity(Class::Place) => s("#ffffff", "#777777", "plaintext", ("(", ")")),
        Kind::Article => s("#eeeeee", "#999999", "folder", ("[", "]")),
    }
}

/// Line colour of a property.
pub fn property_colour(property: Property) -> &'static str {
    match property {
        Property::PartOf => "#888888",
        Property::LocatedIn => "#bbbbbb",
        Property::BasedIn => "#1f5f9e",
        Property::Issued => "#555555",
        Property::AppliesTo => "#8d6e63",
        Property::OriginatedIn => "#2e7d32",
        Property::ReplicatedIn => "#e65100",
        Property::RecognizedAs => "#ad1457",
        Property::Operates => "#00796b",
        Property::Mentions => "#cccccc",
    }
}

/// Every kind in legend order.
pub fn kinds() -> impl Iterator<Item = Kind> {
    Class::ALL
        .into_iter()
        .map(Kind::Entity)
        .chain(std::iter::once(Kind::Article))
}

/// Longest label a picture prints in full, in characters.
pub const SHORT_LABEL_CHARS: usize = 10;

/// The name a picture prints for a node: the label when short, else its
/// shortest alias (哈尔滨片区 for 中国（黑龙江）自由贸易试验区哈尔滨片区,
/// 黑龙江自贸区 for the zone), else the label cut with `…`.
pub fn short_label(node: &Node) -> String {
    let chars = |s: &str| s.chars().count();
    let full = chars(&node.label);
    if full <= SHORT_LABEL_CHARS {
        return node.label.clone();
    }
    let alias = node
        .aliases
        .iter()
        .filter(|a| chars(a) >= 2 && chars(a) < full)
        .min_by_key(|a| (chars(a), a.as_str()));
    let name = alias.unwrap_or(&node.label);
    shorten(name, SHORT_LABEL_CHARS + 2)
}

/// `text` cut to `max` characters, the last one `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

/// The web page's class and property colours as CSS, from the same table:
/// `.c-Area` (text and border), `.bg-Area` (fill), `.p-replicatedIn`.
pub fn css() -> String {
    let mut out = String::from("/* generated from src/graph/style.rs */\n");
    for kind in kinds() {
        let st = class_style(kind);
        let name = kind.local_name();
        let _ = writeln!(
            out,
            ".c-{name} {{ border-color: {stroke}; color: {stroke}; }} .bg-{name} {{ background: {fill}; border-color: {stroke}; }}",
            stroke = st.stroke,
            fill = st.fill
        );
    }
    for property in Property::ALL {
        let _ = writeln!(
            out,
            ".p-{} {{ border-color: {c}; color: {c}; }}",
            property.local_name(),
            c = property_colour(property)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_print_as_their_shortest_alias_or_cut() {
        let mut area = Node::new(
            "x:a",
            Kind::Entity(Class::Area),
            "中国（黑龙江）自由贸易试验区哈尔滨片区",
        );
        area.aliases = vec!["哈尔滨自贸片区".into(), "哈尔滨片区".into()];
        assert_eq!(short_label(&area), "哈尔滨片区");
        let practice = Node::new(
            "x:p",
            Kind::Entity(Class::Practice),
            "跨境贸易投资高水平开放外汇管理改革试点",
        );
        assert_eq!(short_label(&practice), "跨境贸易投资高水平开放…");
        let short = Node::new("x:s", Kind::Entity(Class::Practice), "无感续证");
        assert_eq!(short_label(&short), "无感续证");
    }

    #[test]
    fn the_stylesheet_carries_the_export_colours() {
        let css = css();
        let area = class_style(Kind::Entity(Class::Area));
        assert!(css.contains(&format!(".c-Area {{ border-color: {}", area.stroke)));
        assert!(css.contains(property_colour(Property::ReplicatedIn)));
    }
}
