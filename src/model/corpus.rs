use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Document, SpeakerKind};

/// A speaker merged across documents by canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusSpeaker {
    pub name: Arc<str>,
    pub kind: SpeakerKind,
    pub mentions: Vec<Arc<str>>,
    pub role: Option<Arc<str>>,
    pub quote_count: usize,
    /// Indices of the documents where this speaker is quoted or mentioned.
    pub documents: Vec<usize>,
}

/// A topic merged across documents by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusTopic {
    pub name: Arc<str>,
    pub count: usize,
    pub quotes: usize,
    pub documents: Vec<usize>,
}

/// Speakers of all documents merged by canonical name (case-insensitive), most quoted first.
pub fn merge_speakers(docs: &[Document]) -> Vec<CorpusSpeaker> {
    let mut out: Vec<CorpusSpeaker> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (d, doc) in docs.iter().enumerate() {
        for sp in &doc.speakers {
            let key = sp.name.to_lowercase();
            let i = *index.entry(key).or_insert_with(|| {
                out.push(CorpusSpeaker {
                    name: sp.name.clone(),
                    kind: sp.kind,
                    mentions: Vec::new(),
                    role: None,
                    quote_count: 0,
                    documents: Vec::new(),
                });
                out.len() - 1
            });
            let cs = &mut out[i];
            cs.quote_count += sp.quote_count;
            if cs.role.is_none() {
                cs.role.clone_from(&sp.role);
            }
            for m in sp.mentions.iter() {
                if !cs.mentions.contains(m) {
                    cs.mentions.push(m.clone());
                }
            }
            if cs.documents.last() != Some(&d) {
                cs.documents.push(d);
            }
        }
    }
    out.sort_by(|a, b| b.quote_count.cmp(&a.quote_count).then(a.name.cmp(&b.name)));
    out
}

/// Topics of all documents merged by name (case-insensitive), most mentioned first.
pub fn merge_topics(docs: &[Document]) -> Vec<CorpusTopic> {
    let mut out: Vec<CorpusTopic> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for (d, doc) in docs.iter().enumerate() {
        for t in &doc.topics {
            let i = *index.entry(t.name.to_lowercase()).or_insert_with(|| {
                out.push(CorpusTopic {
                    name: t.name.clone(),
                    count: 0,
                    quotes: 0,
                    documents: Vec::new(),
                });
                out.len() - 1
            });
            out[i].count += t.count;
            out[i].quotes += t.quotes;
            out[i].documents.push(d);
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out
}
