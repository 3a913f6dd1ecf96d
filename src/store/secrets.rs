//! Where tokens and app secrets live: the `SecretStore` trait, its errors, and the choice of
//! backend (system keychain, encrypted vault, or memory for the demo). Never clear text.

use std::path::PathBuf;

use crate::model::{Secret, SecretRef};

/// Names the setting that chooses the secret store.
pub const SECRETS_ENV: &str = "TOKENWARDEN_SECRETS";
/// Names the setting that may hold the vault passphrase (scripts, CI).
pub const VAULT_PASSPHRASE_ENV: &str = "TOKENWARDEN_VAULT_PASSPHRASE";

/// A place that keeps secrets by reference. Implementations are safe to share between threads
/// and may block (keychain round trips, scrypt): async callers use `spawn_blocking`.
pub trait SecretStore: Send + Sync {
    fn kind(&self) -> SecretStoreKind;
    /// The secret saved under `r`; `SecretError::Missing` when there is none.
    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError>;
    /// The secrets under `refs`, in order; fails as `get` does for the first one missing. A
    /// store that keeps them in one file (the vault) reads and checks it once for all. The OS
    /// keychains have no bulk read: one lookup per entry (`KeyringStore` remembers tokens).
    fn get_all(&self, refs: &[SecretRef]) -> Result<Vec<Secret>, SecretError> {
        refs.iter().map(|r| self.get(r)).collect()
    }
    /// Saves `value` under `r`, replacing what was there.
    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError>;
    /// Saves several entries; a store that rewrites a whole file (the vault) writes it once,
    /// and either all of them are saved or none.
    fn set_all(&self, entries: &[(SecretRef, Secret)]) -> Result<(), SecretError> {
        entries.iter().try_for_each(|(r, v)| self.set(r, v))
    }
    /// Removes the entry; removing an entry that does not exist is not an error.
    fn delete(&self, r: &SecretRef) -> Result<(), SecretError>;
    /// Removes several entries; a store that rewrites a whole file does it once.
    fn delete_all(&self, refs: &[SecretRef]) -> Result<(), SecretError> {
        refs.iter().try_for_each(|r| self.delete(r))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretStoreKind {
    Keyring,
    Vault,
    Memory,
    /// Sealed to the renewers of a team workspace (see `store::workspace`).
    Workspace,
}

impl SecretStoreKind {
    /// The name a user reads.
    /// English, for `Debug` and logs; people read `words::secret_store::kind`.
    pub fn label(self) -> &'static str {
        match self {
            SecretStoreKind::Keyring => "System keychain",
            SecretStoreKind::Vault => "Encrypted vault",
            SecretStoreKind::Memory => "Memory (demo)",
            SecretStoreKind::Workspace => "Team workspace",
        }
    }
}

/// What a setting takes, for the sentence that refuses another value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `TOKENWARDEN_SECRETS`: "keyring" or "vault".
    SecretStore,
    /// `TOKENWARDEN_VAULT_WORK_FACTOR`: a whole number in a range, with a default.
    WorkFactor { min: u8, max: u8, default: u8 },
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expected::SecretStore => f.write_str(
                "Use \"keyring\" (the system keychain, the default) or \"vault\" (an encrypted \
                 file in the profile folder, protected by a passphrase).",
            ),
            Expected::WorkFactor { min, max, default } => write!(
                f,
                "It must be a whole number from {min} to {max} (for tests and slow machines); \
                 leave it unset for the safe default of {default}."
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "The system keychain is not available ({detail}). Tokenwarden never stores tokens in \
         clear text. Use the encrypted vault instead: set TOKENWARDEN_SECRETS=vault (you will \
         be asked for a passphrase)."
    )]
    Unavailable { detail: String },
    #[error("{}", missing_message(.0))]
    Missing(SecretRef),
    #[error("The vault passphrase is wrong. Nothing was changed.")]
    WrongPassphrase,
    #[error(
        "The encrypted vault cannot be read: {detail}. Nothing was changed. Restore vault.age \
         from a backup, or move it out of the profile folder and save your tokens again."
    )]
    VaultDamaged { detail: String },
    #[error(
        "The encrypted vault needs a passphrase. Enter it when asked, or set \
         TOKENWARDEN_VAULT_PASSPHRASE."
    )]
    NoPassphrase,
    #[error(
        "The system keychain refused the request: {detail}. Nothing was changed. If this keeps \
         happening, use the encrypted vault: set TOKENWARDEN_SECRETS=vault."
    )]
    Keyring { detail: String },
    #[error("{name} is set to \"{value}\", which Tokenwarden does not understand. {expected}")]
    BadSetting {
        name: &'static str,
        value: String,
        expected: Expected,
    },
    #[error(
        "Could not read or write the secret file {}: {source}. Check that the profile folder \
         exists and that you may write to it.", path.display()
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Team workspace: {0}. Nothing was changed.")]
    Workspace(super::workspace::WorkspaceError),
}

impl SecretError {
    /// The OS secret store cannot be reached at all: offer the vault, do not blame the token.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, SecretError::Unavailable { .. })
    }
}

fn missing_message(r: &SecretRef) -> String {
    match r.0.strip_prefix("app-secret-") {
        Some(app_id) => format!(
            "The saved secret of Meta app {app_id} is missing from the secret store; enter the \
             app secret again (tokenwarden app add --id {app_id} --secret-stdin)."
        ),
        None => format!(
            "The saved token for this channel is missing from the secret store (entry {}); \
             renew the channel.",
            r.0
        ),
    }
}

/// Which secret store to open.
#[derive(Debug, Clone)]
pub enum SecretBackend {
    Keyring,
    Vault { passphrase: Secret },
    Memory,
}

impl SecretBackend {
    /// `TOKENWARDEN_SECRETS` = `keyring` (default) | `vault`. For the vault the passphrase comes
    /// from `TOKENWARDEN_VAULT_PASSPHRASE`, else from `ask` (the caller prompts the user).
    pub fn from_env(ask: impl FnOnce() -> Option<Secret>) -> Result<SecretBackend, SecretError> {
        let choice = crate::env::var(SECRETS_ENV);
        let passphrase = crate::env::var(VAULT_PASSPHRASE_ENV).map(Secret::new);
        Self::from_settings(choice.as_deref(), passphrase, ask)
    }

    fn from_settings(
        choice: Option<&str>,
        passphrase: Option<Secret>,
        ask: impl FnOnce() -> Option<Secret>,
    ) -> Result<SecretBackend, SecretError> {
        match choice.map(|c| c.trim().to_ascii_lowercase()).as_deref() {
            None | Some("") | Some("keyring") => Ok(SecretBackend::Keyring),
            Some("vault") => {
                let passphrase = passphrase
                    .filter(|p| !p.is_empty())
                    .or_else(|| ask().filter(|p| !p.is_empty()))
                    .ok_or(SecretError::NoPassphrase)?;
                Ok(SecretBackend::Vault { passphrase })
            }
            Some(_) => Err(SecretError::BadSetting {
                name: SECRETS_ENV,
                value: choice.unwrap_or_default().to_string(),
                expected: Expected::SecretStore,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn never_asked() -> Option<Secret> {
        panic!("the user must not be asked")
    }

    #[test]
    fn keyring_is_the_default() {
        for choice in [None, Some(""), Some("keyring"), Some(" Keyring ")] {
            let b = SecretBackend::from_settings(choice, None, never_asked).unwrap();
            assert!(matches!(b, SecretBackend::Keyring), "{choice:?}");
        }
    }

    #[test]
    fn vault_takes_the_passphrase_from_the_environment_first() {
        let b = SecretBackend::from_settings(Some("vault"), Some(Secret::new("pw")), never_asked)
            .unwrap();
        let SecretBackend::Vault { passphrase } = b else {
            panic!("expected the vault")
        };
        assert_eq!(passphrase.expose(), "pw");
    }

    #[test]
    fn vault_asks_the_user_when_the_environment_has_no_passphrase() {
        let b = SecretBackend::from_settings(Some("vault"), Some(Secret::new("")), || {
            Some(Secret::new("typed"))
        })
        .unwrap();
        assert!(matches!(b, SecretBackend::Vault { passphrase } if passphrase.expose() == "typed"));
        let err = SecretBackend::from_settings(Some("vault"), None, || None).unwrap_err();
        assert!(matches!(err, SecretError::NoPassphrase));
    }

    #[test]
    fn an_unknown_choice_lists_both_options() {
        let err = SecretBackend::from_settings(Some("plaintext"), None, never_asked).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("\"plaintext\""), "{msg}");
        assert!(msg.contains("keyring") && msg.contains("vault"), "{msg}");
    }

    #[test]
    fn unavailable_names_the_vault_and_not_the_token() {
        let err = SecretError::Unavailable {
            detail: "no Secret Service on this session".into(),
        };
        assert!(err.is_unavailable());
        let msg = err.to_string();
        assert!(msg.contains("TOKENWARDEN_SECRETS=vault"), "{msg}");
        assert!(!msg.to_lowercase().contains("invalid"), "{msg}");
        assert!(!SecretError::WrongPassphrase.is_unavailable());
    }

    #[test]
    fn missing_says_what_to_do() {
        let token = SecretError::Missing(SecretRef("token-abc".into())).to_string();
        assert!(token.contains("renew the channel"), "{token}");
        let app = SecretError::Missing(SecretRef::app_secret("123")).to_string();
        assert!(app.contains("app 123") && app.contains("app add"), "{app}");
    }
}
