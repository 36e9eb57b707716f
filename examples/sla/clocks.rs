//! The clocks a command counts on: the built-in presets, or those of a policy document.

use std::collections::HashMap;
use std::path::Path;
use support_sla::clock::Clock;
use support_sla::coverage::Coverage;
use support_sla::policy::{CoverageKind, PolicyConfig, PolicyDocument};
use support_sla::{Severity, SupportPolicy, Tier};

use crate::input::{self, Failure};
use crate::show::seconds;

/// Clocks built on first use (building one precomputes a century of service time), or those of
/// the policy given with `--policy`.
pub struct Clocks {
    presets: HashMap<String, Clock>,
    policy: Option<SupportPolicy>,
    /// True when the policy came from `--policy`: then `standard`, `plus` and `always` are its
    /// clocks too.
    from_file: bool,
}

/// The policy of the document at `path`: a policy configuration or a history of versions
/// (`{"versions": […]}`), told apart by its first field.
pub fn read_policy(path: &Path) -> Result<SupportPolicy, Failure> {
    let shown = path.display();
    let text =
        std::fs::read(path).map_err(|e| format!("reading policy {:?}: {e}", shown.to_string()))?;
    let what = format!("policy {:?}", shown.to_string());
    let document: PolicyDocument = input::json(&text, &what)?;
    SupportPolicy::try_from(document).map_err(|e| format!("{what}: {e}").into())
}

impl Clocks {
    /// The policy of the document at `path`, or the built-in one (built when first needed).
    pub fn load(path: Option<&Path>) -> Result<Clocks, Failure> {
        let policy = path.map(read_policy).transpose()?;
        Ok(Clocks {
            presets: HashMap::new(),
            from_file: policy.is_some(),
            policy,
        })
    }

    /// The configuration of the policy document, when one was given.
    pub fn policy_config(&self) -> Option<&PolicyConfig> {
        self.policy
            .as_ref()
            .filter(|_| self.from_file)
            .map(SupportPolicy::config)
    }

    /// The policy: the document's, else the policy of the text.
    pub fn policy(&mut self) -> &SupportPolicy {
        self.policy.get_or_insert_with(SupportPolicy::madrid)
    }

    /// The clock of a coverage name: `standard`, `plus`, `always` or `TIER:SEVERITY`.
    pub fn get(&mut self, name: &str) -> Result<&Clock, Failure> {
        if let Some((tier, severity)) = name.split_once(':') {
            let (tier, severity): (Tier, Severity) = (tier.parse()?, severity.parse()?);
            let policy = self.policy.get_or_insert_with(SupportPolicy::madrid);
            return Ok(policy.coverage_clock(tier, severity));
        }
        let kind = match name {
            "standard" => CoverageKind::Standard,
            "plus" => CoverageKind::Plus,
            "always" => CoverageKind::Always,
            _ => {
                return Err(format!(
                    "unknown coverage {name:?}: expected standard, plus, always or TIER:SEVERITY"
                )
                .into())
            }
        };
        if self.from_file {
            if let Some(policy) = &self.policy {
                return Ok(policy.clock(kind));
            }
        }
        if !self.presets.contains_key(name) {
            let coverage = match kind {
                CoverageKind::Standard => Coverage::standard(),
                CoverageKind::Plus => Coverage::plus(),
                CoverageKind::Always => Coverage::always(),
            };
            self.presets.insert(name.to_owned(), Clock::new(coverage)?);
        }
        self.presets
            .get(name)
            .ok_or_else(|| format!("coverage {name:?} could not be built").into())
    }

    /// `elapsed COVERAGE FROM TO`: the service seconds.
    pub fn elapsed(&mut self, coverage: &str, from: &str, to: &str) -> Result<String, Failure> {
        let clock = self.get(coverage)?;
        Ok(seconds(
            clock.elapsed(input::instant(from)?, input::instant(to)?)?,
        ))
    }
}
