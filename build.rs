//! How the `lantern` program is linked on Linux with glibc; the library, the tests'
//! harness and the proc-macros the build uses are left as they are, and elsewhere
//! (macOS, musl) the platform's defaults stand.
//!
//! - At a fixed address (non-PIE). A position-independent program has some 44,000
//!   addresses for the dynamic loader to patch at every start, touching a megabyte of
//!   pages: linked at a fixed address, `lantern search` takes about a tenth less CPU
//!   and the app's first screen about 2 MiB less memory.
//! - With the functions a start runs side by side (`link/startup.order`, written by
//!   `link/startup-order.sh`), when the linker is LLD, Rust's own on x86-64 Linux.
//!   The kernel maps code 64 kB around each first touch; scattered, those functions
//!   made 8.5 MB of the program resident at the first screen, together about 3.5.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" || env != "gnu" {
        return;
    }
    println!("cargo:rustc-link-arg-bins=-no-pie");

    let order = Path::new(env!("CARGO_MANIFEST_DIR")).join("link/startup.order");
    println!("cargo:rerun-if-changed={}", order.display());
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    if order.is_file() && links_with_lld() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            order.display()
        );
        // Names that are gone since the order was written only lose their place.
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the program is linked by LLD: Rust links x86-64 Linux programs with its own
/// LLD from 1.90 on, unless a linker or linker flags are chosen. Another linker would
/// refuse LLD's option, so anything else leaves the order out.
fn links_with_lld() -> bool {
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if arch != "x86_64" {
        return false;
    }
    if std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some() {
        return false;
    }
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if ["linker", "fuse-ld", "link-self-contained"]
        .iter()
        .any(|chosen| flags.contains(chosen))
    {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("--version").output() else {
        return false;
    };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = String::from_utf8_lossy(&out.stdout);
    let minor = version
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.split('.').nth(1))
        .and_then(|m| m.parse::<u32>().ok());
    minor.is_some_and(|m| m >= 90)
}
