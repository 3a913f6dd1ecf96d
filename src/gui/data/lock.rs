//! Where the secret store stands, as the window knows it.

use crate::gui::worker::UnlockNeed;
use crate::store::SecretStoreKind;

/// Where the secret store stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    Opening,
    Locked {
        need: UnlockNeed,
        problem: Option<String>,
        /// The user chose to look at the saved facts only; a banner offers to unlock later.
        dismissed: bool,
        busy: bool,
    },
    Open(SecretStoreKind),
    Failed(String),
}

impl Lock {
    /// What a button that opens the store says: a vault not made yet is created, not unlocked.
    pub fn open_words(&self) -> String {
        match self {
            Lock::Locked {
                need:
                    UnlockNeed::VaultPassphrase { exists: false }
                    | UnlockNeed::KeychainUnavailable { .. },
                ..
            } => crate::words::t("gui-vault-create-button"),
            _ => crate::words::t("lock-unlock"),
        }
    }
}
