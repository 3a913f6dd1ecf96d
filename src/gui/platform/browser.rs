//! Opening Meta's portal pages in the system browser, behind a small trait so tests record the
//! addresses instead of starting a browser. No address ever carries a token.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Something that shows a web page (or a folder) to the user.
pub trait Browser: Send {
    fn open(&mut self, url: &str) -> Result<(), String>;
}

/// The system's default browser, through the `open` crate.
#[derive(Debug, Default)]
pub struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&mut self, url: &str) -> Result<(), String> {
        refuse_tokens(url)?;
        // Detached: the browser must not be a child that dies with (or blocks) the app; and it
        // gets none of our TOKENWARDEN_* variables.
        crate::process::open_detached(url)
    }
}

/// Remembers what would have been opened; the test reads the list through a clone. After
/// `fail_from_now` it fails the way a machine without a browser does (a launcher's complaint).
#[derive(Debug, Clone, Default)]
pub struct RecordingBrowser {
    pub opened: Arc<Mutex<Vec<String>>>,
    failing: Arc<AtomicBool>,
}

/// What `RecordingBrowser` answers once failing: launcher jargon the user must never see.
pub const LAUNCHER_FAILURE: &str = "xdg-open: no method available for opening (exit status 3)";

impl RecordingBrowser {
    /// Every later `open` fails (and records nothing), as on a machine with no browser.
    pub fn fail_from_now(&self) {
        self.failing.store(true, Ordering::SeqCst);
    }

    pub fn urls(&self) -> Vec<String> {
        self.opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Browser for RecordingBrowser {
    fn open(&mut self, url: &str) -> Result<(), String> {
        refuse_tokens(url)?;
        if self.failing.load(Ordering::SeqCst) {
            return Err(LAUNCHER_FAILURE.into());
        }
        self.opened
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(url.to_string());
        Ok(())
    }
}

/// A last guard: a token in an address would end up in the browser's history.
fn refuse_tokens(url: &str) -> Result<(), String> {
    if url.contains("access_token") || url.contains("input_token") {
        return Err(crate::words::t("browser-refused-token"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_a_token_is_never_opened() {
        let mut b = RecordingBrowser::default();
        assert!(b.open("https://x/#access_token=EAAB").is_err());
        b.open("https://developers.facebook.com/tools/debug/accesstoken/")
            .unwrap();
        assert_eq!(b.urls().len(), 1);
    }
}
