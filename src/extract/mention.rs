//! The leaf every rule shares: a `Mention` (an entity named in a sentence,
//! with its byte span), adding mentions without crossing others, and label
//! cleaning. Input: spans and names from the rules; output: mentions and
//! entity keys. It imports nothing from the other extract modules.

use crate::model::{Class, EntityKey};

/// An entity named in a sentence (byte offsets into the prepared text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub key: EntityKey,
    /// The name as written (quotes removed).
    pub surface: String,
    /// Other names this mention gives the entity (X平台 for “X”平台).
    pub aliases: Vec<String>,
    pub start: usize,
    pub end: usize,
    /// Index of the lexicon entry, for reference names.
    pub entry: Option<usize>,
    /// Inside a longer mention (绥芬河 in 绥芬河综合保税区): not an actor.
    pub nested: bool,
}

impl Mention {
    pub fn new(class: Class, label: &str, start: usize, end: usize) -> Mention {
        let label = clean_label(label);
        Mention {
            key: EntityKey {
                class,
                label: label.clone(),
            },
            surface: label,
            aliases: Vec::new(),
            start,
            end,
            entry: None,
            nested: false,
        }
    }

    pub fn class(&self) -> Class {
        self.key.class
    }
}

/// Adds a mention unless it crosses an existing one. A mention that covers
/// existing ones makes them nested; one inside an existing one is nested.
pub fn add(mentions: &mut Vec<Mention>, mut mention: Mention) -> bool {
    // A name has two characters and a letter or a Chinese character (646
    // in 合肥片区企业646家 is a count, not a name).
    let label = &mention.key.label;
    if label.chars().count() < 2 || !label.chars().any(char::is_alphabetic) {
        return false;
    }
    let crosses = mentions.iter().any(|m| {
        let overlap = m.start < mention.end && mention.start < m.end;
        let inside = mention.start >= m.start && mention.end <= m.end;
        let covers = mention.start <= m.start && mention.end >= m.end;
        overlap && !inside && !covers
    });
    if crosses {
        return false;
    }
    if mentions
        .iter()
        .any(|m| m.start == mention.start && m.end == mention.end)
    {
        return false;
    }
    if mentions
        .iter()
        .any(|m| mention.start >= m.start && mention.end <= m.end)
    {
        mention.nested = true;
    }
    for m in mentions.iter_mut() {
        if m.start >= mention.start && m.end <= mention.end {
            m.nested = true;
        }
    }
    mentions.push(mention);
    true
}

/// True when `[start, end)` is free of any mention.
pub fn is_free(mentions: &[Mention], start: usize, end: usize) -> bool {
    !mentions.iter().any(|m| m.start < end && start < m.end)
}

/// A label as the contract wants it: no quotation marks or 《》, no spaces
/// between Chinese characters.
pub fn clean_label(name: &str) -> String {
    let stripped: String = name
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '《' | '》' | '「' | '」'))
        .collect();
    let chars: Vec<char> = stripped.trim().chars().collect();
    let mut out = String::with_capacity(stripped.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let ascii_before = i > 0 && chars[i - 1].is_ascii_alphanumeric();
            let ascii_after = chars.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
            if !(ascii_before && ascii_after) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Shorthand for an entity key.
pub fn key(class: Class, label: &str) -> EntityKey {
    EntityKey {
        class,
        label: label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_lose_quotes_and_spaces_between_chinese() {
        assert_eq!(clean_label("“无感续证”"), "无感续证");
        assert_eq!(
            clean_label("《湖北省科技创新券管理办法》"),
            "湖北省科技创新券管理办法"
        );
        assert_eq!(clean_label("STEAM 教育研创中心"), "STEAM教育研创中心");
        assert_eq!(
            clean_label("SATware 柔性化卫星平台"),
            "SATware柔性化卫星平台"
        );
        assert_eq!(clean_label("TIR 班线"), "TIR班线");
    }

    #[test]
    fn a_mention_inside_another_is_nested_and_crossing_ones_are_refused() {
        let mut ms = Vec::new();
        assert!(add(&mut ms, Mention::new(Class::Place, "绥芬河", 0, 9)));
        assert!(add(
            &mut ms,
            Mention::new(Class::SpecialZone, "绥芬河综合保税区", 0, 24)
        ));
        assert!(ms[0].nested && !ms[1].nested);
        assert!(!add(
            &mut ms,
            Mention::new(Class::Firm, "保税区企业", 18, 33)
        ));
        assert!(!is_free(&ms, 3, 6));
        assert!(is_free(&ms, 24, 30));
    }

    #[test]
    fn a_count_is_no_name() {
        let mut ms = Vec::new();
        assert!(!add(&mut ms, Mention::new(Class::Firm, "646", 0, 3)));
        assert!(add(&mut ms, Mention::new(Class::Firm, "3M公司", 4, 12)));
    }
}
