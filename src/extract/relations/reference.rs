//! Reference facts stated when the text names them: an area named in full
//! is part of its zone and lies in its city; a zone lies in its province.
//! Input: lexicon mentions; output: partOf and locatedIn relations.

use super::Context;
use crate::extract::collect::ArticleGraph;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, key};
use crate::extract::sentence::Sentence;
use crate::model::{Class, EntityKey, Property};

/// partOf and locatedIn of areas named in full, or together with their zone.
pub(super) fn reference_facts(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &[Mention],
    context: &Context<'_>,
    evidence: &str,
    graph: &mut ArticleGraph,
) {
    let lexicon = &known.lexicon;
    // Where a zone lies is stated by a sentence that names the place on
    // its own beside it, or by an article that names the place on its own
    // again and again; not by a place named once elsewhere (a dateline, a
    // section label).
    let in_sentence = |k: &EntityKey| {
        context.repeated.contains(k) || mentions.iter().any(|o| !o.nested && &o.key == k)
    };
    let named_place = |name: &str| {
        lexicon
            .lookup(name)
            .filter(|e| e.class == Class::Place)
            .map(|e| key(Class::Place, &e.label))
            .filter(|k| context.named.contains(k) && in_sentence(k))
    };
    for m in mentions {
        let Some(entry) = m.entry.map(|i| &lexicon.entries[i]) else {
            continue;
        };
        // 中国（重庆）自由贸易试验区 … 重庆: the zone lies in its province.
        if entry.class == Class::FreeTradeZone
            && m.surface.contains("自由贸易试验区")
            && let Some(province) = entry.province.as_deref().and_then(named_place)
        {
            graph.add_relation(&m.key, Property::LocatedIn, &province, evidence);
        }
        if entry.class != Class::Area {
            continue;
        }
        let Some(zone_label) = &entry.part_of else {
            continue;
        };
        let names_zone = |m: &Mention| {
            m.surface.contains("自由贸易试验区")
                || m.surface.contains("自贸试验区")
                || m.surface.contains("自贸区")
                || m.surface.ends_with("组团")
        };
        // 浙江自贸试验区舟山片区、宁波片区、杭州片区: the list shares the zone.
        let listed_after_full_name = mentions
            .iter()
            .rfind(|o| !o.nested && o.end <= m.start && o.class() == Class::Area)
            .is_some_and(|o| {
                let gap = &s.text[o.end..m.start];
                ["、", "和", "及", "与"].contains(&gap)
                    && names_zone(o)
                    && o.entry.map(|i| &lexicon.entries[i].part_of) == Some(&entry.part_of)
            });
        let zone_named = names_zone(m)
            || listed_after_full_name
            || mentions
                .iter()
                .any(|o| !o.nested && &o.key.label == zone_label);
        let Some(mut zone) = lexicon.lookup(zone_label) else {
            continue;
        };
        // A 组团 is part of its 片区 where the article names that 片区 (or
        // the 组团's own name holds it); else of the zone, as GUIDELINES has it.
        if zone.class == Class::Area
            && !context.named.contains(&key(Class::Area, &zone.label))
            && !std::iter::once(&zone.label)
                .chain(&zone.aliases)
                .any(|n| m.surface.contains(n.as_str()))
            && let Some(outer) = zone.part_of.as_deref().and_then(|l| lexicon.lookup(l))
        {
            zone = outer;
        }
        let zone_key = key(zone.class, &zone.label);
        if !zone_named {
            // The article names the zone elsewhere: the area is part of it
            // (only that; where it lies needs the sentence).
            if context.zones.contains(&zone_key) {
                graph.add_relation(&m.key, Property::PartOf, &zone_key, evidence);
            }
            continue;
        }
        graph.add_relation(&m.key, Property::PartOf, &zone_key, evidence);
        // 浙江自贸试验区金义片区: the zone is named by the form its area's name holds.
        let held = m
            .surface
            .char_indices()
            .map(|(i, _)| &m.surface[..i])
            .rfind(|p| {
                lexicon
                    .lookup(p)
                    .is_some_and(|e| e.class == zone.class && e.label == zone.label)
            });
        if let Some(form) = held {
            graph.add_entity(&zone_key, form);
        }
        // Where it lies: its city, or a place its name contains (亦庄组团,
        // 珠海横琴新区片区 → 横琴), when the article names that place itself.
        let place = |name: &str| {
            lexicon
                .lookup(name)
                .filter(|e| e.class == Class::Place)
                .map(|e| key(Class::Place, &e.label))
                .filter(|k| context.named.contains(k) && in_sentence(k))
        };
        // In 北京, 上海, 天津 and 重庆 the city is the province: the zone
        // lies there, not each area.
        let municipality = entry.city.is_some() && entry.city == zone.province;
        let mut places: Vec<EntityKey> = entry
            .city
            .as_deref()
            .filter(|_| !municipality)
            .and_then(place)
            .into_iter()
            .collect();
        let short = entry.label.rsplit('）').next().unwrap_or(&entry.label);
        for (i, _) in short.char_indices() {
            for (j, _) in short[i..].char_indices().skip(2) {
                if let Some(k) = place(&short[i..i + j])
                    && !places.contains(&k)
                {
                    places.push(k);
                }
            }
        }
        for k in places {
            graph.add_relation(&m.key, Property::LocatedIn, &k, evidence);
        }
        if m.surface.contains("自由贸易试验区")
            && let Some(province) = zone.province.as_deref().and_then(place)
        {
            graph.add_relation(&zone_key, Property::LocatedIn, &province, evidence);
        }
    }
}
