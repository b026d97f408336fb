//! How each class and property looks in every export: one table, so DOT,
//! Mermaid, SVG and the JSON colours agree.

use super::Kind;
use crate::model::{Class, Property};

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
