//! Compiles `data/` into the bundle the app embeds, through the same `ruxue-core` code as
//! `ruxue check`. Malformed data fails the build here, with every `file:line: message`.
//!
//! `RUXUE_DATA_DIR=/path/to/data` builds from another data folder instead: a bureau's staging
//! copy, or the end-to-end test that sets a report address in a copy of `data/site.toml`.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=RUXUE_DATA_DIR");
    let data = std::env::var_os("RUXUE_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("data"));
    // Cargo re-runs this script when anything under the data folder changes.
    println!("cargo:rerun-if-changed={}", data.display());
    match ruxue_core::bundle::compile(&data, &root) {
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
