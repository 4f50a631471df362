//! Sharing of the model's short, much repeated strings.
//!
//! Speaker names and mentions, roles, cue phrases ("said"), topic names and the short topic
//! lists of quotes and paragraphs recur across the documents of an archive; each was its own
//! heap block, and millions of small blocks were a large share of the reader's memory
//! (issue 5). An `Arc<str>` or `Arc<[T]>` serialises exactly like the `String` or `Vec` it
//! replaces.

use std::collections::HashSet;
use std::hash::Hash;
use std::sync::Arc;

use super::{Document, TopicId};

/// Sets of shared values; sharing swaps a value for an equal one already held.
#[derive(Debug, Default)]
pub struct Interner {
    strs: HashSet<Arc<str>>,
    /// A speaker's mention forms, often the same list in document after document.
    names: HashSet<Arc<[Arc<str>]>>,
    /// Topic lists of quotes and paragraphs: short lists of small indices, mostly repeats.
    ids: HashSet<Arc<[TopicId]>>,
}

/// Makes `x` point at the held copy of its value, holding it first if new.
fn share<T: ?Sized + Eq + Hash>(set: &mut HashSet<Arc<T>>, x: &mut Arc<T>) {
    match set.get(&**x) {
        Some(held) => *x = Arc::clone(held),
        None => {
            set.insert(Arc::clone(x));
        }
    }
}

impl Interner {
    /// Makes `s` point at the held copy of its text, holding it first if new.
    pub fn share(&mut self, s: &mut Arc<str>) {
        share(&mut self.strs, s);
    }
}

impl Document {
    /// Replaces this document's short strings with the interner's shared copies.
    pub fn share_strings(&mut self, interner: &mut Interner) {
        for sp in &mut self.speakers {
            interner.share(&mut sp.name);
            if let Some(list) = Arc::get_mut(&mut sp.mentions) {
                list.iter_mut().for_each(|m| interner.share(m));
            }
            share(&mut interner.names, &mut sp.mentions);
            if let Some(r) = &mut sp.role {
                interner.share(r);
            }
        }
        for p in &mut self.paragraphs {
            share(&mut interner.ids, &mut p.topics);
        }
        for q in &mut self.quotes {
            share(&mut interner.ids, &mut q.topics);
            if let Some(m) = &mut q.mention {
                interner.share(m);
            }
            if let Some(c) = &mut q.cue {
                interner.share(&mut c.text);
            }
        }
        for t in &mut self.topics {
            interner.share(&mut t.name);
        }
    }
}
