//! Official working calendars of the city of Madrid, one row per holiday.
//!
//! Each year's calendar is the union of three lists:
//!
//! - [`National`]: the days the BOE resolution of the Dirección General de Trabajo (Empleo in
//!   2012–2018) lists as national for the whole country, including the substitutable ones the
//!   Comunidad de Madrid kept (6 January, Jueves Santo);
//! - [`Regional`]: the days the Comunidad de Madrid sets itself in its yearly decree, published in
//!   the BOCM and repeated in the BOE annex: 2 May (Fiesta de la Comunidad de Madrid), its yearly
//!   choices (San José, Santiago Apóstol, Corpus Christi) and the Mondays it moves a Sunday holiday
//!   to ("Lunes siguiente a …");
//! - [`Local`]: the two local days of the city of Madrid, San Isidro Labrador (15 May) and Nuestra
//!   Señora de la Almudena (9 November), agreed by the city's Pleno and published in the BOCM with
//!   the local days of every municipality, moved by the city when it so decides ("Traslado de …").
//!
//! Only non-working days are listed: a holiday on a Sunday that was not moved is left out (with a
//! comment); a holiday on a Saturday is listed, since it is the official day.
//!
//! Validity: official for 2010–2026; other years projected (see `rules`). 2027's calendar was
//! published in autumn 2026, but no copy of its BOE resolution, Comunidad decree or city list was
//! available to check when this table was written, so 2027 is still projected: add it from the
//! bulletins. Two local days (2011, 2014) are the best-supported choice, not a bulletin reading:
//! see their comments.
//!
//! How sure: each source is marked [`read`] (the bulletin was read and the rows checked against
//! it: the days are `Provenance::Official`) or [`reported`] (the text says "not verified", or the
//! day is a choice between sources: the days are `Provenance::Reported`). A source moves from
//! `reported` to `read` only when someone reads the bulletin and checks the rows.
//!
//! Adding next year: when the BOE resolution (October–November), the Comunidad de Madrid decree
//! (September–October) and the BOCM list of fiestas locales (December) are out, append one
//! [`OfficialYear`] with the three references and one [`OfficialDay`] per non-working day, in date
//! order, named as the bulletin names it; add the matching test in `tests/calendar_official.rs`
//! and move the validity line above.

use super::holiday::Level::{self, Local, National, Regional};

/// One official holiday row.
pub(crate) struct OfficialDay {
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) level: Level,
    /// Official Spanish name, as the bulletin writes it (e.g. "Lunes siguiente a la Inmaculada Concepción" for a moved day).
    pub(crate) name: &'static str,
}

/// A source of some rows, and how sure the crate is of it.
#[derive(Clone, Copy)]
pub(crate) enum Source {
    /// The bulletin itself was read and the rows checked against it: [`Provenance::Official`].
    ///
    /// [`Provenance::Official`]: super::Provenance::Official
    Read(&'static str),
    /// The rows come from reports of the bulletin (the BOE annex, press items, the city's
    /// announcements), the bulletin itself was not read ("not verified" in the text), or the
    /// day is the best-supported choice between sources: [`Provenance::Reported`].
    ///
    /// [`Provenance::Reported`]: super::Provenance::Reported
    Reported(&'static str),
}

/// A source whose bulletin was read.
const fn read(text: &'static str) -> Source {
    Source::Read(text)
}

/// A source whose bulletin was not read (or a day chosen between sources that disagree).
const fn reported(text: &'static str) -> Source {
    Source::Reported(text)
}

/// One year's official calendar with its sources.
pub(crate) struct OfficialYear {
    pub(crate) year: i32,
    /// National list: the BOE resolution of the Dirección General de Trabajo.
    pub(crate) national_source: Source,
    /// Regional days: the Comunidad de Madrid decree (BOCM).
    pub(crate) regional_source: Source,
    /// Local days of the city of Madrid: the publication in the BOCM / city agreement.
    pub(crate) local_source: Source,
    /// The days, in date order.
    pub(crate) days: &'static [OfficialDay],
}

pub(crate) const OFFICIAL: &[OfficialYear] = &[
    // 2010: 2 May (Fiesta de la Comunidad de Madrid) and 15 August fall on Sunday, not moved: the
    // Comunidad de Madrid took San José (19 March) and Corpus Christi (3 June) instead.
    // 1 May, 15 May (San Isidro) and 25 December fall on Saturday and stay there.
    OfficialYear {
        year: 2010,
        national_source: reported("BOE-A-2009-18477: Resolución de la Dirección General de Trabajo por la que se publica la relación de fiestas laborales para el año 2010 (BOE de noviembre de 2009; date of the resolution not verified)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2010 (BOCM, 2009; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2010: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 19, level: Regional, name: "San José" },
            OfficialDay { month: 4, day: 1, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 2, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 6, day: 3, level: Regional, name: "Corpus Christi" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2011: 1 May and 25 December 2011 fall on Sunday, not moved; 19 March falls on Saturday and the
    // Comunidad de Madrid chose Santiago Apóstol (25 July) and Corpus Christi (23 June).
    // UNCERTAIN: 15 May (San Isidro) falls on Sunday. No bulletin or press item for the city's 2011
    // local days was found; the move to Monday 16 May is the best-supported choice (the city moved
    // San Isidro or La Almudena off a Sunday in 2014, 2016, 2022 and 2025). Verify against the
    // BOCM list of fiestas locales for 2011.
    OfficialYear {
        year: 2011,
        national_source: read("BOE-A-2010-15722: Resolución de 7 de octubre de 2010, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2011"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2011 (BOCM, 2010; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2011: acuerdo del Pleno del Ayuntamiento de Madrid (traslado de San Isidro al lunes 16 de mayo: not verified in a bulletin), publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 4, day: 21, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 22, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 16, level: Local, name: "Traslado de San Isidro Labrador" },
            OfficialDay { month: 6, day: 23, level: Regional, name: "Corpus Christi" },
            OfficialDay { month: 7, day: 25, level: Regional, name: "Santiago Apóstol" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
        ],
    },
    // 2012: 1 January 2012 falls on Sunday, not moved in Madrid (San José, 19 March, taken instead).
    // 8 December falls on Saturday and stays there.
    OfficialYear {
        year: 2012,
        national_source: read("BOE-A-2011-16116: Resolución de 6 de octubre de 2011, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2012 (BOE de 14 de octubre de 2011)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2012 (BOCM, 2011; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2012: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 19, level: Regional, name: "San José" },
            OfficialDay { month: 4, day: 5, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 6, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2013: 6 January falls on Sunday: moved to Monday 7. San José (Tuesday 19 March) moved by the
    // Comunidad de Madrid to Monday 18 March. 8 December falls on Sunday, not moved.
    // 12 October and 9 November (La Almudena) fall on Saturday and stay there.
    OfficialYear {
        year: 2013,
        national_source: read("BOE-A-2012-13644: Resolución de 30 de octubre de 2012, de la Dirección General de Empleo, por la que se publica la relación de fiestas laborales para el año 2013 (BOE núm. 265, de 3 de noviembre de 2012)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2013 (BOCM, septiembre de 2012; approved by the Consejo de Gobierno on 20 September 2012; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2013: acuerdo del Pleno del Ayuntamiento de Madrid (Pleno de septiembre de 2012), publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 7, level: Regional, name: "Lunes siguiente a la Epifanía del Señor" },
            OfficialDay { month: 3, day: 18, level: Regional, name: "Traslado de San José" },
            OfficialDay { month: 3, day: 28, level: National, name: "Jueves Santo" },
            OfficialDay { month: 3, day: 29, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2014: 12 October 2014 falls on Sunday, not moved in Madrid; Corpus Christi (19 June) taken instead.
    // 1 November and 6 December fall on Saturday and stay there.
    // SOURCES DISAGREE on La Almudena (Sunday 9 November): a press item written when the regional
    // calendar was approved (September 2013) gives "domingo 9 de noviembre"; a later press item
    // (November 2015) says the 2014 holiday was moved to Monday 10 November. The move is kept
    // (later and more specific source); verify against the BOCM list of fiestas locales for 2014.
    OfficialYear {
        year: 2014,
        national_source: read("BOE-A-2013-12147: Resolución de 8 de noviembre de 2013, de la Dirección General de Empleo, por la que se publica la relación de fiestas laborales para el año 2014 (BOE de 20 de noviembre de 2013)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2014 (BOCM, 2013; approved by the Consejo de Gobierno on 26 September 2013; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2014: acuerdo del Pleno del Ayuntamiento de Madrid (traslado de La Almudena al lunes 10 de noviembre), publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 4, day: 17, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 18, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 6, day: 19, level: Regional, name: "Corpus Christi" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 10, level: Local, name: "Traslado de Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2015: 1 November and 6 December 2015 fall on Sunday, not moved in Madrid: the Comunidad de Madrid
    // took San José (19 March) and Corpus Christi (4 June). 2 May and 15 August fall on Saturday.
    // python-holidays omits Corpus Christi this year (11 days); Decreto 109/2014 lists it.
    OfficialYear {
        year: 2015,
        national_source: read("BOE-A-2014-10823: Resolución de 17 de octubre de 2014, de la Dirección General de Empleo, por la que se publica la relación de fiestas laborales para el año 2015 (BOE de 24 de octubre de 2014)"),
        regional_source: read("Decreto 109/2014, de 18 de septiembre, del Consejo de Gobierno, por el que se establecen las fiestas laborales para el año 2015 en la Comunidad de Madrid (BOCM de 19 de septiembre de 2014)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2015: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 19, level: Regional, name: "San José" },
            OfficialDay { month: 4, day: 2, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 3, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 6, day: 4, level: Regional, name: "Corpus Christi" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2016: 1 May 2016 falls on Sunday: Monday 2 May is the Fiesta de la Comunidad de Madrid (the BOE
    // table labels the Madrid day "lunes siguiente a la Fiesta del Trabajo"; same date, same level).
    // Santiago Apóstol (25 July) chosen instead of San José. 25 December falls on Sunday: moved to
    // Monday 26. San Isidro (Sunday 15 May) moved by the city to Monday 16 May.
    OfficialYear {
        year: 2016,
        national_source: read("BOE-A-2015-11348: Resolución de 19 de octubre de 2015, de la Dirección General de Empleo, por la que se publica la relación de fiestas laborales para el año 2016 (BOE de 22 de octubre de 2015)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2016 (BOCM, 2015; approved by the Consejo de Gobierno on 22 September 2015; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2016: acuerdo del Pleno del Ayuntamiento de Madrid (Pleno de otoño de 2015: traslado de San Isidro al lunes 16 de mayo), publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 24, level: National, name: "Jueves Santo" },
            OfficialDay { month: 3, day: 25, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 16, level: Local, name: "Traslado de San Isidro Labrador" },
            OfficialDay { month: 7, day: 25, level: Regional, name: "Santiago Apóstol" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 26, level: Regional, name: "Lunes siguiente a la Natividad del Señor" },
        ],
    },
    // 2017: 1 January 2017 falls on Sunday, not moved in Madrid. San José (Sunday 19 March) moved to
    // Monday 20 March.
    OfficialYear {
        year: 2017,
        national_source: read("BOE-A-2016-9244: Resolución de 4 de octubre de 2016, de la Dirección General de Empleo, por la que se publica la relación de fiestas laborales para el año 2017 (BOE núm. 244, de 8 de octubre de 2016)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2017 (BOCM, 2016; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2017: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 20, level: Regional, name: "Lunes siguiente a San José" },
            OfficialDay { month: 4, day: 13, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 14, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2018: No Sunday holiday in 2018; neither San José nor Santiago chosen (2 May instead).
    // 6 January and 8 December fall on Saturday and stay there.
    OfficialYear {
        year: 2018,
        national_source: reported("BOE-A-2017-11639: Resolución de la Dirección General de Empleo por la que se publica la relación de fiestas laborales para el año 2018 (date of the resolution not verified)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2018 (BOCM, 2017; approved by the Consejo de Gobierno on 26 September 2017; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2018: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 29, level: National, name: "Jueves Santo" },
            OfficialDay { month: 3, day: 30, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2019: 6 January and 8 December 2019 fall on Sunday: moved to Monday 7 January and Monday 9
    // December. 12 October and 9 November (La Almudena) fall on Saturday and stay there.
    OfficialYear {
        year: 2019,
        national_source: read("BOE-A-2018-14369: Resolución de 16 de octubre de 2018, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2019 (BOE núm. 254, de 20 de octubre de 2018)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2019 (BOCM, 2018; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2019: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 7, level: Regional, name: "Lunes siguiente a la Epifanía del Señor" },
            OfficialDay { month: 4, day: 18, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 19, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 9, level: Regional, name: "Lunes siguiente a la Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2020: 1 November and 6 December 2020 fall on Sunday: moved to Monday 2 November and Monday 7
    // December. 2 May and 15 August fall on Saturday and stay there.
    OfficialYear {
        year: 2020,
        national_source: read("BOE-A-2019-14552: Resolución de 3 de octubre de 2019, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2020 (BOE de 11 de octubre de 2019)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2020 (BOCM, 2019; approved by the Consejo de Gobierno on 24 September 2019; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2020: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 4, day: 9, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 10, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 2, level: Regional, name: "Lunes siguiente a Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 7, level: Regional, name: "Lunes siguiente al Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2021: 2 May 2021 falls on Sunday: moved to Monday 3 May. 15 August falls on Sunday, not moved
    // (San José, 19 March, taken instead). 1 May, 15 May (San Isidro, not moved by the city) and
    // 25 December fall on Saturday and stay there.
    OfficialYear {
        year: 2021,
        national_source: read("BOE-A-2020-13343: Resolución de 28 de octubre de 2020, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2021 (BOE de 2 de noviembre de 2020)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2021 (BOCM, 2020; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2021: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 19, level: Regional, name: "San José" },
            OfficialDay { month: 4, day: 1, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 2, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 3, level: Regional, name: "Lunes siguiente a la Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2022: 1 May 2022 falls on Sunday, not moved in Madrid (Monday 2 May is the Fiesta de la Comunidad).
    // Santiago Apóstol (25 July) chosen. 25 December falls on Sunday: moved to Monday 26.
    // San Isidro (Sunday 15 May) moved by the city to Monday 16 May. 1 January falls on Saturday.
    OfficialYear {
        year: 2022,
        national_source: read("BOE-A-2021-17113: Resolución de 14 de octubre de 2021, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2022 (BOE de 21 de octubre de 2021)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2022 (BOCM, 2021; approved by the Consejo de Gobierno on 22 September 2021; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2022: acuerdo del Pleno del Ayuntamiento de Madrid (traslado de San Isidro al lunes 16 de mayo), publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM de 9 de diciembre de 2021; reference number not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 4, day: 14, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 15, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 16, level: Local, name: "Traslado de San Isidro Labrador" },
            OfficialDay { month: 7, day: 25, level: Regional, name: "Santiago Apóstol" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 26, level: Regional, name: "Lunes siguiente a la Natividad del Señor" },
        ],
    },
    // 2023: 1 January 2023 falls on Sunday, not moved in Madrid. San José (Sunday 19 March) moved to
    // Monday 20 March.
    OfficialYear {
        year: 2023,
        national_source: read("BOE-A-2022-16755: Resolución de 7 de octubre de 2022, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2023"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2023 (BOCM, 2022; approved by the Consejo de Gobierno on 21 September 2022; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2023: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 20, level: Regional, name: "Lunes siguiente a San José" },
            OfficialDay { month: 4, day: 6, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 7, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2024: 8 December 2024 falls on Sunday, not moved: Santiago Apóstol (25 July) taken instead.
    // 6 January, 12 October and 9 November (La Almudena) fall on Saturday and stay there.
    OfficialYear {
        year: 2024,
        national_source: read("BOE-A-2023-22014: Resolución de 23 de octubre de 2023, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2024 (BOE de 27 de octubre de 2023)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2024 (BOCM, 2023; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2024: acuerdo del Pleno del Ayuntamiento de Madrid, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 3, day: 28, level: National, name: "Jueves Santo" },
            OfficialDay { month: 3, day: 29, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 7, day: 25, level: Regional, name: "Santiago Apóstol" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2025: 12 October 2025 falls on Sunday, not moved: Santiago Apóstol (25 July) taken instead.
    // 1 November and 6 December fall on Saturday and stay there. La Almudena (Sunday 9 November)
    // moved by the city to Monday 10 November.
    OfficialYear {
        year: 2025,
        national_source: read("BOE-A-2024-21316: Resolución de 15 de octubre de 2024, de la Dirección General de Trabajo, por la que se publica la relación de fiestas laborales para el año 2025 (BOE núm. 252, de 18 de octubre de 2024)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2025 (BOCM, 2024; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2025: acuerdo del Pleno del Ayuntamiento de Madrid (Pleno de octubre de 2024: traslado de La Almudena al lunes 10 de noviembre), publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 4, day: 17, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 18, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 7, day: 25, level: Regional, name: "Santiago Apóstol" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 11, day: 1, level: National, name: "Todos los Santos" },
            OfficialDay { month: 11, day: 10, level: Local, name: "Traslado de Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 6, level: National, name: "Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
    // 2026: 1 November and 6 December 2026 fall on Sunday: moved to Monday 2 November and Monday 7
    // December. 2 May and 15 August fall on Saturday and stay there; 25 July (Saturday) not chosen.
    OfficialYear {
        year: 2026,
        national_source: reported("BOE-A-2025-21667: Resolución de la Dirección General de Trabajo por la que se publica la relación de fiestas laborales para el año 2026 (BOE de octubre de 2025; date of the resolution not verified)"),
        regional_source: reported("Decreto del Consejo de Gobierno de la Comunidad de Madrid por el que se establecen las fiestas laborales para el año 2026 (BOCM, 2025; approved by the Consejo de Gobierno on 24 September 2025; decree number not verified)"),
        local_source: reported("Fiestas locales de la ciudad de Madrid para 2026: acuerdo del Pleno del Ayuntamiento de Madrid de 30 de septiembre de 2025, publicadas en el BOCM con las fiestas locales de los municipios de la Comunidad de Madrid (BOCM, diciembre de 2025; reference not verified)"),
        days: &[
            OfficialDay { month: 1, day: 1, level: National, name: "Año Nuevo" },
            OfficialDay { month: 1, day: 6, level: National, name: "Epifanía del Señor" },
            OfficialDay { month: 4, day: 2, level: National, name: "Jueves Santo" },
            OfficialDay { month: 4, day: 3, level: National, name: "Viernes Santo" },
            OfficialDay { month: 5, day: 1, level: National, name: "Fiesta del Trabajo" },
            OfficialDay { month: 5, day: 2, level: Regional, name: "Fiesta de la Comunidad de Madrid" },
            OfficialDay { month: 5, day: 15, level: Local, name: "San Isidro Labrador" },
            OfficialDay { month: 8, day: 15, level: National, name: "Asunción de la Virgen" },
            OfficialDay { month: 10, day: 12, level: National, name: "Fiesta Nacional de España" },
            OfficialDay { month: 11, day: 2, level: Regional, name: "Lunes siguiente a Todos los Santos" },
            OfficialDay { month: 11, day: 9, level: Local, name: "Nuestra Señora de la Almudena" },
            OfficialDay { month: 12, day: 7, level: Regional, name: "Lunes siguiente al Día de la Constitución Española" },
            OfficialDay { month: 12, day: 8, level: National, name: "Inmaculada Concepción" },
            OfficialDay { month: 12, day: 25, level: National, name: "Natividad del Señor" },
        ],
    },
];
