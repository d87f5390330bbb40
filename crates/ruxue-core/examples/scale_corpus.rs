//! Writes a synthetic data file for `make scale-bench`: the real corpus (`data/`, validated as
//! the build does) with its documents repeated N times under new ids, encoded as the build
//! encodes the portal's data file. The copies are for measuring only and are never shipped.
//!
//! Byte-identical copies would measure nothing: brotli's window holds the whole real corpus
//! many times over, so a hundred copies compress to barely more than one. Every copy after
//! the first therefore has one character in four of each clause replaced by a character drawn
//! from a random place in the corpus (so the characters keep their real frequencies, and
//! most words stay words), with a fixed seed: the text is as unique as a real corpus's, and
//! the same on every run. The first copy is the real text, so real queries find real answers.
//!
//! It also times what the build does with it beyond encoding: building the search index and
//! splitting everything into the data files; the last line of its output,
//! `index_build_ms=<ms>`, is what `make scale-bench` reports as the index build.
//!
//! `cargo run --release -p ruxue-core --example scale_corpus -- <times> <out.bin>`

use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(times), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: scale_corpus <times> <out.bin>");
        std::process::exit(2);
    };
    let Ok(times) = times.parse::<usize>() else {
        eprintln!("scale_corpus: <times> must be a whole number, not {times:?}");
        std::process::exit(2);
    };
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = match ruxue_core::load_corpus(&root.join("data")) {
        Ok(corpus) => corpus,
        Err(problems) => {
            for p in problems {
                eprintln!("{}:{}: {}", p.file.display(), p.line, p.message);
            }
            std::process::exit(1);
        }
    };
    let mut bigger = corpus.repeated(times);
    perturb_copies(&mut bigger, corpus.documents.len());
    let bytes = ruxue_core::bundle::encode(&bigger);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("scale_corpus: writing {out}: {e}");
        std::process::exit(1);
    }
    let clauses: usize = bigger.documents.iter().map(|d| d.clauses.len()).sum();
    println!(
        "scale_corpus: {} documents, {clauses} clauses, {} bytes -> {out}",
        bigger.documents.len(),
        bytes.len()
    );
    let start = std::time::Instant::now();
    let index = ruxue_core::search::SearchIndex::build(&bigger);
    let build_ms = start.elapsed().as_secs_f64() * 1000.0;
    drop(index);
    let start = std::time::Instant::now();
    let files = ruxue_core::bundle::split(&bigger);
    let split_ms = start.elapsed().as_secs_f64() * 1000.0;
    let shard_bytes: usize = files.index.iter().map(|(_, b)| b.len()).sum();
    let largest = files.index.iter().map(|(_, b)| b.len()).max().unwrap_or(0);
    println!(
        "scale_corpus: index {} shards, {shard_bytes} bytes raw (largest {largest}); data files split in {split_ms:.0} ms",
        files.index.len()
    );
    println!("index_build_ms={build_ms:.0}");
}

/// splitmix64: a fixed, dependency-free sequence; the data only has to be the same each run.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Replaces one character in four of every clause after the first `originals` documents.
fn perturb_copies(corpus: &mut ruxue_core::Corpus, originals: usize) {
    let pool: Vec<char> = corpus.documents[..originals]
        .iter()
        .flat_map(|d| d.clauses.iter().flat_map(|c| c.text.chars()))
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut sequence = Sequence(2026);
    for document in &mut corpus.documents[originals..] {
        for clause in &mut document.clauses {
            clause.text = clause
                .text
                .chars()
                .map(|c| {
                    let roll = sequence.next();
                    if c.is_whitespace() || !roll.is_multiple_of(4) {
                        c
                    } else {
                        pool[(roll >> 8) as usize % pool.len()]
                    }
                })
                .collect();
        }
    }
}
