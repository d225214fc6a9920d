//! Language data of the geoparser, loaded from the data files embedded in the crate and
//! extended by a user folder holding files of the same names.

use std::collections::{HashMap, HashSet};

/// Hash state of the word lists.
pub(crate) type FastState = vigie_text::hash::FastState;
/// A set of words.
pub(crate) type WordSet = HashSet<String, FastState>;
/// A map from phrases.
pub(crate) type PhraseMap<V> = HashMap<String, V, FastState>;
use std::path::Path;
use std::sync::OnceLock;
use vigie_model::Lang;
use vigie_text::fold;

/// A country as the geoparser reads it: its point and its names.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub iso2: String,
    pub lat: f64,
    pub lon: f64,
    pub english: String,
    /// English, French and other names.
    pub names: Vec<String>,
}

/// The countries of the one country table ([`vigie_model::countries`]).
pub(crate) fn countries() -> &'static [Country] {
    static C: OnceLock<Vec<Country>> = OnceLock::new();
    C.get_or_init(|| {
        vigie_model::countries::Countries::embedded()
            .iter()
            .map(|c| Country {
                iso2: c.iso2.clone(),
                lat: c.lat,
                lon: c.lon,
                english: c.english.clone(),
                names: c.names().map(String::from).collect(),
            })
            .collect()
    })
}

/// What a cue before a name says about the place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    /// A locative preposition.
    Loc,
    /// A settlement noun ("la ville de").
    Town,
    /// A small settlement's noun ("the village of", "le hameau de"): a town, never a
    /// capital or a large city.
    Village,
    /// A first-level region.
    Region,
    /// A second-level division (cercle, district).
    Cercle,
    /// A well.
    Well,
    /// A wadi or valley.
    Wadi,
    /// A camp or base.
    Camp,
    /// A mine.
    Mine,
}

impl Cue {
    fn parse(s: &str) -> Option<Cue> {
        Some(match s {
            "loc" => Cue::Loc,
            "town" => Cue::Town,
            "village" => Cue::Village,
            "region" => Cue::Region,
            "cercle" => Cue::Cercle,
            "well" => Cue::Well,
            "wadi" => Cue::Wadi,
            "camp" => Cue::Camp,
            "mine" => Cue::Mine,
            _ => return None,
        })
    }
}

/// How large the division is that a container phrase names ([`LangLex::containers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Container {
    /// A commune, a municipality, the area around a place: a few tens of kilometres.
    Commune,
    /// A cercle, a department, a district: up to about 150 km across the Sahel's largest.
    District,
}

/// Where a container phrase stands: before the name of the division ("in the commune of
/// X") or right after it ("X cercle").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Between the place and the division's name.
    Before,
    /// Right after the division's name.
    After,
    /// A bare preposition between the place and the division's name ("Bonkouna in
    /// Koro"): it holds a known place near the division, but does not make an unknown
    /// word a place ("the letter to Mbarkouni in Gao").
    Prep,
    /// Between the place and the division's name, when a noun of side [`Side::After`]
    /// follows the name ("X in the Koro area"); its kind is the noun's.
    Lead,
}

/// A word of relative locations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Rel {
    Near,
    Dir(&'static str),
    Unit(f64),
    Num(f64),
    Count(f64),
    Link,
    At,
}

fn dir_code(s: &str) -> Option<&'static str> {
    Some(match s {
        "N" => "N",
        "NE" => "NE",
        "E" => "E",
        "SE" => "SE",
        "S" => "S",
        "SW" => "SW",
        "W" => "W",
        "NW" => "NW",
        _ => return None,
    })
}

/// A set of folded words of at most four bytes, looked up by binary search over integer
/// keys (the geoparser asks it about every short token). Longer words are not kept:
/// the particles and connectors it holds are short by definition.
#[derive(Debug, Default, Clone)]
pub(crate) struct ShortWords(Vec<u64>);

impl ShortWords {
    /// The word's bytes in the low 32 bits, its length above them.
    fn key(w: &str) -> Option<u64> {
        let b = w.as_bytes();
        (b.len() <= 4).then(|| {
            b.iter().fold(0u64, |k, &c| (k << 8) | u64::from(c)) | ((b.len() as u64) << 32)
        })
    }

    /// Adds a word (ignored when longer than four bytes).
    pub fn insert(&mut self, w: String) {
        if let Some(k) = Self::key(&w) {
            if let Err(i) = self.0.binary_search(&k) {
                self.0.insert(i, k);
            }
        }
    }

    /// Whether the set holds `w`.
    pub fn contains(&self, w: &str) -> bool {
        Self::key(w).is_some_and(|k| self.0.binary_search(&k).is_ok())
    }

    /// How many words the set holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// The word lists of one language.
#[derive(Debug, Default, Clone)]
pub(crate) struct LangLex {
    pub stop: WordSet,
    /// Particles allowed inside a place name (`name_particles_*.txt`).
    pub particles: ShortWords,
    /// Particles that may begin a place name (`name_leading_*.txt`).
    pub leading: ShortWords,
    /// Words joining the parts of a longer proper name (`name_connectors.txt`).
    pub connectors: ShortWords,
    pub cues: PhraseMap<Cue>,
    pub common: WordSet,
    pub suffixes: Vec<String>,
    pub rel: PhraseMap<Rel>,
    /// Phrases that say a place lies inside the place named next to them
    /// (`containers_*.tsv`): "in the commune of", "cercle de", "X cercle".
    pub containers: PhraseMap<(Container, Side)>,
    /// Words before "of"/"de" after which a name is the place an office or a facility
    /// serves ("the Mayor of Kidal", "l'hôpital de Gao"): the titles and `name_heads.txt`.
    pub of_heads: WordSet,
    /// Facility nouns that may follow a place's name ("Sévaré Airport"): `name_heads.txt`.
    pub trailing_heads: WordSet,
    /// Nouns for a road (`road_words.txt`): next to one, "Gao-Bourem" names its two ends.
    pub roads: WordSet,
    /// Last words of the phrases of `rel`.
    pub rel_last: WordSet,
    /// Longest phrase (in words) among cues and relative words.
    pub max_phrase: usize,
    /// Every tail of a cue phrase that starts a word: the whole phrase and each part
    /// after a space or an apostrophe ("la ville de" gives "la ville de", "ville de",
    /// "de"). A phrase ends with the word before a name only if that word is a tail.
    pub cue_tails: WordSet,
    /// Every head of a phrase of `rel` that ends a word: the whole phrase and each part
    /// before a space or up to an apostrophe ("a l'est" gives "a", "a l'", "a l'est").
    /// A phrase starts with a token only if that token is a head.
    pub rel_heads: WordSet,
    /// Words that are no names when this is the document's language: the stop words of
    /// both languages and this language's cue phrases, in one set (one lookup).
    pub stop_any: WordSet,
}

/// Everything the geoparser reads from data files.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lexicon {
    pub fr: LangLex,
    pub en: LangLex,
    pub titles: WordSet,
    /// Home countries (ISO2): a weak prior when a document gives no other clue.
    pub home: WordSet,
}

impl Lexicon {
    pub fn lang(&self, l: Lang) -> &LangLex {
        match l {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Loads the embedded lists, extended by same-named files of `user_dir`.
    pub fn load(user_dir: Option<&Path>) -> Lexicon {
        let mut lx = Lexicon::default();
        let files: [(&str, &str); 20] = [
            (
                "home_countries.txt",
                include_str!("../data/home_countries.txt"),
            ),
            ("stop_fr.txt", include_str!("../data/stop_fr.txt")),
            ("stop_en.txt", include_str!("../data/stop_en.txt")),
            ("titles.txt", include_str!("../data/titles.txt")),
            ("name_heads.txt", include_str!("../data/name_heads.txt")),
            ("road_words.txt", include_str!("../data/road_words.txt")),
            ("cues_fr.tsv", include_str!("../data/cues_fr.tsv")),
            ("cues_en.tsv", include_str!("../data/cues_en.tsv")),
            ("common_fr.txt", include_str!("../data/common_fr.txt")),
            ("common_en.txt", include_str!("../data/common_en.txt")),
            ("relative_fr.tsv", include_str!("../data/relative_fr.tsv")),
            ("relative_en.tsv", include_str!("../data/relative_en.tsv")),
            (
                "containers_fr.tsv",
                include_str!("../data/containers_fr.tsv"),
            ),
            (
                "containers_en.tsv",
                include_str!("../data/containers_en.tsv"),
            ),
            ("countries.tsv", ""),
            (
                "name_particles_fr.txt",
                include_str!("../data/name_particles_fr.txt"),
            ),
            (
                "name_particles_en.txt",
                include_str!("../data/name_particles_en.txt"),
            ),
            (
                "name_leading_fr.txt",
                include_str!("../data/name_leading_fr.txt"),
            ),
            (
                "name_leading_en.txt",
                include_str!("../data/name_leading_en.txt"),
            ),
            (
                "name_connectors.txt",
                include_str!("../data/name_connectors.txt"),
            ),
        ];
        for (name, embedded) in files {
            let user = user_dir
                .map(|d| d.join(name))
                .and_then(|p| std::fs::read_to_string(p).ok());
            for text in [Some(embedded.to_string()), user].into_iter().flatten() {
                lx.read(name, &text);
            }
        }
        for l in [&mut lx.fr, &mut lx.en] {
            l.max_phrase = l
                .cues
                .keys()
                .chain(l.rel.keys())
                // in tokens: an elided article inside a word is a token of its own
                // ("d'orpaillage" is two)
                .map(|k| {
                    k.split(' ')
                        .map(|w| 1 + w.trim_end_matches('\'').matches('\'').count())
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(1);
            let last: WordSet = l
                .rel
                .keys()
                .filter_map(|k| {
                    k.rsplit([' ', '\''])
                        .find(|w| !w.is_empty())
                        .map(|w| w.to_string())
                })
                .chain(l.rel.keys().filter(|k| k.ends_with('\'')).map(|k| {
                    let w = k.rsplit(' ').next().unwrap_or(k);
                    w.to_string()
                }))
                .collect();
            l.rel_last = last;
            l.cue_tails = l
                .cues
                .keys()
                .flat_map(|k| {
                    k.char_indices()
                        .filter(|&(_, c)| c == ' ' || c == '\'')
                        .map(|(p, c)| p + c.len_utf8())
                        .chain([0])
                        .map(move |p| k[p..].to_string())
                })
                .collect();
            l.rel_heads = l
                .rel
                .keys()
                .flat_map(|k| {
                    k.char_indices()
                        .filter_map(|(p, c)| match c {
                            ' ' => Some(p),
                            '\'' => Some(p + 1),
                            _ => None,
                        })
                        .chain([k.len()])
                        .map(move |p| k[..p].to_string())
                })
                .collect();
        }
        let fr_any = stop_union(&lx.fr, &lx.en);
        let en_any = stop_union(&lx.en, &lx.fr);
        lx.fr.stop_any = fr_any;
        lx.en.stop_any = en_any;
        lx
    }

    fn read(&mut self, name: &str, text: &str) {
        let lang = if name.contains("_en") {
            Lang::En
        } else {
            Lang::Fr
        };
        for line in text.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if name.ends_with(".txt") {
                for w in line.split_whitespace() {
                    let w = fold(w);
                    match name {
                        "titles.txt" => {
                            self.fr.of_heads.insert(w.clone());
                            self.en.of_heads.insert(w.clone());
                            self.titles.insert(w);
                        }
                        "name_heads.txt" => {
                            for l in [&mut self.fr, &mut self.en] {
                                l.of_heads.insert(w.clone());
                                l.trailing_heads.insert(w.clone());
                            }
                        }
                        "road_words.txt" => {
                            self.fr.roads.insert(w.clone());
                            self.en.roads.insert(w.clone());
                        }
                        "home_countries.txt" => {
                            self.home.insert(w.to_ascii_uppercase());
                        }
                        n if n.starts_with("stop_") => {
                            let l = if lang == Lang::En {
                                &mut self.en
                            } else {
                                &mut self.fr
                            };
                            l.stop.insert(w);
                        }
                        n if n.starts_with("name_particles_") => {
                            let l = if lang == Lang::En {
                                &mut self.en
                            } else {
                                &mut self.fr
                            };
                            l.particles.insert(w);
                        }
                        n if n.starts_with("name_leading_") => {
                            let l = if lang == Lang::En {
                                &mut self.en
                            } else {
                                &mut self.fr
                            };
                            l.leading.insert(w);
                        }
                        "name_connectors.txt" => {
                            self.fr.connectors.insert(w.clone());
                            self.en.connectors.insert(w);
                        }
                        n if n.starts_with("common_") => {
                            let l = if lang == Lang::En {
                                &mut self.en
                            } else {
                                &mut self.fr
                            };
                            if let Some(s) = w.strip_prefix('-') {
                                l.suffixes.push(s.to_string());
                            } else {
                                l.common.insert(w);
                            }
                        }
                        _ => {}
                    }
                }
                continue;
            }
            let c: Vec<&str> = line.split('\t').map(str::trim).collect();
            let phrase = normalize_phrase(c[0]);
            if phrase.is_empty() {
                continue;
            }
            let l = if lang == Lang::En {
                &mut self.en
            } else {
                &mut self.fr
            };
            if name.starts_with("cues_") {
                if let Some(k) = c.get(1).and_then(|k| Cue::parse(k)) {
                    // French "de" elides before a vowel: "le puits de" also reads
                    // "le puits d'"
                    if lang == Lang::Fr {
                        if let Some(stem) = phrase.strip_suffix(" de") {
                            l.cues.entry(format!("{stem} d'")).or_insert(k);
                        }
                    }
                    l.cues.insert(phrase, k);
                }
            } else if name.starts_with("containers_") {
                let kind = match c.get(1).copied() {
                    Some("commune") => Container::Commune,
                    Some("district") => Container::District,
                    _ => continue,
                };
                let side = match c.get(2).copied() {
                    Some("after") => Side::After,
                    Some("lead") => Side::Lead,
                    Some("prep") => Side::Prep,
                    _ => Side::Before,
                };
                if lang == Lang::Fr {
                    if let Some(stem) = phrase.strip_suffix(" de") {
                        l.containers
                            .entry(format!("{stem} d'"))
                            .or_insert((kind, side));
                    }
                }
                l.containers.insert(phrase, (kind, side));
            } else if name.starts_with("relative_") {
                let v = c.get(2).copied().unwrap_or("");
                let r = match c.get(1).copied().unwrap_or("") {
                    "near" => Some(Rel::Near),
                    "dir" => dir_code(v).map(Rel::Dir),
                    "unit" => v.parse().ok().map(Rel::Unit),
                    "num" => v.parse().ok().map(Rel::Num),
                    "count" => v.parse().ok().map(Rel::Count),
                    "link" => Some(Rel::Link),
                    "at" => Some(Rel::At),
                    _ => None,
                };
                if let Some(r) = r {
                    l.rel.insert(phrase, r);
                }
            }
        }
    }
}

/// The stop words of `l` and `other` and the cue phrases of `l`.
fn stop_union(l: &LangLex, other: &LangLex) -> WordSet {
    l.stop
        .iter()
        .chain(&other.stop)
        .chain(l.cues.keys())
        .cloned()
        .collect()
}

/// Folds a phrase and writes it as its tokens would be joined: one space between words,
/// none after an elided article ("l'est", "d'").
pub(crate) fn normalize_phrase(s: &str) -> String {
    let f = fold(s);
    let joined: Vec<&str> = f.split_whitespace().collect();
    joined.join(" ").replace("' ", "'")
}

/// Appends an already folded word to a phrase under construction.
pub(crate) fn push_folded(out: &mut String, folded: &str) {
    if !out.is_empty() && !out.ends_with('\'') {
        out.push(' ');
    }
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_embedded_lists() {
        let lx = Lexicon::load(None);
        assert!(lx.fr.stop.contains("lundi"));
        assert!(lx.en.stop.contains("monday"));
        assert!(lx.titles.contains("porte-parole"));
        assert_eq!(lx.fr.cues.get("la region de"), Some(&Cue::Region));
        assert_eq!(lx.fr.rel.get("a l'est"), Some(&Rel::Dir("E")));
        assert_eq!(lx.fr.rel.get("pres d'"), Some(&Rel::Near));
        assert_eq!(
            lx.fr.containers.get("dans la commune d'"),
            Some(&(Container::Commune, Side::Before))
        );
        assert_eq!(
            lx.en.containers.get("cercle"),
            Some(&(Container::District, Side::After))
        );
        assert!(countries()
            .iter()
            .any(|c| c.iso2 == "DZ" && c.names.iter().any(|n| n == "Algérie")));
    }

    #[test]
    fn user_folder_extends() {
        let dir = std::env::temp_dir().join(format!("vigie-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("stop_fr.txt"), "Bidule\n").unwrap();
        std::fs::write(dir.join("name_particles_fr.txt"), "wan\n").unwrap();
        let lx = Lexicon::load(Some(&dir));
        assert!(lx.fr.stop.contains("bidule") && lx.fr.stop.contains("lundi"));
        assert!(lx.fr.particles.contains("wan") && lx.fr.particles.contains("ag"));
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Issue 12: name particles, leading particles and connectors are data, by language.
    #[test]
    fn issue12_name_word_lists_are_data() {
        let lx = Lexicon::load(None);
        assert!(lx.fr.particles.contains("in") && !lx.en.particles.contains("in"));
        for w in ["el", "al", "in", "ti", "ben", "bou", "ait"] {
            assert_eq!(
                lx.fr.leading.contains(w),
                lx.fr.particles.contains(w) && w != "n",
                "{w}"
            );
        }
        assert!(lx.en.leading.contains("el") && !lx.en.leading.contains("in"));
        assert!(lx.fr.leading.len() <= lx.fr.particles.len());
        // a word longer than four bytes is no particle
        let mut set = ShortWords::default();
        set.insert("ouldi".into());
        assert!(!set.contains("ouldi") && !set.contains("ould"));
        assert!(lx.fr.connectors.contains("pour") && lx.en.connectors.contains("of"));
    }
}
