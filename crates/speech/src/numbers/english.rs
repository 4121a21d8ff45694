//! English numbers (British usage, with "and"): cardinals, ordinals, years read in pairs.

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn below_100(n: u64) -> String {
    if n < 20 {
        return ONES[n as usize].to_string();
    }
    let (tens, unit) = (n / 10, n % 10);
    if unit == 0 {
        TENS[tens as usize].to_string()
    } else {
        format!("{}-{}", TENS[tens as usize], ONES[unit as usize])
    }
}

fn below_1000(n: u64) -> String {
    let (hundreds, rest) = (n / 100, n % 100);
    match (hundreds, rest) {
        (0, _) => below_100(rest),
        (_, 0) => format!("{} hundred", ONES[hundreds as usize]),
        _ => format!(
            "{} hundred and {}",
            ONES[hundreds as usize],
            below_100(rest)
        ),
    }
}

/// British cardinal: 120 → "one hundred and twenty", 2002 → "two thousand and two".
pub(super) fn cardinal(n: u64) -> String {
    if n == 0 {
        return ONES[0].to_string();
    }
    let mut parts: Vec<String> = Vec::new();
    for (scale, name) in [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1000, "thousand"),
    ] {
        let group = (n / scale) % 1000;
        if group > 0 {
            parts.push(format!("{} {name}", below_1000(group)));
        }
    }
    let rest = n % 1000;
    if rest > 0 {
        if !parts.is_empty() && rest < 100 {
            parts.push(format!("and {}", below_100(rest)));
        } else {
            parts.push(below_1000(rest));
        }
    }
    parts.join(" ")
}

/// Ordinal: 1 → "first", 21 → "twenty-first", 100 → "one hundredth".
pub(super) fn ordinal(n: u64) -> String {
    let words = cardinal(n);
    let cut = words.rfind([' ', '-']).map_or(0, |i| i + 1);
    let (head, last) = words.split_at(cut);
    let last = match last {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        other => match other.strip_suffix('y') {
            Some(stem) => format!("{stem}ieth"),
            None => format!("{other}th"),
        },
    };
    format!("{head}{last}")
}

/// Year 1100–1999 read in pairs ("nineteen ninety-nine", "nineteen oh five").
pub(super) fn year(n: u64) -> Option<String> {
    if !(1100..=1999).contains(&n) {
        return None;
    }
    let (high, low) = (n / 100, n % 100);
    let high = below_100(high);
    Some(match low {
        0 => format!("{high} hundred"),
        1..=9 => format!("{high} oh {}", ONES[low as usize]),
        _ => format!("{high} {}", below_100(low)),
    })
}

/// Plural of the last word ("the 1990s" → "nineteen nineties").
pub(super) fn plural(words: &str) -> String {
    if let Some(stem) = words.strip_suffix('y') {
        format!("{stem}ies")
    } else if words.ends_with('x') {
        format!("{words}es")
    } else {
        format!("{words}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_cardinals_use_and() {
        assert_eq!(cardinal(0), "zero");
        assert_eq!(cardinal(15), "fifteen");
        assert_eq!(cardinal(42), "forty-two");
        assert_eq!(cardinal(100), "one hundred");
        assert_eq!(cardinal(120), "one hundred and twenty");
        assert_eq!(cardinal(1001), "one thousand and one");
        assert_eq!(cardinal(2002), "two thousand and two");
        assert_eq!(
            cardinal(13_324),
            "thirteen thousand three hundred and twenty-four"
        );
        assert_eq!(cardinal(1_000_000), "one million");
        assert_eq!(
            cardinal(1_200_005),
            "one million two hundred thousand and five"
        );
        assert_eq!(
            cardinal(999_999_999),
            "nine hundred and ninety-nine million nine hundred and ninety-nine thousand \
             nine hundred and ninety-nine"
        );
    }

    #[test]
    fn ordinals_change_the_last_word() {
        assert_eq!(ordinal(1), "first");
        assert_eq!(ordinal(2), "second");
        assert_eq!(ordinal(3), "third");
        assert_eq!(ordinal(12), "twelfth");
        assert_eq!(ordinal(20), "twentieth");
        assert_eq!(ordinal(21), "twenty-first");
        assert_eq!(ordinal(100), "one hundredth");
    }

    #[test]
    fn years_are_read_in_pairs() {
        assert_eq!(year(1999).as_deref(), Some("nineteen ninety-nine"));
        assert_eq!(year(1900).as_deref(), Some("nineteen hundred"));
        assert_eq!(year(1905).as_deref(), Some("nineteen oh five"));
        assert_eq!(year(1100).as_deref(), Some("eleven hundred"));
        assert_eq!(year(2002), None);
        assert_eq!(year(1099), None);
    }

    #[test]
    fn plurals_of_decades() {
        assert_eq!(plural("nineteen ninety"), "nineteen nineties");
        assert_eq!(plural("six"), "sixes");
        assert_eq!(plural("nineteen hundred"), "nineteen hundreds");
    }
}
