//! The index on the bundled sample: a phrase is found in its article with
//! a snippet, re-indexing replaces, filters narrow.

use super::{SearchIndex, SearchRequest, search};
use crate::commands::{SAMPLE, SAMPLE_NAME};
use crate::corpus;
use crate::extract::Extractor;
use crate::ingest;
use crate::store::KgStore;

fn request(text: &str) -> SearchRequest {
    SearchRequest {
        text: text.into(),
        limit: 10,
        ..SearchRequest::default()
    }
}

#[test]
fn a_phrase_is_found_in_its_article_with_a_snippet_and_entities() {
    let extractor = Extractor::new().unwrap();
    let store = KgStore::in_memory().unwrap();
    let document = corpus::parse_text(SAMPLE_NAME, SAMPLE);
    ingest::store_document(&store, &extractor, SAMPLE_NAME, SAMPLE, &document).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path(), extractor.jieba()).unwrap();
    for _ in 0..2 {
        let mut indexer = index.indexer().unwrap();
        indexer.add(&document).unwrap();
        indexer.commit().unwrap();
    }
    index.reload().unwrap();
    // Indexed twice, stored once.
    assert_eq!(index.len() as usize, document.articles.len());

    let hits = search(&index, &store, &request("集装箱液袋直运")).unwrap();
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(
        hits[0].title.contains("哈尔滨片区稳步扩大制度型开放"),
        "{}",
        hits[0].title
    );
    let marked = hits[0].snippet.marked("【", "】", &str::to_owned);
    assert!(marked.contains("【集装箱液袋直运】"), "{marked}");
    assert!(
        hits[0]
            .entities
            .iter()
            .any(|e| e.label.ends_with("哈尔滨片区")),
        "{:?}",
        hits[0].entities
    );
    assert_eq!(hits[0].date.as_deref(), Some("2024-10-15"));

    // Words that never stand together in the text are no phrase.
    assert!(
        search(&index, &store, &request("液袋公职律师"))
            .unwrap()
            .is_empty()
    );
    // Two parts: both must occur.
    let both = search(&index, &store, &request("公职律师 哈尔滨")).unwrap();
    assert!(!both.is_empty());
    assert!(both.iter().all(|h| !h.snippet.highlights.is_empty()));
    // The date range and the zone narrow.
    let mut later = request("集装箱液袋直运");
    later.from = Some("2025".into());
    assert!(search(&index, &store, &later).unwrap().is_empty());
    let mut elsewhere = request("集装箱液袋直运");
    elsewhere.zone = Some("绥芬河片区".into());
    assert!(search(&index, &store, &elsewhere).unwrap().is_empty());
    let mut here = request("集装箱液袋直运");
    here.zone = Some("哈尔滨片区".into());
    assert_eq!(search(&index, &store, &here).unwrap().len(), 1);
}
