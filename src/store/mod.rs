//! Profile folder, catalog file and secret stores: everything Tokenwarden keeps on disk or in
//! the OS keychain. Tokens never reach the catalog; it holds references into a `SecretStore`.

mod atomic;
mod backup_file;
mod catalog;
mod error;
mod history;
mod keyring_store;
mod lock;
mod memory;
mod private;
mod profile;
mod secrets;
pub mod staged;
mod state;
mod sweep;
mod vault;
mod vault_key;
pub mod workspace;

use std::sync::Arc;

pub use backup_file::{
    BACKUP_PASSPHRASE_ENV, BackupApp, BackupChannel, BackupContents, BackupError, read_backup,
    write_backup,
};
pub use catalog::{CATALOG_SCHEMA, Catalog, CatalogFile};
pub use error::{StoreError, Unsafe, shell_quote};
pub use history::{HistoryEntry, HistoryEvent, HistoryFile, os_user};
pub use keyring_store::{KEYRING_SERVICE, KeyringStore};
pub use memory::MemoryStore;
pub use profile::{PROFILE_ENV, Profile};
pub use secrets::{
    Expected, SECRETS_ENV, SecretBackend, SecretError, SecretStore, SecretStoreKind,
    VAULT_PASSPHRASE_ENV,
};
pub use staged::StagedProfile;
pub use state::{
    ChannelReminder, LocalState, NotifiedState, ReminderSettings, SecretLedger, ServerClockReading,
    StateFile,
};
pub use sweep::{ORPHAN_AGE, Swept, TrackedSecrets};
pub use vault::{DEFAULT_WORK_FACTOR, VaultStore, WORK_FACTOR_ENV, work_factor_from_env};

/// One open profile: its catalog and the secret store chosen for it.
#[derive(Clone)]
pub struct Store {
    pub profile: Profile,
    pub catalog: CatalogFile,
    pub secrets: Arc<dyn SecretStore>,
    /// The same store as `secrets` with its ledger, for `sweep`; none for the memory store,
    /// whose entries end with the process anyway.
    tracked: Option<Arc<TrackedSecrets>>,
}

impl Store {
    /// Opens the catalog and the chosen secret store. The keychain is connected and an existing
    /// vault decrypted now, so an unreachable keychain or a wrong passphrase is reported at once.
    /// Keychain entries are namespaced by the catalog's profile id (assigned here for a new
    /// profile; a catalog file without one is damaged), so two profiles never see each other's
    /// secrets. Every entry stored goes through the ledger `sweep` cleans up by.
    pub fn open(profile: Profile, backend: SecretBackend) -> Result<Store, StoreError> {
        let catalog = CatalogFile::new(&profile);
        if let Some(ws) = catalog.workspace() {
            // A workspace keeps its secrets sealed in the database; the profile's own store
            // holds only the connection string and this member's identity.
            let local_id = ws.membership()?.local_profile_id.clone();
            let local = workspace::open_local(&profile, &local_id, backend)?;
            let sealed = workspace::WorkspaceSecrets::open(ws.clone(), local.as_ref())?;
            return Ok(Store {
                profile,
                catalog,
                secrets: Arc::new(sealed),
                tracked: None,
            });
        }
        let secrets: Arc<dyn SecretStore> = match backend {
            SecretBackend::Keyring => {
                let mut profile_id = catalog.load()?.profile_id;
                if profile_id.is_empty() {
                    profile_id = catalog.update(|c| Ok::<_, StoreError>(c.profile_id.clone()))?;
                }
                Arc::new(KeyringStore::open(&profile_id)?)
            }
            SecretBackend::Vault { passphrase } => {
                Arc::new(VaultStore::open(&profile, passphrase)?)
            }
            SecretBackend::Memory => Arc::new(MemoryStore::new()),
        };
        let (secrets, tracked) = match secrets.kind() {
            SecretStoreKind::Memory => (secrets, None),
            _ => {
                let tracked = Arc::new(TrackedSecrets::new(secrets, &profile));
                (tracked.clone() as Arc<dyn SecretStore>, Some(tracked))
            }
        };
        Ok(Store {
            profile,
            catalog,
            secrets,
            tracked,
        })
    }

    /// Removes secret entries nothing uses any more and temp files left by a crash (see
    /// `sweep`). Call it at a change; it takes the locks itself.
    pub fn sweep(&self) -> Result<Swept, StoreError> {
        // A workspace knows every sealed secret and every reference in its own tables.
        if let Some(ws) = self.catalog.workspace() {
            let secrets = ws.sweep(sweep::ORPHAN_AGE).map_err(StoreError::from)?;
            return Ok(Swept {
                secrets,
                temp_files: 0,
            });
        }
        sweep::sweep(&self.profile, &self.catalog, self.tracked.as_deref())
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("profile", &self.profile)
            .field("secrets", &self.secrets.kind().label())
            .finish()
    }
}
