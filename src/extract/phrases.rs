//! Short phrases that name and relation rules both read: "P 由 X 首先推出"
//! (a maker, then the verb of making). Input: text after a name; output:
//! whether it says so. A leaf: it needs only the rule tables.

use super::rules::{Rules, TriggerKind, WordList};

/// The text up to its first clause mark (，。；,).
fn first_clause(text: &str) -> &str {
    text.find(['，', '。', '；', ','])
        .map_or(text, |end| &text[..end])
}

impl Rules {
    /// Whether `after` starts with the verb of making (an originate
    /// trigger), after adverbs such as 首先, 率先 (`maker_adverbs`).
    pub fn starts_with_making(&self, after: &str) -> bool {
        let mut rest = after.trim_start();
        while let Some(adverb) = self.starts_with_word(WordList::MakerAdverbs, rest) {
            rest = &rest[adverb.len()..];
        }
        self.starts_with_trigger(TriggerKind::Originate, rest)
            .is_some()
    }

    /// Whether `after` (the words right after a name) is 由 + a maker + the
    /// verb of making, within its clause: 由苏州片区原创, 由X首先推出.
    pub fn made_by_follows(&self, after: &str) -> bool {
        let after = after.trim_start();
        if self.making_after_colon(after).is_some() {
            return true;
        }
        // “P”，是 Z 原创的: the apposition may stand after a comma.
        if let Some(rest) = after.strip_prefix(['，', ','])
            && rest.starts_with('是')
            && self.made_by_follows(rest)
        {
            return true;
        }
        // “P”是 Z 首创的做法: 是, a maker, the verb of making and 的.
        let (rest, needs_de) = match after.strip_prefix('由') {
            Some(rest) => (rest, false),
            None => match after.strip_prefix('是') {
                Some(rest) => (rest.strip_prefix('由').unwrap_or(rest), true),
                None => return false,
            },
        };
        let clause = first_clause(rest);
        clause.char_indices().filter(|&(i, _)| i > 0).any(|(i, _)| {
            let at = &clause[i..];
            self.starts_with_making(at)
                && (!needs_de
                    || self
                        .starts_with_trigger(TriggerKind::Originate, at)
                        .is_some_and(|verb| at[verb.len()..].starts_with('的')))
        })
    }
}

impl Rules {
    /// Whether `after` (the words right after a quoted name, or a comma and
    /// them) is 由 + a runner + a verb of running a system within its clause:
    /// “泉城跨境通”由济南高新区管委会建设运营, “宜企通”，由…建设、…负责日常运营.
    pub fn run_by_follows(&self, after: &str) -> bool {
        let after = after.trim_start();
        let after = after.strip_prefix(['，', ',']).unwrap_or(after);
        let Some(rest) = after.strip_prefix('由') else {
            return false;
        };
        let clause = first_clause(rest);
        // 由 X 建设运营的“P”平台: the verb's 的 phrase runs what follows.
        // Only the first verb counts (…建设运营的“P”平台同步上线…).
        clause
            .char_indices()
            .filter(|&(i, _)| i > 0)
            .find_map(|(i, _)| {
                let verb = self.starts_with_word(WordList::RunningVerbs, &clause[i..])?;
                Some(!clause[i + verb.len()..].contains('的'))
            })
            .unwrap_or(false)
    }

    /// “P”：由洋浦海事局首创，…, “P”：海口海关首创，…: a name that leads
    /// an item, then a colon and a clause in which a maker makes it. Gives
    /// the byte offset (in `after`) of the clause and of its verb of making.
    pub fn making_after_colon(&self, after: &str) -> Option<(usize, usize)> {
        let colon = after.chars().next().filter(|c| matches!(c, '：' | ':'))?;
        let start = colon.len_utf8();
        let rest = &after[start..];
        let clause = first_clause(rest);
        clause
            .char_indices()
            .filter(|&(i, _)| i > 0)
            .find(|&(i, _)| self.starts_with_making(&clause[i..]))
            .map(|(i, _)| (start, start + i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_runner_then_the_verb_of_running() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.run_by_follows("由济南高新技术产业开发区管理委员会建设运营，集通关于一体"));
        assert!(
            rules.run_by_follows("，由宜昌片区管委会建设、三峡宜企数字科技有限公司负责日常运营")
        );
        assert!(!rules.run_by_follows("由苏州片区原创"));
        assert!(!rules.run_by_follows("，由陆港物流公司建设运营的“陆港通”数字服务平台同步上线"));
        assert!(!rules.run_by_follows("，企业办事更便利，平台运营良好"));
    }

    #[test]
    fn a_maker_then_the_verb_of_making() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.made_by_follows("由苏州片区原创，核心是"));
        assert!(rules.made_by_follows("由国家税务总局某某税务局首先推出"));
        assert!(!rules.made_by_follows("由苏州片区负责运营"));
        assert!(!rules.made_by_follows("由逐项审批改为名单管理"));
        assert!(!rules.made_by_follows("苏州片区原创"));
        assert!(rules.made_by_follows("是某某片区2020年首创的做法"));
        assert!(!rules.made_by_follows("是某某片区首创经验的延伸"));
        assert!(!rules.made_by_follows("是片区的重要举措"));
    }

    #[test]
    fn an_item_lead_then_its_maker_after_the_colon() {
        let rules = Rules::builtin().unwrap();
        assert!(rules.made_by_follows("：由洋浦海事局首创，船舶登记一窗受理"));
        let after = "：海口海关首创，一件商品一个码";
        let (clause, verb) = rules.making_after_colon(after).unwrap();
        assert_eq!(&after[clause..verb], "海口海关");
        assert!(
            rules
                .making_after_colon("：船舶所有权登记一窗受理，海关首创")
                .is_none()
        );
        assert!(rules.making_after_colon("海口海关首创").is_none());
    }
}
