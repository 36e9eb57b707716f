//! Scope rules as data: which requests standard support covers, which it does not and why, what
//! a Vip client draws from its bank of preventive consulting hours, and which actions on an
//! installation may void support.
//!
//! [`RequestKind::scope`] classifies a request for a client of a tier into a [`ScopeDecision`];
//! [`assess_installation`] classifies what a client reports having done to an installation into a
//! [`SupportStanding`]. Both are plain values the desk acts on: none of them is an error.

use super::hour_bank::Activity;
use crate::{error::Error, tier::Tier};
use std::fmt;
use std::str::FromStr;

/// What a client asks support for.
///
/// The covered kinds ([`Incident`](Self::Incident), [`Question`](Self::Question),
/// [`FeatureRequest`](Self::FeatureRequest)), the professional services the policy lists as not
/// included in standard support, and the on-site preventive consulting of the Vip level
/// ([`SystemAudit`](Self::SystemAudit), [`Optimisation`](Self::Optimisation),
/// [`ContingencyPlan`](Self::ContingencyPlan), and [`Training`](Self::Training)).
/// [`RequestKind::scope`] says what becomes of each.
///
/// Written and parsed as `snake_case` words (`"start_up_support"`), the same in JSON.
///
/// # Source
///
/// > «el servicio estándar de Soporte Técnico que ofrece IREO no incluye la prestación de
/// > Servicios Profesionales, tales como la ayuda a la implantación en domicilio del cliente,
/// > soporte a la arrancada, instalación de productos en entornos de explotación, despliegue de
/// > aplicaciones o actualizaciones de software, desplazamientos y estancias, así como
/// > consultoría o auditoria sobre productos de terceros. Asimismo, el soporte técnico no incluye
/// > intervenciones, formaciones, investigaciones sobre incidencias insitu, actualizaciones de
/// > versión, desarrollos, personalizaciones sobre la plataforma de cada cliente.»
///
/// Gloss: standard support excludes professional services, on-site work, training, upgrades,
/// developments and customisations.
///
/// # Example
///
/// ```
/// use support_sla::policy::RequestKind;
///
/// let kind: RequestKind = "start_up_support".parse()?;
/// assert_eq!(kind, RequestKind::StartUpSupport);
/// assert_eq!(RequestKind::VersionUpgrade.to_string(), "version_upgrade");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RequestKind {
    /// An incident on a supported product: covered.
    Incident,
    /// A question on the use of a supported product (how-to, documentation): covered.
    Question,
    /// A function the product does not have: forwarded to the vendor (see
    /// [`FeatureRequest`](super::FeatureRequest)).
    FeatureRequest,
    /// Help implementing a product on the client's premises («ayuda a la implantación en
    /// domicilio del cliente»).
    OnSiteImplementation,
    /// Start-up support («soporte a la arrancada»).
    StartUpSupport,
    /// Installing products in production environments («instalación de productos en entornos de
    /// explotación»).
    ProductionInstallation,
    /// Deploying applications or software updates («despliegue de aplicaciones o actualizaciones
    /// de software»).
    Deployment,
    /// Travel and stays («desplazamientos y estancias»).
    Travel,
    /// Consulting or audits of third-party products («consultoría o auditoria sobre productos de
    /// terceros»).
    ThirdPartyConsulting,
    /// On-site interventions («intervenciones»).
    OnSiteIntervention,
    /// Training («formaciones»); for Vip, part of the preventive consulting bank.
    Training,
    /// Investigating incidents on site («investigaciones sobre incidencias insitu»).
    OnSiteInvestigation,
    /// Version upgrades («actualizaciones de versión»).
    VersionUpgrade,
    /// Developments («desarrollos»).
    Development,
    /// Customisations on the client's platform («personalizaciones sobre la plataforma de cada
    /// cliente»).
    Customisation,
    /// An on-site audit of the client's system («auditorías del sistema»): Vip preventive
    /// consulting.
    SystemAudit,
    /// On-site optimisation of the implementation («optimizaciones de la implantación»): Vip
    /// preventive consulting.
    Optimisation,
    /// Defining a contingency plan («definición de plan de contingencias»): Vip preventive
    /// consulting.
    ContingencyPlan,
}

impl RequestKind {
    /// Every kind, covered first, then the exclusions in the policy's order, then the Vip
    /// preventive consulting.
    pub const ALL: [RequestKind; 18] = [
        RequestKind::Incident,
        RequestKind::Question,
        RequestKind::FeatureRequest,
        RequestKind::OnSiteImplementation,
        RequestKind::StartUpSupport,
        RequestKind::ProductionInstallation,
        RequestKind::Deployment,
        RequestKind::Travel,
        RequestKind::ThirdPartyConsulting,
        RequestKind::OnSiteIntervention,
        RequestKind::Training,
        RequestKind::OnSiteInvestigation,
        RequestKind::VersionUpgrade,
        RequestKind::Development,
        RequestKind::Customisation,
        RequestKind::SystemAudit,
        RequestKind::Optimisation,
        RequestKind::ContingencyPlan,
    ];

    /// The word for the kind: `"incident"`, `"start_up_support"`, `"version_upgrade"`…
    pub const fn as_str(self) -> &'static str {
        match self {
            RequestKind::Incident => "incident",
            RequestKind::Question => "question",
            RequestKind::FeatureRequest => "feature_request",
            RequestKind::OnSiteImplementation => "on_site_implementation",
            RequestKind::StartUpSupport => "start_up_support",
            RequestKind::ProductionInstallation => "production_installation",
            RequestKind::Deployment => "deployment",
            RequestKind::Travel => "travel",
            RequestKind::ThirdPartyConsulting => "third_party_consulting",
            RequestKind::OnSiteIntervention => "on_site_intervention",
            RequestKind::Training => "training",
            RequestKind::OnSiteInvestigation => "on_site_investigation",
            RequestKind::VersionUpgrade => "version_upgrade",
            RequestKind::Development => "development",
            RequestKind::Customisation => "customisation",
            RequestKind::SystemAudit => "system_audit",
            RequestKind::Optimisation => "optimisation",
            RequestKind::ContingencyPlan => "contingency_plan",
        }
    }

    /// What support does with a request of this kind from a client of `tier`.
    ///
    /// - [`Incident`](Self::Incident) and [`Question`](Self::Question): [`ScopeDecision::Covered`].
    /// - [`FeatureRequest`](Self::FeatureRequest): [`ScopeDecision::ForwardToVendor`], support's
    ///   part being to report it to the vendor and pass on the answer.
    /// - The professional services the policy excludes: [`ScopeDecision::NotCovered`] with the
    ///   [`Exclusion`] quoting the policy, for every tier.
    /// - On-site preventive consulting ([`SystemAudit`](Self::SystemAudit),
    ///   [`Optimisation`](Self::Optimisation), [`ContingencyPlan`](Self::ContingencyPlan),
    ///   [`Training`](Self::Training)): for a Vip client
    ///   [`ScopeDecision::DrawnFromHourBank`] with the bank [`Activity`] (see
    ///   [`HourBank`](super::HourBank)); for Standard and Plus not covered —
    ///   [`Exclusion::Training`] for training, [`Exclusion::PreventiveConsulting`] for the rest.
    ///
    /// The Vip bank holds *preventive* work only: corrective on-site work (interventions,
    /// on-site investigation of incidents), upgrades, deployments and consulting on third-party
    /// products stay not covered for Vip too. The policy lists the bank under Vip only, so Plus
    /// has none.
    ///
    /// # Source
    ///
    /// > «Bolsa de horas o paquete de jornadas de Consultoría de Soporte Técnico Preventivo in
    /// > situ. Este servicio incluye tareas como auditorías del sistema, optimizaciones de la
    /// > implantación, formación, definición de plan de contingencias, etc.» (Soporte VIP)
    ///
    /// Gloss: Vip includes a bank of on-site preventive consulting hours: audits, optimisation,
    /// training, contingency plans.
    ///
    /// # Example
    ///
    /// ```
    /// use support_sla::policy::{Activity, Exclusion, RequestKind, ScopeDecision};
    /// use support_sla::Tier;
    ///
    /// assert_eq!(RequestKind::Incident.scope(Tier::Standard), ScopeDecision::Covered);
    /// assert_eq!(
    ///     RequestKind::Training.scope(Tier::Plus),
    ///     ScopeDecision::NotCovered(Exclusion::Training)
    /// );
    /// assert_eq!(
    ///     RequestKind::Training.scope(Tier::Vip),
    ///     ScopeDecision::DrawnFromHourBank(Activity::Training)
    /// );
    /// ```
    pub fn scope(self, tier: Tier) -> ScopeDecision {
        let vip = matches!(tier, Tier::Vip);
        let excluded = |exclusion| ScopeDecision::NotCovered(exclusion);
        match self {
            RequestKind::Incident | RequestKind::Question => ScopeDecision::Covered,
            RequestKind::FeatureRequest => ScopeDecision::ForwardToVendor,
            RequestKind::OnSiteImplementation => excluded(Exclusion::OnSiteImplementation),
            RequestKind::StartUpSupport => excluded(Exclusion::StartUpSupport),
            RequestKind::ProductionInstallation => excluded(Exclusion::ProductionInstallation),
            RequestKind::Deployment => excluded(Exclusion::Deployment),
            RequestKind::Travel => excluded(Exclusion::Travel),
            RequestKind::ThirdPartyConsulting => excluded(Exclusion::ThirdPartyConsulting),
            RequestKind::OnSiteIntervention => excluded(Exclusion::OnSiteIntervention),
            RequestKind::OnSiteInvestigation => excluded(Exclusion::OnSiteInvestigation),
            RequestKind::VersionUpgrade => excluded(Exclusion::VersionUpgrade),
            RequestKind::Development => excluded(Exclusion::Development),
            RequestKind::Customisation => excluded(Exclusion::Customisation),
            RequestKind::Training if vip => ScopeDecision::DrawnFromHourBank(Activity::Training),
            RequestKind::Training => excluded(Exclusion::Training),
            RequestKind::SystemAudit if vip => ScopeDecision::DrawnFromHourBank(Activity::Audit),
            RequestKind::Optimisation if vip => {
                ScopeDecision::DrawnFromHourBank(Activity::Optimisation)
            }
            RequestKind::ContingencyPlan if vip => {
                ScopeDecision::DrawnFromHourBank(Activity::ContingencyPlan)
            }
            RequestKind::SystemAudit | RequestKind::Optimisation | RequestKind::ContingencyPlan => {
                excluded(Exclusion::PreventiveConsulting)
            }
        }
    }
}

impl fmt::Display for RequestKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for RequestKind {
    type Err = Error;

    /// Parses the word of a kind (see [`RequestKind::as_str`]), ignoring case and surrounding
    /// white space; `-` and spaces may stand for `_`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is no kind's word.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let word = crate::words::normalize(input).replace(['-', ' '], "_");
        RequestKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == word)
            .ok_or_else(|| Error::UnknownWord {
                kind: "request kind",
                input: input.to_owned(),
                expected: {
                    static WORDS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                    crate::words::list(&WORDS, RequestKind::ALL, RequestKind::as_str)
                },
            })
    }
}

/// What support does with a request: the answer of [`RequestKind::scope`].
///
/// `Display` says it in plain English; for [`NotCovered`](Self::NotCovered) it cites the policy.
///
/// # Example
///
/// ```
/// use support_sla::policy::{RequestKind, ScopeDecision};
/// use support_sla::Tier;
///
/// let decision = RequestKind::Development.scope(Tier::Vip);
/// assert!(matches!(decision, ScopeDecision::NotCovered(_)));
/// assert!(decision.to_string().starts_with("not covered: technical support does not include developments"));
/// assert_eq!(ScopeDecision::ForwardToVendor.to_string(), "forwarded to the vendor");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ScopeDecision {
    /// Standard technical support handles it.
    Covered,
    /// A new-feature request: support reports it to the vendor and passes the vendor's answer
    /// and reference back to the client (see [`FeatureRequest`](super::FeatureRequest)).
    ///
    /// # Source
    ///
    /// > «el soporte técnico de IREO está limitado a reportar la solicitud al fabricante, y
    /// > confirmar al cliente la respuesta (si la hay) del fabricante junto con un número de
    /// > referencia del fabricante»
    ///
    /// Gloss: support only reports the request to the vendor and confirms its answer and
    /// reference.
    ForwardToVendor,
    /// Vip on-site preventive consulting: done, and its time drawn from the client's
    /// [`HourBank`](super::HourBank) as this activity.
    DrawnFromHourBank(Activity),
    /// Not included in support, for this reason.
    NotCovered(Exclusion),
}

impl fmt::Display for ScopeDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScopeDecision::Covered => f.write_str("covered"),
            ScopeDecision::ForwardToVendor => f.write_str("forwarded to the vendor"),
            ScopeDecision::DrawnFromHourBank(activity) => write!(
                f,
                "drawn from the vip bank of preventive consulting hours as {activity}"
            ),
            ScopeDecision::NotCovered(exclusion) => write!(f, "not covered: {exclusion}"),
        }
    }
}

/// Why a request is not covered: one variant per activity the policy excludes, and one for the
/// preventive consulting that only Vip includes.
///
/// [`quote`](Self::quote) gives the words of the policy; `Display` an English sentence citing
/// them.
///
/// # Source
///
/// > «el servicio estándar de Soporte Técnico que ofrece IREO no incluye la prestación de
/// > Servicios Profesionales, tales como […]. Asimismo, el soporte técnico no incluye […]»
///
/// Gloss: the professional services and on-site work listed are not part of support.
///
/// # Example
///
/// ```
/// use support_sla::policy::Exclusion;
///
/// assert_eq!(Exclusion::StartUpSupport.quote(), "soporte a la arrancada");
/// assert_eq!(
///     Exclusion::StartUpSupport.to_string(),
///     "start-up support is a professional service, not included in technical support \
///      (policy: «no incluye la prestación de Servicios Profesionales, tales como […] soporte a la arrancada»)"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Exclusion {
    /// «ayuda a la implantación en domicilio del cliente»: a professional service.
    OnSiteImplementation,
    /// «soporte a la arrancada»: a professional service.
    StartUpSupport,
    /// «instalación de productos en entornos de explotación»: a professional service.
    ProductionInstallation,
    /// «despliegue de aplicaciones o actualizaciones de software»: a professional service.
    Deployment,
    /// «desplazamientos y estancias»: a professional service.
    Travel,
    /// «consultoría o auditoria sobre productos de terceros»: a professional service.
    ThirdPartyConsulting,
    /// «intervenciones»: not included in support.
    OnSiteIntervention,
    /// «formaciones»: not included in support (Vip draws it from its bank).
    Training,
    /// «investigaciones sobre incidencias insitu»: not included in support.
    OnSiteInvestigation,
    /// «actualizaciones de versión»: not included in support.
    VersionUpgrade,
    /// «desarrollos»: not included in support.
    Development,
    /// «personalizaciones sobre la plataforma de cada cliente»: not included in support.
    Customisation,
    /// On-site preventive consulting (audits, optimisation, contingency plans) is part of the
    /// Vip level only: «Bolsa de horas o paquete de jornadas de Consultoría de Soporte Técnico
    /// Preventivo in situ».
    PreventiveConsulting,
}

impl Exclusion {
    /// The words of the policy this exclusion rests on.
    pub const fn quote(self) -> &'static str {
        match self {
            Exclusion::OnSiteImplementation => "ayuda a la implantación en domicilio del cliente",
            Exclusion::StartUpSupport => "soporte a la arrancada",
            Exclusion::ProductionInstallation => {
                "instalación de productos en entornos de explotación"
            }
            Exclusion::Deployment => "despliegue de aplicaciones o actualizaciones de software",
            Exclusion::Travel => "desplazamientos y estancias",
            Exclusion::ThirdPartyConsulting => {
                "consultoría o auditoria sobre productos de terceros"
            }
            Exclusion::OnSiteIntervention => "intervenciones",
            Exclusion::Training => "formaciones",
            Exclusion::OnSiteInvestigation => "investigaciones sobre incidencias insitu",
            Exclusion::VersionUpgrade => "actualizaciones de versión",
            Exclusion::Development => "desarrollos",
            Exclusion::Customisation => "personalizaciones sobre la plataforma de cada cliente",
            Exclusion::PreventiveConsulting => {
                "Bolsa de horas o paquete de jornadas de Consultoría de Soporte Técnico \
                 Preventivo in situ"
            }
        }
    }

    /// The activity, in English.
    const fn english(self) -> &'static str {
        match self {
            Exclusion::OnSiteImplementation => "implementation help on the client's premises",
            Exclusion::StartUpSupport => "start-up support",
            Exclusion::ProductionInstallation => "installation in production environments",
            Exclusion::Deployment => "deployment of applications or software updates",
            Exclusion::Travel => "travel and stays",
            Exclusion::ThirdPartyConsulting => "consulting or audits of third-party products",
            Exclusion::OnSiteIntervention => "on-site interventions",
            Exclusion::Training => "training",
            Exclusion::OnSiteInvestigation => "on-site investigation of incidents",
            Exclusion::VersionUpgrade => "version upgrades",
            Exclusion::Development => "developments",
            Exclusion::Customisation => "customisations on the client's platform",
            Exclusion::PreventiveConsulting => "on-site preventive consulting",
        }
    }

    /// Whether the policy names it among the professional services (first sentence of its list).
    const fn is_professional_service(self) -> bool {
        matches!(
            self,
            Exclusion::OnSiteImplementation
                | Exclusion::StartUpSupport
                | Exclusion::ProductionInstallation
                | Exclusion::Deployment
                | Exclusion::Travel
                | Exclusion::ThirdPartyConsulting
        )
    }
}

impl fmt::Display for Exclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (english, quote) = (self.english(), self.quote());
        if matches!(self, Exclusion::PreventiveConsulting) {
            write!(
                f,
                "{english} is part of the vip support level only (policy, soporte VIP: «{quote}»)"
            )
        } else if self.is_professional_service() {
            write!(
                f,
                "{english} is a professional service, not included in technical support \
                 (policy: «no incluye la prestación de Servicios Profesionales, tales como […] \
                 {quote}»)"
            )
        } else {
            write!(
                f,
                "technical support does not include {english} (policy: «el soporte técnico no \
                 incluye […] {quote}»)"
            )
        }
    }
}

/// Something done to an installation that may void the client's right to support.
///
/// Written and parsed as `snake_case` words (`"modified_source_code"`), the same in JSON.
/// [`assess_installation`] turns a client's report into a [`SupportStanding`].
///
/// # Source
///
/// > «Por lo general, el soporte técnico no cubre instalaciones en las que se ha modificado el
/// > código fuente o la base de datos, utilizando productos de terceros o métodos no soportados
/// > por el fabricante, por ejemplo: modificación de código de programación, modificación de la
/// > estructura de la base de datos, manipulación de datos desde herramientas externas, etc.»
///
/// Gloss: as a rule support does not cover installations whose code or database were changed
/// with third-party products or methods the vendor does not support.
///
/// # Example
///
/// ```
/// use support_sla::policy::VoidingAction;
///
/// let action: VoidingAction = "modified_database_structure".parse()?;
/// assert_eq!(action.quote(), "modificación de la estructura de la base de datos");
/// assert_eq!(action.to_string(), "modified_database_structure");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum VoidingAction {
    /// The program's source code was modified («modificación de código de programación»).
    ModifiedSourceCode,
    /// The database structure was modified («modificación de la estructura de la base de
    /// datos»).
    ModifiedDatabaseStructure,
    /// Data was manipulated with outside tools («manipulación de datos desde herramientas
    /// externas»).
    DataManipulatedWithExternalTools,
    /// Third-party products the vendor does not support were used on it («utilizando productos
    /// de terceros […] no soportados por el fabricante»).
    UnsupportedThirdPartyProduct,
    /// Methods the vendor does not support were used on it («métodos no soportados por el
    /// fabricante»).
    UnsupportedMethod,
}

impl VoidingAction {
    /// Every action, in the policy's order.
    pub const ALL: [VoidingAction; 5] = [
        VoidingAction::ModifiedSourceCode,
        VoidingAction::ModifiedDatabaseStructure,
        VoidingAction::DataManipulatedWithExternalTools,
        VoidingAction::UnsupportedThirdPartyProduct,
        VoidingAction::UnsupportedMethod,
    ];

    /// The word for the action: `"modified_source_code"`…
    pub const fn as_str(self) -> &'static str {
        match self {
            VoidingAction::ModifiedSourceCode => "modified_source_code",
            VoidingAction::ModifiedDatabaseStructure => "modified_database_structure",
            VoidingAction::DataManipulatedWithExternalTools => {
                "data_manipulated_with_external_tools"
            }
            VoidingAction::UnsupportedThirdPartyProduct => "unsupported_third_party_product",
            VoidingAction::UnsupportedMethod => "unsupported_method",
        }
    }

    /// The words of the policy naming the action.
    pub const fn quote(self) -> &'static str {
        match self {
            VoidingAction::ModifiedSourceCode => "modificación de código de programación",
            VoidingAction::ModifiedDatabaseStructure => {
                "modificación de la estructura de la base de datos"
            }
            VoidingAction::DataManipulatedWithExternalTools => {
                "manipulación de datos desde herramientas externas"
            }
            VoidingAction::UnsupportedThirdPartyProduct => {
                "utilizando productos de terceros […] no soportados por el fabricante"
            }
            VoidingAction::UnsupportedMethod => "métodos no soportados por el fabricante",
        }
    }

    /// The action, in English.
    const fn english(self) -> &'static str {
        match self {
            VoidingAction::ModifiedSourceCode => "modified source code",
            VoidingAction::ModifiedDatabaseStructure => "modified database structure",
            VoidingAction::DataManipulatedWithExternalTools => {
                "data manipulated with external tools"
            }
            VoidingAction::UnsupportedThirdPartyProduct => {
                "third-party products not supported by the vendor"
            }
            VoidingAction::UnsupportedMethod => "methods not supported by the vendor",
        }
    }
}

impl fmt::Display for VoidingAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for VoidingAction {
    type Err = Error;

    /// Parses the word of an action (see [`VoidingAction::as_str`]), ignoring case and
    /// surrounding white space; `-` and spaces may stand for `_`.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownWord`] quoting the input when it is no action's word.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let word = crate::words::normalize(input).replace(['-', ' '], "_");
        VoidingAction::ALL
            .into_iter()
            .find(|action| action.as_str() == word)
            .ok_or_else(|| Error::UnknownWord {
                kind: "voiding action",
                input: input.to_owned(),
                expected: {
                    static WORDS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                    crate::words::list(&WORDS, VoidingAction::ALL, VoidingAction::as_str)
                },
            })
    }
}

/// Whether an installation keeps its right to support, given what was done to it: the answer of
/// [`assess_installation`].
///
/// The policy says such installations are, as a rule, not covered («Por lo general, el soporte
/// técnico no cubre instalaciones en las que se ha modificado el código fuente o la base de
/// datos») and asks clients to consult support first, so the answer is "may be voided", for
/// support to confirm, not a verdict.
///
/// `Display` cites the policy.
///
/// # Example
///
/// ```
/// use support_sla::policy::{assess_installation, SupportStanding, VoidingAction};
///
/// assert_eq!(assess_installation([]), SupportStanding::Supported);
/// let standing = assess_installation([VoidingAction::ModifiedSourceCode]);
/// assert_eq!(standing.to_string(),
///     "support may be void for this installation: modified source code \
///      («modificación de código de programación»); as a rule support does not cover \
///      installations changed with products or methods the vendor does not support \
///      (policy: «Por lo general, el soporte técnico no cubre instalaciones en las que se ha \
///      modificado el código fuente o la base de datos»)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SupportStanding {
    /// Nothing reported puts support at risk.
    Supported,
    /// Support may be voided by these actions (in [`VoidingAction::ALL`] order, each once).
    MayBeVoided(Vec<VoidingAction>),
}

impl fmt::Display for SupportStanding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SupportStanding::Supported => f.write_str("supported"),
            SupportStanding::MayBeVoided(actions) => {
                f.write_str("support may be void for this installation: ")?;
                for (i, action) in actions.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{} («{}»)", action.english(), action.quote())?;
                }
                f.write_str(
                    "; as a rule support does not cover installations changed with products \
                     or methods the vendor does not support (policy: «Por lo general, el \
                     soporte técnico no cubre instalaciones en las que se ha modificado el \
                     código fuente o la base de datos»)",
                )
            }
        }
    }
}

/// Whether an installation on which the client reports `actions` keeps its right to support:
/// [`SupportStanding::Supported`] when none is reported, else
/// [`SupportStanding::MayBeVoided`] with the actions sorted in the policy's order, duplicates
/// removed.
///
/// # Source
///
/// > «Antes de realizar este tipo de acción, rogamos consultar con el servicio de soporte
/// > técnico para confirmar si puede afectar su derecho de recibir soporte técnico.»
///
/// Gloss: before such an action, ask support whether it affects the right to support.
///
/// # Example
///
/// ```
/// use support_sla::policy::{assess_installation, SupportStanding, VoidingAction};
///
/// let standing = assess_installation([
///     VoidingAction::UnsupportedMethod,
///     VoidingAction::ModifiedSourceCode,
///     VoidingAction::UnsupportedMethod,
/// ]);
/// assert_eq!(standing, SupportStanding::MayBeVoided(vec![
///     VoidingAction::ModifiedSourceCode,
///     VoidingAction::UnsupportedMethod,
/// ]));
/// ```
pub fn assess_installation(actions: impl IntoIterator<Item = VoidingAction>) -> SupportStanding {
    let mut actions: Vec<VoidingAction> = actions.into_iter().collect();
    actions.sort_unstable();
    actions.dedup();
    if actions.is_empty() {
        SupportStanding::Supported
    } else {
        SupportStanding::MayBeVoided(actions)
    }
}
