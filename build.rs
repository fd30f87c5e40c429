//! Links the `lantern` program as a fixed-address (non-PIE) executable on Linux with
//! glibc. A position-independent one has some 44,000 addresses for the dynamic loader
//! to patch at every start, touching a megabyte of pages: linked at a fixed address,
//! `lantern search` takes about a tenth less CPU and the app's first screen about
//! 2 MiB less memory. Only the program is linked this way: the library, the tests'
//! harness and the proc-macros the build uses are left as they are. Elsewhere
//! (macOS, musl) the platform's default stands.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
