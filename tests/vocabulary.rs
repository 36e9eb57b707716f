//! The policy's vocabulary through the public API: the words each type accepts and shows, the
//! errors for other words, the JSON forms, and the 12 priority ranks.

use std::fmt::{Debug, Display};
use std::str::FromStr;
use support_sla::{Channel, Error, Priority, Severity, TicketId, Tier};

/// Asserts that every word parses to its value.
fn assert_parses<T>(table: &[(&str, T)])
where
    T: FromStr<Err = Error> + PartialEq + Debug,
{
    for (word, expected) in table {
        assert_eq!(word.parse::<T>().as_ref(), Ok(expected), "parsing {word:?}");
    }
}

/// Asserts that every word is refused with `UnknownWord` of this kind, quoting the input as given.
fn assert_refuses<T>(kind: &str, words: &[&str])
where
    T: FromStr<Err = Error> + Debug,
{
    for word in words {
        match word.parse::<T>() {
            Err(Error::UnknownWord { kind: k, input, .. }) => {
                assert_eq!(k, kind, "kind for {word:?}");
                assert_eq!(input, *word, "input for {word:?}");
            }
            other => panic!("{word:?} should be refused as an unknown {kind}, got {other:?}"),
        }
        let message = word.parse::<T>().unwrap_err().to_string();
        assert!(
            message.contains(&format!("{word:?}")),
            "{message:?} should quote {word:?}"
        );
    }
}

/// Asserts that the value shows as `text`, and that the text parses back to the value.
fn assert_displays<T>(table: &[(T, &str)])
where
    T: FromStr<Err = Error> + Display + PartialEq + Debug,
{
    for (value, text) in table {
        assert_eq!(value.to_string(), *text);
        assert_eq!(text.parse::<T>().as_ref(), Ok(value));
    }
}

/// Asserts that the value's JSON is `json`, and that `json` reads back as the value.
#[cfg(feature = "serde")]
fn assert_json<T>(table: &[(T, &str)])
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Debug,
{
    for (value, json) in table {
        assert_eq!(serde_json::to_string(value).unwrap(), *json);
        assert_eq!(&serde_json::from_str::<T>(json).unwrap(), value);
    }
}

// Tier

#[test]
fn tier_accepts_its_words_in_any_case_and_surrounded_by_white_space() {
    assert_parses(&[
        ("standard", Tier::Standard),
        ("Standard", Tier::Standard),
        ("STANDARD", Tier::Standard),
        ("estandar", Tier::Standard),
        ("Estandar", Tier::Standard),
        ("estándar", Tier::Standard),
        ("Estándar", Tier::Standard),
        ("plus", Tier::Plus),
        ("Plus", Tier::Plus),
        ("PLUS", Tier::Plus),
        ("vip", Tier::Vip),
        ("VIP", Tier::Vip),
        ("Vip", Tier::Vip),
        ("  vip", Tier::Vip),
        ("vip\n", Tier::Vip),
        ("\t Plus \r\n", Tier::Plus),
    ]);
}

#[test]
fn tier_refuses_other_words() {
    assert_refuses::<Tier>(
        "tier",
        &[
            "",
            " ",
            "gold",
            "premium",
            "std",
            "v i p",
            "vip.",
            "plus+",
            "standards",
        ],
    );
}

#[test]
fn tier_error_message_names_the_word_and_the_choices() {
    assert_eq!(
        "gold".parse::<Tier>().unwrap_err().to_string(),
        r#"unknown tier "gold": expected one of standard, plus, vip"#
    );
    assert_eq!(
        " Gold\t".parse::<Tier>().unwrap_err().to_string(),
        r#"unknown tier " Gold\t": expected one of standard, plus, vip"#
    );
    assert_eq!(
        "gold".parse::<Tier>(),
        Err(Error::UnknownWord {
            kind: "tier",
            input: "gold".to_owned(),
            expected: "one of standard, plus, vip",
        })
    );
}

#[test]
fn tier_shows_its_word() {
    assert_displays(&[
        (Tier::Standard, "standard"),
        (Tier::Plus, "plus"),
        (Tier::Vip, "vip"),
    ]);
    for tier in Tier::ALL {
        assert_eq!(tier.as_str(), tier.to_string());
    }
    assert_eq!(format!("[{:>5}]", Tier::Vip), "[  vip]");
}

#[test]
#[cfg(feature = "serde")]
fn tier_json_is_its_word() {
    assert_json(&[
        (Tier::Standard, r#""standard""#),
        (Tier::Plus, r#""plus""#),
        (Tier::Vip, r#""vip""#),
    ]);
    assert!(serde_json::from_str::<Tier>(r#""gold""#).is_err());
    assert!(serde_json::from_str::<Tier>("2").is_err());
}

#[test]
fn tiers_are_ordered_by_precedence() {
    assert_eq!(Tier::ALL, [Tier::Standard, Tier::Plus, Tier::Vip]);
    assert!(Tier::Standard < Tier::Plus && Tier::Plus < Tier::Vip);
}

// Severity

#[test]
fn severity_accepts_numbers_s_and_sev_in_any_case_and_surrounded_by_white_space() {
    let s = [Severity::S1, Severity::S2, Severity::S3, Severity::S4];
    for (n, &severity) in (1..=4).zip(&s) {
        for word in [
            format!("{n}"),
            format!("s{n}"),
            format!("S{n}"),
            format!("sev{n}"),
            format!("SEV{n}"),
            format!("Sev{n}"),
            format!(" S{n} "),
            format!("\tsev{n}\n"),
        ] {
            assert_eq!(word.parse::<Severity>(), Ok(severity), "parsing {word:?}");
        }
    }
}

#[test]
fn severity_refuses_other_words() {
    assert_refuses::<Severity>(
        "severity",
        &[
            "",
            "0",
            "5",
            "S0",
            "S5",
            "s",
            "sev",
            "S 1",
            "sev 1",
            "severity1",
            "1.0",
            "01",
            "+1",
            "uno",
            "critical",
            "P1",
        ],
    );
}

#[test]
fn severity_error_message_names_the_word_and_the_choices() {
    assert_eq!(
        "S5".parse::<Severity>().unwrap_err().to_string(),
        r#"unknown severity "S5": expected one of 1, 2, 3, 4 (or S1 to S4)"#
    );
}

#[test]
fn severity_shows_as_s_and_its_number() {
    assert_displays(&[
        (Severity::S1, "S1"),
        (Severity::S2, "S2"),
        (Severity::S3, "S3"),
        (Severity::S4, "S4"),
    ]);
    for (n, severity) in (1..=4).zip(Severity::ALL) {
        assert_eq!(severity.number(), n);
        assert_eq!(Severity::from_number(n), Some(severity));
    }
    assert_eq!(Severity::from_number(0), None);
    assert_eq!(Severity::from_number(5), None);
    assert_eq!(format!("[{:<3}]", Severity::S2), "[S2 ]");
}

#[test]
#[cfg(feature = "serde")]
fn severity_json_is_s_and_its_number_in_lowercase() {
    assert_json(&[
        (Severity::S1, r#""s1""#),
        (Severity::S2, r#""s2""#),
        (Severity::S3, r#""s3""#),
        (Severity::S4, r#""s4""#),
    ]);
    assert!(serde_json::from_str::<Severity>(r#""s5""#).is_err());
    assert!(serde_json::from_str::<Severity>("1").is_err());
}

#[test]
fn only_s1_and_s2_are_urgent() {
    let urgent: Vec<bool> = Severity::ALL.iter().map(|s| s.is_urgent()).collect();
    assert_eq!(urgent, [true, true, false, false]);
    assert!(Severity::S1 < Severity::S2 && Severity::S3 < Severity::S4);
}

// Channel

#[test]
fn channel_accepts_its_words_in_any_case_and_surrounded_by_white_space() {
    assert_parses(&[
        ("email", Channel::Email),
        ("Email", Channel::Email),
        ("EMAIL", Channel::Email),
        ("e-mail", Channel::Email),
        ("E-Mail", Channel::Email),
        ("correo", Channel::Email),
        ("Correo", Channel::Email),
        ("web", Channel::Web),
        ("WEB", Channel::Web),
        ("portal", Channel::Web),
        ("Portal", Channel::Web),
        ("phone", Channel::Phone),
        ("Phone", Channel::Phone),
        ("telefono", Channel::Phone),
        ("Telefono", Channel::Phone),
        ("teléfono", Channel::Phone),
        ("Teléfono", Channel::Phone),
        (" email ", Channel::Email),
        ("\nweb\t", Channel::Web),
    ]);
}

#[test]
fn channel_refuses_other_words() {
    assert_refuses::<Channel>(
        "channel",
        &[
            "",
            "fax",
            "mail",
            "e mail",
            "e_mail",
            "tel",
            "web portal",
            "chat",
        ],
    );
}

#[test]
fn channel_error_message_names_the_word_and_the_choices() {
    assert_eq!(
        "fax".parse::<Channel>().unwrap_err().to_string(),
        r#"unknown channel "fax": expected one of email, web, phone"#
    );
}

#[test]
fn channel_shows_its_word() {
    assert_displays(&[
        (Channel::Email, "email"),
        (Channel::Web, "web"),
        (Channel::Phone, "phone"),
    ]);
    for channel in [Channel::Email, Channel::Web, Channel::Phone] {
        assert_eq!(channel.as_str(), channel.to_string());
    }
}

#[test]
#[cfg(feature = "serde")]
fn channel_json_is_its_word() {
    assert_json(&[
        (Channel::Email, r#""email""#),
        (Channel::Web, r#""web""#),
        (Channel::Phone, r#""phone""#),
    ]);
    assert!(serde_json::from_str::<Channel>(r#""e-mail""#).is_err());
}

// TicketId

#[test]
fn ticket_id_accepts_digits_with_an_optional_hash_and_surrounding_white_space() {
    assert_parses(&[
        ("0", TicketId::new(0)),
        ("4711", TicketId::new(4711)),
        ("#4711", TicketId::new(4711)),
        ("  #4711\n", TicketId::new(4711)),
        ("007", TicketId::new(7)),
        ("18446744073709551615", TicketId::new(u64::MAX)),
        ("#18446744073709551615", TicketId::new(u64::MAX)),
    ]);
}

#[test]
fn ticket_id_refuses_anything_else() {
    assert_refuses::<TicketId>(
        "ticket number",
        &[
            "",
            "#",
            "##1",
            "# 1",
            "+1",
            "-1",
            "1.0",
            "1_000",
            "12a",
            "0x10",
            "T-12",
            "18446744073709551616",
            "99999999999999999999999",
        ],
    );
}

#[test]
fn ticket_id_error_message_names_the_word() {
    assert_eq!(
        "12a".parse::<TicketId>().unwrap_err().to_string(),
        r#"unknown ticket number "12a": expected a decimal number from 0 to 18446744073709551615"#
    );
}

#[test]
fn ticket_id_shows_its_digits() {
    assert_displays(&[
        (TicketId::new(0), "0"),
        (TicketId::new(4711), "4711"),
        (TicketId::new(u64::MAX), "18446744073709551615"),
    ]);
    assert_eq!(TicketId::from(12).get(), 12);
    assert_eq!(TicketId::new(12), TicketId::from(12));
}

#[test]
#[cfg(feature = "serde")]
fn ticket_id_json_is_a_number() {
    assert_json(&[
        (TicketId::new(0), "0"),
        (TicketId::new(4711), "4711"),
        (TicketId::new(u64::MAX), "18446744073709551615"),
    ]);
    assert!(serde_json::from_str::<TicketId>(r#""4711""#).is_err());
    assert!(serde_json::from_str::<TicketId>("-1").is_err());
}

// Priority

/// The 12 ranks of DESIGN.md: severity first, then Vip, Plus, Standard.
const RANKS: [(Severity, Tier, u8); 12] = [
    (Severity::S1, Tier::Vip, 1),
    (Severity::S1, Tier::Plus, 2),
    (Severity::S1, Tier::Standard, 3),
    (Severity::S2, Tier::Vip, 4),
    (Severity::S2, Tier::Plus, 5),
    (Severity::S2, Tier::Standard, 6),
    (Severity::S3, Tier::Vip, 7),
    (Severity::S3, Tier::Plus, 8),
    (Severity::S3, Tier::Standard, 9),
    (Severity::S4, Tier::Vip, 10),
    (Severity::S4, Tier::Plus, 11),
    (Severity::S4, Tier::Standard, 12),
];

#[test]
fn the_twelve_severity_and_tier_pairs_are_ranks_1_to_12() {
    for (severity, tier, rank) in RANKS {
        let p = Priority::new(tier, severity);
        assert_eq!(p.rank(), rank, "{severity} {tier}");
        assert_eq!((p.severity(), p.tier()), (severity, tier));
        assert_eq!(Priority::from_rank(rank), Ok(p));
    }
    assert_eq!(Priority::HIGHEST, Priority::new(Tier::Vip, Severity::S1));
    assert_eq!(
        Priority::LOWEST,
        Priority::new(Tier::Standard, Severity::S4)
    );
}

#[test]
fn priorities_order_by_rank() {
    let by_rank: Vec<Priority> = RANKS.iter().map(|&(s, t, _)| Priority::new(t, s)).collect();
    let mut sorted = by_rank.clone();
    sorted.sort();
    assert_eq!(sorted, by_rank);
    assert!(Priority::new(Tier::Standard, Severity::S1) < Priority::new(Tier::Vip, Severity::S2));
}

#[test]
fn from_rank_round_trips_and_refuses_0_and_13() {
    for rank in 1..=12 {
        assert_eq!(Priority::from_rank(rank).map(Priority::rank), Ok(rank));
    }
    for rank in [0, 13, 255] {
        assert_eq!(
            Priority::from_rank(rank),
            Err(Error::RankOutOfRange { rank })
        );
    }
    assert_eq!(
        Priority::from_rank(13).unwrap_err().to_string(),
        "priority rank 13 is out of range: expected 1 to 12"
    );
    assert_eq!(
        Priority::from_rank(0).unwrap_err().to_string(),
        "priority rank 0 is out of range: expected 1 to 12"
    );
}

#[test]
fn priority_accepts_p_and_its_rank_or_the_bare_rank() {
    for rank in 1..=12u8 {
        let p = Priority::from_rank(rank).unwrap();
        for word in [
            format!("P{rank}"),
            format!("p{rank}"),
            format!("{rank}"),
            format!(" P{rank}\n"),
        ] {
            assert_eq!(word.parse::<Priority>(), Ok(p), "parsing {word:?}");
        }
    }
}

#[test]
fn priority_refuses_other_words() {
    assert_refuses::<Priority>(
        "priority",
        &[
            "", "P", "p", "P0", "P13", "0", "13", "256", "P 1", "PP1", "P1.0", "S1", "high", "-1",
        ],
    );
}

#[test]
fn priority_error_message_names_the_word_and_the_choices() {
    assert_eq!(
        "P13".parse::<Priority>().unwrap_err().to_string(),
        r#"unknown priority "P13": expected P1 to P12"#
    );
}

#[test]
fn priority_shows_as_p_and_its_rank() {
    let table: Vec<(Priority, String)> = (1..=12)
        .map(|rank| (Priority::from_rank(rank).unwrap(), format!("P{rank}")))
        .collect();
    let table: Vec<(Priority, &str)> = table.iter().map(|(p, s)| (*p, s.as_str())).collect();
    assert_displays(&table);
    assert_eq!(format!("[{:>4}]", Priority::HIGHEST), "[  P1]");
}

#[test]
#[cfg(feature = "serde")]
fn priority_json_is_its_text() {
    assert_json(&[
        (Priority::HIGHEST, r#""P1""#),
        (Priority::new(Tier::Plus, Severity::S2), r#""P5""#),
        (Priority::LOWEST, r#""P12""#),
    ]);
    // Reading goes through the same parser as `FromStr`.
    assert_eq!(
        serde_json::from_str::<Priority>(r#""p5""#).unwrap(),
        Priority::from_rank(5).unwrap()
    );
    let err = serde_json::from_str::<Priority>(r#""P13""#).unwrap_err();
    assert!(
        err.to_string()
            .contains(r#"unknown priority "P13": expected P1 to P12"#),
        "{err}"
    );
    assert!(serde_json::from_str::<Priority>("5").is_err());
}

#[test]
fn priority_words_are_plain_digits_without_sign_or_leading_zero() {
    for bad in ["P05", "+5", "P+5", "p012", "P", "", "P 5", "-1"] {
        assert!(
            bad.parse::<Priority>().is_err(),
            "{bad:?} should be refused"
        );
    }
    assert_eq!(
        "p12".parse::<Priority>().map(support_sla::Priority::rank),
        Ok(12)
    );
    assert_eq!(
        " 7 ".parse::<Priority>().map(support_sla::Priority::rank),
        Ok(7)
    );
}

#[test]
fn accented_capitals_match_their_words() {
    assert_eq!("ESTÁNDAR".parse::<Tier>(), Ok(Tier::Standard));
    assert_eq!("TELÉFONO".parse::<Channel>(), Ok(Channel::Phone));
}
