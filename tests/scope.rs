//! Scope rules, new-feature requests and the Vip hour bank, through the public API, each test
//! citing the sentence of the policy it checks.

use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use support_sla::policy::{
    assess_installation, Activity, Exclusion, FeatureRequest, FeatureState, FeatureTransition,
    HourBank, Package, RequestKind, ScopeDecision, SupportStanding, VoidingAction,
};
use support_sla::{Error, TicketId, Tier};

// ---------------------------------------------------------------------------------------------
// Scope: what standard support covers.
// ---------------------------------------------------------------------------------------------

/// «el servicio estándar de Soporte Técnico que ofrece IREO no incluye la prestación de
/// Servicios Profesionales, tales como la ayuda a la implantación en domicilio del cliente,
/// soporte a la arrancada, instalación de productos en entornos de explotación, despliegue de
/// aplicaciones o actualizaciones de software, desplazamientos y estancias, así como consultoría
/// o auditoria sobre productos de terceros.»
#[test]
fn professional_services_are_not_covered_for_any_tier() {
    let rows = [
        (
            RequestKind::OnSiteImplementation,
            Exclusion::OnSiteImplementation,
            "ayuda a la implantación en domicilio del cliente",
        ),
        (
            RequestKind::StartUpSupport,
            Exclusion::StartUpSupport,
            "soporte a la arrancada",
        ),
        (
            RequestKind::ProductionInstallation,
            Exclusion::ProductionInstallation,
            "instalación de productos en entornos de explotación",
        ),
        (
            RequestKind::Deployment,
            Exclusion::Deployment,
            "despliegue de aplicaciones o actualizaciones de software",
        ),
        (
            RequestKind::Travel,
            Exclusion::Travel,
            "desplazamientos y estancias",
        ),
        (
            RequestKind::ThirdPartyConsulting,
            Exclusion::ThirdPartyConsulting,
            "consultoría o auditoria sobre productos de terceros",
        ),
    ];
    for (kind, exclusion, quote) in rows {
        for tier in Tier::ALL {
            assert_eq!(
                kind.scope(tier),
                ScopeDecision::NotCovered(exclusion),
                "{kind} for {tier}"
            );
        }
        assert_eq!(exclusion.quote(), quote);
        let text = exclusion.to_string();
        assert!(text.contains("is a professional service"), "{text}");
        assert!(text.contains(quote), "{text}");
        assert!(text.contains("Servicios Profesionales"), "{text}");
    }
}

/// «Asimismo, el soporte técnico no incluye intervenciones, formaciones, investigaciones sobre
/// incidencias insitu, actualizaciones de versión, desarrollos, personalizaciones sobre la
/// plataforma de cada cliente.»
#[test]
fn on_site_work_upgrades_developments_and_customisations_are_not_covered_for_any_tier() {
    let rows = [
        (
            RequestKind::OnSiteIntervention,
            Exclusion::OnSiteIntervention,
            "intervenciones",
        ),
        (
            RequestKind::OnSiteInvestigation,
            Exclusion::OnSiteInvestigation,
            "investigaciones sobre incidencias insitu",
        ),
        (
            RequestKind::VersionUpgrade,
            Exclusion::VersionUpgrade,
            "actualizaciones de versión",
        ),
        (
            RequestKind::Development,
            Exclusion::Development,
            "desarrollos",
        ),
        (
            RequestKind::Customisation,
            Exclusion::Customisation,
            "personalizaciones sobre la plataforma de cada cliente",
        ),
    ];
    for (kind, exclusion, quote) in rows {
        for tier in Tier::ALL {
            assert_eq!(
                kind.scope(tier),
                ScopeDecision::NotCovered(exclusion),
                "{kind} for {tier}"
            );
        }
        assert_eq!(exclusion.quote(), quote);
        let text = exclusion.to_string();
        assert!(
            text.starts_with("technical support does not include"),
            "{text}"
        );
        assert!(text.contains(quote), "{text}");
    }
}

/// «el soporte técnico no incluye […] formaciones» — but Vip: «Bolsa de horas o paquete de
/// jornadas de Consultoría de Soporte Técnico Preventivo in situ. Este servicio incluye tareas
/// como auditorías del sistema, optimizaciones de la implantación, formación, definición de plan
/// de contingencias, etc.»
#[test]
fn training_is_excluded_for_standard_and_plus_and_drawn_from_the_bank_for_vip() {
    for tier in [Tier::Standard, Tier::Plus] {
        assert_eq!(
            RequestKind::Training.scope(tier),
            ScopeDecision::NotCovered(Exclusion::Training)
        );
    }
    assert_eq!(
        RequestKind::Training.scope(Tier::Vip),
        ScopeDecision::DrawnFromHourBank(Activity::Training)
    );
    assert_eq!(Exclusion::Training.quote(), "formaciones");
}

/// «Este servicio incluye tareas como auditorías del sistema, optimizaciones de la implantación,
/// formación, definición de plan de contingencias, etc.» (Soporte VIP only).
#[test]
fn preventive_consulting_is_drawn_from_the_vip_bank_and_not_covered_below_vip() {
    let rows = [
        (RequestKind::SystemAudit, Activity::Audit),
        (RequestKind::Optimisation, Activity::Optimisation),
        (RequestKind::ContingencyPlan, Activity::ContingencyPlan),
    ];
    for (kind, activity) in rows {
        assert_eq!(
            kind.scope(Tier::Vip),
            ScopeDecision::DrawnFromHourBank(activity)
        );
        for tier in [Tier::Standard, Tier::Plus] {
            assert_eq!(
                kind.scope(tier),
                ScopeDecision::NotCovered(Exclusion::PreventiveConsulting)
            );
        }
    }
    let text = Exclusion::PreventiveConsulting.to_string();
    assert!(text.contains("vip support level only"), "{text}");
    assert!(
        text.contains("Consultoría de Soporte Técnico Preventivo in situ"),
        "{text}"
    );
}

/// «Soporte técnico en español por email, web y teléfono» for incidents and questions;
/// «el soporte técnico de IREO está limitado a reportar la solicitud al fabricante» for new
/// features.
#[test]
fn incidents_and_questions_are_covered_and_feature_requests_go_to_the_vendor() {
    for tier in Tier::ALL {
        assert_eq!(RequestKind::Incident.scope(tier), ScopeDecision::Covered);
        assert_eq!(RequestKind::Question.scope(tier), ScopeDecision::Covered);
        assert_eq!(
            RequestKind::FeatureRequest.scope(tier),
            ScopeDecision::ForwardToVendor
        );
    }
}

#[test]
fn every_request_kind_reads_back_from_its_word() {
    for kind in RequestKind::ALL {
        let word = kind.to_string();
        assert_eq!(word.parse::<RequestKind>(), Ok(kind));
        assert_eq!(word.to_uppercase().replace('_', " ").parse(), Ok(kind));
    }
    let err = "massage".parse::<RequestKind>().unwrap_err();
    assert!(matches!(
        err,
        Error::UnknownWord {
            kind: "request kind",
            ..
        }
    ));
    assert!(err
        .to_string()
        .starts_with(r#"unknown request kind "massage""#));
}

#[test]
fn scope_decisions_read_as_sentences() {
    assert_eq!(ScopeDecision::Covered.to_string(), "covered");
    assert_eq!(
        RequestKind::SystemAudit.scope(Tier::Vip).to_string(),
        "drawn from the vip bank of preventive consulting hours as audit"
    );
    assert_eq!(
        RequestKind::VersionUpgrade.scope(Tier::Plus).to_string(),
        "not covered: technical support does not include version upgrades (policy: «el soporte \
         técnico no incluye […] actualizaciones de versión»)"
    );
}

// ---------------------------------------------------------------------------------------------
// Actions that may void support.
// ---------------------------------------------------------------------------------------------

/// «Por lo general, el soporte técnico no cubre instalaciones en las que se ha modificado el
/// código fuente o la base de datos, utilizando productos de terceros o métodos no soportados por
/// el fabricante, por ejemplo: modificación de código de programación, modificación de la
/// estructura de la base de datos, manipulación de datos desde herramientas externas, etc.»
#[test]
fn each_voiding_action_puts_support_at_risk_citing_the_policy() {
    let rows = [
        (
            VoidingAction::ModifiedSourceCode,
            "modificación de código de programación",
        ),
        (
            VoidingAction::ModifiedDatabaseStructure,
            "modificación de la estructura de la base de datos",
        ),
        (
            VoidingAction::DataManipulatedWithExternalTools,
            "manipulación de datos desde herramientas externas",
        ),
        (
            VoidingAction::UnsupportedThirdPartyProduct,
            "utilizando productos de terceros […] no soportados por el fabricante",
        ),
        (
            VoidingAction::UnsupportedMethod,
            "métodos no soportados por el fabricante",
        ),
    ];
    assert_eq!(rows.len(), VoidingAction::ALL.len());
    for (action, quote) in rows {
        assert_eq!(action.quote(), quote);
        let standing = assess_installation([action]);
        assert_eq!(standing, SupportStanding::MayBeVoided(vec![action]));
        let text = standing.to_string();
        assert!(text.contains(quote), "{text}");
        assert!(
            text.contains("Por lo general, el soporte técnico no cubre"),
            "{text}"
        );
        assert_eq!(action.to_string().parse(), Ok(action));
    }
}

/// «Antes de realizar este tipo de acción, rogamos consultar con el servicio de soporte técnico
/// para confirmar si puede afectar su derecho de recibir soporte técnico.»
#[test]
fn an_untouched_installation_is_supported_and_reports_are_sorted_and_deduplicated() {
    assert_eq!(assess_installation([]), SupportStanding::Supported);
    assert_eq!(SupportStanding::Supported.to_string(), "supported");
    let standing = assess_installation([
        VoidingAction::UnsupportedMethod,
        VoidingAction::DataManipulatedWithExternalTools,
        VoidingAction::UnsupportedMethod,
    ]);
    assert_eq!(
        standing,
        SupportStanding::MayBeVoided(vec![
            VoidingAction::DataManipulatedWithExternalTools,
            VoidingAction::UnsupportedMethod,
        ])
    );
    assert!(matches!(
        "rm -rf".parse::<VoidingAction>(),
        Err(Error::UnknownWord {
            kind: "voiding action",
            ..
        })
    ));
}

// ---------------------------------------------------------------------------------------------
// New-feature requests.
// ---------------------------------------------------------------------------------------------

fn day(d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, d, 10, 0, 0).unwrap()
}

fn requested() -> FeatureRequest {
    FeatureRequest::new(TicketId::new(4711), day(3))
}

fn forwarded() -> FeatureRequest {
    let mut request = requested();
    request.forward(day(4)).unwrap();
    request
}

/// «el soporte técnico de IREO está limitado a reportar la solicitud al fabricante, y confirmar
/// al cliente la respuesta (si la hay) del fabricante junto con un número de referencia del
/// fabricante. Algunos fabricantes implantan un sistema formal de seguimiento […] que a su vez
/// permitirá a IREO notificar al cliente cuando la funcionalidad solicitada esté disponible en
/// una nueva versión del producto.»
#[test]
fn a_feature_request_goes_forwarded_referenced_answered_available() {
    let mut request = requested();
    assert_eq!(request.state(), FeatureState::Requested);
    assert_eq!(request.forwarded(), None);
    request.forward(day(4)).unwrap();
    assert_eq!(request.state(), FeatureState::Forwarded);
    assert_eq!(request.forwarded(), Some(day(4)));
    request.record_answer(day(10), "Planned for 7.2").unwrap();
    request.record_reference("ENH-2291").unwrap();
    assert_eq!(request.vendor_reference(), Some("ENH-2291"));
    assert_eq!(
        request
            .vendor_answer()
            .map(|a| (a.answered, a.text.as_str())),
        Some((day(10), "Planned for 7.2"))
    );
    assert_eq!(request.state(), FeatureState::Forwarded);
    request.record_availability("7.2", day(28)).unwrap();
    assert_eq!(request.state(), FeatureState::Available);
    assert_eq!(
        request
            .availability()
            .map(|a| (a.release.as_str(), a.notified)),
        Some(("7.2", day(28)))
    );
    assert_eq!(request.ticket(), TicketId::new(4711));
    assert_eq!(request.requested(), day(3));
}

/// «confirmar al cliente la respuesta (si la hay)»: the answer and the reference are optional.
#[test]
fn a_feature_request_may_become_available_without_answer_or_reference() {
    let mut request = forwarded();
    request.record_availability("8.0", day(20)).unwrap();
    assert_eq!(request.state(), FeatureState::Available);
    assert_eq!(request.vendor_reference(), None);
    assert_eq!(request.vendor_answer(), None);
}

fn transition_error(
    transition: FeatureTransition,
    state: FeatureState,
    error: Error,
) -> &'static str {
    match error {
        Error::FeatureRequestTransition {
            transition: t,
            state: s,
            reason,
        } if t == transition && s == state => reason,
        other => panic!("expected a refused {transition:?} in {state:?}, got {other:?}"),
    }
}

#[test]
fn nothing_but_forwarding_is_recorded_before_the_request_is_forwarded() {
    let mut request = requested();
    let before = request.clone();
    let e = request.record_reference("ENH-1").unwrap_err();
    transition_error(
        FeatureTransition::RecordReference,
        FeatureState::Requested,
        e,
    );
    let e = request.record_answer(day(5), "no").unwrap_err();
    transition_error(FeatureTransition::RecordAnswer, FeatureState::Requested, e);
    let e = request.record_availability("7.2", day(5)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot record the availability of a feature request that is requested: it has not \
         been forwarded to the vendor yet"
    );
    transition_error(
        FeatureTransition::RecordAvailability,
        FeatureState::Requested,
        e,
    );
    assert_eq!(request, before, "a refused step changes nothing");
}

#[test]
fn a_request_is_forwarded_once_and_its_reference_and_answer_given_once() {
    let mut request = forwarded();
    let e = request.forward(day(5)).unwrap_err();
    assert_eq!(
        transition_error(FeatureTransition::Forward, FeatureState::Forwarded, e),
        "it was already forwarded"
    );
    request.record_reference("ENH-1").unwrap();
    let e = request.record_reference("ENH-2").unwrap_err();
    assert_eq!(
        transition_error(
            FeatureTransition::RecordReference,
            FeatureState::Forwarded,
            e
        ),
        "the vendor's reference was already given"
    );
    assert_eq!(request.vendor_reference(), Some("ENH-1"));
    request.record_answer(day(6), "yes").unwrap();
    let e = request.record_answer(day(7), "no").unwrap_err();
    transition_error(FeatureTransition::RecordAnswer, FeatureState::Forwarded, e);
}

#[test]
fn an_available_request_is_final() {
    let mut request = forwarded();
    request.record_availability("7.2", day(20)).unwrap();
    let steps: [(FeatureTransition, Error); 4] = [
        (
            FeatureTransition::Forward,
            request.forward(day(21)).unwrap_err(),
        ),
        (
            FeatureTransition::RecordReference,
            request.record_reference("ENH-1").unwrap_err(),
        ),
        (
            FeatureTransition::RecordAnswer,
            request.record_answer(day(21), "late").unwrap_err(),
        ),
        (
            FeatureTransition::RecordAvailability,
            request.record_availability("7.3", day(21)).unwrap_err(),
        ),
    ];
    for (transition, error) in steps {
        assert_eq!(
            transition_error(transition, FeatureState::Available, error),
            "an available request is final"
        );
    }
}

#[test]
fn steps_dated_before_the_step_they_follow_are_refused() {
    let mut request = requested();
    assert_eq!(
        request.forward(day(2)),
        Err(Error::FeatureRequestTooEarly {
            transition: FeatureTransition::Forward,
            at: day(2),
            earliest: day(3),
        })
    );
    let mut request = forwarded();
    assert_eq!(
        request.record_answer(day(3), "no"),
        Err(Error::FeatureRequestTooEarly {
            transition: FeatureTransition::RecordAnswer,
            at: day(3),
            earliest: day(4),
        })
    );
    let e = request.record_availability("7.2", day(3)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot record the availability of a feature request at 2025-03-03 10:00:00 UTC: that \
         is before 2025-03-04 10:00:00 UTC, when its previous step happened"
    );
    // The same instant as the step it follows is fine.
    request.record_answer(day(4), "yes").unwrap();
}

#[test]
fn empty_references_and_releases_are_refused() {
    let mut request = forwarded();
    assert!(matches!(
        request.record_reference("  "),
        Err(Error::Malformed {
            kind: "vendor reference",
            ..
        })
    ));
    assert!(matches!(
        request.record_availability("", day(5)),
        Err(Error::Malformed {
            kind: "release",
            ..
        })
    ));
    assert_eq!(request.state(), FeatureState::Forwarded);
}

// ---------------------------------------------------------------------------------------------
// The Vip hour bank.
// ---------------------------------------------------------------------------------------------

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, d).unwrap()
}

/// «Bolsa de horas o paquete de jornadas de Consultoría de Soporte Técnico Preventivo in situ.»
#[test]
fn hours_and_days_are_bought_a_day_being_eight_hours_by_default() {
    let mut bank = HourBank::new();
    assert_eq!(bank.day_length(), TimeDelta::hours(8));
    assert_eq!(HourBank::default(), bank);
    assert_eq!(bank.balance(), TimeDelta::zero());
    assert_eq!(
        bank.purchase(date(1), Package::Hours(10)),
        Ok(TimeDelta::hours(10))
    );
    assert_eq!(
        bank.purchase(date(2), Package::Days(3)),
        Ok(TimeDelta::hours(34))
    );
    assert_eq!(bank.purchased(), TimeDelta::hours(34));
    assert_eq!(bank.purchases().len(), 2);

    let mut short_days = HourBank::with_day_length(TimeDelta::minutes(450)).unwrap();
    short_days.purchase(date(1), Package::Days(2)).unwrap();
    assert_eq!(short_days.balance(), TimeDelta::hours(15));
}

/// «Este servicio incluye tareas como auditorías del sistema, optimizaciones de la implantación,
/// formación, definición de plan de contingencias, etc.»
#[test]
fn consumptions_are_recorded_with_date_duration_and_activity() {
    let mut bank = HourBank::new();
    bank.purchase(date(1), Package::Days(1)).unwrap();
    let activities = [
        Activity::Audit,
        Activity::Optimisation,
        Activity::Training,
        Activity::ContingencyPlan,
        Activity::Other("backup review".to_owned()),
    ];
    for (i, activity) in activities.iter().enumerate() {
        bank.consume(
            date(10 + i as u32),
            TimeDelta::minutes(90),
            activity.clone(),
        )
        .unwrap();
    }
    assert_eq!(bank.consumed(), TimeDelta::minutes(450));
    assert_eq!(bank.balance(), TimeDelta::minutes(30));
    let recorded: Vec<_> = bank
        .consumptions()
        .iter()
        .map(|c| c.activity.clone())
        .collect();
    assert_eq!(recorded, activities);
    assert_eq!(bank.consumptions()[4].date, date(14));
}

#[test]
fn three_twenty_minute_visits_use_exactly_one_hour() {
    let mut bank = HourBank::new();
    bank.purchase(date(1), Package::Hours(1)).unwrap();
    for _ in 0..3 {
        bank.consume(date(5), TimeDelta::minutes(20), Activity::Audit)
            .unwrap();
    }
    assert_eq!(bank.consumed(), TimeDelta::hours(1));
    assert_eq!(bank.balance(), TimeDelta::zero());
    // A third of an hour in seconds, three times, is still exact.
    let mut bank = HourBank::new();
    bank.purchase(date(1), Package::Hours(1)).unwrap();
    for _ in 0..3 {
        bank.consume(date(5), TimeDelta::seconds(1200), Activity::Training)
            .unwrap();
    }
    assert_eq!(bank.balance(), TimeDelta::zero());
}

#[test]
fn an_overdraw_is_refused_naming_what_was_asked_and_what_remains() {
    let mut bank = HourBank::new();
    bank.purchase(date(1), Package::Hours(2)).unwrap();
    bank.consume(date(2), TimeDelta::minutes(40), Activity::Audit)
        .unwrap();
    let before = bank.clone();
    let err = bank
        .consume(date(3), TimeDelta::minutes(81), Activity::Training)
        .unwrap_err();
    assert_eq!(
        err,
        Error::HourBankOverdraw {
            requested: TimeDelta::minutes(81),
            available: TimeDelta::minutes(80),
        }
    );
    assert_eq!(
        err.to_string(),
        "cannot consume PT1H21M from the hour bank: only PT1H20M remain"
    );
    assert_eq!(bank, before, "a refused consumption changes nothing");
    // Exactly the balance is fine.
    assert_eq!(
        bank.consume(date(3), TimeDelta::minutes(80), Activity::Training),
        Ok(TimeDelta::zero())
    );
}

#[test]
fn empty_packages_non_positive_consumptions_and_impossible_days_are_refused() {
    let mut bank = HourBank::new();
    assert!(matches!(
        bank.purchase(date(1), Package::Days(0)),
        Err(Error::InvalidDuration {
            what: "purchase",
            ..
        })
    ));
    assert!(matches!(
        bank.consume(date(1), TimeDelta::zero(), Activity::Audit),
        Err(Error::InvalidDuration {
            what: "consumption",
            ..
        })
    ));
    let err = HourBank::with_day_length(TimeDelta::hours(25)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "day length of PT25H is invalid: a day cannot last more than 24 hours"
    );
    assert!(HourBank::with_day_length(TimeDelta::minutes(-1)).is_err());
    assert!(HourBank::with_day_length(TimeDelta::hours(24)).is_ok());
}

#[test]
fn activities_read_back_from_their_words() {
    for activity in [
        Activity::Audit,
        Activity::Optimisation,
        Activity::Training,
        Activity::ContingencyPlan,
        Activity::Other("Backup review".to_owned()),
    ] {
        assert_eq!(activity.to_string().parse(), Ok(activity));
    }
    assert_eq!("Optimization".parse(), Ok(Activity::Optimisation));
    assert_eq!("contingency plan".parse(), Ok(Activity::ContingencyPlan));
    assert!(matches!(
        " ".parse::<Activity>(),
        Err(Error::UnknownWord {
            kind: "activity",
            ..
        })
    ));
}

// ---------------------------------------------------------------------------------------------
// Serde.
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_round_trips {
    use super::*;
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Debug;

    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> String {
        let json = serde_json::to_string(value).unwrap();
        let back: T = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, value, "{json}");
        json
    }

    #[test]
    fn kinds_exclusions_and_decisions_are_snake_case_words() {
        for kind in RequestKind::ALL {
            assert_eq!(round_trip(&kind), format!("\"{kind}\""));
            round_trip(&kind.scope(Tier::Standard));
            round_trip(&kind.scope(Tier::Vip));
        }
        for action in VoidingAction::ALL {
            assert_eq!(round_trip(&action), format!("\"{action}\""));
        }
        assert_eq!(
            round_trip(&ScopeDecision::NotCovered(Exclusion::StartUpSupport)),
            r#"{"not_covered":"start_up_support"}"#
        );
        assert_eq!(round_trip(&ScopeDecision::Covered), r#""covered""#);
        assert_eq!(
            round_trip(&assess_installation([VoidingAction::ModifiedSourceCode])),
            r#"{"may_be_voided":["modified_source_code"]}"#
        );
        round_trip(&SupportStanding::Supported);
    }

    #[test]
    fn feature_requests_round_trip_and_invalid_ones_are_refused() {
        let mut request = forwarded();
        round_trip(&requested());
        round_trip(&request);
        request.record_reference("ENH-2291").unwrap();
        request.record_answer(day(10), "Planned").unwrap();
        request.record_availability("7.2", day(28)).unwrap();
        round_trip(&request);
        round_trip(&FeatureState::Available);

        let unforwarded_reference =
            r#"{"ticket":1,"requested":"2025-03-03T10:00:00Z","vendor_reference":"ENH-1"}"#;
        let err = serde_json::from_str::<FeatureRequest>(unforwarded_reference).unwrap_err();
        assert!(err.to_string().contains("not been forwarded"), "{err}");
        let forwarded_early =
            r#"{"ticket":1,"requested":"2025-03-03T10:00:00Z","forwarded":"2025-03-02T10:00:00Z"}"#;
        assert!(serde_json::from_str::<FeatureRequest>(forwarded_early).is_err());
    }

    #[test]
    fn hour_banks_round_trip_with_iso_durations_and_overdrawn_ones_are_refused() {
        let mut bank = HourBank::with_day_length(TimeDelta::minutes(450)).unwrap();
        bank.purchase(date(1), Package::Days(2)).unwrap();
        bank.purchase(date(2), Package::Hours(1)).unwrap();
        bank.consume(date(3), TimeDelta::minutes(20), Activity::Audit)
            .unwrap();
        bank.consume(
            date(4),
            TimeDelta::minutes(90),
            Activity::Other("dr drill".into()),
        )
        .unwrap();
        let json = round_trip(&bank);
        assert!(json.contains(r#""day_length":"PT7H30M""#), "{json}");
        assert!(json.contains(r#""package":{"days":2}"#), "{json}");
        assert!(json.contains(r#""duration":"PT1H30M""#), "{json}");
        assert!(
            json.contains(r#""activity":{"other":"dr drill"}"#),
            "{json}"
        );
        round_trip(&bank.consumptions()[0]);
        round_trip(&bank.purchases()[0]);
        round_trip(&Activity::ContingencyPlan);
        round_trip(&Package::Hours(3));

        let overdrawn = r#"{"day_length":"PT8H","purchases":[{"date":"2025-03-01","package":{"hours":1}}],
            "consumptions":[{"date":"2025-03-02","duration":"PT2H","activity":"audit"}]}"#;
        let err = serde_json::from_str::<HourBank>(overdrawn).unwrap_err();
        assert!(err.to_string().contains("cannot consume PT2H"), "{err}");
        let bad_duration = r#"{"day_length":"eight hours","purchases":[],"consumptions":[]}"#;
        assert!(serde_json::from_str::<HourBank>(bad_duration).is_err());
    }
}

#[test]
fn unknown_words_list_every_word_of_all_in_order() {
    let err = "massage".parse::<RequestKind>().unwrap_err();
    let words: Vec<&str> = RequestKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        err.to_string(),
        format!(
            r#"unknown request kind "massage": expected {}"#,
            words.join(", ")
        )
    );
    assert!(err.to_string().ends_with("optimisation, contingency_plan"));
    let err = "rm -rf".parse::<VoidingAction>().unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"unknown voiding action "rm -rf": expected modified_source_code, modified_database_structure, data_manipulated_with_external_tools, unsupported_third_party_product, unsupported_method"#
    );
}

/// The twelve exclusions that are request kinds carry the kind's own word: the two lists cannot
/// drift apart unnoticed.
#[cfg(feature = "serde")]
#[test]
fn each_excluded_kind_maps_to_the_exclusion_of_the_same_word() {
    use support_sla::policy::{Exclusion, ScopeDecision};
    let mut mapped = 0;
    for kind in RequestKind::ALL {
        if let ScopeDecision::NotCovered(exclusion) = kind.scope(Tier::Standard) {
            if exclusion == Exclusion::PreventiveConsulting {
                continue;
            }
            let word = serde_json::to_string(&exclusion).unwrap();
            assert_eq!(word, format!("\"{}\"", kind.as_str()), "{kind:?}");
            mapped += 1;
        }
    }
    assert_eq!(mapped, 12);
}
