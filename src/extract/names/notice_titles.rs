//! Titles of notices written without 《》, as a gazette's 目录 or a list of
//! documents prints them: 海南省人民政府办公厅关于印发…若干措施的通知,
//! 海南省商务厅　海南省司法厅关于…工作指引的通知. The bodies that open the
//! title, 关于, and a kind of document after 的 make the whole a policy.

use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add};
use crate::extract::sentence::Sentence;
use crate::model::Class;
use regex::Regex;
use std::sync::LazyLock;

/// 关于 … 的通知: no clause mark inside, at most 80 characters.
static ABOUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"关于[^。，；：:！？!?\n]{2,80}?的(?:通知|决定|意见|批复|复函|通报|公告|通告|函)")
        .expect("notice title pattern")
});

/// Adds every unquoted notice title opened by the bodies that issued it.
pub fn notice_titles(_known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    for about in ABOUT.find_iter(text) {
        // The bodies right before 关于, one after another (spaces between).
        let mut start = about.start();
        while let Some(body) = mentions.iter().find(|m| {
            !m.nested
                && m.class() == Class::GovernmentBody
                && m.end <= start
                && text[m.end..start].chars().all(|c| c == ' ' || c == '　')
        }) {
            start = body.start;
        }
        // 《X关于…》 is the quotation's; 关于印发《Y》的通知 prints Y, the
        // policy a reader means.
        let quoted = text[..start].ends_with(['《', '“']) || about.as_str().contains('《');
        if start == about.start() || quoted {
            continue;
        }
        let title = &text[start..about.end()];
        add(
            mentions,
            Mention::new(Class::Policy, title, start, about.end()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use std::sync::OnceLock;

    fn extractor() -> &'static Extractor {
        static E: OnceLock<Extractor> = OnceLock::new();
        E.get_or_init(|| Extractor::new().expect("extractor"))
    }

    #[test]
    fn a_title_in_a_table_of_contents_is_a_policy() {
        let x = extractor();
        let s = Sentence::new(
            &x.segmenter,
            "海南省人民政府办公厅关于印发海南自由贸易港外籍人才服务保障若干措施的通知（琼府办〔2026〕8号）……（15）",
        );
        let found = crate::extract::mentions::find(&x.known, &s);
        assert!(
            found.iter().any(|m| m.class() == Class::Policy
                && m.key.label
                    == "海南省人民政府办公厅关于印发海南自由贸易港外籍人才服务保障若干措施的通知"),
            "{found:?}"
        );
        let s = Sentence::new(
            &x.segmenter,
            "海南省人民政府关于复制推广国内自由贸易试验区第三批改革创新经验的通知（琼府〔2026〕14号）",
        );
        let found = crate::extract::mentions::find(&x.known, &s);
        assert!(
            found.iter().any(|m| m.class() == Class::Policy
                && m.key.label
                    == "海南省人民政府关于复制推广国内自由贸易试验区第三批改革创新经验的通知"),
            "{found:?}"
        );
    }
}
