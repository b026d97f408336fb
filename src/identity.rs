//! Practice identity across documents: one practice named three ways
//! (无感续证, “无感续证”改革, 无感续证服务模式) is one node. Each practice name
//! gets a key (its origin prefix and head nouns taken off, by the table
//! `data/rules/identity.tsv`); the practice is labelled with its key, every
//! form stays an alias, and each form that was folded is recorded with the
//! rule that folded it, so a curator can see and undo it.
//!
//! Input: an `Extraction`. Output: the same, practices keyed, and the folds.

use crate::model::{Class, EntityKey, Extraction};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;
use unicode_normalization::UnicodeNormalization;

const TABLE: &str = include_str!("../data/rules/identity.tsv");

/// The shortest key, in characters, that may stand for a longer one whose
/// words it leaves out of the middle.
pub const SPREAD_CHARS: usize = 5;

/// Why the identity table is unusable: file, line and what is wrong.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("data/rules/identity.tsv line {line}: {message}")]
pub struct IdentityError {
    pub line: usize,
    pub message: String,
}

/// The rules of `identity.tsv`, longest words first.
#[derive(Debug, Default)]
pub struct IdentityRules {
    heads: Vec<String>,
    origins: Vec<String>,
    leads: Vec<String>,
    keeps: Vec<String>,
    products: Vec<String>,
    min_chars: usize,
}

/// A name form folded into a practice's key, and the rule that did it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fold {
    pub form: String,
    pub key: String,
    pub rule: String,
}

impl IdentityRules {
    /// Parses a table; every row is checked.
    pub fn parse(text: &str) -> Result<IdentityRules, IdentityError> {
        let mut rules = IdentityRules::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| IdentityError {
                line: i + 1,
                message,
            };
            let (kind, words) = line
                .split_once('\t')
                .ok_or_else(|| error("expected kind<TAB>words".into()))?;
            let mut list: Vec<String> = words
                .split('|')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            if list.is_empty() {
                return Err(error(format!("{kind}: no words")));
            }
            list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            match kind {
                "head" => rules.heads = list,
                "origin" => rules.origins = list,
                "lead" => rules.leads = list,
                "keep" => rules.keeps = list,
                "product" => rules.products = list,
                "min" => {
                    rules.min_chars = list[0]
                        .parse()
                        .map_err(|_| error(format!("min: {:?} is not a number", list[0])))?
                }
                other => {
                    return Err(error(format!(
                        "unknown kind {other:?} (expected head, origin, lead, keep, product or min)"
                    )));
                }
            }
        }
        if rules.min_chars == 0 {
            return Err(IdentityError {
                line: 0,
                message: "no min row".into(),
            });
        }
        Ok(rules)
    }

    /// The built-in table (checked by a unit test, so this cannot fail).
    pub fn builtin() -> &'static IdentityRules {
        static RULES: LazyLock<IdentityRules> = LazyLock::new(|| {
            IdentityRules::parse(TABLE).expect("data/rules/identity.tsv is valid")
        });
        &RULES
    }

    /// Whether the key `long` is the key `short` with a product word after
    /// it (中欧班列运费分段结算融资: a loan built on the practice, another
    /// thing).
    pub fn is_product_of(&self, long: &str, short: &str) -> bool {
        long.strip_prefix(short)
            .is_some_and(|rest| self.products.iter().any(|p| p == rest))
    }

    /// The key of a practice name, and the rule that made it when it
    /// differs from the name.
    pub fn key(&self, name: &str) -> (String, Option<String>) {
        self.key_with(name, &|_| false)
    }

    /// [`key`](Self::key), where `is_place` also knows the places and
    /// zones a name may open with (洋浦一船多供 → 一船多供): the longest such
    /// prefix of 2–4 characters is an origin too, when no origin ending was.
    pub fn key_with(
        &self,
        name: &str,
        is_place: &dyn Fn(&str) -> bool,
    ) -> (String, Option<String>) {
        let clean: String = name
            .nfkc()
            .filter(|c| !c.is_whitespace() && !"“”‘’\"'《》「」『』".contains(*c))
            .collect();
        let mut key = clean.as_str();
        let mut taken = Vec::new();
        let fits = |k: &str| k.chars().count() >= self.min_chars;
        // An origin in front: …片区 followed by the name.
        // The last origin ending that leaves a name long enough.
        if let Some(end) = self
            .origins
            .iter()
            .filter_map(|o| {
                key.rfind(o.as_str())
                    .filter(|&at| at > 0)
                    .map(|at| at + o.len())
            })
            .filter(|&end| fits(&key[end..]))
            .max()
        {
            taken.push(format!("origin {}", &key[..end]));
            key = &key[end..];
        } else if let Some(end) = key
            .char_indices()
            .map(|(i, _)| i)
            .skip(2)
            .take(3)
            .filter(|&end| is_place(&key[..end]) && fits(&key[end..]))
            .max()
        {
            taken.push(format!("origin {}", &key[..end]));
            key = &key[end..];
        }
        if let Some(lead) = self
            .leads
            .iter()
            .find(|l| key.starts_with(l.as_str()) && fits(&key[l.len()..]))
        {
            taken.push(format!("lead {lead}"));
            key = &key[lead.len()..];
        }
        while let Some(head) = self.heads.iter().find(|h| {
            key.ends_with(h.as_str())
                && fits(&key[..key.len() - h.len()])
                && !self.cuts_a_kept_ending(key, key.len() - h.len())
        }) {
            taken.push(format!("head {head}"));
            key = &key[..key.len() - head.len()];
        }
        let rule = (key != name).then(|| {
            if taken.is_empty() {
                "marks and spacing".to_owned()
            } else {
                taken.join(", ")
            }
        });
        (key.to_owned(), rule)
    }

    /// Whether cutting `name` at byte `at` would take off or split an
    /// ending of the `keep` row.
    fn cuts_a_kept_ending(&self, name: &str, at: usize) -> bool {
        self.keeps.iter().any(|k| {
            name.ends_with(k.as_str())
                || k.char_indices()
                    .skip(1)
                    .any(|(i, _)| name[..at].ends_with(&k[..i]) && name[at..].starts_with(&k[i..]))
        })
    }

    /// Keys every practice of an extraction: practices with one key merge
    /// into one entity labelled with the key; relations and statistics
    /// follow. Returns the forms folded.
    pub fn unify(&self, extraction: &mut Extraction) -> Vec<Fold> {
        self.unify_with(extraction, &|_| false)
    }

    /// [`unify`](Self::unify) with the places a name may open with (see
    /// [`key_with`](Self::key_with)).
    pub fn unify_with(
        &self,
        extraction: &mut Extraction,
        is_place: &dyn Fn(&str) -> bool,
    ) -> Vec<Fold> {
        let mut folds = Vec::new();
        let mut renamed: BTreeMap<String, String> = BTreeMap::new();
        for entity in extraction
            .entities
            .iter()
            .filter(|e| e.class == Class::Practice)
        {
            let (key, rule) = self.key_with(&entity.label, is_place);
            if let Some(rule) = rule {
                folds.push(Fold {
                    form: entity.label.clone(),
                    key: key.clone(),
                    rule,
                });
            }
            renamed.insert(entity.label.clone(), key);
        }
        // 外籍人才服务“一卡通办” on a card, 外籍人才服务事项“一卡通办” in its
        // prose: a key whose words one other key holds in order, with words
        // left out of the middle and both ends as written, is that practice
        // (never a key two others hold).
        let keys: BTreeSet<String> = renamed.values().cloned().collect();
        for (label, key) in renamed.iter_mut() {
            if key.chars().count() < SPREAD_CHARS {
                continue;
            }
            // A key inside another (一件事 in 一件事集成) is left to the families
            // of the store, which know every document's names.
            let mut holders = keys
                .iter()
                .filter(|k| *k != key && !k.contains(key.as_str()) && holds_in_order(k, key))
                .filter(|k| !one_side_of_compound(k, key));
            if let (Some(long), None) = (holders.next(), holders.next()) {
                folds.push(Fold {
                    form: label.clone(),
                    key: long.clone(),
                    rule: format!("spread of {long}"),
                });
                key.clone_from(long);
            }
        }
        if renamed.iter().all(|(label, key)| label == key) {
            return folds;
        }
        let mut merged: BTreeMap<String, usize> = BTreeMap::new();
        let mut entities = Vec::with_capacity(extraction.entities.len());
        for mut entity in std::mem::take(&mut extraction.entities) {
            if entity.class == Class::Practice {
                let key = renamed[&entity.label].clone();
                if key != entity.label {
                    entity
                        .aliases
                        .insert(std::mem::replace(&mut entity.label, key.clone()));
                }
                if let Some(&at) = merged.get(&key) {
                    let aliases = std::mem::take(&mut entity.aliases);
                    let kept: &mut crate::model::Entity = &mut entities[at];
                    kept.aliases.extend(aliases);
                    kept.aliases.remove(&key);
                    continue;
                }
                entity.aliases.remove(&key);
                merged.insert(key, entities.len());
            }
            entities.push(entity);
        }
        extraction.entities = entities;
        let rename = |k: &mut EntityKey| {
            if k.class == Class::Practice
                && let Some(key) = renamed.get(&k.label)
            {
                k.label.clone_from(key);
            }
        };
        for relation in &mut extraction.relations {
            rename(&mut relation.subject);
            rename(&mut relation.object);
        }
        // Two forms of one practice can now state one relation twice.
        let mut seen = std::collections::HashMap::new();
        let mut relations = Vec::with_capacity(extraction.relations.len());
        for relation in std::mem::take(&mut extraction.relations) {
            let id = (
                relation.subject.clone(),
                relation.property,
                relation.object.clone(),
            );
            match seen.get(&id) {
                Some(&at) => {
                    let kept: &mut crate::model::Relation = &mut relations[at];
                    for sentence in relation.evidence {
                        if !kept.evidence.contains(&sentence) {
                            kept.evidence.push(sentence);
                        }
                    }
                }
                None => {
                    seen.insert(id, relations.len());
                    relations.push(relation);
                }
            }
        }
        extraction.relations = relations;
        for statistic in &mut extraction.statistics {
            if let Some(subject) = &mut statistic.subject {
                rename(subject);
            }
        }
        folds
    }
}

/// Whether `long` holds the chars of `short` in order, with its first two
/// and last two chars as they stand in `short`.
pub fn holds_in_order(long: &str, short: &str) -> bool {
    let chars: Vec<char> = short.chars().collect();
    let (Some(head), Some(tail)) = (chars.get(..2), chars.get(chars.len().saturating_sub(2)..))
    else {
        return false;
    };
    let head: String = head.iter().collect();
    let tail: String = tail.iter().collect();
    long.contains(&head) && long.contains(&tail) && is_subsequence(short, long)
}

/// Whether `long` joins two practices with one + (预检分流＋海铁联运集成
/// 改革) and `short` names only one side of it: a different practice. A
/// formula of many parts (互助组+边民互市+企业+金融…生态圈) is one model.
pub fn one_side_of_compound(long: &str, short: &str) -> bool {
    long.matches(['+', '＋']).count() == 1
        && !short.contains(['+', '＋'])
        && long
            .split(['+', '＋'])
            .any(|side| is_subsequence(short, side))
}

/// Whether the chars of `short` occur in `long` in order.
pub fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_side_of_a_compound_is_another_practice() {
        assert!(one_side_of_compound(
            "进口冷链货物预检分流＋海铁联运集成改革",
            "进口冷链预检分流"
        ));
        assert!(!one_side_of_compound(
            "进口冷链货物预检分流＋海铁联运集成改革",
            "预检分流＋海铁联运"
        ));
        assert!(!one_side_of_compound(
            "外商投资企业设立登记",
            "外资企业登记"
        ));
        assert!(!one_side_of_compound(
            "互助组+边民互市+企业+金融沿边金融生态圈",
            "沿边金融"
        ));
    }
    use crate::model::{Entity, Property, Relation};

    fn key(name: &str) -> String {
        IdentityRules::builtin().key(name).0
    }

    #[test]
    fn the_table_loads_and_a_bad_row_names_its_line() {
        assert!(IdentityRules::parse(TABLE).is_ok());
        let err = IdentityRules::parse("min\t3\nheads\t模式\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("unknown kind \"heads\""), "{err}");
        let err = IdentityRules::parse("min\tthree\n").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn forms_of_one_practice_share_a_key() {
        for form in [
            "无感续证",
            "“无感续证”改革",
            "无感续证服务模式",
            "无感续证改革经验",
            "哈尔滨片区“无感续证”经验",
            "黑龙江自贸试验区哈尔滨片区无感续证经验",
        ] {
            assert_eq!(key(form), "无感续证", "{form}");
        }
        assert_eq!(key("改革信用秒批"), "信用秒批");
        // A body written in front, a pilot lead, 服务/制度 heads.
        for form in ["上海浦东法院诉调仲一体化经验", "诉调仲一体化服务"] {
            assert_eq!(key(form), "诉调仲一体化", "{form}");
        }
        assert_eq!(key("试点保税研发白名单管理制度"), "保税研发白名单管理");
        assert_ne!(key("保税研发白名单管理制度"), key("保税维修白名单管理制度"));
        assert_eq!(key("集装箱液袋直运模式"), "集装箱液袋直运");
        // An ending that is part of the name stays: 集成创新 is what the
        // practice is, not a head noun it may drop.
        assert_eq!(
            key("跨境贸易投资便利化集成创新"),
            "跨境贸易投资便利化集成创新"
        );
        assert_eq!(
            key("跨境贸易投资便利化集成创新模式"),
            "跨境贸易投资便利化集成创新"
        );
        assert_eq!(key("投资管理体制综合改革"), "投资管理体制综合改革");
    }

    #[test]
    fn a_place_the_name_opens_with_is_an_origin() {
        let rules = IdentityRules::builtin();
        let place = |p: &str| ["洋浦", "前海"].contains(&p);
        assert_eq!(rules.key_with("洋浦一船多供经验", &place).0, "一船多供");
        assert_eq!(rules.key_with("前海“跨境通办”做法", &place).0, "跨境通办");
        // Without the place list the name keeps it; a name that would be
        // too short keeps it too.
        assert_eq!(rules.key("洋浦一船多供经验").0, "洋浦一船多供");
        assert_eq!(rules.key_with("洋浦通关", &place).0, "洋浦通关");
    }

    #[test]
    fn different_content_words_stay_apart() {
        assert_ne!(key("一网通办"), key("一网统管"));
        assert_ne!(key("证照分离改革"), key("照后减证改革"));
        assert_ne!(key("信用秒批"), key("信用秒贷"));
        // Too short a key keeps the name whole.
        assert_eq!(key("通关模式"), "通关模式");
    }

    #[test]
    fn unify_merges_forms_and_moves_relations() {
        let practice = |label: &str| EntityKey {
            class: Class::Practice,
            label: label.into(),
        };
        let area = EntityKey {
            class: Class::Area,
            label: "哈尔滨片区".into(),
        };
        let entity = |k: &EntityKey| Entity {
            class: k.class,
            label: k.label.clone(),
            aliases: Default::default(),
        };
        let relation = |s: &EntityKey, sentence: &str| Relation {
            subject: s.clone(),
            property: Property::OriginatedIn,
            object: area.clone(),
            evidence: vec![sentence.into()],
        };
        let mut x = Extraction {
            article_id: "a-01".into(),
            entities: vec![
                entity(&practice("无感续证改革")),
                entity(&practice("无感续证服务模式")),
                entity(&area),
            ],
            relations: vec![
                relation(&practice("无感续证改革"), "句一"),
                relation(&practice("无感续证服务模式"), "句二"),
            ],
            statistics: vec![],
        };
        let folds = IdentityRules::builtin().unify(&mut x);
        assert_eq!(folds.len(), 2);
        assert_eq!(folds[1].rule, "head 服务模式");
        assert_eq!(x.entities.len(), 2);
        assert_eq!(x.entities[0].label, "无感续证");
        let aliases: Vec<&str> = x.entities[0].aliases.iter().map(String::as_str).collect();
        assert_eq!(aliases, vec!["无感续证改革", "无感续证服务模式"]);
        assert_eq!(x.relations.len(), 1);
        assert_eq!(x.relations[0].subject, practice("无感续证"));
        assert_eq!(x.relations[0].evidence, vec!["句一", "句二"]);
    }

    #[test]
    fn a_form_leaving_words_out_of_the_middle_joins_the_one_holding_it() {
        let practice = |label: &str| Entity {
            class: Class::Practice,
            label: label.into(),
            aliases: Default::default(),
        };
        let mut x = Extraction {
            article_id: "a-01".into(),
            entities: vec![
                practice("外籍人才服务一卡通办"),
                practice("外籍人才服务事项一卡通办"),
                practice("信用修复一件事"),
                practice("信用修复一件事集成改革"),
            ],
            relations: vec![],
            statistics: vec![],
        };
        let folds = IdentityRules::builtin().unify(&mut x);
        assert!(
            folds.iter().any(|f| f.form == "外籍人才服务一卡通办"
                && f.rule == "spread of 外籍人才服务事项一卡通办"),
            "{folds:?}"
        );
        let labels: Vec<&str> = x.entities.iter().map(|e| e.label.as_str()).collect();
        // A name inside another is left to the store's families.
        assert_eq!(
            labels,
            vec![
                "外籍人才服务事项一卡通办",
                "信用修复一件事",
                "信用修复一件事集成改革"
            ]
        );
    }
}
