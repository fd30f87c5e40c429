//! Counts in words: "1 entry", "2 entries". One place, so both front ends agree and no
//! screen says "1 entries".

/// `n` and the noun that fits it: `count(1, "entry", "entries")` is "1 entry".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The noun alone, for sentences that place the number elsewhere.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "entry", "entries"), "1 entry");
        assert_eq!(count(0, "entry", "entries"), "0 entries");
        assert_eq!(count(2, "day", "days"), "2 days");
        assert_eq!(noun(1, "problem", "problems"), "problem");
    }
}
