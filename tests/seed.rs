//! The seed briefing, annotated by hand: every quoted span must be found, and every one spoken by
//! a person given to the right one of Joe Biden / Vladimir Putin.

use briefing::input;
use briefing::model::{Document, QuoteKind, Resolution, SpeakerKind};

fn seed() -> Document {
    input::seed().parse()
}

/// (start of the quoted words as written, speaker, kind). Listed in text order; each quotation is
/// located from the previous one's end, so repeated phrases cannot match the wrong occurrence.
const ANNOTATION: &[(&str, Option<&str>, QuoteKind)] = &[
    ("“positive talks”", None, QuoteKind::Partial),
    (
        "“absolutely constructive.”",
        Some("Vladimir Putin"),
        QuoteKind::Partial,
    ),
    ("“good positive”", Some("Joe Biden"), QuoteKind::Partial),
    (
        "\"drew a line at the Cybersecurity issues.\"",
        Some("Joe Biden"),
        QuoteKind::Partial,
    ),
    (
        "“critical infrastructure”",
        Some("Joe Biden"),
        QuoteKind::Partial,
    ),
    ("\"off-limits\"", Some("Joe Biden"), QuoteKind::Partial),
    (
        "\"We agreed to task experts",
        Some("Joe Biden"),
        QuoteKind::Full,
    ),
    (
        "\"We'll find out whether",
        Some("Joe Biden"),
        QuoteKind::Full,
    ),
    (
        "\"begin consultations\"",
        Some("Vladimir Putin"),
        QuoteKind::Partial,
    ),
    (
        "\"extremely important”",
        Some("Vladimir Putin"),
        QuoteKind::Partial,
    ),
    (
        "\"We need to throw out",
        Some("Vladimir Putin"),
        QuoteKind::Full,
    ),
    (
        "\"As far as cybersecurity",
        Some("Vladimir Putin"),
        QuoteKind::Full,
    ),
    (
        "“that impair our vital interests",
        Some("United States"),
        QuoteKind::Partial,
    ),
    (
        "“This is about practical",
        Some("Joe Biden"),
        QuoteKind::Full,
    ),
    (
        "“We have the significant cyber",
        Some("Joe Biden"),
        QuoteKind::Full,
    ),
    ("“no evidence”", Some("Vladimir Putin"), QuoteKind::Partial),
    (
        "\"relevant bodies\"",
        Some("Vladimir Putin"),
        QuoteKind::Partial,
    ),
    (
        "\"So in terms of volume",
        Some("Vladimir Putin"),
        QuoteKind::Full,
    ),
    ("\"every year\"", Some("Vladimir Putin"), QuoteKind::Partial),
    (
        "“key health systems”",
        Some("Vladimir Putin"),
        QuoteKind::Partial,
    ),
];

#[test]
fn every_quoted_span_is_found_and_attributed() {
    let doc = seed();
    let mut from = 0;
    for &(opening, speaker, kind) in ANNOTATION {
        let start = from
            + doc.text[from..]
                .find(opening)
                .unwrap_or_else(|| panic!("annotation {opening:?} not in the seed"));
        let q = doc
            .quotes
            .iter()
            .find(|q| q.span.start == start)
            .unwrap_or_else(|| panic!("no quote found at {opening:?}"));
        assert!(
            doc.quote_text(q).starts_with(opening),
            "span of {opening:?} is {:?}",
            doc.quote_text(q)
        );
        let last = doc.quote_text(q).chars().last();
        assert!(
            matches!(last, Some('"' | '”')),
            "{opening:?} must end on its closing mark, got {:?}",
            doc.quote_text(q)
        );
        assert_eq!(doc.speaker_name(q), speaker, "speaker of {opening:?}");
        assert_eq!(q.kind, kind, "kind of {opening:?}");
        from = q.span.end;
    }
    assert_eq!(
        doc.quotes.len(),
        ANNOTATION.len(),
        "no quotation beyond the annotated ones"
    );
}

#[test]
fn speakers_are_resolved_to_full_names_with_counts() {
    let doc = seed();
    let by_name = |n: &str| {
        doc.speakers
            .iter()
            .find(|s| &*s.name == n)
            .unwrap_or_else(|| panic!("no speaker {n}"))
    };
    let putin = by_name("Vladimir Putin");
    let biden = by_name("Joe Biden");
    assert_eq!((putin.quote_count, biden.quote_count), (10, 8));
    assert_eq!(putin.kind, SpeakerKind::Person);
    assert_eq!(by_name("United States").kind, SpeakerKind::Organisation);
    for m in [
        "Putin",
        "the Russian President",
        "The Russian leader",
        "his Russian counterpart",
    ] {
        assert!(
            putin.mentions.iter().any(|x| &**x == m),
            "Putin mention {m:?} in {:?}",
            putin.mentions
        );
    }
    for m in ["Biden", "US President Joe Biden", "the US President"] {
        assert!(
            biden.mentions.iter().any(|x| &**x == m),
            "Biden mention {m:?} in {:?}",
            biden.mentions
        );
    }
    assert_eq!(biden.role.as_deref(), Some("US President"));
}

#[test]
fn role_mentions_resolve_through_the_role_rule() {
    let doc = seed();
    let role_quotes: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.provenance.resolution == Some(Resolution::Role))
        .map(|q| (q.mention.clone().unwrap_or_default(), doc.speaker_name(q)))
        .collect();
    for m in [
        "The Russian president",
        "the Russian President",
        "The Russian leader",
    ] {
        assert!(
            role_quotes
                .iter()
                .any(|(x, s)| &**x == m && *s == Some("Vladimir Putin")),
            "{m:?} resolved to Putin by role; got {role_quotes:?}"
        );
    }
}

#[test]
fn date_headings_and_cues() {
    let doc = seed();
    assert_eq!(doc.date.as_deref(), Some("2021-06-17"));
    let headings: Vec<&str> = doc.headings.iter().map(|h| doc.slice(h.span)).collect();
    assert_eq!(headings, vec!["Putin denies Moscow's role"]);
    assert_eq!(doc.paragraphs.len(), 7);
    assert!(doc.title.is_none(), "the seed has no title line");
    let cue_of = |opening: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.quote_text(q).starts_with(opening))
            .and_then(|q| q.cue.as_ref())
            .map(|c| &*c.text)
    };
    assert_eq!(cue_of("\"We agreed"), Some("told a news conference"));
    assert_eq!(cue_of("\"As far as"), Some("told reporters"));
    assert_eq!(cue_of("\"every year\""), Some("responded"));
}

#[test]
fn topics_include_lexicon_and_mined_phrases() {
    let doc = seed();
    let names: Vec<&str> = doc.topics.iter().map(|t| &*t.name).collect();
    for t in [
        "cybersecurity",
        "diplomacy",
        "Colonial Pipeline",
        "critical infrastructure",
    ] {
        assert!(names.contains(&t), "topic {t:?} in {names:?}");
    }
    let cyber = &doc.topics[doc.topic_id("cybersecurity").expect("cybersecurity")];
    assert!(
        cyber.count >= 10,
        "cybersecurity mentioned {} times",
        cyber.count
    );
    // Every quote that mentions "cyber" carries the topic.
    let cid = doc.topic_id("cybersecurity").expect("id");
    for q in &doc.quotes {
        if doc.quote_text(q).to_lowercase().contains("cyber") {
            assert!(
                q.topics.contains(&cid),
                "{:?} lacks the topic",
                doc.quote_text(q)
            );
        }
    }
    assert!(
        doc.paragraphs
            .iter()
            .filter(|p| p.topics.contains(&cid))
            .count()
            >= 5
    );
}
