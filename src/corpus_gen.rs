//! Deterministic synthetic news corpora for benchmarks and scale tests.
//!
//! Articles recombine the sentences of the seed briefing (and of any extra text handed in, such as
//! an evaluation set that stays outside the repository) with news-style quotation patterns:
//! `"…," Name said.`, `said Name, the role`, `Name told reporters: "…"`, partial quotes, `according
//! to`. Every article is a pure function of its index and the generator's seed, so the 10k corpus
//! is a prefix of the 100k one and generation can run in any order.

use std::path::Path;

use crate::input::SEED_TEXT;

/// Speakers quoted by generated articles; the seed's own speakers come first so that
/// searches such as "putin cyber" find realistic hits.
const NAMES: &[&str] = &[
    "Vladimir Putin",
    "Joe Biden",
    "Antony Blinken",
    "Sergei Lavrov",
    "Jen Psaki",
    "Dmitry Peskov",
    "Maria Lindqvist",
    "Tomas Berger",
    "Amina Okafor",
    "Hiroshi Tanaka",
    "Elena Petrova",
    "David Mensah",
    "Claire Dubois",
    "Rafael Ortega",
    "Sofia Romano",
    "Liam O'Connor",
    "Priya Raman",
    "Jonas Keller",
    "Fatima Haddad",
    "Olivia Grant",
];

const ROLES: &[&str] = &[
    "the foreign minister",
    "a White House spokesperson",
    "the Kremlin spokesman",
    "the security adviser",
    "the energy secretary",
    "a senior official",
    "the company's chief executive",
    "the ambassador",
];

const CUES: &[&str] = &[
    "said",
    "told reporters",
    "told a news conference",
    "added",
    "warned",
    "insisted",
    "stated",
];

const TOPIC_WORDS: &[&str] = &[
    "cyber attacks",
    "cybersecurity",
    "ransomware",
    "sanctions",
    "the pipeline",
    "critical infrastructure",
    "the summit",
    "energy prices",
    "the election",
    "arms control",
];

/// A small, fast, deterministic generator (SplitMix64); no dependency and the same stream on
/// every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The sentence pool the generator recombines.
#[derive(Debug, Clone)]
pub struct Pool {
    /// Narration sentences, quotation marks removed, ending in a full stop.
    pub sentences: Vec<String>,
    /// Short phrases (3–6 words) for partial quotes.
    pub phrases: Vec<String>,
}

impl Pool {
    /// Sentences of the seed briefing only.
    pub fn seed() -> Pool {
        Pool::from_texts(&[SEED_TEXT])
    }

    /// Sentences of the seed plus `texts` (any prose; quotation marks are stripped).
    pub fn from_texts(texts: &[&str]) -> Pool {
        let mut sentences = Vec::new();
        for t in texts {
            for s in split_sentences(t) {
                sentences.push(s);
            }
        }
        sentences.sort();
        sentences.dedup();
        let mut phrases = Vec::new();
        for s in &sentences {
            let words: Vec<&str> = s.split_whitespace().collect();
            for chunk in words.chunks(5) {
                if chunk.len() >= 3 {
                    let p = chunk.join(" ");
                    phrases.push(p.trim_end_matches(['.', ',', ';', ':']).to_string());
                }
            }
        }
        if sentences.is_empty() {
            sentences.push("The talks continued on Wednesday.".into());
        }
        if phrases.is_empty() {
            phrases.push("absolutely constructive".into());
        }
        Pool { sentences, phrases }
    }

    /// Adds the `text` fields of a JSONL file (`{"text": …}` per line) when it exists; returns how
    /// many records were read. Optional input: a missing file adds nothing.
    pub fn add_jsonl(&mut self, path: &Path) -> usize {
        let Ok(raw) = std::fs::read_to_string(path) else {
            return 0;
        };
        let mut n = 0;
        let mut texts = Vec::new();
        for line in raw.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
                n += 1;
            }
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let more = Pool::from_texts(&refs);
        self.sentences.extend(more.sentences);
        self.phrases.extend(more.phrases);
        n
    }

    fn sentence(&self, rng: &mut Rng) -> &str {
        rng.pick(&self.sentences).as_str()
    }

    /// Words of a sentence for use inside quotation marks: no final full stop.
    fn quotable(&self, rng: &mut Rng) -> String {
        let s = self.sentence(rng);
        s.trim_end_matches(['.', '!', '?']).to_string()
    }
}

/// Sentences of `text` with their quotation marks removed, split on `. ` / `? ` / `! ` and
/// line ends; fragments under four words are dropped.
fn split_sentences(text: &str) -> Vec<String> {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '"' | '“' | '”' | '«' | '»' => ' ',
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        cur.push(c);
        if matches!(c, '.' | '?' | '!') && chars.peek().is_none_or(|n| *n == ' ') {
            let s = cur.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.split_whitespace().count() >= 4 && s.chars().next().is_some_and(char::is_uppercase)
            {
                out.push(s);
            }
            cur.clear();
        }
    }
    out
}

/// Approximate size of a generated article, in bytes (the seed's size).
pub const ARTICLE_BYTES: usize = 3_500;

/// Article `i` of the corpus with generator seed `seed`.
pub fn article(pool: &Pool, seed: u64, i: u64) -> String {
    let mut rng = Rng::new(seed ^ i.wrapping_mul(0xA076_1D64_78BD_642F));
    let mut out = String::with_capacity(ARTICLE_BYTES + 600);
    // A headline: the first words of a sentence.
    let head: Vec<&str> = pool.sentence(&mut rng).split_whitespace().take(8).collect();
    out.push_str(head.join(" ").trim_end_matches(['.', ',']));
    out.push_str("\n\n");
    out.push_str(&format!(
        "date 2021-{:02}-{:02}\n\n",
        1 + rng.below(12),
        1 + rng.below(28)
    ));
    let target = ARTICLE_BYTES - 200 + rng.below(400);
    while out.len() < target {
        paragraph(pool, &mut rng, &mut out);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn paragraph(pool: &Pool, rng: &mut Rng, out: &mut String) {
    let sentences = 2 + rng.below(3);
    for k in 0..sentences {
        if k > 0 {
            out.push(' ');
        }
        let name = *rng.pick(NAMES);
        let cue = *rng.pick(CUES);
        let (open, close) = if rng.below(2) == 0 {
            ("“", "”")
        } else {
            ("\"", "\"")
        };
        match rng.below(9) {
            0 => {
                let q = pool.quotable(rng);
                out.push_str(&format!("{open}{q},{close} {name} {cue}."));
            }
            1 => {
                let q = pool.quotable(rng);
                let role = rng.pick(ROLES);
                out.push_str(&format!("{open}{q},{close} said {name}, {role}."));
            }
            2 => {
                let q = pool.quotable(rng);
                out.push_str(&format!("{name} {cue}: {open}{q}.{close}"));
            }
            3 => {
                let p = rng.pick(&pool.phrases);
                let t = rng.pick(TOPIC_WORDS);
                out.push_str(&format!(
                    "{name} described {t} as {open}{p}{close} on Wednesday."
                ));
            }
            4 => {
                let p = rng.pick(&pool.phrases);
                out.push_str(&format!(
                    "According to {name}, the talks were {open}{p}.{close}"
                ));
            }
            5 => {
                let q = pool.quotable(rng);
                let role = rng.pick(ROLES);
                let mut r = role.to_string();
                if let Some(f) = r.get_mut(0..1) {
                    f.make_ascii_uppercase();
                }
                out.push_str(&format!("{r} {cue}: {open}{q}.{close}"));
            }
            _ => out.push_str(pool.sentence(rng)),
        }
    }
}

/// Writes articles `0..n` as `DIR/NNNNNN.txt`, in parallel; returns the bytes written.
pub fn write_corpus(dir: &Path, pool: &Pool, seed: u64, n: usize) -> std::io::Result<u64> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir)?;
    (0..n)
        .into_par_iter()
        .map(|i| {
            let text = article(pool, seed, i as u64);
            std::fs::write(dir.join(format!("{i:06}.txt")), &text)?;
            Ok(text.len() as u64)
        })
        .sum()
}

/// `n` quotes as `(speaker, quoted words)`, for search at scales beyond what parsing a corpus
/// gives cheaply. About one in eight is unattributed.
pub fn quote_set(pool: &Pool, seed: u64, n: usize) -> Vec<(Option<String>, String)> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let speaker = (rng.below(8) != 0).then(|| rng.pick(NAMES).to_string());
            let text = match rng.below(4) {
                0 => rng.pick(&pool.phrases).clone(),
                1 => format!("{}. {}", pool.quotable(&mut rng), pool.quotable(&mut rng)),
                _ => pool.quotable(&mut rng),
            };
            (speaker, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_deterministic_and_news_sized() {
        let pool = Pool::seed();
        let a = article(&pool, 7, 3);
        assert_eq!(a, article(&pool, 7, 3));
        assert_ne!(a, article(&pool, 7, 4));
        assert!((3_000..4_500).contains(&a.len()), "{}", a.len());
        assert!(a.contains('“') || a.contains('"'));
    }

    #[test]
    fn generated_articles_parse_into_quotes() {
        let pool = Pool::seed();
        let text = article(&pool, 1, 0);
        let doc = crate::parse::parse_document(crate::parse::Meta::default(), text);
        assert!(doc.quotes.len() >= 3, "{}", doc.quotes.len());
    }

    #[test]
    fn quote_sets_are_deterministic() {
        let pool = Pool::seed();
        let a = quote_set(&pool, 5, 100);
        assert_eq!(a, quote_set(&pool, 5, 100));
        assert_eq!(a.len(), 100);
    }
}
