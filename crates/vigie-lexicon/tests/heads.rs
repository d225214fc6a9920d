//! Generic head nouns ("militants", "jihadistes") name an unidentified group only where
//! they open a noun phrase (issue 12).

use vigie_lexicon::ActorLexicon;
use vigie_model::Lang;

fn actors(text: &str, lang: Lang) -> Vec<String> {
    let lx = ActorLexicon::embedded();
    lx.find(text, &vigie_text::tokenize(text), lang)
        .into_iter()
        .map(|a| a.actor)
        .collect()
}

#[test]
fn issue12_a_head_after_a_date_or_comma_opens_a_noun_phrase() {
    for (text, lang) in [
        ("On 3 May 2023, militants attacked the village.", Lang::En),
        ("In 2019 militants attacked the village.", Lang::En),
        (
            "Le 3 mai, jihadistes ont pillé le marché de Sora.",
            Lang::Fr,
        ),
    ] {
        assert_eq!(
            actors(text, lang),
            vec!["Unidentified armed group"],
            "{text}"
        );
    }
    // an adjective after a noun, or a word after the definite article, names nobody new
    for (text, lang) in [
        (
            "Des groupes armés jihadistes opèrent dans la zone.",
            Lang::Fr,
        ),
        ("The militants fled on motorbikes.", Lang::En),
    ] {
        assert!(
            !actors(text, lang).contains(&"Unidentified armed group".to_string()),
            "{text}"
        );
    }
}

/// Issue 12: nationality words in every form are known as such (they name people, never
/// places), and country names are not among them.
#[test]
fn issue12_nationality_words_are_known_in_every_form() {
    let lx = ActorLexicon::embedded();
    for w in [
        "malien",
        "maliennes",
        "nigerian",
        "nigerians",
        "burkinabe",
        "malian",
    ] {
        assert!(lx.is_demonym(w), "{w}");
    }
    for w in ["mali", "niger", "burkina", "gao"] {
        assert!(!lx.is_demonym(w), "{w}");
    }
}
