//! The OS secret store through keyring-core: macOS Keychain, Windows Credential Manager, the
//! Secret Service on Linux. No fallback: when it fails the caller hears `Unavailable`.
//!
//! Every call runs on a short-lived helper thread with a deadline. That keeps a locked keyring
//! waiting for a password prompt from hanging the app, and it lets callers use the store from
//! any thread, a tokio worker included: the Secret Service store drives its own runtime.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};

use super::secrets::{SecretError, SecretStore, SecretStoreKind};
use crate::model::{Secret, SecretRef};

/// The keychain "service" of every Tokenwarden entry.
pub const KEYRING_SERVICE: &str = "tokenwarden";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Long enough for a person to answer the keychain's own unlock prompt.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// The native store, shared by all profiles; kept only once it connected, so a keychain that
/// comes up later (the user unlocked or started it) is found on the next attempt.
static NATIVE: Mutex<Option<Arc<CredentialStore>>> = Mutex::new(None);

/// Entries of one profile: user `{profile_id}/{secret_ref}` under service `tokenwarden`.
#[derive(Debug)]
pub struct KeyringStore {
    profile_id: String,
    remembered: Remembered,
}

/// Tokens already read or written by this store, so checking 1,000 channels asks the keychain
/// once per token per run (the Secret Service has no bulk read). A token entry never changes
/// once written (a new token gets a new entry), so a copy cannot go stale; app secrets (one
/// entry per app, replaced in place, perhaps by another process) are always read afresh.
#[derive(Debug, Default)]
struct Remembered(Mutex<HashMap<String, Secret>>);

impl Remembered {
    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<String, Secret>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn get(&self, r: &SecretRef) -> Option<Secret> {
        self.entries().get(&r.0).cloned()
    }

    fn keep(&self, r: &SecretRef, value: &Secret) {
        if r.0.starts_with("token-") {
            self.entries().insert(r.0.clone(), value.clone());
        }
    }

    fn forget(&self, r: &SecretRef) {
        self.entries().remove(&r.0);
    }
}

impl KeyringStore {
    /// Connects to the OS store now, so an unreachable keychain is reported before any work.
    pub fn open(profile_id: &str) -> Result<KeyringStore, SecretError> {
        native_store()?;
        Ok(KeyringStore {
            profile_id: profile_id.to_string(),
            remembered: Remembered::default(),
        })
    }

    fn user(&self, r: &SecretRef) -> String {
        format!("{}/{}", self.profile_id, r.0)
    }

    /// Runs `op` on the entry for `r` with a deadline and turns keyring errors into ours.
    fn call<T: Send + 'static>(
        &self,
        r: &SecretRef,
        op: impl FnOnce(&Entry) -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<keyring_core::Result<T>, SecretError> {
        let store = native_store()?;
        let user = self.user(r);
        let result = with_deadline(CALL_TIMEOUT, move || {
            let entry = store.build(KEYRING_SERVICE, &user, None)?;
            op(&entry)
        })?;
        if let Err(KeyringError::PlatformFailure(_) | KeyringError::NoStorageAccess(_)) = &result {
            // The connection may be gone (keyring daemon restarted): reconnect next time.
            forget_native_store();
        }
        Ok(result)
    }
}

impl SecretStore for KeyringStore {
    fn kind(&self) -> SecretStoreKind {
        SecretStoreKind::Keyring
    }

    fn get(&self, r: &SecretRef) -> Result<Secret, SecretError> {
        if let Some(secret) = self.remembered.get(r) {
            return Ok(secret);
        }
        match self.call(r, |entry| entry.get_password().map(Secret::new))? {
            Ok(secret) => {
                self.remembered.keep(r, &secret);
                Ok(secret)
            }
            Err(KeyringError::NoEntry) => Err(SecretError::Missing(r.clone())),
            Err(e) => Err(translate(e)),
        }
    }

    fn set(&self, r: &SecretRef, value: &Secret) -> Result<(), SecretError> {
        self.remembered.forget(r);
        let copy = value.clone();
        self.call(r, move |entry| entry.set_password(copy.expose()))?
            .map_err(translate)?;
        self.remembered.keep(r, value);
        Ok(())
    }

    fn delete(&self, r: &SecretRef) -> Result<(), SecretError> {
        self.remembered.forget(r);
        match self.call(r, |entry| entry.delete_credential())? {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(translate(e)),
        }
    }
}

/// The connected native store, connecting (and installing it as keyring-core's default
/// store) on first use.
fn native_store() -> Result<Arc<CredentialStore>, SecretError> {
    // Holding the lock while connecting makes concurrent first calls wait for one attempt.
    let mut native = NATIVE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(store) = native.as_ref() {
        return Ok(store.clone());
    }
    let store =
        with_deadline(CONNECT_TIMEOUT, connect_native)?.map_err(|e| SecretError::Unavailable {
            detail: format!("{NATIVE_UNAVAILABLE}: {}", platform_detail(&e)),
        })?;
    keyring_core::set_default_store(store.clone());
    *native = Some(store.clone());
    Ok(store)
}

fn forget_native_store() {
    let mut native = NATIVE.lock().unwrap_or_else(PoisonError::into_inner);
    *native = None;
}

#[cfg(target_os = "linux")]
const NATIVE_UNAVAILABLE: &str = "no Secret Service on this session";
#[cfg(target_os = "macos")]
const NATIVE_UNAVAILABLE: &str = "the macOS keychain could not be opened";
#[cfg(target_os = "windows")]
const NATIVE_UNAVAILABLE: &str = "the Windows Credential Manager could not be opened";
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const NATIVE_UNAVAILABLE: &str = "this system has no keychain Tokenwarden can use";

#[cfg(target_os = "linux")]
fn connect_native() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn connect_native() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn connect_native() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn connect_native() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NoDefaultStore)
}

/// Runs `f` on its own thread and waits at most `limit`. A thread that overruns is left to
/// finish on its own; its result is dropped.
fn with_deadline<T: Send + 'static>(
    limit: Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, SecretError> {
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("tokenwarden-keychain".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .map_err(|e| SecretError::Unavailable {
            detail: format!("could not start a thread to talk to it: {e}"),
        })?;
    rx.recv_timeout(limit).map_err(|e| match e {
        mpsc::RecvTimeoutError::Timeout => SecretError::Unavailable {
            detail: format!(
                "it did not answer within {} seconds; it may be locked and waiting for its \
                 password",
                limit.as_secs()
            ),
        },
        mpsc::RecvTimeoutError::Disconnected => SecretError::Unavailable {
            detail: "the call to it failed unexpectedly".into(),
        },
    })
}

fn translate(e: KeyringError) -> SecretError {
    match e {
        KeyringError::PlatformFailure(_) | KeyringError::NoDefaultStore => {
            SecretError::Unavailable {
                detail: platform_detail(&e),
            }
        }
        KeyringError::NoStorageAccess(_) => SecretError::Unavailable {
            detail: format!(
                "it is locked, or it asked for its password and no one could answer: {}",
                platform_detail(&e)
            ),
        },
        other => SecretError::Keyring {
            detail: other.to_string(),
        },
    }
}

/// The platform's own words, without keyring-core's generic prefix.
fn platform_detail(e: &KeyringError) -> String {
    match e {
        KeyringError::PlatformFailure(inner) | KeyringError::NoStorageAccess(inner) => {
            inner.to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_that_overruns_its_deadline_is_unavailable() {
        let err = with_deadline(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2))
        })
        .unwrap_err();
        assert!(err.is_unavailable());
        assert!(err.to_string().contains("did not answer"), "{err}");
    }

    #[test]
    fn platform_failures_read_as_unavailable_and_missing_is_not() {
        let failure = KeyringError::PlatformFailure(Box::new(std::io::Error::other("bus gone")));
        let err = translate(failure);
        assert!(err.is_unavailable());
        assert!(err.to_string().contains("bus gone"), "{err}");
        assert!(!translate(KeyringError::TooLong("user".into(), 10)).is_unavailable());
    }

    #[test]
    fn entries_are_namespaced_by_profile() {
        let a = KeyringStore {
            profile_id: "p1".into(),
            remembered: Remembered::default(),
        };
        assert_eq!(a.user(&SecretRef("token-1".into())), "p1/token-1");
    }

    #[test]
    fn tokens_are_remembered_for_the_run_and_app_secrets_are_not() {
        let r = Remembered::default();
        let token = SecretRef("token-1".into());
        let app = SecretRef::app_secret("111");
        r.keep(&token, &Secret::new("EAAB"));
        r.keep(&app, &Secret::new("s3"));
        assert_eq!(r.get(&token).unwrap().expose(), "EAAB");
        assert!(
            r.get(&app).is_none(),
            "another process may replace an app secret"
        );
        r.forget(&token);
        assert!(r.get(&token).is_none());
    }
}
