//! Prints the prerendered `<body>` markup of the pages named on the command line (feature
//! `ssr`): `cargo run --no-default-features --features ssr --bin ruxue-prerender -- /guide`.

use ruxue_web::i18n::Lang;
use ruxue_web::prerender::render_page;

fn main() {
    for path in std::env::args().skip(1) {
        println!("{}", render_page(&path, Lang::Zh));
    }
}
