//! Reading secrets: tokens and app secrets from standard input (never argv), the vault
//! passphrase from the terminal without echo.

use std::io::{IsTerminal, Read};

use crate::model::{PastedToken, Secret, parse_pasted_token};
use crate::service::ServiceError;

/// Reads everything on stdin (or asks on a terminal, without echo) and finds the token in it.
pub fn read_token() -> Result<PastedToken, ServiceError> {
    let text = read_secret_text("Paste the access token and press Enter (it will not be shown): ")?;
    Ok(parse_pasted_token(text.expose())?)
}

pub fn read_secret_text(prompt: &str) -> Result<Secret, ServiceError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return rpassword::prompt_password(prompt)
            .map(Secret::new)
            .map_err(|e| ServiceError::Usage(format!("Could not read from the terminal: {e}")));
    }
    let mut buf = zeroize::Zeroizing::new(String::new());
    stdin
        .lock()
        .read_to_string(&mut buf)
        .map_err(|e| ServiceError::Usage(format!("Could not read standard input: {e}")))?;
    Ok(Secret::new(buf.as_str()))
}

/// Asked only when the vault is chosen and TOKENWARDEN_VAULT_PASSPHRASE is not set.
pub fn ask_passphrase() -> Option<Secret> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    rpassword::prompt_password("Vault passphrase: ")
        .ok()
        .filter(|p| !p.is_empty())
        .map(Secret::new)
}
