//! Noun phrases around reporting verbs: who stands before "said", who follows "said".
//!
//! Works on a paragraph's tokens with each quotation collapsed to one token, plus the lowercase
//! form of every word (precomputed once per paragraph).

use super::lexicon::{Lexicon, PronounKind, VerbForm, WordClass};
use super::tokens::{is_possessive, strip_possessive_bytes, TokKind, Token};
use crate::model::Span;
use std::cell::Cell;
use std::ops::Range;

/// The tokens of a whole document, with their lowercase forms and lexicon classes, stored back
/// to back: every paragraph's [`Toks`] (quotations left in or collapsed) is a view of one range,
/// so a document costs a handful of allocations instead of several per paragraph.
pub struct TokStore {
    pub toks: Vec<Token>,
    /// Token i's lowercase form is `low_buf[lows[i].0..lows[i].1]`.
    lows: Vec<(u32, u32)>,
    /// What the lexicon says of each word, looked up once here (default for non-words).
    classes: Vec<WordClass>,
    /// The text lowercased in one pass (ASCII lowercasing keeps byte offsets, so an ASCII word's
    /// lowercase form sits at its own offset); the rare non-ASCII word gets its full lowercase
    /// form appended after the text. Offsets fit in `u32`: input is capped at 1 GiB.
    low_buf: String,
    /// Scratch for `seal`: its capitalised words ending in "s" (kept to spare an allocation).
    plural_caps: Vec<usize>,
}

/// A stretch of a paragraph's collapsed view (see [`TokStore::collapse`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The paragraph's tokens `a..b` (indices into its range), kept as they are.
    Run(usize, usize),
    /// A whole quotation as one token.
    Quote(Token),
}

impl Piece {
    /// How many tokens of the view it makes.
    pub fn len(&self) -> usize {
        match *self {
            Piece::Run(a, b) => b - a,
            Piece::Quote(_) => 1,
        }
    }
}

/// A paragraph's tokens with their lowercase forms and lexicon classes: a view of a [`TokStore`].
#[derive(Clone, Copy)]
pub struct Toks<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    low_buf: &'a str,
    lows: &'a [(u32, u32)],
    classes: &'a [WordClass],
}

/// A noun phrase: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub pronoun: Option<PronounKind>,
}

thread_local! {
    /// The previous document's store on this thread, emptied: the next document fills the same
    /// arrays instead of allocating four large blocks and freeing them again.
    static SPARE: Cell<Option<TokStore>> = const { Cell::new(None) };
}

impl TokStore {
    /// A store for `text`, reusing this thread's spare arrays when there are some.
    pub fn new(text: &str) -> Self {
        // About one token per five bytes of prose, twice (full and collapsed): one allocation
        // per array instead of a reallocation per doubling.
        let n = text.len() / 5 * 2 + 1;
        let mut s = SPARE.take().unwrap_or_else(|| TokStore {
            toks: Vec::new(),
            lows: Vec::new(),
            classes: Vec::new(),
            low_buf: String::new(),
            plural_caps: Vec::new(),
        });
        s.toks.reserve(n);
        s.lows.reserve(n);
        s.classes.reserve(n);
        s.low_buf.push_str(text);
        s.low_buf.make_ascii_lowercase();
        s
    }

    /// Empties the store and keeps its arrays for this thread's next document, unless a huge
    /// text made them too large to hold on to (about 20 bytes of arrays per byte of text).
    pub fn recycle(mut self) {
        const KEEP_TEXT: usize = 64 << 10;
        if self.low_buf.capacity() <= 2 * KEEP_TEXT && self.toks.capacity() <= KEEP_TEXT / 2 {
            self.toks.clear();
            self.lows.clear();
            self.classes.clear();
            self.low_buf.clear();
            SPARE.set(Some(self));
        }
    }

    /// Give lowercase forms and classes to the tokens appended to `toks` since the last call
    /// (by the tokenizer); returns their range.
    pub fn seal(&mut self, text: &str) -> Range<usize> {
        let lex = Lexicon::get();
        let from = self.lows.len();
        self.lows.reserve(self.toks.len() - from);
        self.classes.reserve(self.toks.len() - from);
        // Capitalised words ending in "s", for `lowercase_common_openers` (few: a cheap test).
        let mut plural_caps = std::mem::take(&mut self.plural_caps);
        plural_caps.clear();
        for (k, t) in self.toks[from..].iter().enumerate() {
            let TokKind::Word { ascii, cap } = t.kind else {
                self.lows.push((0, 0));
                self.classes.push(WordClass::default());
                continue;
            };
            if cap && text.as_bytes().get(t.span.end.wrapping_sub(1)) == Some(&b's') {
                plural_caps.push(from + k);
            }
            // The tokenizer says whether the word is ASCII: no scan of it or its paragraph here.
            let (a, b) = if ascii {
                (t.span.start, t.span.end)
            } else {
                let w = t.span.text(text);
                let a = self.low_buf.len();
                self.low_buf.extend(w.chars().flat_map(char::to_lowercase));
                (a, self.low_buf.len())
            };
            self.lows.push((a as u32, b as u32));
            // By bytes: the lookup needs no `str`, so no character-boundary tests.
            self.classes.push(
                self.low_buf
                    .as_bytes()
                    .get(a..b)
                    .map_or_else(WordClass::default, |w| lex.class_of_bytes(w)),
            );
        }
        self.lowercase_common_openers(from, &plural_caps);
        self.plural_caps = plural_caps;
        from..self.toks.len()
    }

    /// "Critics called …", "Friends offered …": a plural of a role or speaking noun capitalised
    /// only because it opens a sentence is a common noun, a nominal rather than a name, unless
    /// a capitalised word follows ("Doctors Without Borders"). Its capital is dropped.
    fn lowercase_common_openers(&mut self, from: usize, candidates: &[usize]) {
        let lex = Lexicon::get();
        let low = |k: usize| {
            let (a, b) = self.lows[k];
            self.low_buf
                .as_bytes()
                .get(a as usize..b as usize)
                .unwrap_or_default()
        };
        for &k in candidates {
            let TokKind::Word { cap: true, ascii } = self.toks[k].kind else {
                continue;
            };
            let opens =
                k == from || matches!(self.toks[k - 1].kind, TokKind::Punct('.' | '!' | '?'));
            if opens
                && !self.toks.get(k + 1).is_some_and(Token::is_cap)
                && lex.plural_speaking_noun(low(k), self.classes[k])
            {
                self.toks[k].kind = TokKind::Word { cap: false, ascii };
            }
        }
    }

    /// Append the tokens of `range` with each quotation collapsed to one token, as `pieces`
    /// lay them out. Lowercase forms are copied, not recomputed. Returns the new range.
    pub fn collapse(&mut self, range: Range<usize>, pieces: &[Piece]) -> Range<usize> {
        let from = self.toks.len();
        let n = pieces.iter().map(Piece::len).sum();
        self.toks.reserve(n);
        self.lows.reserve(n);
        self.classes.reserve(n);
        for piece in pieces {
            match *piece {
                Piece::Run(a, b) => {
                    let run = range.start + a..range.start + b;
                    self.toks.extend_from_within(run.clone());
                    self.lows.extend_from_within(run.clone());
                    self.classes.extend_from_within(run);
                }
                Piece::Quote(q) => {
                    self.toks.push(q);
                    self.lows.push((0, 0));
                    self.classes.push(WordClass::default());
                }
            }
        }
        from..self.toks.len()
    }

    /// The tokens of `range` (as returned by `seal` or `collapse`).
    pub fn view<'a>(&'a self, text: &'a str, range: Range<usize>) -> Toks<'a> {
        Toks {
            text,
            toks: &self.toks[range.clone()],
            low_buf: &self.low_buf,
            lows: &self.lows[range.clone()],
            classes: &self.classes[range],
        }
    }
}

impl<'a> Toks<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Every word token with its lowercase form's bytes and class, in order (one walk over the
    /// three arrays instead of an indexed lookup per word). Bytes: a `str` slice would test both
    /// ends for a character boundary, for every word of the document.
    pub fn words(&self) -> impl Iterator<Item = (&'a Token, &'a [u8], WordClass)> + 'a {
        let low_buf = self.low_buf.as_bytes();
        self.toks
            .iter()
            .zip(self.lows)
            .zip(self.classes)
            .filter(|((t, _), _)| t.is_word())
            .map(move |((t, &(a, b)), &c)| {
                (
                    t,
                    low_buf.get(a as usize..b as usize).unwrap_or_default(),
                    c,
                )
            })
    }

    /// Token `i`'s lowercase form as bytes (empty for non-words): what comparisons with literals
    /// read, with no character-boundary tests (`word` makes a `str` and tests both ends).
    pub fn low(&self, i: usize) -> &'a [u8] {
        self.lows
            .get(i)
            .and_then(|&(a, b)| self.low_buf.as_bytes().get(a as usize..b as usize))
            .unwrap_or_default()
    }

    /// Does token `i` end in a possessive "’s" or "'s"? Read from the text's bytes: a token's
    /// span lies on character boundaries, so this is `is_possessive` of its `str`.
    pub fn is_possessive_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            let text = self.text.as_bytes();
            // Most tokens do not end in "s": their last byte settles them, with no slice made.
            matches!(text.get(t.span.end.wrapping_sub(1)), Some(b's' | b'S')) && {
                let w = text.get(t.span.start..t.span.end).unwrap_or_default();
                strip_possessive_bytes(w).len() != w.len()
            }
        })
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.lows
            .get(i)
            .and_then(|&(a, b)| self.low_buf.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The lexicon class of token `i` (the default, all false, for non-words and out of range).
    pub fn class(&self, i: usize) -> WordClass {
        self.classes.get(i).copied().unwrap_or_default()
    }

    fn has(&self, i: usize, bit: u32) -> bool {
        self.class(i).has(bit)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_cap)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// A hyphen, en or em dash standing alone ("--", "—").
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, '-') || self.is_punct(i, '—') || self.is_punct(i, '–')
    }

    /// The first token of the sentence holding token `i` (after the last full stop, "!" or "?"
    /// before it in the paragraph).
    pub fn sentence_start(&self, i: usize) -> usize {
        (0..i)
            .rev()
            .find(|&k| self.is_punct(k, '.') || self.is_punct(k, '!') || self.is_punct(k, '?'))
            .map_or(0, |k| k + 1)
    }

    /// A dash between clauses: an em or en dash, or a hyphen with space on both sides ("ire -
    /// he called"), not the hyphen of "U.S.-Russian".
    pub fn is_clause_dash(&self, i: usize) -> bool {
        self.is_dash(i)
            && (!self.is_punct(i, '-') || {
                let span = self.toks[i].span;
                let b = self.text.as_bytes();
                let spaced = |k: Option<&u8>| k.is_some_and(u8::is_ascii_whitespace);
                spaced(span.start.checked_sub(1).and_then(|k| b.get(k))) && spaced(b.get(span.end))
            })
    }

    /// A preposition that governs the noun phrase after it ("after", "on", "with"; see
    /// `grammar.clause_prepositions`).
    pub fn is_clause_preposition(&self, i: usize) -> bool {
        Lexicon::get()
            .grammar
            .clause_prepositions
            .contains(self.word(i))
    }

    /// A determiner that counts ("several", "one", "many"; see `grammar.quantifiers`).
    pub fn is_quantifier(&self, i: usize) -> bool {
        self.is_determiner(i) && Lexicon::get().grammar.quantifiers.contains(self.word(i))
    }

    /// Does the sentence run on in lowercase after token `i` (a short quote embedded in it:
    /// "wearing “Ted Cruz” buttons")?
    pub fn runs_on(&self, i: usize) -> bool {
        self.is_word(i + 1) && !self.is_cap(i + 1)
    }

    pub fn verb(&self, i: usize) -> Option<VerbForm> {
        self.class(i).verb
    }

    pub fn np_text(&self, np: Np) -> &'a str {
        self.np_span(np).text(self.text)
    }

    /// The span of a noun phrase's tokens.
    pub fn np_span(&self, np: Np) -> Span {
        Span::new(
            self.toks[np.start].span.start,
            self.toks[np.end - 1].span.end,
        )
    }

    /// An adverb or auxiliary that may stand between a subject and its verb ("also said").
    pub fn is_adverb(&self, i: usize) -> bool {
        let w = self.low(i);
        self.is_word(i)
            && !self.is_cap(i)
            && (self.has(i, WordClass::ADVERB) || (w.len() > 4 && w.ends_with(b"ly")))
    }

    pub fn is_determiner(&self, i: usize) -> bool {
        self.has(i, WordClass::DETERMINER)
    }

    /// A word that may stand inside a name phrase: a capitalised non-function word, or a
    /// lowercase title/role/nationality word ("presidential candidate").
    fn name_part(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let c = self.class(i);
        if self.is_cap(i) {
            return !c.has(WordClass::FUNCTION) || c.has(WordClass::TITLE);
        }
        c.has(WordClass::TITLE) || c.has(WordClass::ROLE) || c.is_nationality() || self.particle(i)
    }

    /// Does the lowercase word at `j` join two parts of one name? "of" after an organisation word
    /// or a title ("University of Iowa", "Secretary of State"; not "Jeff Merkley of Oregon"), or
    /// "for" after a capitalised organisation word or people ("Institute for Policy Studies",
    /// "Americans for Prosperity"), before a capitalised word.
    pub fn name_joiner(&self, j: usize) -> bool {
        // The word first: most words are neither, and that settles them.
        let of = match self.low(j) {
            b"of" => true,
            b"for" => false,
            _ => return false,
        };
        let Some(b) = j.checked_sub(1) else {
            return false;
        };
        let before = self.class(b);
        self.is_cap(j + 1)
            && if of {
                before.has(WordClass::ORGANISATION) || before.has(WordClass::TITLE)
            } else {
                self.is_cap(b) && (before.has(WordClass::ORGANISATION) || before.is_nationality())
            }
    }

    /// "Without" in "Doctors Without Borders": a capitalised function word (not a title, longer
    /// than "Of") between two capitalised name words stands inside the name. `i` must have a
    /// token on each side.
    pub fn function_inside_name(&self, i: usize) -> bool {
        let name_word = |k: usize| self.is_cap(k) && self.name_part(k);
        self.is_cap(i)
            && self.has(i, WordClass::FUNCTION)
            && !self.has(i, WordClass::TITLE)
            && self.low(i).len() > 3
            && name_word(i - 1)
            && name_word(i + 1)
    }

    /// "de" in "Bill de Blasio", "von" and "der" in "Ursula von der Leyen": a name particle
    /// before the capitalised rest of the name.
    fn particle(&self, i: usize) -> bool {
        let name_word = |k: usize| self.is_cap(k) && !self.has(k, WordClass::FUNCTION);
        self.has(i, WordClass::PARTICLE)
            && !self.is_cap(i)
            && (name_word(i + 1) || (self.has(i + 1, WordClass::PARTICLE) && name_word(i + 2)))
    }

    pub fn pronoun(&self, i: usize) -> Option<PronounKind> {
        // "I" is capitalised; other pronouns are lowercase unless they start a sentence.
        self.class(i).pronoun
    }

    /// Token `i` alone, when it is a subject pronoun.
    fn pronoun_np(&self, i: usize) -> Option<Np> {
        self.pronoun(i).map(|p| Np {
            start: i,
            end: i + 1,
            pronoun: Some(p),
        })
    }

    /// Do tokens `a..b` name a place in full ("New York", "Fla.")? The AP state abbreviations
    /// count only when `abbreviated` (after a town and a comma), as several are also words.
    pub fn is_place(&self, a: usize, b: usize, abbreviated: bool) -> bool {
        if a >= b || b > self.len() || b - a > 3 || !(a..b).all(|k| self.is_cap(k)) {
            return false;
        }
        let places = &Lexicon::get().places;
        if b - a == 1 && abbreviated && places.state_abbreviations.contains(self.word(a)) {
            return true;
        }
        if b - a == 1 {
            // Most runs are one word: no joined copy to build.
            return places.is_name(self.word(a));
        }
        // Two or three words, joined on the stack: this runs for many appositions of a clause.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for k in a..b {
            let w = self.low(k);
            let sep = usize::from(k > a);
            let Some(dst) = buf.get_mut(n..n + sep + w.len()) else {
                // Longer than any place name: joined on the heap.
                let low: Vec<&str> = (a..b).map(|k| self.word(k)).collect();
                return places.is_name(&low.join(" "));
            };
            dst[..sep].fill(b' ');
            dst[sep..].copy_from_slice(w);
            n += sep + w.len();
        }
        places.is_name_bytes(&buf[..n])
    }

    /// The noun phrase ending at token `i` (inclusive), not crossing `floor`.
    pub fn np_ending_at(&self, i: usize, floor: usize) -> Option<Np> {
        if i < floor || !self.is_word(i) {
            return None;
        }
        if let Some(np) = self.pronoun_np(i) {
            return Some(np);
        }
        let lex = Lexicon::get();
        let w = self.low(i);
        if self.is_cap(i) && !self.has(i, WordClass::FUNCTION) {
            let mut j = i;
            while j > floor {
                let k = j - 1;
                if self.name_part(k) || (k > floor && self.function_inside_name(k)) {
                    j = k;
                } else if k > floor
                    && self.is_cap(k - 1)
                    && self.is_cap(j)
                    // Any "of" between capitals; "for" as in "the Institute for Statecraft".
                    && (self.low(k) == b"of" || self.name_joiner(k))
                {
                    j = k - 1;
                } else if self.low(k) == b"the"
                    && k > floor + 1
                    && self.low(k - 1) == b"of"
                    && self.is_cap(k - 2)
                    && self.is_cap(j)
                {
                    // "Mr. Morgan of the Sierra Club said".
                    j = k - 2;
                } else {
                    break;
                }
            }
            // "a clip that U.S. District Judge Mosman called": before a name, "that" opens a
            // clause; it is no determiner.
            if j > floor && self.is_determiner(j - 1) && self.low(j - 1) != b"that" {
                j -= 1;
            }
            return Some(Np {
                start: j,
                end: i + 1,
                pronoun: None,
            });
        }
        // "the former secretary of state": a role noun's office after "of" ends its phrase (even
        // a word that is also a verb, "state").
        if i >= floor + 2
            && self.has(i - 2, WordClass::ROLE)
            && self.low(i - 1) == b"of"
            && !self.is_cap(i)
        {
            if let Some(np) = self.np_ending_at(i - 2, floor) {
                return Some(Np { end: i + 1, ..np });
            }
        }
        let verbal = w.ends_with(b"ed") || w.ends_with(b"ing");
        if self.is_cap(i)
            || self.has(i, WordClass::STOP)
            || self.verb(i).is_some()
            || self.is_adverb(i)
            || verbal
        {
            return None;
        }
        // A lowercase nominal: "the Russian president", "a White House official", "officials".
        let mut j = i;
        let mut has_det = false;
        while j > floor && i - j < 6 {
            let k = j - 1;
            let wk = self.low(k);
            let verbal = !self.is_cap(k) && (wk.ends_with(b"ed") && wk.len() > 4);
            // "the state party": a verb's base form after a determiner is a noun.
            let noun_use =
                self.verb(k) == Some(VerbForm::Base) && k > floor && self.is_determiner(k - 1);
            if !self.is_word(k)
                || self.has(k, WordClass::STOP)
                || self.has(k, WordClass::PREPOSITION)
                || (self.verb(k).is_some() && !noun_use)
                || verbal
            {
                break;
            }
            j = k;
            let number = self.toks[k]
                .span
                .text(self.text)
                .starts_with(|c: char| c.is_ascii_digit());
            // "the Nov. 8 election": a day after its month is part of a date, no determiner.
            let date = number
                && k > floor
                && self.is_cap(k - 1)
                && (self.low(k - 1).ends_with(b".") || self.has(k - 1, WordClass::FUNCTION));
            if date {
                continue;
            }
            if self.is_determiner(k) || number || self.is_possessive_at(k) {
                has_det = true;
                break;
            }
        }
        let role = self.has(i, WordClass::ROLE)
            || lex
                .role_nouns
                .contains_key(self.word(i).trim_end_matches('s'));
        if has_det || role {
            let start = if has_det { j } else { i };
            // Without a determiner only the role noun itself ("officials said").
            return Some(Np {
                start,
                end: i + 1,
                pronoun: None,
            });
        }
        None
    }

    /// The subject of the verb at `v`: skips adverbs and auxiliaries, an apposition or relative
    /// clause between commas ("Penny Nance, president of …, said"), and extends a nominal over
    /// "for"/"of" ("a spokesman for the campaign").
    pub fn subject_of(&self, v: usize, floor: usize) -> Option<Np> {
        let mut i = v;
        let mut skipped = 0;
        while i > floor && skipped < 3 && self.is_adverb(i - 1) {
            i -= 1;
            skipped += 1;
        }
        if i == floor {
            return None;
        }
        if let Some(name) = self.open_apposition_subject(floor, i) {
            return Some(name);
        }
        let mut end = i - 1;
        let relative = self.low(end) == b"who" && end > floor + 1 && self.is_punct(end - 1, ',');
        if relative {
            // "Sen. Ron Johnson (R-Wis.), who told a newspaper …": the relative's antecedent.
            end -= 2;
            // "Nicky Driscoll, 24, from Manchester, who said": "who" is the person, not the
            // town set off after the name; read the origin as one more apposition group.
            if let Some(np) = self.np_ending_at(end, floor) {
                if np.pronoun.is_none()
                    && self.is_cap(np.start)
                    && np.start > floor + 1
                    && self.low(np.start - 1) == b"from"
                    && self.is_punct(np.start - 2, ',')
                {
                    end = np.start - 2;
                } else if self.inside_apposition(np, floor) {
                    // "Sen. Dianne Feinstein, the ranking Democrat on the Intelligence
                    // Committee, who said": the object of a preposition inside an apposition
                    // is no antecedent; read the words before "who" as that apposition.
                    end = i - 2;
                }
            }
        }
        if self.is_punct(end, ')') {
            // A parenthetical after the name: "Gov. Mary Fallin (R-OK) said".
            let open = (end.saturating_sub(10).max(floor)..end)
                .rev()
                .find(|&j| self.is_punct(j, '('))?;
            if open == floor {
                return None;
            }
            end = open - 1;
        }
        if self.is_dash(end) {
            // "candidate -- John McCain, who lost to Obama -- said": a dash closes the clause
            // like a comma; "X — a former aide — said": the name before the opening dash.
            let mut close = end;
            while close > floor && self.is_dash(close - 1) {
                close -= 1;
            }
            if let Some(np) = self.relative_antecedent(close, floor) {
                return Some(np);
            }
            let lim = close.saturating_sub(30).max(floor);
            let mut open = (lim..close).rev().find(|&j| self.is_dash(j))?;
            while open > floor && self.is_dash(open - 1) {
                open -= 1;
            }
            let np = self.np_ending_at(open.checked_sub(1)?, floor)?;
            let named = np.pronoun.is_none() && self.is_cap(np.end - 1);
            return named.then_some(np);
        }
        if self.toks[end].quote().is_some() {
            // "Perry, who wore a cape bearing the words “I'm with her,” shouted": the quote
            // closes the relative clause.
            if let Some(np) = self.relative_antecedent(end, floor) {
                return Some(np);
            }
            // "Washington, star of television’s “Scandal,” thanked …": or an apposition whose
            // closing comma stands inside the marks; the name before its opening comma.
            let open = (end.saturating_sub(12).max(floor)..end)
                .rev()
                .find(|&j| self.is_punct(j, ','))?;
            let np = self.np_ending_at(open.checked_sub(1)?, floor)?;
            let named = np.pronoun.is_none() && self.is_cap(np.end - 1);
            return named.then_some(np);
        }
        if self.is_punct(end, ',') {
            if let Some(np) = self.relative_antecedent(end, floor) {
                return Some(np);
            }
            if let Some(np) = self.restrictive_antecedent(end, floor) {
                return Some(np);
            }
            // Apposition: "X, a spokesman for Y, said" or "A delegate, Jim Poolman, said"; up to two
            // comma groups ("Ramil Carr, 31, a photographer, said").
            let close = end;
            let mut k = end;
            let lim = end.saturating_sub(30).max(floor);
            let mut groups = 0;
            while k > lim && groups < 2 {
                k -= 1;
                if self.is_punct(k, '.') || self.is_punct(k, ':') || self.is_punct(k, ';') {
                    break;
                }
                if !self.is_punct(k, ',') {
                    continue;
                }
                // "a philanthropist from Monsey, New York, said": a town and its state are one
                // group.
                if self.is_cap(k.wrapping_sub(1)) && self.is_place(k + 1, close, true) {
                    continue;
                }
                groups += 1;
                if k == floor {
                    break;
                }
                // The apposition itself may be the name, after a nominal.
                if groups == 1 {
                    if let Some(inner) = self.np_starting_at(k + 1, close) {
                        // "NatWest's parent, the Royal Bank of Scotland Group, said".
                        // "The student, 19-year-old Devin Clark, said": an age before the name.
                        let mut first = inner.start + usize::from(self.is_determiner(inner.start));
                        while first + 1 < close
                            && self.toks[first]
                                .span
                                .text(self.text)
                                .starts_with(|c: char| c.is_ascii_digit())
                        {
                            first += 1;
                        }
                        let named = inner.end == close
                            && first < close
                            && self.is_cap(first)
                            && self.is_cap(close - 1)
                            && inner.pronoun.is_none();
                        // "The leader of the Anti-Defamation League, Jonathan Greenblatt,
                        // warned": a nominal ending on a capital is still no name.
                        let before_is_name = self.is_cap(k - 1)
                            && self.np_ending_at(k - 1, floor).is_none_or(|np| {
                                let np = self.extend_over_of(np, floor);
                                let head = np.start + usize::from(self.is_determiner(np.start));
                                (np.pronoun.is_some() || self.is_cap(head))
                                    && !self.serves_organisation(np.start, floor)
                            });
                        if named && !before_is_name {
                            return Some(inner);
                        }
                    }
                }
                // "Sen. Ted Cruz (R-Tex.), a candidate who …, tweeted": step over a parenthetical.
                let mut before = k - 1;
                if self.is_punct(before, ')') {
                    if let Some(open) = (before.saturating_sub(10).max(floor)..before)
                        .rev()
                        .find(|&j| self.is_punct(j, '('))
                    {
                        if open > floor {
                            before = open - 1;
                        }
                    }
                }
                if let Some(np) = self.np_ending_at(before, floor) {
                    let np = self.extend_over_of(np, floor);
                    return Some(self.apposition_head(np, floor).unwrap_or(np));
                }
            }
            return None;
        }
        // "the groups who wrote to her on Thursday say": past a relative clause with no commas
        // to the noun phrase it describes.
        if let Some(np) = self.bare_relative_antecedent(end, floor) {
            return Some(np);
        }
        let np = self.np_ending_at(end, floor)?;
        let ends_possessive = self.is_possessive_at(np.end - 1);
        if np.pronoun.is_none()
            && (ends_possessive || (self.possessed(np) && self.low(v).ends_with(b"s")))
        {
            // "decried Trump’s repeated calls", "Duterte’s latest comments showed …": after a
            // possessive comes a noun, and a plural noun that is also a verb form is the noun.
            return None;
        }
        // "Dan McLaughlin at the National Review agreed": the person, not the place of work.
        if np.pronoun.is_none()
            && np.start >= floor + 2
            && matches!(self.low(np.start - 1), b"at" | b"from")
            && self.is_cap(np.start - 2)
        {
            if let Some(name) = self.np_ending_at(np.start - 2, floor) {
                let last = self.toks[name.end - 1].span.text(self.text);
                if name.pronoun.is_none() && !is_possessive(last) {
                    return Some(name);
                }
            }
        }
        let np = self.extend_over_of(np, floor);
        // "After the Paris attacks", "supporters of Trump say": a phrase governed by a
        // preposition is its object, never the verb's subject; a noun that can speak before the
        // preposition heads the subject ("a reporter for Agence France-Presse called").
        // A relative's antecedent may be an object ("a lecture from the president, who said").
        let plural_verb = self.low(v).ends_with(b"s");
        // A capitalised preposition inside a sentence is a headline's ("Hits Rubio On Abortion
        // Jeb Bush criticized …"), no evidence of an object.
        let headline_case = np.start > floor + 1 && self.is_cap(np.start - 1);
        if np.pronoun.is_none()
            && np.start > floor
            && !relative
            && !headline_case
            && self.governed(np.start - 1, plural_verb)
        {
            let p = np.start - 1;
            let speaking = p > floor
                && !self.is_cap(p - 1)
                && Lexicon::get().can_speak(self.word(p - 1))
                && matches!(
                    self.low(p),
                    b"for" | b"of" | b"to" | b"at" | b"with" | b"from" | b"by"
                );
            if speaking {
                return self
                    .np_ending_at(p - 1, floor)
                    .filter(|head| head.pronoun.is_none())
                    .map(|head| Np {
                        end: np.end,
                        ..head
                    });
            }
            // "Trump in his announcement speech called …": the prepositional phrase stands
            // between the subject and its verb; a name (or pronoun) before it is the subject.
            if p > floor && !matches!(self.low(p), b"of" | b"for" | b"to") {
                let head = self.np_ending_at(p - 1, floor)?;
                let named = head.pronoun.is_some()
                    || (self.is_cap(head.end - 1) && !self.is_possessive_at(head.end - 1));
                let free = head.start == floor || !self.governed(head.start - 1, false);
                return (named && free && head.start >= floor).then_some(head);
            }
            return None;
        }
        Some(self.unclosed_apposition(np, floor).unwrap_or(np))
    }

    /// Does the word at `i` govern the phrase after it as a preposition?
    /// `noun_verb`: the verb after the phrase could be a plural noun ("after the Paris attacks").
    fn governed(&self, i: usize, noun_verb: bool) -> bool {
        // "after"/"before" also open clauses ("after Obama called"), unless the "verb" reads as
        // a plural noun; the relative pronouns of the preposition class open one ("Trump, who
        // has called").
        let w = self.low(i);
        (self.has(i, WordClass::PREPOSITION) && !matches!(w, b"who" | b"whom" | b"whose"))
            || matches!(
                w,
                b"in"
                    | b"on"
                    | b"at"
                    | b"by"
                    | b"with"
                    | b"from"
                    | b"about"
                    | b"into"
                    | b"over"
                    | b"to"
            )
            || (noun_verb && matches!(w, b"after" | b"before"))
    }

    /// "A spokeswoman for the Pharmaceutical Research and Manufacturers of America": does the
    /// capitalised run ending before `start` (over "and", "of", "the", "&") hang on a preposition
    /// after a lowercase noun that can speak? Then the run is an organisation a source serves.
    fn serves_organisation(&self, start: usize, floor: usize) -> bool {
        // Leftwards over the organisation's words; at each preposition, is the word before it a
        // lowercase noun that can speak ("the head | of the Federation of Small Firms")?
        let lex = Lexicon::get();
        let mut k = start;
        while k > floor {
            k -= 1;
            let w = self.low(k);
            if matches!(w, b"for" | b"of" | b"to" | b"at" | b"with" | b"from")
                && k > floor
                && !self.is_cap(k - 1)
                && lex.can_speak(self.word(k - 1))
            {
                return true;
            }
            if !(self.is_cap(k) || matches!(w, b"and" | b"of" | b"the") || self.is_punct(k, '&')) {
                return false;
            }
        }
        false
    }

    /// "Sam Lau, the communications director for the party said": an apposition whose closing
    /// comma the writer left out. The nominal before the verb hangs on a full name that opens the
    /// clause, then a comma; the name speaks. Only a name of two or more words at the clause start
    /// ("In Washington, officials said" keeps its officials).
    fn unclosed_apposition(&self, np: Np, floor: usize) -> Option<Np> {
        if np.pronoun.is_some() {
            return None;
        }
        // Back over the lowercase start of the nominal ("president and chief executive of …").
        let mut k = np.start;
        while k > floor
            && np.start - k < 6
            && self.is_word(k - 1)
            && !self.is_cap(k - 1)
            && self.verb(k - 1).is_none()
            && (!self.has(k - 1, WordClass::STOP) || self.low(k - 1) == b"and")
        {
            k -= 1;
        }
        let lower_start = !self.is_cap(k) || (k < np.start && self.is_determiner(k));
        if k < floor + 3 || !self.is_punct(k - 1, ',') || !lower_start {
            return None;
        }
        let name = self.np_ending_at(k - 2, floor)?;
        let full_name = name.pronoun.is_none()
            && name.start == floor
            && name.end - name.start >= 2
            && (name.start..name.end).all(|i| self.is_cap(i) && !self.has(i, WordClass::TITLE))
            && !self.is_possessive_at(name.end - 1)
            && !self.is_place(name.start, name.end, false);
        full_name.then_some(name)
    }

    /// "Michael Isikoff, the reporter who broke the story of Bill Clinton and Monica Lewinsky
    /// has now called …": a full name opens the clause and a comma an apposition that runs,
    /// unclosed, up to the verb at `v`; the name is the subject, whatever names the apposition
    /// holds.
    fn open_apposition_subject(&self, floor: usize, v: usize) -> Option<Np> {
        // Most clauses open on no two capitalised words: no phrase to read.
        if v < floor + 5 || !self.is_cap(floor) || !self.is_cap(floor + 1) {
            return None;
        }
        let name = self.np_starting_at(floor, v)?;
        let comma = name.end;
        let full_name = name.pronoun.is_none()
            && name.end - name.start >= 2
            && (name.start..name.end).all(|i| self.is_cap(i) && !self.has(i, WordClass::TITLE))
            && !self.is_possessive_at(name.end - 1)
            && !self.is_place(name.start, name.end, false);
        if !full_name || !self.is_punct(comma, ',') || !self.is_determiner(comma + 1) {
            return None;
        }
        // The apposition's words: no punctuation, quotation or dash before the verb, and a
        // lowercase noun after the determiner ("the reporter", not "the Times").
        let open = comma + 2 < v
            && v - comma <= 30
            && !self.is_cap(comma + 2)
            && (comma + 1..v).all(|k| self.is_word(k));
        open.then_some(name)
    }

    /// "Michael Seaman, who lives outside the state capital, Sacramento, said": a relative clause
    /// set off by commas, however many commas (or quotations) it holds, ends at `close`; its
    /// antecedent is the subject.
    /// Is `np` the object of a preposition inside a nominal apposition after a name: "Feinstein,
    /// the ranking Democrat on | the Intelligence Committee"? The apposition opens on a comma and
    /// a determiner, with no punctuation up to the preposition.
    fn inside_apposition(&self, np: Np, floor: usize) -> bool {
        let Some(prep) = np.start.checked_sub(1).filter(|&p| p > floor) else {
            return false;
        };
        if !self.is_clause_preposition(prep) {
            return false;
        }
        let lim = prep.saturating_sub(8).max(floor + 1);
        let Some(comma) = (lim..prep).rev().find(|&k| !self.is_word(k)) else {
            return false;
        };
        self.is_punct(comma, ',') && self.is_determiner(comma + 1) && self.is_cap(comma - 1)
    }

    /// "The survey which collects the views of economists, business contacts and others …,
    /// said": a relative clause with no comma before it, opened right after the clause's first
    /// noun phrase and closed by the comma at `close`; that noun phrase is the subject.
    fn restrictive_antecedent(&self, close: usize, floor: usize) -> Option<Np> {
        let lim = close.saturating_sub(30).max(floor);
        let r = (lim + 1..close)
            .find(|&k| matches!(self.low(k), b"which" | b"who") && self.is_word(k - 1))?;
        let np = self.np_ending_at(r - 1, floor)?;
        // Opening the clause: after a comma it would be an apposition ("Brinkley, a historian
        // who …, said").
        let opens = np.start == floor;
        (opens && np.pronoun.is_none() && !(np.start..r).any(|k| !self.is_word(k))).then_some(np)
    }

    /// The antecedent of a relative clause that runs without punctuation up to `end` ("the
    /// groups | who wrote to her on Thursday"), when it opens its clause or follows a comma.
    fn bare_relative_antecedent(&self, end: usize, floor: usize) -> Option<Np> {
        let lim = end.saturating_sub(12).max(floor + 1);
        let r = (lim..=end)
            .rev()
            .take_while(|&k| self.is_word(k))
            .find(|&k| matches!(self.low(k), b"who" | b"which"))?;
        let np = self.np_ending_at(r.checked_sub(1)?, floor)?;
        let opens = np.start == floor || !self.is_word(np.start - 1);
        (opens && np.pronoun.is_none()).then_some(np)
    }

    fn relative_antecedent(&self, close: usize, floor: usize) -> Option<Np> {
        let lim = close.saturating_sub(40).max(floor);
        let mut k = close;
        while k > lim + 2 {
            k -= 1;
            if ['.', ':', ';', '!', '?']
                .iter()
                .any(|&p| self.is_punct(k, p))
            {
                return None;
            }
            if self.low(k) == b"who" && self.is_punct(k - 1, ',') {
                let np = self.np_ending_at(k - 2, floor)?;
                return (np.pronoun.is_none()).then_some(np);
            }
        }
        None
    }

    /// The head of lowercase words from `from` (at most `max`, before `limit`): the last of the
    /// first run of nouns that can speak ("campaign source" in "the Trump campaign source").
    fn speaking_head(&self, from: usize, limit: usize, max: usize) -> Option<usize> {
        let lex = Lexicon::get();
        let mut head = None;
        let mut k = from;
        while k < limit
            && k - from < max
            && self.is_word(k)
            && !self.is_cap(k)
            && !self.has(k, WordClass::STOP)
            // "a spokesman | for committee Democrats": the head does not run past a preposition.
            && !self.has(k, WordClass::PREPOSITION)
            && self.verb(k).is_none()
            // "The Washington Post | recently ran a piece", "The Committee | released a
            // statement": an adverb, a past tense or a determiner starts the predicate.
            && !(k > from && self.is_determiner(k))
            && (!self.is_adverb(k) || lex.can_speak(self.word(k)))
            && !(self.low(k).len() > 4 && self.low(k).ends_with(b"ed"))
        {
            if lex.can_speak(self.word(k)) {
                head = Some(k);
            } else if head.is_some() {
                break;
            }
            k += 1;
        }
        head
    }

    /// A phrase ending on a possessive, or a possessive followed only by plain lowercase words
    /// ("Duterte’s latest"): the head noun is still to come.
    fn possessed(&self, np: Np) -> bool {
        if np.pronoun.is_some() {
            return false;
        }
        let Some(p) = (np.start..np.end).rev().find(|&i| self.is_possessive_at(i)) else {
            return false;
        };
        (p + 1..np.end).all(|i| {
            !self.is_cap(i) && !self.has(i, WordClass::TITLE) && !self.has(i, WordClass::ROLE)
        })
    }

    /// "Michael Mulgrew, president of the union, …, said": a lowercase nominal set off by a comma
    /// after a name is that name's apposition; the name is the subject.
    fn apposition_head(&self, np: Np, floor: usize) -> Option<Np> {
        if np.pronoun.is_some() || self.is_cap(np.start) || np.start < floor + 2 {
            return None;
        }
        if !self.is_punct(np.start - 1, ',') {
            return None;
        }
        let name = self.np_ending_at(np.start - 2, floor)?;
        let named = name.pronoun.is_none()
            && self.is_cap(name.end - 1)
            && !self.is_possessive_at(name.end - 1);
        named.then_some(name)
    }

    /// "a spokesman for the campaign", "a senior adviser to Trump": a nominal before a preposition
    /// heads the phrase.
    fn extend_over_of(&self, np: Np, floor: usize) -> Np {
        if np.pronoun.is_some() || np.start < floor + 2 {
            return np;
        }
        let p = np.start - 1;
        if !matches!(self.low(p), b"for" | b"of" | b"to" | b"at" | b"with") {
            return np;
        }
        let lex = Lexicon::get();
        let head = self.word(p - 1);
        let head_s = head.trim_end_matches('s');
        if !(self.has(p - 1, WordClass::ROLE) || lex.role_nouns.contains_key(head_s)) {
            return np;
        }
        match self.np_ending_at(p - 1, floor) {
            Some(outer) if outer.pronoun.is_none() => Np {
                start: outer.start,
                end: np.end,
                pronoun: None,
            },
            _ => np,
        }
    }

    /// The noun phrase starting at `i` ("said Biden", "said the Russian president").
    pub fn np_starting_at(&self, i: usize, limit: usize) -> Option<Np> {
        if i >= limit || !self.is_word(i) {
            return None;
        }
        if let Some(np) = self.pronoun_np(i) {
            return Some(np);
        }
        // "one of those advisers", "some of the protesters": the part stands for the group.
        if matches!(
            self.low(i),
            b"one" | b"some" | b"many" | b"several" | b"two" | b"three"
        ) && self.low(i + 1) == b"of"
        {
            if let Some(np) = self.np_starting_at(i + 2, limit) {
                if np.pronoun.is_none() && !self.is_cap(np.end - 1) {
                    return Some(Np { start: i, ..np });
                }
            }
        }
        let mut j = i;
        if self.is_determiner(j) {
            j += 1;
        }
        let first = j;
        while j < limit {
            // "Secretary of State", "University of Iowa" — but not "Jeff Merkley of Oregon".
            let of_join = j > first && j + 1 < limit && self.name_joiner(j);
            // "Lopez decried Reed": after a name, a past tense starts a clause.
            let past_after_name =
                self.low(j).ends_with(b"ed") && (first..j).any(|x| self.is_cap(x));
            let inner_function = j > first && j + 1 < limit && self.function_inside_name(j);
            // "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell":
            // two titles of one person.
            let titles_joined = self.low(j) == b"and"
                && j > first
                && j + 1 < limit
                && self.has(j - 1, WordClass::TITLE)
                && self.is_cap(j + 1);
            if self.name_part(j) || of_join || inner_function || titles_joined {
                j += 1;
            } else if self.is_word(j)
                && !self.is_cap(j)
                && !self.has(j, WordClass::STOP)
                && !self.has(j, WordClass::PREPOSITION)
                // "… until Clinton spoke": a conjunction opens a clause, not a name.
                && !self.has(j, WordClass::FUNCTION)
                // "that Sanders can catch Clinton": an auxiliary or a finite verb is a predicate.
                && !self.has(j, WordClass::AUXILIARY)
                && !self.has(j, WordClass::FINITE)
                && self.verb(j).is_none()
                && !past_after_name
                // "by hitting Trump for …": after a preposition, a gerund governs the name that
                // follows; elsewhere it may be an adjective ("said leading Republican X").
                && !(j == first
                    && j > 0
                    && self.low(j).ends_with(b"ing")
                    && self.is_clause_preposition(j - 1))
                && ((j + 1 < limit && self.name_part(j + 1))
                    || (j + 2 < limit
                        && self.is_word(j + 1)
                        && !self.is_cap(j + 1)
                        && self.is_cap(j + 2)
                        && self.verb(j + 1).is_none()
                        && !self.has(j + 1, WordClass::STOP)))
            {
                // Lowercase words inside a name phrase: "Sanders campaign manager Jeff Weaver",
                // "a senior official".
                j += 1;
            } else {
                break;
            }
        }
        // A name used as a modifier: "the printed Cruz slate card", "the Clinton campaign" — the
        // lowercase nouns after it are the head.
        // So is a possessive name: "said Rubio’s deputy campaign manager, Rich Beeson".
        let possessive = (first..j).any(|x| self.is_possessive_at(x));
        if j > first && (first > i || possessive) && j < limit {
            // Up to four lowercase words, ending at the head noun.
            if let Some(h) = self.speaking_head(j, limit, 4) {
                j = h + 1;
                // "the Post's senior politics editor Steven Ginsberg": the name after the role.
                while j < limit && self.name_part(j) && self.is_cap(j) {
                    j += 1;
                }
            }
        }
        // A lowercase head noun after a determiner: "said the campaign".
        if j == first && first > i && self.is_word(j) && !self.is_cap(j) && j < limit {
            // Adjectives up to the noun that can speak ("the local party office"); with none in
            // reach, the first word alone.
            j = self.speaking_head(j, limit, 5).unwrap_or(j) + 1;
        }
        // "said the former secretary of state": a role noun's office after "of".
        if j > first
            && j + 1 < limit
            && self.has(j - 1, WordClass::ROLE)
            && self.low(j) == b"of"
            && self.is_word(j + 1)
            && !self.is_cap(j + 1)
            && !self.is_determiner(j + 1)
        {
            j += 2;
        }
        (j > first).then_some(Np {
            start: i,
            end: j,
            pronoun: None,
        })
    }
}
