//! A token or app secret in memory: zeroized on drop, masked in `Debug`/`Display`.
//!
//! Nothing prints a `Secret` by accident; the only way to the text is `expose()`, which the code
//! calls at the edge where the secret goes over the wire or into a secret store.

use sha2::{Digest, Sha256};
use std::fmt;
use zeroize::Zeroizing;

/// The least length of a new passphrase (a vault's, a backup's), in the window and the CLI.
pub const MIN_NEW_PASSPHRASE_CHARS: usize = 8;

#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(text: impl Into<String>) -> Self {
        Secret(Zeroizing::new(text.into()))
    }

    /// The secret text; call only where it leaves the process (HTTP, secret store).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `sha256:` + the first 12 hex digits of the SHA-256: lets two people compare tokens
    /// without showing them.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(self.expose())
    }
}

pub fn fingerprint_of(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("sha256:{}", &hex::encode(digest)[..12])
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret(••••••, {} chars)", self.0.len())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("••••••")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_text() {
        let s = Secret::new("EAAB-very-secret-token");
        assert!(!format!("{s:?}").contains("very-secret"));
        assert!(!format!("{s}").contains("very-secret"));
        assert_eq!(s.expose(), "EAAB-very-secret-token");
    }

    #[test]
    fn fingerprint_is_sha256_prefix() {
        // sha256("abc") = ba7816bf8f01cfea...
        assert_eq!(fingerprint_of("abc"), "sha256:ba7816bf8f01");
        assert_ne!(
            Secret::new("a").fingerprint(),
            Secret::new("b").fingerprint()
        );
    }
}
