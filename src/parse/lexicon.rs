//! Word lists from `assets/`, compiled into the binary and parsed once at first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::{Arc, OnceLock};

use super::tokens::strip_possessive_bytes;

/// Kind of antecedent a subject pronoun takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Person(Option<Gender>),
    Group,
    Organisation,
    /// "I" outside a quotation: the writer, whom the text does not name.
    Narrator,
}

/// Grammatical gender, for pronoun agreement only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// One keyword of a lexicon topic: words to match in order; the last may be a prefix.
#[derive(Debug, Clone)]
pub struct Keyword {
    pub words: Vec<String>,
    pub prefix: bool,
}

#[derive(Debug, Clone)]
pub struct TopicEntry {
    /// Shared: every document tagged with the topic holds this one string.
    pub name: Arc<str>,
    pub keywords: Vec<Keyword>,
}

/// Keys that may be in a set: one bit per key hash, never a false "no". Most words of a text
/// start no keyword, and this answers them without hashing the whole word.
#[derive(Debug)]
struct Sieve {
    bits: Vec<u64>,
}

impl Default for Sieve {
    fn default() -> Self {
        Sieve {
            bits: vec![0; Sieve::BITS / 64],
        }
    }
}

impl Sieve {
    const BITS: usize = 1 << 14;

    fn slot(key: u32) -> usize {
        // Fibonacci hashing: the top 14 bits of the product.
        (key.wrapping_mul(0x9E37_79B1) >> 18) as usize
    }

    fn insert(&mut self, key: u32) {
        let s = Sieve::slot(key);
        self.bits[s / 64] |= 1 << (s % 64);
    }

    fn may_contain(&self, key: u32) -> bool {
        let s = Sieve::slot(key);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

/// A word's length, first and last bytes: what the exact-word sieve looks at.
fn exact_key(w: &[u8]) -> u32 {
    match w {
        [] => 0,
        [first, .., last] | [first @ last] => {
            (w.len().min(255) as u32) | (u32::from(*first) << 8) | (u32::from(*last) << 16)
        }
    }
}

fn prefix_key([a, b, c]: [u8; 3]) -> u32 {
    u32::from(a) | (u32::from(b) << 8) | (u32::from(c) << 16)
}

/// Keywords indexed by their first word, so tagging costs at most two hash lookups per word
/// instead of a scan of every keyword (and, for most words, two bit tests).
#[derive(Debug, Default)]
pub struct TopicIndex {
    /// First word (exact) → (topic, keyword).
    /// By bytes, as topic tagging reads words.
    exact: HashMap<Box<[u8]>, Vec<(usize, usize)>>,
    exact_sieve: Sieve,
    /// Single-word prefix stems, bucketed by their first three bytes → (stem, topic, keyword).
    /// Keyed by those bytes as one number ([`prefix_key`], which the sieve computes anyway):
    /// one multiplication to hash instead of a byte slice's.
    prefix: HashMap<u32, Vec<(Stem, usize, usize)>>,
    prefix_sieve: Sieve,
    /// Stems shorter than three bytes, checked one by one (rare).
    short: Vec<(String, usize, usize)>,
}

impl TopicIndex {
    fn build(topics: &[TopicEntry]) -> Self {
        let mut ix = TopicIndex::default();
        for (t, entry) in topics.iter().enumerate() {
            for (k, kw) in entry.keywords.iter().enumerate() {
                let Some(first) = kw.words.first() else {
                    continue;
                };
                if kw.prefix && kw.words.len() == 1 {
                    match first.as_bytes() {
                        [a, b, c, ..] => {
                            let key = prefix_key([*a, *b, *c]);
                            ix.prefix_sieve.insert(key);
                            ix.prefix
                                .entry(key)
                                .or_default()
                                .push((Stem::new(first), t, k))
                        }
                        _ => ix.short.push((first.clone(), t, k)),
                    }
                } else {
                    ix.exact_sieve.insert(exact_key(first.as_bytes()));
                    ix.exact
                        .entry(first.as_bytes().into())
                        .or_default()
                        .push((t, k));
                }
            }
        }
        ix
    }

    /// What the sieves say of `word` (lowercase): `None` when no keyword can start with it, which
    /// settles most words with two bit tests. `exact` is whether the word is the first word of
    /// an exact keyword, when known (its class's `TOPIC_START` bit, computed once per token, so
    /// a word the exact sieve would wrongly let through costs no hash lookup); `None` asks the
    /// exact sieve.
    #[inline]
    pub fn sieve(&self, word: &[u8], exact: Option<bool>) -> Option<Sieved> {
        let exact = exact.unwrap_or_else(|| self.exact_sieve.may_contain(exact_key(word)));
        let prefix = match *word {
            [a, b, c, ..] => self.prefix_sieve.may_contain(prefix_key([a, b, c])),
            _ => false,
        };
        (exact || prefix || !self.short.is_empty()).then_some(Sieved { exact, prefix })
    }

    /// Calls `f(topic, keyword)` for every keyword whose first word may match `word`, which
    /// passed the sieves (`sieved`).
    #[inline(never)]
    pub fn candidates(&self, word: &[u8], sieved: Sieved, mut f: impl FnMut(usize, usize)) {
        let Sieved { exact, prefix } = sieved;
        // `if let` over each list rather than a flattened `Option`: a plain loop, where the
        // flattening iterator tests which of its parts it is in at every step.
        if exact {
            if let Some(list) = self.exact.get(word) {
                for &(t, k) in list {
                    f(t, k);
                }
            }
        }
        if let (true, [a, b, c, ..]) = (prefix, word) {
            let key = prefix_key([*a, *b, *c]);
            if let Some(list) = self.prefix.get(&key) {
                for (stem, t, k) in list {
                    if stem.begins(word) {
                        f(*t, *k);
                    }
                }
            }
        }
        for (stem, t, k) in &self.short {
            if word.starts_with(stem.as_bytes()) {
                f(*t, *k);
            }
        }
    }
}

/// A prefix keyword's stem, with its [`word_parts`]: a word's beginning of the same length is
/// compared as two numbers, not by a call to compare bytes.
#[derive(Debug)]
struct Stem {
    text: String,
    parts: (u64, u64),
}

impl Stem {
    fn new(text: &str) -> Self {
        Stem {
            text: text.to_string(),
            parts: word_parts(text.as_bytes()),
        }
    }

    /// Does `word` start with the stem? The parts hold every byte of a stem of up to 16 bytes;
    /// a longer one is compared in full.
    fn begins(&self, word: &[u8]) -> bool {
        let n = self.text.len();
        match word.get(..n) {
            Some(head) if n <= 16 => word_parts(head) == self.parts,
            Some(head) => head == self.text.as_bytes(),
            None => false,
        }
    }
}

/// A word that passed [`TopicIndex::sieve`]: which keyword maps may hold it.
#[derive(Clone, Copy)]
pub struct Sieved {
    exact: bool,
    prefix: bool,
}

/// The grammatical word lists of `assets/grammar.txt`, one set per `[section]`.
#[derive(Debug, Default)]
pub struct Grammar {
    pub object_verbs: HashSet<String>,
    pub cue_stops: HashSet<String>,
    pub clause_prepositions: HashSet<String>,
    pub subject_after: HashSet<String>,
    pub not_subject_after: HashSet<String>,
    pub title_introducers: HashSet<String>,
    pub title_small_words: HashSet<String>,
    pub title_followers: HashSet<String>,
    pub determiners: HashSet<String>,
    /// Determiners that count ("several", "many"): a subject they open is a group of sources.
    pub quantifiers: HashSet<String>,
    /// Words that make the role after them another office ("vice president").
    pub role_modifiers: HashSet<String>,
    /// Lowercase words that qualify an office before a name ("campaign chairman", "press
    /// secretary").
    pub office_modifiers: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub adverbs: HashSet<String>,
    pub stops: HashSet<String>,
    pub name_particles: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub finite_verbs: HashSet<String>,
    pub time_openers: HashSet<String>,
    pub time_words: HashSet<String>,
    pub clause_joiners: HashSet<String>,
    pub never_inverted: HashSet<String>,
    pub utterance_nouns: HashSet<String>,
    pub naming_verbs: HashSet<String>,
}

impl Grammar {
    fn load(src: &str) -> Grammar {
        let mut g = Grammar::default();
        let mut section = String::new();
        for l in lines(src) {
            if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                section = name.to_string();
                continue;
            }
            let set = match section.as_str() {
                "object_verbs" => &mut g.object_verbs,
                "cue_stops" => &mut g.cue_stops,
                "clause_prepositions" => &mut g.clause_prepositions,
                "subject_after" => &mut g.subject_after,
                "not_subject_after" => &mut g.not_subject_after,
                "name_particles" => &mut g.name_particles,
                "auxiliaries" => &mut g.auxiliaries,
                "finite_verbs" => &mut g.finite_verbs,
                "time_openers" => &mut g.time_openers,
                "time_words" => &mut g.time_words,
                "clause_joiners" => &mut g.clause_joiners,
                "never_inverted" => &mut g.never_inverted,
                "utterance_nouns" => &mut g.utterance_nouns,
                "naming_verbs" => &mut g.naming_verbs,
                "title_introducers" => &mut g.title_introducers,
                "title_small_words" => &mut g.title_small_words,
                "title_followers" => &mut g.title_followers,
                "determiners" => &mut g.determiners,
                "quantifiers" => &mut g.quantifiers,
                "role_modifiers" => &mut g.role_modifiers,
                "office_modifiers" => &mut g.office_modifiers,
                "prepositions" => &mut g.prepositions,
                "adverbs" => &mut g.adverbs,
                "stops" => &mut g.stops,
                // An unknown section is a mistake in the asset; the test below catches it.
                _ => continue,
            };
            set.insert(l.to_lowercase());
        }
        g
    }
}

/// Places, which never speak (assets/places.txt).
#[derive(Debug, Default)]
pub struct Places {
    /// Whole lowercase names: "ohio", "new york".
    pub names: HashSet<String>,
    /// "fla.", "n.h.": places only after a town and a comma.
    pub state_abbreviations: HashSet<String>,
    /// A name ending in one of these is a place: "county".
    pub place_words: HashSet<String>,
    /// `names` by length and end bytes: most names met are no place, and the sieve answers them
    /// without hashing the name.
    names_sieve: Sieve,
    /// `place_words` the same way, for the last word of every name of several words.
    place_words_sieve: Sieve,
}

impl Places {
    fn load(src: &str) -> Places {
        let mut p = Places::default();
        let mut section = "";
        for l in lines(src) {
            if let Some(name) = l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            match section {
                "places" => p.names_sieve.insert(exact_key(l.to_lowercase().as_bytes())),
                "place_words" => p
                    .place_words_sieve
                    .insert(exact_key(l.to_lowercase().as_bytes())),
                _ => {}
            }
            let set = match section {
                "places" => &mut p.names,
                "state_abbreviations" => &mut p.state_abbreviations,
                "place_words" => &mut p.place_words,
                _ => continue,
            };
            set.insert(l.to_lowercase());
        }
        p
    }

    /// Is this lowercase name (words joined by single spaces) one of `names`? The sieve answers
    /// most names met without hashing them.
    pub fn is_name(&self, low: &str) -> bool {
        self.names_sieve.may_contain(exact_key(low.as_bytes())) && self.names.contains(low)
    }

    /// `is_name` over the bytes of a name joined on the stack: only a name the sieve lets
    /// through is checked for UTF-8.
    pub fn is_name_bytes(&self, low: &[u8]) -> bool {
        self.names_sieve.may_contain(exact_key(low))
            && std::str::from_utf8(low).is_ok_and(|low| self.names.contains(low))
    }

    /// Is this lowercase name (words joined by single spaces) a place?
    pub fn is_place(&self, low: &str) -> bool {
        // The last word of a name of several: names are short, a plain byte loop finds the
        // space sooner than a `memrchr` call.
        let last_start = low.bytes().rposition(|b| b == b' ').map(|sp| sp + 1);
        self.is_place_ending(low, last_start)
    }

    /// [`Places::is_place`] for a name whose last word's start is known (`None` for a name of
    /// one word), as a name key notes it: no scan for the last space.
    pub fn is_place_ending(&self, low: &str, last_start: Option<usize>) -> bool {
        (self.names_sieve.may_contain(exact_key(low.as_bytes())) && self.names.contains(low))
            || last_start.and_then(|at| low.get(at..)).is_some_and(|last| {
                self.place_words_sieve
                    .may_contain(exact_key(last.as_bytes()))
                    && self.place_words.contains(last)
            })
    }
}

/// Every lexicon the parser consults.
#[derive(Debug)]
pub struct Lexicon {
    /// Inflected form → true when the form is a finite verb (said, says) rather than a
    /// participle/gerund (saying) or base form.
    pub speech_verbs: HashMap<String, VerbForm>,
    pub titles: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub function_words: HashSet<String>,
    pub organisation_words: HashSet<String>,
    pub pronouns: HashMap<String, PronounKind>,
    /// Role head noun → generic (matches anyone with the right nationality).
    pub role_nouns: HashMap<String, bool>,
    /// Title abbreviation ("sen", "gov") → the role nouns it stands for.
    pub title_roles: HashMap<String, Vec<String>>,
    /// Any country form → the country's group key.
    pub nationalities: HashMap<String, String>,
    pub topics: Vec<TopicEntry>,
    pub topic_index: TopicIndex,
    pub grammar: Grammar,
    /// Words with an agent-noun ending that name no one ("senior", "other").
    pub not_agents: HashSet<String>,
    /// Head nouns an unnamed source may have ("a person close to…", "the campaign").
    pub speaking_nouns: HashSet<String>,
    /// Given name → gender.
    pub given_names: HashMap<String, Gender>,
    /// Nouns that state a gender next to a name: "husband", "actress", "spokeswoman".
    pub gendered_nouns: HashMap<String, Gender>,
    pub places: Places,
    /// Every listed word → its memberships, for `class_of`.
    words: WordTable,
    /// The distinct values of `nationalities`, indexed by `WordClass::nation`.
    nation_keys: Vec<String>,
    /// The first words of nation forms of two words ("new" for "new jersey"), each once.
    pub nation_firsts: Vec<String>,
    /// `abbreviations` by length and end bytes: the tokenizer asks about every word before a
    /// period, and most are none.
    abbreviations_sieve: Sieve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    Finite,
    Gerund,
}

/// What the lexicon says of one lowercase word: computed once per token (see `Toks`), so the
/// phrase and topic rules test bits instead of hashing the same word into a dozen sets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    bits: u32,
    pub verb: Option<VerbForm>,
    pub pronoun: Option<PronounKind>,
    /// 1 + index into `Lexicon::nation_keys`; 0 for none.
    nation: u16,
}

impl WordClass {
    pub const FUNCTION: u32 = 1 << 0;
    /// `Lexicon::is_title` (trailing periods ignored), not bare membership of the list.
    pub const TITLE: u32 = 1 << 1;
    pub const ROLE: u32 = 1 << 2;
    pub const ORGANISATION: u32 = 1 << 3;
    pub const DETERMINER: u32 = 1 << 4;
    pub const PREPOSITION: u32 = 1 << 5;
    pub const STOP: u32 = 1 << 6;
    pub const ADVERB: u32 = 1 << 7;
    /// A key of `given_names`.
    pub const GIVEN: u32 = 1 << 8;
    /// `grammar.title_small_words`.
    pub const SMALL: u32 = 1 << 9;
    /// `grammar.subject_after`.
    pub const SUBJECT_AFTER: u32 = 1 << 10;
    /// `grammar.not_subject_after`.
    pub const NOT_SUBJECT_AFTER: u32 = 1 << 11;
    /// The first word of a topic keyword that is matched word for word (not a prefix stem).
    pub const TOPIC_START: u32 = 1 << 12;
    /// `grammar.name_particles`: "de", "von", "dos" inside a name.
    pub const PARTICLE: u32 = 1 << 13;
    /// `speaking_nouns`.
    pub const SPEAKING: u32 = 1 << 14;
    /// `not_agents`.
    pub const NOT_AGENT: u32 = 1 << 15;
    /// `grammar.auxiliaries`: "would", "did", …
    pub const AUXILIARY: u32 = 1 << 16;
    /// `grammar.finite_verbs`: "has", "went", …
    pub const FINITE: u32 = 1 << 17;
    /// `grammar.object_verbs`: "told", "asked", … (a cue runs on over their object).
    pub const OBJECT_VERB: u32 = 1 << 18;
    /// `grammar.cue_stops`: words an object verb's cue stops at.
    pub const CUE_STOP: u32 = 1 << 19;
    /// `grammar.naming_verbs`: "calling", "dubbed", …
    pub const NAMING_VERB: u32 = 1 << 20;
    /// `gendered_nouns`: "actress", "husband", … (a name's neighbour hints its gender).
    pub const GENDERED: u32 = 1 << 21;

    pub fn has(self, bit: u32) -> bool {
        self.bits & bit != 0
    }

    pub fn is_nationality(self) -> bool {
        self.nation != 0
    }
}

/// Lexicon words → classes, for the one lookup every word token pays: open addressing over a
/// power-of-two table with a short hash, cheaper than the general map for short keys and for
/// the common miss.
#[derive(Debug, Default)]
struct WordTable {
    /// Per slot: the key's hash (0 marks an empty slot) and its index in `entries`.
    slots: Vec<(u32, u32)>,
    entries: Vec<Entry>,
}

/// A key with its class, and the two words its hash is made of: for a key of up to 16 bytes
/// they hold every byte, so comparing them (and the length) compares the key without reading it.
#[derive(Debug)]
struct Entry {
    a: u64,
    b: u64,
    key: Box<str>,
    class: WordClass,
}

/// The first and last bytes of `w` as two words (overlapping loads, no loop); with the length
/// they determine a word of up to 16 bytes.
#[inline]
pub fn word_parts(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let load8 = |b: &[u8]| u64::from_le_bytes(<[u8; 8]>::try_from(b).unwrap_or_default());
    let load4 = |b: &[u8]| {
        u64::from(u32::from_le_bytes(
            <[u8; 4]>::try_from(b).unwrap_or_default(),
        ))
    };
    match n {
        8.. => (load8(&w[..8]), load8(&w[n - 8..])),
        4..=7 => (load4(&w[..4]), load4(&w[n - 4..])),
        1..=3 => (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        ),
        0 => (0, 0),
    }
}

impl WordTable {
    /// See [`word_parts`].
    #[inline]
    fn parts(w: &[u8]) -> (u64, u64) {
        word_parts(w)
    }

    /// A hash of the length and the first and last bytes: keys longer than 16 bytes are
    /// compared in full on a hash match, so long words sharing their ends only cost a compare.
    #[inline]
    fn hash(n: usize, (a, b): (u64, u64)) -> u32 {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let h = (a ^ (n as u64) << 56).wrapping_mul(K);
        let h = (h ^ b).wrapping_mul(K);
        // Never 0, which marks an empty slot.
        ((h >> 32) as u32) | 1
    }

    fn build(words: HashMap<String, WordClass>) -> WordTable {
        // At most a quarter full, so probes stay short.
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u32); size];
        let mut entries = Vec::with_capacity(words.len());
        for (w, class) in words {
            let (a, b) = WordTable::parts(w.as_bytes());
            let h = WordTable::hash(w.len(), (a, b));
            let mut i = h as usize & (size - 1);
            while slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (h, entries.len() as u32);
            entries.push(Entry {
                a,
                b,
                key: w.into_boxed_str(),
                class,
            });
        }
        WordTable { slots, entries }
    }

    /// The class of `w`, or the empty class: by reference, so a miss or a hit copies nothing
    /// until the caller does.
    // Inlined into sealing, which calls it for every word token.
    #[inline(always)]
    fn get(&self, w: &[u8]) -> &WordClass {
        const NONE: &WordClass = &WordClass {
            bits: 0,
            verb: None,
            pronoun: None,
            nation: 0,
        };
        let Some(mask) = self.slots.len().checked_sub(1) else {
            return NONE;
        };
        let n = w.len();
        let parts = WordTable::parts(w);
        let h = WordTable::hash(n, parts);
        let mut i = h as usize & mask;
        loop {
            let Some(&(sh, e)) = self.slots.get(i) else {
                return NONE;
            };
            if sh == 0 {
                return NONE;
            }
            if sh == h {
                if let Some(entry) = self.entries.get(e as usize) {
                    let same = entry.key.len() == n
                        && if n <= 16 {
                            (entry.a, entry.b) == parts
                        } else {
                            entry.key.as_bytes() == w
                        };
                    if same {
                        return &entry.class;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    #[cfg(test)]
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| &*e.key)
    }
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `word m` / `word f` lines.
fn gendered_words(src: &str) -> HashMap<String, Gender> {
    lines(src)
        .filter_map(|l| {
            let (word, g) = l.split_once(' ')?;
            let g = match g.trim() {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => return None,
            };
            Some((word.to_lowercase(), g))
        })
        .collect()
}

fn word_set(src: &str) -> HashSet<String> {
    lines(src).map(str::to_lowercase).collect()
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut speech_verbs = HashMap::default();
        for l in lines(include_str!("../../assets/speech_verbs.txt")) {
            let forms: Vec<&str> = l.split_whitespace().collect();
            for (i, f) in forms.iter().enumerate() {
                let form = if i == 0 {
                    VerbForm::Base
                } else if f.ends_with("ing") {
                    VerbForm::Gerund
                } else {
                    VerbForm::Finite
                };
                speech_verbs.entry(f.to_lowercase()).or_insert(form);
            }
        }
        let pronouns = lines(include_str!("../../assets/pronouns.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let word = it.next()?.to_lowercase();
                let kind = match it.next()? {
                    "person" => PronounKind::Person(match it.next() {
                        Some("m") => Some(Gender::Male),
                        Some("f") => Some(Gender::Female),
                        _ => None,
                    }),
                    "group" => PronounKind::Group,
                    "narrator" => PronounKind::Narrator,
                    _ => PronounKind::Organisation,
                };
                Some((word, kind))
            })
            .collect();
        let role_nouns = lines(include_str!("../../assets/role_nouns.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace();
                let word = it.next()?.to_lowercase();
                Some((word, it.next() == Some("generic")))
            })
            .collect();
        let title_roles = lines(include_str!("../../assets/title_roles.txt"))
            .filter_map(|l| {
                let mut it = l.split_whitespace().map(str::to_lowercase);
                Some((it.next()?, it.collect()))
            })
            .collect();
        let mut nationalities = HashMap::default();
        for l in lines(include_str!("../../assets/nationalities.txt")) {
            let forms: Vec<&str> = l.split_whitespace().collect();
            if let Some(key) = forms.first() {
                for f in &forms {
                    // Multi-word names are written with hyphens in the asset ("united-states").
                    nationalities.insert(f.replace('-', " "), key.to_string());
                }
            }
        }
        let topics: Vec<TopicEntry> = lines(include_str!("../../assets/topics.txt"))
            .filter_map(|l| {
                let (name, kws) = l.split_once(':')?;
                let keywords = kws
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(|k| {
                        let prefix = k.ends_with('*');
                        let k = k.trim_end_matches('*').to_lowercase();
                        Keyword {
                            words: k.split_whitespace().map(String::from).collect(),
                            prefix,
                        }
                    })
                    .collect();
                Some(TopicEntry {
                    name: name.trim().into(),
                    keywords,
                })
            })
            .collect();
        let given_names = gendered_words(include_str!("../../assets/given_names.txt"));
        let gendered_nouns = gendered_words(include_str!("../../assets/gendered_nouns.txt"));
        let topic_index = TopicIndex::build(&topics);
        let mut lex = Lexicon {
            places: Places::load(include_str!("../../assets/places.txt")),
            grammar: Grammar::load(include_str!("../../assets/grammar.txt")),
            speaking_nouns: word_set(include_str!("../../assets/speaking_nouns.txt")),
            not_agents: word_set(include_str!("../../assets/not_agents.txt")),
            topic_index,
            given_names,
            gendered_nouns,
            speech_verbs,
            titles: word_set(include_str!("../../assets/titles.txt")),
            abbreviations: word_set(include_str!("../../assets/abbreviations.txt")),
            function_words: word_set(include_str!("../../assets/function_words.txt")),
            organisation_words: word_set(include_str!("../../assets/organisation_words.txt")),
            pronouns,
            role_nouns,
            title_roles,
            nationalities,
            topics,
            words: WordTable::default(),
            nation_keys: Vec::new(),
            nation_firsts: Vec::new(),
            abbreviations_sieve: Sieve::default(),
        };
        for a in &lex.abbreviations {
            lex.abbreviations_sieve.insert(exact_key(a.as_bytes()));
        }
        lex.index_words();
        lex
    }

    /// One map from every listed word to its memberships (the sets stay the source of truth).
    fn index_words(&mut self) {
        let mut words: HashMap<String, WordClass> = HashMap::default();
        let g = &self.grammar;
        let sets: [(&HashSet<String>, u32); 18] = [
            (&self.function_words, WordClass::FUNCTION),
            (&self.speaking_nouns, WordClass::SPEAKING),
            (&self.not_agents, WordClass::NOT_AGENT),
            (&self.titles, WordClass::TITLE),
            (&self.organisation_words, WordClass::ORGANISATION),
            (&g.determiners, WordClass::DETERMINER),
            (&g.prepositions, WordClass::PREPOSITION),
            (&g.stops, WordClass::STOP),
            (&g.adverbs, WordClass::ADVERB),
            (&g.title_small_words, WordClass::SMALL),
            (&g.subject_after, WordClass::SUBJECT_AFTER),
            (&g.not_subject_after, WordClass::NOT_SUBJECT_AFTER),
            (&g.name_particles, WordClass::PARTICLE),
            (&g.auxiliaries, WordClass::AUXILIARY),
            (&g.finite_verbs, WordClass::FINITE),
            (&g.object_verbs, WordClass::OBJECT_VERB),
            (&g.cue_stops, WordClass::CUE_STOP),
            (&g.naming_verbs, WordClass::NAMING_VERB),
        ];
        for (set, bit) in sets {
            for w in set {
                words.entry(w.clone()).or_default().bits |= bit;
            }
        }
        for w in self.given_names.keys() {
            words.entry(w.clone()).or_default().bits |= WordClass::GIVEN;
        }
        for w in self.role_nouns.keys() {
            words.entry(w.clone()).or_default().bits |= WordClass::ROLE;
        }
        for w in self.gendered_nouns.keys() {
            words.entry(w.clone()).or_default().bits |= WordClass::GENDERED;
        }
        // Keys made from `String`s, so UTF-8.
        for w in self
            .topic_index
            .exact
            .keys()
            .filter_map(|w| std::str::from_utf8(w).ok())
        {
            words.entry(w.to_string()).or_default().bits |= WordClass::TOPIC_START;
        }
        for (w, &form) in &self.speech_verbs {
            words.entry(w.clone()).or_default().verb = Some(form);
        }
        for (w, &kind) in &self.pronouns {
            words.entry(w.clone()).or_default().pronoun = Some(kind);
        }
        let mut keys: Vec<&String> = self.nationalities.values().collect();
        keys.sort();
        keys.dedup();
        self.nation_keys = keys.into_iter().cloned().collect();
        let mut firsts: Vec<String> = self
            .nationalities
            .keys()
            .filter_map(|f| f.split_once(' ').map(|(a, _)| a.to_string()))
            .collect();
        firsts.sort();
        firsts.dedup();
        self.nation_firsts = firsts;
        for (w, key) in &self.nationalities {
            if let Ok(i) = self.nation_keys.binary_search(key) {
                words.entry(w.clone()).or_default().nation = i as u16 + 1;
            }
        }
        self.words = WordTable::build(words);
    }

    /// The class of a lowercase word, with the same answers as `is_title`, `nationality`,
    /// `speech_verb`, `pronouns` and the sets: one hash lookup for most words.
    #[inline]
    pub fn class_of(&self, lower: &str) -> WordClass {
        self.class_of_bytes(lower.as_bytes())
    }

    /// `class_of` over the word's bytes: sealing slices the lowercased text by byte offsets, and
    /// the lookup never needs them to be a `str` (the suffixes it strips are whole characters).
    #[inline]
    pub fn class_of_bytes(&self, lower: &[u8]) -> WordClass {
        let get = |w: &[u8]| *self.words.get(w);
        let mut c = get(lower);
        // Variants need a second lookup only for words ending in a period or a possessive "s"
        // (the last byte is tested first: that is all most words pay).
        let last = lower.last().copied();
        if last == Some(b'.') {
            // `trim_end_matches('.')`.
            let end = lower.iter().rposition(|&b| b != b'.').map_or(0, |p| p + 1);
            let title = get(&lower[..end]);
            c.bits = (c.bits & !WordClass::TITLE) | (title.bits & WordClass::TITLE);
        }
        if matches!(last, Some(b'.' | b's' | b'S')) {
            let nation_key = strip_possessive_bytes(lower);
            let nation_key = nation_key.strip_suffix(b".").unwrap_or(nation_key);
            if nation_key.len() != lower.len() {
                let n = get(nation_key).nation;
                if n != 0 {
                    c.nation = n;
                }
            }
        }
        c
    }

    /// May an ASCII word as written lowercase to one of `abbreviations`? The sieve of
    /// [`Lexicon::is_abbreviation`] asked of its length and lowercased ends, so a word it turns
    /// away (most) is never copied and lowercased.
    pub fn may_be_abbreviation_ascii(&self, word: &[u8]) -> bool {
        let low = |b: &u8| b.to_ascii_lowercase();
        let key = match word {
            [] => 0,
            [first, .., last] | [first @ last] => {
                (word.len().min(255) as u32)
                    | (u32::from(low(first)) << 8)
                    | (u32::from(low(last)) << 16)
            }
        };
        self.abbreviations_sieve.may_contain(key)
    }

    /// Is this lowercase word (its bytes) one of `abbreviations`? The sieve answers most words
    /// without hashing them.
    pub fn is_abbreviation(&self, lower: &[u8]) -> bool {
        self.abbreviations_sieve.may_contain(exact_key(lower))
            && std::str::from_utf8(lower).is_ok_and(|w| self.abbreviations.contains(w))
    }

    /// Is `lower` itself (no possessive or period stripped) a key of `nationalities`? Through the
    /// word table, which holds every key with its country: cheaper than hashing into the map.
    pub fn is_nationality_key(&self, lower: &str) -> bool {
        self.words.get(lower.as_bytes()).nation != 0
    }

    /// The country key of a class, as `nationality` gives it.
    pub fn nation_of(&self, c: WordClass) -> Option<&str> {
        let i = usize::from(c.nation).checked_sub(1)?;
        self.nation_keys.get(i).map(String::as_str)
    }

    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// Can a nominal headed by `lower` be a speaker? Role nouns and speaking nouns, plurals too.
    pub fn can_speak(&self, lower: &str) -> bool {
        self.can_speak_as(lower, self.class_of(lower))
    }

    /// [`Lexicon::can_speak`] for a word whose class (`class_of(lower)`) is known: a phrase's
    /// head word carries it from sealing.
    pub fn can_speak_as(&self, lower: &str, low_class: WordClass) -> bool {
        let singular = lower.strip_suffix('s').unwrap_or(lower);
        // Agent nouns name people: "questioner", "commenter", "physician", "actress".
        const AGENT_SUFFIXES: &[&str] = &[
            "er", "or", "ist", "ian", "man", "woman", "men", "ess", "eon", "ee",
        ];
        // One word-table lookup per form answers `not_agents`, `role_nouns`, `speaking_nouns`
        // and `is_title` (a word without a final "s" is its own singular).
        let forms = [
            (lower, low_class),
            if singular.len() == lower.len() {
                (singular, low_class)
            } else {
                (singular, self.class_of(singular))
            },
        ];
        // The class bits first: they answer most heads (role nouns) without the suffix scan.
        let listed = forms.iter().any(|&(_, c)| {
            c.has(WordClass::ROLE) || c.has(WordClass::SPEAKING) || c.has(WordClass::TITLE)
        });
        listed
            || forms.iter().any(|&(w, c)| {
                // The suffix test first: it settles most words without decoding their characters.
                !c.has(WordClass::NOT_AGENT)
                    && w.len() > 4
                    && AGENT_SUFFIXES.iter().any(|s| w.ends_with(s))
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            || lower.ends_with("-old")
    }

    /// "critics", "officials", "friends": the plural of a role or speaking noun (`class` is the
    /// word's own), never a name even when a sentence's first word capitalises it. Organisation
    /// words ("Democrats") and titles keep their capital.
    pub fn plural_speaking_noun(&self, lower: &[u8], class: WordClass) -> bool {
        let speaking = |c: WordClass| c.has(WordClass::ROLE) || c.has(WordClass::SPEAKING);
        lower.len() > 3
            && lower.last() == Some(&b's')
            && !class.has(WordClass::ORGANISATION)
            && !class.has(WordClass::TITLE)
            && (speaking(class) || speaking(self.class_of_bytes(&lower[..lower.len() - 1])))
    }

    pub fn speech_verb(&self, lower: &str) -> Option<VerbForm> {
        self.speech_verbs.get(lower).copied()
    }

    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower.trim_end_matches('.'))
    }

    /// The country key of a nationality or country word, possessive and final period aside
    /// ("Russia’s", "U.S."), else of the word as written. Through the word table: this is
    /// asked for every word of every name phrase.
    pub fn nationality(&self, lower: &str) -> Option<&str> {
        self.nation_of(self.class_of(lower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stem's parts answer `starts_with` at every stem length around the sixteen bytes they
    /// hold, for words shorter, equal and longer, matching or not at each byte.
    #[test]
    fn stem_parts_agree_with_starts_with() {
        let base = "abcdefghijklmnopqrstu";
        for n in 1..=base.len() {
            let stem = Stem::new(&base[..n]);
            for len in 0..=base.len() {
                for at in 0..len.max(1) {
                    let mut word = base.as_bytes()[..len].to_vec();
                    if let Some(b) = word.get_mut(at) {
                        *b = b'-';
                    }
                    for w in [&base.as_bytes()[..len], &word[..]] {
                        assert_eq!(
                            stem.begins(w),
                            w.starts_with(stem.text.as_bytes()),
                            "{n} {w:?}"
                        );
                    }
                }
            }
        }
    }

    /// `can_speak` as the lists state it, without the word table.
    fn can_speak_from_lists(lex: &Lexicon, lower: &str) -> bool {
        let singular = lower.strip_suffix('s').unwrap_or(lower);
        const AGENT_SUFFIXES: &[&str] = &[
            "er", "or", "ist", "ian", "man", "woman", "men", "ess", "eon", "ee",
        ];
        let agent = [lower, singular].iter().any(|w| {
            !lex.not_agents.contains(*w)
                && w.len() > 4
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && AGENT_SUFFIXES.iter().any(|s| w.ends_with(s))
        }) || lower.ends_with("-old");
        agent
            || [lower, singular].iter().any(|w| {
                lex.role_nouns.contains_key(*w)
                    || lex.speaking_nouns.contains(*w)
                    || lex.is_title(w)
            })
    }

    #[test]
    fn place_test_from_the_last_word_agrees() {
        let places = &Lexicon::get().places;
        let mut names: Vec<String> = places.names.iter().cloned().collect();
        names.extend(places.place_words.iter().map(|w| format!("fairfax {w}")));
        names.extend(["ohio", "new york", "joe biden", "x", ""].map(String::from));
        for n in &names {
            let last = n.rfind(' ').map(|sp| sp + 1);
            assert_eq!(places.is_place_ending(n, last), places.is_place(n), "{n}");
        }
        assert!(places.is_place("fairfax county") && !places.is_place("joe biden"));
    }

    #[test]
    fn abbreviations_pass_their_sieve() {
        let capitalised = |w: &str| {
            let mut w = w.to_string();
            let n = 1.min(w.len());
            w[..n].make_ascii_uppercase();
            w
        };
        let lex = Lexicon::get();
        for a in &lex.abbreviations {
            assert!(lex.is_abbreviation(a.as_bytes()), "{a}");
            // As written in any case, an ASCII abbreviation passes the prefilter of its sieve.
            if a.is_ascii() {
                for w in [a.to_ascii_uppercase(), a.clone(), capitalised(a)] {
                    assert!(lex.may_be_abbreviation_ascii(w.as_bytes()), "{w}");
                }
            }
        }
        assert!(!lex.is_abbreviation(b"year"));
    }

    /// `class_of` is a cache of the lexicon's own answers: it must agree with them on every
    /// listed word and its inflected, possessive and abbreviated variants.
    #[test]
    fn word_classes_agree_with_the_lexicon() {
        let lex = Lexicon::get();
        let g = &lex.grammar;
        let mut words: Vec<String> = lex.words.keys().map(String::from).collect();
        words.extend(lex.abbreviations.iter().cloned());
        words.extend(["", "x", "’s", "'s", ".", "..", "mr.", "u.s.", "putin"].map(String::from));
        let variants: Vec<String> = words
            .iter()
            .flat_map(|w| {
                ["", ".", "..", "s", "’s", "'s", "’s.", "-x"].map(|suffix| format!("{w}{suffix}"))
            })
            .collect();
        for w in &variants {
            let c = lex.class_of(w);
            let w = w.as_str();
            let title = lex.titles.contains(w.trim_end_matches('.'));
            assert_eq!(lex.is_title(w), title, "{w}");
            // Each class bit against the list it stands for.
            let bits = [
                (
                    WordClass::FUNCTION,
                    lex.function_words.contains(w),
                    "function",
                ),
                (WordClass::TITLE, title, "title"),
                (WordClass::ROLE, lex.role_nouns.contains_key(w), "role"),
                (
                    WordClass::ORGANISATION,
                    lex.organisation_words.contains(w),
                    "organisation",
                ),
                (
                    WordClass::DETERMINER,
                    g.determiners.contains(w),
                    "determiner",
                ),
                (
                    WordClass::PREPOSITION,
                    g.prepositions.contains(w),
                    "preposition",
                ),
                (WordClass::STOP, g.stops.contains(w), "stop"),
                (WordClass::ADVERB, g.adverbs.contains(w), "adverb"),
                (WordClass::GIVEN, lex.given_names.contains_key(w), "given"),
                (
                    WordClass::GENDERED,
                    lex.gendered_nouns.contains_key(w),
                    "gendered",
                ),
                (
                    WordClass::TOPIC_START,
                    lex.topic_index.exact.contains_key(w.as_bytes()),
                    "topic start",
                ),
                (WordClass::SMALL, g.title_small_words.contains(w), "small"),
                (
                    WordClass::SUBJECT_AFTER,
                    g.subject_after.contains(w),
                    "subject after",
                ),
                (
                    WordClass::NOT_SUBJECT_AFTER,
                    g.not_subject_after.contains(w),
                    "not subject after",
                ),
                (
                    WordClass::PARTICLE,
                    g.name_particles.contains(w),
                    "name particle",
                ),
                (
                    WordClass::SPEAKING,
                    lex.speaking_nouns.contains(w),
                    "speaking",
                ),
                (
                    WordClass::NOT_AGENT,
                    lex.not_agents.contains(w),
                    "not agent",
                ),
                (WordClass::AUXILIARY, g.auxiliaries.contains(w), "auxiliary"),
                (WordClass::FINITE, g.finite_verbs.contains(w), "finite"),
                (
                    WordClass::OBJECT_VERB,
                    g.object_verbs.contains(w),
                    "object verb",
                ),
                (WordClass::CUE_STOP, g.cue_stops.contains(w), "cue stop"),
                (
                    WordClass::NAMING_VERB,
                    g.naming_verbs.contains(w),
                    "naming verb",
                ),
            ];
            for (bit, listed, name) in bits {
                assert_eq!(c.has(bit), listed, "{w}: {name}");
            }
            assert_eq!(
                lex.can_speak(w),
                can_speak_from_lists(lex, w),
                "{w}: can speak"
            );
            assert_eq!(
                lex.can_speak_as(w, c),
                lex.can_speak(w),
                "{w}: can speak as"
            );
            assert_eq!(c.verb, lex.speech_verb(w), "{w}");
            assert_eq!(c.pronoun, lex.pronouns.get(w).copied(), "{w}");
            // The nationality rule, straight from the map.
            let key = super::super::tokens::strip_possessive(w);
            let key = key.strip_suffix('.').unwrap_or(key);
            let nation = lex
                .nationalities
                .get(key)
                .or_else(|| lex.nationalities.get(w))
                .map(String::as_str);
            assert_eq!(lex.nation_of(c), nation, "{w}");
            assert_eq!(lex.nationality(w), nation, "{w}");
            assert_eq!(c.is_nationality(), nation.is_some(), "{w}");
            assert_eq!(
                lex.is_nationality_key(w),
                lex.nationalities.contains_key(w),
                "{w}: nationality key"
            );
        }
    }

    #[test]
    fn every_grammar_section_is_known_and_filled() {
        let src = include_str!("../../assets/grammar.txt");
        let g = &Lexicon::get().grammar;
        let sizes = [
            g.object_verbs.len(),
            g.cue_stops.len(),
            g.clause_prepositions.len(),
            g.subject_after.len(),
            g.not_subject_after.len(),
            g.title_introducers.len(),
            g.title_small_words.len(),
            g.title_followers.len(),
            g.determiners.len(),
            g.quantifiers.len(),
            g.role_modifiers.len(),
            g.office_modifiers.len(),
            g.prepositions.len(),
            g.adverbs.len(),
            g.stops.len(),
            g.name_particles.len(),
            g.auxiliaries.len(),
            g.finite_verbs.len(),
            g.time_openers.len(),
            g.time_words.len(),
            g.clause_joiners.len(),
            g.never_inverted.len(),
            g.utterance_nouns.len(),
            g.naming_verbs.len(),
        ];
        let sections = lines(src).filter(|l| l.starts_with('[')).count();
        assert_eq!(
            sections,
            sizes.len(),
            "a section of grammar.txt is not loaded"
        );
        assert!(sizes.iter().all(|&n| n > 0), "{sizes:?}");
        assert!(g.stops.contains("that") && g.determiners.contains("the"));
        assert!(g.quantifiers.is_subset(&g.determiners));
    }
}
