//! The short names a text calls a firm by after naming it in full:
//! 青岛海纳云链科技有限公司 → 海纳云链; 绥芬河宏达国际物流有限公司 → 宏达物流,
//! 宏达公司; 云南滇老通国际物流有限公司 → 滇老通, 滇老通公司. The full name
//! loses its legal form (`legal_forms`), a parenthesised place, a leading place
//! the lexicon knows and its trade (`firm_trades` of words.tsv); what is
//! left is the firm's own name.
//!
//! Input: a firm's label. Output: short forms, each at least
//! `MIN_CHARS` characters.

use super::knowledge::Knowledge;
use super::rules::WordList;
use crate::model::Class;

/// Shorter forms match too much text.
const MIN_CHARS: usize = 3;

/// The short forms of a firm's full name.
pub fn short_forms(known: &Knowledge, label: &str) -> Vec<String> {
    let Some(form) = known.rules.ends_with_word(WordList::LegalForms, label) else {
        return Vec::new();
    };
    let mut rest: String = label[..label.len() - form.len()].to_owned();
    // 汉斯精密机械（青岛）: the place in brackets.
    while let (Some(open), Some(close)) = (rest.find(['（', '(']), rest.rfind(['）', ')'])) {
        if close < open {
            break;
        }
        let close_end = close + rest[close..].chars().next().map_or(1, char::len_utf8);
        rest.replace_range(open..close_end, "");
    }
    // A leading place (青岛, 绥芬河, 海南洋浦): every place the lexicon
    // finds at the start, one after another.
    loop {
        let place = known
            .lexicon
            .find(&rest)
            .into_iter()
            .filter(|m| m.start == 0 && known.lexicon.entries[m.entry].class == Class::Place)
            .map(|m| m.end)
            .max();
        match place {
            Some(end) if rest[end..].chars().count() >= MIN_CHARS => {
                rest.replace_range(..end, "");
            }
            _ => break,
        }
    }
    let trade = known
        .rules
        .ends_with_word(WordList::FirmTrades, &rest)
        .map(str::to_owned);
    let core = match &trade {
        Some(t) => rest[..rest.len() - t.len()].to_owned(),
        None => rest.clone(),
    };
    let mut forms = Vec::new();
    let mut push = |form: String| {
        if form.chars().count() >= MIN_CHARS && form != label && !forms.contains(&form) {
            forms.push(form);
        }
    };
    if core.chars().count() >= 2 {
        if core.chars().count() >= MIN_CHARS {
            push(core.clone());
        }
        push(format!("{core}公司"));
        if let Some(t) = &trade {
            // 宏达国际物流 → 宏达物流: the trade's last word.
            let last: String = t
                .chars()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            push(format!("{core}{last}"));
        }
    }
    if trade.is_some() {
        push(rest);
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;
    use std::sync::LazyLock;

    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().unwrap());

    fn forms(label: &str) -> Vec<String> {
        short_forms(&EXTRACTOR.known, label)
    }

    #[test]
    fn a_firm_is_called_by_its_own_name() {
        assert!(forms("青岛海纳云链科技有限公司").contains(&"海纳云链".to_owned()));
        let hongda = forms("绥芬河宏达国际物流有限公司");
        assert!(hongda.contains(&"宏达物流".to_owned()), "{hongda:?}");
        assert!(hongda.contains(&"宏达公司".to_owned()), "{hongda:?}");
        assert!(
            !hongda.contains(&"宏达".to_owned()),
            "too short: {hongda:?}"
        );
        let dlt = forms("云南滇老通国际物流有限公司");
        assert!(dlt.contains(&"滇老通公司".to_owned()), "{dlt:?}");
        assert!(forms("汉斯精密机械（青岛）有限公司").contains(&"汉斯精密机械".to_owned()));
    }

    #[test]
    fn names_that_are_not_firms_or_have_no_own_name_give_nothing() {
        assert!(forms("青岛片区管委会").is_empty());
        assert!(forms("青岛物流有限公司").iter().all(|f| f != "物流"));
    }
}
