//! Every parser of the crate against random bytes and random near-valid text: no panic, and
//! either an error or a value that prints back to an equivalent input (`parse(print(v)) == v`).
//!
//! Near-valid text is a valid sample with a few random edits (a character inserted, deleted,
//! replaced or doubled), drawn from the characters the format is made of, so most cases reach
//! deep into the parser instead of failing on the first byte.

use proptest::prelude::*;
use std::fmt::{Debug, Display};
use std::str::FromStr;
use support_sla::coverage::Schedule;
use support_sla::policy::{Activity, RequestKind, VoidingAction};
use support_sla::{Channel, Priority, Severity, TicketId, Tier};

/// One edit of a text: at a position (taken modulo the length), an operation, a character.
type Edit = (usize, u8, char);

/// `text` with `edits` applied, on characters (never splitting one).
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, op, c) in edits {
        let at = if chars.is_empty() {
            0
        } else {
            at % chars.len()
        };
        match op % 4 {
            0 => chars.insert(at, c),
            1 if !chars.is_empty() => {
                chars.remove(at);
            }
            2 if !chars.is_empty() => chars[at] = c,
            _ => {
                let end = (at + 1 + usize::from(op) % 8).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, copy);
            }
        }
    }
    chars.into_iter().collect()
}

/// Near-valid text: one of `samples` with up to three edits drawn from `alphabet`.
fn near(samples: Vec<String>, alphabet: &'static str) -> impl Strategy<Value = String> {
    let letters: Vec<char> = alphabet.chars().collect();
    let edit = (
        any::<usize>(),
        any::<u8>(),
        proptest::sample::select(letters),
    );
    (
        proptest::sample::select(samples),
        prop::collection::vec(edit, 0..=3),
    )
        .prop_map(|(sample, edits)| mutate(&sample, &edits))
}

/// Random bytes read as text (invalid UTF-8 replaced), and random strings of any characters.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        any::<String>(),
        "[ -~]{0,40}",
    ]
}

/// Parsing `input` as `T` either fails or gives a value whose text parses back to it.
fn text_round_trip<T>(input: &str) -> Result<(), TestCaseError>
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    if let Ok(value) = input.parse::<T>() {
        let printed = value.to_string();
        let again = printed.parse::<T>();
        prop_assert!(
            again.is_ok(),
            "{input:?} → {value:?} prints {printed:?}, refused: {again:?}"
        );
        prop_assert_eq!(again.ok(), Some(value), "{:?} prints {:?}", input, printed);
    }
    Ok(())
}

fn words() -> Vec<String> {
    [
        "standard",
        "plus",
        "vip",
        "VIP",
        " Plus ",
        "1",
        "4",
        "S1",
        "s4",
        "P1",
        "p12",
        "P5",
        "#42",
        "18446744073709551615",
        "email",
        "web",
        "phone",
        "e-mail",
        "incident",
        "feature_request",
        "audit",
        "contingency-plan",
        "training",
        "source_code_modification",
    ]
    .map(str::to_owned)
    .to_vec()
}

const WORD_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzSPVIP0123456789#-_ +.\u{0}\u{130}ß\u{212a}";

fn schedules() -> Vec<String> {
    vec![
        Schedule::standard().to_string(),
        Schedule::plus().to_string(),
        "mon-sun 00:00-24:00".to_owned(),
        "sat 10:00:30-12:00:00.5; sun 08:00-09:00 10:00-11:00".to_owned(),
        "mon 09:00-13:00 15:00-19:00".to_owned(),
    ]
}

const SCHEDULE_LETTERS: &str = "montuewdhfrisa0123456789:-.,; 24";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn vocabulary_words(
        input in prop_oneof![4 => near(words(), WORD_LETTERS), 1 => noise()],
    ) {
        text_round_trip::<Tier>(&input)?;
        text_round_trip::<Severity>(&input)?;
        text_round_trip::<Priority>(&input)?;
        text_round_trip::<Channel>(&input)?;
        text_round_trip::<TicketId>(&input)?;
        text_round_trip::<RequestKind>(&input)?;
        text_round_trip::<VoidingAction>(&input)?;
        text_round_trip::<Activity>(&input)?;
    }

    #[test]
    fn schedule_text(
        input in prop_oneof![4 => near(schedules(), SCHEDULE_LETTERS), 1 => noise()],
    ) {
        text_round_trip::<Schedule>(&input)?;
    }

}

#[test]
fn the_samples_are_valid() {
    for text in words() {
        let known = text.parse::<Tier>().is_ok()
            || text.parse::<Severity>().is_ok()
            || text.parse::<Priority>().is_ok()
            || text.parse::<Channel>().is_ok()
            || text.parse::<TicketId>().is_ok()
            || text.parse::<RequestKind>().is_ok()
            || text.parse::<VoidingAction>().is_ok();
        assert!(known || text.parse::<Activity>().is_ok(), "{text:?}");
    }
    for text in schedules() {
        text.parse::<Schedule>().unwrap();
    }
}

/// The JSON documents: timelines, facts, objectives (ISO 8601 durations), calendar overrides,
/// special hours, policies.
#[cfg(feature = "serde")]
mod json {
    use super::{near, noise};
    use proptest::prelude::*;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::fmt::Debug;
    use std::sync::OnceLock;
    use support_sla::calendar::CalendarOverrides;
    use support_sla::coverage::SpecialHours;
    use support_sla::policy::{Objectives, PolicyConfig};
    use support_sla::status::{TicketFacts, Timeline};
    use support_sla::SupportPolicy;

    /// Reading `input` as JSON of `T` either fails or gives a value whose JSON reads back to it.
    fn json_round_trip<T>(input: &[u8]) -> Result<Option<T>, TestCaseError>
    where
        T: DeserializeOwned + Serialize + PartialEq + Debug,
    {
        let Ok(value) = serde_json::from_slice::<T>(input) else {
            return Ok(None);
        };
        let printed = serde_json::to_string(&value).unwrap();
        let again = serde_json::from_str::<T>(&printed);
        prop_assert!(
            again.is_ok(),
            "{value:?} writes {printed}, refused: {again:?}"
        );
        prop_assert_eq!(again.as_ref().ok(), Some(&value), "written as {}", printed);
        Ok(Some(value))
    }

    const JSON_LETTERS: &str = "{}[]\",:0123456789-+.PTHMSDWYZTtrufalsenu\\ e_";

    fn samples<T: Serialize>(values: &[T]) -> Vec<String> {
        values
            .iter()
            .map(|v| serde_json::to_string(v).unwrap())
            .collect()
    }

    fn timeline_samples() -> Vec<String> {
        vec![
            r#"[{"at":"2025-03-03T09:00:00+01:00","kind":{"registered":{"tier":"plus","severity":"s2"}}},{"at":"2025-03-03T09:30:00Z","kind":"first_response"},{"at":"2025-03-03T11:00:00Z","kind":"paused"},{"at":"2025-03-04T11:00:00Z","kind":"resumed"},{"at":"2025-03-04T12:00:00Z","kind":{"reclassified":{"tier":"vip","severity":"s1"}}},{"at":"2025-03-05T12:00:00Z","kind":"resolved"},{"at":"2025-03-05T13:00:00Z","kind":"reopened"},{"at":"2025-03-05T14:00:00Z","kind":"resolved"},{"at":"2025-03-06T14:00:00Z","kind":"closed"}]"#.to_owned(),
            r#"[{"at":"2099-12-31T23:59:59.999999999Z","kind":{"registered":{"tier":"vip","severity":"s1"}}}]"#.to_owned(),
        ]
    }

    fn override_samples() -> Vec<String> {
        vec![
            r#"{"add":[{"date":"2025-12-24","level":"company","name":"Nochebuena","provenance":{"custom":{"source":"acuerdo"}}}],"remove":["2025-05-02"],"replace":[{"year":2026,"holidays":[]}]}"#.to_owned(),
            r#"{"remove":["2025-12-25"]}"#.to_owned(),
            "{}".to_owned(),
        ]
    }

    fn special_samples() -> Vec<String> {
        vec![
            r#"{"name":"Nochebuena","first":"2025-12-24","last":"2025-12-24","hours":"mon-fri 09:00-14:00"}"#.to_owned(),
            r#"{"name":"verano","first":"2025-07-01","last":"2025-08-31","hours":"mon-fri 08:00-15:00"}"#.to_owned(),
        ]
    }

    fn policy_samples() -> Vec<String> {
        let mut with_everything = serde_json::to_value(PolicyConfig::default()).unwrap();
        with_everything["special_hours"] =
            serde_json::from_str(&format!("[{}]", special_samples()[0])).unwrap();
        with_everything["calendar_overrides"] =
            serde_json::from_str(&override_samples()[0]).unwrap();
        vec![
            serde_json::to_string(&PolicyConfig::default()).unwrap(),
            with_everything.to_string(),
            r#"{"plus_hours":"mon-fri 08:00-21:00","at_risk_per_mille":100,"thresholds_per_mille":[500,1000]}"#.to_owned(),
        ]
    }

    fn facts_samples() -> Vec<String> {
        vec![
            r#"{"tier":"vip","severity":"s2","registered":"2025-03-03T09:00:00Z","first_response":"2025-03-03T09:10:00+01:00","resolved":null}"#.to_owned(),
            r#"{"tier":"standard","severity":"s4","registered":"2000-01-01T00:00:00Z"}"#.to_owned(),
        ]
    }

    /// The policy of the text, built once.
    fn madrid() -> &'static SupportPolicy {
        static POLICY: OnceLock<SupportPolicy> = OnceLock::new();
        POLICY.get_or_init(SupportPolicy::madrid)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn objectives_json(
            input in prop_oneof![4 => near(samples(&[Objectives::default()]), JSON_LETTERS), 1 => noise()],
        ) {
            json_round_trip::<Objectives>(input.as_bytes())?;
        }

        #[test]
        fn calendar_overrides_json(
            input in prop_oneof![4 => near(override_samples(), JSON_LETTERS), 1 => noise()],
        ) {
            json_round_trip::<CalendarOverrides>(input.as_bytes())?;
        }

        #[test]
        fn special_hours_json(
            input in prop_oneof![4 => near(special_samples(), JSON_LETTERS), 1 => noise()],
        ) {
            json_round_trip::<SpecialHours>(input.as_bytes())?;
        }

        #[test]
        fn timeline_json(
            input in prop_oneof![4 => near(timeline_samples(), JSON_LETTERS), 1 => noise()],
            hours in -48i64..400,
        ) {
            if let Some(timeline) = json_round_trip::<Timeline>(input.as_bytes())? {
                // Whatever was read, the status of it is an answer or an error, never a panic.
                let now = timeline.registered_at() + chrono::TimeDelta::hours(hours);
                let _ = madrid().timeline_status(&timeline, now);
            }
        }

        #[test]
        fn ticket_facts_json(
            input in prop_oneof![4 => near(facts_samples(), JSON_LETTERS), 1 => noise()],
        ) {
            if let Some(facts) = json_round_trip::<TicketFacts>(input.as_bytes())? {
                let _ = madrid().status(&facts, facts.registered);
            }
        }
    }

    proptest! {
        // Building a policy precomputes its clocks: fewer cases.
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn policy_json(input in prop_oneof![4 => near(policy_samples(), JSON_LETTERS), 1 => noise()]) {
            if let Some(config) = json_round_trip::<PolicyConfig>(input.as_bytes())? {
                // A document that reads is built or refused, never a panic.
                let _ = SupportPolicy::from_config(config);
            }
        }
    }

    #[test]
    fn the_samples_are_valid() {
        for text in timeline_samples() {
            serde_json::from_str::<Timeline>(&text).unwrap();
        }
        for text in override_samples() {
            serde_json::from_str::<CalendarOverrides>(&text).unwrap();
        }
        for text in special_samples() {
            serde_json::from_str::<SpecialHours>(&text).unwrap();
        }
        for text in facts_samples() {
            serde_json::from_str::<TicketFacts>(&text).unwrap();
        }
        for text in policy_samples() {
            let config: PolicyConfig = serde_json::from_str(&text).unwrap();
            SupportPolicy::from_config(config).unwrap();
        }
    }
}
