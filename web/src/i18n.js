// The interface's words in English and French. Report text is never translated.

const WORDS = {
  en: {
    type: "Type", all_types: "All types", actor: "Actor", country: "Country",
    from: "From", to: "To", text: "Text", contested_only: "Contested only", reset: "Reset",
    close: "Close", export: "Export", timeline: "Events by type", per_week: "per week", per_day: "per day",
    brush_hint: "drag to select a period, click to clear",
    stats: (s) => `${s.events} events · ${s.documents} documents · ${s.tracks} tracks`,
    shown: (n, more) => `${n} events on the map${more ? " (first " + n + ")" : ""}`,
    date: "Date", precision: "precision", place: "Place", actors: "Actors", actor1: "Actor 1",
    actor2: "Actor 2", assoc: "with", fatalities: "Fatalities", low: "low", best: "best",
    high: "high", wounded: "Wounded", sources: "Sources", reports: "Reports",
    civilians: "Civilians targeted", yes: "yes", no: "no",
    contested: "Contested: the reports disagree", claims: "Claims",
    claimant: "Claimant", what: "Claim", hedged: "Hedged", basis: "Basis", words: "Words",
    evidence: "Evidence in the report", rules: "Rules that fired", report_by: "Report",
    unknown: "unknown", loading: "Loading…", not_found: "Not found",
    time_precision: { 1: "day", 2: "week", 3: "month" },
    geo_precision: { 1: "town", 2: "near / district", 3: "region" },
    open_source: "open the source", track: "Track", waypoint: "waypoint",
    best_rule: "ACLED's conservative figure",
  },
  fr: {
    type: "Type", all_types: "Tous les types", actor: "Acteur", country: "Pays",
    from: "Du", to: "Au", text: "Texte", contested_only: "Contestés seulement", reset: "Effacer",
    close: "Fermer", export: "Exporter", timeline: "Événements par type", per_week: "par semaine", per_day: "par jour",
    brush_hint: "glisser pour choisir une période, cliquer pour l'effacer",
    stats: (s) => `${s.events} événements · ${s.documents} documents · ${s.tracks} trajets`,
    shown: (n, more) => `${n} événements sur la carte${more ? " (les " + n + " premiers)" : ""}`,
    date: "Date", precision: "précision", place: "Lieu", actors: "Acteurs", actor1: "Acteur 1",
    actor2: "Acteur 2", assoc: "avec", fatalities: "Morts", low: "bas", best: "retenu",
    high: "haut", wounded: "Blessés", sources: "Sources", reports: "Articles",
    civilians: "Civils visés", yes: "oui", no: "non",
    contested: "Contesté : les sources se contredisent", claims: "Affirmations",
    claimant: "Qui l’affirme", what: "Affirmation", hedged: "Conditionnel", basis: "Appui", words: "Mots",
    evidence: "Preuves dans l'article", rules: "Règles déclenchées", report_by: "Article",
    unknown: "inconnu", loading: "Chargement…", not_found: "Introuvable",
    time_precision: { 1: "jour", 2: "semaine", 3: "mois" },
    geo_precision: { 1: "localité", 2: "environs / cercle", 3: "région" },
    open_source: "ouvrir la source", track: "Trajet", waypoint: "étape",
    best_rule: "chiffre prudent d'ACLED",
  },
};

let lang = "en";

/** Sets the interface language ("en" or "fr"); anything else keeps English. */
export function setLang(l) {
  lang = WORDS[l] ? l : "en";
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of document.querySelectorAll("[data-i18n-title]")) {
    el.title = t(el.dataset.i18nTitle);
  }
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
  }
}

/** The current language. */
export function currentLang() {
  return lang;
}

/** The word for `key` in the current language (the key itself when missing). */
export function t(key) {
  const w = WORDS[lang][key];
  return w === undefined ? key : w;
}
