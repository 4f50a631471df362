//! The people and organisations a document talks about, and the resolution of a mention
//! ("Putin", "the Russian leader", "he") to one of them.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::hash_map::Entry;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::inline_key::Key;
use super::lexicon::{Gender, Lexicon, PronounKind, WordClass};
use super::tokens::strip_possessive;
use crate::model::{Span, SpeakerKind};

/// One word of a phrase handed to the registry, with its lexicon class (as `Toks` computed it,
/// so classification tests bits instead of hashing the word again).
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub low: &'a str,
    pub cap: bool,
    pub class: WordClass,
}

/// A name's lowercase tokens, stored joined by single spaces in the registry's key buffer
/// ([`Registry::keys`]): no allocation per name, and an entity shares its phrase's key (tokens
/// never contain a space). `len` is kept apart because a nominal source's key is one token that
/// may contain spaces.
#[derive(Debug, Clone, Copy)]
pub struct NameKey {
    /// The byte range of the joined tokens in the key buffer.
    at: (usize, usize),
    /// Where the first token ends and where the last begins, found once when the key is made:
    /// every lookup asks for them.
    first_end: usize,
    last_start: usize,
    len: usize,
}

impl NameKey {
    /// `len` tokens joined by spaces at `at` in `keys`.
    fn new(keys: &str, at: (usize, usize), len: usize) -> Self {
        let low = keys.get(at.0..at.1).unwrap_or_default();
        // `splitn(len, ' ')`: one token takes the whole key.
        let (first_end, last_start) = if len > 1 {
            (
                low.bytes()
                    .position(|b| b == b' ')
                    .map_or(at.1, |sp| at.0 + sp),
                low.bytes()
                    .rposition(|b| b == b' ')
                    .map_or(at.0, |sp| at.0 + sp + 1),
            )
        } else {
            (at.1, at.0)
        };
        NameKey {
            at,
            first_end,
            last_start,
            len,
        }
    }

    /// Tokens already joined by spaces at `at` in `keys`.
    fn joined(keys: &str, at: (usize, usize)) -> Self {
        let low = keys.get(at.0..at.1).unwrap_or_default();
        NameKey::new(keys, at, low.bytes().filter(|&b| b == b' ').count() + 1)
    }

    /// One token at `at`, spaces and all.
    fn single(keys: &str, at: (usize, usize)) -> Self {
        NameKey::new(keys, at, 1)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The tokens joined by spaces.
    pub fn as_str<'k>(&self, keys: &'k str) -> &'k str {
        keys.get(self.at.0..self.at.1).unwrap_or_default()
    }

    pub fn iter<'k>(&self, keys: &'k str) -> impl Iterator<Item = &'k str> {
        self.as_str(keys).splitn(self.len, ' ')
    }

    /// `iter().next()`.
    fn first<'k>(&self, keys: &'k str) -> Option<&'k str> {
        (self.len > 0).then(|| keys.get(self.at.0..self.first_end).unwrap_or_default())
    }

    /// [`NameKey::first`] as bytes: what lookups hash and compare, with no character-boundary
    /// test (the token's ends are spaces or the key's ends).
    fn first_bytes<'k>(&self, keys: &'k str) -> Option<&'k [u8]> {
        let keys = keys.as_bytes();
        (self.len > 0).then(|| keys.get(self.at.0..self.first_end).unwrap_or_default())
    }

    /// The last token's bytes (`rsplitn(len, ' ').next()`; see [`NameKey::first_bytes`]).
    fn last_bytes<'k>(&self, keys: &'k str) -> Option<&'k [u8]> {
        let keys = keys.as_bytes();
        (self.len > 0).then(|| keys.get(self.last_start..self.at.1).unwrap_or_default())
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    /// The display name (a range of the registry's `strs`; see [`Registry::name`]).
    name: (usize, usize),
    pub kind: SpeakerKind,
    /// Lowercase name tokens of the canonical name.
    tokens: NameKey,
    /// The surfaces it was mentioned by, as written (a list in the registry's `strs`).
    mentions: StrList,
    /// Title and role words seen before the name ("president", "senator"), in `strs` too.
    roles: StrList,
    /// Country keys from nationality words seen with the name (the lexicon's own strings).
    nations: Vec<&'static str>,
    /// The role as written, first seen ("US President").
    pub role_text: Option<String>,
    /// Stated with a title or a full name, so a pronoun may refer to it.
    confirmed: bool,
    gender: Option<Gender>,
    /// How many times the narration names it.
    count: usize,
}

/// A list of strings kept by the registry: the first and last of its links in [`Strs`], or
/// `None` when empty.
type StrList = Option<(usize, usize)>;

/// The strings entities keep (mentions as written, role words), appended to one buffer, and
/// each entity's lists chained through one vector of links: a few growing allocations per
/// document instead of a String per string and a Vec per list.
#[derive(Debug, Default)]
struct Strs {
    buf: String,
    /// Per string: its byte range in `buf` and the next link of its list (`usize::MAX` ends it).
    links: Vec<(usize, usize, usize)>,
}

impl Strs {
    /// A string added by [`Strs::add`].
    fn get(&self, (a, b): (usize, usize)) -> &str {
        self.buf.get(a..b).unwrap_or_default()
    }

    /// A string written by `write` at the end of the buffer, outside any list.
    fn add(&mut self, write: impl FnOnce(&mut String)) -> (usize, usize) {
        let a = self.buf.len();
        write(&mut self.buf);
        (a, self.buf.len())
    }

    /// The byte ranges in `buf` of the strings of `list`, first added first.
    fn ranges(&self, list: StrList) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut at = list.map_or(usize::MAX, |(head, _)| head);
        std::iter::from_fn(move || {
            let &(a, b, next) = self.links.get(at)?;
            at = next;
            Some((a, b))
        })
    }

    /// The strings of `list`, first added first.
    fn iter(&self, list: StrList) -> impl Iterator<Item = &str> {
        self.ranges(list)
            .map(|(a, b)| self.buf.get(a..b).unwrap_or_default())
    }

    /// Is `s` among `list`? Compared as bytes: each range holds a whole pushed string, so equal
    /// bytes are equal strings, and no character-boundary test is made per string.
    fn contains(&self, list: StrList, s: &str) -> bool {
        let buf = self.buf.as_bytes();
        self.ranges(list)
            .any(|(a, b)| buf.get(a..b) == Some(s.as_bytes()))
    }

    /// Append `s` to `list`.
    fn push(&mut self, list: &mut StrList, s: &str) {
        let a = self.buf.len();
        self.buf.push_str(s);
        let i = self.links.len();
        self.links.push((a, self.buf.len(), usize::MAX));
        match list {
            Some((_, tail)) => {
                if let Some(link) = self.links.get_mut(*tail) {
                    link.2 = i;
                }
                *tail = i;
            }
            None => *list = Some((i, i)),
        }
    }
}

/// One mention of an entity in the narration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    pub at: usize,
    pub entity: usize,
    /// Stands as a clause subject (not after a preposition or a verb, not a possessive).
    pub subject: bool,
    /// A speech event: the entity said something here.
    pub spoke: bool,
    /// A possessive ("Trump's ire").
    pub possessive: bool,
}

/// How a phrase reads once its determiner and titles are set apart, by the positions of its
/// words: it holds no borrowed word, so the registry keeps it per phrase (see
/// [`Registry::shape_slot`]) and a phrase met again is not classified again. The strings an
/// entity keeps are only built when the registry needs them (most mentions repeat a known name).
#[derive(Debug, Clone)]
pub enum Shape {
    Name {
        kind: SpeakerKind,
        /// The words the display name is made of.
        name: Range<usize>,
        /// The words before the name: its roles and nations (see [`roles`] and [`nations`]).
        prefix: Range<usize>,
        tokens: NameKey,
        /// The prefix states a role ("US President"): it is the role as written.
        titled: bool,
        gender: Option<Gender>,
    },
    /// A role nominal: "the Russian president", "a White House official".
    Nominal {
        definite: bool,
        /// The head noun: the first `len` bytes of word `word`'s lowercase form.
        head: (usize, usize),
        /// The words whose nationalities it states.
        nations: Range<usize>,
    },
}

/// Words `r` of `words` (none if out of range).
fn slice<'w, 'a>(words: &'w [Word<'a>], r: &Range<usize>) -> &'w [Word<'a>] {
    words.get(r.clone()).unwrap_or_default()
}

/// The role a word before a name states: its lowercase form without possessive or final dots.
fn role_of<'a>(w: &Word<'a>) -> &'a str {
    strip_possessive(w.low).trim_end_matches('.')
}

/// The roles stated by the words before a name (every word that is no nationality), in order;
/// a repeated role repeats.
fn roles<'w, 'a>(prefix: &'w [Word<'a>]) -> impl Iterator<Item = &'a str> + 'w {
    let lex = Lexicon::get();
    prefix
        .iter()
        .filter(move |w| lex.nation_of(w.class).is_none())
        .map(role_of)
}

/// The country keys of the nationality words among `words`, in order; a repeated one repeats.
fn nations<'w>(words: &'w [Word<'_>]) -> impl Iterator<Item = &'static str> + 'w {
    let lex = Lexicon::get();
    words
        .iter()
        .enumerate()
        .filter_map(move |(k, w)| nation_at(lex, words, k).or_else(|| lex.nation_of(w.class)))
}

/// Words as written joined by spaces, possessives stripped or not.
fn join_words(words: &[Word], strip: bool) -> String {
    let mut s = String::with_capacity(words.iter().map(|w| w.text.len() + 1).sum());
    join_words_into(&mut s, words, strip);
    s
}

/// Lowercase what was appended to `s` from byte `from` (`to_lowercase`): ASCII (the common case)
/// in place, where `to_lowercase` would build a second string; both agree on ASCII.
fn lowercase_from(s: &mut String, from: usize) {
    match s.get_mut(from..) {
        Some(new) if new.is_ascii() => new.make_ascii_lowercase(),
        _ => {
            let low = s.get(from..).unwrap_or_default().to_lowercase();
            s.truncate(from);
            s.push_str(&low);
        }
    }
}

/// `t.to_lowercase()`, appended to `s`.
fn push_lowercase(s: &mut String, t: &str) {
    let from = s.len();
    s.push_str(t);
    lowercase_from(s, from);
}

/// [`join_words`] with possessives stripped, lowercased, appended to `s`.
fn join_words_lower_into(s: &mut String, words: &[Word]) {
    let from = s.len();
    join_words_into(s, words, true);
    lowercase_from(s, from);
}

/// [`join_words`], appended to `s`.
fn join_words_into(s: &mut String, words: &[Word], strip: bool) {
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(if strip {
            strip_possessive(w.text)
        } else {
            w.text
        });
    }
}

#[cfg(test)]
impl Shape {
    /// The display name of a name phrase ("Joe Biden").
    pub fn name(&self, words: &[Word]) -> Option<String> {
        match self {
            Shape::Name { name, .. } => Some(join_words(slice(words, name), true)),
            Shape::Nominal { .. } => None,
        }
    }

    /// The role as written ("US President").
    pub fn role_text(&self, words: &[Word]) -> Option<String> {
        match self {
            Shape::Name { prefix, titled, .. } => {
                titled.then(|| join_words(slice(words, prefix), false))
            }
            Shape::Nominal { .. } => None,
        }
    }
}

/// "R-Texas", "D-Ill.": a party and state tag after a name, never a speaker itself.
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// "EB-5", "T-shirts", "X-rays": a word with a digit, or one capital letter hyphenated to a
/// lowercase word, is a thing, never part of a speaker's name.
fn not_a_name_word(w: &str) -> bool {
    let b = w.as_bytes();
    any_byte(b, digit_lanes, |x| x.is_ascii_digit())
        || (b.len() > 2 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2].is_ascii_lowercase())
}

/// "Texas-based", "Ohio-born", "GOP-led", "Kremlin-backed": a capitalised compound whose last
/// part is a lowercase participle describes the name after it; it is no part of the name.
fn participle_compound(w: &str) -> bool {
    // The ending first: it settles nearly every word without a search for the hyphen.
    let b = w.as_bytes();
    if !(b.ends_with(b"ed") || b.ends_with(b"born")) {
        return false;
    }
    b.iter().rposition(|&c| c == b'-').is_some_and(|p| {
        let tail = &b[p + 1..];
        p > 0 && tail.len() > 2 && tail.iter().all(u8::is_ascii_lowercase)
    })
}

/// Does the ASCII `name` lowercase bytewise to `low`? Eight bytes at a time, the tail byte by
/// byte: a document's every quoted or known name is compared so.
fn ascii_lowercases_to(name: &[u8], low: &[u8]) -> bool {
    if name.len() != low.len() {
        return false;
    }
    let load8 = |b: &[u8]| u64::from_le_bytes(<[u8; 8]>::try_from(b).unwrap_or_default());
    let (mut a, mut b) = (name.chunks_exact(8), low.chunks_exact(8));
    if !(&mut a)
        .zip(&mut b)
        .all(|(x, y)| ascii_lower8(load8(x)) == load8(y))
    {
        return false;
    }
    a.remainder()
        .iter()
        .zip(b.remainder())
        .all(|(x, y)| x.to_ascii_lowercase() == *y)
}

/// Eight ASCII bytes lowercased: each lane's range test is an addition to a byte below 0x80,
/// which never carries into the next lane.
fn ascii_lower8(x: u64) -> u64 {
    const TOP: u64 = lanes(0x80);
    let from_a = x + lanes(0x80 - b'A');
    let past_z = x + lanes(0x80 - b'Z' - 1);
    let upper = from_a & !past_z & TOP;
    // 0x80 >> 2 is the case bit, 0x20.
    x | (upper >> 2)
}

/// `byte` in each of a word's eight lanes.
const fn lanes(byte: u8) -> u64 {
    0x0101_0101_0101_0101 * byte as u64
}

const TOP: u64 = lanes(0x80);

/// The top bit of each lane of `x` holding an ASCII digit. The range tests are additions to each
/// lane's low seven bits, which never carry into the next lane.
fn digit_lanes(x: u64) -> u64 {
    let low = x & !TOP;
    let at_least = |v: u64, c: u8| (v + lanes(0x80 - c)) & TOP;
    // A non-ASCII byte (top bit set) is no digit whatever its low bits.
    at_least(low, b'0') & !at_least(low, b'9' + 1) & !x
}

/// The top bit of each lane of `x` holding a hyphen: a lane of `x ^ '-'` is zero.
fn hyphen_lanes(x: u64) -> u64 {
    let h = x ^ lanes(b'-');
    let nonzero = ((h & !TOP) + !TOP) | h;
    !nonzero & TOP
}

/// Does any byte of `b` pass `hit`? Eight bytes at a time (`hit8` marks the lanes that pass),
/// overlapping loads covering the tail, for a word of four bytes or more: name words are
/// scanned for digits and hyphens, and most have neither.
fn any_byte(b: &[u8], hit8: impl Fn(u64) -> u64, hit: impl Fn(u8) -> bool) -> bool {
    let load8 = |b: &[u8]| u64::from_le_bytes(<[u8; 8]>::try_from(b).unwrap_or_default());
    let load4 = |b: &[u8]| {
        u64::from(u32::from_le_bytes(
            <[u8; 4]>::try_from(b).unwrap_or_default(),
        ))
    };
    let n = b.len();
    match n {
        8.. => b.chunks_exact(8).any(|c| hit8(load8(c)) != 0) || hit8(load8(&b[n - 8..])) != 0,
        4..=7 => hit8(load4(&b[..4]) | load4(&b[n - 4..]) << 32) != 0,
        _ => b.iter().any(|&x| hit(x)),
    }
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// Classify a phrase's words; the shape's positions are those of `all`. A name's key is appended
/// to `keys` (nothing is left there for any other shape).
pub fn classify(all: &[Word], keys: &mut String) -> Option<Shape> {
    let mark = keys.len();
    let shape = shape_of(all, keys);
    if !matches!(shape, Some(Shape::Name { .. })) {
        keys.truncate(mark);
    }
    shape
}

/// The work of [`classify`], which takes back any key written when no name comes out.
fn shape_of(all: &[Word], keys: &mut String) -> Option<Shape> {
    let lex = Lexicon::get();
    let mut i = 0;
    let mut definite = false;
    while i < all.len()
        && matches!(
            all[i].low,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "one"
                | "another"
                | "some"
                | "this"
                | "that"
        )
    {
        definite |= matches!(
            all[i].low,
            "the" | "his" | "her" | "their" | "its" | "our" | "this" | "that"
        );
        i += 1;
    }
    if i < all.len() && all[i].low == "the" {
        i += 1;
    }
    // Positions below are in `words`; `i` more in `all`.
    let words = &all[i..];
    if words.is_empty() {
        return None;
    }
    // "Sen. Marco Rubio of Florida", "Mr. Morgan of the Sierra Club": the person, not the place
    // or the organisation (but "University of Texas" stays an organisation).
    if let Some(p) = words.iter().rposition(|w| w.low == "of") {
        let mut tail = &words[p + 1..];
        if tail.first().is_some_and(|w| w.low == "the") {
            tail = &tail[1..];
        }
        if p > 0 && !tail.is_empty() && tail.iter().all(|w| w.cap) {
            // Only a clear person: two name words or a title ("American Federation of
            // Teachers" stays whole).
            // Its determiners are skipped again, so its positions are those of `all` too.
            let mark = keys.len();
            if let Some(
                person @ Shape::Name {
                    kind: SpeakerKind::Person,
                    ..
                },
            ) = classify(&all[..i + p], keys)
            {
                if let Shape::Name { tokens, prefix, .. } = &person {
                    if tokens.len() > 1 || roles(slice(all, prefix)).next().is_some() {
                        return Some(person);
                    }
                }
            }
            // A shape not taken leaves no key.
            keys.truncate(mark);
        }
    }
    // The class bits answer `is_title`, `function_words` and `nationality` for the word itself.
    let is_nat = |w: &Word| w.class.is_nationality();
    let is_title = |w: &Word| w.class.has(WordClass::TITLE);
    // Does the "for" at `p` follow a capitalised organisation word or people, so join a name?
    let joins_for = |p: usize| {
        p >= 1
            && words[p - 1].cap
            && (words[p - 1].class.has(WordClass::ORGANISATION) || is_nat(&words[p - 1]))
    };
    // The name: the trailing run of capitalised words that are neither titles nor nationalities.
    let mut n = words.len();
    while n > 0 {
        let w = &words[n - 1];
        // "Bill de Blasio", "Ursula von der Leyen": a particle inside the name.
        if !w.cap && w.class.has(WordClass::PARTICLE) && n < words.len() {
            n -= 1;
            continue;
        }
        // "Institute for Policy Studies", "Americans for Prosperity": "for" inside an
        // organisation's name, after its organisation word or people.
        if w.low == "for" && n < words.len() && joins_for(n - 1) {
            n -= 1;
            continue;
        }
        // "Doctors Without Borders": a capitalised function word between capitalised words.
        let inner_function = w.cap
            && n >= 2
            && n < words.len()
            && words[n - 2].cap
            && w.low.len() > 3
            && w.class.has(WordClass::FUNCTION)
            && !is_title(w);
        if inner_function {
            n -= 1;
            continue;
        }
        // "Center for American Progress": a nationality inside a name joined by "for".
        let after_for = || {
            words[..n - 1]
                .iter()
                .rposition(|x| x.low == "for")
                .is_some_and(|p| joins_for(p) && words[p + 1..n - 1].iter().all(|x| x.cap))
        };
        let modifier = is_title(w)
            || w.class.has(WordClass::FUNCTION)
            || (is_nat(w) && n < words.len() && !after_for())
            || (n < words.len() && participle_compound(w.text));
        let plain = w.cap && !modifier;
        if !plain || (n < words.len() && crate::parse::tokens::is_possessive(w.text)) {
            break;
        }
        n -= 1;
    }
    // "Chief of Staff Denis McDonough", "Secretary of Homeland Security Jeh Johnson": after a
    // role noun and "of", the first capitalised words complete the office. The name starts at
    // its given name, or is the last two words when none is known.
    // A possessive is no office holder: "CEO of Donald Trump's campaign".
    let holder = !words
        .last()
        .is_some_and(|w| crate::parse::tokens::is_possessive(w.text));
    if holder && n >= 2 && office_at(words, n - 1) {
        let run = &words[n..];
        let given = (1..run.len()).find(|&k| run[k].class.has(WordClass::GIVEN));
        n += match given {
            Some(k) => k,
            None => run.len().saturating_sub(2),
        };
    }
    // "Celebrities Julianne Moore", "Democrats Hillary Clinton": a plural before a given name
    // and a surname describes the person; it is no part of the name.
    if words.len() >= n + 3
        && !words[n].class.has(WordClass::GIVEN)
        && words[n].low.ends_with('s')
        && !crate::parse::tokens::is_possessive(words[n].text)
        && words[n + 1].class.has(WordClass::GIVEN)
    {
        n += 1;
    }
    let prefix = &words[..n];
    let name_words = &words[n..];
    // "a senior adviser to Reed", "attorneys for Clinton": a noun that can speak, then a
    // preposition (and determiners) before the name — the noun is the source, the name is who it
    // serves. Crediting the name would give the quote to the wrong person.
    if let Some(p) = prefix
        .iter()
        .rposition(|w| matches!(w.low, "for" | "to" | "with" | "at" | "from"))
    {
        let only_determiners = prefix[p + 1..]
            .iter()
            .all(|w| w.class.has(WordClass::DETERMINER));
        // A capitalised head inside the phrase belongs to a name ("the Office of the Inspector
        // General for the Intelligence Community"); only a phrase's first word may be capitalised
        // as a sentence opens.
        let head = prefix[..p]
            .last()
            .filter(|w| p == 1 || !w.cap)
            .map(role_of)
            .filter(|h| lex.can_speak(h));
        if let (true, Some(head)) = (only_determiners, head) {
            return Some(Shape::Nominal {
                definite,
                head: (i + p - 1, head.len()),
                nations: 0..0,
            });
        }
    }
    if name_words.is_empty() {
        let last = words.last()?;
        if last.cap && !is_title(last) && !is_nat(last) {
            return None;
        }
        // "the former secretary of state": the role noun before "of" heads the phrase.
        let office = words.len() >= 3 && office_at(words, words.len() - 2);
        let at = if office { all.len() - 3 } else { all.len() - 1 };
        // "a low voice", "the summer", "his recent": only nouns that can speak head a source.
        // Without a final dot the head is the word, and its class is known.
        let word = &all[at];
        let head = word.low.trim_end_matches('.');
        let speaks = if head.len() == word.low.len() {
            lex.can_speak_as(head, word.class)
        } else {
            lex.can_speak(head)
        };
        if !speaks {
            return None;
        }
        return Some(Shape::Nominal {
            definite,
            head: (at, head.len()),
            nations: i..at + 1,
        });
    }
    // The name's lowercase tokens, possessive stripped, joined by spaces.
    // Where its first token ends and its last begins are noted on the way (see `NameKey`).
    let from = keys.len();
    let (mut first_end, mut last_start) = (from, from);
    for (k, w) in name_words.iter().enumerate() {
        if k > 0 {
            keys.push(' ');
        }
        if k + 1 == name_words.len() {
            last_start = keys.len();
        }
        keys.push_str(strip_possessive(w.low));
        if k == 0 {
            first_end = keys.len();
        }
    }
    let whole_low = keys.get(from..).unwrap_or_default();
    // An organisation word, possessive aside ("Pentagon’s"); the class answers for the word as
    // written, the set for a stripped possessive.
    let org_word = |w: &Word| {
        let stripped = strip_possessive(w.low);
        let whole = if stripped.len() == w.low.len() {
            w.class.has(WordClass::ORGANISATION)
        } else {
            lex.organisation_words.contains(stripped)
        };
        // "Chicago Sun-Times": the last part of a hyphenated word counts too.
        // A byte scan: `rsplit_once` searches through `memrchr`, dear for a short word.
        whole
            || (any_byte(stripped.as_bytes(), hyphen_lanes, |b| b == b'-')
                && stripped
                    .bytes()
                    .rposition(|b| b == b'-')
                    .and_then(|p| stripped.get(p + 1..))
                    .is_some_and(|last| lex.organisation_words.contains(last)))
    };
    // "Monsey, New York", "Fairfax County": places never speak, nor do party tags.
    // Name words hold no space: the last one starts where the key's last space ends.
    // So does a lone word after a state or country: "Pennsylvania Avenue", "Texas County".
    let last_word =
        (name_words.len() > 1 || prefix.last().is_some_and(is_nat)).then(|| last_start - from);
    if lex.places.is_place_ending(whole_low, last_word)
        || (name_words.len() == 1 && is_party_tag(name_words[0].text))
        || name_words.iter().any(|w| not_a_name_word(w.text))
    {
        return None;
    }
    // "Department of Homeland Security", "the State of Virginia": "of" after a noun builds an
    // organisation's name; after a role noun it states an office ("Secretary of State Henry
    // Kissinger" is a person).
    let of_name = prefix
        .iter()
        .enumerate()
        .any(|(k, w)| w.low == "of" && !(holder && office_at(prefix, k)));
    // "the Texan", "the Russian": a demonym after "the" is a person of that place, a source
    // like "the Russian president" (the plural, "the Russians", is a people, and forms like
    // "Chinese" may be plural: both stay as they are).
    if let [w] = name_words {
        let low = w.low.as_bytes();
        let demonym = definite
            && prefix.is_empty()
            && w.class.is_nationality()
            && lex.nation_of(w.class).is_some_and(|key| key != w.low)
            && (low.ends_with(b"an") || low.ends_with(b"er"));
        if demonym {
            return Some(Shape::Nominal {
                definite,
                head: (i + n, w.low.len()),
                nations: i + n..i + n + 1,
            });
        }
    }
    // "The Blaze reported", "as the Rainmakers sang": one capitalised word after "the" that is
    // no given name names a publication, a band or a team; a person is not "the Smith".
    let the_one_word = i >= 1
        && all[i - 1].low == "the"
        && prefix.is_empty()
        && matches!(name_words, [w] if !w.class.has(WordClass::GIVEN));
    let org = the_one_word
        || name_words.iter().any(|w| org_word(w) || w.low == "for")
        || nationality_name(lex, name_words, whole_low)
        || (name_words.len() == 1 && is_acronym(name_words[0].text))
        || of_name
        || (prefix
            .last()
            .is_some_and(|w| w.class.has(WordClass::ORGANISATION))
            && name_words.len() == 1);
    // A role is stated by a title or role word ("US President"), not by a bare "Russia’s".
    let titled = prefix
        .iter()
        .any(|w| w.class.has(WordClass::TITLE) || w.class.has(WordClass::ROLE));
    if org {
        // Keep the whole organisation name ("Department of Homeland Security").
        let name = if of_name {
            i..all.len()
        } else {
            // "the European Commission", "the Justice Department": capitalised nationality or
            // title words right before an organisation's name belong to it.
            let nat = prefix
                .iter()
                .rev()
                .take_while(|w| w.cap && (is_nat(w) || is_title(w)))
                .count();
            i + n - nat..all.len()
        };
        return Some(Shape::Name {
            kind: SpeakerKind::Organisation,
            // The lowercase name's buffer is no longer needed: it takes the key.
            tokens: {
                // The organisation's key replaces the name's.
                keys.truncate(from);
                join_words_lower_into(keys, slice(all, &name));
                NameKey::joined(keys, (from, keys.len()))
            },
            name,
            prefix: i..i + n,
            titled: false,
            gender: None,
        });
    }
    let tokens = NameKey {
        at: (from, keys.len()),
        first_end,
        last_start,
        len: name_words.len(),
    };
    let honorific = roles(prefix).find_map(|r| match r {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "queen" | "princess" | "lady" | "sister" => {
            Some(Gender::Female)
        }
        _ => None,
    });
    let given = (tokens.len() > 1)
        .then(|| {
            tokens
                .first(keys)
                .and_then(|f| lex.given_names.get(f).copied())
        })
        .flatten();
    let stated = roles(prefix).find_map(|r| lex.gendered_nouns.get(r).copied());
    Some(Shape::Name {
        kind: SpeakerKind::Person,
        name: i + n..all.len(),
        prefix: i..i + n,
        tokens,
        titled,
        gender: honorific.or(stated).or(given),
    })
}

/// A two-word nation or state opening at `words[k]` ("New Jersey", "North Carolina"): its key.
/// One-word forms are answered by the word's class.
fn nation_at(lex: &'static Lexicon, words: &[Word], k: usize) -> Option<&'static str> {
    let (w, next) = (words.get(k)?, words.get(k + 1)?);
    let (a, b) = (w.low.as_bytes(), next.low.as_bytes());
    // Joined on the stack: a name's prefix is asked at every registration.
    let mut two = [0u8; 32];
    let n = a.len() + 1 + b.len();
    if !(w.cap && next.cap) || n > two.len() || !lex.nation_firsts.iter().any(|f| f == w.low) {
        return None;
    }
    two[..a.len()].copy_from_slice(a);
    two[a.len()] = b' ';
    two[a.len() + 1..n].copy_from_slice(b);
    lex.nation_of(lex.class_of_bytes(&two[..n]))
}

/// Is `words[of]` the "of" of an office, after a role noun ("Secretary of State", "chief of
/// staff")?
fn office_at(words: &[Word], of: usize) -> bool {
    of >= 1 && words[of].low == "of" && words[of - 1].class.has(WordClass::ROLE)
}

/// `lex.is_nationality_key(key)` for a name's key. A name of one word with no possessive or final
/// dot has its lowercase form for key, and that word's class (looked up when the text was sealed,
/// a variant only for a word ending in a possessive or a dot) already answers: no second lookup.
fn nationality_name(lex: &Lexicon, name_words: &[Word], key: &str) -> bool {
    match name_words {
        [w] if key.len() == w.low.len() && !w.low.ends_with('.') => w.class.is_nationality(),
        _ => lex.is_nationality_key(key),
    }
}

/// The entities sharing a surname (or a first name), oldest first. Most have one bearer: it is kept
/// inline, and a list is only allocated for a second.
#[derive(Debug)]
enum Bearers {
    One(usize),
    Many(Vec<usize>),
}

impl Bearers {
    fn as_slice(&self) -> &[usize] {
        match self {
            Bearers::One(e) => std::slice::from_ref(e),
            Bearers::Many(v) => v,
        }
    }

    fn push(&mut self, e: usize) {
        match self {
            Bearers::One(first) => *self = Bearers::Many(vec![*first, e]),
            Bearers::Many(v) => v.push(e),
        }
    }
}

/// "Miguel Basáñez Ebergenyi" is "Basáñez" alone, "Debbie Wasserman Schultz" is "Wasserman":
/// in a person's name of three words or more opening with a given name, the word before the
/// last, when it is no given name, particle or initial, is a first surname that may name them.
fn first_surname<'k>(keys: &'k str, kind: SpeakerKind, tokens: &NameKey) -> Option<&'k [u8]> {
    if kind != SpeakerKind::Person || tokens.len() < 3 {
        return None;
    }
    let lex = Lexicon::get();
    let given = |w: &str| lex.given_names.contains_key(w);
    let first = tokens.first(keys)?;
    let mid = tokens.iter(keys).nth(tokens.len() - 2)?;
    (given(first)
        && !given(mid)
        && mid.chars().count() > 2
        && !lex.grammar.name_particles.contains(mid))
    .then_some(mid.as_bytes())
}

/// Add entity `e` to the bearers of `key`, in one lookup: a new key is inserted where the search
/// for it ended, not hashed a second time.
fn add_bearer(map: &mut HashMap<Key, Bearers>, key: &[u8], e: usize) {
    match map.entry(Key::from_bytes(key)) {
        Entry::Occupied(mut bearers) => bearers.get_mut().push(e),
        Entry::Vacant(slot) => {
            slot.insert(Bearers::One(e));
        }
    }
}

/// How many recent mentions a lookup walks back over (keeps resolution linear in the text).
const LOOKBACK: usize = 2_000;
/// How many entities sharing a surname a name lookup compares.
const CANDIDATES: usize = 64;

/// The document's entities, with a timeline of where each is mentioned.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    by_last: HashMap<Key, Bearers>,
    /// Unresolved nominal sources by their lowercase text.
    nominals: HashMap<Key, usize>,
    /// Multi-word names by their first word, for "Hillary said".
    by_first: HashMap<Key, Bearers>,
    /// Narration mentions, sorted by offset once the pre-pass is sealed.
    timeline: Vec<Mention>,
    /// Speech events met while attributing, appended in text order.
    events: Vec<Mention>,
    /// The entities' mentions and roles.
    strs: Strs,
    /// Each phrase's slot in `shapes` by the span of its tokens. Pure, so a phrase is classified
    /// once: resolution meets the name runs of the pre-pass again, and many phrases twice.
    shape_slots: HashMap<Span, usize>,
    /// The phrases' shapes (`None`: no speaker phrase).
    shapes: Vec<Option<Shape>>,
    /// The lowercase name keys of shapes and entities, back to back (see [`NameKey`]).
    keys: String,
    /// Per entity, whether it fits the role being resolved (see [`Registry::resolve_role`]).
    fits_role: Vec<bool>,
    /// Scratch for a nominal's stated countries (see [`Registry::resolve_shape`]): one list per
    /// thread instead of one per nominal.
    nations: Vec<&'static str>,
}

thread_local! {
    /// The previous document's registry on this thread, emptied.
    static SPARE_REGISTRY: Cell<Option<Registry>> = const { Cell::new(None) };
}

/// The mentions of a sorted `list` before byte `at`, newest first, at most [`LOOKBACK`].
fn before(list: &[Mention], at: usize) -> impl Iterator<Item = &Mention> {
    let end = list.partition_point(|m| m.at < at);
    list[..end].iter().rev().take(LOOKBACK)
}

impl Registry {
    /// An empty registry with room for the entities and mentions of a text of `len` bytes (news
    /// prose names about one entity and two mentions per 200 bytes): a few growth steps of large
    /// blocks saved per document.
    /// This thread's previous registry is reused, emptied (see [`Registry::recycle`]).
    pub fn sized_for(len: usize) -> Self {
        let n = (len / 200).min(1 << 10);
        let mut reg = SPARE_REGISTRY.take().unwrap_or_default();
        reg.entities.reserve(n);
        reg.timeline.reserve(2 * n);
        reg
    }

    /// Empties the registry and keeps its lists and tables for this thread's next document
    /// (no table is iterated, so a larger table than a fresh one changes no result), unless a
    /// huge document made them too large to hold on to.
    pub fn recycle(mut self) {
        const KEEP: usize = 1 << 12;
        // Every field by name: a field added later must be emptied here too.
        let Registry {
            entities,
            by_last,
            nominals,
            by_first,
            timeline,
            events,
            strs: Strs { buf, links },
            shape_slots,
            shapes,
            keys,
            fits_role,
            nations,
        } = &mut self;
        let small = entities.capacity() <= KEEP
            && by_last.capacity() <= KEEP
            && nominals.capacity() <= KEEP
            && by_first.capacity() <= KEEP
            && timeline.capacity() <= 4 * KEEP
            && events.capacity() <= 4 * KEEP
            && links.capacity() <= 4 * KEEP
            && buf.capacity() <= 64 * KEEP
            && shape_slots.capacity() <= KEEP
            && shapes.capacity() <= KEEP
            && keys.capacity() <= 64 * KEEP
            && fits_role.capacity() <= 4 * KEEP
            && nations.capacity() <= KEEP;
        if small {
            entities.clear();
            by_last.clear();
            nominals.clear();
            by_first.clear();
            timeline.clear();
            events.clear();
            buf.clear();
            links.clear();
            shape_slots.clear();
            shapes.clear();
            keys.clear();
            fits_role.clear();
            nations.clear();
            SPARE_REGISTRY.set(Some(self));
        }
    }

    /// The latest mention before byte `at` that `fits`, among the narration's mentions and the
    /// speech events.
    fn latest(&self, at: usize, fits: impl Fn(&Mention) -> bool) -> Option<Mention> {
        let find = |list: &[Mention]| before(list, at).find(|m| fits(m)).copied();
        match (find(&self.timeline), find(&self.events)) {
            (Some(a), Some(b)) => Some(if a.at >= b.at { a } else { b }),
            (a, b) => a.or(b),
        }
    }

    fn last_mention(&self, e: usize, before: usize) -> Option<usize> {
        self.latest(before, |m| m.entity == e).map(|m| m.at)
    }

    /// Find or create the entity a name refers to, near byte `at`; `name` gives the display name
    /// when the entity is created or its name grows.
    fn lookup_name(
        &mut self,
        kind: SpeakerKind,
        tokens: &NameKey,
        name: impl FnOnce(&mut String),
        gender: Option<Gender>,
        at: usize,
    ) -> usize {
        let keys = &self.keys;
        let last = tokens.last_bytes(keys).unwrap_or_default();
        // The latest bearers of the surname only: a text naming thousands of different Smiths
        // must not make every lookup slower.
        let candidates: &[usize] = self
            .by_last
            .get(last)
            .map(Bearers::as_slice)
            .map_or(&[], |v| &v[v.len().saturating_sub(CANDIDATES)..]);
        // (entity, mentions, recency): the recency — a walk back through the timeline — is
        // only computed when two candidates' mention counts tie, the only time it decides.
        let mut best: Option<(usize, usize, Option<usize>)> = None;
        for &e in candidates {
            let ent = &self.entities[e];
            // "Mr. Obama" is not Michelle Obama.
            let gender_clash = gender.is_some() && ent.gender.is_some() && gender != ent.gender;
            // "Cuban also said": one word read as an organisation (a demonym, a capital) is the
            // surname of a person already named ("Mark Cuban").
            let surname = kind == SpeakerKind::Organisation
                && tokens.len() == 1
                && ent.kind == SpeakerKind::Person;
            if (ent.kind != kind && !surname) || gender_clash {
                continue;
            }
            let compatible = tokens.len() == 1
                || ent.tokens.len() == 1
                || ent.tokens.first_bytes(keys) == tokens.first_bytes(keys)
                || is_subsequence(keys, tokens, &ent.tokens)
                || is_subsequence(keys, &ent.tokens, tokens);
            if compatible {
                // The most mentioned bearer of the surname wins ("Sanders" in a story about
                // Bernie Sanders that also mentions Jane Sanders); recency breaks ties.
                let count = ent.count;
                match &mut best {
                    None => best = Some((e, count, None)),
                    Some((_, c, _)) if count > *c => best = Some((e, count, None)),
                    Some((b, c, rec)) if count == *c => {
                        // A later candidate wins a tie when it is at least as recent.
                        let r = *rec.get_or_insert_with(|| self.last_mention(*b, at).unwrap_or(0));
                        let mine = self.last_mention(e, at).unwrap_or(0);
                        if mine >= r {
                            best = Some((e, count, Some(mine)));
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        if best.is_none() && tokens.len() == 1 && kind == SpeakerKind::Person {
            // A first name alone ("Hillary said").
            if let Some(list) = tokens.first_bytes(keys).and_then(|f| self.by_first.get(f)) {
                for &e in list.as_slice().iter().rev().take(CANDIDATES) {
                    let ent = &self.entities[e];
                    if ent.kind == kind
                        && ent.tokens.len() > 1
                        && ent.tokens.first_bytes(keys) == tokens.first_bytes(keys)
                    {
                        best = Some((e, 0, Some(0)));
                        break;
                    }
                }
            }
        }
        // The first name, a key of `by_first` when the entity is new or grows.
        let first = |tokens: &NameKey| tokens.first_bytes(keys).filter(|_| tokens.len() > 1);
        if let Some((e, _, _)) = best {
            if tokens.len() > self.entities[e].tokens.len() {
                let first = first(tokens);
                let name = self.strs.add(name);
                let ent = &mut self.entities[e];
                ent.name = name;
                ent.tokens = *tokens;
                if let Some(first) = first {
                    add_bearer(&mut self.by_first, first, e);
                }
            }
            return e;
        }
        let first = first(tokens);
        let e = self.entities.len();
        add_bearer(&mut self.by_last, last, e);
        let name = self.strs.add(name);
        self.entities.push(Entity {
            name,
            kind,
            tokens: *tokens,
            mentions: None,
            roles: None,
            nations: Vec::new(),
            role_text: None,
            confirmed: false,
            gender: None,
            count: 0,
        });
        if let Some(first) = first {
            add_bearer(&mut self.by_first, first, e);
        }
        // A new person only: most lookups find a known one and never ask.
        if let Some(mid) = first_surname(&self.keys, kind, tokens) {
            add_bearer(&mut self.by_last, mid, e);
        }
        e
    }

    /// The slot in `shapes` of the phrase over `span` with these `words`, classified on first
    /// sight. A span stands for the same words wherever it is met: they are its tokens' words, and
    /// every caller's tokens are views of the one document text.
    fn shape_slot(&mut self, span: Span, words: &[Word]) -> usize {
        let next = self.shapes.len();
        match self.shape_slots.entry(span) {
            Entry::Occupied(o) => *o.get(),
            Entry::Vacant(v) => {
                v.insert(next);
                self.shapes.push(classify(words, &mut self.keys));
                next
            }
        }
    }

    /// Runs `f` on the shape of the phrase over `span` (see [`Registry::shape_slot`]); the shape
    /// is lent out of its slot meanwhile, so `f` may change the registry.
    fn with_shape<R>(
        &mut self,
        span: Span,
        words: &[Word],
        f: impl FnOnce(&mut Self, &Shape) -> Option<R>,
    ) -> Option<R> {
        let slot = self.shape_slot(span, words);
        let shape = self.shapes.get_mut(slot).and_then(Option::take)?;
        let out = f(self, &shape);
        if let Some(s) = self.shapes.get_mut(slot) {
            *s = Some(shape);
        }
        out
    }

    /// Does the phrase over `span` read as a role nominal ("the Russian president")?
    pub fn is_nominal(&mut self, span: Span, words: &[Word]) -> bool {
        let slot = self.shape_slot(span, words);
        matches!(self.shapes.get(slot), Some(Some(Shape::Nominal { .. })))
    }

    /// Merge what a name phrase says into its entity; returns the entity.
    fn register(
        &mut self,
        shape: &Shape,
        words: &[Word],
        surface: &str,
        at: usize,
    ) -> Option<usize> {
        let Shape::Name {
            kind,
            name,
            prefix,
            tokens,
            titled,
            gender,
        } = shape
        else {
            return None;
        };
        let (kind, gender) = (*kind, *gender);
        let name_words = slice(words, name);
        let prefix = slice(words, prefix);
        let several = tokens.len() > 1;
        let e = self.lookup_name(
            kind,
            tokens,
            |buf| join_words_into(buf, name_words, true),
            gender,
            at,
        );
        let strs = &mut self.strs;
        let ent = &mut self.entities[e];
        // The words before the name state nations and roles (see [`roles`] and [`nations`]), in
        // one walk; a repeated one is skipped here like one already known.
        let lex = Lexicon::get();
        let mut has_role = false;
        // "Vice President Joe Biden" is no president: a modifier and the role after it are one
        // role, "vice president".
        let mut modifier: Option<&str> = None;
        for (k, w) in prefix.iter().enumerate() {
            match nation_at(lex, prefix, k).or_else(|| lex.nation_of(w.class)) {
                Some(n) => {
                    if !ent.nations.contains(&n) {
                        ent.nations.push(n);
                    }
                }
                None => {
                    has_role = true;
                    let r = role_of(w);
                    if lex.grammar.role_modifiers.contains(r) {
                        modifier = Some(r);
                        continue;
                    }
                    let joined = modifier.take().map(|m| format!("{m} {r}"));
                    let r = joined.as_deref().unwrap_or(r);
                    if !strs.contains(ent.roles, r) {
                        strs.push(&mut ent.roles, r);
                    }
                }
            }
        }
        ent.confirmed |= several || has_role || kind == SpeakerKind::Organisation;
        if ent.gender.is_none() {
            ent.gender = gender;
        }
        if ent.role_text.is_none() && *titled {
            ent.role_text = Some(join_words(prefix, false));
        }
        if !strs.contains(ent.mentions, surface) {
            strs.push(&mut ent.mentions, surface);
        }
        Some(e)
    }

    /// Register a phrase met in narration over `span` (pre-pass); returns its entity if it names
    /// one.
    pub fn observe(
        &mut self,
        words: &[Word],
        span: Span,
        surface: &str,
        subject: bool,
        possessive: bool,
    ) -> Option<usize> {
        let at = span.start;
        let e = self.with_shape(span, words, |reg, shape| {
            reg.register(shape, words, surface, at)
        })?;
        self.entities[e].count += 1;
        self.timeline.push(Mention {
            at,
            entity: e,
            subject,
            spoke: false,
            possessive,
        });
        Some(e)
    }

    /// A bare name seen acting as a subject ("Carson defied the question") is a person a later
    /// "he" may mean.
    pub fn confirm(&mut self, e: usize) {
        let ent = &mut self.entities[e];
        if ent.kind == SpeakerKind::Person {
            ent.confirmed = true;
        }
    }

    /// A gender stated next to a mention ("her husband, Milton Berg"), unless one is known.
    pub fn hint_gender(&mut self, e: usize, g: Gender) {
        let ent = &mut self.entities[e];
        if ent.kind == SpeakerKind::Person && ent.gender.is_none() {
            ent.gender = Some(g);
        }
    }

    /// Sort the narration timeline once the pre-pass is done.
    pub fn seal(&mut self) {
        self.timeline.sort_unstable();
    }

    /// Resolve a speaker phrase (not a pronoun) over `span` of the text.
    pub fn resolve_phrase(
        &mut self,
        words: &[Word],
        span: Span,
        surface: &str,
    ) -> Option<(usize, bool)> {
        self.with_shape(span, words, |reg, shape| {
            reg.resolve_shape(shape, words, surface, span.start)
        })
    }

    /// [`Registry::resolve_phrase`], once the phrase is classified.
    fn resolve_shape(
        &mut self,
        shape: &Shape,
        words: &[Word],
        surface: &str,
        at: usize,
    ) -> Option<(usize, bool)> {
        match shape {
            Shape::Name { .. } => {
                let e = self.register(shape, words, surface, at)?;
                self.entities[e].confirmed = true;
                Some((e, false))
            }
            &Shape::Nominal {
                definite,
                head: (word, len),
                nations: ref stated,
            } => {
                let head = words
                    .get(word)
                    .and_then(|w| w.low.get(..len))
                    .unwrap_or_default();
                // Each country once, first stated first (into the registry's scratch list, given
                // back below).
                let mut distinct = std::mem::take(&mut self.nations);
                distinct.clear();
                for n in nations(slice(words, stated)) {
                    if !distinct.contains(&n) {
                        distinct.push(n);
                    }
                }
                let nations = distinct;
                // "the vice president": the modifier before the head is part of the role.
                let modifier = word
                    .checked_sub(1)
                    .and_then(|m| words.get(m))
                    .map(|w| w.low)
                    .filter(|m| Lexicon::get().grammar.role_modifiers.contains(*m));
                if let Some(e) = self.resolve_role(head, modifier, &nations, definite, at) {
                    self.nations = nations;
                    self.add_mention(e, surface);
                    return Some((e, true));
                }
                // Unresolved: keep the noun phrase itself as the speaker. Its lowercase key is
                // written to the key buffer, kept only for a new entity: a known one costs no
                // allocation.
                let from = self.keys.len();
                push_lowercase(&mut self.keys, surface);
                let key = self.keys.get(from..).unwrap_or_default();
                let e = match self.nominals.get(key.as_bytes()) {
                    Some(&e) => {
                        self.keys.truncate(from);
                        e
                    }
                    None => {
                        let key = Key::new(key);
                        let tokens = NameKey::single(&self.keys, (from, self.keys.len()));
                        let mut mentions = None;
                        self.strs.push(&mut mentions, surface);
                        let mut roles = None;
                        self.strs.push(&mut roles, head);
                        let name = self.strs.add(|buf| buf.push_str(surface));
                        self.entities.push(Entity {
                            name,
                            kind: SpeakerKind::Nominal,
                            tokens,
                            mentions,
                            roles,
                            // Its own list, of exactly its countries (none allocates nothing).
                            nations: nations.clone(),
                            role_text: None,
                            confirmed: false,
                            gender: None,
                            count: 0,
                        });
                        let e = self.entities.len() - 1;
                        self.nominals.insert(key, e);
                        e
                    }
                };
                self.nations = nations;
                Some((e, false))
            }
        }
    }

    /// "the Russian president", "his Russian counterpart" → the person given that role.
    fn resolve_role(
        &mut self,
        head: &str,
        modifier: Option<&str>,
        nations: &[&str],
        definite: bool,
        at: usize,
    ) -> Option<usize> {
        if !definite {
            return None;
        }
        let lex = Lexicon::get();
        let singular = head.strip_suffix('s').unwrap_or(head);
        // A demonym ("the Texan") matches anyone of its nation, like a generic role.
        let generic = lex.nationality(head).is_some()
            || *lex
                .role_nouns
                .get(head)
                .or_else(|| lex.role_nouns.get(singular))?;
        if generic && nations.is_empty() {
            return None;
        }
        let fits = |ent: &Entity| {
            ent.kind == SpeakerKind::Person
                && ent.confirmed
                && (generic
                    || self.strs.iter(ent.roles).any(|r| {
                        // "vice president" is held whole; so is it asked.
                        let r = match modifier {
                            Some(m) => match r.strip_prefix(m).and_then(|x| x.strip_prefix(' ')) {
                                Some(rest) => rest,
                                None => return false,
                            },
                            None => r,
                        };
                        // "the Florida senator" is "Florida Sen. Marco Rubio": with a nation or
                        // state stated, a title abbreviation matches its role noun. A bare "the
                        // senator" asks for the role in full, as several senators may be about.
                        r == head
                            || r == singular
                            || (!nations.is_empty()
                                && lex
                                    .title_roles
                                    .get(r)
                                    .is_some_and(|f| f.iter().any(|f| f == head || f == singular)))
                    }))
                && (nations.is_empty() || nations.iter().any(|n| ent.nations.contains(n)))
        };
        // Each entity is asked once, not at each of its mentions, and when none fits no mention
        // is walked.
        let mut fit = std::mem::take(&mut self.fits_role);
        fit.clear();
        fit.extend(self.entities.iter().map(fits));
        // The most recently mentioned person who fits, among the last mentions and speech events.
        let found = if fit.contains(&true) {
            self.latest(at, |m| fit.get(m.entity).copied().unwrap_or(false))
        } else {
            None
        };
        self.fits_role = fit;
        found.map(|m| m.entity)
    }

    /// A pronoun at byte `at` (in a sentence from byte `sentence_start`) → the most salient
    /// compatible entity before it: the nearest speech event or clause subject, else the nearest
    /// plain mention. Possessives ("Trump's running mate") count only as the sole candidate in the
    /// pronoun's own sentence.
    pub fn resolve_pronoun(
        &self,
        kind: PronounKind,
        at: usize,
        window_start: usize,
        sentence_start: usize,
    ) -> Option<usize> {
        let want = |e: usize| self.fits(e, kind) && self.entities[e].confirmed;
        let recent = |list: &[Mention]| -> Vec<Mention> {
            before(list, at)
                .take_while(|m| m.at >= window_start)
                .filter(|m| want(m.entity))
                .copied()
                .collect()
        };
        let mut all = recent(&self.timeline);
        all.extend(recent(&self.events));
        all.sort_unstable_by_key(|m| std::cmp::Reverse(m.at));
        let best = all.iter().find(|m| m.spoke || m.subject);
        // "For that she drew Trump's ire - he called her …": a possessive, the one candidate in
        // the pronoun's sentence, beats a subject from an earlier one; with two in the sentence
        // ("If Clinton's wobbly, she's Obama's equal, and she vows") the pronoun is ambiguous and
        // the subject stands.
        let mut in_sentence = all.iter().take_while(|m| m.at >= sentence_start);
        let own = in_sentence
            .next()
            .filter(|m| m.possessive && in_sentence.all(|n| n.entity == m.entity));
        match (best, own) {
            (Some(b), Some(o)) if b.at < sentence_start => Some(o),
            (Some(b), _) => Some(b),
            (None, _) => all.first(),
        }
        .map(|m| m.entity)
    }

    /// Is entity `e` known as someone beyond one bare capitalised word ("Calls", "Good" opening a
    /// sentence, however often): a full name or a title?
    pub fn established(&self, e: usize) -> bool {
        self.entities[e].confirmed || self.multi_word(e)
    }

    /// Is entity `e` named by more than one word ("Tate Reeves", "Gov. Reeves")?
    pub fn multi_word(&self, e: usize) -> bool {
        self.entities[e].tokens.len() > 1
    }

    /// Can a pronoun of this kind stand for entity `e` ("she" is no man, "it" no person)?
    pub fn fits(&self, e: usize, kind: PronounKind) -> bool {
        let ent = &self.entities[e];
        match kind {
            PronounKind::Person(g) => {
                ent.kind == SpeakerKind::Person
                    && (g.is_none() || ent.gender.is_none() || ent.gender == g)
            }
            PronounKind::Organisation | PronounKind::Group => ent.kind == SpeakerKind::Organisation,
            // The writer is never one of the people written about.
            PronounKind::Narrator => false,
        }
    }

    /// Record that entity `e` spoke at byte `at` (text order).
    pub fn spoke(&mut self, e: usize, at: usize) {
        if self.events.last().is_none_or(|m| m.at <= at) {
            self.events.push(Mention {
                at,
                entity: e,
                subject: true,
                spoke: true,
                possessive: false,
            });
        }
    }

    /// Does this lowercase phrase name a known person or a quoted source (so is no topic)?
    /// Lowercase names of known persons and quoted sources: phrases that are no topic.
    /// The set borrows the names' lowercase tokens; a lowercase display name is only built when
    /// it differs from them (most often it does not).
    /// By bytes: topic mining joins a phrase's lowercase bytes and needs no UTF-8 check of them.
    /// An entity was quoted when `speakers` gives it a speaker.
    pub fn someone_names(&self, speakers: &[Option<usize>]) -> HashSet<Cow<'_, [u8]>> {
        // Sized once (at most two names an entity) instead of rehashed while growing.
        let mut out =
            HashSet::with_capacity_and_hasher(2 * self.entities.len(), Default::default());
        for (e, ent) in self.entities.iter().enumerate() {
            // Two capitalised words alone ("Colonial Pipeline") are no evidence of a person.
            let person =
                ent.kind == SpeakerKind::Person && (ent.gender.is_some() || ent.roles.is_some());
            if speakers.get(e).is_some_and(Option::is_some) || person {
                let tokens = ent.tokens.as_str(&self.keys);
                out.insert(Cow::Borrowed(tokens.as_bytes()));
                // An ASCII name lowercases bytewise: equal to the tokens, it adds nothing.
                let name = self.strs.get(ent.name);
                let same =
                    name.is_ascii() && ascii_lowercases_to(name.as_bytes(), tokens.as_bytes());
                if !same {
                    out.insert(Cow::Owned(name.to_lowercase().into_bytes()));
                }
            }
        }
        out
    }

    pub fn add_mention(&mut self, e: usize, surface: &str) {
        let ent = &mut self.entities[e];
        if !self.strs.contains(ent.mentions, surface) {
            self.strs.push(&mut ent.mentions, surface);
        }
    }

    /// The display name of entity `e`.
    pub fn name(&self, e: usize) -> &str {
        self.strs.get(self.entities[e].name)
    }

    /// The surfaces entity `e` was mentioned by, first seen first.
    pub fn mentions(&self, e: usize) -> impl Iterator<Item = &str> {
        self.strs.iter(self.entities[e].mentions)
    }
}

fn is_subsequence(keys: &str, short: &NameKey, long: &NameKey) -> bool {
    let mut it = long.iter(keys);
    short.iter(keys).all(|s| it.any(|l| l == s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lowercasing_by_eights_agrees_with_bytes() {
        let bytewise = |a: &[u8], b: &[u8]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_ascii_lowercase() == *y)
        };
        // Every ASCII byte in every lane and in the tail, against its lowercase and itself.
        for c in 0..0x80u8 {
            for at in 0..11 {
                let mut name = *b"Joe Q Biden";
                name[at] = c;
                let mut low = name;
                low.make_ascii_lowercase();
                for other in [low, name] {
                    assert_eq!(
                        ascii_lowercases_to(&name, &other),
                        bytewise(&name, &other),
                        "{c} at {at}"
                    );
                }
            }
        }
        assert!(!ascii_lowercases_to(b"Ab", b"ab "));
    }

    #[test]
    fn lane_tests_agree_with_byte_tests() {
        let digit = |b: &[u8]| any_byte(b, digit_lanes, |x| x.is_ascii_digit());
        let hyphen = |b: &[u8]| any_byte(b, hyphen_lanes, |x| x == b'-');
        // Every byte in every position of words of every length up to eighteen.
        for n in 0..=18 {
            for at in 0..n {
                for b in 0..=255u8 {
                    let mut w = [b'a'; 18];
                    w[at] = b;
                    let w = &w[..n];
                    assert_eq!(
                        digit(w),
                        w.iter().any(u8::is_ascii_digit),
                        "{b} at {at} of {n}"
                    );
                    assert_eq!(hyphen(w), w.contains(&b'-'), "{b} at {at} of {n}");
                }
            }
        }
        assert!(!digit(b"") && !hyphen(b""));
        assert!(digit("caf\u{e9}9".as_bytes()) && hyphen("\u{2014}-".as_bytes()));
    }

    #[test]
    fn one_word_nationality_test_agrees_with_the_lookup() {
        let lex = Lexicon::get();
        let mut lows: Vec<String> = lex.nationalities.keys().cloned().collect();
        lows.extend(["smith", "states", "u.s", "obama", "u.k.", ""].map(String::from));
        for low in lows.clone() {
            for end in ["’s", "'s", "’S", ".", "s", "'"] {
                lows.push(format!("{low}{end}"));
            }
        }
        for low in &lows {
            let w = Word {
                text: low,
                low,
                cap: true,
                class: lex.class_of(low),
            };
            let key = strip_possessive(low);
            assert_eq!(
                nationality_name(lex, &[w], key),
                lex.is_nationality_key(key),
                "{low}"
            );
        }
    }

    fn words(s: &str) -> Vec<(String, String, bool)> {
        s.split(' ')
            .map(|w| {
                (
                    w.to_string(),
                    w.to_lowercase(),
                    w.starts_with(char::is_uppercase),
                )
            })
            .collect()
    }

    /// A phrase's classification, with the strings the registry would build.
    #[derive(Debug, PartialEq)]
    enum Owned {
        Name {
            kind: SpeakerKind,
            name: String,
            nations: Vec<String>,
            role_text: Option<String>,
        },
        Nominal {
            definite: bool,
            head: String,
            nations: Vec<String>,
        },
    }

    fn phrase(s: &str) -> Option<Owned> {
        let ws = words(s);
        let lex = Lexicon::get();
        let v: Vec<Word> = ws
            .iter()
            .map(|(t, l, c)| Word {
                text: t,
                low: l,
                cap: *c,
                class: lex.class_of(l),
            })
            .collect();
        let p = classify(&v, &mut String::new())?;
        let (name, role_text) = (p.name(&v), p.role_text(&v));
        Some(match p {
            Shape::Name { kind, prefix, .. } => Owned::Name {
                kind,
                name: name.unwrap_or_default(),
                nations: nations(slice(&v, &prefix)).map(String::from).collect(),
                role_text,
            },
            Shape::Nominal {
                definite,
                head: (word, len),
                nations: stated,
            } => Owned::Nominal {
                definite,
                head: v[word].low[..len].to_string(),
                nations: nations(slice(&v, &stated)).map(String::from).collect(),
            },
        })
    }

    #[test]
    fn titles_are_set_apart_from_the_name() {
        match phrase("US President Joe Biden") {
            Some(Owned::Name {
                name,
                kind,
                nations,
                role_text,
                ..
            }) => {
                assert_eq!(name, "Joe Biden");
                assert_eq!(kind, SpeakerKind::Person);
                assert_eq!(nations, vec!["us"]);
                assert_eq!(role_text.as_deref(), Some("US President"));
            }
            other => panic!("{other:?}"),
        }
        match phrase("Russia’s Vladimir Putin") {
            Some(Owned::Name { name, nations, .. }) => {
                assert_eq!(name, "Vladimir Putin");
                assert_eq!(nations, vec!["russia"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn role_nominals_and_organisations() {
        assert_eq!(
            phrase("the Russian President"),
            Some(Owned::Nominal {
                definite: true,
                head: "president".into(),
                nations: vec!["russia".into()]
            })
        );
        assert!(matches!(
            phrase("The United States"),
            Some(Owned::Name {
                kind: SpeakerKind::Organisation,
                ..
            })
        ));
        assert!(matches!(
            phrase("the Kremlin"),
            Some(Owned::Name {
                kind: SpeakerKind::Organisation,
                ..
            })
        ));
        assert!(matches!(
            phrase("a White House official"),
            Some(Owned::Nominal {
                definite: false,
                ..
            })
        ));
    }
}
