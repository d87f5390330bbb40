//! Parents type questions, not keywords: 外地户口的孩子怎么在上海上小学. The question words and
//! particles (怎么, 吗, 的, 哪, 什么 …) carry no content and would only add noise pairs (子怎,
//! 么在), so ranking drops them and keeps the content words (外地户口, 上海, 小学).
//!
//! Only the query side calls this: the index keeps every character, so the tokenizer parity
//! between the two sides is unaffected.

/// Question words and fillers of two characters or more, dropped wherever they appear. Longer
/// ones are listed first so that 怎么样 goes before 怎么.
const QUESTION_WORDS: &[&str] = &[
    "什么时候",
    "可不可以",
    "能不能",
    "是不是",
    "有没有",
    "要不要",
    "怎么办",
    "怎么样",
    "为什么",
    "请问",
    "怎么",
    "怎样",
    "如何",
    "什么",
    "哪里",
    "哪儿",
    "哪些",
    "哪个",
    "多少",
    "需要",
    "可以",
    "应该",
    "我们",
    "我家",
    "孩子",
    "小孩",
    "一下",
];

/// Single-character particles and question characters, dropped unless they are part of one of
/// [`KEPT_WORDS`].
const PARTICLES: &[char] = &[
    '吗', '呢', '吧', '啊', '呀', '的', '了', '么', '哪', '能', '在', '是', '要', '我', '你', '去',
    '和', '给', '让', '会',
];

/// Content words that hold a particle character: 要求 is a requirement, not 要 + 求.
const KEPT_WORDS: &[&str] = &[
    "要求",
    "重要",
    "主要",
    "是否",
    "现在",
    "存在",
    "在校",
    "在读",
    "在园",
    "在沪",
    "能力",
    "功能",
    "目的",
    "了解",
    "去年",
    "会议",
    "社会",
    "机会",
    "委员会",
    "和谐",
    "给予",
    "让步",
];

/// English words that carry no content in a question (how, my, the, do …).
const ENGLISH_STOPWORDS: &[&str] = &[
    "a", "about", "an", "and", "are", "at", "be", "can", "child", "children", "do", "does", "for",
    "from", "get", "go", "have", "how", "i", "in", "is", "it", "kid", "kids", "me", "my", "need",
    "of", "on", "or", "our", "should", "son", "daughter", "the", "there", "to", "we", "what",
    "when", "where", "which", "who", "why", "will", "with", "you", "your",
];

/// Whether `word` (lower case) is an English word that carries no content.
pub fn is_english_stopword(word: &str) -> bool {
    ENGLISH_STOPWORDS.contains(&word)
}

/// `text` (normalised) with question words and particles replaced by spaces, so that the
/// content words around them become runs of their own. Positions are kept: every dropped
/// character becomes one space.
pub fn strip_question_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let starts_with = |at: usize, word: &str| {
        let word: Vec<char> = word.chars().collect();
        chars.get(at..at + word.len()) == Some(&word[..])
    };
    let mut at = 0;
    while at < chars.len() {
        if let Some(word) = QUESTION_WORDS.iter().find(|w| starts_with(at, w)) {
            let len = word.chars().count();
            keep[at..at + len].iter_mut().for_each(|k| *k = false);
            at += len;
            continue;
        }
        if let Some(word) = KEPT_WORDS.iter().find(|w| starts_with(at, w)) {
            at += word.chars().count();
            continue;
        }
        if PARTICLES.contains(&chars[at]) {
            keep[at] = false;
        }
        at += 1;
    }
    chars
        .iter()
        .zip(keep)
        .map(|(&c, keep)| if keep { c } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        strip_question_words(text)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn questions_keep_their_content_words() {
        assert_eq!(
            words("外地户口的孩子怎么在上海上小学"),
            ["外地户口", "上海上小学"]
        );
        assert_eq!(words("孩子几岁上小学"), ["几岁上小学"]);
        assert_eq!(words("一个班多少人"), ["一个班", "人"]);
        assert_eq!(words("在哪里报名？"), ["报名？"]);
        assert_eq!(words("民办学校是怎么招生的呢"), ["民办学校", "招生"]);
    }

    #[test]
    fn content_words_holding_a_particle_stay_whole() {
        assert_eq!(words("入学要求是什么"), ["入学要求"]);
        assert_eq!(words("现在能报名吗"), ["现在", "报名"]);
        assert_eq!(words("随迁子女"), ["随迁子女"]);
    }

    #[test]
    fn positions_are_kept() {
        let text = "孩子怎么上学";
        assert_eq!(
            strip_question_words(text).chars().count(),
            text.chars().count()
        );
    }
}
