//! Secrets kept only in memory, for the throw-away demo profile and tests. Gone on exit.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use super::secrets::{SecretError, SecretStore, SecretStoreKind};
use crate::model::{Secret, SecretRef};

#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<SecretRef, Secret>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl SecretStore for MemoryStore {
    fn kind(&self) -> SecretStoreKind {
        SecretStoreKind::Memory
    }

    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError> {
        // A panic while holding the map cannot leave it half-changed: take it as it is.
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(r)
            .cloned()
            .ok_or_else(|| SecretError::Missing(r.clone()))
    }

    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.insert(r.clone(), value.clone());
        Ok(())
    }

    fn delete(&self, r: &SecretRef) -> Result<(), SecretError> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.remove(r);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_delete() {
        let store = MemoryStore::new();
        let r = SecretRef("token-1".into());
        assert!(matches!(store.get(&r), Err(SecretError::Missing(_))));
        store.set(&r, &Secret::new("EAAB")).unwrap();
        assert_eq!(store.get(&r).unwrap().expose(), "EAAB");
        store.delete(&r).unwrap();
        store.delete(&r).unwrap();
        assert!(matches!(store.get(&r), Err(SecretError::Missing(_))));
        assert_eq!(store.kind().label(), "Memory (demo)");
    }
}
