//! A numbered item title that names a practice by itself, on a line of its
//! own (一、铁海联运“一单制”, （四）电子信息产品全球保税维修监管模式): the
//! practice the item's prose then calls 该做法. Input: a sentence; output:
//! a practice mention over the title's name.

use crate::extract::items::practice_title;
use crate::extract::knowledge::Knowledge;
use crate::extract::mention::{Mention, add, clean_label};
use crate::extract::sentence::Sentence;
use crate::model::Class;

pub fn item_titles(known: &Knowledge, s: &Sentence<'_>, mentions: &mut Vec<Mention>) {
    let text = &s.text;
    let Some(name) = practice_title(&known.rules, text) else {
        return;
    };
    let start = name.as_ptr() as usize - text.as_ptr() as usize;
    let mut m = Mention::new(
        Class::Practice,
        &clean_label(name),
        start,
        start + name.len(),
    );
    m.surface = name.to_string();
    add(mentions, m);
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::Class;

    fn practices(text: &str) -> Vec<String> {
        let x = Extractor::new().unwrap();
        let doc = crate::corpus::parse_text("t.txt", text);
        x.extract_document(&doc)
            .into_iter()
            .flat_map(|e| e.entities)
            .filter(|e| e.class == Class::Practice)
            .map(|e| e.label)
            .collect()
    }

    #[test]
    fn a_numbered_line_naming_a_practice_is_one() {
        let got = practices("标题\n\n一、铁海联运“一单制”\n\n首创单位：果园港片区\n");
        assert!(got.contains(&"铁海联运一单制".to_string()), "{got:?}");
        let got = practices("标题\n\n三、创新做法\n\n二、主要成效\n");
        assert!(got.is_empty(), "{got:?}");
    }
}
