//! Rules that find names the lexicon does not hold. Each rule reads the
//! prepared sentence and adds `Mention`s; the words they use (endings,
//! triggers, boundaries) come from `data/rules/`.

mod appositions;
mod endings;
mod item_titles;
mod lists;
mod made_phrases;
mod notice_titles;
mod quote_context;
mod quotes;
mod recognitions;
mod spans;

pub use appositions::{acronym_agreements, appositions};
pub use endings::by_ending;
pub use item_titles::item_titles;
pub use lists::{coordinated, enumerations, practice_lists};
pub use made_phrases::{copied_phrases, made_phrases, selected_phrases};
pub use notice_titles::notice_titles;
pub use quotes::{book_titles, quoted};
pub use recognitions::{announced, recognitions};

/// Longest name a rule may build, in characters.
const MAX_NAME: usize = 40;
/// Longest quoted text taken as a name.
const MAX_QUOTED: usize = 26;
