//! Nothing piles up: secret entries that no channel or app uses any more, and temp files left
//! by an interrupted atomic write, are removed at the next change.
//!
//! Orphan secrets come from a crash between "store the new secret" and "swap it into the
//! catalog", or from a failed best-effort delete. To find them, every entry this profile stores
//! is first written down with its time in a ledger in `state.json` (`TrackedSecrets`); the
//! sweep deletes ledger entries that the catalog does not reference and that are older than
//! `ORPHAN_AGE` (younger ones may belong to a change still in flight in another copy of the
//! app). The ledger works for every backend, the OS keychain included, which cannot list its
//! entries; and an entry it does not know — made before the ledger existed, or belonging to
//! a catalog that was moved aside — is never touched: deleting a token is not undoable.
//! The ledger remembers which catalog (by profile id) its entries belong to, so a catalog that
//! is replaced by another one never gets its tokens swept.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use chrono::Utc;

use super::lock::FileLock;
use super::secrets::{SecretError, SecretStore, SecretStoreKind};
use super::{Catalog, CatalogFile, Profile, StateFile, StoreError};
use crate::model::{Secret, SecretRef};

/// Unreferenced entries and temp files younger than this are left alone: a change in another
/// copy of the app may be between its steps.
pub const ORPHAN_AGE: Duration = Duration::from_secs(10 * 60);

/// A secret store that writes each new entry into the ledger before storing it.
pub struct TrackedSecrets {
    inner: Arc<dyn SecretStore>,
    state: StateFile,
}

impl TrackedSecrets {
    pub fn new(inner: Arc<dyn SecretStore>, profile: &Profile) -> TrackedSecrets {
        TrackedSecrets {
            inner,
            state: StateFile::new(profile),
        }
    }
}

impl TrackedSecrets {
    /// Written down before storing: a crash right after storing leaves entries the sweep knows.
    fn write_down(&self, refs: &[SecretRef]) -> Result<(), SecretError> {
        let now = Utc::now();
        self.state
            .update(|s| {
                for r in refs {
                    s.secrets.created.entry(r.0.clone()).or_insert(now);
                }
            })
            .map_err(state_error)
    }
}

fn state_error(e: StoreError) -> SecretError {
    match e {
        StoreError::Io { path, source, .. } | StoreError::Lock { path, source } => {
            SecretError::Io { path, source }
        }
        StoreError::Secret(inner) => inner,
        other => SecretError::Io {
            path: Default::default(),
            source: std::io::Error::other(other.to_string()),
        },
    }
}

impl SecretStore for TrackedSecrets {
    fn kind(&self) -> SecretStoreKind {
        self.inner.kind()
    }

    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError> {
        self.inner.get(r)
    }

    fn get_all(&self, refs: &[SecretRef]) -> Result<Vec<Secret>, SecretError> {
        self.inner.get_all(refs)
    }

    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError> {
        self.write_down(std::slice::from_ref(r))?;
        self.inner.set(r, value)
    }

    fn set_all(&self, entries: &[(SecretRef, Secret)]) -> Result<(), SecretError> {
        let refs: Vec<SecretRef> = entries.iter().map(|(r, _)| r.clone()).collect();
        self.write_down(&refs)?;
        self.inner.set_all(entries)
    }

    fn delete(&self, r: &SecretRef) -> Result<(), SecretError> {
        self.inner.delete(r)?;
        self.state
            .update(|s| {
                s.secrets.created.remove(&r.0);
            })
            .map_err(state_error)
    }

    fn delete_all(&self, refs: &[SecretRef]) -> Result<(), SecretError> {
        self.inner.delete_all(refs)?;
        self.state
            .update(|s| {
                for r in refs {
                    s.secrets.created.remove(&r.0);
                }
            })
            .map_err(state_error)
    }
}

/// What a sweep removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Swept {
    pub secrets: usize,
    pub temp_files: usize,
}

/// Removes orphan secrets (when `tracked`) and stale temp files, under the catalog lock, then
/// the state lock, then the secret store's own lock — the order every writer takes them in.
/// Without a catalog file nothing is swept: there is nothing to tell orphans by.
pub fn sweep(
    profile: &Profile,
    catalog: &CatalogFile,
    tracked: Option<&TrackedSecrets>,
) -> Result<Swept, StoreError> {
    let lock_path = profile.catalog_lock_path();
    let _lock =
        FileLock::exclusive(&lock_path).map_err(|source| StoreError::lock(&lock_path, source))?;
    let mut swept = Swept {
        temp_files: sweep_temp_files(&profile.dir, ORPHAN_AGE),
        ..Swept::default()
    };
    let (Some(tracked), Some(current)) = (tracked, catalog.load_existing()?) else {
        return Ok(swept);
    };
    let used = referenced(&current);
    let oldest_allowed = Utc::now()
        - chrono::Duration::from_std(ORPHAN_AGE).unwrap_or_else(|_| chrono::Duration::zero());
    let mut failure = None;
    tracked.state.update(|s| {
        let ledger = &mut s.secrets;
        if ledger.catalog.as_deref() != Some(current.profile_id.as_str()) {
            // Another catalog took this one's place: its entries are not ours to judge.
            // Forget the settled ones (they stay in the store) and start over.
            if ledger.catalog.is_some() {
                ledger.created.retain(|_, at| *at > oldest_allowed);
            }
            ledger.catalog = Some(current.profile_id.clone());
        }
        let orphans: Vec<SecretRef> = ledger
            .created
            .iter()
            .filter(|(r, at)| **at <= oldest_allowed && !used.contains(r.as_str()))
            .map(|(r, _)| SecretRef(r.clone()))
            .collect();
        if orphans.is_empty() {
            return;
        }
        match tracked.inner.delete_all(&orphans) {
            Ok(()) => {
                for r in &orphans {
                    ledger.created.remove(&r.0);
                }
                swept.secrets = orphans.len();
            }
            Err(e) => failure = Some(e),
        }
    })?;
    if let Some(e) = failure {
        return Err(e.into());
    }
    Ok(swept)
}

/// Every secret reference the catalog uses: tokens, previous tokens, app secrets.
fn referenced(catalog: &Catalog) -> HashSet<String> {
    let mut used = HashSet::new();
    for c in &catalog.channels {
        used.insert(c.token.secret.0.clone());
        if let Some(p) = &c.previous_token {
            used.insert(p.secret.0.clone());
        }
    }
    for a in catalog.apps.iter().filter(|a| a.has_secret) {
        used.insert(SecretRef::app_secret(&a.id).0);
    }
    used
}

/// Deletes temp files of atomic writes (`.NAME.HEX.tmp`) older than `age`; returns how many.
pub(crate) fn sweep_temp_files(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !super::atomic::is_temp_name(name) {
            continue;
        }
        // Never through a link; only plain files old enough to be abandoned.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|d| d >= age);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn profile() -> (tempfile::TempDir, Profile) {
        let dir = tempfile::tempdir().unwrap();
        let p = Profile {
            dir: dir.path().into(),
        };
        (dir, p)
    }

    fn backdate(profile: &Profile, r: &SecretRef) {
        StateFile::new(profile)
            .update(|s| {
                s.secrets
                    .created
                    .insert(r.0.clone(), Utc::now() - chrono::Duration::hours(1));
            })
            .unwrap();
    }

    #[test]
    fn an_old_unused_entry_goes_and_used_or_young_ones_stay() {
        let (_d, profile) = profile();
        let catalog = CatalogFile::new(&profile);
        catalog.update(|_| Ok::<_, StoreError>(())).unwrap();
        let inner: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
        let tracked = TrackedSecrets::new(inner.clone(), &profile);
        let (orphan, young) = (SecretRef::new_token(), SecretRef::new_token());
        tracked.set(&orphan, &Secret::new("a")).unwrap();
        tracked.set(&young, &Secret::new("b")).unwrap();
        backdate(&profile, &orphan);
        let swept = sweep(&profile, &catalog, Some(&tracked)).unwrap();
        assert_eq!(swept.secrets, 1);
        assert!(inner.get(&orphan).is_err());
        assert_eq!(inner.get(&young).unwrap().expose(), "b");
    }

    #[test]
    fn a_replaced_catalog_never_gets_its_tokens_swept() {
        let (_d, profile) = profile();
        let catalog = CatalogFile::new(&profile);
        catalog.update(|_| Ok::<_, StoreError>(())).unwrap();
        let inner: Arc<dyn SecretStore> = Arc::new(MemoryStore::new());
        let tracked = TrackedSecrets::new(inner.clone(), &profile);
        sweep(&profile, &catalog, Some(&tracked)).unwrap();
        let r = SecretRef::new_token();
        tracked.set(&r, &Secret::new("kept")).unwrap();
        backdate(&profile, &r);
        // The user moved the catalog aside: a new one with a new id starts.
        std::fs::remove_file(profile.catalog_path()).unwrap();
        assert_eq!(
            sweep(&profile, &catalog, Some(&tracked)).unwrap().secrets,
            0
        );
        catalog.update(|_| Ok::<_, StoreError>(())).unwrap();
        assert_eq!(
            sweep(&profile, &catalog, Some(&tracked)).unwrap().secrets,
            0
        );
        assert_eq!(inner.get(&r).unwrap().expose(), "kept");
    }

    #[test]
    fn only_old_temp_files_of_atomic_writes_are_removed() {
        let (_d, profile) = profile();
        let old = profile
            .dir
            .join(".catalog.json.0123456789abcdef0123456789abcdef.tmp");
        let other = profile.dir.join("notes.tmp");
        std::fs::write(&old, b"x").unwrap();
        std::fs::write(&other, b"x").unwrap();
        assert_eq!(sweep_temp_files(&profile.dir, ORPHAN_AGE), 0);
        assert_eq!(sweep_temp_files(&profile.dir, Duration::ZERO), 1);
        assert!(!old.exists() && other.exists());
    }
}
