//! Hand-built documents for the reader's tests, so snapshots do not move when the parser improves.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::sync::Arc;

use briefing::model::{
    Cue, Document, Heading, Paragraph, Provenance, Quote, QuoteKind, Sentence, Span, SpanRule,
    Speaker, SpeakerKind, SpeakerRule, Topic, TopicSource,
};

/// Builds a [`Document`] from paragraphs, then marks quotes and topics by finding their text.
pub struct DocBuilder {
    doc: Document,
    /// Where the next `quote` search starts, so repeated phrases resolve in order.
    cursor: usize,
}

impl DocBuilder {
    pub fn new(id: &str) -> DocBuilder {
        DocBuilder {
            doc: Document {
                id: id.into(),
                source: format!("{id}.txt"),
                text: String::new(),
                title: None,
                title_span: None,
                date: None,
                date_span: None,
                headings: vec![],
                paragraphs: vec![],
                sentences: vec![],
                quotes: vec![],
                speakers: vec![],
                topics: vec![],
                warnings: vec![],
            },
            cursor: 0,
        }
    }

    pub fn title(mut self, t: &str) -> Self {
        self.doc.title = Some(t.into());
        self
    }

    pub fn date(mut self, d: &str) -> Self {
        self.doc.date = Some(d.into());
        self
    }

    fn push_block(&mut self, s: &str) -> Span {
        if !self.doc.text.is_empty() {
            self.doc.text.push_str("\n\n");
        }
        let start = self.doc.text.len();
        self.doc.text.push_str(s);
        Span::new(start, self.doc.text.len())
    }

    pub fn heading(mut self, h: &str) -> Self {
        let span = self.push_block(h);
        let before = self.doc.paragraphs.len();
        self.doc.headings.push(Heading {
            span,
            level: 2,
            before_paragraph: before,
        });
        self
    }

    pub fn para(mut self, p: &str) -> Self {
        let span = self.push_block(p);
        let i = self.doc.paragraphs.len();
        let heading = self.doc.headings.len().checked_sub(1);
        self.doc.sentences.push(Sentence::new(span, i));
        self.doc.paragraphs.push(Paragraph {
            span,
            heading,
            sentences: i..i + 1,
            topics: Arc::from([]),
        });
        self
    }

    /// Marks the next occurrence of `text` (with its quotation marks) as a quote by `speaker`.
    pub fn quote(
        mut self,
        text: &str,
        speaker: Option<&str>,
        cue: Option<&str>,
        kind: QuoteKind,
    ) -> Self {
        let at = self.doc.text[self.cursor..]
            .find(text)
            .map(|i| i + self.cursor)
            .unwrap_or_else(|| panic!("quote {text:?} not in the text"));
        let span = Span::new(at, at + text.len());
        self.cursor = span.end;
        let open = text.chars().next().map_or(0, char::len_utf8);
        let close = text.chars().last().map_or(0, char::len_utf8);
        let content = Span::new(span.start + open, span.end - close);
        let speaker_id =
            speaker.map(
                |name| match self.doc.speakers.iter().position(|s| &*s.name == name) {
                    Some(i) => i,
                    None => {
                        self.doc.speakers.push(Speaker {
                            name: name.into(),
                            kind: SpeakerKind::Person,
                            mentions: Arc::from([name.into()]),
                            role: None,
                            quote_count: 0,
                        });
                        self.doc.speakers.len() - 1
                    }
                },
            );
        if let Some(s) = speaker_id {
            self.doc.speakers[s].quote_count += 1;
        }
        let paragraph = self.doc.paragraph_at(span.start).unwrap_or(0);
        self.doc.quotes.push(Quote {
            span,
            content,
            speaker: speaker_id,
            mention: speaker.map(Arc::from),
            cue: cue.map(|c| Cue {
                text: c.into(),
                span: Span::new(0, 0),
            }),
            kind,
            paragraph,
            topics: Arc::from([]),
            nested: Box::new([]),
            provenance: Provenance {
                span_rule: SpanRule::Paired,
                speaker_rule: if speaker.is_some() {
                    SpeakerRule::CueAfter
                } else {
                    SpeakerRule::None
                },
                resolution: None,
            },
        });
        self
    }

    /// A topic whose keywords are every case-insensitive occurrence of `words`.
    pub fn topic(mut self, name: &str, words: &[&str]) -> Self {
        let id = self.doc.topics.len();
        let lower = self.doc.text.to_lowercase();
        let mut mentions = Vec::new();
        for w in words {
            let w = w.to_lowercase();
            let mut from = 0;
            while let Some(i) = lower[from..].find(&w) {
                mentions.push(Span::new(from + i, from + i + w.len()));
                from += i + w.len();
            }
        }
        mentions.sort();
        mentions.dedup();
        let mut paragraphs = 0;
        for p in &mut self.doc.paragraphs {
            if mentions.iter().any(|m| p.span.contains(*m)) {
                p.topics = p.topics.iter().copied().chain([id]).collect();
                paragraphs += 1;
            }
        }
        let mut quotes = 0;
        for q in &mut self.doc.quotes {
            if mentions.iter().any(|m| q.span.contains(*m)) {
                q.topics = q.topics.iter().copied().chain([id]).collect();
                quotes += 1;
            }
        }
        self.doc.topics.push(Topic {
            name: name.into(),
            source: TopicSource::Lexicon,
            count: mentions.len(),
            paragraphs,
            quotes,
            mentions: mentions.into_iter().map(Into::into).collect(),
        });
        self
    }

    pub fn build(self) -> Document {
        self.doc
    }
}

/// A short version of the seed article: three speakers, an unattributed quote, four topics.
pub fn summit() -> Document {
    use QuoteKind::{Full, Partial};
    DocBuilder::new("summit")
        .title("Biden–Putin summit: cyber rules and no new cold war")
        .date("2021-06-17")
        .para("After US President Joe Biden and Russia’s Vladimir Putin held “positive talks” in their first summit in Geneva on Wednesday, the US President told reporters that Kremlin does not want a new cold war. The Russian president stated that the conversation was “absolutely constructive.”")
        .para("\"We agreed to task experts in both our countries to work on specific understandings about what is off-limits,\" Biden told a news conference. \"We'll find out whether we have a cybersecurity arrangement that begins to bring some order.\"")
        .para("\"We need to throw out all kinds of insinuations, sit down at the expert level and start working in the interests of the United States and Russia,\" the Russian President said.")
        .para("\"As far as cybersecurity is concerned, we agreed that we would begin consultations on that issue, and I believe that's extraordinarily important,\" Putin told reporters after the meeting with Biden in Geneva.")
        .heading("Putin denies Moscow's role")
        .para("Putin denied that Moscow had any role in the ransomware hacking, citing “no evidence”. The United States warned that it would respond to actions “that impair our vital interests or those of our allies”.")
        .para("“We have the significant cyber capability and he knows it,” Biden said, as he boarded Air Force One.")
        .quote("“positive talks”", None, None, Partial)
        .quote("“absolutely constructive.”", Some("Vladimir Putin"), Some("stated"), Partial)
        .quote("\"We agreed to task experts in both our countries to work on specific understandings about what is off-limits,\"", Some("Joe Biden"), Some("told a news conference"), Full)
        .quote("\"We'll find out whether we have a cybersecurity arrangement that begins to bring some order.\"", Some("Joe Biden"), Some("told a news conference"), Full)
        .quote("\"We need to throw out all kinds of insinuations, sit down at the expert level and start working in the interests of the United States and Russia,\"", Some("Vladimir Putin"), Some("said"), Full)
        .quote("\"As far as cybersecurity is concerned, we agreed that we would begin consultations on that issue, and I believe that's extraordinarily important,\"", Some("Vladimir Putin"), Some("told reporters"), Full)
        .quote("“no evidence”", Some("Vladimir Putin"), Some("citing"), Partial)
        .quote("“that impair our vital interests or those of our allies”", Some("United States"), Some("warned"), Partial)
        .quote("“We have the significant cyber capability and he knows it,”", Some("Joe Biden"), Some("said"), Full)
        .topic("cybersecurity", &["cybersecurity", "cyber "])
        .topic("diplomacy", &["summit", "talks", "consultations", "experts"])
        .topic("ransomware", &["ransomware", "hacking"])
        .topic("cold war", &["cold war"])
        .build()
}

/// A second, smaller document for the several-documents views.
pub fn pipeline() -> Document {
    DocBuilder::new("pipeline")
        .title("Colonial Pipeline paid the ransom")
        .date("2021-05-19")
        .para("The chief executive said the company paid because “it was the right thing to do for the country”, according to Joseph Blount.")
        .para("“We are still recovering,” a company spokesperson said on Wednesday.")
        .quote("“it was the right thing to do for the country”", Some("Joseph Blount"), Some("according to"), QuoteKind::Partial)
        .quote("“We are still recovering,”", Some("a company spokesperson"), Some("said"), QuoteKind::Full)
        .topic("ransomware", &["ransom"])
        .build()
}
