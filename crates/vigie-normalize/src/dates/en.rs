//! English: the word list and the few syntactic choices that differ from French.
//!
//! The month may precede the day ("October 5, 2024", "From July 22 to 27"); month and
//! weekday names count only when capitalized ("May" the month, "may" the verb); numeric
//! dates take the reading nearest publication; "ago" follows the duration.

use super::LangRules;

/// The shipped English word list.
pub(crate) const DATA: &str = include_str!("../../data/dates/en.tsv");

/// English syntax.
pub(crate) const RULES: LangRules = LangRules {
    capitalized_names: true,
    month_first: true,
    numeric_day_first: false,
};

#[cfg(test)]
mod tests {
    use crate::dates::tests::{check, none};

    // Every sentence below is written for these tests.

    #[test]
    fn absolute_days() {
        let p = "2024-10-09";
        check(
            "en",
            p,
            "The camp was hit on October 5, 2024, officials said.",
            &[("on October 5, 2024", "2024-10-05")],
        );
        check(
            "en",
            p,
            "It rained on 5 October 2024 in Gao.",
            &[("on 5 October 2024", "2024-10-05")],
        );
        check(
            "en",
            p,
            "Posted 2 October, 2024 | 3 min read",
            &[("2 October, 2024", "2024-10-02")],
        );
        check(
            "en",
            p,
            "Shots rang out on Sunday, October 6, 2024.",
            &[("on Sunday, October 6, 2024", "2024-10-06")],
        );
        check(
            "en",
            p,
            "The market closed Monday, October 7 at noon.",
            &[("Monday, October 7", "2024-10-07")],
        );
        check(
            "en",
            p,
            "The strike on Sunday (6 October) killed two.",
            &[("on Sunday (6 October)", "2024-10-06")],
        );
        check(
            "en",
            p,
            "On 3 October, a truck burned.",
            &[("On 3 October", "2024-10-03")],
        );
        check(
            "en",
            p,
            "The convoy left on the 25th of September.",
            &[("on the 25th of September", "2024-09-25")],
        );
        check(
            "en",
            p,
            "It happened the morning of October 2, 2024.",
            &[("the morning of October 2, 2024", "2024-10-02")],
        );
    }

    #[test]
    fn months_ranges_parts() {
        let p = "2024-07-31";
        check(
            "en",
            p,
            "The rains of June 2024 cut the road.",
            &[("June 2024", "2024-06")],
        );
        check(
            "en",
            p,
            "The well dried up in June.",
            &[("in June", "2024-06")],
        );
        check(
            "en",
            p,
            "From July 22 to 27, the town was shelled.",
            &[("From July 22 to 27", "2024-07-22/2024-07-27")],
        );
        check(
            "en",
            p,
            "Fighting went on between July 22 and July 27.",
            &[("between July 22 and July 27", "2024-07-22/2024-07-27")],
        );
        check(
            "en",
            p,
            "Roads flooded in late June.",
            &[("in late June", "2024-06-21/2024-06-30")],
        );
        check(
            "en",
            p,
            "Talks resumed in early July.",
            &[("in early July", "2024-07-01/2024-07-10")],
        );
        check(
            "en",
            p,
            "Clashes broke out in mid-July.",
            &[("in mid-July", "2024-07-11/2024-07-20")],
        );
        check(
            "en",
            p,
            "Fighting ended at the end of June.",
            &[("at the end of June", "2024-06-21/2024-06-30")],
        );
    }

    #[test]
    fn relative_to_publication() {
        // 31 July 2024 is a Wednesday
        let p = "2024-07-31";
        check(
            "en",
            p,
            "Drones hit the town Tuesday, witnesses said.",
            &[("Tuesday", "2024-07-30")],
        );
        check(
            "en",
            p,
            "The army said on Monday it had lost men.",
            &[("on Monday", "2024-07-29")],
        );
        check(
            "en",
            p,
            "The statement came late on Tuesday.",
            &[("late on Tuesday", "2024-07-30")],
        );
        check(
            "en",
            p,
            "Rebels claimed victory at the weekend.",
            &[("at the weekend", "2024-07-27/2024-07-28")],
        );
        check(
            "en",
            p,
            "Just last week, the town was calm.",
            &[("Just last week", "2024-07-22/2024-07-28")],
        );
        check(
            "en",
            p,
            "The convoy left three days ago.",
            &[("three days ago", "2024-07-28")],
        );
        check(
            "en",
            p,
            "The convoy left around 10 days ago.",
            &[("around 10 days ago", "2024-07-20/2024-07-22")],
        );
        check(
            "en",
            p,
            "The convoy left more than a week ago.",
            &[("more than a week ago", "/2024-07-23")],
        );
        check(
            "en",
            p,
            "Yesterday the road reopened.",
            &[("Yesterday", "2024-07-30")],
        );
        check(
            "en",
            p,
            "Fighting over the past three days killed dozens.",
            &[("over the past three days", "2024-07-28/2024-07-30")],
        );
        check(
            "en",
            p,
            "On July 27, the town fell. The next day, rebels paraded. Two days later, drones came.",
            &[
                ("On July 27", "2024-07-27"),
                ("The next day", "2024-07-28"),
                ("Two days later", "2024-07-30"),
            ],
        );
    }

    #[test]
    fn more_relative_forms() {
        // 27 July 2024 is a Saturday
        let p = "2024-07-27";
        check(
            "en",
            p,
            "Today the market reopened.",
            &[("Today", "2024-07-27")],
        );
        check(
            "en",
            p,
            "This morning two trucks left.",
            &[("This morning", "2024-07-27")],
        );
        check(
            "en",
            p,
            "Drones struck on Friday evening.",
            &[("on Friday evening", "2024-07-26")],
        );
        check(
            "en",
            p,
            "It rained last Saturday.",
            &[("last Saturday", "2024-07-20")],
        );
        check(
            "en",
            p,
            "It rained last month.",
            &[("last month", "2024-06")],
        );
        check(
            "en",
            p,
            "Talks failed at the end of last month.",
            &[("at the end of last month", "2024-06-21/2024-06-30")],
        );
        check(
            "en",
            p,
            "On July 20, the camp fell. The day before, scouts had left.",
            &[
                ("On July 20", "2024-07-20"),
                ("The day before", "2024-07-19"),
            ],
        );
        check(
            "en",
            p,
            "The night before July 20 was calm.",
            &[("The night before July 20", "2024-07-19/2024-07-20")],
        );
    }

    #[test]
    fn false_friends_are_not_dates() {
        let p = "2024-07-31";
        none("en", p, "They may march on the city; the sun rose.");
        none("en", p, "The army may say more later or not.");
        none(
            "en",
            p,
            "In 2020 the junta came to power for over a decade.",
        );
        none("en", p, "Three days of fighting left 84 dead.");
        none("en", p, "The day before the attack was calm.");
        check(
            "en",
            p,
            "In July 25 people died.",
            &[("In July", "2024-07")],
        );
        check("en", p, "The rains came in May.", &[("in May", "2024-05")]);
        check(
            "en",
            p,
            "Losses in the July battle were heavy.",
            &[("July", "2024-07")],
        );
        check(
            "en",
            p,
            "On May 3 the rains came.",
            &[("On May 3", "2024-05-03")],
        );
    }
}
