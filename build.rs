//! Compiles `data/` into the bundle the app embeds, through the same `ruxue-core` code as
//! `ruxue check`. Malformed data fails the build here, with every `file:line: message`.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    // Cargo re-runs this script when anything under data/ changes.
    println!("cargo:rerun-if-changed=data");
    match ruxue_core::bundle::compile(&root.join("data"), &root) {
        Ok(bundle) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
                .join("corpus.bin");
            std::fs::write(out, bundle).expect("OUT_DIR is writable");
        }
        Err(report) => {
            eprintln!("{report}");
            std::process::exit(1);
        }
    }
}
