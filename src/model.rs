//! The types at the boundaries of the pipeline: entity classes and relation
//! properties of the ontology contract, the parsed `Document`, and the
//! `Extraction` of one article.
//!
//! `corpus` produces `Document`s, `extract` produces `Extraction`s, `rdf`
//! turns both into quads.

use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

/// An entity class of the contract (`ftz:FreeTradeZone` …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Class {
    FreeTradeZone,
    Area,
    SpecialZone,
    Firm,
    GovernmentBody,
    Institution,
    Policy,
    Practice,
    Platform,
    Recognition,
    Place,
}

impl Class {
    pub const ALL: [Class; 11] = [
        Class::FreeTradeZone,
        Class::Area,
        Class::SpecialZone,
        Class::Firm,
        Class::GovernmentBody,
        Class::Institution,
        Class::Policy,
        Class::Practice,
        Class::Platform,
        Class::Recognition,
        Class::Place,
    ];

    pub fn local_name(self) -> &'static str {
        match self {
            Class::FreeTradeZone => "FreeTradeZone",
            Class::Area => "Area",
            Class::SpecialZone => "SpecialZone",
            Class::Firm => "Firm",
            Class::GovernmentBody => "GovernmentBody",
            Class::Institution => "Institution",
            Class::Policy => "Policy",
            Class::Practice => "Practice",
            Class::Platform => "Platform",
            Class::Recognition => "Recognition",
            Class::Place => "Place",
        }
    }

    /// Path segment of instance IRIs of this class.
    pub fn slug(self) -> &'static str {
        match self {
            Class::FreeTradeZone => "zone",
            Class::Area => "area",
            Class::SpecialZone => "special-zone",
            Class::Firm => "firm",
            Class::GovernmentBody => "body",
            Class::Institution => "institution",
            Class::Policy => "policy",
            Class::Practice => "practice",
            Class::Platform => "platform",
            Class::Recognition => "recognition",
            Class::Place => "place",
        }
    }

    /// The Chinese name shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            Class::FreeTradeZone => "自由贸易试验区",
            Class::Area => "片区",
            Class::SpecialZone => "特殊功能区",
            Class::Firm => "企业",
            Class::GovernmentBody => "政府机构",
            Class::Institution => "机构",
            Class::Policy => "政策文件",
            Class::Practice => "制度创新",
            Class::Platform => "平台",
            Class::Recognition => "荣誉认定",
            Class::Place => "地点",
        }
    }

    /// True for the three kinds of zone (free trade zone, area, special zone).
    pub fn is_zone(self) -> bool {
        matches!(
            self,
            Class::FreeTradeZone | Class::Area | Class::SpecialZone
        )
    }

    /// True for firms, government bodies and institutions.
    pub fn is_organisation(self) -> bool {
        matches!(
            self,
            Class::Firm | Class::GovernmentBody | Class::Institution
        )
    }

    /// True for what can act in a sentence: zones and organisations.
    pub fn is_actor(self) -> bool {
        self.is_zone() || self.is_organisation()
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.local_name())
    }
}

impl FromStr for Class {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.strip_prefix("ftz:").unwrap_or(s);
        Class::ALL
            .into_iter()
            .find(|c| c.local_name().eq_ignore_ascii_case(s) || c.label_zh() == s)
            .ok_or_else(|| format!("unknown class `{s}`"))
    }
}

/// A relation property of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Property {
    PartOf,
    LocatedIn,
    BasedIn,
    Issued,
    AppliesTo,
    OriginatedIn,
    ReplicatedIn,
    RecognizedAs,
    Operates,
    Mentions,
}

impl Property {
    pub const ALL: [Property; 10] = [
        Property::PartOf,
        Property::LocatedIn,
        Property::BasedIn,
        Property::Issued,
        Property::AppliesTo,
        Property::OriginatedIn,
        Property::ReplicatedIn,
        Property::RecognizedAs,
        Property::Operates,
        Property::Mentions,
    ];

    pub fn local_name(self) -> &'static str {
        match self {
            Property::PartOf => "partOf",
            Property::LocatedIn => "locatedIn",
            Property::BasedIn => "basedIn",
            Property::Issued => "issued",
            Property::AppliesTo => "appliesTo",
            Property::OriginatedIn => "originatedIn",
            Property::ReplicatedIn => "replicatedIn",
            Property::RecognizedAs => "recognizedAs",
            Property::Operates => "operates",
            Property::Mentions => "mentions",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Property::PartOf => "隶属于",
            Property::LocatedIn => "位于",
            Property::BasedIn => "驻在",
            Property::Issued => "发布",
            Property::AppliesTo => "适用于",
            Property::OriginatedIn => "首创于",
            Property::ReplicatedIn => "复制推广至",
            Property::RecognizedAs => "入选",
            Property::Operates => "运营",
            Property::Mentions => "提及",
        }
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.local_name())
    }
}

impl FromStr for Property {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.strip_prefix("ftz:").unwrap_or(s);
        Property::ALL
            .into_iter()
            .find(|p| p.local_name().eq_ignore_ascii_case(s) || p.label_zh() == s)
            .ok_or_else(|| format!("unknown property `{s}`"))
    }
}

/// A calendar date as written in the text; month and day may be missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Date {
    /// `xsd:date` lexical form; a missing month or day is taken as the first.
    pub fn to_xsd(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1)
        )
    }
}

/// One issue of a newsletter (or the header of a notice).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Issue {
    /// Newsletter title: 自贸动态, 自贸简报 …
    pub title: String,
    pub number: Option<u32>,
    /// Year of a yearly numbering (2026年第1期).
    pub year: Option<i32>,
    pub date: Option<Date>,
    pub publisher: Option<String>,
}

impl Issue {
    /// Stable identity of the issue, independent of the file it came from.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.title,
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.number.map(|n| n.to_string()).unwrap_or_default(),
            self.date.map(Date::to_xsd).unwrap_or_default()
        )
    }
}

/// A table of a document (an annex list of practices): its header row and
/// its body rows, each a list of cells. Tables from Word and web pages
/// arrive as tables; tables written as text are read back into one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Cell separator of a table row written as one line of text.
pub const CELL_SEPARATOR: &str = "｜";

impl Table {
    /// The header row, then every body row.
    pub fn all_rows(&self) -> impl Iterator<Item = &[String]> {
        std::iter::once(self.header.as_slice()).chain(self.rows.iter().map(Vec::as_slice))
    }

    /// A row as one line: its cells with ｜ between them (the evidence text
    /// of what the row states).
    pub fn row_text(row: &[String]) -> String {
        row.join(CELL_SEPARATOR)
    }
}

/// A paragraph: its sentences, and the numbered sub-heading it sits under.
/// A table is a paragraph too: `table` holds its cells and `sentences` one
/// line per row.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Paragraph {
    pub heading: Option<String>,
    pub sentences: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
}

/// One article of an issue (or the whole of a plain document).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Article {
    /// Stable id: the same article read from any file gets the same id.
    pub id: String,
    pub title: String,
    pub section: Option<String>,
    pub section_index: Option<usize>,
    /// 1-based position in the document.
    pub position: usize,
    /// 文号 of a government notice.
    pub document_number: Option<String>,
    /// Recipients (主送) of a notice.
    pub addressees: Option<String>,
    /// Who issued a notice (the line above its 文号).
    pub issuer: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    pub fn sentences(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.sentences.iter().map(String::as_str))
    }

    /// Body text, paragraphs separated by blank lines, page breaks repaired.
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| {
                let body: String = match p.table {
                    Some(_) => p.sentences.join("\n"),
                    None => p.sentences.concat(),
                };
                match &p.heading {
                    Some(h) if body.is_empty() => h.clone(),
                    _ => body,
                }
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A parsed input file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    pub source: String,
    pub issue: Option<Issue>,
    pub articles: Vec<Article>,
}

impl Document {
    pub fn sections(&self) -> BTreeSet<(usize, &str)> {
        self.articles
            .iter()
            .filter_map(|a| Some((a.section_index?, a.section.as_deref()?)))
            .collect()
    }
}

/// An entity found in an article: canonical label and every other name used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub class: Class,
    pub label: String,
    pub aliases: BTreeSet<String>,
}

/// Identity of an entity: its class and canonical label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntityKey {
    pub class: Class,
    pub label: String,
}

impl Entity {
    pub fn key(&self) -> EntityKey {
        EntityKey {
            class: self.class,
            label: self.label.clone(),
        }
    }
}

/// A relation stated in an article, with the sentences that state it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub subject: EntityKey,
    pub property: Property,
    pub object: EntityKey,
    /// Sentences (as in the article) that state the relation; at least one.
    pub evidence: Vec<String>,
}

/// A figure stated in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statistic {
    pub subject: Option<EntityKey>,
    /// The number as written, normalised to a decimal (`5.3`, `254`).
    pub value: String,
    pub unit: String,
    /// What is counted (先进经验, 试点任务 …).
    pub measure: String,
    /// 累计, 同比, 年均 … when stated.
    pub qualifier: Option<String>,
    pub as_of: Option<Date>,
    pub sentence: String,
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub article_id: String,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub statistics: Vec<Statistic>,
}
