//! The wasm entry point that trunk builds. (Natively the crate only renders pages: see
//! `src/bin/prerender.rs`.)

fn main() {
    #[cfg(target_arch = "wasm32")]
    ruxue_web::start();
}
