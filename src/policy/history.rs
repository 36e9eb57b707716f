//! Policies that change over time: a history of versions, each a whole [`PolicyConfig`] with the
//! instant it takes effect.
//!
//! For a ticket open across a change (DESIGN.md, "Policy over time"):
//!
//! - the **coverage in force at each instant** counts: its hours, special hours, holidays and
//!   zone. A version's clocks answer only for its own span, from its `from` to the next one's;
//! - the **objectives, the re-classification rule, the at-risk and threshold fractions and the
//!   coverage a Vip S3/S4 ticket runs on, in force at the registration**, apply to the whole
//!   ticket: the contract the ticket was opened under;
//! - a date's holiday status is a fact, not a version: a later version may change the calendar
//!   only for dates on or after the local date it takes effect. A correction to a past date is a
//!   new calendar (a new policy), and [`repair`](crate::status::repair) says which tickets'
//!   answers moved.
//!
//! Versions with equal coverages share one built clock, and a clock of versions folds their
//! precomputed indexes into one: it answers with the very steps, at the very cost, of a clock of
//! one coverage, whatever the number of versions. Only versions crowded into one week (hundreds,
//! a few minutes apart) can be refused, with [`Error::TooManyStretches`].

use super::{CoverageKind, PolicyConfig, SupportPolicy};
use crate::calendar::Holiday;
use crate::clock::AsInstant;
use crate::clock::{Clock, ClockCache};
use crate::coverage::Coverage;
use crate::error::Error;
use chrono::{DateTime, Days, NaiveDate, Utc};
use std::collections::BTreeSet;
use std::sync::Arc;

/// One version of a [`PolicyHistory`]: a whole policy configuration and the instant it takes
/// effect.
///
/// In a document: `{"from": "2025-07-01T00:00:00+02:00", "policy": { …PolicyConfig… }}`; only
/// the first version of a history may leave out `from` (it then applies since the start of the
/// supported range).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PolicyVersion {
    /// When the version takes effect (RFC 3339 in a document); `None` for a first version in
    /// force since the start of the supported range.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub from: Option<DateTime<Utc>>,
    /// The policy of the version.
    pub policy: PolicyConfig,
}

/// The versions of a policy over time, in the order they take effect: what
/// [`SupportPolicy::from_history`] builds a policy from.
///
/// ```json
/// {"versions": [
///   {"policy": {"standard_hours": "mon-thu 09:00-17:30; fri 09:00-14:00"}},
///   {"from": "2025-07-01T00:00:00+02:00", "policy": {"standard_hours": "mon-fri 09:00-14:00"}}
/// ]}
/// ```
///
/// # Example
///
/// Summer hours (09:00–14:00) from 1 July 2025: a Standard ticket registered on Monday 30 June
/// at 16:00 counts 1 h 30 min on Monday under the old hours, then summer hours from Tuesday.
///
/// ```
/// use chrono::{TimeDelta, TimeZone};
/// use chrono_tz::Europe::Madrid;
/// use support_sla::policy::{PolicyConfig, PolicyHistory};
/// use support_sla::{Severity, SupportPolicy, Tier};
///
/// let mut summer = PolicyConfig::default();
/// summer.standard_hours = "mon-fri 09:00-14:00".parse()?;
/// let history = PolicyHistory::new(PolicyConfig::default())
///     .then(Madrid.with_ymd_and_hms(2025, 7, 1, 0, 0, 0).unwrap(), summer);
/// let policy = SupportPolicy::from_history(history)?;
///
/// let registered = Madrid.with_ymd_and_hms(2025, 6, 30, 16, 0, 0).unwrap();
/// let due = policy.due(Tier::Standard, Severity::S3, registered)?; // 4 hours
/// // 16:00–17:30 on Monday, then 2 h 30 min of Tuesday's 09:00–14:00.
/// assert_eq!(due.response, Madrid.with_ymd_and_hms(2025, 7, 1, 11, 30, 0).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct PolicyHistory {
    /// The versions, in the order they take effect.
    pub versions: Vec<PolicyVersion>,
}

impl PolicyHistory {
    /// A history of one version, `policy`, in force since the start of the supported range.
    pub fn new(policy: PolicyConfig) -> PolicyHistory {
        PolicyHistory {
            versions: vec![PolicyVersion { from: None, policy }],
        }
    }

    /// This history with `policy` taking effect at `from`.
    #[must_use]
    pub fn then(mut self, from: impl AsInstant, policy: PolicyConfig) -> PolicyHistory {
        self.versions.push(PolicyVersion {
            from: Some(from.utc()),
            policy,
        });
        self
    }
}

/// A policy document of either form: one [`PolicyConfig`], or a [`PolicyHistory`] (an object
/// with the single field `versions`). It is the serde form of [`SupportPolicy`].
///
/// A document whose first field is `versions` is read as a history; any other as a policy
/// configuration, so errors name the fields of the form meant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
// A document is read once per policy: its size does not matter, a box would only make it
// clumsier to build and match.
#[allow(clippy::large_enum_variant)]
pub enum PolicyDocument {
    /// One policy, in force over the whole supported range.
    Config(PolicyConfig),
    /// Versions over time.
    History(PolicyHistory),
}

/// What a policy is: one configuration, a history of several versions, or one version of a
/// history (what [`SupportPolicy::in_force_at`] gives).
#[derive(Debug, Clone)]
pub(crate) enum Role {
    Single,
    Whole(Arc<Versions>),
    Version {
        of: Arc<PolicyHistory>,
        index: usize,
    },
}

impl Role {
    /// What equality compares besides the configuration.
    pub(crate) fn key(&self) -> Option<(&PolicyHistory, Option<usize>)> {
        match self {
            Role::Single => None,
            Role::Whole(versions) => Some((&versions.document, None)),
            Role::Version { of, index } => Some((of, Some(*index))),
        }
    }
}

/// What a policy of several versions keeps: its document, and one view per version.
#[derive(Debug)]
pub(crate) struct Versions {
    document: Arc<PolicyHistory>,
    /// Per version, when it takes effect (`None`: since the start) and the policy of its
    /// configuration on the clocks of the whole history.
    views: Vec<(Option<DateTime<Utc>>, SupportPolicy)>,
}

/// `error` as a refusal of version `index`'s `field`.
fn refuse(index: usize, field: &'static str) -> impl Fn(Error) -> Error {
    move |error| Error::InvalidVersion {
        index,
        field,
        error: Box::new(error),
    }
}

/// Checks the `from`s: only the first may be missing, and they strictly increase.
fn check_starts(versions: &[PolicyVersion]) -> Result<(), Error> {
    let mut previous: Option<DateTime<Utc>> = None;
    for (index, version) in versions.iter().enumerate() {
        match (version.from, previous) {
            (None, _) if index > 0 => {
                return Err(refuse(index, "from")(Error::MissingVersionStart));
            }
            (Some(from), Some(previous)) if from <= previous => {
                return Err(refuse(index, "from")(Error::VersionsNotIncreasing {
                    from,
                    previous,
                }));
            }
            _ => {}
        }
        previous = version.from;
    }
    Ok(())
}

/// Checks that `later` (taking effect at `from`) says of every date before `from`'s local date
/// what `earlier` says: whether it is a holiday.
fn check_past_dates(
    earlier: &Coverage,
    later: &Coverage,
    from: DateTime<Utc>,
) -> Result<(), Error> {
    let (Some(old), Some(new)) = (earlier.calendar(), later.calendar()) else {
        return Ok(());
    };
    let first = NaiveDate::from_ymd_opt(*crate::calendar::SUPPORTED_YEARS.start(), 1, 1)
        .expect("invariant: 1 January of the first supported year is a date");
    let Some(last) = from
        .with_timezone(&later.time_zone())
        .date_naive()
        .checked_sub_days(Days::new(1))
        .filter(|last| *last >= first)
    else {
        return Ok(());
    };
    let dates = |calendar: &crate::calendar::Calendar| {
        calendar
            .holidays_between(first, last)
            .map(|days| days.map(Holiday::date).collect::<BTreeSet<NaiveDate>>())
    };
    let (old, new) = (dates(old)?, dates(new)?);
    match old.symmetric_difference(&new).next() {
        Some(&date) => Err(Error::PastDateChanged { date, from }),
        None => Ok(()),
    }
}

/// The versions' clocks of each kind (Standard, Plus, around the clock), each with the instant
/// its version takes effect: the versions checked (configuration, past dates, `from` inside the
/// range of its clocks and of the clocks before), built through `cache` (equal coverages built
/// once, a zone's weeks computed once).
#[allow(clippy::type_complexity)]
fn clocks_per_kind(
    versions: &[PolicyVersion],
    cache: &ClockCache,
) -> Result<[Vec<(Option<DateTime<Utc>>, Clock)>; 3], Error> {
    let mut per_kind: [Vec<(Option<DateTime<Utc>>, Clock)>; 3] = Default::default();
    let mut previous: Option<[Coverage; 3]> = None;
    for (index, version) in versions.iter().enumerate() {
        let coverages =
            SupportPolicy::coverages(&version.policy).map_err(refuse(index, "policy"))?;
        let kinds = [
            CoverageKind::Standard,
            CoverageKind::Plus,
            CoverageKind::Always,
        ];
        for ((kind, coverage), which) in per_kind.iter_mut().zip(&coverages).zip(kinds) {
            let clock = SupportPolicy::clock_in(which, coverage.clone(), cache)
                .map_err(refuse(index, "policy"))?;
            if let Some(from) = version.from {
                for range in kind
                    .last()
                    .map(|(_, before)| before.supported_range())
                    .into_iter()
                    .chain([clock.supported_range()])
                {
                    if !range.contains(&from) {
                        return Err(refuse(index, "from")(Error::InstantOutOfRange {
                            instant: from,
                            supported: range,
                        }));
                    }
                }
            }
            kind.push((version.from, clock));
        }
        if let (Some(earlier), Some(from)) = (&previous, version.from) {
            for (old, new) in earlier.iter().zip(&coverages) {
                check_past_dates(old, new, from).map_err(refuse(index, "calendar_overrides"))?;
            }
        }
        previous = Some(coverages);
    }
    Ok(per_kind)
}

/// The clock of one kind's versions (checked by [`clocks_per_kind`]).
fn compose(versions: Vec<(Option<DateTime<Utc>>, Clock)>) -> Result<Clock, Error> {
    let mut versions = versions.into_iter();
    let (start, first) = versions
        .next()
        .expect("invariant: a history checked non-empty has a first version");
    let rest = versions
        .enumerate()
        .map(|(i, (from, clock))| {
            from.map(|from| (from, clock))
                .ok_or_else(|| refuse(i + 1, "from")(Error::MissingVersionStart))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    // Every instant was checked against its clocks' ranges above: what is left to refuse is a
    // week crowded with versions ([`Error::TooManyStretches`]), which no one version causes.
    Clock::versioned(start, first, rest)
}

impl SupportPolicy {
    /// The policy of a history of versions, checked, with its clocks built: the coverage in
    /// force at each instant counts, and the objectives and rules in force at a ticket's
    /// registration apply to the whole ticket (see [`in_force_at`](Self::in_force_at) and the
    /// [module docs](crate::policy)).
    ///
    /// A history of one version with no `from` is the policy of that configuration
    /// ([`from_config`](Self::from_config)). Versions with equal coverages share one built
    /// clock: building costs one clock per distinct coverage.
    ///
    /// # Errors
    ///
    /// - [`Error::EmptyHistory`] when there is no version;
    /// - [`Error::InvalidVersion`] naming the version's position and field, wrapping the cause:
    ///   `from` missing after the first version ([`Error::MissingVersionStart`]), not after the
    ///   previous one ([`Error::VersionsNotIncreasing`]) or outside the supported range
    ///   ([`Error::InstantOutOfRange`]); a configuration
    ///   [`from_config`](Self::from_config) refuses (field `policy`); calendar overrides that
    ///   change whether a date before `from` is a holiday ([`Error::PastDateChanged`], field
    ///   `calendar_overrides`).
    ///
    pub fn from_history(history: PolicyHistory) -> Result<SupportPolicy, Error> {
        SupportPolicy::from_history_in(history, &ClockCache::new())
    }

    /// As [`from_history`](Self::from_history), with the versions' clocks built through
    /// `cache`: histories (and policies) with the same hours, calendar and zone share their
    /// clocks, and the clocks of a zone its weeks (see [`ClockCache`]).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use support_sla::clock::ClockCache;
    /// use support_sla::policy::{PolicyConfig, PolicyHistory};
    /// use support_sla::SupportPolicy;
    ///
    /// let cache = ClockCache::new();
    /// let mut summer = PolicyConfig::default();
    /// summer.standard_hours = "mon-fri 09:00-14:00".parse()?;
    /// let july = Utc.with_ymd_and_hms(2025, 6, 30, 22, 0, 0).unwrap();
    /// let history = PolicyHistory::new(PolicyConfig::default()).then(july, summer);
    /// let policy = SupportPolicy::from_history_in(history, &cache)?;
    /// assert_eq!(policy.history().versions.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`from_history`](Self::from_history).
    ///
    /// # Panics
    ///
    /// Never: it states with `expect` only that a history checked non-empty has a first and a
    /// last version.
    pub fn from_history_in(
        history: PolicyHistory,
        cache: &ClockCache,
    ) -> Result<SupportPolicy, Error> {
        check_starts(&history.versions)?;
        match history.versions.as_slice() {
            [] => return Err(Error::EmptyHistory),
            [PolicyVersion { from: None, policy }] => {
                return SupportPolicy::from_config_in(policy.clone(), cache)
                    .map_err(refuse(0, "policy"));
            }
            _ => {}
        }
        let [standard, plus, always] = clocks_per_kind(&history.versions, cache)?.map(compose);
        let (standard, plus, always) = (standard?, plus?, always?);
        let document = Arc::new(history);
        let views = document
            .versions
            .iter()
            .enumerate()
            .map(|(index, version)| {
                let view = SupportPolicy {
                    config: version.policy.clone(),
                    standard: standard.clone(),
                    plus: plus.clone(),
                    always: always.clone(),
                    history: Role::Version {
                        of: Arc::clone(&document),
                        index,
                    },
                };
                (version.from, view)
            })
            .collect();
        let last = document
            .versions
            .last()
            .expect("invariant: a history checked non-empty has a last version")
            .policy
            .clone();
        Ok(SupportPolicy {
            config: last,
            standard,
            plus,
            always,
            history: Role::Whole(Arc::new(Versions { document, views })),
        })
    }

    /// The policy in force at `at`: for a history, the configuration of the last version that
    /// takes effect at or before `at` (the first version for an instant before it), on the
    /// clocks of the whole history; for one policy, itself.
    ///
    /// The objectives, the re-classification rule, the at-risk and threshold fractions and the
    /// coverage of Vip S3/S4 tickets of the version in force at a ticket's registration apply to
    /// the whole ticket: [`due`](Self::due), [`status`](Self::status),
    /// [`timeline_status`](Self::timeline_status), [`thresholds`](Self::thresholds) and
    /// [`explain_due`](Self::explain_due) read them here.
    ///
    /// ```
    /// use chrono::TimeZone;
    /// use chrono_tz::Europe::Madrid;
    /// use support_sla::policy::{PolicyConfig, PolicyHistory, Reclassification};
    /// use support_sla::SupportPolicy;
    ///
    /// let mut renegotiated = PolicyConfig::default();
    /// renegotiated.reclassification = Reclassification::Restart;
    /// let from = Madrid.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    /// let history = PolicyHistory::new(PolicyConfig::default()).then(from, renegotiated);
    /// let policy = SupportPolicy::from_history(history)?;
    /// let before = Madrid.with_ymd_and_hms(2025, 12, 31, 23, 0, 0).unwrap();
    /// assert_eq!(policy.in_force_at(before).reclassification(), Reclassification::KeepUsed);
    /// assert_eq!(policy.in_force_at(from).reclassification(), Reclassification::Restart);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn in_force_at(&self, at: impl AsInstant) -> &SupportPolicy {
        let Role::Whole(history) = &self.history else {
            return self;
        };
        let at = at.utc();
        let i = history
            .views
            .partition_point(|(from, _)| from.is_none_or(|from| from <= at));
        history
            .views
            .get(i.saturating_sub(1))
            .map_or(self, |(_, view)| view)
    }

    /// The versions of this policy: one, with no `from`, for a policy built from one
    /// configuration; of a version given by [`in_force_at`](Self::in_force_at), the whole
    /// history it belongs to.
    pub fn history(&self) -> PolicyHistory {
        match &self.history {
            Role::Whole(versions) => PolicyHistory::clone(&versions.document),
            Role::Version { of, .. } => PolicyHistory::clone(of),
            Role::Single => PolicyHistory::new(self.config.clone()),
        }
    }
}

impl TryFrom<PolicyDocument> for SupportPolicy {
    type Error = Error;

    fn try_from(document: PolicyDocument) -> Result<Self, Self::Error> {
        match document {
            PolicyDocument::Config(config) => SupportPolicy::from_config(config),
            PolicyDocument::History(history) => SupportPolicy::from_history(history),
        }
    }
}

impl From<SupportPolicy> for PolicyDocument {
    /// A policy of one configuration as that configuration; a history as its versions; a
    /// version of a history ([`SupportPolicy::in_force_at`]) as its own configuration.
    fn from(policy: SupportPolicy) -> Self {
        match policy.history {
            Role::Whole(versions) => {
                PolicyDocument::History(PolicyHistory::clone(&versions.document))
            }
            Role::Single | Role::Version { .. } => PolicyDocument::Config(policy.config),
        }
    }
}

impl TryFrom<PolicyHistory> for SupportPolicy {
    type Error = Error;

    fn try_from(history: PolicyHistory) -> Result<Self, Self::Error> {
        SupportPolicy::from_history(history)
    }
}

#[cfg(feature = "serde")]
mod document_serde {
    //! [`PolicyDocument`] is written as the form it holds, and read by its first field.

    use super::{PolicyConfig, PolicyDocument, PolicyHistory};
    use serde::de::value::{MapAccessDeserializer, StringDeserializer};
    use serde::de::{DeserializeSeed, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;

    impl Serialize for PolicyDocument {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                PolicyDocument::Config(config) => config.serialize(serializer),
                PolicyDocument::History(history) => history.serialize(serializer),
            }
        }
    }

    impl<'de> Deserialize<'de> for PolicyDocument {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(DocumentVisitor)
        }
    }

    struct DocumentVisitor;

    impl<'de> Visitor<'de> for DocumentVisitor {
        type Value = PolicyDocument;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a policy document: a policy configuration or {\"versions\": […]}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PolicyDocument, A::Error> {
            let first: Option<String> = map.next_key()?;
            let history = first.as_deref() == Some("versions");
            let replay = MapAccessDeserializer::new(Replay { first, map });
            if history {
                PolicyHistory::deserialize(replay).map(PolicyDocument::History)
            } else {
                PolicyConfig::deserialize(replay).map(PolicyDocument::Config)
            }
        }
    }

    /// A map whose first key, already read, is given again.
    struct Replay<A> {
        first: Option<String>,
        map: A,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Replay<A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            match self.first.take() {
                Some(key) => seed
                    .deserialize(StringDeserializer::<A::Error>::new(key))
                    .map(Some),
                None => self.map.next_key_seed(seed),
            }
        }

        fn next_value_seed<V: DeserializeSeed<'de>>(
            &mut self,
            seed: V,
        ) -> Result<V::Value, A::Error> {
            self.map.next_value_seed(seed)
        }
    }
}
