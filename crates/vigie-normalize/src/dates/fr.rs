//! French: the word list and the few syntactic choices that differ from English.
//!
//! Day first everywhere ("le 5 octobre", "09/10/2024" = 9 October); month and weekday names
//! are not capitalized; "il y a" comes before the duration.

use super::LangRules;

/// The shipped French word list.
pub(crate) const DATA: &str = include_str!("../../data/dates/fr.tsv");

/// French syntax.
pub(crate) const RULES: LangRules = LangRules {
    capitalized_names: false,
    month_first: false,
    numeric_day_first: true,
};

#[cfg(test)]
mod tests {
    use crate::dates::tests::{check, none};

    // Every sentence below is written for these tests.

    #[test]
    fn absolute_days() {
        let p = "2024-10-09";
        check(
            "fr",
            p,
            "Publié le 07/10/2024 à Gao.",
            &[("le 07/10/2024", "2024-10-07")],
        );
        check(
            "fr",
            p,
            "Mis à jour 12.09.2024, 11h",
            &[("12.09.2024", "2024-09-12")],
        );
        check(
            "fr",
            p,
            "Note du 3-10-2024.",
            &[("du 3-10-2024", "2024-10-03")],
        );
        check(
            "fr",
            p,
            "Le 1er octobre, un camion a brûlé.",
            &[("Le 1er octobre", "2024-10-01")],
        );
        check(
            "fr",
            p,
            "Il a parlé le 3 octobre 2024 à la radio.",
            &[("le 3 octobre 2024", "2024-10-03")],
        );
        check(
            "fr",
            p,
            "Le marché a rouvert vendredi 4 octobre 2024.",
            &[("vendredi 4 octobre 2024", "2024-10-04")],
        );
        check(
            "fr",
            p,
            "Les tirs ont repris le dimanche 6 octobre.",
            &[("le dimanche 6 octobre", "2024-10-06")],
        );
        check(
            "fr",
            p,
            "La mission a été annoncée ce 9 octobre.",
            &[("ce 9 octobre", "2024-10-09")],
        );
        check(
            "fr",
            p,
            "Le lundi, 7 octobre 2024, la route était coupée.",
            &[("Le lundi, 7 octobre 2024", "2024-10-07")],
        );
        check(
            "fr",
            p,
            "Ils étaient partis au matin du 2 octobre.",
            &[("au matin du 2 octobre", "2024-10-02")],
        );
        check(
            "fr",
            p,
            "Selon une note du 30 septembre, rien.",
            &[("du 30 septembre", "2024-09-30")],
        );
        check(
            "fr",
            p,
            "Après sa défaite du 14 août dernier, le camp a été déplacé.",
            &[("du 14 août dernier", "2024-08-14")],
        );
        // a day and month without a year: the latest one not after publication
        check(
            "fr",
            p,
            "Le 20 décembre, les pistes ont été fermées.",
            &[("Le 20 décembre", "2023-12-20")],
        );
    }

    #[test]
    fn months_and_ranges() {
        let p = "2024-10-01";
        check(
            "fr",
            p,
            "Le puits a été creusé en juin 2023.",
            &[("en juin 2023", "2023-06")],
        );
        check(
            "fr",
            p,
            "Les pluies de juillet 2024 ont coupé la route.",
            &[("juillet 2024", "2024-07")],
        );
        check(
            "fr",
            p,
            "En août, la piste était fermée.",
            &[("En août", "2024-08")],
        );
        check(
            "fr",
            p,
            "Ils avaient quitté la ville en décembre dernier.",
            &[("en décembre dernier", "2023-12")],
        );
        check(
            "fr",
            p,
            "Ils ont campé durant les mois de juin et de juillet.",
            &[("durant les mois de juin et de juillet", "2024-06/2024-07")],
        );
        check(
            "fr",
            p,
            "La foire s'est tenue du 12 au 15 septembre 2024.",
            &[("du 12 au 15 septembre 2024", "2024-09-12/2024-09-15")],
        );
        check(
            "fr",
            p,
            "Des tirs ont eu lieu entre le 3 et le 5 septembre.",
            &[("entre le 3 et le 5 septembre", "2024-09-03/2024-09-05")],
        );
        check(
            "fr",
            p,
            "Des tirs ont eu lieu entre le mardi 3 et le jeudi 5 septembre 2024.",
            &[(
                "entre le mardi 3 et le jeudi 5 septembre 2024",
                "2024-09-03/2024-09-05",
            )],
        );
        check(
            "fr",
            p,
            "Les convois passent fin août.",
            &[("fin août", "2024-08-21/2024-08-31")],
        );
        check(
            "fr",
            p,
            "Un accord est attendu début septembre.",
            &[("début septembre", "2024-09-01/2024-09-10")],
        );
        check(
            "fr",
            p,
            "La saison sèche commence mi-septembre.",
            &[("mi-septembre", "2024-09-11/2024-09-20")],
        );
        check(
            "fr",
            p,
            "Les pluies sont arrivées fin juin 2023.",
            &[("fin juin 2023", "2023-06-21/2023-06-30")],
        );
    }

    #[test]
    fn relative_to_publication() {
        // 9 October 2024 is a Wednesday
        let p = "2024-10-09";
        check(
            "fr",
            p,
            "Le camp a été visé mardi par des tirs.",
            &[("mardi", "2024-10-08")],
        );
        check(
            "fr",
            p,
            "Mercredi, la radio a confirmé.",
            &[("Mercredi", "2024-10-09")],
        );
        check(
            "fr",
            p,
            "Ce lundi, un drone a survolé la ville.",
            &[("Ce lundi", "2024-10-07")],
        );
        check(
            "fr",
            p,
            "Les tirs ont commencé dimanche matin.",
            &[("dimanche matin", "2024-10-06")],
        );
        check(
            "fr",
            p,
            "Dès samedi, les commerçants ont fermé.",
            &[("Dès samedi", "2024-10-05")],
        );
        check(
            "fr",
            p,
            "Le convoi est arrivé hier à Gao.",
            &[("hier", "2024-10-08")],
        );
        check(
            "fr",
            p,
            "Avant-hier, il pleuvait.",
            &[("Avant-hier", "2024-10-07")],
        );
        check(
            "fr",
            p,
            "Aujourd’hui le marché est calme.",
            &[("Aujourd’hui", "2024-10-09")],
        );
        check(
            "fr",
            p,
            "Ce matin, deux camions sont partis.",
            &[("Ce matin", "2024-10-09")],
        );
        check(
            "fr",
            p,
            "Il a été vu dans la matinée d’hier mardi.",
            &[("dans la matinée d’hier mardi", "2024-10-08")],
        );
        check(
            "fr",
            p,
            "Il a été vu la semaine dernière à Gao.",
            &[("la semaine dernière", "2024-09-30/2024-10-06")],
        );
        check(
            "fr",
            p,
            "Ils étaient partis la semaine précédente.",
            &[("la semaine précédente", "2024-09-30/2024-10-06")],
        );
        check(
            "fr",
            p,
            "Il a plu pendant le week-end.",
            &[("pendant le week-end", "2024-10-05/2024-10-06")],
        );
        check(
            "fr",
            p,
            "Il a plu le week-end dernier.",
            &[("le week-end dernier", "2024-10-05/2024-10-06")],
        );
        check(
            "fr",
            p,
            "Des coups de feu dans la nuit de lundi à mardi.",
            &[("dans la nuit de lundi à mardi", "2024-10-07/2024-10-08")],
        );
        check(
            "fr",
            p,
            "Il a eu lieu à la fin de la semaine dernière.",
            &[("à la fin de la semaine dernière", "2024-10-03/2024-10-06")],
        );
        check(
            "fr",
            p,
            "Un puits a été creusé il y a trois jours.",
            &[("il y a trois jours", "2024-10-06")],
        );
        check(
            "fr",
            p,
            "Le camion est parti il y a plus d’une semaine.",
            &[("il y a plus d’une semaine", "/2024-10-01")],
        );
        check(
            "fr",
            p,
            "Le camion est parti il y a une dizaine de jours.",
            &[("il y a une dizaine de jours", "2024-09-28/2024-09-30")],
        );
        check(
            "fr",
            p,
            "Il y a un mois, la piste était ouverte.",
            &[("Il y a un mois", "2024-09")],
        );
        check(
            "fr",
            p,
            "Ils attendent depuis une semaine.",
            &[("depuis une semaine", "2024-10-02/2024-10-09")],
        );
        check(
            "fr",
            p,
            "Ils attendent depuis environ une semaine.",
            &[("depuis environ une semaine", "2024-10-02/2024-10-09")],
        );
        check(
            "fr",
            p,
            "Les véhicules sont mobilisés depuis fin septembre.",
            &[("depuis fin septembre", "2024-09-21/2024-09-30")],
        );
        check(
            "fr",
            p,
            "Les combats des trois derniers jours ont cessé.",
            &[("des trois derniers jours", "2024-10-06/2024-10-08")],
        );
        check(
            "fr",
            p,
            "Ils ont marché pendant deux jours.",
            &[("pendant deux jours", "2024-10-07/2024-10-08")],
        );
    }

    #[test]
    fn sentence_and_narrative_anchors() {
        let p = "2024-10-09";
        check(
            "fr",
            p,
            "Réunis depuis une semaine à Gao, ils sont partis hier.",
            &[
                ("depuis une semaine", "2024-10-01/2024-10-08"),
                ("hier", "2024-10-08"),
            ],
        );
        check(
            "fr",
            p,
            "Ils ont patrouillé pendant trois jours, selon un communiqué du 4 octobre.",
            &[
                ("pendant trois jours", "2024-10-02/2024-10-04"),
                ("du 4 octobre", "2024-10-04"),
            ],
        );
        check(
            "fr",
            p,
            "Lundi, une image a été publiée. Deux jours plus tôt, le convoi était à Gao.",
            &[
                ("Lundi", "2024-10-07"),
                ("Deux jours plus tôt", "2024-10-05"),
            ],
        );
        check(
            "fr",
            p,
            "Le 3 octobre, l'armée a parlé d'une frappe menée la nuit précédente.",
            &[
                ("Le 3 octobre", "2024-10-03"),
                ("la nuit précédente", "2024-10-02/2024-10-03"),
            ],
        );
        check(
            "fr",
            p,
            "Le 2 octobre, un marché a brûlé. Le lendemain, la veille fut oubliée.",
            &[
                ("Le 2 octobre", "2024-10-02"),
                ("Le lendemain", "2024-10-03"),
                ("la veille", "2024-10-02"),
            ],
        );
        check("fr", p, "Trois jours après, le camp était vide. ", &[]);
        check(
            "fr",
            p,
            "La ville est tombée le 2 octobre. Trois jours après, le camp était vide.",
            &[
                ("le 2 octobre", "2024-10-02"),
                ("Trois jours après", "2024-10-05"),
            ],
        );
        // a duration after an event noun: no date to anchor it
        none(
            "fr",
            p,
            "Deux jours après la bataille, les corps ont été rendus.",
        );
        check(
            "fr",
            p,
            "La veille du 5 octobre, rien.",
            &[("La veille du 5 octobre", "2024-10-04")],
        );
    }

    #[test]
    fn times_of_day_and_weekday_with_day() {
        let p = "2024-07-27";
        check(
            "fr",
            p,
            "Les tirs ont cessé le samedi 27 matin.",
            &[("le samedi 27 matin", "2024-07-27")],
        );
        check(
            "fr",
            p,
            "Le texte publié ce samedi 27 juillet 2024 après-midi.",
            &[("ce samedi 27 juillet 2024 après-midi", "2024-07-27")],
        );
        none("fr", p, "À 10h, le convoi est reparti vers 14 heures.");
    }

    #[test]
    fn more_relative_forms() {
        // 27 July 2024 is a Saturday
        let p = "2024-07-27";
        check(
            "fr",
            p,
            "Samedi dernier, il a plu.",
            &[("Samedi dernier", "2024-07-20")],
        );
        check(
            "fr",
            p,
            "Le convoi est arrivé hier soir.",
            &[("hier soir", "2024-07-26")],
        );
        check(
            "fr",
            p,
            "Des tirs dans la nuit du 24 au 25 juillet.",
            &[("dans la nuit du 24 au 25 juillet", "2024-07-24/2024-07-25")],
        );
        check(
            "fr",
            p,
            "Le prix a doublé le mois dernier.",
            &[("le mois dernier", "2024-06")],
        );
        check(
            "fr",
            p,
            "Il est parti à la fin du mois dernier.",
            &[("à la fin du mois dernier", "2024-06-21/2024-06-30")],
        );
        check(
            "fr",
            p,
            "Ce dimanche, rien ne s'est passé.",
            &[("Ce dimanche", "2024-07-21")],
        );
        check(
            "fr",
            p,
            "Le camp a été attaqué le samedi.",
            &[("le samedi", "2024-07-27")],
        );
        check(
            "fr",
            p,
            "Le camp sera visité le 29 juillet.",
            &[("le 29 juillet", "2024-07-29")],
        );
        check(
            "fr",
            p,
            "Il reviendra le 15 août prochain.",
            &[("le 15 août prochain", "2024-08-15")],
        );
        check(
            "fr",
            p,
            "Il y a deux semaines, il pleuvait.",
            &[("Il y a deux semaines", "2024-07-13")],
        );
        check(
            "fr",
            p,
            "Il y a environ trois semaines, il pleuvait.",
            &[("Il y a environ trois semaines", "2024-07-04/2024-07-08")],
        );
    }

    #[test]
    fn false_friends_are_not_dates() {
        let p = "2024-10-09";
        none("fr", p, "Les sept soldats ont marché sept kilomètres.");
        none("fr", p, "Le mai est un arbre ; mars est une planète.");
        none("fr", p, "La fin de la guerre est loin, le début aussi.");
        none(
            "fr",
            p,
            "Il y a des véhicules et 27 hommes depuis plusieurs jours.",
        );
        none("fr", p, "La semaine de travail est longue.");
        none("fr", p, "Les 3 et 4 sont des numéros.");
        none("fr", p, "Il a été élu en 2020.");
        check(
            "fr",
            p,
            "Il est arrivé le 7 sept. 2024.",
            &[("le 7 sept. 2024", "2024-09-07")],
        );
        check(
            "fr",
            p,
            "Le 12 mars, il a plu.",
            &[("Le 12 mars", "2024-03-12")],
        );
        check("fr", p, "Il a plu en mai.", &[("en mai", "2024-05")]);
    }

    #[test]
    fn quoted_post_keeps_its_own_date() {
        let p = "2024-07-31";
        let t = "Le camp a été touché mardi.\nVille de Gao : Cet après-midi des tirs ont visé le marché. pic.example/x— Un témoin (@temoin_gao) July 30, 2024\nLa suite.";
        check(
            "fr",
            p,
            t,
            &[
                ("mardi", "2024-07-30"),
                ("Cet après-midi", "2024-07-30"),
                ("July 30, 2024", "2024-07-30"),
            ],
        );
    }
}
