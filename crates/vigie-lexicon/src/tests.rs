use super::*;

fn found(text: &str, lang: Lang) -> Vec<(String, String)> {
    ActorLexicon::embedded()
        .find(text, &tokenize(text), lang)
        .into_iter()
        .map(|m| (m.span.text, m.actor))
        .collect()
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

#[test]
fn embedded_data_loads_and_knows_the_schema_actors() {
    let lex = ActorLexicon::load(None).expect("embedded actor data");
    for name in [
        "FAMa",
        "Wagner Group",
        "Africa Corps",
        "CSP-DPA",
        "FLA",
        "JNIM",
        "IS Sahel",
        "Civilians",
        "Niger Armed Forces",
        "Burkina Faso military",
        "Algeria",
        "Unidentified armed group",
        "Rioters",
    ] {
        assert!(lex.get(name).is_some(), "{name}");
    }
    assert_eq!(
        lex.get("FAMa").map(|a| (a.inter, a.country.as_deref())),
        Some((1, Some("ML")))
    );
    assert_eq!(
        lex.get("Katiba Macina").and_then(|a| a.parent.as_deref()),
        Some("JNIM")
    );
}

#[test]
fn keys_undo_plural_and_feminines_are_regular() {
    assert_eq!(stem("maliennes"), "malienne");
    assert_eq!(stem("touaregs"), "touareg");
    assert_eq!(stem("villageois"), "villageoi");
    assert_eq!(stem("aes"), "aes");
    assert_eq!(feminine("malien"), "malienne");
    assert_eq!(feminine("français"), "française");
    assert_eq!(feminine("burkinabè"), "burkinabè");
    assert_eq!(feminine("nigérian"), "nigériane");
}

#[test]
fn gender_tells_the_soldiers_from_the_adjective() {
    let r = found(
        "Des soldats maliens ont mené des incursions militaires maliennes.",
        Lang::Fr,
    );
    assert_eq!(pairs(&r), [("soldats maliens", "FAMa")]);
}

#[test]
fn french_aliases_with_agreement() {
    let r = found(
        "Les forces armées maliennes et leurs partenaires russes ont repoussé les rebelles touaregs.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&r),
        [
            ("forces armées maliennes", "FAMa"),
            ("partenaires russes", "Wagner Group"),
            ("rebelles touaregs", "CSP-DPA"),
        ]
    );
    let r = found(
        "Une patrouille de l’armée nigérienne a croisé des militaires burkinabè.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&r),
        [
            ("armée nigérienne", "Niger Armed Forces"),
            ("militaires burkinabè", "Burkina Faso military")
        ]
    );
}

#[test]
fn acronyms_need_a_capital() {
    let r = found(
        "La CMA, le JNIM et les FAMA ; mais pas cma ni jnim.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&r),
        [("CMA", "CSP-DPA"), ("JNIM", "JNIM"), ("FAMA", "FAMa")]
    );
    let r = found("Le CSP-DPA et le CSP.", Lang::Fr);
    assert_eq!(pairs(&r), [("CSP-DPA", "CSP-DPA"), ("CSP", "CSP-DPA")]);
}

#[test]
fn long_names_and_misspellings() {
    let r = found(
        "Le Cadre stratégique pour la défense du peuple de l’Azawad accuse l’Afrika Korps et l'Africa Korp.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&r),
        [
            (
                "Cadre stratégique pour la défense du peuple de l’Azawad",
                "CSP-DPA"
            ),
            ("Afrika Korps", "Africa Corps"),
            ("Africa Korp", "Africa Corps"),
        ]
    );
    // a different name with the same first word is no misspelling
    assert!(found("La Coupe d’Afrique, Africa Cup of Nations.", Lang::Fr).is_empty());
}

#[test]
fn civilians_take_their_nationality() {
    let r = found(
        "Un drone a tué des orpailleurs soudanais et des civils.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&r),
        [
            ("orpailleurs soudanais", "Civilians"),
            ("civils", "Civilians")
        ]
    );
    let r = found(
        "The strike killed Nigerien gold miners and several villagers.",
        Lang::En,
    );
    assert_eq!(
        pairs(&r),
        [
            ("Nigerien gold miners", "Civilians"),
            ("villagers", "Civilians")
        ]
    );
    // "civile" is an adjective, not the civilians
    assert!(found("La société civile et la guerre civile.", Lang::Fr).is_empty());
}

#[test]
fn english_aliases() {
    let r = found(
        "Malian soldiers and Russian mercenaries fought Tuareg rebels; the Islamic State Sahel Province and JNIM watched.",
        Lang::En,
    );
    assert_eq!(
        pairs(&r),
        [
            ("Malian soldiers", "FAMa"),
            ("Russian mercenaries", "Wagner Group"),
            ("Tuareg rebels", "CSP-DPA"),
            ("Islamic State Sahel Province", "IS Sahel"),
            ("JNIM", "JNIM"),
        ]
    );
}

#[test]
fn mentions_carry_acled_codes() {
    let t = "Des émeutiers ont pillé le marché.";
    let m = ActorLexicon::embedded().find(t, &tokenize(t), Lang::Fr);
    assert_eq!(m[0].actor, "Rioters");
    assert_eq!(m[0].inter, 5);
    assert_eq!(m[0].acled_name.as_deref(), Some("Rioters"));
}

#[test]
fn user_folder_extends_the_lexicon() {
    let dir = std::env::temp_dir().join(format!("vigie-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("actors.tsv"),
        "Katiba Hanifa\tKatiba Hanifa\t2\tML\tjihadist\tJNIM\n",
    )
    .unwrap();
    std::fs::write(dir.join("aliases.tsv"), "Katiba Hanifa\tKatiba Hanifa\n").unwrap();
    let lex = ActorLexicon::load(Some(&dir)).unwrap();
    let t = "La Katiba Hanifa a revendiqué l’attaque avec les FAMa en face.";
    let m = lex.find(t, &tokenize(t), Lang::Fr);
    assert_eq!(m[0].actor, "Katiba Hanifa");
    assert_eq!(m[1].actor, "FAMa");
    std::fs::write(dir.join("aliases.tsv"), "Katiba X\tNobody\n").unwrap();
    assert!(matches!(
        ActorLexicon::load(Some(&dir)),
        Err(LexiconError::Data { line: 1, .. })
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_slice(s in "\\PC{0,80}") {
            let lex = ActorLexicon::embedded();
            for m in lex.find(&s, &tokenize(&s), Lang::Fr) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                prop_assert_eq!(&s[m.span.start..m.span.end], m.span.text.as_str());
            }
        }

        #[test]
        fn never_panics_on_name_like_text(s in "((Africa|Afrika|Korps|Corps|CSP|orpailleurs|nigériens|armée|maliennes|Cadre|l’|de|É) ?){0,8}") {
            let lex = ActorLexicon::embedded();
            for m in lex.find(&s, &tokenize(&s), Lang::Fr) {
                prop_assert_eq!(&s[m.span.start..m.span.end], m.span.text.as_str());
            }
        }
    }
}

#[test]
fn find_folded_agrees_with_find() {
    let lex = ActorLexicon::embedded();
    let text =
        "Les FAMa et des soldats maliens ont croisé le groupe Wagner près de villages peuls.";
    let toks = tokenize(text);
    let folded = vigie_text::Folded::new(text, &toks);
    assert_eq!(
        lex.find_folded(text, &toks, &folded, Lang::Fr),
        lex.find(text, &toks, Lang::Fr)
    );
    // a folded list of another length is ignored
    let other = vigie_text::Folded::new("x", &tokenize("x"));
    assert_eq!(
        lex.find_folded(text, &toks, &other, Lang::Fr),
        lex.find(text, &toks, Lang::Fr)
    );
}

/// Issue 12: a generic head noun joins the group named right before it, names nobody
/// alone, and names an unidentified group when qualified.
#[test]
fn issue12_head_nouns_join_the_group_before_them() {
    let v = found(
        "Presumed Katiba Macina (JNIM) militants and ISGS fighters were seen; the militants left.",
        Lang::En,
    );
    assert_eq!(
        pairs(&v),
        [
            ("Katiba Macina", "Katiba Macina"),
            ("JNIM) militants", "JNIM"),
            ("ISGS fighters", "IS Sahel")
        ]
    );
    let v = found(
        "Des miliciens dogon et des chasseurs dozos ont été vus ; des jihadistes présumés aussi.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&v),
        [
            ("miliciens dogon", "Dogon ethnic militia"),
            ("chasseurs dozos", "Dozo militia"),
            ("jihadistes présumés", "Unidentified armed group")
        ]
    );
    // opening a noun phrase, a head names a group of its own; after a definite
    // determiner, before "of"/"du", or as an adjective after a noun it names nobody
    let v = found("Militants attacked a post; the militants fled.", Lang::En);
    assert_eq!(pairs(&v), [("Militants", "Unidentified armed group")]);
    let v = found(
        "Des jihadistes ont attaqué ; des groupes armés jihadistes et des combattants du FLA aussi.",
        Lang::Fr,
    );
    assert_eq!(
        pairs(&v),
        [("jihadistes", "Unidentified armed group"), ("FLA", "FLA")]
    );
    // a toll's "people" stays civilians
    let v = found("Suspected militants killed five people.", Lang::En);
    assert_eq!(
        pairs(&v),
        [
            ("Suspected militants", "Unidentified armed group"),
            ("people", "Civilians")
        ]
    );
}

/// Issue 12: an acronym the lexicon lacks before a head noun names a group of its own,
/// at the start of a sentence or after a comma, as a known name would.
#[test]
fn issue12_an_unknown_acronym_before_a_head_names_a_group() {
    let v = found("XRB rebels burned the market.", Lang::En);
    assert_eq!(pairs(&v), [("rebels", "Unidentified armed group")]);
    let v = found("On 4 May, QZL militiamen raided two hamlets.", Lang::En);
    assert_eq!(pairs(&v), [("militiamen", "Communal militia")]);
    // a capital that only opens the sentence is still no name
    let v = found("The rebels left the town.", Lang::En);
    assert!(pairs(&v).is_empty(), "{v:?}");
}
