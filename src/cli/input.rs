//! Reading secrets: tokens and app secrets from standard input (never argv, at most 64 KiB),
//! passphrases from the terminal without echo. A new passphrase (vault or backup) follows the
//! desktop app's rules: at least 8 characters, typed twice on a terminal.

use std::io::{IsTerminal, Read};

use crate::model::{PastedToken, Secret, parse_pasted_token};
use crate::service::ServiceError;

/// Far more than any token, app secret or pasted redirect address; more is a mistake (a file
/// piped in by accident) that must not be read into memory whole.
pub const STDIN_LIMIT: usize = 64 * 1024;
/// As the desktop app asks of a new vault or backup passphrase.
pub const MIN_NEW_PASSPHRASE_CHARS: usize = 8;

/// Reads everything on stdin (or asks on a terminal, without echo) and finds the token in it.
pub fn read_token() -> Result<PastedToken, ServiceError> {
    let text = read_secret_text("Paste the access token and press Enter (it will not be shown): ")?;
    if crate::env::test_panic_requested("after_token_read") {
        // Test-only (TOKENWARDEN_TEST_PANIC): a panic whose message carries the token just
        // read, to prove that the crash report and standard error leave it out.
        panic!("test panic after reading the token {}", text.expose());
    }
    Ok(parse_pasted_token(text.expose())?)
}

pub fn read_secret_text(prompt: &str) -> Result<Secret, ServiceError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return rpassword::prompt_password(prompt)
            .map(Secret::new)
            .map_err(|e| ServiceError::Usage(format!("Could not read from the terminal: {e}")));
    }
    // Room for the limit up front, so growing the buffer leaves no stray copies behind.
    let mut buf = zeroize::Zeroizing::new(String::with_capacity(STDIN_LIMIT + 1));
    stdin
        .lock()
        .take(STDIN_LIMIT as u64 + 1)
        .read_to_string(&mut buf)
        .map_err(|e| ServiceError::Usage(format!("Could not read standard input: {e}")))?;
    if buf.len() > STDIN_LIMIT {
        return Err(ServiceError::Usage(format!(
            "Standard input holds more than {} KiB, far more than a token or secret. Nothing \
             was changed. Pass only the token (for example: echo \"$TOKEN\" | tokenwarden …).",
            STDIN_LIMIT / 1024
        )));
    }
    Ok(Secret::new(buf.as_str()))
}

/// Asked only when the vault exists, is chosen and TOKENWARDEN_VAULT_PASSPHRASE is not set.
pub fn ask_passphrase() -> Option<Secret> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    rpassword::prompt_password("Vault passphrase: ")
        .ok()
        .filter(|p| !p.is_empty())
        .map(Secret::new)
}

/// A new passphrase for `what` ("vault", "backup"), typed twice on the terminal.
pub fn ask_new_passphrase(what: &str) -> Result<Secret, ServiceError> {
    let first = read_secret_text(&format!(
        "New {what} passphrase, at least {MIN_NEW_PASSPHRASE_CHARS} characters (it will not be \
         shown): "
    ))?;
    check_new_passphrase(&first, what)?;
    let again = read_secret_text("The same passphrase again: ")?;
    if again != first {
        return Err(ServiceError::Usage(
            "The two passphrases differ. Nothing was written; try again.".into(),
        ));
    }
    Ok(first)
}

/// Refuses a new passphrase that is empty or shorter than the desktop app allows.
pub fn check_new_passphrase(passphrase: &Secret, what: &str) -> Result<(), ServiceError> {
    if passphrase.expose().chars().count() < MIN_NEW_PASSPHRASE_CHARS {
        return Err(ServiceError::Usage(format!(
            "The new {what} passphrase is too short: use at least {MIN_NEW_PASSPHRASE_CHARS} \
             characters (a few words are easy to remember and hard to guess). Nothing was \
             written."
        )));
    }
    Ok(())
}
