//! Pinyin readings, computed natively when the data is loaded (with the `pinyin` crate), so
//! that the browser matches pinyin queries without carrying pinyin tables.

use pinyin::ToPinyinMulti;

use crate::search::pinyin::{Pinyin, Syllable};

/// Every reading of every Han character of `text` (heteronyms included: 行 is xing and hang,
/// so `minhang` finds 闵行).
pub(crate) fn pinyin_of(text: &str) -> Pinyin {
    let syllables = text
        .chars()
        .enumerate()
        .filter_map(|(at, c)| {
            let multi = c.to_pinyin_multi()?;
            let mut unique: Vec<String> = Vec::new();
            for reading in multi.into_iter().map(|p| p.plain()) {
                // Keyboards have no ü: parents type v (nv) or u (nu).
                for spelling in [reading.replace('ü', "v"), reading.replace('ü', "u")] {
                    if !unique.contains(&spelling) {
                        unique.push(spelling);
                    }
                }
            }
            Some(Syllable {
                at: at as u32,
                readings: unique,
            })
        })
        .collect();
    Pinyin { syllables }
}

#[cfg(test)]
// One-element range arrays are exactly what `find` returns here.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::search::pinyin::{find, Mode};

    #[test]
    fn readings_include_heteronyms() {
        let p = pinyin_of("闵行区");
        assert!(
            p.syllables[1].readings.contains(&"hang".to_string()),
            "{:?}",
            p.syllables[1]
        );
        assert_eq!(find(&p, "minhang", Mode::Full), [0..2]);
        assert_eq!(
            find(&pinyin_of("随迁子女"), "suiqianzinv", Mode::Full),
            [0..4]
        );
        assert_eq!(find(&pinyin_of("托班"), "tb", Mode::Initials), [0..2]);
    }
}
