//! What the rules know, in one value: the reference lexicon and the rule
//! tables. Rule modules receive a `&Knowledge` (not the whole `Extractor`),
//! so they depend on data, not on the pipeline that calls them.

use super::lexicon::Lexicon;
use super::rule_kinds::WordList;
use super::rules::Rules;
use crate::model::{Class, EntityKey};

/// The lexicon and the rule tables, loaded once per process.
pub struct Knowledge {
    pub lexicon: Lexicon,
    pub rules: Rules,
}

impl Knowledge {
    /// Whether a title only a firm or another organisation receives (…示范企业,
    /// 专精特新“小巨人”, …先进单位): `firm_recognitions` ends it.
    pub fn is_firm_title(&self, title: &EntityKey) -> bool {
        title.class == Class::Recognition
            && self
                .rules
                .words(WordList::FirmRecognitions)
                .iter()
                .any(|w| title.label.ends_with(w.as_str()))
    }
}
