//! The encrypted vault: one age file (`vault.age`, passphrase/scrypt) in the profile folder,
//! holding a JSON map of secret reference → secret. For machines without a usable keychain.
//!
//! Writes lock `vault.lock` (never `catalog.lock`: callers may hold that one while saving a
//! secret), decrypt, change, encrypt and replace the file atomically. Reads keep the decrypted
//! map in memory, keyed by the file's identity, so one process does not run scrypt for every get.

use std::collections::{BTreeMap, HashMap};
use std::fs::Metadata;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::Profile;
use super::atomic::write_atomic;
use super::lock::FileLock;
use super::secrets::{Expected, SecretError, SecretStore, SecretStoreKind};
use super::vault_key::{KdfCounter, KeepingIdentity, KeepingRecipient, UnlockedKey};
use crate::model::{Secret, SecretRef};

/// For tests and slow machines only: the scrypt work factor (log2 N, 10..=20) for new writes.
pub const WORK_FACTOR_ENV: &str = "TOKENWARDEN_VAULT_WORK_FACTOR";
/// log2 N = 18 takes about a second on a current laptop: slow for guessing, fine for a human.
pub const DEFAULT_WORK_FACTOR: u8 = 18;
const MIN_WORK_FACTOR: u8 = 10;
/// Decryption refuses more than this before any scrypt work, so a planted file cannot make us
/// work for minutes (each step up doubles time and memory: 20 is about 4 s and 1 GiB).
pub(crate) const MAX_WORK_FACTOR: u8 = 20;
/// The layout of the JSON inside the age file.
const VAULT_FORMAT: u32 = 1;

type Entries = HashMap<String, Secret>;

pub struct VaultStore {
    path: PathBuf,
    lock_path: PathBuf,
    passphrase: Secret,
    work_factor: u8,
    cache: Mutex<Option<Cached>>,
    /// What scrypt unlocked, reused by later writes and reads (see `vault_key`).
    unlocked: Mutex<Option<UnlockedKey>>,
    kdf_runs: KdfCounter,
}

struct Cached {
    stamp: Stamp,
    entries: Entries,
}

/// Identifies one version of the vault file: every write renames a new file into place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    file_id: u64,
}

impl Stamp {
    const MISSING: Stamp = Stamp {
        len: 0,
        modified: None,
        file_id: u64::MAX,
    };

    fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        let file_id = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let file_id = 0;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            file_id,
        }
    }
}

impl VaultStore {
    /// Opens the profile's vault with the work factor from `TOKENWARDEN_VAULT_WORK_FACTOR`
    /// (default 18). An existing vault is decrypted once now, so a wrong passphrase is
    /// reported at once; a missing one is created on the first `set`.
    pub fn open(profile: &Profile, passphrase: Secret) -> Result<VaultStore, SecretError> {
        Self::open_with_work_factor(profile, passphrase, work_factor_from_env()?)
    }

    /// As `open`, with an explicit scrypt work factor (clamped to 10..=20) for new writes.
    pub fn open_with_work_factor(
        profile: &Profile,
        passphrase: Secret,
        work_factor: u8,
    ) -> Result<VaultStore, SecretError> {
        if passphrase.is_empty() {
            return Err(SecretError::NoPassphrase);
        }
        let store = VaultStore {
            path: profile.vault_path(),
            lock_path: profile.vault_lock_path(),
            passphrase,
            work_factor: work_factor.clamp(MIN_WORK_FACTOR, MAX_WORK_FACTOR),
            cache: Mutex::new(None),
            unlocked: Mutex::new(None),
            kdf_runs: KdfCounter::default(),
        };
        store.current(&mut store.cache())?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many times this store ran scrypt (for tests and benchmarks: once per process).
    pub fn key_derivations(&self) -> usize {
        self.kdf_runs.get()
    }

    fn unlocked(&self) -> MutexGuard<'_, Option<UnlockedKey>> {
        self.unlocked.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn cache(&self) -> MutexGuard<'_, Option<Cached>> {
        // The cache is only ever replaced whole, so a panic elsewhere cannot leave it torn.
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The entries as the file holds them now, decrypting only when the file changed.
    fn current<'a>(&self, cache: &'a mut Option<Cached>) -> Result<&'a Entries, SecretError> {
        let file = match super::private::open_read(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let empty = Cached {
                    stamp: Stamp::MISSING,
                    entries: Entries::new(),
                };
                return Ok(&cache.insert(empty).entries);
            }
            Err(e) => return Err(self.io_error(e)),
        };
        // Stamp and bytes come from the same open file, so a concurrent replace cannot mix them.
        let stamp = Stamp::of(&file.metadata().map_err(|e| self.io_error(e))?);
        let cached = match cache.take() {
            Some(c) if c.stamp == stamp => c,
            _ => {
                let mut bytes = Vec::with_capacity(usize::try_from(stamp.len).unwrap_or(0));
                (&file)
                    .read_to_end(&mut bytes)
                    .map_err(|e| self.io_error(e))?;
                Cached {
                    stamp,
                    entries: self.decrypt(&bytes)?,
                }
            }
        };
        Ok(&cache.insert(cached).entries)
    }

    /// Locked read–change–write; `change` returns whether it changed anything.
    fn change(&self, change: impl FnOnce(&mut Entries) -> bool) -> Result<(), SecretError> {
        let _lock = FileLock::exclusive(&self.lock_path).map_err(|e| self.io_error(e))?;
        let mut cache = self.cache();
        let mut entries = self.current(&mut cache)?.clone();
        if !change(&mut entries) {
            return Ok(());
        }
        let bytes = self.encrypt(&entries)?;
        write_atomic(&self.path, &bytes).map_err(|e| self.io_error(e))?;
        // Still under the vault lock: nobody else can have replaced the file since.
        let stamp =
            Stamp::of(&std::fs::symlink_metadata(&self.path).map_err(|e| self.io_error(e))?);
        *cache = Some(Cached { stamp, entries });
        Ok(())
    }

    fn age_passphrase(&self) -> SecretString {
        SecretString::from(self.passphrase.expose().to_owned())
    }

    fn encrypt(&self, entries: &Entries) -> Result<Vec<u8>, SecretError> {
        let failed = |e: String| self.io_error(io::Error::other(format!("encryption failed: {e}")));
        let plain = to_json(entries);
        let mut unlocked = self.unlocked();
        if let Some(key) = unlocked
            .as_ref()
            .filter(|k| k.work_factor == self.work_factor)
        {
            return key.seal(&plain).map_err(failed);
        }
        let mut scrypt = age::scrypt::Recipient::new(self.age_passphrase());
        scrypt.set_work_factor(self.work_factor);
        let recipient = KeepingRecipient {
            scrypt,
            kept: Mutex::new(None),
            runs: &self.kdf_runs,
        };
        let encrypt = || -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
            let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))?;
            let mut out = Vec::with_capacity(plain.len() + 512);
            let mut writer = encryptor.wrap_output(&mut out)?;
            writer.write_all(&plain)?;
            writer.finish()?;
            Ok(out)
        };
        let out = encrypt().map_err(|e| failed(e.to_string()))?;
        let kept = recipient
            .kept
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        *unlocked = kept.and_then(|k| UnlockedKey::new(&out, k, self.work_factor));
        Ok(out)
    }

    fn decrypt(&self, bytes: &[u8]) -> Result<Entries, SecretError> {
        use age::DecryptError as D;
        let damaged = |detail: String| SecretError::VaultDamaged { detail };
        if let Some(log_n) = scrypt_work_factor(bytes)
            && log_n > MAX_WORK_FACTOR
        {
            return Err(damaged(too_much_work(&self.name(), log_n)));
        }
        let decryptor = age::Decryptor::new_buffered(bytes)
            .map_err(|e| damaged(format!("{} is not a complete age file ({e})", self.name())))?;
        if !decryptor.is_scrypt() {
            return Err(damaged(format!(
                "{} is not protected by a passphrase",
                self.name()
            )));
        }
        let mut scrypt = age::scrypt::Identity::new(self.age_passphrase());
        scrypt.set_max_work_factor(MAX_WORK_FACTOR);
        let mut unlocked = self.unlocked();
        let identity = KeepingIdentity {
            scrypt,
            known: unlocked
                .as_ref()
                .filter(|k| k.opens(bytes))
                .map(UnlockedKey::file_key),
            kept: Mutex::new(None),
            runs: &self.kdf_runs,
        };
        let mut reader =
            decryptor
                .decrypt(std::iter::once(&identity as _))
                .map_err(|e| match e {
                    D::DecryptionFailed | D::KeyDecryptionFailed | D::NoMatchingKeys => {
                        SecretError::WrongPassphrase
                    }
                    D::ExcessiveWork { required, .. } => {
                        damaged(too_much_work(&self.name(), required))
                    }
                    other => damaged(format!("{} ({other})", self.name())),
                })?;
        let mut plain = Zeroizing::new(Vec::with_capacity(bytes.len()));
        reader
            .read_to_end(&mut plain)
            .map_err(|e| damaged(format!("{} is cut short or altered ({e})", self.name())))?;
        let entries = from_json(&plain).map_err(|detail| {
            damaged(format!("{} holds unexpected data ({detail})", self.name()))
        })?;
        let kept = identity
            .kept
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let log_n = scrypt_work_factor(bytes).unwrap_or(self.work_factor);
        if let Some(key) = kept.and_then(|k| UnlockedKey::new(bytes, k, log_n)) {
            *unlocked = Some(key);
        }
        Ok(entries)
    }

    fn name(&self) -> String {
        self.path.display().to_string()
    }

    fn io_error(&self, source: io::Error) -> SecretError {
        SecretError::Io {
            path: self.path.clone(),
            source,
        }
    }
}

impl std::fmt::Debug for VaultStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaultStore")
            .field("path", &self.path)
            .field("work_factor", &self.work_factor)
            .finish_non_exhaustive()
    }
}

impl SecretStore for VaultStore {
    fn kind(&self) -> SecretStoreKind {
        SecretStoreKind::Vault
    }

    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError> {
        let mut cache = self.cache();
        let entries = self.current(&mut cache)?;
        entries
            .get(&r.0)
            .cloned()
            .ok_or_else(|| SecretError::Missing(r.clone()))
    }

    /// One look at the file (and at most one decryption) for all of them.
    fn get_all(&self, refs: &[SecretRef]) -> Result<Vec<Secret>, SecretError> {
        let mut cache = self.cache();
        let entries = self.current(&mut cache)?;
        refs.iter()
            .map(|r| {
                entries
                    .get(&r.0)
                    .cloned()
                    .ok_or_else(|| SecretError::Missing(r.clone()))
            })
            .collect()
    }

    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError> {
        self.change(|entries| {
            let changed = entries.get(&r.0) != Some(value);
            entries.insert(r.0.clone(), value.clone());
            changed
        })
    }

    fn set_all(&self, new: &[(SecretRef, Secret)]) -> Result<(), SecretError> {
        self.change(|entries| {
            let mut changed = false;
            for (r, value) in new {
                changed |= entries.get(&r.0) != Some(value);
                entries.insert(r.0.clone(), value.clone());
            }
            changed
        })
    }

    fn delete(&self, r: &SecretRef) -> Result<(), SecretError> {
        self.change(|entries| entries.remove(&r.0).is_some())
    }

    fn delete_all(&self, refs: &[SecretRef]) -> Result<(), SecretError> {
        self.change(|entries| {
            let before = entries.len();
            for r in refs {
                entries.remove(&r.0);
            }
            entries.len() != before
        })
    }
}

#[derive(Serialize)]
struct VaultOut<'a> {
    format: u32,
    secrets: BTreeMap<&'a str, &'a str>,
}

#[derive(Deserialize)]
struct VaultIn {
    format: u32,
    secrets: BTreeMap<String, String>,
}

fn to_json(entries: &Entries) -> Zeroizing<Vec<u8>> {
    let out = VaultOut {
        format: VAULT_FORMAT,
        secrets: entries
            .iter()
            .map(|(k, v)| (k.as_str(), v.expose()))
            .collect(),
    };
    // Room for everything up front, so growing the buffer leaves no stray copies behind.
    let room = 64
        + entries
            .iter()
            .map(|(k, v)| 8 + 2 * (k.len() + v.expose().len()))
            .sum::<usize>();
    let mut buf = Zeroizing::new(Vec::with_capacity(room));
    // Writing plain strings into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, &out);
    buf
}

fn from_json(plain: &[u8]) -> Result<Entries, String> {
    let parsed: VaultIn = serde_json::from_slice(plain).map_err(|e| e.to_string())?;
    if parsed.format > VAULT_FORMAT {
        return Err("it was written by a newer Tokenwarden".into());
    }
    // Moving each String into a Secret keeps its buffer, which is then zeroized on drop.
    Ok(parsed
        .secrets
        .into_iter()
        .map(|(k, v)| (k, Secret::new(v)))
        .collect())
}

/// The scrypt work factor (log2 N) an age file asks for, read from its header line
/// `-> scrypt SALT LOG_N` without any decryption work; `None` when the header has no such line
/// (age then reports what is wrong).
pub(crate) fn scrypt_work_factor(bytes: &[u8]) -> Option<u8> {
    // The header is a few short lines; the stanza is among the first ones.
    let head = &bytes[..bytes.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let line = text.lines().find(|l| l.starts_with("-> scrypt "))?;
    let log_n = line.split(' ').nth(3)?;
    // A number too big for u8 is certainly too much work.
    Some(log_n.parse::<u32>().ok()?.min(u32::from(u8::MAX)) as u8)
}

/// Why a file asking for `log_n` is refused, in words for the person who has it.
pub(crate) fn too_much_work(name: &str, log_n: u8) -> String {
    format!(
        "{name} asks for scrypt work factor {log_n}, more than the {MAX_WORK_FACTOR} this \
         Tokenwarden accepts; opening it would take minutes and gigabytes of memory. It was not \
         made by Tokenwarden's normal settings: get the file again from where it came from"
    )
}

/// The work factor for new writes: `TOKENWARDEN_VAULT_WORK_FACTOR`, else 18.
pub fn work_factor_from_env() -> Result<u8, SecretError> {
    parse_work_factor(crate::env::var(WORK_FACTOR_ENV).as_deref())
}

fn parse_work_factor(value: Option<&str>) -> Result<u8, SecretError> {
    let Some(text) = value.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(DEFAULT_WORK_FACTOR);
    };
    text.parse::<u8>()
        .ok()
        .filter(|n| (MIN_WORK_FACTOR..=MAX_WORK_FACTOR).contains(n))
        .ok_or_else(|| SecretError::BadSetting {
            name: WORK_FACTOR_ENV,
            value: text.to_string(),
            expected: Expected::WorkFactor {
                min: MIN_WORK_FACTOR,
                max: MAX_WORK_FACTOR,
                default: DEFAULT_WORK_FACTOR,
            },
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_factor_defaults_to_18_and_accepts_10_to_20() {
        assert_eq!(parse_work_factor(None).unwrap(), 18);
        assert_eq!(parse_work_factor(Some("")).unwrap(), 18);
        assert_eq!(parse_work_factor(Some("12")).unwrap(), 12);
        assert_eq!(parse_work_factor(Some("20")).unwrap(), 20);
        for bad in ["9", "21", "fast", "-1"] {
            let err = parse_work_factor(Some(bad)).unwrap_err();
            assert!(err.to_string().contains("10 to 20"), "{err}");
        }
    }

    #[test]
    fn the_work_factor_is_read_from_the_header() {
        let file = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 30\nAAAA\n--- x\n";
        assert_eq!(scrypt_work_factor(file), Some(30));
        assert_eq!(
            scrypt_work_factor(b"age-encryption.org/v1\n-> X25519 abc\n"),
            None
        );
        let huge = b"age-encryption.org/v1\n-> scrypt c2FsdA 99999\n";
        assert_eq!(scrypt_work_factor(huge), Some(u8::MAX));
    }

    #[test]
    fn json_round_trip_keeps_every_entry() {
        let mut entries = Entries::new();
        entries.insert("token-a".into(), Secret::new("EAAB\"quoted\\"));
        entries.insert("app-secret-1".into(), Secret::new("s3"));
        let back = from_json(&to_json(&entries)).unwrap();
        assert_eq!(back, entries);
        assert!(from_json(br#"{"format":2,"secrets":{}}"#).is_err());
    }

    #[test]
    fn scrypt_runs_once_per_process_however_many_writes() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        let store = VaultStore::open_with_work_factor(&profile, Secret::new("pw"), 10).unwrap();
        for i in 0..5 {
            let r = SecretRef(format!("token-{i}"));
            store.set(&r, &Secret::new(format!("value {i}"))).unwrap();
        }
        store.delete(&SecretRef("token-0".into())).unwrap();
        assert_eq!(store.key_derivations(), 1, "the first write only");
        // Another process: one scrypt to open, none for its writes; both see every change.
        let other = VaultStore::open_with_work_factor(&profile, Secret::new("pw"), 10).unwrap();
        assert_eq!(
            other.get(&SecretRef("token-4".into())).unwrap().expose(),
            "value 4"
        );
        other
            .set(&SecretRef("token-9".into()), &Secret::new("nine"))
            .unwrap();
        assert_eq!(other.key_derivations(), 1);
        assert_eq!(
            store.get(&SecretRef("token-9".into())).unwrap().expose(),
            "nine"
        );
        // The other process kept the header it opened, so this one reads its file without scrypt.
        assert_eq!(store.key_derivations(), 1);
        assert!(matches!(
            VaultStore::open_with_work_factor(&profile, Secret::new("wrong"), 10),
            Err(SecretError::WrongPassphrase)
        ));
    }

    #[test]
    fn the_cache_follows_writes_by_another_handle() {
        let dir = tempfile::tempdir().unwrap();
        let profile = Profile {
            dir: dir.path().into(),
        };
        let one = VaultStore::open_with_work_factor(&profile, Secret::new("pw"), 10).unwrap();
        let two = VaultStore::open_with_work_factor(&profile, Secret::new("pw"), 10).unwrap();
        let r = SecretRef("token-x".into());
        one.set(&r, &Secret::new("first")).unwrap();
        assert_eq!(two.get(&r).unwrap().expose(), "first");
        // Same length, written by the other handle: the cache must not serve the old value.
        two.set(&r, &Secret::new("secnd")).unwrap();
        assert_eq!(one.get(&r).unwrap().expose(), "secnd");
    }
}
