//! Practice identity across documents: one practice that two newsletters
//! name in a short and a long form (一船多供, 保税燃料油一船多供) is one
//! node. After `identity` has keyed each practice within its document,
//! practices whose key contains another practice's key are one family,
//! unless the shorter key sits inside two practices that are not one (then
//! it is too vague to say which, and stays apart): so 融资租赁收取外币租金
//! joins 船舶融资租赁收取外币租金 but never 飞机经营租赁收取外币租金.
//! Practices that share an alias of at least `MIN_CHARS` characters (both
//! texts wrote 保税燃料油“一船多供” and 洋浦“一船多供”) are one family too.
//! Each family is named by its fullest key.
//!
//! Input: practice nodes (IRI and key; IRI and alias). Output: the renames
//! member → kept.

pub use crate::identity::holds_in_order;
use crate::identity::{IdentityRules, is_subsequence, one_side_of_compound};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The shortest key, in characters, that may stand for a longer one.
pub const MIN_CHARS: usize = 4;

/// The renames (IRI of a member → IRI of the node kept) that make every
/// family one node. `practices` holds (IRI, key) pairs (a node may appear
/// with several keys), `aliases` (IRI, alias) pairs, `apart` the pairs of
/// IRIs (both orders) some one article names as two practices.
pub fn renames(
    practices: &[(String, String)],
    aliases: &[(String, String)],
    apart: &HashSet<(String, String)>,
) -> Vec<(String, String)> {
    let rules = IdentityRules::builtin();
    let mut keys: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (iri, key) in practices {
        keys.entry(key.as_str()).or_default().push(iri.as_str());
    }
    // Every key that contains `short` (by a substring index: keys are short).
    let mut containing: HashMap<&str, Vec<&str>> = HashMap::new();
    for &long in keys.keys() {
        let starts: Vec<usize> = long.char_indices().map(|(i, _)| i).collect();
        let mut seen = HashSet::new();
        for (a, &i) in starts.iter().enumerate() {
            for j in starts[a + 1..].iter().copied().chain([long.len()]) {
                let part = &long[i..j];
                if part != long
                    && part.chars().count() >= MIN_CHARS
                    && keys.contains_key(part)
                    && !rules.is_product_of(long, part)
                    && !one_side_of_compound(long, part)
                    && seen.insert(part)
                {
                    containing.entry(part).or_default().push(long);
                }
            }
        }
    }
    let mut family = UnionFind::default();
    for (short, longs) in &containing {
        // Inside two practices that are not one: too vague to join.
        if !all_related_around(short, longs) {
            continue;
        }
        for long in longs {
            family.join(short, long);
        }
    }
    for (short, longs) in spread_forms(&keys) {
        for long in longs {
            family.join(short, long);
        }
    }
    for (a, b) in reordered_forms(&keys) {
        family.join(a, b);
    }
    // One name on two nodes (an alias of one, the key or an alias of the
    // other): their keys are one family.
    let mut keys_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for (iri, key) in practices {
        keys_of.entry(iri.as_str()).or_default().push(key.as_str());
    }
    let mut holders: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (iri, alias) in aliases.iter().chain(practices) {
        if alias.chars().count() >= MIN_CHARS && keys_of.contains_key(iri.as_str()) {
            holders
                .entry(alias.as_str())
                .or_default()
                .push(iri.as_str());
        }
    }
    for own in keys_of.values() {
        for key in &own[1..] {
            family.join(own[0], key);
        }
    }
    for (alias, iris) in &holders {
        // Held by two practices whose own keys are unrelated (保税维修 and
        // 保税研发“白名单”管理制度 both give 白名单管理制度), and never a
        // practice's name on its own: too vague.
        // When it is one (苏州片区“一企一册”经验), it joins them only if no
        // document names two of them side by side as two practices
        // (保税维修“一企一册” and 保税研发“一企一册” in one reply letter).
        let own_keys: Vec<&str> = iris.iter().map(|iri| keys_of[iri][0]).collect();
        if !all_related(&own_keys) {
            let side_by_side = iris.iter().enumerate().any(|(i, a)| {
                iris[i + 1..]
                    .iter()
                    .any(|b| apart.contains(&((*a).to_owned(), (*b).to_owned())))
            });
            if !keys.contains_key(alias) || side_by_side {
                continue;
            }
        }
        for other in &iris[1..] {
            family.join(keys_of[iris[0]][0], keys_of[other][0]);
        }
    }
    let mut groups: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for &key in keys.keys() {
        groups.entry(family.root(key)).or_default().push(key);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        // The fullest key names the family; its first IRI is kept.
        let kept_key = members
            .iter()
            .max_by_key(|k| (k.chars().count(), std::cmp::Reverse(**k)))
            .expect("a member");
        let kept = keys[kept_key][0];
        for key in members {
            for &iri in &keys[key] {
                if iri != kept && !out.iter().any(|(from, _): &(String, String)| from == iri) {
                    out.push((iri.to_owned(), kept.to_owned()));
                }
            }
        }
    }
    out
}

/// The shortest key, in characters, that may stand for a longer one whose
/// words it leaves out of the middle.
pub const MIN_SPREAD_CHARS: usize = crate::identity::SPREAD_CHARS;

/// Keys that leave words out of the middle of other keys (诉调仲衔接 for
/// 涉外商事纠纷诉调仲一站式衔接): the longer keys that hold them in order
/// with both ends as written, when those are one practice (each inside
/// the other); never a key inside two unrelated ones.
fn spread_forms<'a>(keys: &BTreeMap<&'a str, Vec<&'a str>>) -> Vec<(&'a str, Vec<&'a str>)> {
    // Keys by each two-character piece they hold, to find candidates fast.
    let mut by_pair: HashMap<String, Vec<&str>> = HashMap::new();
    for &key in keys.keys() {
        let chars: Vec<char> = key.chars().collect();
        let mut seen = HashSet::new();
        for pair in chars.windows(2) {
            let pair: String = pair.iter().collect();
            if seen.insert(pair.clone()) {
                by_pair.entry(pair).or_default().push(key);
            }
        }
    }
    let mut out = Vec::new();
    for &short in keys.keys() {
        let n = short.chars().count();
        if n < MIN_SPREAD_CHARS {
            continue;
        }
        let head: String = short.chars().take(2).collect();
        let Some(candidates) = by_pair.get(&head) else {
            continue;
        };
        let holders: Vec<&str> = candidates
            .iter()
            .copied()
            .filter(|long| {
                long.chars().count() > n
                    && !long.contains(short)
                    && holds_in_order(long, short)
                    && !one_side_of_compound(long, short)
            })
            .collect();
        if !holders.is_empty() && all_related(&holders) {
            out.push((short, holders));
        }
    }
    out
}

/// The shortest part, in characters, of a key whose two parts another
/// key names the other way round.
const MIN_REORDERED_PART: usize = 2;

/// The shortest core, in characters, that a reordered form may move to
/// the front while shortening what it moves behind (先试后买专利许可 for
/// 专利开放许可先试后买).
const MIN_MOVED_CORE: usize = 4;

/// Keys that name one practice with their two parts the other way round
/// (离港即退出口退税 and 出口退税离港即退): each is the other rotated, or
/// the part moved behind the core is written shorter, its words in order
/// (专利开放许可先试后买 and 先试后买专利许可).
fn reordered_forms<'a>(keys: &BTreeMap<&'a str, Vec<&'a str>>) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    for (&key, _) in keys.iter() {
        let starts: Vec<usize> = key.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        for &at in starts
            .iter()
            .skip(MIN_REORDERED_PART)
            .take((n + 1).saturating_sub(2 * MIN_REORDERED_PART))
        {
            let (front, core) = (&key[..at], &key[at..]);
            let rotated = format!("{core}{front}");
            if let Some((&other, _)) = keys.get_key_value(rotated.as_str())
                && other != key
            {
                out.push((key, other));
                continue;
            }
            if core.chars().count() < MIN_MOVED_CORE {
                continue;
            }
            for (&other, _) in keys.range(core..).take_while(|(k, _)| k.starts_with(core)) {
                let behind = &other[core.len()..];
                let shorter = behind.chars().count() >= MIN_REORDERED_PART
                    && behind != front
                    && (is_subsequence(behind, front) || is_subsequence(front, behind));
                if shorter {
                    out.push((key, other));
                }
            }
        }
    }
    out
}

/// Whether `full` (a name holding `part`) and `name` (another holding it)
/// add different words on one side of it: 进口药材一站式查验 and
/// 进口药品一站式查验 around 一站式查验.
pub fn adds_other_words(full: &str, part: &str, name: &str) -> bool {
    let (Some(f), Some(n)) = (full.find(part), name.find(part)) else {
        return false;
    };
    if full == part {
        return false;
    }
    let (full_before, full_after) = (&full[..f], &full[f + part.len()..]);
    let (name_before, name_after) = (&name[..n], &name[n + part.len()..]);
    // 外资企业登记 for 外商投资企业设立登记 shortens it, 进口药品 for
    // 进口药材 says something else: neither holds the other in order.
    let other = |a: &str, b: &str| {
        !a.is_empty() && !b.is_empty() && !is_subsequence(a, b) && !is_subsequence(b, a)
    };
    other(full_before, name_before) || other(full_after, name_after)
}

/// Whether every two keys are one inside the other (a family may hold
/// 一船多供 and 保税燃料油一船多供, never 飞机… and 船舶…).
fn all_related(keys: &[&str]) -> bool {
    keys.iter()
        .enumerate()
        .all(|(i, a)| keys[i + 1..].iter().all(|b| a.contains(b) || b.contains(a)))
}

/// Whether the keys holding `short` are one practice: what each adds to
/// `short`, before or after it, is held in order by the other's addition
/// (扫码入企检查 and 涉企行政检查扫码入企 add 检查 and 涉企行政检查), never
/// different words (船舶… and 飞机…, 保税维修… and 保税研发…); or one
/// adds words only before it and the other only after it.
fn all_related_around(short: &str, keys: &[&str]) -> bool {
    let added = |key: &str| key.replacen(short, "", 1);
    // What a key adds before and after `short`.
    let sides = |key: &str| {
        key.find(short)
            .map(|at| (at > 0, at + short.len() < key.len()))
            .unwrap_or((true, true))
    };
    keys.iter().enumerate().all(|(i, a)| {
        keys[i + 1..].iter().all(|b| {
            let (x, y) = (added(a), added(b));
            // 跨境电商出口退货原状入区 and 原状入区、分类处置退货: one adds
            // only before it, the other only after: parts of one name.
            let opposite = matches!(
                (sides(a), sides(b)),
                ((true, false), (false, true)) | ((false, true), (true, false))
            );
            opposite || is_subsequence(&x, &y) || is_subsequence(&y, &x)
        })
    })
}

/// Union-find over names (keys and IRIs share one namespace of strings).
#[derive(Default)]
struct UnionFind<'a> {
    parent: HashMap<&'a str, &'a str>,
}

impl<'a> UnionFind<'a> {
    fn root(&self, mut x: &'a str) -> &'a str {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }

    fn join(&mut self, a: &'a str, b: &'a str) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (low, high) = if ra < rb { (rb, ra) } else { (ra, rb) };
            self.parent.insert(low, high);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        let practices: Vec<(String, String)> = pairs
            .iter()
            .map(|(i, k)| (i.to_string(), k.to_string()))
            .collect();
        let mut out = renames(&practices, &[], &HashSet::new());
        out.sort();
        out
    }

    #[test]
    fn a_form_that_leaves_words_out_of_the_middle_joins_the_one_practice_holding_it() {
        assert_eq!(
            run(&[
                ("p/long", "涉外商事纠纷诉调仲一站式衔接"),
                ("p/short", "诉调仲衔接"),
            ]),
            vec![("p/short".into(), "p/long".into())]
        );
        // Held by two unrelated practices: too vague, kept apart.
        assert!(
            run(&[
                ("p/a", "保税维修产品白名单动态管理"),
                ("p/b", "保税研发产品白名单动态管理"),
                ("p/c", "保税产品白名单"),
            ])
            .is_empty()
        );
        // The distractor pair never joins.
        assert!(
            run(&[
                ("p/a", "综合保税区保税维修产品白名单动态管理"),
                ("p/b", "综合保税区保税再制造产品白名单动态管理"),
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_short_form_inside_a_left_and_a_right_extension_joins_all_three() {
        let out = run(&[
            ("p/left", "跨境电商出口退货原状入区"),
            ("p/short", "原状入区"),
            ("p/right", "原状入区、分类处置退货"),
        ]);
        assert_eq!(out.len(), 2, "{out:?}");
        // Two additions on the same side stay apart (船舶… and 飞机…).
        assert!(
            run(&[
                ("p/a", "船舶融资租赁收取外币租金"),
                ("p/b", "飞机融资租赁收取外币租金"),
                ("p/short", "融资租赁收取外币租金"),
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_form_with_its_two_parts_the_other_way_round_is_one_practice() {
        assert_eq!(
            run(&[("p/a", "出口退税离港即退"), ("p/b", "离港即退出口退税")]),
            vec![("p/b".into(), "p/a".into())]
        );
        // Not a rotation: the content differs.
        assert!(adds_other_words(
            "进口药材一站式查验",
            "一站式查验",
            "进口药品一站式查验"
        ));
        assert!(!adds_other_words(
            "进口药材一站式查验",
            "一站式查验",
            "药材一站式查验"
        ));
        assert!(!adds_other_words(
            "一站式查验模式",
            "一站式查验",
            "进口药品一站式查验"
        ));
        assert!(run(&[("p/a", "出口退税离港即退"), ("p/b", "离港即退进口退税")]).is_empty());
        // The part moved behind the core may be written shorter, not other.
        assert_eq!(
            run(&[("p/a", "专利开放许可先试后买"), ("p/b", "先试后买专利许可")]),
            vec![("p/b".into(), "p/a".into())]
        );
        assert!(run(&[("p/a", "专利开放许可先试后买"), ("p/b", "先试后买商标许可")]).is_empty());
    }

    #[test]
    fn a_short_form_joins_the_one_practice_that_contains_it() {
        assert_eq!(
            run(&[
                ("p/一船多供", "一船多供"),
                ("p/保税燃料油一船多供", "保税燃料油一船多供")
            ]),
            vec![("p/一船多供".into(), "p/保税燃料油一船多供".into())]
        );
        // Chains: the fullest key is kept.
        assert_eq!(
            run(&[
                ("p/a", "船边直提"),
                ("p/b", "进口货物船边直提"),
                ("p/c", "国际进口货物船边直提"),
            ]),
            vec![("p/a".into(), "p/c".into()), ("p/b".into(), "p/c".into())]
        );
    }

    #[test]
    fn additions_on_either_side_of_the_short_form_are_one_family() {
        let renames = run(&[
            ("p1", "扫码入企"),
            ("p2", "扫码入企检查"),
            ("p3", "涉企行政检查扫码入企"),
            ("p4", "涉企检查扫码入企"),
        ]);
        assert_eq!(renames.len(), 3, "{renames:?}");
        assert!(renames.iter().all(|(_, kept)| kept == "p3"), "{renames:?}");
    }

    #[test]
    fn different_additions_keep_the_short_form_apart() {
        let renames = run(&[
            ("p1", "白名单动态管理"),
            ("p2", "保税维修产品白名单动态管理"),
            ("p3", "保税研发产品白名单动态管理"),
        ]);
        assert!(renames.is_empty(), "{renames:?}");
    }

    #[test]
    fn a_distractor_pair_stays_apart() {
        let out = run(&[
            ("p/plane", "飞机经营租赁收取外币租金"),
            ("p/ship", "船舶融资租赁收取外币租金"),
            ("p/lease", "融资租赁收取外币租金"),
            ("p/vague", "租赁收取外币租金"),
        ]);
        assert_eq!(out, vec![("p/lease".into(), "p/ship".into())]);
    }

    #[test]
    fn short_keys_and_different_words_stay_apart() {
        assert!(run(&[("p/a", "秒批"), ("p/b", "信用秒批")]).is_empty());
        assert!(run(&[("p/a", "一网通办"), ("p/b", "一网统管")]).is_empty());
    }

    #[test]
    fn a_product_built_on_a_practice_is_another_thing() {
        // A loan named after the settlement model it finances.
        assert!(
            run(&[
                ("p/a", "中欧班列运费分段结算"),
                ("p/b", "中欧班列运费分段结算融资")
            ])
            .is_empty()
        );
        // A longer form in front still joins.
        assert_eq!(
            run(&[("p/a", "运费分段结算"), ("p/b", "中欧班列运费分段结算")]),
            vec![("p/a".to_string(), "p/b".to_string())]
        );
    }

    #[test]
    fn a_shared_alias_joins_two_practices() {
        let practices = [
            ("p/a".to_string(), "保税燃料油一船多供".to_string()),
            ("p/b".to_string(), "洋浦一船多供".to_string()),
            ("p/c".to_string(), "一船多供".to_string()),
        ];
        // Without the aliases, 一船多供 is inside two practices: vague.
        assert!(renames(&practices, &[], &HashSet::new()).is_empty());
        let aliases = [
            ("p/a".to_string(), "一船多供".to_string()),
            ("p/b".to_string(), "一船多供".to_string()),
        ];
        let mut out = renames(&practices, &aliases, &HashSet::new());
        out.sort();
        assert_eq!(
            out,
            vec![("p/b".into(), "p/a".into()), ("p/c".into(), "p/a".into())]
        );
    }

    #[test]
    fn an_alias_two_unrelated_practices_share_joins_nothing() {
        let practices = [
            ("p/r".to_string(), "保税研发白名单管理制度".to_string()),
            ("p/m".to_string(), "保税维修白名单管理制度".to_string()),
        ];
        let aliases = [
            ("p/r".to_string(), "白名单管理制度".to_string()),
            ("p/m".to_string(), "白名单管理制度".to_string()),
        ];
        assert!(renames(&practices, &aliases, &HashSet::new()).is_empty());
    }

    #[test]
    fn nodes_with_one_key_are_one() {
        assert_eq!(
            run(&[("p/x", "无感续证"), ("p/y", "无感续证")]),
            vec![("p/y".into(), "p/x".into())]
        );
    }
}
