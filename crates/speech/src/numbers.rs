//! Numbers in words: French cardinals and ordinals (here), English (`english`),
//! and the pass that reads the numbers of a text (`scan`).

mod english;
mod scan;
mod suffix;

pub(crate) use scan::apply;

use crate::text::Lang;

/// Largest number read as a cardinal; beyond it, digits are read one by one.
pub(crate) const MAX: u64 = 999_999_999_999;

const UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];

const DIGITS_EN: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Cardinal in the given language (digit by digit beyond [`MAX`]).
pub(crate) fn cardinal(n: u64, lang: Lang) -> String {
    if n > MAX {
        return digits(&n.to_string(), lang);
    }
    match lang {
        Lang::En => english::cardinal(n),
        _ => french_cardinal(n),
    }
}

/// Ordinal ("deuxième", "second"); `feminine` only matters for "première".
pub(crate) fn ordinal(n: u64, lang: Lang, feminine: bool) -> String {
    if n > MAX {
        return digits(&n.to_string(), lang);
    }
    match lang {
        Lang::En => english::ordinal(n),
        _ => french_ordinal(n, feminine),
    }
}

/// English pairwise reading of a year 1100–1999, otherwise `None`.
pub(crate) fn english_year(n: u64) -> Option<String> {
    english::year(n)
}

/// English plural of the last word ("nineties").
pub(crate) fn english_plural(words: &str) -> String {
    english::plural(words)
}

/// Reads each ASCII digit separately.
pub(crate) fn digits(text: &str, lang: Lang) -> String {
    text.chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| match lang {
            Lang::En => DIGITS_EN[d as usize],
            _ => UNITS[d as usize],
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn french_below_100(n: u64) -> String {
    match n {
        0..=16 => UNITS[n as usize].to_string(),
        17..=19 => format!("dix-{}", UNITS[(n - 10) as usize]),
        _ => {
            let (tens, unit) = (n / 10, n % 10);
            match tens {
                2..=6 => {
                    let word = [
                        "",
                        "",
                        "vingt",
                        "trente",
                        "quarante",
                        "cinquante",
                        "soixante",
                    ][tens as usize];
                    match unit {
                        0 => word.to_string(),
                        1 => format!("{word} et un"),
                        _ => format!("{word}-{}", UNITS[unit as usize]),
                    }
                }
                7 if unit == 1 => "soixante et onze".to_string(),
                7 => format!("soixante-{}", french_below_100(10 + unit)),
                8 if unit == 0 => "quatre-vingts".to_string(),
                8 => format!("quatre-vingt-{}", UNITS[unit as usize]),
                _ => format!("quatre-vingt-{}", french_below_100(10 + unit)),
            }
        }
    }
}

/// 1–999; `last`: nothing follows but "millions"/"milliards" (the plural "s" of "cents" and
/// "quatre-vingts" stays), false before "mille".
fn french_below_1000(n: u64, last: bool) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    let mut out = String::new();
    if hundreds == 1 {
        out.push_str("cent");
    } else if hundreds > 1 {
        out.push_str(UNITS[hundreds as usize]);
        out.push_str(if rest == 0 && last { " cents" } else { " cent" });
    }
    if rest > 0 {
        if !out.is_empty() {
            out.push(' ');
        }
        if rest == 80 && !last {
            out.push_str("quatre-vingt");
        } else {
            out.push_str(&french_below_100(rest));
        }
    }
    out
}

fn french_cardinal(n: u64) -> String {
    if n == 0 {
        return UNITS[0].to_string();
    }
    let billions = n / 1_000_000_000;
    let millions = (n / 1_000_000) % 1000;
    let thousands = (n / 1000) % 1000;
    let rest = n % 1000;
    let mut parts: Vec<String> = Vec::new();
    for (group, one, many) in [
        (billions, "un milliard", "milliards"),
        (millions, "un million", "millions"),
    ] {
        if group == 1 {
            parts.push(one.to_string());
        } else if group > 1 {
            parts.push(format!("{} {many}", french_below_1000(group, true)));
        }
    }
    if thousands == 1 {
        parts.push("mille".to_string());
    } else if thousands > 1 {
        parts.push(format!("{} mille", french_below_1000(thousands, false)));
    }
    if rest > 0 {
        parts.push(french_below_1000(rest, true));
    }
    parts.join(" ")
}

fn french_ordinal(n: u64, feminine: bool) -> String {
    if n == 1 {
        return if feminine { "première" } else { "premier" }.to_string();
    }
    let words = french_cardinal(n);
    let cut = words.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = words.split_at(cut);
    let last = match last {
        "cents" | "vingts" | "millions" | "milliards" => &last[..last.len() - 1],
        other => other,
    };
    let last = match last {
        "un" => "unième".to_string(),
        "cinq" => "cinquième".to_string(),
        "neuf" => "neuvième".to_string(),
        other => match other.strip_suffix('e') {
            Some(stem) => format!("{stem}ième"),
            None => format!("{other}ième"),
        },
    };
    format!("{head}{last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(n: u64) -> String {
        cardinal(n, Lang::Fr)
    }

    #[test]
    fn french_cardinals_follow_the_agreement_rules() {
        assert_eq!(fr(0), "zéro");
        assert_eq!(fr(17), "dix-sept");
        assert_eq!(fr(21), "vingt et un");
        assert_eq!(fr(71), "soixante et onze");
        assert_eq!(fr(77), "soixante-dix-sept");
        assert_eq!(fr(80), "quatre-vingts");
        assert_eq!(fr(81), "quatre-vingt-un");
        assert_eq!(fr(91), "quatre-vingt-onze");
        assert_eq!(fr(99), "quatre-vingt-dix-neuf");
        assert_eq!(fr(100), "cent");
        assert_eq!(fr(101), "cent un");
        assert_eq!(fr(200), "deux cents");
        assert_eq!(fr(280), "deux cent quatre-vingts");
        assert_eq!(fr(1000), "mille");
        assert_eq!(fr(1999), "mille neuf cent quatre-vingt-dix-neuf");
        assert_eq!(fr(2002), "deux mille deux");
        assert_eq!(fr(80_000), "quatre-vingt mille");
        assert_eq!(fr(200_000), "deux cent mille");
        assert_eq!(fr(21_000), "vingt et un mille");
        assert_eq!(fr(1_000_000), "un million");
        assert_eq!(fr(200_000_000), "deux cents millions");
        assert_eq!(
            fr(999_999_999),
            "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille \
             neuf cent quatre-vingt-dix-neuf"
        );
        assert_eq!(fr(3_000_000_001), "trois milliards un");
    }

    #[test]
    fn french_ordinals_change_the_last_word() {
        assert_eq!(ordinal(1, Lang::Fr, false), "premier");
        assert_eq!(ordinal(1, Lang::Fr, true), "première");
        assert_eq!(ordinal(2, Lang::Fr, false), "deuxième");
        assert_eq!(ordinal(5, Lang::Fr, false), "cinquième");
        assert_eq!(ordinal(9, Lang::Fr, false), "neuvième");
        assert_eq!(ordinal(11, Lang::Fr, false), "onzième");
        assert_eq!(ordinal(19, Lang::Fr, false), "dix-neuvième");
        assert_eq!(ordinal(20, Lang::Fr, false), "vingtième");
        assert_eq!(ordinal(21, Lang::Fr, false), "vingt et unième");
        assert_eq!(ordinal(80, Lang::Fr, false), "quatre-vingtième");
        assert_eq!(ordinal(200, Lang::Fr, false), "deux centième");
        assert_eq!(ordinal(1000, Lang::Fr, false), "millième");
        assert_eq!(ordinal(3, Lang::Fr, false), "troisième");
        assert_eq!(ordinal(6, Lang::Fr, false), "sixième");
        assert_eq!(ordinal(2_000_000, Lang::Fr, false), "deux millionième");
    }

    #[test]
    fn too_large_numbers_are_read_digit_by_digit() {
        assert_eq!(
            cardinal(MAX + 1, Lang::Fr),
            "un zéro zéro zéro zéro zéro zéro zéro zéro zéro zéro zéro zéro"
        );
        assert_eq!(digits("507", Lang::En), "five zero seven");
    }
}
