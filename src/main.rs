//! The browser entry point. Natively there is nothing to run: the core is tested with `cargo test`
//! and used from the command line through `assess`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    exporter_assessment::start();
}
