//! Property-based fuzzing of the reader and the extractor on stable Rust:
//! random bytes, the sample newsletter cut and spliced with dense Chinese
//! punctuation, and punctuation soup. Nothing may panic, and what comes
//! out must be well formed (labels non-empty, every relation with evidence).
//!
//! A bounded run is part of `cargo test`; a long run:
//! `FTZKG_FUZZ_CASES=20000 cargo test --release --no-default-features --test fuzz`.

use ftzkg::corpus;
use ftzkg::extract::Extractor;
use proptest::prelude::*;
use std::sync::OnceLock;

const SAMPLE: &str = include_str!("../data/corpus/zimao-dongtai-245.txt");

/// Characters that stress boundaries: full-width and ASCII colons,
/// brackets, quotes, list marks, digits, and words rules look for.
const POOL: &[&str] = &[
    "：",
    ":",
    "，",
    ",",
    "。",
    "；",
    "、",
    "“",
    "”",
    "\"",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "【",
    "】",
    "…",
    "—",
    "-",
    "·",
    "\n",
    "\n\n",
    " ",
    "　",
    "1",
    "第",
    "期",
    "批",
    "即",
    "包括",
    "片区",
    "自由贸易试验区",
    "复制推广",
    "入选",
    "以下简称",
    "有限公司",
    "管委会",
    "😀",
    "\u{200b}",
    "\t",
    "｜",
    "|",
    "一、",
    "（一）",
];

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("extractor"))
}

/// Reads bytes as a file would be read, extracts, and checks the output.
fn read_and_extract(bytes: &[u8]) {
    let Ok(decoded) = corpus::decode_with_warnings(bytes) else {
        return;
    };
    let document = corpus::parse_text("fuzz.txt", &decoded.text);
    for extraction in extractor().extract_document(&document) {
        for entity in &extraction.entities {
            assert!(!entity.label.trim().is_empty(), "{entity:?}");
        }
        for relation in &extraction.relations {
            assert!(!relation.evidence.is_empty(), "{relation:?}");
        }
    }
}

fn cases() -> u32 {
    std::env::var("FTZKG_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(48)
}

/// A window of the sample, cut at char boundaries.
fn window() -> impl Strategy<Value = String> {
    let chars: Vec<char> = SAMPLE.chars().collect();
    let n = chars.len();
    (0..n, 1..1500usize).prop_map(move |(start, len)| {
        chars[start..(start + len).min(n)]
            .iter()
            .collect::<String>()
    })
}

/// The window with pool pieces spliced in at random places.
fn mutated() -> impl Strategy<Value = String> {
    (
        window(),
        prop::collection::vec((any::<prop::sample::Index>(), 0..POOL.len()), 0..40),
    )
        .prop_map(|(text, splices)| {
            let mut chars: Vec<String> = text.chars().map(String::from).collect();
            for (at, piece) in splices {
                let i = at.index(chars.len() + 1);
                chars.insert(i, POOL[piece].to_owned());
            }
            chars.concat()
        })
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(0..POOL.len(), 1..400)
        .prop_map(|pieces| pieces.into_iter().map(|i| POOL[i]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        read_and_extract(&bytes);
    }

    #[test]
    fn mutated_newsletter_text_never_panics(text in mutated()) {
        read_and_extract(text.as_bytes());
    }

    #[test]
    fn punctuation_soup_never_panics(text in soup()) {
        read_and_extract(text.as_bytes());
    }

    #[test]
    fn gb18030_and_utf16_of_mutated_text_never_panic(text in mutated(), cut in 0..4usize) {
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        read_and_extract(&gb[..gb.len().saturating_sub(cut)]);
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        read_and_extract(&utf16[..utf16.len().saturating_sub(cut)]);
    }
}

/// Inputs fuzzing found panicking, kept as regressions.
#[test]
fn inputs_that_once_panicked_are_read() {
    for text in [
        "复制推广（有限公司()：",
        "复制推广“甲”、 、“乙”等经验。",
        "【有限公司(【)、",
        "·（:)有限公司\n\n，::；\t1\n\n\n-】）第复制推广…“第)【\"。-\u{3000}、\n\n（一）以下简称｜”；一、1\n\n片区\n\n \u{200b}：片区)",
    ] {
        read_and_extract(text.as_bytes());
    }
}
