//! Words of a row (coverage, tier, severity, event kind) parsed once per distinct value of a
//! batch, not once per row: a column of tiers holds a handful of words.

use datafusion::common::{DataFusionError, exec_datafusion_err};
use support_sla::policy::CoverageKind;
use support_sla::{Severity, Tier};

/// How many distinct words a batch remembers; past that, words are parsed row by row.
const REMEMBERED: usize = 32;

/// The parsed values of the words seen in one batch.
pub(crate) struct Parsed<T> {
    seen: Vec<(Box<str>, T)>,
}

impl<T: Copy> Parsed<T> {
    /// An empty memory (allocates nothing until a word is seen).
    pub(crate) fn new() -> Self {
        Parsed { seen: Vec::new() }
    }

    /// `parse(word)`, remembered for the next rows of the batch.
    ///
    /// # Errors
    ///
    /// The error of `parse`, not remembered: the query fails on it.
    #[inline]
    pub(crate) fn get<E>(
        &mut self,
        word: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, E> {
        if let Some((_, value)) = self.seen.iter().find(|(seen, _)| &**seen == word) {
            return Ok(*value);
        }
        let value = parse(word)?;
        if self.seen.len() < REMEMBERED {
            self.seen.push((word.into(), value));
        }
        Ok(value)
    }
}

/// The coverage kinds of a column of coverage words: resolved once for a constant, once per
/// distinct word of the batch for a column.
pub(crate) struct Coverages<'a> {
    words: &'a crate::args::Words<'a>,
    constant: Option<CoverageKind>,
    parsed: Parsed<CoverageKind>,
}

impl<'a> Coverages<'a> {
    /// Resolves a constant word at once (its error, if any, fails the query even on no row).
    pub(crate) fn new(
        function: &str,
        policy: &support_sla::SupportPolicy,
        words: &'a crate::args::Words<'a>,
    ) -> Result<Self, DataFusionError> {
        let constant = match words {
            crate::args::Words::Constant(Some(word)) => Some(coverage(function, policy, word)?),
            _ => None,
        };
        Ok(Coverages {
            words,
            constant,
            parsed: Parsed::new(),
        })
    }

    /// The coverage of every row, when the word is a constant (not NULL).
    pub(crate) fn constant(&self) -> Option<CoverageKind> {
        self.constant
    }

    /// The coverage of row `row`, `None` for NULL.
    #[inline(always)]
    pub(crate) fn get(
        &mut self,
        function: &str,
        policy: &support_sla::SupportPolicy,
        row: usize,
    ) -> Result<Option<CoverageKind>, DataFusionError> {
        if let Some(kind) = self.constant {
            return Ok(Some(kind));
        }
        match self.words.get(row) {
            None => Ok(None),
            Some(word) => self
                .parsed
                .get(word, |w| coverage(function, policy, w))
                .map(Some),
        }
    }
}

/// A coverage word: `standard`, `plus` or `always` (the policy's clocks of that name), or
/// `TIER:SEVERITY` (`vip:1`, `plus:S3`) for the coverage the policy gives such a ticket, as in
/// the crate's `sla` command.
pub(crate) fn coverage(
    function: &str,
    policy: &support_sla::SupportPolicy,
    word: &str,
) -> Result<CoverageKind, DataFusionError> {
    if let Some((tier_word, severity_word)) = word.split_once(':') {
        let (tier, severity) = (
            tier(function, tier_word)?,
            severity(function, severity_word)?,
        );
        return Ok(policy.coverage_kind(tier, severity));
    }
    let preset = [
        CoverageKind::Standard,
        CoverageKind::Plus,
        CoverageKind::Always,
    ]
    .into_iter()
    .find(|kind| kind.as_str().eq_ignore_ascii_case(word.trim()));
    preset.ok_or_else(|| {
        exec_datafusion_err!(
            "{function}: unknown coverage {word:?}: expected standard, plus, always or TIER:SEVERITY"
        )
    })
}

/// A tier word, as [`Tier`]'s `FromStr` reads it.
pub(crate) fn tier(function: &str, word: &str) -> Result<Tier, DataFusionError> {
    word.parse::<Tier>()
        .map_err(|error| exec_datafusion_err!("{function}: {error}"))
}

/// A severity word, as [`Severity`]'s `FromStr` reads it (`1`, `S1`, `sev1`…).
pub(crate) fn severity(function: &str, word: &str) -> Result<Severity, DataFusionError> {
    word.parse::<Severity>()
        .map_err(|error| exec_datafusion_err!("{function}: {error}"))
}

/// The severities of a batch: words parsed once per distinct word, numbers read directly.
pub(crate) struct SeverityReader {
    words: Parsed<Severity>,
}

impl SeverityReader {
    /// An empty memory.
    pub(crate) fn new() -> Self {
        SeverityReader {
            words: Parsed::new(),
        }
    }

    /// The severity `value` names, exactly as the library reads the word (a number `n` as
    /// the word `n`).
    ///
    /// # Errors
    ///
    /// As [`severity`].
    #[inline]
    pub(crate) fn get(
        &mut self,
        function: &str,
        value: crate::args::SeverityValue<'_>,
    ) -> Result<Severity, DataFusionError> {
        match value {
            crate::args::SeverityValue::Word(word) => {
                self.words.get(word, |w| severity(function, w))
            }
            crate::args::SeverityValue::Number(number) => {
                match u8::try_from(number).ok().and_then(Severity::from_number) {
                    Some(s) => Ok(s),
                    // Not 1–4: the library's own refusal of the number's text.
                    None => severity(function, &number.to_string()),
                }
            }
        }
    }
}

/// `S1`…`S4`, without formatting.
pub(crate) const fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::S1 => "S1",
        Severity::S2 => "S2",
        Severity::S3 => "S3",
        Severity::S4 => "S4",
    }
}
