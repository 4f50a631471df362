//! Word lists from `assets/`, compiled into the binary and parsed once at first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// Kind of antecedent a subject pronoun takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    Person(Option<Gender>),
    Group,
    Organisation,
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
    pub name: String,
    pub keywords: Vec<Keyword>,
}

/// Keywords indexed by their first word, so tagging costs two hash lookups per word instead of a
/// scan of every keyword.
#[derive(Debug, Default)]
pub struct TopicIndex {
    /// First word (exact) → (topic, keyword).
    pub exact: HashMap<String, Vec<(usize, usize)>>,
    /// Single-word prefix stems, bucketed by their first three bytes → (stem, topic, keyword).
    prefix: HashMap<[u8; 3], Vec<(String, usize, usize)>>,
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
                            ix.prefix
                                .entry([*a, *b, *c])
                                .or_default()
                                .push((first.clone(), t, k))
                        }
                        _ => ix.short.push((first.clone(), t, k)),
                    }
                } else {
                    ix.exact.entry(first.clone()).or_default().push((t, k));
                }
            }
        }
        ix
    }

    /// Every (topic, keyword) whose first word may match `word` (lowercase).
    pub fn candidates<'a>(&'a self, word: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let exact = self.exact.get(word).into_iter().flatten().copied();
        let bucket = match word.as_bytes() {
            [a, b, c, ..] => self.prefix.get(&[*a, *b, *c]),
            _ => None,
        };
        let prefix = bucket
            .into_iter()
            .flatten()
            .chain(self.short.iter())
            .filter(move |(stem, _, _)| word.starts_with(stem.as_str()))
            .map(|&(_, t, k)| (t, k));
        exact.chain(prefix)
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
    /// Any country form → the country's group key.
    pub nationalities: HashMap<String, String>,
    pub topics: Vec<TopicEntry>,
    pub topic_index: TopicIndex,
    /// Head nouns an unnamed source may have ("a person close to…", "the campaign").
    pub speaking_nouns: HashSet<String>,
    /// Given name → gender.
    pub given_names: HashMap<String, Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    Finite,
    Gerund,
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
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
                    name: name.trim().to_string(),
                    keywords,
                })
            })
            .collect();
        let given_names = lines(include_str!("../../assets/given_names.txt"))
            .filter_map(|l| {
                let (name, g) = l.split_once(' ')?;
                let g = match g.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return None,
                };
                Some((name.to_lowercase(), g))
            })
            .collect();
        let topic_index = TopicIndex::build(&topics);
        Lexicon {
            speaking_nouns: word_set(include_str!("../../assets/speaking_nouns.txt")),
            topic_index,
            given_names,
            speech_verbs,
            titles: word_set(include_str!("../../assets/titles.txt")),
            abbreviations: word_set(include_str!("../../assets/abbreviations.txt")),
            function_words: word_set(include_str!("../../assets/function_words.txt")),
            organisation_words: word_set(include_str!("../../assets/organisation_words.txt")),
            pronouns,
            role_nouns,
            nationalities,
            topics,
        }
    }

    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// Can a nominal headed by `lower` be a speaker? Role nouns and speaking nouns, plurals too.
    pub fn can_speak(&self, lower: &str) -> bool {
        let singular = lower.strip_suffix('s').unwrap_or(lower);
        // Agent nouns name people: "questioner", "commenter", "physician", "actress".
        const AGENT_SUFFIXES: &[&str] = &[
            "er", "or", "ist", "ian", "man", "woman", "men", "ess", "eon", "ee",
        ];
        let agent = [lower, singular].iter().any(|w| {
            w.len() > 4
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && AGENT_SUFFIXES.iter().any(|s| w.ends_with(s))
        }) || lower.ends_with("-old");
        agent
            || [lower, singular].iter().any(|w| {
                self.role_nouns.contains_key(*w)
                    || self.speaking_nouns.contains(*w)
                    || self.is_title(w)
            })
    }

    pub fn speech_verb(&self, lower: &str) -> Option<VerbForm> {
        self.speech_verbs.get(lower).copied()
    }

    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower.trim_end_matches('.'))
    }

    pub fn nationality(&self, lower: &str) -> Option<&str> {
        let w = super::tokens::strip_possessive(lower);
        let w = w.strip_suffix('.').unwrap_or(w);
        self.nationalities
            .get(w)
            .or_else(|| self.nationalities.get(lower))
            .map(String::as_str)
    }
}
