//! Synthetic reports for tests and scale benchmarks: short French and English dispatches
//! about invented incidents at real Sahel places, several outlets per incident, so that
//! ingesting them exercises extraction, merging and tracks. Deterministic: document `i`
//! is always the same text.

use chrono::{Days, NaiveDate};

/// One synthetic document, as a JSON Lines record would carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthDoc {
    /// The text.
    pub text: String,
    /// Its outlet.
    pub outlet: String,
    /// Its URL (unique per document).
    pub url: String,
    /// Publication day.
    pub published: NaiveDate,
    /// "fr" or "en".
    pub lang: &'static str,
}

const PLACES: &[&str] = &[
    "Gao",
    "Kidal",
    "Tombouctou",
    "Ménaka",
    "Ansongo",
    "Bourem",
    "Tessalit",
    "Aguelhok",
    "Anéfis",
    "Léré",
    "Niono",
    "Douentza",
    "Boni",
    "Hombori",
    "Djibo",
    "Dori",
    "Tillabéri",
    "Ouallam",
    "Ayorou",
    "Diffa",
];

const ARMED: &[(&str, &str)] = &[
    ("le JNIM", "JNIM fighters"),
    ("l'État islamique au Sahel", "Islamic State Sahel fighters"),
    ("des rebelles du CSP-DPA", "CSP-DPA rebels"),
];

const OUTLETS: &[&str] = &[
    "sahel-dispatch.example",
    "nord-info.example",
    "le-veilleur.example",
    "desert-wire.example",
];

/// How many synthetic incidents happen each day.
pub const INCIDENTS_PER_DAY: u64 = 16;

/// How many documents tell each synthetic incident.
pub const REPORTS_PER_INCIDENT: u64 = 4;

/// Synthetic document number `i`.
pub fn document(i: u64) -> SynthDoc {
    let incident = i / REPORTS_PER_INCIDENT;
    let variant = i % REPORTS_PER_INCIDENT;
    let mix = crate::merge::mix64(&incident.to_string());
    // a steady flow of incidents: INCIDENTS_PER_DAY new ones each day from 1985 on, so
    // that a million documents span about forty years, as a long-running record would
    let base = NaiveDate::from_ymd_opt(1985, 1, 1).expect("valid date");
    let day = base + Days::new(incident / INCIDENTS_PER_DAY);
    let published = day + Days::new(1 + variant % 2);
    let place = PLACES[(mix % PLACES.len() as u64) as usize];
    let (fr_actor, en_actor) = ARMED[((mix >> 8) % ARMED.len() as u64) as usize];
    let killed = 2 + (mix >> 16) % 30;
    let wounded = 1 + (mix >> 24) % 12;
    let kind = (mix >> 32) % 3;
    let outlet = OUTLETS[(variant % OUTLETS.len() as u64) as usize];
    let fr = variant.is_multiple_of(2);
    let date_fr = format!("{}", day.format("%d/%m/%Y"));
    let date_en = format!("{}", day.format("%B %-d, %Y"));
    let text = match (fr, kind) {
        (true, 0) => format!(
            "Attaque contre un poste militaire près de {place}\n\n{pub_fr} – Rédaction de {outlet}\n\n\
             Le {date_fr}, {fr_actor} a attaqué un poste des Forces armées maliennes (FAMa) à {place}. \
             Selon une source sécuritaire, {killed} soldats ont été tués et {wounded} blessés. \
             Les assaillants se sont retirés vers le nord après plusieurs heures de combats.\n",
            pub_fr = published.format("%d/%m/%Y")
        ),
        (true, 1) => format!(
            "Frappe de drone à {place}\n\n{pub_fr} – Rédaction de {outlet}\n\n\
             Une frappe de drone de l'armée a touché un marché à {place} le {date_fr}, \
             tuant au moins {killed} civils, d'après des habitants joints par téléphone. \
             L'armée affirme avoir visé des terroristes.\n",
            pub_fr = published.format("%d/%m/%Y")
        ),
        (true, _) => format!(
            "Un convoi de l'armée quitte {place}\n\n{pub_fr} – Rédaction de {outlet}\n\n\
             Un convoi des FAMa a quitté {place} le {date_fr} en direction du nord, \
             selon plusieurs témoins. La colonne comptait une trentaine de véhicules.\n",
            pub_fr = published.format("%d/%m/%Y")
        ),
        (false, 0) => format!(
            "Militants attack army post near {place}\n\nPublished {pub_en} by {outlet}\n\n\
             {en_actor} attacked a Malian army post in {place} on {date_en}, killing {killed} soldiers \
             and wounding {wounded}, a security source said. The attackers withdrew after hours of fighting.\n",
            pub_en = published.format("%-d %B %Y")
        ),
        (false, 1) => format!(
            "Drone strike hits market in {place}\n\nPublished {pub_en} by {outlet}\n\n\
             An army drone strike hit a market in {place} on {date_en}, killing at least {killed} civilians, \
             residents told reporters. The army said it had targeted terrorists.\n",
            pub_en = published.format("%-d %B %Y")
        ),
        (false, _) => format!(
            "Army convoy leaves {place}\n\nPublished {pub_en} by {outlet}\n\n\
             A convoy of Malian soldiers left {place} on {date_en} heading north, witnesses said. \
             The column had about thirty vehicles.\n",
            pub_en = published.format("%-d %B %Y")
        ),
    };
    SynthDoc {
        text,
        outlet: outlet.to_string(),
        url: format!("https://{outlet}/report/{i}"),
        published,
        lang: if fr { "fr" } else { "en" },
    }
}

/// Document `i` as one JSON Lines record (`text`, `url`, `outlet`, `published`, `lang`).
pub fn jsonl_line(i: u64) -> String {
    let d = document(i);
    serde_json::json!({
        "text": d.text, "url": d.url, "outlet": d.outlet,
        "published": d.published.to_string(), "lang": d.lang
    })
    .to_string()
}

/// Synthetic *coded* event number `i`, as a document whose extraction is given rather
/// than computed: one event at a point spread over the Sahel (10–24° N, 12° W–16° E),
/// dated from 1985 on at about 70 events a day, with a type, actors and fatalities
/// drawn from `i`. It fills a record with millions of distinct events in minutes (the
/// text pipeline would need seven documents per distinct event), to measure the API
/// and the map at scale. Deterministic.
pub fn coded_event(i: u64) -> crate::NewDocument {
    use vigie_model::{
        Claim, Document, Event, Extraction, Fatalities, Lang, PlaceMention, SpanText,
    };
    const TYPES: &[(&str, &str)] = &[
        ("Battles", "Armed clash"),
        ("Explosions/Remote violence", "Air/drone strike"),
        (
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        ("Violence against civilians", "Attack"),
        (
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        ("Protests", "Peaceful protest"),
        ("Riots", "Violent demonstration"),
        ("Strategic developments", "Other"),
    ];
    const ACTORS: &[&str] = &[
        "JNIM",
        "FAMa",
        "ISSP",
        "CSP-DPA",
        "Wagner Group",
        "Civilians",
    ];
    let mix = crate::merge::mix64(&format!("coded-{i}"));
    let unit = |shift: u32| ((mix >> shift) & 0xffff) as f64 / 65_535.0;
    let lat = 10.0 + 14.0 * unit(0);
    let lon = -12.0 + 28.0 * unit(16);
    let day = NaiveDate::from_ymd_opt(1985, 1, 1).expect("valid date") + Days::new(i / 70);
    let (event_type, sub_event_type) = TYPES[((mix >> 32) % TYPES.len() as u64) as usize];
    let a1 = ACTORS[((mix >> 40) % ACTORS.len() as u64) as usize];
    let a2 = ACTORS[((mix >> 44) % ACTORS.len() as u64) as usize];
    let killed = ((mix >> 48) % 25) as i64;
    let text = format!(
        "Synthetic event {i}: {sub_event_type} on {day} at {lat:.4}, {lon:.4} ({a1} against {a2}), {killed} killed."
    );
    let span = |needle: &str| {
        let start = text.find(needle).unwrap_or(0);
        SpanText {
            start,
            end: start + needle.len(),
            text: needle.to_string(),
        }
    };
    let place_text = format!("{lat:.4}, {lon:.4}");
    let place = PlaceMention {
        span: span(&place_text),
        name: format!("Point {i}"),
        geonameid: None,
        lat: Some(lat),
        lon: Some(lon),
        country: String::new(),
        admin1: None,
        admin2: None,
        feature: "PPL".into(),
        geo_precision: 1,
        score: 1.0,
        relative: None,
        unresolved: false,
    };
    let document = Document {
        id: vigie_model::content_id(&text),
        lang: Lang::En,
        published: Some(day + Days::new(1)),
        title: Some(format!("Synthetic event {i}")),
        outlet: Some("synthetic.example".into()),
        url: Some(format!("https://synthetic.example/event/{i}")),
        text: text.clone(),
    };
    let figure = format!("{killed} killed");
    let event = Event {
        event_type: event_type.parse().expect("an ACLED event type"),
        sub_event_type: sub_event_type.parse().expect("an ACLED sub-event type"),
        from: Some(day),
        to: Some(day),
        time_precision: 1,
        location: Some(place.clone()),
        geo_precision: 1,
        actor1: Some(a1.into()),
        assoc_actor1: Vec::new(),
        actor2: (a2 != a1).then(|| a2.to_string()),
        assoc_actor2: Vec::new(),
        civilian_targeting: a2 == "Civilians",
        fatalities: Some(Fatalities {
            low: Some(killed),
            best: Some(killed),
            high: Some(killed),
            best_rule: None,
        }),
        wounded: None,
        claims: vec![Claim {
            claimant: "synthetic.example".into(),
            hedged: false,
            what: figure.clone(),
            basis: None,
            span: span(&figure),
        }],
        evidence: vec![span(sub_event_type)],
        rules: vec!["synthetic".into()],
    };
    let mut extraction = Extraction::empty(&document);
    extraction.places.push(place);
    extraction.events.push(event);
    crate::NewDocument {
        document,
        extraction,
        source: format!("synthetic:{i}"),
        format: "synthetic".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_deterministic_and_distinct() {
        assert_eq!(document(7), document(7));
        assert_ne!(document(7).text, document(8).text);
        assert!(jsonl_line(3).starts_with('{'));
    }

    #[test]
    fn coded_events_are_deterministic_and_located() {
        let a = coded_event(12_345);
        assert_eq!(a.document, coded_event(12_345).document);
        let e = &a.extraction.events[0];
        let (lat, lon) = e.location.as_ref().unwrap().point().unwrap();
        assert!((10.0..=24.0).contains(&lat) && (-12.0..=16.0).contains(&lon));
        for s in e.evidence.iter().chain(e.claims.iter().map(|c| &c.span)) {
            assert_eq!(&a.document.text[s.start..s.end], s.text);
        }
        assert_ne!(a.document.id, coded_event(12_346).document.id);
    }
}
