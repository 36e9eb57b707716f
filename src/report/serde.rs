//! The report's hand-written serde: a document keyed by the crate's words (`"s1"`, `"vip"`,
//! `"P4"`, `"first_response"`), durations in ISO 8601. Serialize only.

use super::{word, ObjectiveKind, QosReport, Share, Tallies, Tally, SEVERITIES};
use crate::{priority::Priority, severity::Severity, tier::Tier};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Share", 3)?;
        st.serialize_field("numerator", &self.numerator)?;
        st.serialize_field("denominator", &self.denominator)?;
        st.serialize_field("percent", &self.percent_tenths().map(|_| self.to_string()))?;
        st.end()
    }
}

impl Serialize for Tally {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tally", 4)?;
        st.serialize_field("met", &self.met)?;
        st.serialize_field("breached", &self.breached)?;
        st.serialize_field("pending", &self.pending)?;
        st.serialize_field("share_met", &self.share_met())?;
        st.end()
    }
}

impl Serialize for Tallies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tallies", 2)?;
        st.serialize_field(word(ObjectiveKind::Response), &self.first_response)?;
        st.serialize_field(word(ObjectiveKind::Resolution), &self.resolution)?;
        st.end()
    }
}

/// `{"all": …, "s1": …, …}` for one objective.
struct Times<'a>(&'a QosReport, ObjectiveKind);

impl Serialize for Times<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(SEVERITIES + 1))?;
        map.serialize_entry("all", &self.0.service_time(self.1))?;
        for severity in Severity::ALL {
            map.serialize_entry(
                &severity,
                &self.0.service_time_by_severity(self.1, severity),
            )?;
        }
        map.end()
    }
}

struct Keyed<F>(F);

impl<K: Serialize, V: Serialize, I: Iterator<Item = (K, V)>, F: Fn() -> I> Serialize for Keyed<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map((self.0)())
    }
}

struct Period<'a>(&'a QosReport);

impl Serialize for Period<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Period", 2)?;
        st.serialize_field("from", &self.0.from)?;
        st.serialize_field("to", &self.0.to)?;
        st.end()
    }
}

impl Serialize for QosReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("QosReport", 9)?;
        st.serialize_field("period", &Period(self))?;
        st.serialize_field("tickets", &self.tickets)?;
        st.serialize_field("crate_default_objectives", &self.crate_defaults)?;
        st.serialize_field("total", &self.total())?;
        st.serialize_field(
            "by_severity",
            &Keyed(|| Severity::ALL.into_iter().map(|v| (v, self.by_severity(v)))),
        )?;
        st.serialize_field(
            "by_tier",
            &Keyed(|| Tier::ALL.into_iter().map(|v| (v, self.by_tier(v)))),
        )?;
        st.serialize_field(
            "by_priority",
            &Keyed(|| {
                (1..=12u8)
                    .filter_map(|r| Priority::from_rank(r).ok())
                    .map(|p| (p, self.by_priority(p)))
            }),
        )?;
        st.serialize_field(
            "service_time",
            &Keyed(|| {
                ObjectiveKind::ALL
                    .into_iter()
                    .map(|k| (word(k), Times(self, k)))
            }),
        )?;
        st.serialize_field("breaches", &self.breaches)?;
        st.end()
    }
}

/// Serializes an objective as the report's word for it (`"first_response"`), for serde's
/// `serialize_with`.
#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's `serialize_with` passes the field by reference"
)]
pub(super) fn objective<S: Serializer>(kind: &ObjectiveKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(word(*kind))
}
