//! Splits normalised text into index terms. Indexing and querying both call [`tokenize`], so a
//! query can only ever look for terms the index could contain (the parity test checks this on
//! the real corpus).
//!
//! Chinese has no spaces, so runs of Han characters give every single character (unigram) and
//! every pair of neighbours (bigram). Runs of Latin letters and digits give one word each, a
//! trailing `%` included, so 95% is one term. Everything else separates.

/// A term and where it starts, in characters of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Length in characters.
    pub len: usize,
}

/// Whether `c` is a Han character (CJK unified ideographs and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// A maximal run of one kind of character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub start: usize,
    pub han: bool,
}

/// The Han runs and word runs of a normalised text, in order.
pub fn runs(text: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // The kind of the run still open (Han or word), if any.
    let mut open: Option<bool> = None;
    for (i, c) in text.chars().enumerate() {
        if is_han(c) || is_word_char(c) {
            let han = is_han(c);
            match runs.last_mut() {
                Some(run) if open == Some(han) => run.text.push(c),
                _ => runs.push(Run {
                    text: c.to_string(),
                    start: i,
                    han,
                }),
            }
            open = Some(han);
        } else if c == '%' && open == Some(false) {
            // A `%` ends its word: "95%以上" is 95% then 以上.
            runs.last_mut().expect("a word is open").text.push(c);
            open = None;
        } else {
            open = None;
        }
    }
    runs
}

/// Index terms of a normalised text: unigrams and bigrams of Han runs, whole words otherwise.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for run in runs(text) {
        if run.han {
            let chars: Vec<char> = run.text.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                tokens.push(Token {
                    text: c.to_string(),
                    start: run.start + i,
                    len: 1,
                });
                if let Some(&next) = chars.get(i + 1) {
                    tokens.push(Token {
                        text: format!("{c}{next}"),
                        start: run.start + i,
                        len: 2,
                    });
                }
            }
        } else {
            let len = run.text.chars().count();
            tokens.push(Token {
                text: run.text,
                start: run.start,
                len,
            });
        }
    }
    tokens
}

/// The terms a query looks for: from each Han run its bigrams (its one character if it has
/// only one), from each word run the word. All of them are terms [`tokenize`] also produces.
pub fn query_terms(text: &str) -> Vec<Token> {
    let mut terms = Vec::new();
    for run in runs(text) {
        let single_han = run.han && run.text.chars().count() == 1;
        terms.extend(
            tokenize_run(&run)
                .into_iter()
                .filter(|t| !run.han || single_han || t.len == 2),
        );
    }
    terms
}

/// One term per occurrence in `text` of a compound word (中小学): compounds are indexed and
/// queried whole as well as by their pairs, so typing the compound still finds it at full
/// weight while its inner pairs (小学) count for less there. Both sides call this.
pub fn compound_tokens(text: &str, compounds: &[String]) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    for compound in compounds {
        let word: Vec<char> = compound.chars().collect();
        if word.is_empty() || word.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - word.len() {
            if chars[start..start + word.len()] == word[..] {
                tokens.push(Token {
                    text: compound.clone(),
                    start,
                    len: word.len(),
                });
            }
        }
    }
    tokens
}

fn tokenize_run(run: &Run) -> Vec<Token> {
    let mut tokens = tokenize(&run.text);
    for token in &mut tokens {
        token.start += run.start;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn han_runs_give_unigrams_and_bigrams() {
        assert_eq!(texts(&tokenize("入学")), ["入", "入学", "学"]);
        assert_eq!(
            texts(&tokenize("幼升小")),
            ["幼", "幼升", "升", "升小", "小"]
        );
    }

    #[test]
    fn words_and_percentages_stay_whole() {
        let tokens = tokenize("达到95%以上，stem+课程2.0版");
        assert_eq!(
            texts(&tokens),
            [
                "达", "达到", "到", "95%", "以", "以上", "上", "stem", "课", "课程", "程", "2",
                "0", "版"
            ]
        );
        let percent = tokens.iter().find(|t| t.text == "95%").unwrap();
        assert_eq!((percent.start, percent.len), (2, 3));
    }

    #[test]
    fn compounds_are_found_wherever_they_occur() {
        let compounds = ["中小学".to_string()];
        let found = compound_tokens("全区中小学和中小学生", &compounds);
        assert_eq!(
            found.iter().map(|t| (t.start, t.len)).collect::<Vec<_>>(),
            [(2, 3), (6, 3)]
        );
        assert!(compound_tokens("小学", &compounds).is_empty());
    }

    #[test]
    fn queries_use_bigrams_but_single_characters_when_alone() {
        assert_eq!(texts(&query_terms("随迁子女")), ["随迁", "迁子", "子女"]);
        assert_eq!(texts(&query_terms("园 suiqian")), ["园", "suiqian"]);
        assert!(query_terms("🙂 <>").is_empty());
    }
}
