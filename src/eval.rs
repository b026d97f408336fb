//! Measures extraction against a hand annotation (gold TSV): precision,
//! recall and F1 for typed and untyped entities and for relations, matched
//! exactly as the annotation guidelines' scoring rule says.
//!
//! Input: a gold file and the entities/relations a store holds. Output: a
//! `Report` with scores and, on request, the misses and false positives.

use crate::model::{Class, Property};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use unicode_normalization::UnicodeNormalization;

/// An entity: class, canonical label and aliases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvalEntity {
    pub class: Class,
    pub label: String,
    pub aliases: Vec<String>,
}

impl EvalEntity {
    fn names(&self) -> BTreeSet<String> {
        std::iter::once(&self.label)
            .chain(&self.aliases)
            .map(|n| normalize(n))
            .collect()
    }
}

/// A relation between two entities, by their labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EvalRelation {
    pub subject: String,
    pub property: Property,
    pub object: String,
}

/// A gold annotation, or a prediction, in the same shape.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub entities: Vec<EvalEntity>,
    pub relations: Vec<EvalRelation>,
}

#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct GoldError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Parses the gold TSV format of the guidelines.
pub fn parse_gold(file: &str, text: &str) -> Result<Annotation, GoldError> {
    let mut gold = Annotation::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |message: String| GoldError {
            file: file.to_owned(),
            line: i + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[0] {
            "E" if fields.len() >= 3 => gold.entities.push(EvalEntity {
                class: fields[1].parse().map_err(error)?,
                label: fields[2].to_owned(),
                aliases: fields
                    .get(3)
                    .map(|a| {
                        a.split('|')
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
            "R" if fields.len() >= 4 => gold.relations.push(EvalRelation {
                subject: fields[1].to_owned(),
                property: fields[2].parse().map_err(error)?,
                object: fields[3].to_owned(),
            }),
            _ => {
                return Err(error(format!(
                    "expected `E<TAB>class<TAB>label[<TAB>aliases]` or `R<TAB>s<TAB>p<TAB>o`, got `{line}`"
                )));
            }
        }
    }
    Ok(gold)
}

/// The guidelines' label normalisation: NFKC, no white space, no quotation
/// marks or 《》「」, full-width brackets folded (NFKC folds （） to ()).
/// Traditional characters are folded to simplified ones too, so a name
/// written either way (廈門片區, 厦门片区) is one label.
pub fn normalize(label: &str) -> String {
    fast2s::convert(label)
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .filter(|c| {
            !matches!(
                c,
                '“' | '”' | '‘' | '’' | '"' | '\'' | '《' | '》' | '「' | '」'
            )
        })
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect()
}

/// Precision, recall and F1 of one kind of item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    pub predicted: usize,
    pub gold: usize,
    /// Predicted items that match a gold item.
    pub correct: usize,
    /// Gold items that some predicted item matches.
    pub found: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores and the items behind them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub typed_entities: Score,
    pub untyped_entities: Score,
    pub relations: Score,
    /// Typed entity scores of each class (gold or predicted in that class).
    pub by_class: BTreeMap<String, Score>,
    /// Relation scores of each property (gold or predicted with it).
    pub by_property: BTreeMap<String, Score>,
    pub missed_entities: Vec<String>,
    pub false_entities: Vec<String>,
    pub missed_relations: Vec<String>,
    pub false_relations: Vec<String>,
}

fn entities_match(a: &EvalEntity, b: &EvalEntity, typed: bool) -> bool {
    (!typed || a.class == b.class) && !a.names().is_disjoint(&b.names())
}

/// Which predicted items are correct and which gold items are found.
struct Matches {
    correct: Vec<bool>,
    found: Vec<bool>,
}

impl Matches {
    fn new<G, P>(gold: &[G], predicted: &[P], same: impl Fn(&G, &P) -> bool) -> Matches {
        Matches {
            correct: predicted
                .iter()
                .map(|p| gold.iter().any(|g| same(g, p)))
                .collect(),
            found: gold
                .iter()
                .map(|g| predicted.iter().any(|p| same(g, p)))
                .collect(),
        }
    }

    fn score(&self) -> Score {
        self.score_where(|_| true, |_| true)
    }

    /// The score over the gold items (by index) and predicted items that
    /// pass the filters.
    fn score_where(
        &self,
        gold: impl Fn(usize) -> bool,
        predicted: impl Fn(usize) -> bool,
    ) -> Score {
        let count = |flags: &[bool], keep: &dyn Fn(usize) -> bool, hit: bool| {
            flags
                .iter()
                .enumerate()
                .filter(|&(i, &f)| keep(i) && (!hit || f))
                .count()
        };
        Score {
            predicted: count(&self.correct, &predicted, false),
            gold: count(&self.found, &gold, false),
            correct: count(&self.correct, &predicted, true),
            found: count(&self.found, &gold, true),
        }
    }

    fn missed(&self) -> impl Iterator<Item = usize> + '_ {
        self.found
            .iter()
            .enumerate()
            .filter(|(_, f)| !**f)
            .map(|(i, _)| i)
    }

    fn false_(&self) -> impl Iterator<Item = usize> + '_ {
        self.correct
            .iter()
            .enumerate()
            .filter(|(_, c)| !**c)
            .map(|(i, _)| i)
    }
}

/// The entity an end of a relation names, by label or alias.
fn resolve<'a>(entities: &'a [EvalEntity], label: &str) -> Vec<&'a EvalEntity> {
    let n = normalize(label);
    let exact: Vec<&EvalEntity> = entities
        .iter()
        .filter(|e| normalize(&e.label) == n)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    entities.iter().filter(|e| e.names().contains(&n)).collect()
}

fn relations_match(
    gold: &Annotation,
    g: &EvalRelation,
    predicted: &Annotation,
    p: &EvalRelation,
) -> bool {
    let ends_match = |gold_label: &str, predicted_label: &str| {
        let gs = resolve(&gold.entities, gold_label);
        let ps = resolve(&predicted.entities, predicted_label);
        if gs.is_empty() || ps.is_empty() {
            return normalize(gold_label) == normalize(predicted_label);
        }
        gs.iter()
            .any(|g| ps.iter().any(|p| entities_match(g, p, true)))
    };
    g.property == p.property
        && ends_match(&g.subject, &p.subject)
        && ends_match(&g.object, &p.object)
}

/// Compares a prediction with the gold annotation.
pub fn evaluate(gold: &Annotation, predicted: &Annotation) -> Report {
    let typed = Matches::new(&gold.entities, &predicted.entities, |g, p| {
        entities_match(g, p, true)
    });
    let untyped = Matches::new(&gold.entities, &predicted.entities, |g, p| {
        entities_match(g, p, false)
    });
    let gold_relations: Vec<&EvalRelation> = gold
        .relations
        .iter()
        .filter(|r| r.property != Property::Mentions)
        .collect();
    let predicted_relations: Vec<&EvalRelation> = predicted
        .relations
        .iter()
        .filter(|r| r.property != Property::Mentions)
        .collect();
    let relations = Matches::new(&gold_relations, &predicted_relations, |g, p| {
        relations_match(gold, g, predicted, p)
    });
    let by_class = Class::ALL
        .iter()
        .map(|&c| {
            let score = typed.score_where(
                |i| gold.entities[i].class == c,
                |i| predicted.entities[i].class == c,
            );
            (c.local_name().to_owned(), score)
        })
        .filter(|(_, s)| s.gold + s.predicted > 0)
        .collect();
    let by_property = Property::ALL
        .iter()
        .map(|&p| {
            let score = relations.score_where(
                |i| gold_relations[i].property == p,
                |i| predicted_relations[i].property == p,
            );
            (p.local_name().to_owned(), score)
        })
        .filter(|(_, s)| s.gold + s.predicted > 0)
        .collect();
    let entity_line = |e: &EvalEntity| format!("{}\t{}", e.class, e.label);
    let relation_line = |r: &EvalRelation| format!("{}\t{}\t{}", r.subject, r.property, r.object);
    Report {
        typed_entities: typed.score(),
        untyped_entities: untyped.score(),
        relations: relations.score(),
        by_class,
        by_property,
        missed_entities: typed
            .missed()
            .map(|i| entity_line(&gold.entities[i]))
            .collect(),
        false_entities: typed
            .false_()
            .map(|i| entity_line(&predicted.entities[i]))
            .collect(),
        missed_relations: relations
            .missed()
            .map(|i| relation_line(gold_relations[i]))
            .collect(),
        false_relations: relations
            .false_()
            .map(|i| relation_line(predicted_relations[i]))
            .collect(),
    }
}

/// What a store holds, as an annotation: every entity the articles (and
/// issue headers) name, and every relation they state.
pub fn predicted_from_store(
    store: &crate::store::KgStore,
) -> Result<Annotation, crate::store::StoreError> {
    use crate::vocab::{FTZ, FTZR};
    let (_, rows) = store.select(
        "SELECT ?e ?class ?label (GROUP_CONCAT(DISTINCT ?alt; separator=\"|\") AS ?aliases) WHERE {
           GRAPH ?g { ?e a ?class ; rdfs:label ?label . OPTIONAL { ?e skos:altLabel ?alt } }
           FILTER(?g != <https://w3id.org/ftzkg/id/graph/reference> && ?g != <https://w3id.org/ftzkg/id/graph/ontology>)
         } GROUP BY ?e ?class ?label",
    )?;
    let mut entities: Vec<(String, EvalEntity)> = Vec::new();
    for row in rows {
        let Some(class) = row[1]
            .strip_prefix(FTZ)
            .and_then(|c| c.parse::<Class>().ok())
        else {
            continue;
        };
        let aliases = row[3]
            .split('|')
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        match entities.iter_mut().find(|(iri, _)| iri == &row[0]) {
            // The same node in several graphs: merge its names.
            Some((_, e)) => {
                for a in aliases {
                    if !e.aliases.contains(&a) {
                        e.aliases.push(a);
                    }
                }
            }
            None => entities.push((
                row[0].clone(),
                EvalEntity {
                    class,
                    label: row[2].clone(),
                    aliases,
                },
            )),
        }
    }
    let label_of = |iri: &str| {
        entities
            .iter()
            .find(|(i, _)| i == iri)
            .map(|(_, e)| e.label.clone())
    };
    let (_, rows) = store.select(&format!(
        "SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{FTZR}article/\")) FILTER(STRSTARTS(STR(?p), \"{FTZ}\")) }}"
    ))?;
    let relations = rows
        .iter()
        .filter_map(|r| {
            let property = r[1].strip_prefix(FTZ)?.parse::<Property>().ok()?;
            (property != Property::Mentions).then_some(())?;
            Some(EvalRelation {
                subject: label_of(&r[0])?,
                property,
                object: label_of(&r[2])?,
            })
        })
        .collect();
    Ok(Annotation {
        entities: entities.into_iter().map(|(_, e)| e).collect(),
        relations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "# comment\nE\tArea\t中国（黑龙江）自由贸易试验区哈尔滨片区\t哈尔滨片区\nE\tFreeTradeZone\t中国（黑龙江）自由贸易试验区\t\nE\tPractice\t无感续证\t\nR\t中国（黑龙江）自由贸易试验区哈尔滨片区\tpartOf\t中国（黑龙江）自由贸易试验区\nR\t无感续证\toriginatedIn\t中国（黑龙江）自由贸易试验区哈尔滨片区\n";

    fn entity(class: Class, label: &str, aliases: &[&str]) -> EvalEntity {
        EvalEntity {
            class,
            label: label.into(),
            aliases: aliases.iter().map(|a| (*a).into()).collect(),
        }
    }

    #[test]
    fn normalisation_follows_the_guidelines() {
        assert_eq!(normalize("“无感续证”"), "无感续证");
        assert_eq!(
            normalize("黑河保税物流中心（B型）"),
            "黑河保税物流中心(B型)"
        );
        assert_eq!(normalize("RCEP 原产地"), "RCEP原产地");
        assert_eq!(normalize("《通知》"), "通知");
    }

    #[test]
    fn aliases_match_and_classes_must_agree_when_typed() {
        let gold = parse_gold("g.tsv", GOLD).unwrap();
        let predicted = Annotation {
            entities: vec![
                entity(Class::Area, "哈尔滨片区", &[]),
                entity(Class::Place, "中国（黑龙江）自由贸易试验区", &[]),
                entity(Class::Firm, "哈欧国际物流", &[]),
            ],
            relations: vec![EvalRelation {
                subject: "哈尔滨片区".into(),
                property: Property::PartOf,
                object: "中国（黑龙江）自由贸易试验区".into(),
            }],
        };
        let report = evaluate(&gold, &predicted);
        assert_eq!(
            (report.typed_entities.correct, report.typed_entities.found),
            (1, 1)
        );
        assert_eq!(
            (
                report.untyped_entities.correct,
                report.untyped_entities.found
            ),
            (2, 2)
        );
        assert!((report.typed_entities.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((report.typed_entities.recall() - 1.0 / 3.0).abs() < 1e-9);
        // The zone end is typed Place in the prediction: no relation match.
        assert_eq!(report.relations.correct, 0);
        assert_eq!(report.missed_entities.len(), 2);
    }

    #[test]
    fn scores_are_split_by_class_and_property() {
        let gold = parse_gold("g.tsv", GOLD).unwrap();
        let predicted = Annotation {
            entities: vec![
                entity(Class::Area, "哈尔滨片区", &[]),
                entity(Class::FreeTradeZone, "中国（黑龙江）自由贸易试验区", &[]),
                entity(Class::Firm, "哈欧国际物流", &[]),
            ],
            relations: vec![EvalRelation {
                subject: "哈尔滨片区".into(),
                property: Property::PartOf,
                object: "中国（黑龙江）自由贸易试验区".into(),
            }],
        };
        let report = evaluate(&gold, &predicted);
        let practice = report.by_class["Practice"];
        assert_eq!(
            (practice.gold, practice.found, practice.predicted),
            (1, 0, 0)
        );
        let firm = report.by_class["Firm"];
        assert_eq!((firm.gold, firm.predicted, firm.correct), (0, 1, 0));
        assert_eq!(report.by_class["Area"].f1(), 1.0);
        assert_eq!(report.by_property["partOf"].f1(), 1.0);
        let origin = report.by_property["originatedIn"];
        assert_eq!((origin.gold, origin.found), (1, 0));
        assert!(!report.by_property.contains_key("basedIn"));
    }

    #[test]
    fn a_perfect_prediction_scores_one() {
        let gold = parse_gold("g.tsv", GOLD).unwrap();
        let report = evaluate(&gold, &gold);
        assert_eq!(report.typed_entities.f1(), 1.0);
        assert_eq!(report.relations.f1(), 1.0);
    }

    #[test]
    fn malformed_gold_lines_are_reported_with_their_number() {
        let err = parse_gold("g.tsv", "E\tArea\tx\nX\tbad").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse_gold("g.tsv", "E\tNoSuchClass\tx").is_err());
    }
}
