//! How the OpenSSL inside SQLCipher starts: without its table of error strings,
//! without reading an `openssl.cnf`, and drawing random bytes straight from the
//! operating system.

use std::ffi::{c_double, c_int, c_uchar, c_void};

/// OpenSSL's `RAND_METHOD`: the functions `RAND_bytes` and its kin call.
#[repr(C)]
struct RandMethod {
    seed: Option<unsafe extern "C" fn(*const c_void, c_int) -> c_int>,
    bytes: Option<unsafe extern "C" fn(*mut c_uchar, c_int) -> c_int>,
    cleanup: Option<unsafe extern "C" fn()>,
    add: Option<unsafe extern "C" fn(*const c_void, c_int, c_double) -> c_int>,
    pseudorand: Option<unsafe extern "C" fn(*mut c_uchar, c_int) -> c_int>,
    status: Option<unsafe extern "C" fn() -> c_int>,
}

extern "C" {
    // From the OpenSSL that SQLCipher is built with (libsqlite3-sys, vendored).
    fn OPENSSL_init_crypto(opts: u64, settings: *const c_void) -> c_int;
    fn RAND_set_rand_method(method: *const RandMethod) -> c_int;
}

/// Fills `buf` from the operating system's random source (`getrandom(2)` on Linux):
/// the source OpenSSL's own generator seeds itself from.
unsafe extern "C" fn system_bytes(buf: *mut c_uchar, num: c_int) -> c_int {
    let Ok(len) = usize::try_from(num) else {
        return 0;
    };
    if len == 0 {
        return 1;
    }
    if buf.is_null() {
        return 0;
    }
    // SAFETY: OpenSSL passes a buffer of `num` writable bytes.
    let out = unsafe { std::slice::from_raw_parts_mut(buf, len) };
    c_int::from(getrandom::fill(out).is_ok())
}

/// The system's source needs no seeding: what is offered is ignored, as the kernel
/// mixes its own.
unsafe extern "C" fn ignore_seed(_buf: *const c_void, _num: c_int) -> c_int {
    1
}

unsafe extern "C" fn ignore_add(_buf: *const c_void, _num: c_int, _entropy: c_double) -> c_int {
    1
}

unsafe extern "C" fn always_ready() -> c_int {
    1
}

static SYSTEM_RANDOM: RandMethod = RandMethod {
    seed: Some(ignore_seed),
    bytes: Some(system_bytes),
    cleanup: None,
    add: Some(ignore_add),
    pseudorand: Some(system_bytes),
    status: Some(always_ready),
};

/// Starts OpenSSL, once, before SQLCipher's start-up would start it its own way.
///
/// - Without the table of error strings: they were a tenth of a plaintext command's
///   time and are only ever used in SQLCipher's log, which is off.
/// - Without an `openssl.cnf`: the machine's configuration (or that of where OpenSSL
///   was built) could swap the providers that encrypt the diary, and Lantern's
///   encryption should not change with it.
/// - Random bytes from the operating system. SQLCipher's start-up draws a seed for its
///   memory mask even when no diary is encrypted, and OpenSSL's own generator started
///   its providers and a deterministic generator for that, another tenth of a plaintext
///   command. The kernel's source is the one that generator seeds from, so salts and
///   page IVs are as unpredictable as before.
///
/// Keying, key derivation and encryption are unchanged.
pub(crate) fn start() {
    const NO_LOAD_CRYPTO_STRINGS: u64 = 0x0000_0001;
    const NO_LOAD_CONFIG: u64 = 0x0000_0080;
    // SAFETY: called once, with no settings, before anything else uses OpenSSL. A
    // failure leaves OpenSSL to start as it would have, so it is not an error.
    let _ =
        unsafe { OPENSSL_init_crypto(NO_LOAD_CRYPTO_STRINGS | NO_LOAD_CONFIG, std::ptr::null()) };
    // SAFETY: the method is a static that lives as long as the process, and is set
    // before SQLCipher or anything else asks OpenSSL for a random byte. If setting it
    // fails, OpenSSL keeps its own generator, which is just as sound.
    let _ = unsafe { RAND_set_rand_method(&SYSTEM_RANDOM) };
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" {
        fn RAND_bytes(buf: *mut c_uchar, num: c_int) -> c_int;
    }

    #[test]
    fn random_bytes_come_from_the_system_and_differ() {
        start();
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        // SAFETY: both buffers hold 32 writable bytes.
        let (ra, rb) = unsafe {
            (
                RAND_bytes(a.as_mut_ptr(), 32),
                RAND_bytes(b.as_mut_ptr(), 32),
            )
        };
        assert_eq!((ra, rb), (1, 1));
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 32]);
    }

    #[test]
    fn odd_sizes_are_refused_or_trivially_done() {
        // SAFETY: a null buffer with a negative or zero length is never written.
        unsafe {
            assert_eq!(system_bytes(std::ptr::null_mut(), -1), 0);
            assert_eq!(system_bytes(std::ptr::null_mut(), 0), 1);
            assert_eq!(system_bytes(std::ptr::null_mut(), 4), 0);
        }
    }
}
