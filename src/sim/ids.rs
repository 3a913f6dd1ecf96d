//! Real-looking random strings (tokens, trace ids, device codes) and the simulator's clock.

use sha2::{Digest, Sha256};

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Length of the base62 run after "EAA": real Meta tokens are 150–250 characters long.
const TOKEN_BODY_LEN: usize = 160;

/// Current unix time in seconds.
pub(crate) fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

pub(crate) const HOUR: i64 = 3600;
pub(crate) const DAY: i64 = 24 * HOUR;
/// What Meta answers as `expires_in` for a fresh long-lived token (~60 days).
pub(crate) const LONG_LIVED_SECS: i64 = 5_183_944;
/// The 90-day data-access window.
pub(crate) const DATA_ACCESS_SECS: i64 = 90 * DAY;

fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 16);
    while out.len() < n {
        out.extend_from_slice(uuid::Uuid::new_v4().as_bytes());
    }
    out.truncate(n);
    out
}

/// Bytes derived from a seed, so the named demo tokens are the same on every run (their
/// fingerprints then stay stable in screenshots and training notes).
fn seeded_bytes(seed: &str, n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n + 32);
    let mut counter = 0u32;
    while out.len() < n {
        let mut h = Sha256::new();
        h.update(seed.as_bytes());
        h.update(counter.to_be_bytes());
        out.extend_from_slice(&h.finalize());
        counter += 1;
    }
    out.truncate(n);
    out
}

fn base62(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| BASE62[usize::from(*b) % BASE62.len()] as char)
        .collect()
}

/// A random run of base62 characters.
pub(crate) fn random_base62(len: usize) -> String {
    base62(&random_bytes(len))
}

/// A fresh random token string: "EAA" + a long base62 run.
pub(crate) fn random_token() -> String {
    format!("EAA{}", base62(&random_bytes(TOKEN_BODY_LEN)))
}

/// A token string that depends only on `seed` (used for the named scenario tokens).
pub(crate) fn seeded_token(seed: &str) -> String {
    format!(
        "EAA{}",
        base62(&seeded_bytes(
            &format!("tokenwarden-sim:{seed}"),
            TOKEN_BODY_LEN
        ))
    )
}

/// An `fbtrace_id` / `x-fb-trace-id` value: 11 base62 characters.
pub(crate) fn random_trace_id() -> String {
    base62(&random_bytes(11))
}

/// A random run of lowercase hex digits.
pub(crate) fn random_hex(len: usize) -> String {
    let mut s = hex::encode(random_bytes(len.div_ceil(2)));
    s.truncate(len);
    s
}

/// A device-login user code such as "ABCD1234" (no I/O/0/1 to avoid misreading).
pub(crate) fn random_user_code() -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"23456789";
    let b = random_bytes(8);
    let letters = b[..4]
        .iter()
        .map(|x| LETTERS[usize::from(*x) % LETTERS.len()] as char);
    let digits = b[4..]
        .iter()
        .map(|x| DIGITS[usize::from(*x) % DIGITS.len()] as char);
    letters.chain(digits).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_look_real() {
        let t = random_token();
        assert!(t.starts_with("EAA"));
        assert_eq!(t.len(), 3 + TOKEN_BODY_LEN);
        assert!(t.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(t, random_token());
        assert_eq!(seeded_token("a"), seeded_token("a"));
        assert_ne!(seeded_token("a"), seeded_token("b"));
    }

    #[test]
    fn user_codes_are_eight_characters() {
        let c = random_user_code();
        assert_eq!(c.len(), 8);
        assert!(c[..4].chars().all(|c| c.is_ascii_uppercase()));
        assert!(c[4..].chars().all(|c| c.is_ascii_digit()));
        assert_eq!(random_hex(32).len(), 32);
    }
}
