//! Gathers the mentions, relations and statistics found in an article's
//! sentences into one `Extraction`: each entity once (with every name it
//! was called), each relation once (with every sentence that states it).

use super::lexicon::Lexicon;
use super::mention::{Mention, clean_label};
use crate::model::{Class, Entity, EntityKey, Extraction, Property, Relation, Statistic};
use std::collections::BTreeMap;

/// The growing extraction of one article.
pub struct ArticleGraph {
    article_id: String,
    entities: BTreeMap<EntityKey, Entity>,
    /// Insertion order of relations, so output follows the text.
    relations: Vec<Relation>,
    statistics: Vec<Statistic>,
}

impl ArticleGraph {
    pub fn new(article_id: &str) -> Self {
        ArticleGraph {
            article_id: article_id.to_owned(),
            entities: BTreeMap::new(),
            relations: Vec::new(),
            statistics: Vec::new(),
        }
    }

    pub fn add_mention(&mut self, mention: &Mention) {
        self.add_entity(&mention.key, &mention.surface);
    }

    /// Records an entity and, if `name` differs from its label, the alias.
    pub fn add_entity(&mut self, key: &EntityKey, name: &str) {
        let entity = self.entities.entry(key.clone()).or_insert_with(|| Entity {
            class: key.class,
            label: key.label.clone(),
            aliases: Default::default(),
        });
        let name = clean_label(name);
        if !name.is_empty() && name != entity.label {
            entity.aliases.insert(name);
        }
    }

    pub fn has_entity(&self, key: &EntityKey) -> bool {
        self.entities.contains_key(key)
    }

    /// Whether some sentence already said where `practice` started.
    pub fn has_origin(&self, practice: &EntityKey) -> bool {
        self.relations
            .iter()
            .any(|r| &r.subject == practice && r.property == Property::OriginatedIn)
    }

    /// Records a relation stated in `sentence`; both ends become entities.
    pub fn add_relation(
        &mut self,
        subject: &EntityKey,
        property: Property,
        object: &EntityKey,
        sentence: &str,
    ) {
        if subject == object {
            return;
        }
        for end in [subject, object] {
            if !self.entities.contains_key(end) {
                self.add_entity(end, &end.label);
            }
        }
        let existing = self
            .relations
            .iter_mut()
            .find(|r| &r.subject == subject && r.property == property && &r.object == object);
        match existing {
            Some(r) => {
                if !r.evidence.iter().any(|s| s == sentence) {
                    r.evidence.push(sentence.to_owned());
                }
            }
            None => self.relations.push(Relation {
                subject: subject.clone(),
                property,
                object: object.clone(),
                evidence: vec![sentence.to_owned()],
            }),
        }
    }

    pub fn add_statistic(&mut self, statistic: Statistic) {
        self.statistics.push(statistic);
    }

    /// Drops the places labelled `labels` that no relation of the article
    /// holds (中国 named in passing is no fact a reader wants), unless the
    /// article names another country too (中国—越南, 地跨中国、哈萨克斯坦).
    pub fn drop_unrelated_places(&mut self, labels: &[String], lexicon: &Lexicon) {
        let is_country = |l: &str| {
            lexicon
                .lookup(l)
                .is_some_and(|e| e.kind.as_deref() == Some("country"))
        };
        let abroad = self
            .entities
            .keys()
            .any(|k| k.class == Class::Place && !labels.contains(&k.label) && is_country(&k.label));
        if abroad {
            return;
        }
        let held = |k: &EntityKey| {
            self.relations
                .iter()
                .any(|r| &r.subject == k || &r.object == k)
        };
        let dropped: Vec<EntityKey> = self
            .entities
            .keys()
            .filter(|k| k.class == Class::Place && labels.contains(&k.label) && !held(k))
            .cloned()
            .collect();
        for k in dropped {
            self.entities.remove(&k);
        }
    }

    pub fn finish(mut self) -> Extraction {
        self.merge_short_forms();
        Extraction {
            article_id: self.article_id,
            entities: self.entities.into_values().collect(),
            relations: self.relations,
            statistics: self.statistics,
        }
    }
}

impl ArticleGraph {
    /// 省财政厅 next to 湖北省财政厅 is the same body: a name that starts
    /// with 省/市/区/县 and ends another name of its class is merged into it.
    /// 保税燃料油一船多供 next to 保税燃料油一船多供供应模式 is the same
    /// practice: a practice that another one extends by a head noun (模式,
    /// 机制 …) is merged into it.
    fn merge_short_forms(&mut self) {
        const HEADS: &[&str] = &[
            "模式", "机制", "制度", "服务", "改革", "体系", "试点", "做法", "举措", "措施",
        ];
        let keys: Vec<EntityKey> = self.entities.keys().cloned().collect();
        for short in &keys {
            let body_short_form = short.label.starts_with(['省', '市', '区', '县'])
                && short.label.chars().count() >= 3;
            // 片区管委会 beside 苏州片区管委会 (the one area committee named).
            let area_body = short.class == Class::GovernmentBody && short.label.starts_with("片区");
            let mut committees = keys.iter().filter(|k| {
                k.class == short.class
                    && k.label.len() > short.label.len()
                    && k.label.ends_with(short.label.as_str())
            });
            if area_body && let (Some(long), None) = (committees.next(), committees.next()) {
                let long = long.clone();
                self.merge(short, &long);
                continue;
            }
            let long = keys.iter().find(|k| {
                if k.class != short.class || k.label.len() <= short.label.len() {
                    return false;
                }
                if body_short_form && k.label.ends_with(short.label.as_str()) {
                    return true;
                }
                short.class == Class::Practice
                    && short.label.chars().count() >= 4
                    && k.label
                        .strip_prefix(short.label.as_str())
                        .is_some_and(|tail| {
                            tail.chars().count() <= 4 && HEADS.iter().any(|h| tail.ends_with(h))
                        })
            });
            if let Some(long) = long.cloned() {
                self.merge(short, &long);
                continue;
            }
            // “白名单”企业 beside 跨境人民币结算“白名单”机制: a practice
            // named by the quoted core of the article's one practice that
            // has it as an alias is that practice.
            // (“白名单”机制 there too is a shorter form of the same one.)
            if short.class == Class::Practice {
                let owners: Vec<&EntityKey> = keys
                    .iter()
                    .filter(|k| {
                        k.class == Class::Practice
                            && *k != short
                            && self
                                .entities
                                .get(*k)
                                .is_some_and(|e| e.aliases.contains(&short.label))
                    })
                    .collect();
                let mut widest = owners.iter().filter(|k| {
                    !owners
                        .iter()
                        .any(|o| o.label.len() > k.label.len() && o.label.contains(&k.label))
                });
                if let (Some(owner), None) = (widest.next(), widest.next()) {
                    let owner = EntityKey::clone(owner);
                    self.merge(short, &owner);
                    continue;
                }
            }
            // “楚贸通”入选… next to 楚贸通国际贸易综合服务平台: a short
            // brand name is the one platform of the article it opens.
            if let Some(platform) = self.platform_opened_by(short) {
                self.merge(short, &platform);
                continue;
            }
            // 料件共享核销 next to 保税维修料件共享核销(做法) alone: the one
            // practice of the article that says more before the same words.
            if short.class == Class::Practice && short.label.chars().count() >= 5 {
                let mut longer = keys.iter().filter(|k| {
                    k.class == Class::Practice
                        && k.label.len() > short.label.len()
                        // 办外籍人才一卡通: one stray char is not a longer name.
                        && k.label
                            .find(short.label.as_str())
                            .is_some_and(|i| k.label[..i].chars().count() >= 2)
                        && self.entities.contains_key(k)
                });
                if let (Some(long), None) = (longer.next(), longer.next()) {
                    let long = long.clone();
                    self.merge(short, &long);
                }
            }
        }
    }

    /// The one platform of the article whose name a short practice name
    /// opens (楚贸通 → 楚贸通国际贸易综合服务平台): brand names are short,
    /// and a bare head after them (法治体检 → 法治体检中心) is another thing.
    fn platform_opened_by(&self, short: &EntityKey) -> Option<EntityKey> {
        let length = short.label.chars().count();
        if short.class != Class::Practice || !(2..=6).contains(&length) {
            return None;
        }
        let mut platforms = self.entities.keys().filter(|k| {
            k.class == Class::Platform
                && k.label
                    .strip_prefix(short.label.as_str())
                    .is_some_and(|tail| tail.chars().count() >= 4)
        });
        match (platforms.next(), platforms.next()) {
            (Some(platform), None) => Some(platform.clone()),
            _ => None,
        }
    }

    /// Moves every name, relation and statistic of `short` to `long`; what
    /// only a practice can be (copied somewhere) does not move to a platform.
    fn merge(&mut self, short: &EntityKey, long: &EntityKey) {
        let Some(removed) = self.entities.remove(short) else {
            return;
        };
        if let Some(target) = self.entities.get_mut(long) {
            target.aliases.insert(removed.label);
            target.aliases.extend(removed.aliases);
        }
        if short.class != long.class {
            self.relations
                .retain(|r| !(&r.subject == short && r.property == Property::ReplicatedIn));
        }
        for r in &mut self.relations {
            if &r.subject == short {
                r.subject = long.clone();
            }
            if &r.object == short {
                r.object = long.clone();
            }
        }
        for st in &mut self.statistics {
            if st.subject.as_ref() == Some(short) {
                st.subject = Some(long.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Class;

    #[test]
    fn one_relation_collects_every_sentence_that_states_it() {
        let mut g = ArticleGraph::new("a");
        let area = EntityKey {
            class: Class::Area,
            label: "哈尔滨片区".into(),
        };
        let zone = EntityKey {
            class: Class::FreeTradeZone,
            label: "黑龙江".into(),
        };
        g.add_relation(&area, Property::PartOf, &zone, "句一。");
        g.add_relation(&area, Property::PartOf, &zone, "句二。");
        g.add_relation(&area, Property::PartOf, &zone, "句一。");
        let x = g.finish();
        assert_eq!(x.relations.len(), 1);
        assert_eq!(x.relations[0].evidence, vec!["句一。", "句二。"]);
        assert_eq!(x.entities.len(), 2);
    }

    #[test]
    fn a_practice_and_the_same_with_a_head_noun_are_one_node() {
        let key = |class, label: &str| EntityKey {
            class,
            label: label.into(),
        };
        let short = key(Class::Practice, "保税燃料油一船多供");
        let long = key(Class::Practice, "保税燃料油一船多供供应模式");
        let area = key(Class::Area, "舟山片区");
        let mut g = ArticleGraph::new("a");
        g.add_entity(&long, "保税燃料油一船多供供应模式");
        g.add_relation(&short, Property::ReplicatedIn, &area, "句。");
        let x = g.finish();
        let practices: Vec<_> = x
            .entities
            .iter()
            .filter(|e| e.class == Class::Practice)
            .collect();
        assert_eq!(practices.len(), 1);
        assert_eq!(practices[0].label, long.label);
        assert!(practices[0].aliases.contains(&short.label));
        assert_eq!(x.relations[0].subject, long);
    }

    #[test]
    fn a_quoted_core_is_the_one_practice_that_has_it_as_alias() {
        let key = |class, label: &str| EntityKey {
            class,
            label: label.into(),
        };
        let long = key(Class::Practice, "跨境人民币结算白名单机制");
        let core = key(Class::Practice, "白名单");
        let list = key(Class::Recognition, "第四批最佳实践案例");
        let mut g = ArticleGraph::new("a");
        g.add_entity(&long, "跨境人民币结算白名单");
        g.add_entity(&long, "白名单");
        let mechanism = key(Class::Practice, "白名单机制");
        g.add_entity(&mechanism, "白名单");
        g.add_entity(&core, "白名单");
        g.add_relation(
            &core,
            Property::RecognizedAs,
            &list,
            "该机制获评第四批最佳实践案例。",
        );
        let x = g.finish();
        assert_eq!(x.relations[0].subject, long);
        assert!(!x.entities.iter().any(|e| e.label == "白名单"));
        // Two practices with that core: it names neither.
        let other = key(Class::Practice, "保税维修白名单");
        let mut g = ArticleGraph::new("b");
        g.add_entity(&long, "白名单");
        g.add_entity(&other, "白名单");
        g.add_entity(&core, "白名单");
        g.add_relation(
            &core,
            Property::RecognizedAs,
            &list,
            "该机制获评第四批最佳实践案例。",
        );
        assert_eq!(g.finish().relations[0].subject, core);
    }
}
