//! Pinyin matching on the query side. The readings come precomputed with the data (the app's
//! build runs the `pinyin` crate natively), so the browser carries no pinyin tables.
//!
//! A pinyin query matches whole syllables of consecutive characters, either in full
//! (`suiqian` → 随迁, `minhang` → 闵行 with 行's reading hang) or as initials (`sqzn` → 随迁子女).

use serde::{Deserialize, Serialize};

/// The readings of each Han character of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pinyin {
    pub syllables: Vec<Syllable>,
}

/// One Han character: where it is in its text and how it can be read (toneless, lower case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Syllable {
    /// Character offset in the text the pinyin was made from.
    pub at: u32,
    pub readings: Vec<String>,
}

/// How a query is compared with the syllables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Each syllable spelled out: `suiqian`.
    Full,
    /// Each syllable's first letter: `sq`.
    Initials,
}

/// Every run of consecutive characters whose pinyin spells `query` exactly, as character
/// ranges of the original text, in order. `query` must be lower-case ASCII letters.
pub fn find(pinyin: &Pinyin, query: &str, mode: Mode) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    if query.is_empty() || !query.bytes().all(|b| b.is_ascii_lowercase()) {
        return found;
    }
    let syllables = &pinyin.syllables;
    for start in 0..syllables.len() {
        if let Some(end) = spell(syllables, start, query, mode) {
            found.push(syllables[start].at as usize..syllables[end].at as usize + 1);
        }
    }
    found
}

/// The last syllable of a run starting at `start` that spells `rest` exactly, if there is one.
fn spell(syllables: &[Syllable], start: usize, rest: &str, mode: Mode) -> Option<usize> {
    let syllable = &syllables[start];
    let first = rest.as_bytes().first()?;
    for reading in &syllable.readings {
        // The query is ASCII: a reading that does not start with its next letter cannot spell
        // it. Checked first because nearly every reading of a heading fails here, and a
        // pinyin query is compared with every heading of every document.
        if reading.as_bytes().first() != Some(first) {
            continue;
        }
        let piece = match mode {
            Mode::Full => reading.as_str(),
            Mode::Initials => &rest[..1],
        };
        if !rest.starts_with(piece) {
            continue;
        }
        let rest = &rest[piece.len()..];
        if rest.is_empty() {
            return Some(start);
        }
        let next = start + 1;
        if next < syllables.len() && syllables[next].at == syllable.at + 1 {
            if let Some(end) = spell(syllables, next, rest, mode) {
                return Some(end);
            }
        }
    }
    None
}

#[cfg(test)]
// One-element range arrays are exactly what `find` returns here.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn pinyin(parts: &[(u32, &[&str])]) -> Pinyin {
        Pinyin {
            syllables: parts
                .iter()
                .map(|(at, readings)| Syllable {
                    at: *at,
                    readings: readings.iter().map(|r| r.to_string()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn matches_whole_syllables_with_any_reading() {
        // 闵行区 — 行 reads xing or hang.
        let p = pinyin(&[(0, &["min"]), (1, &["xing", "hang"]), (2, &["qu", "ou"])]);
        assert_eq!(find(&p, "minhang", Mode::Full), [0..2]);
        assert_eq!(find(&p, "hangqu", Mode::Full), [1..3]);
        assert_eq!(
            find(&p, "minha", Mode::Full),
            Vec::<std::ops::Range<usize>>::new(),
            "no partial syllables"
        );
        assert_eq!(find(&p, "mhq", Mode::Initials), [0..3]);
        assert_eq!(find(&p, "mxq", Mode::Initials), [0..3]);
    }

    #[test]
    fn does_not_bridge_characters_that_are_not_neighbours() {
        // 随迁、子女: the 、 at offset 2 separates them.
        let p = pinyin(&[
            (0, &["sui"]),
            (1, &["qian"]),
            (3, &["zi"]),
            (4, &["nv", "nu"]),
        ]);
        assert_eq!(find(&p, "suiqian", Mode::Full), [0..2]);
        assert!(find(&p, "suiqianzi", Mode::Full).is_empty());
        assert!(
            find(&p, "Sui", Mode::Full).is_empty(),
            "queries are normalised first"
        );
    }
}
