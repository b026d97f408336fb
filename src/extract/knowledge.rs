//! What the rules know, in one value: the reference lexicon and the rule
//! tables. Rule modules receive a `&Knowledge` (not the whole `Extractor`),
//! so they depend on data, not on the pipeline that calls them.

use super::lexicon::Lexicon;
use super::rules::Rules;

/// The lexicon and the rule tables, loaded once per process.
pub struct Knowledge {
    pub lexicon: Lexicon,
    pub rules: Rules,
}
