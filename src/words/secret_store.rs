//! Where the tokens are kept, in words: the secret store the user chose.

use super::bundle::t;
use crate::store::SecretStoreKind;

/// "System keychain", "Encrypted vault", "Memory (demo)".
pub fn kind(k: SecretStoreKind) -> String {
    t(match k {
        SecretStoreKind::Keyring => "secret-store-keyring",
        SecretStoreKind::Vault => "secret-store-vault",
        SecretStoreKind::Workspace => "secret-store-workspace",
        SecretStoreKind::Memory => "secret-store-memory",
    })
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;

    #[test]
    fn each_store_has_its_name_in_both_languages() {
        for k in [
            SecretStoreKind::Keyring,
            SecretStoreKind::Vault,
            SecretStoreKind::Workspace,
            SecretStoreKind::Memory,
        ] {
            assert_eq!(with_lang(Lang::En, || kind(k)), k.label());
        }
        assert_eq!(
            with_lang(Lang::Es, || kind(SecretStoreKind::Vault)),
            "Bóveda cifrada"
        );
    }
}
