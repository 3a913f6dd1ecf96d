//! The vault unlocked once per process: scrypt (about a second and 256 MB at the default work
//! factor) runs once, when the vault is first opened or created; later writes and re-reads in
//! the same process reuse what it unlocked.
//!
//! How, within the age format (files stay readable by `age -d` and by older Tokenwarden): an
//! age file is a header (the scrypt stanza, which wraps a random 128-bit file key, and a MAC
//! made with that key) followed by a 16-byte random nonce and the payload, encrypted under
//! HKDF(file key, nonce). A later version of the vault keeps the header and file key and
//! draws a fresh nonce, so each version still has its own payload key, and the stanza is the
//! very same bytes (nothing new about the passphrase is revealed). Only scrypt is skipped.
//! A file whose header differs (another process wrote it with another key) is unlocked with
//! scrypt as before, and its key is kept from then on.

use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use age::secrecy::ExposeSecret;
use age_core::format::{FILE_KEY_BYTES, FileKey, Stanza};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use zeroize::Zeroizing;

/// age's STREAM chunk: 64 KiB of plaintext, each sealed with ChaCha20-Poly1305.
const CHUNK_SIZE: usize = 64 * 1024;
const PAYLOAD_NONCE_SIZE: usize = 16;
const SCRYPT_TAG: &str = "scrypt";

type RawKey = Zeroizing<[u8; FILE_KEY_BYTES]>;

/// A vault version's header with the file key it wraps.
pub(super) struct UnlockedKey {
    header: Vec<u8>,
    file_key: RawKey,
    /// The scrypt work factor of the header, so a changed setting gets a new header.
    pub(super) work_factor: u8,
}

impl UnlockedKey {
    pub(super) fn new(file: &[u8], file_key: RawKey, work_factor: u8) -> Option<UnlockedKey> {
        Some(UnlockedKey {
            header: file[..header_len(file)?].to_vec(),
            file_key,
            work_factor,
        })
    }

    /// Whether `file` is a version made with this key (same header bytes).
    pub(super) fn opens(&self, file: &[u8]) -> bool {
        header_len(file).is_some_and(|n| file[..n] == self.header[..])
    }

    pub(super) fn file_key(&self) -> RawKey {
        self.file_key.clone()
    }

    /// A new age file of `plain` under this header and file key, with a fresh payload nonce.
    pub(super) fn seal(&self, plain: &[u8]) -> Result<Vec<u8>, String> {
        let mut nonce = [0u8; PAYLOAD_NONCE_SIZE];
        getrandom::getrandom(&mut nonce).map_err(|e| format!("no random numbers ({e})"))?;
        let payload_key = Zeroizing::new(age_core::primitives::hkdf(
            &nonce,
            b"payload",
            &self.file_key[..],
        ));
        let aead = ChaCha20Poly1305::new(Key::from_slice(&payload_key[..]));
        let chunks: Vec<&[u8]> = if plain.is_empty() {
            vec![&[]]
        } else {
            plain.chunks(CHUNK_SIZE).collect()
        };
        let mut out = Vec::with_capacity(
            self.header.len() + PAYLOAD_NONCE_SIZE + plain.len() + 16 * chunks.len(),
        );
        out.extend_from_slice(&self.header);
        out.extend_from_slice(&nonce);
        for (i, chunk) in chunks.iter().enumerate() {
            // 11 bytes of big-endian counter, then 1 for the last chunk, else 0.
            let mut n = [0u8; 12];
            n[..11].copy_from_slice(&(i as u128).to_be_bytes()[5..]);
            n[11] = u8::from(i + 1 == chunks.len());
            let sealed = aead
                .encrypt(Nonce::from_slice(&n), *chunk)
                .map_err(|_| "the payload could not be encrypted".to_string())?;
            out.extend_from_slice(&sealed);
        }
        Ok(out)
    }
}

/// The length of an age file's header: through the end of its `--- MAC` line. Stanza bodies
/// are base64, so that line is the only one starting with `---`.
fn header_len(file: &[u8]) -> Option<usize> {
    let mac = file.windows(5).position(|w| w == b"\n--- ")?;
    let end = file[mac + 1..].iter().position(|b| *b == b'\n')?;
    Some(mac + 1 + end + 1)
}

fn copy_key(key: &FileKey) -> RawKey {
    Zeroizing::new(*key.expose_secret())
}

/// Counts scrypt runs, for the tests and benchmarks that prove it ran once.
#[derive(Debug, Default)]
pub(super) struct KdfCounter(AtomicUsize);

impl KdfCounter {
    fn add(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    pub(super) fn get(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

/// age's scrypt identity that hands back a known file key without scrypt, and keeps the key
/// it unwrapped otherwise.
pub(super) struct KeepingIdentity<'a> {
    pub(super) scrypt: age::scrypt::Identity,
    /// The key of a header already unlocked (`UnlockedKey::opens` said so).
    pub(super) known: Option<RawKey>,
    pub(super) kept: Mutex<Option<RawKey>>,
    pub(super) runs: &'a KdfCounter,
}

impl age::Identity for KeepingIdentity<'_> {
    fn unwrap_stanza(&self, stanza: &Stanza) -> Option<Result<FileKey, age::DecryptError>> {
        if stanza.tag != SCRYPT_TAG {
            return None;
        }
        let key = match &self.known {
            // age still checks the header's MAC with it before any payload is read.
            Some(k) => Ok(FileKey::new(Box::new(**k))),
            None => {
                self.runs.add();
                self.scrypt.unwrap_stanza(stanza)?
            }
        };
        if let Ok(k) = &key {
            *self.kept.lock().unwrap_or_else(|e| e.into_inner()) = Some(copy_key(k));
        }
        Some(key)
    }
}

/// age's scrypt recipient that keeps the file key it wraps.
pub(super) struct KeepingRecipient<'a> {
    pub(super) scrypt: age::scrypt::Recipient,
    pub(super) kept: Mutex<Option<RawKey>>,
    pub(super) runs: &'a KdfCounter,
}

impl age::Recipient for KeepingRecipient<'_> {
    fn wrap_file_key(
        &self,
        file_key: &FileKey,
    ) -> Result<(Vec<Stanza>, HashSet<String>), age::EncryptError> {
        self.runs.add();
        let wrapped = self.scrypt.wrap_file_key(file_key)?;
        *self.kept.lock().unwrap_or_else(|e| e.into_inner()) = Some(copy_key(file_key));
        Ok(wrapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::SecretString;
    use std::io::{Read, Write};

    fn age_encrypt(plain: &[u8], runs: &KdfCounter) -> (Vec<u8>, RawKey) {
        let mut scrypt = age::scrypt::Recipient::new(SecretString::from("pw".to_string()));
        scrypt.set_work_factor(10);
        let r = KeepingRecipient {
            scrypt,
            kept: Mutex::new(None),
            runs,
        };
        let enc = age::Encryptor::with_recipients(std::iter::once(&r as _)).unwrap();
        let mut out = vec![];
        let mut w = enc.wrap_output(&mut out).unwrap();
        w.write_all(plain).unwrap();
        w.finish().unwrap();
        let key = r.kept.lock().unwrap().take().unwrap();
        (out, key)
    }

    /// What plain age (a fresh process, or `age -d`) reads from `file`.
    fn age_decrypt(file: &[u8]) -> Vec<u8> {
        let d = age::Decryptor::new_buffered(file).unwrap();
        let id = age::scrypt::Identity::new(SecretString::from("pw".to_string()));
        let mut r = d.decrypt(std::iter::once(&id as _)).unwrap();
        let mut plain = vec![];
        r.read_to_end(&mut plain).unwrap();
        plain
    }

    #[test]
    fn a_resealed_vault_is_a_plain_age_file_with_a_fresh_nonce() {
        let runs = KdfCounter::default();
        let (first, key) = age_encrypt(b"version 1", &runs);
        let unlocked = UnlockedKey::new(&first, key, 10).unwrap();
        assert!(unlocked.opens(&first));
        // Empty, short, exactly one chunk, and more than one chunk.
        for len in [0, 5, CHUNK_SIZE, CHUNK_SIZE * 2 + 7] {
            let plain: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let again = unlocked.seal(&plain).unwrap();
            assert_eq!(age_decrypt(&again), plain, "length {len}");
            assert!(unlocked.opens(&again));
            let nonce = |f: &[u8]| f[header_len(f).unwrap()..][..PAYLOAD_NONCE_SIZE].to_vec();
            assert_ne!(nonce(&again), nonce(&first), "a fresh payload nonce");
        }
        assert_eq!(runs.get(), 1, "scrypt ran for the first file only");
        let (other, _) = age_encrypt(b"version 1", &runs);
        assert!(!unlocked.opens(&other), "another header is not this key's");
    }

    #[test]
    fn a_known_header_is_opened_without_scrypt_and_a_wrong_key_is_refused() {
        let runs = KdfCounter::default();
        let (file, key) = age_encrypt(b"secrets", &runs);
        let open = |known: Option<RawKey>| {
            let id = KeepingIdentity {
                scrypt: age::scrypt::Identity::new(SecretString::from("pw".to_string())),
                known,
                kept: Mutex::new(None),
                runs: &runs,
            };
            let d = age::Decryptor::new_buffered(&file[..]).unwrap();
            let mut plain = vec![];
            d.decrypt(std::iter::once(&id as _))
                .map_err(|e| e.to_string())?
                .read_to_end(&mut plain)
                .map_err(|e| e.to_string())?;
            Ok::<_, String>(plain)
        };
        assert_eq!(open(Some(key.clone())).unwrap(), b"secrets");
        assert_eq!(runs.get(), 1, "no scrypt for a known header");
        assert!(open(Some(Zeroizing::new([7; FILE_KEY_BYTES]))).is_err());
        assert_eq!(open(None).unwrap(), b"secrets");
        assert_eq!(runs.get(), 2);
    }
}
