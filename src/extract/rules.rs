//! The rule tables of `data/rules/` (compiled into the binary): name
//! endings per class, name boundaries, trigger words of relations and what
//! each trigger states (links). Rules live in these tables, not in code;
//! every table is checked when it loads, and an error names file and line.

use super::finder::WordFinder;
pub use super::rule_kinds::{Direction, Link, TriggerKind, WordList};
use crate::model::Class;
use std::collections::{BTreeMap, HashSet};

const SUFFIXES: &str = include_str!("../../data/rules/suffixes.tsv");
const BOUNDARIES: &str = include_str!("../../data/rules/boundaries.tsv");
const TRIGGERS: &str = include_str!("../../data/rules/triggers.tsv");
const TABLES: &str = include_str!("../../data/rules/tables.tsv");
const LINKS: &str = include_str!("../../data/rules/links.tsv");
const WORDS: &str = include_str!("../../data/rules/words.tsv");

/// How a name ending may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndingUse {
    /// Finds names anywhere.
    Strong,
    /// Finds names right after a trigger verb.
    Verb,
    /// Only classifies names found otherwise.
    Weak,
}

#[derive(Clone, Debug)]
pub struct Ending {
    pub class: Class,
    pub use_: EndingUse,
    pub text: String,
}

/// All rule tables.
pub struct Rules {
    /// Endings, longest first.
    pub endings: Vec<Ending>,
    /// Finds every ending in a text at once.
    pub ending_finder: WordFinder,
    pub stop: HashSet<String>,
    pub generic: HashSet<String>,
    pub blockers: Vec<String>,
    /// Words that end a name even when jieba joins them to the next (由市).
    pub splits: Vec<String>,
    /// Short names that are names though their modifier is generic (省政府).
    pub standalone: Vec<String>,
    triggers: BTreeMap<TriggerKind, Vec<String>>,
    /// What each trigger kind states, by the object's class.
    pub links: Vec<Link>,
    words: BTreeMap<WordList, Vec<String>>,
    /// Each word list as one automaton, for `contains_word`.
    word_finders: BTreeMap<WordList, WordFinder>,
    /// Column roles of annex tables and their header words, in order.
    pub columns: Vec<(String, Vec<String>)>,
}

#[derive(Debug, thiserror::Error)]
#[error("data/rules/{file} line {line}: {message}")]
pub struct RulesError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// The column roles tables.tsv may name (what `tables` reads each for).
const COLUMN_ROLES: &[&str] = &[
    "scope", "source", "name", "lead", "content", "status", "site", "honour", "holder", "issuer",
    "meta", "declarer",
];

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn words(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Rules {
    pub fn builtin() -> Result<Rules, RulesError> {
        let mut endings = Vec::new();
        for (line, f) in rows(SUFFIXES) {
            let error = |message: String| RulesError {
                file: "suffixes.tsv",
                line,
                message,
            };
            if f.len() != 3 {
                return Err(error("expected class, use and endings".into()));
            }
            let class: Class = f[0].parse().map_err(error)?;
            let use_ = match f[1] {
                "strong" => EndingUse::Strong,
                "verb" => EndingUse::Verb,
                "weak" => EndingUse::Weak,
                other => return Err(error(format!("unknown use `{other}`"))),
            };
            for text in words(f[2]) {
                endings.push(Ending { class, use_, text });
            }
        }
        endings.sort_by_key(|e| std::cmp::Reverse(e.text.chars().count()));
        let texts: Vec<&str> = endings.iter().map(|e| e.text.as_str()).collect();
        let mut rules = Rules {
            ending_finder: WordFinder::new(&texts),
            endings,
            stop: HashSet::new(),
            generic: HashSet::new(),
            blockers: Vec::new(),
            splits: Vec::new(),
            standalone: Vec::new(),
            triggers: BTreeMap::new(),
            links: parse_links(LINKS)?,
            words: parse_words(WORDS)?,
            word_finders: BTreeMap::new(),
            columns: Vec::new(),
        };
        for (line, f) in rows(TABLES) {
            if !COLUMN_ROLES.contains(&f[0]) {
                return Err(RulesError {
                    file: "tables.tsv",
                    line,
                    message: format!("unknown column role `{}`", f[0]),
                });
            }
            let list = words(f.get(1).copied().unwrap_or_default());
            rules.columns.push((f[0].to_owned(), list));
        }
        for (line, f) in rows(BOUNDARIES) {
            let list = words(f.get(1).copied().unwrap_or_default());
            match f[0] {
                "stop" => rules.stop.extend(list),
                "generic" => rules.generic.extend(list),
                "blocker" => rules.blockers.extend(list),
                "split" => rules.splits.extend(list),
                "standalone" => rules.standalone.extend(list),
                other => {
                    return Err(RulesError {
                        file: "boundaries.tsv",
                        line,
                        message: format!("unknown kind `{other}`"),
                    });
                }
            }
        }
        rules.triggers = parse_triggers(TRIGGERS)?;
        rules.word_finders = (rules.words.iter())
            .map(|(&list, words)| (list, WordFinder::new(words)))
            .collect();
        Ok(rules)
    }

    /// Trigger words of a kind, longest first.
    pub fn triggers(&self, kind: TriggerKind) -> &[String] {
        self.triggers.get(&kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// A named word list of words.tsv, in the order written.
    pub fn words(&self, list: WordList) -> &[String] {
        self.words.get(&list).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first word of `list` that `text` starts with.
    pub fn starts_with_word(&self, list: WordList, text: &str) -> Option<&str> {
        self.words(list)
            .iter()
            .find(|w| text.starts_with(w.as_str()))
            .map(String::as_str)
    }

    /// The first word of `list` that `text` ends with.
    pub fn ends_with_word(&self, list: WordList, text: &str) -> Option<&str> {
        self.words(list)
            .iter()
            .find(|w| text.ends_with(w.as_str()))
            .map(String::as_str)
    }

    /// Whether `text` contains a word of `list`.
    pub fn contains_word(&self, list: WordList, text: &str) -> bool {
        self.word_finders
            .get(&list)
            .is_some_and(|finder| finder.is_match(text))
    }

    /// Whether `word` is one of `list`.
    pub fn is_word(&self, list: WordList, word: &str) -> bool {
        self.words(list).iter().any(|w| w == word)
    }

    /// The class of an organisation name (an issuer, a publisher) by its
    /// last characters, when the ending tables do not decide: firm, then
    /// body, then institution.
    pub fn organisation_class(&self, name: &str) -> Option<Class> {
        [
            (WordList::FirmEndings, Class::Firm),
            (WordList::BodyEndings, Class::GovernmentBody),
            (WordList::InstitutionEndings, Class::Institution),
        ]
        .into_iter()
        .find(|(list, _)| self.ends_with_word(*list, name).is_some())
        .map(|(_, class)| class)
    }

    /// Whether a trigger of `kind` takes an object of `class` (some link
    /// row says what it states).
    pub fn takes(&self, kind: TriggerKind, class: Class) -> bool {
        self.links
            .iter()
            .any(|l| l.kind == kind && l.objects.contains(&class))
    }

    /// The links a trigger of `kind` states between a subject and an
    /// object of these classes.
    pub fn links_for(
        &self,
        kind: TriggerKind,
        subject: Class,
        object: Class,
    ) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(move |l| {
            l.kind == kind
                && l.objects.contains(&object)
                && (l.subjects.is_empty() || l.subjects.contains(&subject))
        })
    }

    /// The role of a table column by its header (`scope`, `source`, `name` …).
    pub fn column_role(&self, header: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|(_, words)| words.iter().any(|w| header.contains(w.as_str())))
            .map(|(role, _)| role.as_str())
    }

    /// The longest trigger of `kind` that `text` ends with.
    pub fn ends_with_trigger(&self, kind: TriggerKind, text: &str) -> Option<&str> {
        self.triggers(kind)
            .iter()
            .find(|t| text.ends_with(t.as_str()))
            .map(String::as_str)
    }

    /// The longest trigger of `kind` that `text` starts with.
    pub fn starts_with_trigger(&self, kind: TriggerKind, text: &str) -> Option<&str> {
        self.triggers(kind)
            .iter()
            .find(|t| text.starts_with(t.as_str()))
            .map(String::as_str)
    }

    /// The class a name's ending gives it (any use), longest ending first.
    pub fn class_by_ending(&self, name: &str) -> Option<(Class, EndingUse, &str)> {
        let name = strip_trailing_parenthetical(name);
        self.endings
            .iter()
            .find(|e| name.ends_with(e.text.as_str()) && name != e.text)
            .map(|e| (e.class, e.use_, e.text.as_str()))
    }

    /// True when a modifier is made only of generic words (or is empty).
    pub fn is_generic(&self, modifier: &str) -> bool {
        let mut rest = modifier.trim();
        'outer: while !rest.is_empty() {
            for len in (1..=rest.chars().count()).rev() {
                let end = rest.char_indices().nth(len).map_or(rest.len(), |(i, _)| i);
                if self.generic.contains(&rest[..end]) {
                    rest = rest[end..].trim_start();
                    continue 'outer;
                }
            }
            let c = rest.chars().next().expect("not empty");
            if c.is_ascii_digit() || c.is_whitespace() || "的之、".contains(c) {
                rest = &rest[c.len_utf8()..];
                continue;
            }
            return false;
        }
        true
    }
}

/// triggers.tsv: `kind<TAB>words`; every kind must be known, and each
/// appears once.
fn parse_triggers(text: &str) -> Result<BTreeMap<TriggerKind, Vec<String>>, RulesError> {
    let mut triggers = BTreeMap::new();
    for (line, f) in rows(text) {
        let error = |message: String| RulesError {
            file: "triggers.tsv",
            line,
            message,
        };
        if f.len() != 2 {
            return Err(error("expected kind<TAB>words".into()));
        }
        let kind: TriggerKind = f[0].parse().map_err(error)?;
        let mut list = words(f[1]);
        if list.is_empty() {
            return Err(error(format!("no words for `{kind}`")));
        }
        list.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        if triggers.insert(kind, list).is_some() {
            return Err(error(format!("`{kind}` is listed twice")));
        }
    }
    if let Some(missing) = TriggerKind::ALL.iter().find(|k| !triggers.contains_key(*k)) {
        return Err(RulesError {
            file: "triggers.tsv",
            line: text.lines().count(),
            message: format!("no row for trigger kind `{missing}`"),
        });
    }
    Ok(triggers)
}

/// words.tsv: `list<TAB>words`; every list must be known and present once.
fn parse_words(text: &str) -> Result<BTreeMap<WordList, Vec<String>>, RulesError> {
    let mut lists = BTreeMap::new();
    for (line, f) in rows(text) {
        let error = |message: String| RulesError {
            file: "words.tsv",
            line,
            message,
        };
        if f.len() != 2 {
            return Err(error("expected list<TAB>words".into()));
        }
        let list = WordList::ALL
            .into_iter()
            .find(|l| l.name() == f[0])
            .ok_or_else(|| error(format!("unknown word list `{}`", f[0])))?;
        let entries = words(f[1]);
        if list == WordList::HeadAbbreviations
            && let Some(bad) = entries.iter().find(|w| {
                !w.split_once('=')
                    .is_some_and(|(full, short)| !full.is_empty() && !short.is_empty())
            })
        {
            return Err(error(format!("`{bad}` is not FULL=SHORT")));
        }
        if lists.insert(list, entries).is_some() {
            return Err(error(format!("`{}` is listed twice", f[0])));
        }
    }
    if let Some(missing) = WordList::ALL.iter().find(|l| !lists.contains_key(*l)) {
        return Err(RulesError {
            file: "words.tsv",
            line: text.lines().count(),
            message: format!("no row for word list `{}`", missing.name()),
        });
    }
    Ok(lists)
}

/// links.tsv: `kind<TAB>object classes<TAB>subject classes<TAB>property
/// <TAB>direction<TAB>condition`.
fn parse_links(text: &str) -> Result<Vec<Link>, RulesError> {
    let classes = |field: &str| -> Result<Vec<Class>, String> {
        if field == "*" {
            return Ok(Vec::new());
        }
        words(field).iter().map(|c| c.parse::<Class>()).collect()
    };
    let mut links = Vec::new();
    for (line, f) in rows(text) {
        let error = |message: String| RulesError {
            file: "links.tsv",
            line,
            message,
        };
        if f.len() != 6 {
            return Err(error(
                "expected kind, object classes, subject classes, property, direction, condition"
                    .into(),
            ));
        }
        let direction = match f[4] {
            "forward" => Direction::Forward,
            "reverse" => Direction::Reverse,
            other => return Err(error(format!("unknown direction `{other}`"))),
        };
        let only_built = match f[5] {
            "-" => false,
            "built" => true,
            other => return Err(error(format!("unknown condition `{other}`"))),
        };
        let objects = classes(f[1]).map_err(error)?;
        if objects.is_empty() {
            return Err(error("a link needs object classes".into()));
        }
        links.push(Link {
            kind: f[0].parse().map_err(error)?,
            objects,
            subjects: classes(f[2]).map_err(error)?,
            property: f[3].parse().map_err(error)?,
            direction,
            only_built,
        });
    }
    Ok(links)
}

/// `黑河保税物流中心（B型）` → `黑河保税物流中心`: a short qualifier in
/// brackets at the end does not change what kind of thing is named.
pub fn strip_trailing_parenthetical(name: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if name.ends_with(close)
            && let Some(i) = name.rfind(open)
            && name[i..].chars().count() <= 14
            && i > 0
        {
            // 方案（2024—2026年）（试行）: every trailing note goes.
            return strip_trailing_parenthetical(&name[..i]);
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_classify_by_the_longest_ending() {
        let rules = Rules::builtin().unwrap();
        assert_eq!(
            rules
                .class_by_ending("哈尔滨工大卫星技术有限公司")
                .map(|c| c.0),
            Some(Class::Firm)
        );
        assert_eq!(
            rules.class_by_ending("绥芬河综合保税区").map(|c| c.0),
            Some(Class::SpecialZone)
        );
        assert_eq!(
            rules
                .class_by_ending("黑河保税物流中心（B型）")
                .map(|c| c.0),
            Some(Class::SpecialZone)
        );
        assert_eq!(
            rules.class_by_ending("湖北省科技信息研究院").map(|c| c.0),
            Some(Class::Institution)
        );
        assert!(
            rules
                .triggers(TriggerKind::Replicate)
                .contains(&"复制推广".to_owned())
        );
    }

    #[test]
    fn a_typo_in_a_trigger_kind_is_an_error_naming_the_line() {
        let err = parse_triggers("# comment\nreplicate\t复制推广\nreplicat\t借鉴\n").unwrap_err();
        assert_eq!((err.file, err.line), ("triggers.tsv", 3));
        assert!(err.message.contains("replicat"), "{}", err.message);
        let err = parse_triggers("replicate\t复制推广\n").unwrap_err();
        assert!(err.message.contains("no row"), "{}", err.message);
    }

    #[test]
    fn word_lists_keep_their_order_and_unknown_lists_are_errors() {
        let rules = Rules::builtin().unwrap();
        assert_eq!(rules.words(WordList::Joiners)[0], "和");
        assert_eq!(
            rules.ends_with_word(WordList::WithinMarkers, "片区辖区内的"),
            Some("辖区内的")
        );
        assert!(rules.contains_word(WordList::Anaphora, "该模式已被借鉴"));
        let err = parse_words("anaphora\t该模式\nanafora\t该做法\n").unwrap_err();
        assert_eq!((err.file, err.line), ("words.tsv", 2));
        let err =
            parse_words("anaphora\t该模式\nhead_abbreviations\t综合保税区|经开区\n").unwrap_err();
        assert_eq!((err.file, err.line), ("words.tsv", 2));
        assert!(err.message.contains("FULL=SHORT"), "{}", err.message);
    }

    #[test]
    fn links_say_what_a_trigger_states_and_bad_rows_are_errors() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.takes(TriggerKind::Replicate, Class::Practice));
        assert!(!rules.takes(TriggerKind::Replicate, Class::Firm));
        let copied: Vec<_> = rules
            .links_for(TriggerKind::Replicate, Class::Area, Class::Practice)
            .map(|l| (l.property, l.direction))
            .collect();
        assert_eq!(
            copied,
            vec![(crate::model::Property::ReplicatedIn, Direction::Reverse)]
        );
        // An institution set up by a firm is not based in the firm.
        assert_eq!(
            rules
                .links_for(TriggerKind::Operate, Class::Firm, Class::Institution)
                .count(),
            0
        );
        let err = parse_links("issue\tPolicy\t*\tissues\tforward\t-\n").unwrap_err();
        assert_eq!((err.file, err.line), ("links.tsv", 1));
        assert!(parse_links("issue\tPolicy\t*\tissued\tsideways\t-\n").is_err());
    }

    #[test]
    fn generic_modifiers_are_recognised() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.is_generic("首家"));
        assert!(rules.is_generic("金融服务"));
        assert!(rules.is_generic("重要合作"));
        assert!(!rules.is_generic("绥芬河"));
        assert!(!rules.is_generic("市场采购贸易"));
    }
}
