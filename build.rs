//! Compiles `data/` into the bundle the app embeds, through the same `ruxue-core` code as
//! `ruxue check`. Malformed data fails the build here, with every `file:line: message`.

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    // Cargo re-runs this script when anything under data/ changes.
    println!("cargo:rerun-if-changed=data");
    let corpus = match ruxue_core::load_corpus(&data) {
        Ok(corpus) => corpus,
        Err(problems) => {
            for problem in &problems {
                let relative = problem.file.strip_prefix(&root).unwrap_or(&problem.file);
                eprintln!("{}:{}: {}", relative.display(), problem.line, problem.message);
            }
            eprintln!("error: data/ has {} problem(s); fix them (`make check` lists them) and build again", problems.len());
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, ruxue_core::bundle::encode(&corpus)).expect("OUT_DIR is writable");
}
