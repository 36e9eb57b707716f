//! New-feature requests: forwarded to the vendor, tracked by the vendor's reference.

pub use crate::feature::{FeatureState, FeatureTransition};
use crate::{error::Error, ticket::TicketId};
use chrono::{DateTime, TimeZone, Utc};

/// The vendor's answer to a feature request, as the client is told it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct VendorAnswer {
    /// When the vendor answered.
    pub answered: DateTime<Utc>,
    /// What the vendor said.
    pub text: String,
}

/// The release in which a requested feature became available, and when the client was told.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Availability {
    /// The product release (`"7.2"`).
    pub release: String,
    /// When the client was notified.
    pub notified: DateTime<Utc>,
}

/// A client's request for a function the product does not have, tracked from the client to the
/// vendor and back.
///
/// Support's part is to report it to the vendor ([`forward`](Self::forward)) and pass on to the
/// client the vendor's answer, if any ([`record_answer`](Self::record_answer)), with the vendor's
/// reference number ([`record_reference`](Self::record_reference)); where the vendor tracks such
/// requests, support tells the client the release in which the feature became available
/// ([`record_availability`](Self::record_availability)).
///
/// The steps, validated (a refused step leaves the request unchanged):
///
/// - [`FeatureState::Requested`] → `forward` → [`FeatureState::Forwarded`], once, at or after the
///   request.
/// - In `Forwarded`, in either order: the reference, given once and not empty; the answer,
///   given once, at or after the forwarding. Both are optional («si la hay»).
/// - `Forwarded` → `record_availability` → [`FeatureState::Available`], at or after the
///   forwarding; the release must not be empty. It does not require a reference (the policy only
///   says some vendors track requests formally). `Available` is final: nothing is recorded after
///   it.
///
/// Deserializing replays these steps, so a stored request is as valid as a built one.
///
/// # Source
///
/// > «En el caso de solicitar una funcionalidad o prestación que no esté actualmente disponible
/// > en el producto, el soporte técnico de IREO está limitado a reportar la solicitud al
/// > fabricante, y confirmar al cliente la respuesta (si la hay) del fabricante junto con un
/// > número de referencia del fabricante. Algunos fabricantes implantan un sistema formal de
/// > seguimiento de este tipo de solicitudes, que a su vez permitirá a IREO notificar al cliente
/// > cuando la funcionalidad solicitada esté disponible en una nueva versión del producto.»
///
/// Gloss: support only reports the request to the vendor and confirms the vendor's answer, if
/// any, with the vendor's reference; where the vendor tracks requests, the client is told when
/// the feature ships.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use support_sla::policy::{FeatureRequest, FeatureState};
/// use support_sla::TicketId;
///
/// let at = |d| Utc.with_ymd_and_hms(2025, 3, d, 10, 0, 0).unwrap();
/// let mut request = FeatureRequest::new(TicketId::new(4711), at(3));
/// request.forward(at(4))?;
/// request.record_reference("ENH-2291")?;
/// request.record_answer(at(10), "Planned for 7.2")?;
/// request.record_availability("7.2", at(28))?;
/// assert_eq!(request.state(), FeatureState::Available);
/// assert_eq!(request.vendor_reference(), Some("ENH-2291"));
///
/// let err = request.record_reference("ENH-9999").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "cannot record the vendor's reference of a feature request that is available: \
///      an available request is final"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RawFeatureRequest", into = "RawFeatureRequest")
)]
pub struct FeatureRequest {
    ticket: TicketId,
    requested: DateTime<Utc>,
    forwarded: Option<DateTime<Utc>>,
    vendor_reference: Option<String>,
    vendor_answer: Option<VendorAnswer>,
    availability: Option<Availability>,
}

impl FeatureRequest {
    /// A request the client made on ticket `ticket` at `requested`, not yet forwarded.
    pub fn new<Z: TimeZone>(ticket: TicketId, requested: DateTime<Z>) -> FeatureRequest {
        FeatureRequest {
            ticket,
            requested: requested.to_utc(),
            forwarded: None,
            vendor_reference: None,
            vendor_answer: None,
            availability: None,
        }
    }

    /// The ticket the request came in on.
    pub fn ticket(&self) -> TicketId {
        self.ticket
    }

    /// When the client made the request.
    pub fn requested(&self) -> DateTime<Utc> {
        self.requested
    }

    /// When it was reported to the vendor, if it was.
    pub fn forwarded(&self) -> Option<DateTime<Utc>> {
        self.forwarded
    }

    /// The vendor's reference number, once given.
    pub fn vendor_reference(&self) -> Option<&str> {
        self.vendor_reference.as_deref()
    }

    /// The vendor's answer, if any.
    pub fn vendor_answer(&self) -> Option<&VendorAnswer> {
        self.vendor_answer.as_ref()
    }

    /// The release it became available in, and when the client was told, if it did.
    pub fn availability(&self) -> Option<&Availability> {
        self.availability.as_ref()
    }

    /// Where the request stands.
    pub fn state(&self) -> FeatureState {
        match (self.forwarded, &self.availability) {
            (_, Some(_)) => FeatureState::Available,
            (Some(_), None) => FeatureState::Forwarded,
            (None, None) => FeatureState::Requested,
        }
    }

    /// The refusal of `transition` in the current state, for `reason`.
    fn refuse(&self, transition: FeatureTransition, reason: &'static str) -> Error {
        Error::FeatureRequestTransition {
            transition,
            state: self.state(),
            reason,
        }
    }

    /// The forwarding instant, if the request stands in `Forwarded`; else the refusal of
    /// `transition`.
    fn require_forwarded(&self, transition: FeatureTransition) -> Result<DateTime<Utc>, Error> {
        match (self.state(), self.forwarded) {
            (FeatureState::Forwarded, Some(at)) => Ok(at),
            (FeatureState::Available, _) => {
                Err(self.refuse(transition, "an available request is final"))
            }
            _ => Err(self.refuse(transition, "it has not been forwarded to the vendor yet")),
        }
    }

    /// Records that the request was reported to the vendor at `at`.
    ///
    /// # Errors
    ///
    /// - [`Error::FeatureRequestTransition`] when it was already forwarded.
    /// - [`Error::FeatureRequestTooEarly`] when `at` is before the request.
    pub fn forward<Z: TimeZone>(&mut self, at: DateTime<Z>) -> Result<(), Error> {
        let at = at.to_utc();
        let transition = FeatureTransition::Forward;
        match self.state() {
            FeatureState::Requested => {}
            FeatureState::Forwarded => {
                return Err(self.refuse(transition, "it was already forwarded"))
            }
            FeatureState::Available => {
                return Err(self.refuse(transition, "an available request is final"))
            }
        }
        if at < self.requested {
            return Err(Error::FeatureRequestTooEarly {
                transition,
                at,
                earliest: self.requested,
            });
        }
        self.forwarded = Some(at);
        Ok(())
    }

    /// Records the vendor's reference number for the request.
    ///
    /// # Errors
    ///
    /// - [`Error::FeatureRequestTransition`] when the request is not forwarded yet, is already
    ///   available, or already has a reference (it is given once).
    /// - [`Error::Malformed`] when `reference` is empty or only white space.
    pub fn record_reference(&mut self, reference: impl Into<String>) -> Result<(), Error> {
        let transition = FeatureTransition::RecordReference;
        self.require_forwarded(transition)?;
        if self.vendor_reference.is_some() {
            return Err(self.refuse(transition, "the vendor's reference was already given"));
        }
        let reference = reference.into();
        if reference.trim().is_empty() {
            return Err(Error::Malformed {
                kind: "vendor reference",
                input: reference,
                reason: "it is empty",
            });
        }
        self.vendor_reference = Some(reference);
        Ok(())
    }

    /// Records the vendor's answer, given at `answered`.
    ///
    /// # Errors
    ///
    /// - [`Error::FeatureRequestTransition`] when the request is not forwarded yet, is already
    ///   available, or already has an answer.
    /// - [`Error::FeatureRequestTooEarly`] when `answered` is before the forwarding.
    pub fn record_answer<Z: TimeZone>(
        &mut self,
        answered: DateTime<Z>,
        text: impl Into<String>,
    ) -> Result<(), Error> {
        let answered = answered.to_utc();
        let transition = FeatureTransition::RecordAnswer;
        let forwarded = self.require_forwarded(transition)?;
        if self.vendor_answer.is_some() {
            return Err(self.refuse(transition, "the vendor's answer was already recorded"));
        }
        if answered < forwarded {
            return Err(Error::FeatureRequestTooEarly {
                transition,
                at: answered,
                earliest: forwarded,
            });
        }
        self.vendor_answer = Some(VendorAnswer {
            answered,
            text: text.into(),
        });
        Ok(())
    }

    /// Records that the feature is available in `release` and the client was told at
    /// `notified`; the request is then final.
    ///
    /// # Errors
    ///
    /// - [`Error::FeatureRequestTransition`] when the request is not forwarded yet or is
    ///   already available.
    /// - [`Error::FeatureRequestTooEarly`] when `notified` is before the forwarding.
    /// - [`Error::Malformed`] when `release` is empty or only white space.
    pub fn record_availability<Z: TimeZone>(
        &mut self,
        release: impl Into<String>,
        notified: DateTime<Z>,
    ) -> Result<(), Error> {
        let notified = notified.to_utc();
        let transition = FeatureTransition::RecordAvailability;
        let forwarded = self.require_forwarded(transition)?;
        if notified < forwarded {
            return Err(Error::FeatureRequestTooEarly {
                transition,
                at: notified,
                earliest: forwarded,
            });
        }
        let release = release.into();
        if release.trim().is_empty() {
            return Err(Error::Malformed {
                kind: "release",
                input: release,
                reason: "it is empty",
            });
        }
        self.availability = Some(Availability { release, notified });
        Ok(())
    }
}

/// The serialized form of a [`FeatureRequest`]: its fields, replayed through the steps when read.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeatureRequest {
    ticket: TicketId,
    requested: DateTime<Utc>,
    #[serde(default)]
    forwarded: Option<DateTime<Utc>>,
    #[serde(default)]
    vendor_reference: Option<String>,
    #[serde(default)]
    vendor_answer: Option<VendorAnswer>,
    #[serde(default)]
    availability: Option<Availability>,
}

#[cfg(feature = "serde")]
impl TryFrom<RawFeatureRequest> for FeatureRequest {
    type Error = Error;

    fn try_from(raw: RawFeatureRequest) -> Result<Self, Self::Error> {
        let mut request = FeatureRequest::new(raw.ticket, raw.requested);
        if let Some(at) = raw.forwarded {
            request.forward(at)?;
        }
        if let Some(reference) = raw.vendor_reference {
            request.record_reference(reference)?;
        }
        if let Some(answer) = raw.vendor_answer {
            request.record_answer(answer.answered, answer.text)?;
        }
        if let Some(availability) = raw.availability {
            request.record_availability(availability.release, availability.notified)?;
        }
        Ok(request)
    }
}

#[cfg(feature = "serde")]
impl From<FeatureRequest> for RawFeatureRequest {
    fn from(request: FeatureRequest) -> Self {
        RawFeatureRequest {
            ticket: request.ticket,
            requested: request.requested,
            forwarded: request.forwarded,
            vendor_reference: request.vendor_reference,
            vendor_answer: request.vendor_answer,
            availability: request.availability,
        }
    }
}
