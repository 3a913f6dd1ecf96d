//! Reading secrets: tokens and app secrets from standard input (never argv, at most 64 KiB),
//! passphrases from the terminal without echo. A new passphrase (vault or backup) follows the
//! desktop app's rules: at least 8 characters, typed twice on a terminal.

use std::io::{IsTerminal, Read};

use crate::model::secret::MIN_NEW_PASSPHRASE_CHARS;
use crate::model::{PastedToken, Secret, parse_pasted_token};
use crate::service::ServiceError;
use crate::words::{t, t_args};

/// Far more than any token, app secret or pasted redirect address; more is a mistake (a file
/// piped in by accident) that must not be read into memory whole.
pub const STDIN_LIMIT: usize = 64 * 1024;

/// Reads everything on stdin (or asks on a terminal, without echo) and finds the token in it.
pub fn read_token() -> Result<PastedToken, ServiceError> {
    let text = read_secret_text(&t("input-paste-token"))?;
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
            .map_err(|e| {
                ServiceError::said(t_args(
                    "input-terminal-unreadable",
                    &[("detail", e.to_string().into())],
                ))
            });
    }
    // Room for the limit up front, so growing the buffer leaves no stray copies behind.
    let mut buf = zeroize::Zeroizing::new(String::with_capacity(STDIN_LIMIT + 1));
    stdin
        .lock()
        .take(STDIN_LIMIT as u64 + 1)
        .read_to_string(&mut buf)
        .map_err(|e| {
            ServiceError::said(t_args(
                "input-stdin-unreadable",
                &[("detail", e.to_string().into())],
            ))
        })?;
    if buf.len() > STDIN_LIMIT {
        return Err(ServiceError::said(t_args(
            "input-stdin-too-long",
            &[("kib", (STDIN_LIMIT / 1024).into())],
        )));
    }
    Ok(Secret::new(buf.as_str()))
}

/// Asked only when the vault exists, is chosen and TOKENWARDEN_VAULT_PASSPHRASE is not set.
pub fn ask_passphrase() -> Option<Secret> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    rpassword::prompt_password(t("input-vault-passphrase"))
        .ok()
        .filter(|p| !p.is_empty())
        .map(Secret::new)
}

/// A new passphrase for `what` ("vault", "backup"), typed twice on the terminal.
pub fn ask_new_passphrase(what: &str) -> Result<Secret, ServiceError> {
    let first = read_secret_text(&t_args(
        "input-new-passphrase",
        &[
            ("what", what.into()),
            ("count", MIN_NEW_PASSPHRASE_CHARS.into()),
        ],
    ))?;
    check_new_passphrase(&first, what)?;
    let again = read_secret_text(&t("input-passphrase-again"))?;
    if again != first {
        return Err(ServiceError::said(t("input-passphrases-differ")));
    }
    Ok(first)
}

/// A "yes" typed at a prompt: "y"/"yes" always, and the language's own ("s", "sí").
pub fn is_yes(answer: &str) -> bool {
    let answer = answer.trim().to_lowercase();
    answer == "y" || answer == "yes" || t("cli-yes-words").split(',').any(|w| w.trim() == answer)
}

/// Refuses a new passphrase that is empty or shorter than the desktop app allows.
pub fn check_new_passphrase(passphrase: &Secret, what: &str) -> Result<(), ServiceError> {
    if passphrase.expose().chars().count() < MIN_NEW_PASSPHRASE_CHARS {
        return Err(ServiceError::said(t_args(
            "input-passphrase-too-short",
            &[
                ("what", what.into()),
                ("count", MIN_NEW_PASSPHRASE_CHARS.into()),
            ],
        )));
    }
    Ok(())
}
