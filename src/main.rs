//! The wasm entry point that trunk builds.

fn main() {
    ruxue_web::start();
}
