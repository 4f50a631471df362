//! Cue patterns: which reporting verb introduces a quotation, and whose noun phrase is its
//! subject.
//!
//! `"Q," X said.` / `"Q," said X.` / `X said, "Q."` / `X said: "Q"` / `X told reporters that …
//! "Q"` / `according to X` / `X, who …, said` / the reporting verb's subject for partial quotes.

use super::lexicon::{Lexicon, PronounKind, VerbForm, WordClass};
use super::phrases::{Np, Toks};
use super::tokens::TokKind;
use crate::model::SpeakerRule;

/// A cue found for one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub np: Np,
    pub rule: SpeakerRule,
    /// Token range of the cue's verb phrase ("told reporters").
    pub cue: Option<(usize, usize)>,
}

/// The verb phrase of a cue starting at verb `v`, not reaching `limit`.
pub fn cue_range(t: &Toks, v: usize, limit: usize) -> (usize, usize) {
    let mut e = v + 1;
    // The class bits answer `object_verbs` and `cue_stops`.
    if t.class(v).has(WordClass::OBJECT_VERB) {
        while e < limit && e - v <= 5 && t.is_word(e) && !t.class(e).has(WordClass::CUE_STOP) {
            e += 1;
        }
    } else if t.low(v) == b"according" && t.low(v + 1) == b"to" {
        e = v + 2;
    }
    (v, e)
}

/// Clause limits for each token: clauses end at `.`, `!`, `?` and at a quotation that closes a
/// sentence of its own and is followed by a capital. Each token's clause start into `starts`
/// and its clause's end (exclusive) into `ends`, both emptied first (lists the caller reuses for
/// every paragraph).
pub fn clause_limits(
    t: &Toks,
    ends_sentence: &dyn Fn(usize) -> bool,
    starts: &mut Vec<usize>,
    ends: &mut Vec<usize>,
) {
    starts.clear();
    starts.reserve(t.len());
    ends.clear();
    ends.reserve(t.len());
    let mut cur = 0;
    for i in 0..t.len() {
        let boundary = match t.toks[i].kind {
            TokKind::Punct(c) => matches!(c, '.' | '!' | '?' | ';'),
            TokKind::Quote(q) => {
                ends_sentence(q)
                    && (i + 1 == t.len()
                        || matches!(t.toks[i + 1].kind, TokKind::Quote(_))
                        || (t.is_cap(i + 1) && !followed_by_cue(t, i + 1)))
            }
            _ => false,
        };
        if boundary {
            // The clause's tokens, filled at once.
            starts.extend(std::iter::repeat_n(cur, i + 1 - cur));
            ends.extend(std::iter::repeat_n(i + 1, i + 1 - cur));
            cur = i + 1;
        }
    }
    starts.extend(std::iter::repeat_n(cur, t.len() - cur));
    ends.extend(std::iter::repeat_n(t.len(), t.len() - cur));
}

/// `"…!" He said` / `"…?" Hannity pressed.` / `"…!" Ann Lee, the editor, wrote …`: after a
/// quote that ends its sentence, a capitalised subject whose verb reports it.
fn followed_by_cue(t: &Toks, i: usize) -> bool {
    let limit = (i + 8).min(t.len());
    if t.verb(i).is_some_and(|f| f == VerbForm::Finite) {
        return true;
    }
    let Some(np) = t.np_starting_at(i, limit) else {
        return false;
    };
    let v = np.end;
    if t.verb(v).is_some_and(|f| f == VerbForm::Finite) {
        return true;
    }
    if t.is_punct(v, ',') {
        // An apposition, then the reporting verb before the sentence ends.
        return verb_after_apposition(t, v, t.len()).is_some();
    }
    // A past tense outside the lexicon that closes the sentence: "Hannity pressed."
    let w = t.low(v);
    t.is_word(v)
        && !t.is_cap(v)
        && w.len() > 3
        && w.ends_with(b"ed")
        && (v + 1 == t.len() || t.is_punct(v + 1, '.') || t.is_punct(v + 1, ','))
}

/// The reporting verb after an apposition that opens with the comma at `comma`: the first
/// finite verb within 25 tokens, before `limit`, a quotation or the sentence's end. A quotation
/// inside the apposition ("wearing “Ted Cruz” buttons") does not end it.
fn verb_after_apposition(t: &Toks, comma: usize, limit: usize) -> Option<usize> {
    (comma + 1..limit.min(comma + 25))
        .take_while(|&j| match t.toks[j].kind {
            TokKind::Quote(_) => t.runs_on(j),
            TokKind::Punct('.' | '!' | '?' | ';') => false,
            _ => true,
        })
        .find(|&j| t.verb(j) == Some(VerbForm::Finite))
}

/// How far (in tokens) any cue search reaches from its quotation. Real clauses are far shorter;
/// the bound keeps attribution linear on text with no sentence breaks at all.
pub const WINDOW: usize = 80;

/// `"Q," X said.` / `"Q," said X.` / `"Q," X, a spokesman for Y, said.` / `"Q," according to X.`
pub fn after(t: &Toks, k: usize, limit: usize) -> Option<Found> {
    let mut i = k + 1;
    if i < limit && (t.is_punct(i, ',') || t.is_punct(i, '—') || t.is_punct(i, '–')) {
        i += 1;
    }
    if i >= limit {
        return None;
    }
    if t.low(i) == b"as" {
        // `…," as a Homeland Security memo put it.` / `…," as Trump said.`
        if let Some(np) = t.np_starting_at(i + 1, limit) {
            let v = np.end;
            let put_it = t.low(v) == b"put" && t.low(v + 1) == b"it";
            if put_it || t.verb(v).is_some_and(|f| f == VerbForm::Finite) {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueAfter,
                    cue: Some((v, if put_it { v + 2 } else { v + 1 })),
                });
            }
        }
    }
    if matches!(t.low(i), b"that" | b"which") && !t.is_punct(k + 1, ',') {
        // `the "rigged economy" that he says is maintained …`: a relative clause's speaker.
        if let Some(np) = t.np_starting_at(i + 1, limit) {
            if t.verb(np.end).is_some_and(|f| f == VerbForm::Finite) {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueAfter,
                    cue: Some((np.end, np.end + 1)),
                });
            }
        }
    }
    if t.low(i) == b"according" && t.low(i + 1) == b"to" {
        let np = t.np_starting_at(i + 2, limit)?;
        return Some(Found {
            np,
            rule: SpeakerRule::AccordingTo,
            cue: Some((i, i + 2)),
        });
    }
    if t.verb(i).is_some_and(|f| f != VerbForm::Gerund) && !t.is_cap(i) && may_invert(t, i) {
        let np = t.np_starting_at(i + 1, limit)?;
        if np.pronoun.is_some() && !t.is_cap(np.start) {
            // "said he" is rare English; "said it" is a false cue.
            return None;
        }
        return Some(Found {
            np,
            rule: SpeakerRule::CueAfter,
            cue: Some(cue_range(t, i, limit)),
        });
    }
    let w = t.low(i);
    if t.is_word(i)
        && !t.is_cap(i)
        && w.len() > 4
        && w.ends_with(b"ed")
        && i + 1 < limit
        && t.is_cap(i + 1)
    {
        // `"Q?" reacted Trump.`: an inverted past tense outside the lexicon, then a name.
        if let Some(np) = t.np_starting_at(i + 1, limit) {
            if np.end >= limit {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueAfter,
                    cue: Some((i, i + 1)),
                });
            }
        }
    }
    let np = t.np_starting_at(i, limit)?;
    // `"Q," a source close to the campaign said.`: the verb follows the source's description.
    let mut v = nominal_tail(t, np, limit);
    if t.is_punct(v, '(') {
        // A parenthetical after the name: "Rep. Emanuel Cleaver II (D-Mo.) said".
        let close = (v + 1..limit.min(v + 10)).find(|&j| t.is_punct(j, ')'))?;
        v = close + 1;
    }
    let mut apposition = false;
    if t.is_punct(v, ',') {
        // Apposition or relative clause: skip to the closing comma, or, when the writer left it
        // out ("X, a spokesman for Y told the Post"), to the reporting verb.
        // Appositions may hold commas of their own ("Anne Richards, assistant secretary of state
        // for population, refugees, and migration, said"): run to the first reporting verb.
        v = verb_after_apposition(t, v, limit)?;
        apposition = true;
    }
    let mut skipped = 0;
    while v < limit && skipped < 3 && t.verb(v).is_none() && t.is_adverb(v) {
        v += 1;
        skipped += 1;
    }
    if v < limit && t.verb(v).is_some_and(|f| f != VerbForm::Gerund) {
        return Some(Found {
            np,
            rule: SpeakerRule::CueAfter,
            cue: Some(cue_range(t, v, limit)),
        });
    }
    // `"Q," Trump shot back.`: a verb outside the lexicon with the particle "back" answers.
    if !apposition && v + 1 < limit && t.low(v + 1) == b"back" && t.is_word(v) && !t.is_cap(v) {
        return Some(Found {
            np,
            rule: SpeakerRule::CueAfter,
            cue: Some((v, v + 2)),
        });
    }
    // `"Q," an angry Hollande retaliated.`: right after a quote that ends on a comma, a name and a
    // past-tense verb outside the lexicon still report speech.
    if !apposition && v < limit {
        let w = t.low(v);
        // At the clause's end, or before a time or place ("Toomey fumed on Tuesday").
        let ends_clause = v + 1 >= limit
            || matches!(
                t.low(v + 1),
                b"on" | b"in" | b"at" | b"during" | b"after" | b"to" | b"from"
            );
        if t.is_word(v)
            && !t.is_cap(v)
            && w.len() > 3
            && w.ends_with(b"ed")
            && ends_clause
            && np.pronoun.is_none()
            // "the campaign", or a name after its determiner and adjectives ("an angry Hollande").
            && (t.is_cap(np.start)
                || t.low(np.start) == b"the"
                || (t.is_determiner(np.start) && t.is_cap(np.end - 1)))
        {
            return Some(Found {
                np,
                rule: SpeakerRule::CueAfter,
                cue: Some((v, v + 1)),
            });
        }
    }
    None
}

/// `"Q," CBS This Morning co-anchor DeMarco Morgan said.`: after a quote that ends on a comma,
/// the first reporting verb of the rest of the sentence, with the subject right before it, when
/// the words between are too unusual for [`after`] to read as one noun phrase.
pub fn loose_after(t: &Toks, k: usize, limit: usize) -> Option<Found> {
    let limit = limit.min(k + 12);
    let v = (k + 2..limit).find(|&v| t.verb(v) == Some(VerbForm::Finite) && !t.is_cap(v))?;
    let np = t.np_ending_at(v - 1, k + 1)?;
    // "a supporter at a rally in Denver repeated": the object of a preposition is no subject.
    let governed = t.class(np.start - 1).has(WordClass::PREPOSITION)
        || matches!(
            t.low(np.start - 1),
            b"in" | b"at" | b"on" | b"to" | b"with" | b"by" | b"from" | b"of" | b"for"
        );
    let named = np.pronoun.is_none() && t.is_cap(np.end - 1) && !governed;
    named.then_some(Found {
        np,
        rule: SpeakerRule::CueAfter,
        cue: Some(cue_range(t, v, limit)),
    })
}

/// A cue that closes the quote's sentence further on: `… "a great deal of weight" and help …,
/// DFA spokesman Neil Sroka said.` / `…, says psychologist Nancy Molitor.` / `… as described by
/// FBI Director James Comey`.
pub fn late_after(t: &Toks, k: usize, cs: usize, limit: usize) -> Option<Found> {
    let cs = cs.max(k.saturating_sub(WINDOW));
    let limit = limit.min(k + WINDOW);
    // A fronted clause with a subject of its own ("After Biden and Putin held “talks”, …") is
    // not the reporting verb's content; one without ("in explaining why …") is.
    let own_subject = (cs + 1..k).any(|i| t.is_cap(i) || t.pronoun(i).is_some());
    for j in k + 1..limit {
        if t.is_punct(j, ',') {
            if let Some(f) = after(t, j - 1, limit) {
                let verb_at = f.cue.map_or(0, |c| c.0);
                let ends = f.np.end.max(verb_at + 1);
                // At the sentence's end, or any reporting verb of the lexicon ("And in explaining
                // why those “solutions” failed, Clinton described …").
                // ", said X" (verb first) is unambiguous wherever it stands.
                let according =
                    f.rule == SpeakerRule::AccordingTo || f.cue.is_some_and(|c| c.0 == j + 1);
                if according || limit - ends <= 4 || (t.verb(verb_at).is_some() && !own_subject) {
                    return Some(Found {
                        rule: SpeakerRule::CueAfter,
                        ..f
                    });
                }
            }
        }
        if t.verb(j).is_some() && t.low(j + 1) == b"by" && !t.is_cap(j) {
            if let Some(np) = t
                .np_starting_at(j + 2, limit)
                .filter(|np| np.pronoun.is_none())
            {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueAfter,
                    cue: Some((j, j + 2)),
                });
            }
        }
    }
    None
}

/// The words that describe an unnamed source after its head noun — "a source close to the
/// campaign", "a spokesman for Disney", "an adviser to both Clintons" — up to a verb, punctuation
/// or `limit`. Returns the end of the description (`np.end` when there is none).
pub fn nominal_tail(t: &Toks, np: Np, limit: usize) -> usize {
    let e = np.end;
    if np.pronoun.is_none() && e < limit && t.is_cap(e - 1) && t.low(e) == b"of" {
        // "Mr. Morgan of the Sierra Club said", "Jeff Merkley of Oregon said": the name speaks.
        let mut j = e + 1 + usize::from(t.low(e + 1) == b"the");
        let run = j;
        while j < limit && j - run < 5 && t.is_cap(j) {
            j += 1;
        }
        let verb_next = t.verb(j).is_some_and(|f| f != VerbForm::Gerund);
        return if j > run && verb_next { j } else { e };
    }
    if np.pronoun.is_some() || e >= limit || t.is_cap(e - 1) || !t.is_word(e) {
        return e;
    }
    // "a 2013 study by economists Peter Schott and Justin Pierce", "a complaint filed by the
    // Securities and Exchange Commission": an author after "by" describes the source too.
    let participle = t.low(e).ends_with(b"ed") && t.low(e + 1) == b"by";
    let by = t.low(e) == b"by" || participle;
    let start = match t.word(e) {
        "close" | "familiar" | "involved" | "loyal" | "allied"
            if matches!(t.low(e + 1), b"to" | b"with" | b"in") =>
        {
            e + 2
        }
        "to" | "for" | "of" | "at" | "with" | "from" | "in" | "on" | "by" => e + 1,
        _ if participle => e + 2,
        _ => return e,
    };
    // "Schott and Justin Pierce": "and" between capitalised words joins two names.
    let joins_names = |j: usize| t.low(j) == b"and" && t.is_cap(j - 1) && t.is_cap(j + 1);
    let mut j = start;
    while j < limit
        && j - e < 8
        && t.is_word(j)
        // "the State Department": capitalised, a verb's form is a name's word.
        && (t.verb(j).is_none() || t.is_cap(j))
        // Any other verb ends the description too: "a paper from Brookings had this to say".
        && !t.is_adverb(j)
        && (joins_names(j)
            // "… inspector general to be released": an infinitive ends it.
            || !matches!(
                t.low(j),
                b"who" | b"which" | b"that" | b"and" | b"but" | b"as" | b"is" | b"was" | b"to"
            ))
        && (!t.low(j).ends_with(b"ed") || t.is_cap(j))
    {
        j += 1;
    }
    // "said by phone": an author is named, not a means.
    if by && !(start..j).any(|k| t.is_cap(k)) {
        return e;
    }
    // A description ends on a noun, not on "the" or "of" before a quotation.
    while j > start
        && t.class(j - 1)
            .has(WordClass::FUNCTION | WordClass::DETERMINER | WordClass::PREPOSITION)
    {
        j -= 1;
    }
    if j == start {
        e
    } else {
        j
    }
}

/// "said a spokeswoman for the hotels, Jennifer Rodstrom." / "the nominee, Donald Trump,
/// tweeted": a name set off by commas right after a nominal is who the nominal is.
pub fn named_apposition(t: &Toks, after: usize, limit: usize) -> Option<Np> {
    if after >= limit {
        return None;
    }
    // "the base chief known as Bob", "a contractor identified only as John": the name given.
    let start = if t.is_punct(after, ',') {
        after + 1
    } else if matches!(t.low(after), b"known" | b"identified") {
        let only = usize::from(t.low(after + 1) == b"only");
        if t.low(after + 1 + only) != b"as" {
            return None;
        }
        after + 2 + only
    } else {
        return None;
    };
    let np = t.np_starting_at(start, limit)?;
    let named = np.pronoun.is_none() && t.is_cap(np.start) && t.is_cap(np.end - 1);
    let closed = np.end >= limit || t.is_punct(np.end, ',') || t.is_punct(np.end, '.');
    (named && closed).then_some(np)
}

/// `X said, "Q."` / `X told reporters that … "Q"` / `according to X, "Q"`: the nearest reporting
/// verb before the quote in its clause, and its subject.
pub fn before(t: &Toks, k: usize, cs: usize) -> Option<Found> {
    let cs = cs.max(k.saturating_sub(WINDOW));
    let mut v = k;
    let mut gerund_seen = false;
    while v > cs {
        v -= 1;
        // "After the firebombing (Clinton called it …), Trump inflamed tensions by saying":
        // a verb inside a parenthesis reports the aside, not the quotation after it.
        if t.is_punct(v, ')') {
            if let Some(open) = (cs..v).rev().find(|&j| t.is_punct(j, '(')) {
                v = open;
                continue;
            }
        }
        if t.low(v) == b"according" && t.low(v + 1) == b"to" {
            let np = t.np_starting_at(v + 2, k)?;
            return Some(Found {
                np,
                rule: SpeakerRule::AccordingTo,
                cue: Some((v, v + 2)),
            });
        }
        // "As The Post's Dana Milbank puts it, “Q”".
        if matches!(t.low(v), b"puts" | b"put") && t.low(v + 1) == b"it" {
            if let Some(np) = t.subject_of(v, cs).filter(|np| np.pronoun.is_none()) {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueBefore,
                    cue: Some((v, v + 2)),
                });
            }
        }
        let Some(form) = t.verb(v) else { continue };
        let after_aux = v > cs && t.class(v - 1).has(WordClass::AUXILIARY);
        // "Byrne went on to say, …", "She continued to say …": the base form reports for the
        // verb that governs it.
        let governed = (form == VerbForm::Base && v > cs + 2 && t.low(v - 1) == b"to")
            .then(|| match (t.word(v - 3), t.word(v - 2)) {
                ("went" | "goes" | "go" | "going", "on") => Some(v - 3),
                (_, "continued" | "continues" | "proceeded" | "proceeds") => Some(v - 2),
                _ => None,
            })
            .flatten();
        // "only for Trump to tweet that …": the infinitive's own subject follows "for".
        let for_subject = || {
            (form == VerbForm::Base && v > cs + 3 && t.low(v - 1) == b"to")
                .then(|| t.np_ending_at(v - 2, cs))
                .flatten()
                .filter(|np| np.start > cs && t.low(np.start - 1) == b"for")
        };
        if let Some(np) = governed
            .and_then(|g| t.subject_of(g, cs))
            .or_else(for_subject)
        {
            return Some(Found {
                np,
                rule: SpeakerRule::CueBefore,
                cue: Some(cue_range(t, v, k)),
            });
        }
        if (t.is_cap(v) && v > cs) || (form == VerbForm::Base && !after_aux) {
            // A base form ("would respond", "to say") rarely introduces the quote that follows.
            continue;
        }
        let cue = Some(cue_range(t, v, k));
        if t.low(v + 1) == b"by" {
            // The agent of a passive: "Asked by Thrush if …".
            if let Some(np) = t.np_starting_at(v + 2, k).filter(|np| np.pronoun.is_none()) {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueBefore,
                    cue: Some((v, v + 2)),
                });
            }
        }
        if form == VerbForm::Gerund {
            // "with Donald Trump tweeting that …", "footage of Trump saying …", "— Ryan saying
            // he was … and Trump calling it …": a name right before the gerund is its subject.
            // "with the former secretary of state calling …": a role and its complement.
            let role_of = || {
                (v >= cs + 3 && t.low(v - 2) == b"of")
                    .then(|| t.np_ending_at(v - 3, cs))
                    .flatten()
                    .filter(|np| np.pronoun.is_none() && t.class(np.end - 1).has(WordClass::ROLE))
                    .map(|np| Np { end: v, ..np })
            };
            // "with many marchers and spectators chanting …": a plural joined to a nominal.
            let coordinated = || {
                (v >= cs + 3 && t.low(v - 2) == b"and" && t.is_word(v - 1) && !t.is_cap(v - 1))
                    .then(|| t.np_ending_at(v - 3, cs))
                    .flatten()
                    .filter(|first| first.pronoun.is_none() && !t.is_cap(first.end - 1))
                    .map(|first| Np { end: v, ..first })
            };
            // "with one of her ads asking …": a quantifier and "of" before the nominal head it.
            let quantified = |np: Np| {
                let q = np.start.wrapping_sub(2);
                let counted =
                    np.start >= cs + 2 && t.low(np.start - 1) == b"of" && t.is_quantifier(q);
                if counted {
                    Np { start: q, ..np }
                } else {
                    np
                }
            };
            if let Some(np) = t
                .np_ending_at(v.wrapping_sub(1), cs)
                .map(quantified)
                .or_else(coordinated)
                .or_else(role_of)
            {
                let introduced = np.start > cs
                    && (matches!(
                        t.low(np.start - 1),
                        b"with" | b"of" | b"and" | b"but" | b"has" | b"have" | b"had"
                    ) || t.is_punct(np.start - 1, '—')
                        || t.is_punct(np.start - 1, '–'));
                // "with many marchers chanting …": a noun that can speak may be the subject too.
                let speaks = t.is_cap(np.end - 1)
                    || Lexicon::get().can_speak(t.word(np.end - 1))
                    || t.word(np.end.wrapping_sub(2)) == "of";
                if introduced && np.pronoun.is_none() && speaks {
                    return Some(Found {
                        np,
                        rule: SpeakerRule::CueBefore,
                        cue,
                    });
                }
            }
            // "…, citing …", "adding that …": the gerund's subject is the clause's main speaker.
            gerund_seen = true;
            continue;
        }
        if let Some(np) = t.subject_of(v, cs) {
            return Some(Found {
                np,
                rule: SpeakerRule::CueBefore,
                cue,
            });
        }
        // "…, but now said": adverbs may stand between the conjunction and the verb.
        let mut c = v;
        while c > cs + 1 && v - c < 2 && t.is_adverb(c - 1) && t.low(c - 1) != b"then" {
            c -= 1;
        }
        if c > cs && matches!(t.low(c - 1), b"and" | b"but" | b"or" | b"then" | b"yet") {
            // A coordinated verb shares the clause's subject: "She defended it, but admitted …";
            // after a dash a new clause opens ("she drew his ire — he called her … and said").
            let dash = (cs..c).rev().find(|&j| t.is_clause_dash(j));
            let after_dash = dash.and_then(|d| clause_subject(t, d + 1, v));
            if let Some(np) = after_dash.or_else(|| clause_subject(t, cs, v)) {
                return Some(Found {
                    np,
                    rule: SpeakerRule::CueBefore,
                    cue,
                });
            }
        }
        let inverted_place =
            v == cs || t.is_punct(v - 1, ',') || matches!(t.toks[v - 1].kind, TokKind::Quote(_));
        if form == VerbForm::Finite && inverted_place && may_invert(t, v) {
            // Inverted: `…, said Biden, "Q"`.
            if let Some(np) = t.np_starting_at(v + 1, k) {
                if np.pronoun.is_none() {
                    return Some(Found {
                        np,
                        rule: SpeakerRule::CueBefore,
                        cue,
                    });
                }
            }
        }
    }
    if gerund_seen {
        return clause_subject(t, cs, k).map(|np| Found {
            np,
            rule: SpeakerRule::CueBefore,
            cue: None,
        });
    }
    None
}

/// Can the noun after the verb at `v` be its inverted subject ("…, said Biden")? Not after a
/// verb whose next noun is always its object ("told Fox News", "thanked Obama").
pub fn may_invert(t: &Toks, v: usize) -> bool {
    !Lexicon::get().grammar.never_inverted.contains(t.word(v))
}

/// The token after an aside opening at `i` — an apposition (", a former party chairman,") or a
/// dashed aside ("— who is being vetted as a running mate —"): `i` itself when none opens
/// there, `None` when it does not close within reach.
pub fn past_aside(t: &Toks, i: usize, limit: usize) -> Option<usize> {
    let Some(c) = [',', '—', '–'].into_iter().find(|&c| t.is_punct(i, c)) else {
        return Some(i);
    };
    (i + 1..limit.min(i + 20))
        .find(|&j| t.is_punct(j, c))
        .map(|close| close + 1)
}

/// The subject of a clause: its first name or pronoun that is not the object of a preposition
/// and is followed by a verb-like lowercase word ("After the Paris attacks, Trump released …").
pub fn clause_subject(t: &Toks, cs: usize, limit: usize) -> Option<Np> {
    let cs = cs.max(limit.saturating_sub(WINDOW));
    let mut i = cs;
    while i < limit {
        // "After the firebombing (Clinton called it …), Trump inflamed tensions": a
        // parenthesis is an aside, and a subject inside it is not the clause's.
        if t.is_punct(i, '(') {
            match (i + 1..limit).find(|&j| t.is_punct(j, ')')) {
                Some(close) => {
                    i = close + 1;
                    continue;
                }
                None => break,
            }
        }
        // "In August, several environmental groups granted Mr. Clarke …": a quantifier may open
        // the subject too, when a finite verb follows right after its noun.
        let quantified = t.is_quantifier(i);
        let starts_np =
            t.pronoun(i).is_some() || t.is_cap(i) || matches!(t.low(i), b"the" | b"a" | b"an");
        if quantified {
            if let Some(np) = t.np_starting_at(i, limit).filter(|np| {
                let v = np.end;
                !after_preposition(t, cs, i)
                    && t.is_word(v)
                    && !t.is_cap(v)
                    && (t.verb(v) == Some(VerbForm::Finite)
                        || t.class(v).has(WordClass::AUXILIARY | WordClass::FINITE)
                        || (t.low(v).len() > 4 && t.low(v).ends_with(b"ed")))
            }) {
                return Some(np);
            }
        }
        if !starts_np {
            i += 1;
            continue;
        }
        let after_prep = after_preposition(t, cs, i);
        let Some(np) = t.np_starting_at(i, limit) else {
            i += 1;
            continue;
        };
        // "When I asked Sanders …, he looked up and said": the writer names no source; the
        // clause's next subject may.
        if np.pronoun == Some(PronounKind::Narrator) {
            i = np.end;
            continue;
        }
        // Skip an apposition: "Dean, a former party chairman, poked at …".
        let after = past_aside(t, np.end, limit).unwrap_or(np.end);
        let next_is_verb = t.is_word(after)
            && !t.is_cap(after)
            && !matches!(t.low(after), b"of" | b"and" | b"or")
            // "A few days later, Trump …": a time, not a subject.
            && !Lexicon::get().grammar.time_words.contains(t.word(after));
        // "Reading from a prepared text, Carson …", "Hastily arranged …", "Declaring himself
        // …": a capitalised gerund or adverb opening the clause before a lowercase word (not a
        // reporting verb) is no name (but "Manning of the Post" and "Donnelly said" may be).
        let w = t.word(np.start);
        let next = np.end;
        let opener = np.end == np.start + 1
            && (np.start == cs || !t.is_word(np.start - 1))
            && w.len() > 5
            && !Lexicon::get().given_names.contains_key(w)
            && t.is_word(next)
            && !t.is_cap(next)
            && t.verb(next).is_none()
            && t.low(next) != b"of"
            && (w.ends_with("ly") || w.ends_with("ing"));
        if opener {
            i = np.end;
            continue;
        }
        if !after_prep && next_is_verb && !super::tokens::is_possessive(t.np_text(np)) {
            return Some(np);
        }
        i = np.end.max(i + 1);
    }
    None
}

/// Is the word at `i` governed by a preposition before it ("After the Paris attacks")?
fn after_preposition(t: &Toks, cs: usize, i: usize) -> bool {
    i > cs && t.is_clause_preposition(i - 1)
}

/// `Clinton's response was: "Q"`, `The senator's answer was that "Q"`: the owner of a word for
/// an utterance, standing right before the quotation, said it.
pub fn possessive_utterance(t: &Toks, k: usize, cs: usize) -> Option<Found> {
    let mut j = k.checked_sub(1)?;
    let linking =
        |j: usize| t.is_punct(j, ':') || t.is_punct(j, ',') || t.is_dash(j) || t.low(j) == b"that";
    while j > cs && linking(j) {
        j -= 1;
    }
    if t.class(j).has(WordClass::FINITE) {
        j = j.checked_sub(1)?;
    }
    // "Bill Clinton's stock answer then —".
    if j > cs && t.is_adverb(j) && !t.class(j).has(WordClass::AUXILIARY) {
        j -= 1;
    }
    // Something must link the noun to the quotation: "Clinton's response “Q”" is no report.
    if j + 1 >= k || !Lexicon::get().grammar.utterance_nouns.contains(t.word(j)) {
        return None;
    }
    // Up to two lowercase modifiers: "Trump's stock answer".
    let mut p = j.checked_sub(1)?;
    let owner = |p: usize| t.is_possessive_at(p);
    for _ in 0..2 {
        if p > cs && !owner(p) && t.is_word(p) && !t.is_cap(p) {
            p -= 1;
        }
    }
    if p < cs || !owner(p) {
        return None;
    }
    let np = t.np_ending_at(p, cs).filter(|np| np.pronoun.is_none())?;
    Some(Found {
        np,
        rule: SpeakerRule::CueBefore,
        cue: Some((j, j + 1)),
    })
}
