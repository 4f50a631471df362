//! One test per quotation and attribution rule, on short texts written for the test.

use briefing::input::RawArticle;
use briefing::model::{Document, QuoteKind, SpanRule, SpeakerKind, SpeakerRule};
use briefing::parse::Meta;

fn parse(text: &str) -> Document {
    RawArticle {
        meta: Meta {
            id: "t".into(),
            ..Meta::default()
        },
        text: text.to_string(),
        warnings: vec![],
    }
    .parse()
}

/// (quote text, speaker) for every quote.
fn attributions(text: &str) -> Vec<(String, Option<String>)> {
    let d = parse(text);
    d.quotes
        .iter()
        .map(|q| {
            (
                d.quote_text(q).to_string(),
                d.speaker_name(q).map(String::from),
            )
        })
        .collect()
}

fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    attributions(text)
        .into_iter()
        .find(|(q, _)| q.starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quote starting {quote_start:?} in {text:?}"))
        .1
}

const INTRO: &str = "Senator Maria Lopez and Governor Tom Reed met on Monday.\n\n";

#[test]
fn cue_after_name_said() {
    let t = format!("{INTRO}“We will fund the schools,” Lopez said.");
    assert_eq!(speaker_of(&t, "“We will").as_deref(), Some("Maria Lopez"));
}

#[test]
fn cue_after_said_name() {
    let t = format!("{INTRO}“We will fund the schools,” said Reed.");
    assert_eq!(speaker_of(&t, "“We will").as_deref(), Some("Tom Reed"));
}

#[test]
fn cue_before_with_comma_and_colon() {
    let t = format!("{INTRO}Reed said, “The budget is tight.”\n\nLopez said: “It is not.”");
    assert_eq!(speaker_of(&t, "“The budget").as_deref(), Some("Tom Reed"));
    assert_eq!(speaker_of(&t, "“It is not").as_deref(), Some("Maria Lopez"));
}

#[test]
fn told_reporters_that_with_a_partial_quote() {
    let t = format!(
        "{INTRO}Lopez told reporters in Austin that the plan was “dead on arrival” and unfair."
    );
    let d = parse(&t);
    let q = &d.quotes[0];
    assert_eq!(d.speaker_name(q), Some("Maria Lopez"));
    assert_eq!(q.kind, QuoteKind::Partial);
    assert_eq!(q.cue.as_ref().map(|c| &*c.text), Some("told reporters"));
}

#[test]
fn according_to() {
    let t = format!("{INTRO}The deal is “nearly done,” according to Reed.");
    assert_eq!(speaker_of(&t, "“nearly").as_deref(), Some("Tom Reed"));
    let d = parse(&t);
    assert_eq!(
        d.quotes[0].provenance.speaker_rule,
        SpeakerRule::AccordingTo
    );
}

#[test]
fn apposition_and_relative_clause_between_name_and_verb() {
    let t = "“We are ready,” Penny Nance, president of Concerned Women for America, said.\n\n\
             Dan Ortiz, who chairs the board, said, “We are not.”";
    assert_eq!(
        speaker_of(t, "“We are ready").as_deref(),
        Some("Penny Nance")
    );
    assert_eq!(speaker_of(t, "“We are not").as_deref(), Some("Dan Ortiz"));
}

#[test]
fn surname_resolves_to_the_full_name_and_titles_are_stripped() {
    let t = "Sen. Lindsey Graham spoke first. “Enough,” Graham said.";
    let d = parse(t);
    assert_eq!(d.speaker_name(&d.quotes[0]), Some("Lindsey Graham"));
    let sp = &d.speakers[0];
    assert!(sp.mentions.iter().any(|m| &**m == "Graham"));
    assert_eq!(sp.role.as_deref(), Some("Sen."));
}

#[test]
fn role_nominal_resolves_to_the_person_given_that_role() {
    let t = "French President Anne Morel met German Chancellor Karl Weber.\n\n\
             “We disagree on tariffs,” the French president said.\n\n\
             His German counterpart said he was “hopeful” about a deal.";
    assert_eq!(speaker_of(t, "“We disagree").as_deref(), Some("Anne Morel"));
    assert_eq!(speaker_of(t, "“hopeful").as_deref(), Some("Karl Weber"));
}

#[test]
fn pronoun_resolves_to_the_most_recent_compatible_speaker() {
    let t = "Maria Lopez criticised Tom Reed on Tuesday.\n\n“It is a disgrace,” she said.\n\n\
             Reed answered later. “I stand by it,” he said.";
    assert_eq!(speaker_of(t, "“It is").as_deref(), Some("Maria Lopez"));
    assert_eq!(speaker_of(t, "“I stand").as_deref(), Some("Tom Reed"));
}

#[test]
fn possessives_are_not_antecedents() {
    let t =
        "Ted Park, Lopez’s running mate, could not stop it. “We will accept the result,” he said.";
    assert_eq!(speaker_of(t, "“We will").as_deref(), Some("Ted Park"));
}

#[test]
fn organisations_speak() {
    let t = "The Kremlin said the talks were “useful.” The United States warned it would act.";
    assert_eq!(speaker_of(t, "“useful").as_deref(), Some("Kremlin"));
}

#[test]
fn unnamed_sources_keep_their_noun_phrase() {
    let t = "“We are watching closely,” a White House official said.";
    assert_eq!(
        speaker_of(t, "“We are").as_deref(),
        Some("a White House official")
    );
}

#[test]
fn cue_less_quotes_continue_the_previous_speaker() {
    let t = format!(
        "{INTRO}“We will fund the schools,” Lopez said. “And the roads.”\n\n“Nobody else will,” she added.\n\n“Taxes stay flat.”"
    );
    let a = attributions(&t);
    assert!(
        a.iter().all(|(_, s)| s.as_deref() == Some("Maria Lopez")),
        "{a:?}"
    );
    let d = parse(&t);
    assert_eq!(
        d.quotes[1].provenance.speaker_rule,
        SpeakerRule::Continuation
    );
}

#[test]
fn multi_paragraph_quote_is_one_speaker() {
    let t = "Maria Lopez spoke at length. “The first part of the plan is schools.\n\n“The second part is roads,” she said.";
    let d = parse(t);
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(
        d.quotes[0].provenance.span_rule,
        SpanRule::ContinuedParagraph
    );
    assert!(d
        .quotes
        .iter()
        .all(|q| d.speaker_name(q) == Some("Maria Lopez")));
}

#[test]
fn no_speaker_is_better_than_a_guess() {
    let t = "The sign read “Closed for the season, see you in spring.”";
    let a = attributions(t);
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].1, None);
}

#[test]
fn titles_and_scare_quotes_are_not_speech_but_partial_quotes_in_indirect_speech_are() {
    let t = "She watched “Meet the Press” and the so-called “experts” on Sunday.\n\n\
             Tom Reed said he had agreed to “begin consultations” soon.";
    let a = attributions(t);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "“begin consultations”");
    assert_eq!(a[0].1.as_deref(), Some("Tom Reed"));
}

#[test]
fn nested_single_quotes_stay_inside_the_outer_quote() {
    let t = "“They called it ‘a disaster’ on air,” Reed said.";
    let d = parse(t);
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].nested.len(), 1);
    assert_eq!(d.speaker_name(&d.quotes[0]), Some("Reed"));
}

#[test]
fn unbalanced_mark_stays_in_its_paragraph() {
    let t = "Reed said “this never closes.\n\nA new paragraph with “a real quote,” Lopez said.";
    let d = parse(t);
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(
        d.quotes[0].provenance.span_rule,
        SpanRule::UnclosedInParagraph
    );
    assert!(d.paragraphs[0].span.contains(d.quotes[0].span));
    assert!(d.warnings.iter().any(|w| w.contains("unbalanced")));
}

// Regression tests for the error classes worked in the attribution-quality issue. Each text is
// written for the test.

#[test]
fn cue_closing_the_sentence_further_on() {
    let t = "His backing will carry “a lot of weight” with voters, party spokesman Neil Orr said.";
    assert_eq!(speaker_of(t, "“a lot").as_deref(), Some("Neil Orr"));
    let t = "It may mean saying, “Take it one day at a time,” and moving on, says psychologist Ann Moss.";
    assert_eq!(speaker_of(t, "“Take").as_deref(), Some("Ann Moss"));
}

#[test]
fn passive_agents_speak() {
    let t = "The handling was “extremely careless,” as described by FBI Director Jim Cole.";
    assert_eq!(speaker_of(t, "“extremely").as_deref(), Some("Jim Cole"));
    let t = "Asked by Glenn Short if the mayor “gets” it, the aide shrugged.";
    assert_eq!(speaker_of(t, "“gets").as_deref(), Some("Glenn Short"));
}

#[test]
fn a_colon_hands_the_quote_to_the_clause_subject() {
    let t = "Asked about the county, Senator Ray Cruz demurred: “Whichever one I am in.”";
    assert_eq!(speaker_of(t, "“Whichever").as_deref(), Some("Ray Cruz"));
}

#[test]
fn appositions_in_every_shape() {
    let t =
        "Ramil Carr, 31, a freelance photographer, said it was the “perfect opportunity” to act.";
    assert_eq!(speaker_of(t, "“perfect").as_deref(), Some("Ramil Carr"));
    let t = "Another delegate on the slate, Jim Poolman, said he was only “leaning Cruz.”";
    assert_eq!(speaker_of(t, "“leaning").as_deref(), Some("Jim Poolman"));
    let t = "Jeff Hems, the co-author of “Going Viral,” about rumours, said the days of “a unifying story” are gone.";
    assert_eq!(speaker_of(t, "“a unifying").as_deref(), Some("Jeff Hems"));
    let t = "“It is over,” Rep. Emanuel Cleaver II (D-Mo.) said.";
    assert_eq!(
        speaker_of(t, "“It is").as_deref(),
        Some("Emanuel Cleaver II")
    );
    let t = "“We need a strategy,” Nate Silver, the analyst who founded fivethirtyeight.com tweeted on Wednesday.";
    assert_eq!(speaker_of(t, "“We need").as_deref(), Some("Nate Silver"));
}

#[test]
fn reported_speech_carries_a_following_cueless_quote() {
    let t = "Democrats could push for a change, said Bart Nolan, an advocate for Public Citizen. “It would avoid a fight.”";
    assert_eq!(speaker_of(t, "“It would").as_deref(), Some("Bart Nolan"));
    let t = "Rules fight\n\nBruce Ash argued in his email that the rules failed.\n\n“Is it prudent to continue like this?”";
    assert_eq!(speaker_of(t, "“Is it").as_deref(), Some("Bruce Ash"));
}

#[test]
fn honorifics_pick_the_right_family_member() {
    let t = "Michelle Obama and Barack Obama spoke. Later Michelle Obama left.\n\n“Our progress is on the ballot,” Mr. Obama said.";
    assert_eq!(speaker_of(t, "“Our").as_deref(), Some("Barack Obama"));
}

#[test]
fn inverted_past_tense_outside_the_lexicon() {
    let t = "Donald Trump watched the speech.\n\n“What sport is he talking about?” reacted Trump.";
    assert_eq!(speaker_of(t, "“What").as_deref(), Some("Donald Trump"));
}

#[test]
fn a_place_after_of_is_not_part_of_the_name() {
    let t = "Another superdelegate, Michael Brown of Washington, explained his support.\n\n“It is time,” he declared.";
    assert_eq!(speaker_of(t, "“It is").as_deref(), Some("Michael Brown"));
}

#[test]
fn numeric_subjects_and_verbs_are_not_nominals() {
    let t = "Among Democrats, 21 percent said “not too likely” and the rest disagreed.";
    assert_eq!(speaker_of(t, "“not too").as_deref(), Some("21 percent"));
}

#[test]
fn markup_attributes_are_not_quotes_of_anyone() {
    let t = "<tweet id=\"123\" author=\"someone\">Hello</tweet> and that was all.";
    assert!(attributions(t).is_empty());
}

#[test]
fn works_and_labels_in_title_case_are_not_speech() {
    let t = "On Sunday, Bernie Sanders said on NBC's “Meet the Press” that her judgment was “clearly lacking.”";
    let a = attributions(t);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "“clearly lacking.”");
    let t = "She became a voice for reform after a screening of her film, “Trainwreck.”";
    assert!(attributions(t).is_empty());
}

#[test]
fn a_name_before_a_colon_speaks() {
    let t = "Pew Research: “All the samples include more engaged people than benchmarks indicate.”";
    assert_eq!(speaker_of(t, "“All").as_deref(), Some("Pew Research"));
}

#[test]
fn fronted_clauses_and_auxiliary_verbs() {
    let t = "And in explaining why those “common-sense solutions” had failed, Clinton described a rigged system.";
    assert_eq!(speaker_of(t, "“common").as_deref(), Some("Clinton"));
    let t = "Donald Trump did post on Friday that his claims were “sarcasm” after all.";
    assert_eq!(speaker_of(t, "“sarcasm").as_deref(), Some("Donald Trump"));
}

#[test]
fn junk_noun_phrases_never_become_speakers() {
    // "his recent" or "the summer" are not sources; with no real cue the quote stays unattributed.
    let t = "In his recent remarks about “the economy of tomorrow” the summer went by.";
    let a = attributions(t);
    assert!(a.iter().all(|(_, s)| s.is_none()), "{a:?}");
    let t = "“It was brutal,” the actress said.";
    assert_eq!(speaker_of(t, "“It was").as_deref(), Some("the actress"));
}

#[test]
fn coordinated_verbs_share_the_subject_and_according_to_reaches_far() {
    let t = "Maria Lopez spoke on Monday.\n\nShe was defending the group, but admitted “one or two instances” of failure.";
    assert_eq!(speaker_of(t, "“one or").as_deref(), Some("Maria Lopez"));
    let t = "People held a nationwide “walk-in” at schools, according to the event organizer Alliance to Reclaim Our Schools (AROS).";
    assert!(speaker_of(t, "“walk-in").is_some_and(|s| s.contains("Alliance")));
}

#[test]
fn the_most_mentioned_bearer_of_a_surname_speaks() {
    let t = "Bernie Sanders rallied in Syracuse. Bernie Sanders spoke for an hour. His wife Jane Sanders joined him.\n\n“You got the names of everybody?” Sanders said.";
    assert_eq!(speaker_of(t, "“You got").as_deref(), Some("Bernie Sanders"));
}

#[test]
fn parenthetical_and_apposition_before_a_reporting_verb() {
    let t = "Sen. Ted Cruz (R-Tex.), a candidate for president, tweeted a warning. “Remember in November.”";
    assert_eq!(speaker_of(t, "“Remember").as_deref(), Some("Ted Cruz"));
}

#[test]
fn quoted_numbers_are_quotes_but_heights_are_not() {
    let t = "State Rep. Rio Tilton is \"99.9\" percent certain he will vote. He is 6'2\" tall.";
    let a = attributions(t);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].0, "\"99.9\"");
}

#[test]
fn a_noun_after_title_case_words_names_them() {
    let t =
        "As the “Never Trump” movement fights on, Ann Lee said the party was “in real trouble.”";
    let a = attributions(t);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].1.as_deref(), Some("Ann Lee"));
}

#[test]
fn relatives_and_unlisted_verbs_with_a_time() {
    let t = "He echoed Sen. Ron Johnson (R-Wis.), who told a newspaper that she could be impeached for “willful concealment.”";
    assert_eq!(speaker_of(t, "“willful").as_deref(), Some("Ron Johnson"));
    let t = "“They would have gone to the only bipartisan bill,” Pat Toomey fumed on Tuesday.";
    assert_eq!(speaker_of(t, "“They").as_deref(), Some("Pat Toomey"));
    let t = "Bernie Sanders rallied young people against the “rigged economy” that he says is kept by donors.";
    assert_eq!(speaker_of(t, "“rigged").as_deref(), Some("Bernie Sanders"));
    let t = "Sen. Jo Vitt spoke. His office put out a statement saying the country “cannot vet every refugee.”";
    assert_eq!(speaker_of(t, "“cannot").as_deref(), Some("His office"));
}

#[test]
fn absolute_constructions_and_inverted_cues_far_after() {
    let t = "Republicans were quick to chime in, with Donald Trump tweeting that it was a “disaster” for her.";
    assert_eq!(speaker_of(t, "“disaster").as_deref(), Some("Donald Trump"));
    let t = "China's influence has grown, and it has used “velvet gloves” in Central Asia, said Nargis Kassenova, an expert at KIMEP University.";
    assert_eq!(
        speaker_of(t, "“velvet").as_deref(),
        Some("Nargis Kassenova")
    );
}

#[test]
fn names_as_modifiers_and_places_after_of() {
    let t = "“Focus your votes on this group,” said the printed Cruz slate card.";
    assert_eq!(
        speaker_of(t, "“Focus").as_deref(),
        Some("the printed Cruz slate card")
    );
    let t = "“We should get rid of superdelegates,” said Sen. Jeff Merkley of Oregon, the only senator to endorse him.";
    assert_eq!(speaker_of(t, "“We should").as_deref(), Some("Jeff Merkley"));
}

#[test]
fn writings_read_and_long_appositions() {
    let t = "“If she wants to be president, she should come to Louisiana,” the editorial read.";
    assert_eq!(speaker_of(t, "“If she").as_deref(), Some("the editorial"));
    let t = "“These are steps in the right direction,” Anne Rich, assistant secretary for population, refugees, and migration, said on Monday.";
    assert_eq!(speaker_of(t, "“These").as_deref(), Some("Anne Rich"));
    let t = "“Let me help you out,” the Republican vice-presidential nominee riffed on Tuesday.";
    assert_eq!(
        speaker_of(t, "“Let me").as_deref(),
        Some("the Republican vice-presidential nominee")
    );
}

#[test]
fn a_cue_verb_is_not_counted_again_as_reported_speech() {
    let t = "Poll\n\nVoters were asked.\n\n\"Both of them scare me,\" Harry Bond, 30, of Raleigh, N.C., who was among those polled, said in an interview. \"We need people who bring people together.\"";
    assert_eq!(speaker_of(t, "\"We need").as_deref(), Some("Harry Bond"));
}

#[test]
fn as_x_put_it_and_as_x_said() {
    let t = "The main requirement is a “lawful source of investment income,” as a Homeland Security memo put it.";
    assert_eq!(
        speaker_of(t, "“lawful").as_deref(),
        Some("a Homeland Security memo")
    );
    let t = "Donald Trump spoke in Iowa. The country is “a mess,” as Trump said on Monday.";
    assert_eq!(speaker_of(t, "“a mess").as_deref(), Some("Donald Trump"));
}

#[test]
fn title_case_lines_do_not_make_names() {
    // A Title Case headline names no "Difference Between Ann Weber", and a sentence opening with
    // a preposition names no "Like Weber".
    let t = "Budget Talks Show The Difference Between Ann Weber And Tom Reed\n\nGov. Ann Weber spoke in Salem on Friday.\n\n“We balanced the books,” she said.\n\nLike Weber, their days begin at dawn. “We work,” she said.";
    assert_eq!(speaker_of(t, "“We balanced").as_deref(), Some("Ann Weber"));
    assert_eq!(speaker_of(t, "“We work").as_deref(), Some("Ann Weber"));
    let d = parse(t);
    assert!(
        d.speakers
            .iter()
            .all(|s| !s.name.contains("Difference") && !s.name.starts_with("Like")),
        "{:?}",
        d.speakers.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_possessive_before_a_noun_verb_is_no_subject() {
    // "comments" after "Weber's latest" is a noun: the reporting verb is "said", its subject Reed.
    let t =
        format!("{INTRO}Reed said Lopez’s latest comments showed “a lack of respect for voters.”");
    assert_eq!(speaker_of(&t, "“a lack").as_deref(), Some("Tom Reed"));
    let t = format!(
        "{INTRO}Dana Cole, an aide to the governor, called Lopez’s remarks “a cheap stunt.”"
    );
    assert_eq!(speaker_of(&t, "“a cheap").as_deref(), Some("Dana Cole"));
}

#[test]
fn a_name_before_its_apposition_and_relative_clause() {
    let t = "Union Rally\n\nMark Hale, president of the Teachers Union, which represents city teachers, said he hopes the rally shows that “parents stand with us.”";
    assert_eq!(speaker_of(t, "“parents").as_deref(), Some("Mark Hale"));
}

#[test]
fn the_outer_reporting_verb_speaks_when_the_inner_subject_is_no_one() {
    // "suggested" has no speaker of its own ("who" refers back to a nobody), so "told" reports
    // the quoted clause.
    let t = format!(
        "{INTRO}Lopez firmly told a young voter who suggested that people may stay home that “this is not the time to give up.”"
    );
    assert_eq!(speaker_of(&t, "“this is").as_deref(), Some("Maria Lopez"));
}

#[test]
fn manner_and_repetition_verbs_report_speech() {
    let t = format!("{INTRO}“Go back to your seat,” Reed barked.");
    assert_eq!(speaker_of(&t, "“Go back").as_deref(), Some("Tom Reed"));
    let t = format!("{INTRO}Lopez likened the rules to “burning the constitution.”");
    assert_eq!(speaker_of(&t, "“burning").as_deref(), Some("Maria Lopez"));
    let t = format!("{INTRO}Reed also repeated his claim that the plan is “dead on arrival.”");
    assert_eq!(speaker_of(&t, "“dead").as_deref(), Some("Tom Reed"));
    let t = "Ward Staff\n\nJane Potts, 40, echoed:\n\n“We need more staff on every ward.”";
    assert_eq!(speaker_of(t, "“We need").as_deref(), Some("Jane Potts"));
}

#[test]
fn plural_nouns_after_a_possessive_are_no_verbs() {
    // "emails" is no reporting verb and "repeated" after "Reed's" is an adjective.
    let t = format!(
        "{INTRO}The agency marked 22 Reed emails as “top secret.” Lopez faulted Reed’s repeated calls for cuts, noting he has “never met a teacher.”"
    );
    // (The agency itself may be credited with its label; Reed never.)
    assert!(attributions(&t).iter().all(
        |(q, s)| !q.contains("top secret") || s.as_deref().is_none_or(|s| !s.contains("Reed"))
    ));
    assert_eq!(speaker_of(&t, "“never met").as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_coordinated_verb_after_an_adverb_shares_the_subject() {
    let t = "Hale Switches\n\nHouse Republican Tom Hale used to back Rand Paul, but now said Reed had “the chance to unite us.”";
    assert_eq!(speaker_of(t, "“the chance").as_deref(), Some("Tom Hale"));
}

#[test]
fn a_gendered_noun_next_to_a_name_states_its_gender() {
    // "Milo" is no listed given name: "her husband" tells that "she" is not him.
    let t = "Donors\n\nAnn Berg, a donor from Albany, said the speeches moved her.\n\nAlong with her husband, Milo Berg, a banker, she has given to many candidates. She called Reed a “special person.”";
    assert_eq!(speaker_of(t, "“special").as_deref(), Some("Ann Berg"));
    let t = "Gala\n\nSpokeswoman Dale Quinn and Tom Reed arrived together.\n\n“We are delighted,” she said.";
    assert_eq!(speaker_of(t, "“We are").as_deref(), Some("Dale Quinn"));
}

#[test]
fn a_quote_ending_its_sentence_keeps_a_cue_with_an_apposition_or_an_unlisted_verb() {
    let t = "Row\n\nThe channel was cut off.\n\n“Long live free speech!” Ada Lund, the editor in chief of the paper, wrote on Twitter.\n\n“Is the deal off?” Hale pressed. “Tell us now.”";
    assert_eq!(speaker_of(t, "“Long live").as_deref(), Some("Ada Lund"));
    assert_eq!(speaker_of(t, "“Is the deal").as_deref(), Some("Hale"));
    assert_eq!(speaker_of(t, "“Tell us").as_deref(), Some("Hale"));
}

#[test]
fn nominal_heads_run_over_compound_nouns() {
    let t = "Rules\n\nThe campaign met.\n\n“It is the nominee’s party,” one Reed campaign source said.\n\n“It is over,” one campaign source said.";
    assert_eq!(
        speaker_of(t, "“It is the").as_deref(),
        Some("one Reed campaign source")
    );
    assert_eq!(
        speaker_of(t, "“It is over").as_deref(),
        Some("one campaign source")
    );
}

#[test]
fn an_organisation_named_in_the_apposition_speaks() {
    let t = "Bank\n\nThe account was closed.\n\nNorbank’s corporate parent, the Royal Bank of Vestland Group, said in a statement that “these decisions are not taken lightly.”";
    assert_eq!(
        speaker_of(t, "“these").as_deref(),
        Some("Royal Bank of Vestland Group")
    );
}

#[test]
fn a_conjunction_before_a_name_opens_a_clause() {
    // The chant is the supporters', not Lopez's: "until Lopez spoke" is no cue for it.
    let t = format!(
        "{INTRO}Reed supporters responded with chants of “four more years” until Lopez spoke."
    );
    assert_ne!(speaker_of(&t, "“four").as_deref(), Some("Maria Lopez"));
    let t = format!("{INTRO}Lopez expressed confidence that the audit would not be an issue “that is going to hurt us.”");
    assert_eq!(speaker_of(&t, "“that is").as_deref(), Some("Maria Lopez"));
}

#[test]
fn an_unnamed_source_keeps_its_description() {
    let t = format!("{INTRO}“We have a ton of work to do,” said a longtime adviser to both candidates.\n\n“It was close,” a source close to the campaign said.\n\n“It sold out,” a spokesman for the Grand Hotel said.");
    assert_eq!(
        speaker_of(&t, "“We have").as_deref(),
        Some("a longtime adviser to both candidates")
    );
    assert_eq!(
        speaker_of(&t, "“It was close").as_deref(),
        Some("a source close to the campaign")
    );
    assert_eq!(
        speaker_of(&t, "“It sold").as_deref(),
        Some("a spokesman for the Grand Hotel")
    );
    // The description is no name: the adviser to Lopez is not Lopez.
    let t = format!("{INTRO}“Not yet,” said one longtime adviser to Maria Lopez.");
    assert_eq!(
        speaker_of(&t, "“Not yet").as_deref(),
        Some("one longtime adviser to Maria Lopez")
    );
}

#[test]
fn a_name_set_off_after_a_nominal_is_the_speaker() {
    let t = format!("{INTRO}“We expand with care,” said a spokeswoman for the hotels, Dana Cole.\n\n“Is it over?” the Republican nominee, Tom Reed, asked on Sunday.");
    assert_eq!(speaker_of(&t, "“We expand").as_deref(), Some("Dana Cole"));
    assert_eq!(speaker_of(&t, "“Is it over").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_quote_after_that_belongs_to_the_verb_before_it() {
    let t = format!("{INTRO}But even as Reed claimed on Tuesday that “the audit found nothing,” one of the auditors for the state said the findings were mixed.");
    assert_eq!(speaker_of(&t, "“the audit").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_name_right_before_a_gerund_is_its_subject() {
    let t = format!("{INTRO}Both issued a statement afterwards – Lopez saying she was “very encouraged” and Reed calling it a “great meeting.”\n\nThe ad closes with footage of Reed saying, “That makes me smart.”");
    assert_eq!(speaker_of(&t, "“very").as_deref(), Some("Maria Lopez"));
    assert_eq!(speaker_of(&t, "“great").as_deref(), Some("Tom Reed"));
    assert_eq!(speaker_of(&t, "“That makes").as_deref(), Some("Tom Reed"));
}

#[test]
fn inverted_cues_with_a_capitalised_verb() {
    let t = "Stone Talks\n\nRoger Stone spoke on the radio on Friday.\n\nStated Stone:\n\n“I think the stakes are high.”\n\nContinued Stone: “So it is a real problem.”";
    assert_eq!(speaker_of(t, "“I think").as_deref(), Some("Roger Stone"));
    assert_eq!(speaker_of(t, "“So it").as_deref(), Some("Roger Stone"));
    let d = parse(t);
    assert_eq!(d.speakers.len(), 1, "{:?}", d.speakers);
}

#[test]
fn occupations_before_a_name_are_its_role_and_a_period_before_a_parenthesis_ends_it() {
    let t = "Vigil\n\n“We pray for peace,” Rabbi Rick Jacobs said.\n\n“It was moving,” actress Rosa Dawes said. (“So moving,” said Ann Lee.)\n\n“Not now,” said Rep. Tom Hale (D-Mo.) on Friday.";
    let d = parse(t);
    let names: Vec<&str> = d.speakers.iter().map(|s| &*s.name).collect();
    assert_eq!(names, ["Rick Jacobs", "Rosa Dawes", "Ann Lee", "Tom Hale"]);
    assert_eq!(d.speakers[0].role.as_deref(), Some("Rabbi"));
}

#[test]
fn run_on_capitals_split_into_names() {
    // A live-blog header glued to the next line: "…PMJeb Bush Hits Marco Rubio On …".
    let t = "Live\n\nFebruary 6, 10:57PMJeb Bush Hits Marco Rubio On Abortion\nJeb Bush criticized Marco Rubio.\n\n“It is a hard issue,” Rubio said.\n\nDonald Trump Calls Out Ted Cruz.\n\n“He backed down,” Cruz said.";
    assert_eq!(speaker_of(t, "“It is").as_deref(), Some("Marco Rubio"));
    assert_eq!(speaker_of(t, "“He backed").as_deref(), Some("Ted Cruz"));
}

#[test]
fn the_source_serving_a_person_is_not_that_person() {
    // "A senior adviser to Reed" speaks; Reed does not.
    let t = format!("{INTRO}A senior adviser to Reed said that “the talks failed.”\n\nAttorneys for Lopez said the files were “private.”");
    assert_eq!(
        speaker_of(&t, "“the talks").as_deref(),
        Some("A senior adviser to Reed")
    );
    assert_eq!(
        speaker_of(&t, "“private").as_deref(),
        Some("Attorneys for Lopez")
    );
}

#[test]
fn a_capitalised_gerund_opening_the_clause_is_no_name() {
    let t = format!("{INTRO}Reading from a prepared text, Reed repeatedly mispronounced the name of the group, calling it “Hummus.”");
    assert_eq!(speaker_of(&t, "“Hummus").as_deref(), Some("Tom Reed"));
}

#[test]
fn places_never_speak_nor_stand_for_a_pronoun() {
    // A town and its state inside an apposition are one group; neither is the subject, and a
    // later "she" is the person, not the state.
    let t = "Dana Wirth, a teacher from Dalton, Vermont, said the vote mattered. \
             She called the result “a disgrace.”\n\n“I am angry,” she said.";
    assert_eq!(speaker_of(t, "“a disgrace").as_deref(), Some("Dana Wirth"));
    assert_eq!(speaker_of(t, "“I am angry").as_deref(), Some("Dana Wirth"));
    // "Town, Fla." and "Fairfax County" are places too.
    let t = "Omar Price, who lives outside Ocala, Fla., joined the march near Fairfax County. \
             “We came to be heard,” he said.";
    assert_eq!(speaker_of(t, "“We came").as_deref(), Some("Omar Price"));
}

#[test]
fn a_person_of_a_state_is_the_person() {
    let t = "Sen. Ann Mertz of New Mexico said the plan was “reckless.”";
    assert_eq!(speaker_of(t, "“reckless").as_deref(), Some("Ann Mertz"));
}

#[test]
fn a_relative_clause_with_commas_leaves_its_antecedent_the_subject() {
    let t = "Lena Ortiz, who runs a bakery near the county seat, Millbrook, said she was \
             “tired of waiting.”";
    assert_eq!(speaker_of(t, "“tired").as_deref(), Some("Lena Ortiz"));
}

#[test]
fn sentence_openers_are_no_names() {
    // A number word or an adverb opening the sentence never speaks: the pronoun after the number
    // goes to the person named before, and the name after the adverb is the subject.
    let t = "Pastor Ray Dunn spoke on Sunday.\n\nEight years ago, he backed the mayor and said, \
             “The plan is a mistake.”";
    assert_eq!(speaker_of(t, "“The plan").as_deref(), Some("Ray Dunn"));
    let t = "Hastily dressed, Mayor Tom Ruiz blamed his rivals and called the flood “a disaster.”";
    assert_eq!(speaker_of(t, "“a disaster").as_deref(), Some("Tom Ruiz"));
}

#[test]
fn a_name_of_an_organisation_speaks_itself() {
    // The cue after the quote names its own speaker; the quote must not inherit the speaker of
    // the paragraph before.
    let t =
        "The plan would pass, said Tom Bell, director of Public Works. \"It avoids a fight.\"\n\n\
             \"It was the least bad outcome,\" Mr. Cole of the Sierra Club said.";
    assert_eq!(speaker_of(t, "\"It was").as_deref(), Some("Cole"));
    let t = "Sen. Ada Quill of the Farm Caucus said the bill was \"dead.\"";
    assert_eq!(speaker_of(t, "\"dead").as_deref(), Some("Ada Quill"));
}

#[test]
fn went_on_to_say_reports_for_its_subject() {
    let t = "Critics spoke first.\n\nAnn Ross went on to say, \"From the bottom of my heart, I \
             know this.\"\n\n\"The way I see it,\" she elaborated, \"no one asked.\"";
    assert_eq!(speaker_of(t, "\"From the").as_deref(), Some("Ann Ross"));
    assert_eq!(speaker_of(t, "\"The way").as_deref(), Some("Ann Ross"));
}

#[test]
fn a_bare_surname_acting_as_subject_is_a_pronoun_antecedent() {
    // "Dahl" is never given a first name, yet "he" after "Dahl refused …" is Dahl, not the
    // speaker of the paragraph before.
    let t = "Gov. Tim Crane answered first. “We will win,” he said.\n\n\
             Dahl refused the question. “I predict nothing,” he said.";
    assert_eq!(speaker_of(t, "“I predict").as_deref(), Some("Dahl"));
    // A plural opening a sentence is no such subject.
    let t = "Gov. Tim Crane answered first.\n\nCorporations refused the plan. “We will win,” he \
             said.";
    assert_eq!(speaker_of(t, "“We will").as_deref(), Some("Tim Crane"));
}

#[test]
fn a_name_coordinated_with_a_name_is_no_subject() {
    // "He" is the one who attacked, not the last of the people attacked.
    let t = "Gov. Tim Crane attacked Maria Lopez and Tom Reed during the rally.\n\nHe said Lopez \
             was “a fraud.”";
    assert_eq!(speaker_of(t, "“a fraud").as_deref(), Some("Tim Crane"));
}

#[test]
fn a_name_in_a_that_clause_is_less_salient_than_the_speaker() {
    // The subject of a reported clause does not take "he" from the person reporting it.
    let t = "Gov. Tim Crane spoke on Monday.\n\nCrane argued that Tom Reed is not ready. \
             “He has never run anything,” he said.";
    assert_eq!(speaker_of(t, "“He has").as_deref(), Some("Tim Crane"));
}

#[test]
fn cues_after_a_quote_that_named_no_one_before() {
    // Each quote opens its own paragraph after a quote by someone else: a cue we fail to read
    // would hand it to the previous speaker.
    let intro = "Gov. Tim Crane spoke first. \"We will win,\" he said.\n\n";
    let cases = [
        (
            "\"This is wasteful,\" a spokesman for committee Democrats said.",
            "a spokesman for committee Democrats",
        ),
        ("\"Let him talk,\" Reed shot back.", "Tom Reed"),
        (
            "\"France is France,\" an angry Lopez retaliated.",
            "Maria Lopez",
        ),
        (
            "\"Our ideas differ,\" agrees Ana Stone, 30, of Ocala, Fla.",
            "Ana Stone",
        ),
        (
            "\"He invited us,\" the Post's senior politics editor Sam Gold responded.",
            "Sam Gold",
        ),
        (
            "\"There was wrongdoing,\" said a former senior law enforcement official.",
            "a former senior law enforcement official",
        ),
    ];
    for (para, want) in cases {
        let t = format!("{INTRO}{intro}{para}");
        let quote = &para[..para[1..].find('"').map_or(para.len(), |e| e + 2)];
        assert_eq!(speaker_of(&t, quote).as_deref(), Some(want), "{para}");
    }
    // A person at an organisation agreed: the person, whose "he" follows.
    let t = "Dan Lowe at the National Review agreed with the verdict.\n\n\"It was a rout,\" he \
             wrote.";
    assert_eq!(speaker_of(t, "\"It was").as_deref(), Some("Dan Lowe"));
}

#[test]
fn an_unread_cue_takes_no_speaker_from_the_quote_before() {
    let intro = "Gov. Tim Crane spoke first. \"We will win,\" he said.\n\n";
    // A cue with odd words before the name is still found.
    let t = format!("{intro}\"It was the first time,\" NBC This Week co-anchor Dee Moss said.");
    assert_eq!(speaker_of(&t, "\"It was").as_deref(), Some("Dee Moss"));
    // A cue no rule reads leaves the quote without a speaker rather than Crane's.
    let t = format!("{intro}\"Call the roll,\" came shouts from the floor.");
    assert_eq!(speaker_of(&t, "\"Call").as_deref(), None);
    // An unresolved "she said" does not continue a man's quote.
    let t = "Gov. Tim Crane spoke first. \"We will win,\" he said. She said, \"It just came \
             out.\"";
    assert_eq!(speaker_of(t, "\"It just").as_deref(), None);
}

#[test]
fn a_party_tag_is_no_speaker() {
    let t = "Amid what the Post and the Times each called a “rough week” for Reed, and with polls \
             showing rival Sen. Ann Cole, R-Texas, leading in Iowa, Reed said nothing.";
    assert_ne!(speaker_of(t, "“rough").as_deref(), Some("R-Texas"));
}

#[test]
fn a_quote_inside_an_apposition_does_not_cut_the_cue() {
    // After the quote: the apposition holding a short quote still leads to the verb, and the
    // embedded quote (a label) is nobody's.
    let t = "Not everyone was pleased.\n\n“We have had better weeks,” delegate Bill Eastman, \
             wearing “Vote Reed” buttons, said.";
    assert_eq!(speaker_of(t, "“We have").as_deref(), Some("Bill Eastman"));
    assert_eq!(speaker_of(t, "“Vote Reed").as_deref(), None);
    // Before the quote: a relative clause holding a quote still names the subject.
    let t = "Singer Ana Perez, who wore a cape bearing the words, “I'm with her,” shouted, \
             “Let's make history!”";
    assert_eq!(speaker_of(t, "“Let's").as_deref(), Some("Ana Perez"));
}

#[test]
fn a_pull_quote_is_credited_by_the_dash_line_after_it() {
    let t = "Mayor Tom Reed spoke first. \"We will win,\" he said.\n\n\"Great speech. She is \
             ready.\"\n\n-Gov. Ana Perez, writing after the speech.\n\n\"We need to stop.\"\n\n\
             -Michelle Marks, Philadelphia.";
    assert_eq!(speaker_of(t, "\"Great").as_deref(), Some("Ana Perez"));
    assert_eq!(
        speaker_of(t, "\"We need").as_deref(),
        Some("Michelle Marks")
    );
}

#[test]
fn a_name_modifying_a_role_gives_the_subject_to_the_name_after_it() {
    // "Reed spokeswoman Ana Perez" is Perez; the modifier Reed is not the clause's subject.
    let t = "Gov. Reed and Sen. Lopez sparred.\n\nReed spokeswoman Ana Perez criticized Lopez \
             for the ads. “Nice try, not true,” she said.";
    assert_eq!(speaker_of(t, "“Nice").as_deref(), Some("Ana Perez"));
}

#[test]
fn as_someone_puts_it_introduces_the_quote() {
    let t =
        "Officials met.\n\nAs The Post's Dana Mill puts it, \"Senate Republicans are unmoved.\"";
    assert_eq!(speaker_of(t, "\"Senate").as_deref(), Some("Dana Mill"));
}

#[test]
fn a_name_in_apposition_after_a_nominal_of_an_organisation_speaks() {
    let t = "The leader of the Civic Rights League, Jon Green, warned that the ban would be \
             \"unacceptable.\"";
    assert_eq!(
        speaker_of(t, "\"unacceptable").as_deref(),
        Some("Jon Green")
    );
}

#[test]
fn a_nominal_before_a_gerund_is_its_subject() {
    let t = "Mayor Tom Reed spoke at noon, with the protesters chanting \"No more cuts\" outside.";
    assert_eq!(
        speaker_of(t, "\"No more").as_deref(),
        Some("the protesters")
    );
}

#[test]
fn a_state_abbreviation_ends_no_sentence() {
    let t = "Cory Janes, 22, of Flint, Mich., said he had hope that Reed could pull a convention \
             \"surprise,\" because he liked him.";
    assert_eq!(speaker_of(t, "\"surprise").as_deref(), Some("Cory Janes"));
}

#[test]
fn an_inverted_cue_after_words_naming_no_one_sets_the_speaker() {
    // "… next year, said Bart Nayler" reports speech; the quote after it continues him.
    let t = "It is unclear whether Democrats will regain control of the Senate next year, but \
             members could push, said Bart Nayler, an advocate. \"It would avoid a fight.\"";
    assert_eq!(speaker_of(t, "\"It would").as_deref(), Some("Bart Nayler"));
}

#[test]
fn my_and_your_open_a_nominal_source() {
    let t = "It stayed with me.\n\n\"We live in a kingdom,\" my father often said.";
    assert_eq!(speaker_of(t, "\"We live").as_deref(), Some("my father"));
}

#[test]
fn one_of_a_group_is_the_source() {
    let t =
        "\"There is no path,\" said one of those advisers, who spoke on condition of anonymity.";
    assert_eq!(
        speaker_of(t, "\"There").as_deref(),
        Some("one of those advisers")
    );
}

#[test]
fn a_clause_between_dashes_leaves_the_name_before_it_the_subject() {
    let t = "The last candidate -- John Mercer, who lost the 2008 election -- said the president \
             \"offered no changes.\"\n\nSen. Ann Cole — a former aide to Reed — said the plan was \
             \"dead.\"";
    assert_eq!(speaker_of(t, "\"offered").as_deref(), Some("John Mercer"));
    assert_eq!(speaker_of(t, "\"dead").as_deref(), Some("Ann Cole"));
}

#[test]
fn auxiliaries_and_teams_make_no_person() {
    // "Was Tom Szabo …?" names Szabo, not "Was Szabo"; "Team Reed" is an organisation, so
    // "Reed" stays the governor.
    let t = "Tom Szabo asked the senator about jobs.\n\nWas Szabo satisfied with the answer?\n\n\
             \"To a point,\" he said.";
    assert_eq!(speaker_of(t, "\"To a point").as_deref(), Some("Tom Szabo"));
    let t = "Gov. Ann Reed spoke. Team Reed said nothing. Team Reed stayed quiet. Later, Reed \
             accused him of an \"artful smear.\"";
    assert_eq!(speaker_of(t, "\"artful").as_deref(), Some("Ann Reed"));
    // "has X saying": X says it.
    let t = "An email between Reed and aide Ann Moss has Reed saying, \"Not now.\"";
    assert_eq!(speaker_of(t, "\"Not now").as_deref(), Some("Reed"));
}

#[test]
fn an_apposition_without_its_closing_comma_leaves_the_name_the_speaker() {
    // The writer dropped the comma after the apposition: the name still speaks, not the
    // nominal ("executive of the Ohio Grocers Association" is no one's name).
    let t = "Ann Berg, president and chief executive of the Ohio Grocers Association stated, \
             \"It is not a political problem.\"";
    assert_eq!(speaker_of(t, "\"It is not").as_deref(), Some("Ann Berg"));
    let t = "Sam Lau, the communications director for the state party said on Monday, \"There \
             is nothing to recount.\"";
    assert_eq!(speaker_of(t, "\"There").as_deref(), Some("Sam Lau"));
    // An opening place and a comma is no apposition: the officials speak.
    let t = "In New York, the officials of the party said, \"We are ready.\"";
    assert_eq!(
        speaker_of(t, "\"We are").as_deref(),
        Some("the officials of the party")
    );
}

#[test]
fn a_phrase_after_a_preposition_is_no_subject() {
    // "the Paris attacks": the city is the object of "After", and "attacks" no reporting verb.
    let t = "After the Paris attacks, Gov. Ann Reed released an ad calling it \"dangerous.\"";
    assert_eq!(speaker_of(t, "\"dangerous").as_deref(), Some("Ann Reed"));
    // A noun that can speak before the preposition heads the subject.
    let t = "A reporter for Agence France-Presse called it \"absolute chaos.\"";
    assert_eq!(
        speaker_of(t, "\"absolute").as_deref(),
        Some("A reporter for Agence France-Presse")
    );
    // "after" opening a clause keeps its subject; so does a relative after an object.
    let t = "The crowd cheered after Tom Hale called the bankers \"fat cats.\"";
    assert_eq!(speaker_of(t, "\"fat cats").as_deref(), Some("Tom Hale"));
    // A prepositional phrase between the subject and the verb is stepped over.
    let t = "Tom Hale in his opening speech called the plan \"a disaster.\"";
    assert_eq!(speaker_of(t, "\"a disaster").as_deref(), Some("Tom Hale"));
    let t = "He sat through a lecture from Gov. Ann Reed, who said the deal was \"fair to all.\"";
    assert_eq!(speaker_of(t, "\"fair").as_deref(), Some("Ann Reed"));
}

#[test]
fn a_cue_glued_to_the_next_sentence_is_still_read() {
    // Scraped text lost the space after the period: "said.Lee" is two sentences.
    let t = "\"The markets are open,\" Tom Lee said.Lee added that \"nothing is certain.\"";
    assert_eq!(speaker_of(t, "\"The markets").as_deref(), Some("Tom Lee"));
    assert_eq!(speaker_of(t, "\"nothing").as_deref(), Some("Tom Lee"));
}

#[test]
fn name_particles_stay_inside_the_name() {
    // "de", "von der", "dos": lowercase particles belong to the name, and the short form with
    // the particle finds the full name.
    let t = "Mayor Bill de Blasio spoke on Monday. \"We are ready,\" de Blasio said.\n\n\"We will \
             act,\" said Ursula von der Leyen, the commission president.";
    assert_eq!(
        speaker_of(t, "\"We are ready").as_deref(),
        Some("Bill de Blasio")
    );
    assert_eq!(
        speaker_of(t, "\"We will act").as_deref(),
        Some("Ursula von der Leyen")
    );
    // A particle before a lowercase word is no name ("de facto").
    let t = "Gov. Ann Reed, the de facto leader, said \"we stay.\"";
    assert_eq!(speaker_of(t, "\"we stay").as_deref(), Some("Ann Reed"));
}

#[test]
fn companies_codes_and_things_never_stand_for_he_or_she() {
    // "Peabody Energy" and "Chicago Sun-Times" are organisations; "EB-5" and "T-shirts" are
    // things: none of them is the "he"/"she" of a quote, even as the latest name.
    let t = "A photo showed Tom Reese at the mine of Peabody Energy. \"I loved the job,\" he said.";
    assert_eq!(speaker_of(t, "\"I loved").as_deref(), Some("Tom Reese"));
    let t = "A photo showed Ann Brill with the Chicago Sun-Times. \"It works,\" she said.";
    assert_eq!(speaker_of(t, "\"It works").as_deref(), Some("Ann Brill"));
    let t = "A photo showed Ann Brill at a talk on EB-5. \"It works,\" she said.";
    assert_eq!(speaker_of(t, "\"It works").as_deref(), Some("Ann Brill"));
    let t = "A photo showed Tom Reese in a crowd of T-shirts. \"I cried,\" he said.";
    assert_eq!(speaker_of(t, "\"I cried").as_deref(), Some("Tom Reese"));
}

#[test]
fn a_fragment_without_a_reporting_verb_belongs_to_its_clause_subject() {
    // No reporting verb introduces the fragment: the named subject of its clause used the words.
    let t = "Gov. Ann Reed has gone after the mayor as a \"human leech\" for months.";
    let d = parse(t);
    let q = &d.quotes[0];
    assert_eq!(d.speaker_name(q), Some("Ann Reed"));
    assert_eq!(q.provenance.speaker_rule, SpeakerRule::ClauseSubject);
    // A sentence-opening capital before a noun is no subject, nor is a bare unknown word.
    let t = "Calls men derogatory names, like \"pigs,\" and mocks them.";
    assert_eq!(speaker_of(t, "\"pigs").as_deref(), None);
    // "They" may be a place or a crowd: no credit.
    let t = "The towns voted. They called it a \"fresh start\" for the valley.";
    assert_eq!(speaker_of(t, "\"fresh").as_deref(), None);
}

#[test]
fn a_name_modifier_does_not_run_into_the_predicate() {
    // "The Washington Post | recently ran a piece": the adverb and determiner start the predicate.
    let t = "The Washington Post recently ran a piece, \"Health care for all.\"";
    let s = speaker_of(t, "\"Health").unwrap_or_default();
    assert!(!s.contains("ran") && !s.contains("piece"), "{s}");
}

#[test]
fn a_bare_credit_line_after_a_quote_names_its_speaker() {
    // A list of experts: the quote alone, then "Name, affiliation." with no verb.
    let t =
        "Experts weigh in\n\nGov. Ann Reed spoke first.\n\n\"Rates will rise next year.\"\n\nTom \
             Hale, Center for Budget Research.\n\n\"Wages will not keep up.\"\n\nMia Cole, \
             Labor Institute.";
    assert_eq!(speaker_of(t, "\"Rates").as_deref(), Some("Tom Hale"));
    assert_eq!(speaker_of(t, "\"Wages").as_deref(), Some("Mia Cole"));
    // A line with a verb is narration, not a credit.
    let t =
        "Gov. Ann Reed spoke first.\n\n\"Rates will rise,\" she said.\n\n\"Wages will not keep \
             up.\"\n\nTom Hale, the budget chief, disagreed with her.";
    assert_eq!(speaker_of(t, "\"Wages").as_deref(), Some("Ann Reed"));
}

#[test]
fn the_name_after_a_source_serving_a_long_organisation_speaks() {
    // The organisation's own name holds "and": it is still what the spokeswoman serves, and the
    // name set off after it is hers.
    let t = "A spokeswoman for the Pharmaceutical Research and Manufacturers of America, Karen \
             Doyle, warned that the cap would \"chill innovation.\"";
    assert_eq!(speaker_of(t, "\"chill").as_deref(), Some("Karen Doyle"));
    let t = "The head of the Federation of Small Firms, Ingrid Maier, said members could live \
             with \"modest increases.\"";
    assert_eq!(speaker_of(t, "\"modest").as_deref(), Some("Ingrid Maier"));
}

#[test]
fn a_british_text_quotes_with_single_marks() {
    // No double mark quotes here: the single marks do, apostrophes aside, and a line ending on
    // a closing single mark after its period is a paragraph, not a heading.
    let t = "Harbour vote delayed\n\nEllen Marsh runs the bakery. ‘People thought we were mad,’ \
             she says. ‘Now they ask how to join.’\n\n'I told her it would never pay,' said Bill \
             Ahmed, a neighbour. 'I'll admit I was wrong.'\n\nMarsh dismissed the plan as \
             'nonsense.'\n\nThe council meets again in March.";
    assert_eq!(speaker_of(t, "‘People").as_deref(), Some("Ellen Marsh"));
    assert_eq!(speaker_of(t, "‘Now they").as_deref(), Some("Ellen Marsh"));
    assert_eq!(speaker_of(t, "'I told").as_deref(), Some("Bill Ahmed"));
    assert_eq!(speaker_of(t, "'I'll admit").as_deref(), Some("Bill Ahmed"));
    assert_eq!(speaker_of(t, "'nonsense").as_deref(), Some("Ellen Marsh"));
    assert!(parse(t).headings.is_empty());
}

#[test]
fn organisation_names_keep_inner_function_words_and_nationalities() {
    // "Without" inside a capitalised run, and "European" before an organisation, are part of
    // the organisation's name.
    let t = "Doctors Without Borders said its ship was held, calling it \"a political \
             decision.\"\n\nThe European Commission said it was \"following the situation.\"";
    assert_eq!(
        speaker_of(t, "\"a political").as_deref(),
        Some("Doctors Without Borders")
    );
    assert_eq!(
        speaker_of(t, "\"following").as_deref(),
        Some("European Commission")
    );
    let t = "The Justice Department sued the firm, accusing it of \"crushing rivals.\"";
    assert_eq!(
        speaker_of(t, "\"crushing").as_deref(),
        Some("Justice Department")
    );
}

#[test]
fn a_nickname_in_marks_is_part_of_the_name_not_a_quote() {
    let t = "Juan \"Chico\" Manriquez of Oakland carried a photo. Ana Ruiz stood beside him.\n\n\
             \"I cried the whole parade,\" he said.";
    let quoted: Vec<String> = attributions(t).into_iter().map(|(q, _)| q).collect();
    assert_eq!(quoted, ["\"I cried the whole parade,\""]);
    assert_eq!(
        speaker_of(t, "\"I cried").as_deref(),
        Some("Juan Manriquez")
    );
    // After a word that is no given name, a capitalised phrase in marks stays a quotation.
    let t = "Tom Hale called the plan \"Big Waste\" Tuesday.";
    assert_eq!(attributions(t).len(), 1);
}

#[test]
fn occupations_without_an_agent_suffix_can_speak() {
    // "nurse", "priest", "diplomat" name people although no suffix says so.
    let t = "One nurse, who asked not to be named because she feared reprisal, said staff were \
             \"exhausted and angry.\"\n\nA Western diplomat said the talks were \"going nowhere.\"";
    assert_eq!(speaker_of(t, "\"exhausted").as_deref(), Some("One nurse"));
    assert_eq!(
        speaker_of(t, "\"going").as_deref(),
        Some("A Western diplomat")
    );
    // Institutions that issue statements.
    let t = "In a statement, the airline said it \"strongly disagrees\" with the finding.";
    assert_eq!(speaker_of(t, "\"strongly").as_deref(), Some("the airline"));
}

#[test]
fn an_age_before_the_name_in_an_apposition_keeps_the_name_the_speaker() {
    let t = "The student, 19-year-old Devin Clark, said afterward that he was \"not reassured.\"";
    assert_eq!(
        speaker_of(t, "\"not reassured").as_deref(),
        Some("Devin Clark")
    );
}

#[test]
fn a_cue_ending_on_a_colon_introduces_the_next_quote_not_the_one_before() {
    let t = "After Judge Ann Pike said that some students would be happier at \"smaller \
             colleges,\" Mayor Tom Reed said: \"I disagree with her completely.\"";
    assert_eq!(speaker_of(t, "\"smaller").as_deref(), Some("Ann Pike"));
    assert_eq!(speaker_of(t, "\"I disagree").as_deref(), Some("Tom Reed"));
    // A colon after a second verb leaves the first cue to the quote before it.
    let t = "\"We won,\" Tom Reed said, adding: \"It was close.\"";
    assert_eq!(speaker_of(t, "\"We won").as_deref(), Some("Tom Reed"));
}

#[test]
fn an_auxiliary_ends_a_name_phrase() {
    // "that Lopez can overtake Reed" is a clause, not one long name; the inverted cue names the
    // speaker.
    let t = format!(
        "{INTRO}\"It looks very unlikely\" that Lopez can overtake Reed, said Dana Kemp, a \
         pollster in the state."
    );
    assert_eq!(speaker_of(&t, "\"It looks").as_deref(), Some("Dana Kemp"));
}

#[test]
fn a_clause_subject_speaks_past_an_apposition_or_a_time() {
    let t = "Senator Ruth Vance, the chair of the panel, dismissed the plan as \"pure theatre\" \
             on Friday.";
    assert_eq!(speaker_of(t, "\"pure").as_deref(), Some("Ruth Vance"));
    let t = "Governor Paul Okafor last week described the levy as \"a tax on hope.\"";
    assert_eq!(speaker_of(t, "\"a tax").as_deref(), Some("Paul Okafor"));
    let t = "Mayor Lena Ortiz on Tuesday branded the deal \"a giveaway.\"";
    assert_eq!(speaker_of(t, "\"a giveaway").as_deref(), Some("Lena Ortiz"));
}

#[test]
fn a_clause_joined_after_a_comma_has_its_own_subject() {
    // The quote stands in the second clause: its subject, not the sentence's first, is the source.
    let t = "Governor Paul Okafor signed an order to close the mine, while Senator Ruth Vance \
             proposed we \"keep the lights on\" for now.";
    assert_eq!(speaker_of(t, "\"keep").as_deref(), Some("Ruth Vance"));
}

#[test]
fn a_time_opening_the_clause_is_no_subject() {
    let t = "Governor Paul Okafor spoke in Dayton on Monday.\n\nBut a few days later, Okafor \
             reversed himself, telling reporters that the levy was \"off the table\" for now.";
    assert_eq!(speaker_of(t, "\"off").as_deref(), Some("Paul Okafor"));
}

#[test]
fn a_dashed_aside_after_the_subject_is_skipped() {
    let t = "Governor Paul Okafor — who is being considered as a possible running mate — has \
             fought the council for years, at one point calling the mayor a \"fraud.\"";
    assert_eq!(speaker_of(t, "\"fraud").as_deref(), Some("Paul Okafor"));
}

#[test]
fn a_party_tag_with_a_period_keeps_the_apposition_whole() {
    let t = "Sen. Maria Lopez, D-Ky., told Fox News that the polls were \"way off\" this year.";
    assert_eq!(speaker_of(t, "\"way off").as_deref(), Some("Maria Lopez"));
}

#[test]
fn the_noun_after_told_is_its_object_never_an_inverted_subject() {
    let t = "Governor Paul Okafor arrived late, told Fox News that the polls were \"way off,\" \
             and left.";
    assert_eq!(speaker_of(t, "\"way off").as_deref(), Some("Paul Okafor"));
}

#[test]
fn the_writer_is_no_source_the_text_names() {
    // "I" in the narration is the writer: not the last person mentioned.
    let t = "Governor Paul Okafor spoke for an hour.\n\nMonths ago, I argued that his plan was \
             \"a fantasy dressed as a budget.\"";
    assert_eq!(speaker_of(t, "\"a fantasy"), None);
    // …and the clause's next subject is the source.
    let t = "Last month, when I asked Governor Paul Okafor whether he would sign the bill, he \
             smiled, shook his head and said, \"Not this year.\"";
    assert_eq!(speaker_of(t, "\"Not this").as_deref(), Some("Paul Okafor"));
}

#[test]
fn the_owner_of_a_response_said_it() {
    let t = "Aides briefed Governor Paul Okafor and Mayor Lena Ortiz on the flooding.\n\n\
             Okafor’s response was: \"Where are the pumps?\"";
    assert_eq!(speaker_of(t, "\"Where").as_deref(), Some("Paul Okafor"));
    // Only when the noun stands right before the quotation: here the judge of the response
    // speaks.
    let t = "Aides briefed Governor Paul Okafor and Mayor Lena Ortiz.\n\nOkafor’s response, \
             Ortiz said, was \"far too slow.\"";
    assert_eq!(speaker_of(t, "\"far").as_deref(), Some("Lena Ortiz"));
}

#[test]
fn the_name_after_there_is_takes_a_subjects_place() {
    let t = "Governor Paul Okafor praised the plan.\n\nThen there’s Tom Reed.\n\n\"It is a \
             bargain,\" he wrote.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_possessive_name_modifies_the_source_after_it() {
    // The manager speaks, not the candidate whose manager he is.
    let t = "\"We are fine,\" said Okafor’s campaign manager, Rich Beeson, who ran the effort.";
    assert_eq!(speaker_of(t, "\"We are").as_deref(), Some("Rich Beeson"));
    let t = "\"We are fine,\" said Okafor’s deputy campaign manager, Rich Beeson.";
    assert_eq!(speaker_of(t, "\"We are").as_deref(), Some("Rich Beeson"));
    let t = "\"We are fine,\" said Okafor’s campaign manager.";
    assert_eq!(
        speaker_of(t, "\"We are").as_deref(),
        Some("Okafor’s campaign manager")
    );
}

#[test]
fn the_name_a_source_is_known_as_speaks() {
    let t = "\"No order was given,\" said the station chief known as Jake, speaking for the \
             first time.";
    assert_eq!(speaker_of(t, "\"No order").as_deref(), Some("Jake"));
    let t = "A contractor identified only as Marta said the order was \"never given.\"";
    assert_eq!(speaker_of(t, "\"never").as_deref(), Some("Marta"));
}

#[test]
fn two_titles_joined_by_and_belong_to_one_name() {
    let t = "\"He did it twice,\" said former Ohio Gov. and Party Chairman Ed Randall.";
    assert_eq!(speaker_of(t, "\"He did").as_deref(), Some("Ed Randall"));
}

#[test]
fn a_gendered_noun_in_the_apposition_after_a_name_sets_its_gender() {
    let t = "Ana Ruiz spoke first. Khizr Khan, the grieving father of a soldier, spoke next.\n\n\
             \"We will not be silent,\" she said.";
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn with_a_role_of_a_complement_before_a_gerund_that_role_speaks() {
    let t = "The ministry released the files on Friday, with the former secretary of state \
             calling the move \"deeply troubling.\"";
    assert_eq!(
        speaker_of(t, "\"deeply").as_deref(),
        Some("the former secretary of state")
    );
}

#[test]
fn the_noun_after_thanked_is_thanked_never_the_speaker() {
    let t = "President Barack Obama signed the order on Tuesday.\n\nKerry Lane, star of \
             television’s “Night Court,” thanked Obama for “taking these steps to make us safer.”";
    assert_ne!(speaker_of(t, "“taking").as_deref(), Some("Barack Obama"));
}

#[test]
fn a_label_after_a_naming_verb_belongs_to_its_subject_whatever_follows() {
    let t = "Rita Vale runs the county party.\n\nHer neighbours have mocked the campaign, calling \
             Okafor \"a paper tiger,\" Vale said as she left.";
    assert_eq!(
        speaker_of(t, "\"a paper").as_deref(),
        Some("Her neighbours")
    );
}

#[test]
fn that_before_a_name_is_no_part_of_the_mention() {
    let d =
        parse("In a clip that District Judge Ann Pike called \"distasteful,\" the host laughed.");
    let q = d.quotes.first().expect("the quote is read");
    assert_eq!(q.mention.as_deref(), Some("District Judge Ann Pike"));
}

#[test]
fn the_name_after_a_reporting_verb_inside_a_clause_is_no_inverted_speaker() {
    // "has suggested Clinton is …": Clinton is what was suggested about, not who spoke.
    let t = "Governor Paul Okafor spoke in Dayton.\n\nOkafor in recent days has suggested \
             Ortiz is out of touch, talked of a \"stolen budget\" and left.";
    assert_ne!(speaker_of(t, "\"stolen").as_deref(), Some("Lena Ortiz"));
    assert_ne!(speaker_of(t, "\"stolen").as_deref(), Some("Ortiz"));
}

#[test]
fn an_apposition_closed_inside_a_titles_marks_still_has_its_name() {
    let t = "Kerry Lane attended the signing.\n\nLane, star of television’s “Night Court,” \
             thanked the governor for “taking these steps to make us safer.”";
    assert_eq!(speaker_of(t, "“taking").as_deref(), Some("Kerry Lane"));
}

#[test]
fn a_clause_subject_who_speaks_is_an_antecedent_for_the_next_pronoun() {
    // The fragment's subject speaks; the paragraph after it names no one else she could be, and
    // the senator's own name stands outside the pronoun's reach.
    let t = "Senator Maria Lopez spoke in Dayton.\n\nShe skirted a question about whether the \
             Okafor administration bears blame.\n\nShe also avoided the term \"tax hike,\" which \
             critics use.\n\n\"We will not raise taxes,\" she said.";
    assert_eq!(speaker_of(t, "\"tax hike").as_deref(), Some("Maria Lopez"));
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Maria Lopez"));
}

#[test]
fn the_subject_of_an_if_clause_is_no_antecedent() {
    // "if Okafor wins" is a hypothetical: the pronoun after it refers to the governor.
    let t = "Governor Tom Reed predicted that his party will take \"every county\" if Paul \
             Okafor wins the primary.\n\n\"That is not even an issue,\" he said.";
    assert_eq!(speaker_of(t, "\"That is").as_deref(), Some("Tom Reed"));
}

#[test]
fn an_unclosed_apposition_ending_on_a_name_still_leads_back_to_its_head() {
    // The writer left out the comma closing "a former aide to Governor Tom Reed": Pike speaks.
    let t = "Ann Pike, a former security agent for President Tom Reed has written a book in \
             which she exposes the rage and \"eruptive\" behavior of his wife.";
    assert_eq!(speaker_of(t, "\"eruptive").as_deref(), Some("Ann Pike"));
}

#[test]
fn an_unclosed_apposition_with_a_relative_clause_leads_back_to_the_name_opening_it() {
    let t = "Rosa Vale, the reporter who exposed the affair of Governor Tom Reed with aide Ann \
             Pike has now called for the station to release the \"full\" tape.";
    assert_eq!(speaker_of(t, "\"full").as_deref(), Some("Rosa Vale"));
}

#[test]
fn a_name_set_off_after_an_object_role_is_no_subject() {
    // "under its new chairman, Paul Okafor": the chairman is what the governor blamed.
    let t = "Governor Tom Reed blamed the council for delays under its new chairman, Paul \
             Okafor; regretted the lack of support and said he would win anyway.\n\n\
             \"We will prevail,\" he said.";
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_coordinated_nominal_before_a_gerund_is_its_subject() {
    let t = "Dayton was on the minds of the crowd, with many marchers and onlookers chanting \
             \"Dayton strong\" along the route.";
    assert_eq!(
        speaker_of(t, "\"Dayton strong").as_deref(),
        Some("many marchers and onlookers")
    );
}

#[test]
fn a_date_inside_a_nominal_does_not_cut_it() {
    // "Nov. 8" is a date: the source is the whole nominal, not "8 election".
    let d = parse("The Democratic nominee for the Nov. 8 election later said she was \"joking.\"");
    let q = d.quotes.first().expect("the quote is read");
    assert_eq!(
        q.mention.as_deref(),
        Some("The Democratic nominee for the Nov. 8 election")
    );
}

#[test]
fn who_after_a_name_and_its_origin_is_the_person() {
    let t = "\"I have never voted before,\" said Ana Ruiz, 24, from Dayton, who said Reed is \
             best placed to win.\n\n\"It is supposed to be for the people.\"";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_name_behind_a_determiner_and_modifiers_opens_the_clause() {
    // The name is the subject of "declined", so the next "he said" is his, not the clerk's.
    let t = "\"The doors open at eight,\" said Paul Ortega, a county clerk.\n\n\
             There, the county GOP Chairman Dan Whitlock declined to name the delegates.\n\n\
             \"We have our share of support here,\" he said.";
    assert_eq!(speaker_of(t, "\"We have").as_deref(), Some("Dan Whitlock"));
    // A verb among the words before the name makes it an object.
    let t = "\"The doors open at eight,\" said Paul Ortega, a county clerk.\n\n\
             The campaign hired Dan Whitlock to name the delegates.\n\n\
             \"We have our share of support here,\" he said.";
    assert_eq!(speaker_of(t, "\"We have").as_deref(), Some("Paul Ortega"));
}

#[test]
fn a_name_after_an_object_role_like_manager_is_no_subject() {
    // "manager" is a role: the name set off after "his campaign manager" is the object of
    // "praised", so "He" is still the senator.
    let t = "Senator Tom Reed spoke on Tuesday.\n\n\
             Reed praised his campaign manager, Luis Ortega, and his press team.\n\n\
             He said, \"We will win this state.\"";
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_name_joined_to_a_pronoun_is_no_new_subject() {
    // "he and Ortega" is one coordinated subject: the later "he said" is Reed's, who spoke.
    let t =
        "Tom Reed told reporters that he and Luis Ortega had been frustrated by the delays.\n\n\
             \"They kept us waiting for months,\" he said.";
    assert_eq!(speaker_of(t, "\"They kept").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_capitalised_pronoun_after_an_exclamation_opens_a_new_sentence() {
    // "She replied …" starts the next sentence: the cue before the quote is the speaker's.
    let t = "Maria Lopez met Tom Reed in March.\n\n\
             Reed wrote to her after the vote, telling her, \"you carried the whole state!\" \
             She replied that it was an honour.";
    assert_eq!(speaker_of(t, "\"you carried").as_deref(), Some("Tom Reed"));
    // Lowercase, the pronoun's verb is the cue: "… !" she replied.
    let t = "Maria Lopez met Tom Reed in March.\n\n\
             Reed wrote to her after the vote. \"We carried the whole state!\" she replied.";
    assert_eq!(
        speaker_of(t, "\"We carried").as_deref(),
        Some("Maria Lopez")
    );
}

#[test]
fn reported_speech_later_in_a_cue_sentence_does_not_take_the_continuation() {
    // "Lopez spoke" is reported speech in the rest of Reed's cue sentence: the cue-less quote
    // after it continues Reed.
    let t = "\"The plan works,\" Tom Reed said after Maria Lopez spoke. \"It always has.\"";
    assert_eq!(speaker_of(t, "\"It always").as_deref(), Some("Tom Reed"));
    // In a sentence of its own, the reported speech does set who speaks next.
    let t = "\"The plan works,\" Tom Reed said. Maria Lopez told reporters that it would fail. \
             \"It never has.\"";
    assert_eq!(speaker_of(t, "\"It never").as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_quantified_subject_before_its_verb_speaks_for_a_gerund() {
    // "saying" belongs to the clause's subject, "several environmental groups", not to the name
    // that is the object of "granted".
    let t = "In August, several environmental groups granted Mr. Ortega an extension, saying his \
             \"funds were smaller than expected.\"";
    assert_eq!(
        speaker_of(t, "\"funds").as_deref(),
        Some("several environmental groups")
    );
}

#[test]
fn a_capitalised_verb_opening_a_list_line_is_no_speaker() {
    // A list of what a candidate does: each line opens on its verb, and no one is named.
    let t = "Here is the record.\n\nMocks his rivals at every rally, and calls them \"losers.\"";
    assert_eq!(speaker_of(t, "\"losers").as_deref(), None);
    // A surname met before as part of a full name still speaks at a sentence's start.
    let t = "Tate Reeves spoke on Monday.\n\nReeves called the plan \"a disaster.\"";
    assert_eq!(
        speaker_of(t, "\"a disaster").as_deref(),
        Some("Tate Reeves")
    );
}

#[test]
fn reported_speech_inverted_after_a_role_and_a_name() {
    // "adds psychologist Nora Vance" reports her speech, so the next "she says" is hers.
    let t = "\"Act on it,\" says Ellen Park, a counsellor. This can make people feel stronger, \
             adds psychologist Nora Vance. \"You are not helpless,\" she says.";
    assert_eq!(speaker_of(t, "\"You are").as_deref(), Some("Nora Vance"));
}

#[test]
fn who_after_an_apposition_ending_on_an_organisation_is_the_person() {
    // The committee is the object of "on" inside the apposition: "who said" is the senator's.
    let t = "\"We will publish them,\" Ann Reed said.\n\n\
             The plan was backed by Sen. Maria Lopez of Ohio, the ranking Democrat on the Budget \
             Committee, who said none of the files came from Reed.\n\n\
             \"It never made sense to me,\" she said.";
    assert_eq!(speaker_of(t, "\"It never").as_deref(), Some("Maria Lopez"));
    // The object of a preposition with no apposition before it is the antecedent.
    let t = "The plan drew a reaction from Sen. Maria Lopez, who called it \"a gift.\"";
    assert_eq!(speaker_of(t, "\"a gift").as_deref(), Some("Maria Lopez"));
}

#[test]
fn a_quantifier_and_of_head_the_subject_of_a_gerund() {
    // The source is "one of her ads", not "her ads".
    let t =
        "Lopez tied Reed to the governor, with one of her ads asking, \"Is Tom Reed his own man?\"";
    assert_eq!(speaker_of(t, "\"Is Tom").as_deref(), Some("one of her ads"));
}

#[test]
fn a_vice_president_is_no_president() {
    // "the former president" is not the vice president named before: with no known president,
    // the nominal itself is the source.
    let t = "Vice President Tom Reed spoke on Sunday.\n\n\
             Sam Hale joined in at a rally on Monday. \"Nobody is listening,\" the former \
             president said.";
    assert_eq!(
        speaker_of(t, "\"Nobody").as_deref(),
        Some("the former president")
    );
    // "the vice president" is.
    let t = "Vice President Tom Reed spoke on Sunday.\n\n\
             Sam Hale joined in at a rally on Monday. \"Nobody is listening,\" the vice \
             president said.";
    assert_eq!(speaker_of(t, "\"Nobody").as_deref(), Some("Tom Reed"));
}

#[test]
fn an_author_after_by_describes_a_nominal_source() {
    let t = "According to a 2019 study by economists Ann Lee and Tom Park, the tariffs were a \
             \"major change in trade policy.\"";
    assert_eq!(
        speaker_of(t, "\"major").as_deref(),
        Some("a 2019 study by economists Ann Lee and Tom Park")
    );
    let t = "According to a civil complaint filed by the Securities and Exchange Commission, \
             the developers ran a \"massive fraudulent scheme.\"";
    assert_eq!(
        speaker_of(t, "\"massive").as_deref(),
        Some("a civil complaint filed by the Securities and Exchange Commission")
    );
}

#[test]
fn a_nominal_source_runs_over_a_capitalised_verb_form_and_stops_at_an_infinitive() {
    // "State" is a reporting verb's form, but capitalised it is part of a name; "to be
    // released" is no part of the source.
    let t = "The office gave an \"inaccurate and incomplete\" answer, according to a report from \
             the State Department's inspector general to be released Thursday.";
    assert_eq!(
        speaker_of(t, "\"inaccurate").as_deref(),
        Some("a report from the State Department's inspector general")
    );
}

#[test]
fn a_restrictive_relative_clause_after_the_subject_is_skipped() {
    // "which …" has no comma before it: "The survey" is the subject, not "economists".
    let t = "The survey which collects the views of economists, bankers and others in the 12 \
             districts, said most regions grew at a \"modest or moderate pace.\"";
    assert_eq!(speaker_of(t, "\"modest").as_deref(), Some("The survey"));
    // After a comma, the nominal is an apposition and the name before it speaks.
    let t = "Ann Lee, a historian who studies the presidency, said it was \"a turning point.\"";
    assert_eq!(speaker_of(t, "\"a turning").as_deref(), Some("Ann Lee"));
}

#[test]
fn a_relative_clause_without_commas_is_skipped_to_its_antecedent() {
    // "who wrote to her on Thursday" describes "the groups", who say the words, not Reed.
    let t = "While Ann Lee has condemned Tom Reed's plan, the groups who wrote to her on Thursday \
             say they are \"concerned by mixed messages.\"";
    assert_eq!(speaker_of(t, "\"concerned").as_deref(), Some("the groups"));
}

#[test]
fn a_name_after_with_and_before_a_gerund_is_its_subject() {
    // "with Ann Lee — … — attacking the plan": she is the subject, so "she said" is hers rather
    // than the earlier speaker's.
    let t = "The plan would cut taxes for some, said Maria Ortiz, a tax expert.\n\n\
             It has become an issue in the race, with Ann Lee — who wants higher taxes on the \
             rich — attacking the plan.\n\n\
             \"It is trickle-down all over again,\" she said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Ann Lee"));
}

#[test]
fn a_name_after_with_and_before_a_preposition_in_ing_is_no_subject() {
    // "during" is no gerund: Maria Ortiz, who spoke, is still the one "she said" refers to.
    let t = "The plan would cut taxes for some, said Maria Ortiz, a tax expert.\n\n\
             It came up in a debate with Ann Lee during the summer.\n\n\
             \"It is trickle-down all over again,\" she said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Maria Ortiz"));
}

#[test]
fn the_subject_of_reported_speech_is_not_a_later_pronoun_speaker() {
    // "Reed said Ortiz has …": Ortiz is the subject inside what Reed said; "He says" goes on
    // with Reed, the one reporting.
    let t = "Tom Reed said Paul Ortiz has never kept a promise to the city.\n\n\
             He says Ortiz \"knows full well what he promised.\"";
    assert_eq!(speaker_of(t, "\"knows").as_deref(), Some("Tom Reed"));
    let t = "Tom Reed said that Paul Ortiz has never kept a promise to the city.\n\n\
             He says Ortiz \"knows full well what he promised.\"";
    assert_eq!(speaker_of(t, "\"knows").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_verb_coordinated_after_a_dash_takes_the_subject_after_the_dash() {
    // "She drew his ire - Reed called her … and said": a spaced hyphen opens a new clause, so
    // "said" shares Reed's subject, not the sentence's first one.
    let t = "Ann Lee met Tom Reed on Monday.\n\n\
             She drew his ire - Reed called her weak and said she had \"zero support\" left.";
    assert_eq!(speaker_of(t, "\"zero").as_deref(), Some("Tom Reed"));
    // The hyphen inside "U.S.-Russian" opens no clause.
    let t = "Ann Lee met Tom Reed on Monday.\n\n\
             On Russia, Reed knocked U.S.-Russian relations and said it \"was a mess\" anyway.";
    assert_eq!(speaker_of(t, "\"was a").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_possessive_alone_in_the_pronouns_sentence_is_its_antecedent() {
    // "drew Paul Ortiz's ire - he called her": the one man in the sentence is Ortiz, named in
    // the possessive, not Tom Reed, the subject of an earlier sentence.
    let t = "Tom Reed has not endorsed anyone.\n\n\
             Ann Lee has tangled with Paul Ortiz. For that she drew Paul Ortiz's ire - he called \
             her \"weak\" on Monday.";
    assert_eq!(speaker_of(t, "\"weak").as_deref(), Some("Paul Ortiz"));
    // Two candidates in the sentence: the pronoun is ambiguous and the earlier subject stands.
    let t = "Tom Reed has not endorsed anyone.\n\n\
             Ann Lee has tangled with Paul Ortiz. After Paul Ortiz's speech and Tom Reed's \
             reply, he called her \"weak\" on Monday.";
    assert_eq!(speaker_of(t, "\"weak").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_verb_inside_a_parenthesis_does_not_report_the_quote_after_it() {
    // "(Lee called it …)" is an aside: the clause's own subject, Reed, says what follows
    // "by saying".
    let t = "After the fire at the party office (Ann Lee called it \"horrific\" on Sunday), Tom \
             Reed inflamed tensions by saying, \"Thugs on the other side did it.\"";
    assert_eq!(speaker_of(t, "\"Thugs").as_deref(), Some("Tom Reed"));
    assert_eq!(speaker_of(t, "\"horrific").as_deref(), Some("Ann Lee"));
}

#[test]
fn a_school_is_no_person_a_pronoun_may_mean() {
    // "the Fletcher School" names an institution: "he" has no antecedent here, and no speaker
    // is better than the school.
    let t = "Lopez took over the embassy last year after serving as a professor at the Fletcher \
             School at Tufts University. Last year, he played down the remarks as \"just part of \
             the campaign\" and moved on.";
    assert_eq!(speaker_of(t, "\"just part"), None);
}

#[test]
fn a_name_with_decomposed_accents_is_one_name() {
    let t = "The mayor, Jose\u{301} Marti\u{301}nez, spoke on Monday.\n\n\
             \"We will rebuild,\" Marti\u{301}nez said.";
    assert_eq!(
        speaker_of(t, "\"We will").as_deref(),
        Some("Jose\u{301} Marti\u{301}nez")
    );
}

#[test]
fn a_street_or_capitol_hill_is_a_place_not_a_speaker() {
    // Places never speak: the fragment gets no speaker rather than the place.
    let t = "Pennsylvania Avenue reacted with fury on Monday, calling the plan a \"sham deal.\"";
    assert_eq!(speaker_of(t, "\"sham"), None);
    let t = "Capitol Hill reacted with fury on Monday, calling the plan a \"sham deal.\"";
    let got = attributions(t);
    assert!(
        got.iter()
            .all(|(_, s)| s.as_deref() != Some("Capitol Hill")),
        "{got:?}"
    );
}

#[test]
fn a_first_surname_alone_names_a_person_with_two() {
    // "Carlos Sada Solana" is "Sada" later: the pronoun after finds him.
    let t = "Mexico shuffles its diplomats\n\n\
             The consul general, Carlos Sada Solana, will move to Washington.\n\n\
             The embassy has had a difficult year.\n\n\
             The spring brought little progress.\n\n\
             Sada took over the consulate in 2011. Last year, he played down the remarks as \
             \"just part of the campaign\" and moved on.";
    assert_eq!(
        speaker_of(t, "\"just part").as_deref(),
        Some("Carlos Sada Solana")
    );
}

#[test]
fn talks_before_a_past_tense_is_a_noun_and_names_no_speaker() {
    // "Trade talks stalled": no one called Trade spoke, so the later "he" is still Reed.
    let t = "Talks headline\n\nTom Reed has not endorsed anyone.\n\n\
             Trade talks stalled in the spring. Last year, he played down the remarks as \
             \"just part of the campaign\" and moved on.";
    assert_eq!(speaker_of(t, "\"just part").as_deref(), Some("Tom Reed"));
    // A reporting verb is still one: "Reed talks about it"
    let t =
        "Talks headline\n\nReed talks about the plan often. He called it \"a winner\" on Monday.";
    assert_eq!(speaker_of(t, "\"a winner").as_deref(), Some("Reed"));
}

#[test]
fn names_in_a_list_are_no_clause_subjects() {
    // "behind Ann Lee, Senator Paul Ortiz, and Senator Tom Reed": the list names objects, so
    // "he said" stays with Mark Hill, who spoke.
    let t = "\"We show anger,\" said Mark Hill, who backed the nominee behind Ann Lee, \
             Senator Paul Ortiz, and Senator Tom Reed.\n\n\
             \"We are alive,\" he said.";
    assert_eq!(speaker_of(t, "\"We are").as_deref(), Some("Mark Hill"));
}

#[test]
fn a_group_is_no_he() {
    // "Young Latinos" and "Democrats" are groups: "he" goes past them to the man who spoke.
    let t = "\"We will win,\" said Tom Reed on Monday.\n\n\
             Young Latinos flocked to the rally. Immigration is now an issue of morality, he said, \
             and only the rich wanted \"open borders.\"";
    assert_eq!(speaker_of(t, "\"open").as_deref(), Some("Tom Reed"));
    let t = "\"We will win,\" said Tom Reed on Monday.\n\n\
             Democrats criticized the plan. \"It is a sham,\" he said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_city_or_an_arena_is_no_he() {
    let t = "\"We will win,\" said Tom Reed on Monday.\n\n\
             The delegates met at Quicken Loans Arena. \"Not even one,\" he said.";
    assert_eq!(speaker_of(t, "\"Not even").as_deref(), Some("Tom Reed"));
    let t = "\"We will win,\" said Tom Reed on Monday.\n\n\
             Los Angeles gave the campaign little money. \"Not even one,\" he said.";
    assert_eq!(speaker_of(t, "\"Not even").as_deref(), Some("Tom Reed"));
}

#[test]
fn an_outlet_or_platform_is_no_he() {
    let t = "\"We will win,\" said Tom Reed on Monday.\n\n\
             Politico reported the plan first. \"It is a sham,\" he said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_gerund_after_a_preposition_governs_the_name() {
    // "by hitting Trump": Trump is the object of the gerund, not a passive agent; the quote is
    // the subject's, Bush's. After "said", the "-ing" word is an adjective of the name.
    let t = "Debate night\n\n\
             Jeb Bush interjected by hitting Donald Trump for trying to seize a home to \
             \"turn into limousine parking lot for his casinos\" in Atlantic City.";
    assert_eq!(speaker_of(t, "\"turn").as_deref(), Some("Jeb Bush"));
    let t = "Debate night\n\n\"It is over,\" said leading Republican Ben Carson.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Ben Carson"));
}

#[test]
fn a_confidant_or_loyalist_is_an_unnamed_source() {
    // A name before a speaking noun modifies it: the source is the confidant, not Trump.
    let t = "Feud goes on\n\n\
             \"He is bigger than the party,\" said one Trump confidant.";
    assert_eq!(
        speaker_of(t, "\"He is").as_deref(),
        Some("one Trump confidant")
    );
    let t = "Feud goes on\n\n\"We are not worried,\" a Clinton loyalist said.";
    assert_eq!(
        speaker_of(t, "\"We are").as_deref(),
        Some("a Clinton loyalist")
    );
}

#[test]
fn a_plural_noun_opening_a_sentence_is_no_name() {
    // "Critics" is capitalised only because it opens the sentence: a group, never "he".
    let t = "Plans\n\n\"We will win,\" said Tom Reed on Monday.\n\n\
             Critics called the plan costly. \"It is not over,\" he said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Tom Reed"));
    let d = parse(t);
    assert!(
        d.speakers.iter().all(|s| &*s.name != "Critics"),
        "{:?}",
        d.speakers
    );
    // Before a name-like verb phrase it is a nominal source, shown as written.
    let t = "Plans\n\nOfficials said the plan was \"a sham.\"";
    assert_eq!(speaker_of(t, "\"a sham").as_deref(), Some("Officials"));
}

#[test]
fn a_state_and_a_role_name_the_one_introduced_with_both() {
    // "the Vermont senator" is the one introduced as "Vermont Sen. Bernie Sanders": the state
    // is stated on both sides and "Sen." stands for "senator".
    let t = "Race\n\nVermont Sen. Bernie Sanders and Ohio Gov. John Kasich spoke on Monday. \
             \"We will win,\" the Vermont senator said.\n\n\
             \"It is over,\" the Ohio governor said.";
    assert_eq!(
        speaker_of(t, "\"We will").as_deref(),
        Some("Bernie Sanders")
    );
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("John Kasich"));
    // A bare "the senator" with two senators about stays the nominal it is.
    let t = "Race\n\nSen. Ted Cruz spoke first. Then Sen. John McCain spoke.\n\n\
             \"We will win,\" the senator said.";
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("the senator"));
}

#[test]
fn an_office_with_of_before_a_name_is_the_persons_role() {
    // "Secretary of State Henry Kissinger" is a person with a role, not an organisation; the
    // office may run over several capitalised words ("Chief of Staff", "Secretary of Homeland
    // Security"). "The State of Virginia" stays no person, and the CEO of someone's campaign
    // is not that someone.
    let t = "Race\n\n\"It is done,\" said Chief of Staff Denis McDonough.\n\n\
             \"Yes,\" said Secretary of Homeland Security Jeh Johnson.\n\n\
             \"No,\" said Secretary of State Henry Kissinger. \"Never,\" Kissinger said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Denis McDonough"));
    assert_eq!(speaker_of(t, "\"Yes").as_deref(), Some("Jeh Johnson"));
    assert_eq!(speaker_of(t, "\"No").as_deref(), Some("Henry Kissinger"));
    let d = parse(t);
    let kissinger = d
        .speakers
        .iter()
        .find(|s| &*s.name == "Henry Kissinger")
        .expect("Kissinger is a speaker");
    assert_eq!(kissinger.role.as_deref(), Some("Secretary of State"));
    assert_eq!(d.speakers.len(), 3, "{:?}", d.speakers);
    let t = "Race\n\n\"We will win,\" said Tom Reed on Monday.\n\n\
             The loan came from the State of Virginia. \"It is fine,\" he said.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_role_with_its_office_after_of_is_one_source() {
    // "the former secretary of state": "state" completes the office (it is no verb here), and
    // the phrase names the one introduced with that office.
    let t = "Race\n\nFormer Secretary of State Hillary Clinton spoke on Monday.\n\n\
             \"It is not,\" the former secretary of state said.\n\n\
             \"We will see,\" said the former secretary of state.";
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Hillary Clinton"));
    assert_eq!(
        speaker_of(t, "\"We will").as_deref(),
        Some("Hillary Clinton")
    );
    // Unintroduced, it is a nominal source, not the object of its own verb.
    let t = "Race\n\nDonald Trump spoke first.\n\n\
             The former secretary of state mocked Trump as the \"king of debt.\"";
    assert_eq!(
        speaker_of(t, "\"king").as_deref(),
        Some("The former secretary of state")
    );
}

#[test]
fn a_demonym_after_the_is_a_person_of_that_place() {
    // "the Texan" is the one introduced as from Texas, like "the Russian president"; plural
    // demonyms are peoples and stay unresolved.
    let t = "Race\n\nTexas Sen. Ted Cruz spoke on Monday. \"We will win,\" the Texan said.";
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Ted Cruz"));
    let t = "Talks\n\nRussian President Vladimir Putin met Joe Biden. \
             \"It was constructive,\" the Russian said. \"We will see,\" the Americans said.";
    assert_eq!(speaker_of(t, "\"It was").as_deref(), Some("Vladimir Putin"));
    assert_ne!(speaker_of(t, "\"We will").as_deref(), Some("Joe Biden"));
}

#[test]
fn a_surname_that_is_also_a_demonym_names_its_bearer() {
    // "Cuban" alone reads as a nationality (an organisation), but Mark Cuban was named first.
    let t = "Owners\n\nBillionaire Mark Cuban spoke on Monday. \
             Cuban also said the senator sees issues as \"black and white.\"";
    assert_eq!(speaker_of(t, "\"black").as_deref(), Some("Mark Cuban"));
}

#[test]
fn a_two_word_state_is_stated_like_one() {
    // "New Jersey" and "North Carolina" are one state each, on both sides.
    let t = "Race\n\nNew Jersey Gov. Chris Christie spoke on Monday. \
             \"We will win,\" the New Jersey governor said.\n\n\
             North Carolina Sen. Thom Tillis agreed. \"It is over,\" the North Carolina senator said.";
    assert_eq!(
        speaker_of(t, "\"We will").as_deref(),
        Some("Chris Christie")
    );
    assert_eq!(speaker_of(t, "\"It is").as_deref(), Some("Thom Tillis"));
}

#[test]
fn an_organisation_named_with_for_is_one_name() {
    // "for" after an organisation word or a people joins the name; a nationality after it
    // belongs to the name too.
    let t = "Study\n\nA study by the Institute for Policy Studies found that \"the rich got richer.\"\n\n\
             \"We will fight,\" Americans for Prosperity said.\n\n\
             \"It is wrong,\" said the Center for American Progress.";
    assert_eq!(
        speaker_of(t, "\"the rich").as_deref(),
        Some("Institute for Policy Studies")
    );
    assert_eq!(
        speaker_of(t, "\"We will").as_deref(),
        Some("Americans for Prosperity")
    );
    assert_eq!(
        speaker_of(t, "\"It is").as_deref(),
        Some("Center for American Progress")
    );
}

#[test]
fn words_qualifying_an_office_keep_the_name_after_them_the_subject() {
    // In "Reed campaign chairman Sam Ortiz offered …" Ortiz acts; Reed only qualifies the office,
    // so a later "he" is Ortiz, also when the role word is capitalised.
    let lead = "Vote\n\nGovernor Tom Reed spoke on Monday.\n\n";
    for line in [
        "Reed campaign chairman Sam Ortiz offered a slogan.",
        "Reed campaign Chairman Sam Ortiz offered a slogan.",
        "State House press secretary Sam Ortiz offered a slogan.",
    ] {
        let t = format!("{lead}{line}\n\n“We will fight for you,” he said.");
        assert_eq!(
            speaker_of(&t, "“We will").as_deref(),
            Some("Sam Ortiz"),
            "{line}"
        );
    }
    // A verb before the office keeps the first name the subject.
    let t =
        format!("{lead}Reed hired campaign manager Sam Ortiz in May.\n\n“We will win,” he said.");
    assert_eq!(speaker_of(&t, "“We will").as_deref(), Some("Tom Reed"));
}

#[test]
fn one_capitalised_word_after_the_is_no_person() {
    // "The Blaze reported", "as the Rainmakers sang": a publication and a band, not people
    // called Blaze or Rainmakers; "the Dayton tragedy" only uses the name as a modifier, so
    // the "he" after it is still Reed.
    let t = "Notes\n\n\"The count was close,\" The Blaze reported.\n\n\
             As the Rainmakers sang back then, \"They will turn us all into beggars.\"\n\n\
             Governor Tom Reed's first post was about a shooting in a Dayton bar.\n\n\
             Then came another post about the Dayton tragedy, followed by one in which he took \
             credit for \"being right on crime.\"";
    let d = parse(t);
    let kind = |name: &str| {
        d.speakers
            .iter()
            .find(|s| &*s.name == name)
            .map(|s| s.kind)
            .unwrap_or_else(|| panic!("no speaker {name:?}: {:?}", d.speakers))
    };
    assert_eq!(kind("Blaze"), SpeakerKind::Organisation);
    assert_eq!(kind("Rainmakers"), SpeakerKind::Organisation);
    assert_eq!(speaker_of(t, "\"being").as_deref(), Some("Tom Reed"));
}

#[test]
fn a_capitalised_office_inside_a_name_is_no_role_nominal() {
    // "Inspector General for the …" is part of an office's name, not "a general for …": the
    // quote is the office's, not the attorney general's named before.
    let t = "Notes\n\nAttorney General Maria Lopez spoke on Monday.\n\n\
             The case was referred after the Office of the Inspector General for the Intelligence \
             Community said the emails held “classified material.”";
    assert_eq!(
        speaker_of(t, "“classified").as_deref(),
        Some("Office of the Inspector General for the Intelligence Community")
    );
}

#[test]
fn a_capitalised_participle_compound_is_no_part_of_the_name() {
    // "Ohio-based Sam Ortiz" is Sam Ortiz; "Ohio-based" describes him.
    let t = "Notes\n\n\"The race is close,\" Ohio-based Sam Ortiz said.\n\n\
             \"We will see,\" said Kremlin-backed Ivan Petrov.";
    assert_eq!(speaker_of(t, "\"The race").as_deref(), Some("Sam Ortiz"));
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Ivan Petrov"));
}

#[test]
fn a_name_after_told_or_an_alias_word_is_no_quotation() {
    // The show someone told and the alias someone used are names, not speech.
    let t = "Notes\n\n\"The race is close,\" Reed told \"Fox and Friends,\" on Monday.\n\n\
             Reed also exchanged messages with his daughter, Ann, who used the alias “Sam Blue” \
             in her emails.";
    let quotes: Vec<String> = attributions(t).into_iter().map(|(q, _)| q).collect();
    assert_eq!(quotes, vec!["\"The race is close,\"".to_string()]);
}

#[test]
fn a_plural_before_a_full_name_describes_the_person() {
    // "Celebrities Julia Moore" is Julia Moore; "Charles Ross" (a given name ending in "s")
    // keeps his whole name.
    let t = "Notes\n\n“It is good,” said Celebrities Julia Moore.\n\n\
             “It is not,” said Charles Ross Bell.";
    assert_eq!(speaker_of(t, "“It is good").as_deref(), Some("Julia Moore"));
    assert_eq!(
        speaker_of(t, "“It is not").as_deref(),
        Some("Charles Ross Bell")
    );
}

#[test]
fn the_subject_of_an_infinitive_follows_for() {
    // "only for Lee to tweet that …": Lee tweeted it, not Reed who spoke before.
    let t = "Notes\n\nGovernor Tom Reed and Senator Ann Lee met.\n\n\
             \"We will accept the result,\" Reed said Sunday, only for Lee to tweet Monday that \
             \"there is large scale fraud.\"";
    assert_eq!(speaker_of(t, "\"We will").as_deref(), Some("Tom Reed"));
    assert_eq!(speaker_of(t, "\"there is").as_deref(), Some("Ann Lee"));
}

#[test]
fn title_case_words_set_off_after_a_noun_name_it() {
    // "his comedy project, “Latin History for Dummies,”" names the project; after a verb the
    // same marks hold speech.
    let t = "Notes\n\nGovernor Tom Reed said: “We will win the state.”\n\n\
             In a talk about his comedy project, “Latin History for Dummies,” the actor spoke.\n\n\
             Later he said, “Vote For Me,” and left.";
    let quotes: Vec<String> = attributions(t).into_iter().map(|(q, _)| q).collect();
    assert_eq!(
        quotes,
        vec![
            "“We will win the state.”".to_string(),
            "“Vote For Me,”".to_string()
        ]
    );
}

#[test]
fn a_fragment_inside_an_aside_is_no_words_of_the_clause_subject() {
    // The parenthesis is the writer's gloss, not the voters' words; nor does a fragment after
    // the aside lend it a speaker.
    let t = "Notes\n\nSenator Ann Lee met voters on Monday.\n\n\
             Many voters are expected to delay casting their ballots (“sit on it” in the trade) \
             for weeks.";
    assert_eq!(attributions(t), vec![]);
    let t = "Notes\n\nMany voters are expected to delay casting their ballots (“sit on it” in \
             the trade) so as not to “waste” their vote.";
    let gloss = attributions(t)
        .into_iter()
        .find(|(q, _)| q.starts_with("“sit"))
        .and_then(|(_, s)| s);
    assert_eq!(gloss, None);
}
