//! Official working calendars of the city of Madrid (placeholder until the data lands).
use super::holiday::Level;

/// One official holiday row.
pub(crate) struct OfficialDay {
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) level: Level,
    pub(crate) name: &'static str,
}

/// One year's official calendar with its sources.
pub(crate) struct OfficialYear {
    pub(crate) year: i32,
    pub(crate) national_source: &'static str,
    pub(crate) regional_source: &'static str,
    pub(crate) local_source: &'static str,
    pub(crate) days: &'static [OfficialDay],
}

pub(crate) const OFFICIAL: &[OfficialYear] = &[];
