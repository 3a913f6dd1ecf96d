//! "Copy token" for support: the token goes to the clipboard marked as secret (so clipboard
//! managers that honour the hint keep it out of their history) and is cleared again after
//! `CLEAR_AFTER`, unless the user has copied something else in the meantime.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use zeroize::Zeroizing;

use crate::model::secret::fingerprint_of;

/// How long a copied token stays on the clipboard.
pub const CLEAR_AFTER: Duration = Duration::from_secs(30);

pub trait Clipboard: Send {
    /// Puts `text` on the clipboard, excluded from clipboard history where the platform allows.
    fn put_secret(&mut self, text: &str) -> Result<(), String>;
    /// Empties the clipboard if it still holds the text whose fingerprint is `fingerprint`.
    fn clear_if_holds(&mut self, fingerprint: &str);
    /// Puts text that holds no secret (a login code, the walk-through) on the clipboard.
    fn put_text(&mut self, text: &str) -> Result<(), String> {
        self.put_secret(text)
    }
}

/// The system clipboard (arboard). Created on first use: a machine without a clipboard (a
/// headless test, an SSH session) only loses this one feature.
#[derive(Default)]
pub struct SystemClipboard {
    // Kept alive: on X11 the app itself serves the clipboard's content while this lives.
    inner: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn get(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.inner.is_none() {
            let clipboard = arboard::Clipboard::new().map_err(|e| unavailable(&e))?;
            self.inner = Some(clipboard);
        }
        self.inner
            .as_mut()
            .ok_or_else(|| crate::words::t("clipboard-unavailable"))
    }
}

fn unavailable(e: &arboard::Error) -> String {
    let detail = e.to_string();
    crate::words::t_args("clipboard-unavailable-why", &[("detail", detail.into())])
}

fn not_copied(e: &arboard::Error) -> String {
    let detail = e.to_string();
    crate::words::t_args("clipboard-not-copied", &[("detail", detail.into())])
}

impl Clipboard for SystemClipboard {
    fn put_secret(&mut self, text: &str) -> Result<(), String> {
        let clipboard = self.get()?;
        let set = clipboard.set();
        #[cfg(all(
            unix,
            not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))
        ))]
        let set = arboard::SetExtLinux::exclude_from_history(set);
        // Monitoring covers both the local history and the cloud clipboard.
        #[cfg(windows)]
        let set = arboard::SetExtWindows::exclude_from_monitoring(set);
        #[cfg(target_os = "macos")]
        let set = arboard::SetExtApple::exclude_from_history(set);
        set.text(text.to_string()).map_err(|e| not_copied(&e))
    }

    fn put_text(&mut self, text: &str) -> Result<(), String> {
        self.get()?
            .set_text(text.to_string())
            .map_err(|e| not_copied(&e))
    }

    fn clear_if_holds(&mut self, fingerprint: &str) {
        let Ok(clipboard) = self.get() else { return };
        let holds = clipboard
            .get_text()
            .map(Zeroizing::new)
            .is_ok_and(|t| fingerprint_of(&t) == fingerprint);
        if holds {
            // Best effort: nothing useful can be done when clearing fails.
            let _ = clipboard.clear();
        }
    }
}

/// An in-memory clipboard for tests; the test keeps a clone to look at it.
#[derive(Debug, Clone, Default)]
pub struct MemoryClipboard {
    pub content: Arc<Mutex<Option<String>>>,
}

impl MemoryClipboard {
    pub fn text(&self) -> Option<String> {
        self.content
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Clipboard for MemoryClipboard {
    fn put_secret(&mut self, text: &str) -> Result<(), String> {
        *self.content.lock().unwrap_or_else(PoisonError::into_inner) = Some(text.to_string());
        Ok(())
    }

    fn clear_if_holds(&mut self, fingerprint: &str) {
        let mut content = self.content.lock().unwrap_or_else(PoisonError::into_inner);
        if content.as_deref().map(fingerprint_of).as_deref() == Some(fingerprint) {
            *content = None;
        }
    }
}
