//! What a paragraph is about: the area it opens with (在南沙片区，…), or
//! the firm of a record card (企业名称：X, then 荣誉：…, 投资平台：…), whose
//! fields say things about it without naming it.

use super::knowledge::Knowledge;
use super::mention::Mention;
use super::rules::{TriggerKind, WordList};
use super::sentence::Sentence;
use crate::model::{Class, EntityKey};

/// The area a paragraph opens with (在南沙片区，…; 前海蛇口片区聚焦…): the
/// paragraph is about it.
pub(super) fn opening_area<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &'m [Mention],
) -> Option<&'m EntityKey> {
    let first = mentions.iter().find(|m| !m.nested)?;
    // Item numbers, speakers and time phrases may come first: "2. 大连片区…",
    // "答：港务区片区…", "今年以来，合肥片区…".
    let lead = s.text[..first.start]
        .trim_start_matches(|c: char| c.is_ascii_digit() || "．.、）)（(①②③④⑤⑥⑦⑧⑨⑩ ".contains(c))
        .trim_end_matches('在');
    let after = &s.text[first.end..];
    let listed = after.starts_with(['、', '和', '与', '及']);
    // 片区引进Z的…: an area after a verb of copying is where it came from.
    let copied = known
        .rules
        .triggers(TriggerKind::Replicate)
        .iter()
        .any(|t| lead.contains(t.as_str()));
    let short_lead = lead.chars().count() <= 10 && !lead.contains(['。', '；']) && !copied;
    (first.class() == Class::Area && short_lead && !listed).then_some(&first.key)
}

/// The firm a card's first field names (企业名称：凭祥市友谊关跨境物流有限公司).
pub(super) fn card_firm<'m>(
    known: &Knowledge,
    s: &Sentence<'_>,
    mentions: &'m [Mention],
) -> Option<&'m EntityKey> {
    let field = known
        .rules
        .starts_with_word(WordList::FirmFields, &s.text)?;
    let colon = s.text[field.len()..].trim_start();
    let value = colon.strip_prefix(['：', ':'])?;
    let at = s.text.len() - value.len();
    mentions
        .iter()
        .find(|m| !m.nested && m.start >= at && m.start <= at + 3)
        .filter(|m| matches!(m.class(), Class::Firm | Class::Institution))
        .map(|m| &m.key)
}
