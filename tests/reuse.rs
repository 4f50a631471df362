//! The parser reuses its working buffers across documents on each thread: a document parses
//! the same after any other as on a fresh thread.

use briefing::corpus_gen::{article, Pool};
use briefing::model::Document;
use briefing::parse::{parse_document, Meta};

fn fresh(text: &str) -> Document {
    let text = text.to_string();
    std::thread::spawn(move || parse_document(Meta::default(), text))
        .join()
        .expect("parser thread")
}

#[test]
fn a_document_parses_the_same_after_others() {
    let pool = Pool::seed();
    // Small and large texts, so reused buffers are both larger and smaller than needed; one
    // huge text, whose buffers are dropped rather than kept.
    let mut texts: Vec<String> = (0..24).map(|i| article(&pool, 7, i)).collect();
    texts.insert(5, texts[..12].concat());
    texts.insert(9, texts[..5].concat().repeat(40));
    for (i, t) in texts.iter().enumerate() {
        let reused = parse_document(Meta::default(), t.clone());
        assert_eq!(reused, fresh(t), "document {i} differs after {i} others");
    }
}
