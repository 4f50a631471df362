//! Sharing of the model's short, much repeated strings.
//!
//! Speaker names and mentions, roles, cue phrases ("said") and topic names recur across the
//! documents of an archive; each was its own heap block, and millions of small blocks were a
//! large share of the reader's memory (issue 5). A string shared through an `Arc<str>`
//! serialises exactly like the `String` it replaces.

use std::collections::HashSet;
use std::sync::Arc;

use super::Document;

/// Set of shared strings; [`Interner::share`] swaps a string for an equal one already held.
#[derive(Debug, Default)]
pub struct Interner {
    set: HashSet<Arc<str>>,
}

impl Interner {
    /// Makes `s` point at the held copy of its text, holding it first if new.
    pub fn share(&mut self, s: &mut Arc<str>) {
        match self.set.get(&**s) {
            Some(held) => *s = Arc::clone(held),
            None => {
                self.set.insert(Arc::clone(s));
            }
        }
    }
}

impl Document {
    /// Replaces this document's short strings with the interner's shared copies.
    pub fn share_strings(&mut self, interner: &mut Interner) {
        for sp in &mut self.speakers {
            interner.share(&mut sp.name);
            sp.mentions.iter_mut().for_each(|m| interner.share(m));
            if let Some(r) = &mut sp.role {
                interner.share(r);
            }
        }
        for q in &mut self.quotes {
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
