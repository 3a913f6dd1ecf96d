//! The backup file: one age file (passphrase, scrypt) holding apps, channels and their secrets
//! (current and previous tokens, app secrets), to move a profile to another computer or hand it
//! to a colleague. Reading it changes nothing; deciding what to restore is the service's job.
//!
//! The clear JSON exists only in zeroizing buffers; the file on disk is owner-only.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::atomic::write_atomic;
use super::secrets::SecretError;
use super::vault::{
    DEFAULT_WORK_FACTOR, MAX_WORK_FACTOR, scrypt_work_factor, too_much_work, work_factor_from_env,
};
use crate::model::text::inert;
use crate::model::{Channel, MetaApp, Secret};

/// Names the setting that may hold the backup passphrase (scripts).
pub const BACKUP_PASSPHRASE_ENV: &str = "TOKENWARDEN_BACKUP_PASSPHRASE";
const BACKUP_FORMAT: &str = "tokenwarden-backup";
const BACKUP_VERSION: u32 = 1;

/// What a backup holds, secrets included (masked in `Debug`).
#[derive(Debug, Clone)]
pub struct BackupContents {
    pub made_at: DateTime<Utc>,
    /// "user on host".
    pub made_by: String,
    pub tokenwarden_version: String,
    pub apps: Vec<BackupApp>,
    pub channels: Vec<BackupChannel>,
}

#[derive(Debug, Clone)]
pub struct BackupApp {
    pub app: MetaApp,
    pub secret: Option<Secret>,
}

/// A channel as saved, with its tokens. The secret references inside `channel` belong to the
/// profile it came from; a restore stores the tokens under new ones.
#[derive(Debug, Clone)]
pub struct BackupChannel {
    pub channel: Channel,
    pub token: Secret,
    pub previous_token: Option<Secret>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "The passphrase does not open the backup {}. Nothing was changed. Type the passphrase \
         that was chosen when the backup was made.", path.display()
    )]
    WrongPassphrase { path: PathBuf },
    #[error(
        "The backup {} is damaged or incomplete ({detail}). Nothing was changed. Copy the file \
         again from where it was kept, or use another backup.", path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "The backup {} was made by a newer Tokenwarden. Nothing was changed; install the newer \
         Tokenwarden to restore it.", path.display()
    )]
    Newer { path: PathBuf },
    #[error(
        "A backup needs a passphrase. Type it when asked, or set TOKENWARDEN_BACKUP_PASSPHRASE \
         for scripts."
    )]
    NoPassphrase,
    #[error(
        "Could not {action} {}: {source}. Check the folder exists and that you may write to it.",
        path.display()
    )]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Setting(#[from] SecretError),
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'a str,
    version: u32,
    made_at: DateTime<Utc>,
    made_by: &'a str,
    tokenwarden_version: &'a str,
    apps: Vec<AppOut<'a>>,
    channels: Vec<ChannelOut<'a>>,
}

#[derive(Serialize)]
struct AppOut<'a> {
    app: &'a MetaApp,
    secret: Option<&'a str>,
}

#[derive(Serialize)]
struct ChannelOut<'a> {
    channel: &'a Channel,
    token: &'a str,
    previous_token: Option<&'a str>,
}

/// Only the header, so a newer layout is told apart from a damaged file.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Deserialize)]
struct FileIn {
    made_at: DateTime<Utc>,
    made_by: String,
    tokenwarden_version: String,
    apps: Vec<AppIn>,
    channels: Vec<ChannelIn>,
}

#[derive(Deserialize)]
struct AppIn {
    app: MetaApp,
    secret: Option<String>,
}

#[derive(Deserialize)]
struct ChannelIn {
    channel: Channel,
    token: String,
    previous_token: Option<String>,
}

/// Encrypts `contents` with `passphrase` and replaces `path`. The work factor is the vault's
/// setting but never below the default: a backup travels, so a lower setting meant for tests
/// or a slow machine must not make it easier to guess.
pub fn write_backup(
    path: &Path,
    contents: &BackupContents,
    passphrase: &Secret,
) -> Result<(), BackupError> {
    let work_factor = work_factor_from_env()?.max(DEFAULT_WORK_FACTOR);
    write_backup_with(path, contents, passphrase, work_factor)
}

fn write_backup_with(
    path: &Path,
    contents: &BackupContents,
    passphrase: &Secret,
    work_factor: u8,
) -> Result<(), BackupError> {
    if passphrase.is_empty() {
        return Err(BackupError::NoPassphrase);
    }
    let out = FileOut {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        made_at: contents.made_at,
        made_by: &contents.made_by,
        tokenwarden_version: &contents.tokenwarden_version,
        apps: contents
            .apps
            .iter()
            .map(|a| AppOut {
                app: &a.app,
                secret: a.secret.as_ref().map(Secret::expose),
            })
            .collect(),
        channels: contents
            .channels
            .iter()
            .map(|c| ChannelOut {
                channel: &c.channel,
                token: c.token.expose(),
                previous_token: c.previous_token.as_ref().map(Secret::expose),
            })
            .collect(),
    };
    let io = |action, source| BackupError::Io {
        action,
        path: path.to_path_buf(),
        source,
    };
    // Measured first and allocated once: a growing buffer would leave copies of the secrets
    // behind in memory that is freed without being zeroized.
    let mut size = ByteCount(0);
    serde_json::to_writer(&mut size, &out)
        .map_err(|e| io("prepare the backup", std::io::Error::other(e)))?;
    let mut plain = Zeroizing::new(Vec::with_capacity(size.0));
    serde_json::to_writer(&mut *plain, &out)
        .map_err(|e| io("prepare the backup", std::io::Error::other(e)))?;
    let bytes = encrypt(&plain, passphrase, work_factor)
        .map_err(|e| io("encrypt the backup", std::io::Error::other(e)))?;
    write_atomic(path, &bytes).map_err(|e| io("write the backup to", e))
}

/// A writer that only counts what it is given.
struct ByteCount(usize);

impl Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn encrypt(
    plain: &[u8],
    passphrase: &Secret,
    work_factor: u8,
) -> Result<Vec<u8>, Box<dyn std::error::Error + Send + Sync>> {
    let mut recipient =
        age::scrypt::Recipient::new(SecretString::from(passphrase.expose().to_owned()));
    recipient.set_work_factor(work_factor);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as _))?;
    let mut out = Vec::with_capacity(plain.len() + 512);
    let mut writer = encryptor.wrap_output(&mut out)?;
    writer.write_all(plain)?;
    writer.finish()?;
    Ok(out)
}

/// Reads and decrypts a backup. A wrong passphrase, a cut-off or altered file, or one that is
/// not a Tokenwarden backup is an error that names the file; nothing else is touched.
pub fn read_backup(path: &Path, passphrase: &Secret) -> Result<BackupContents, BackupError> {
    use age::DecryptError as D;
    if passphrase.is_empty() {
        return Err(BackupError::NoPassphrase);
    }
    let damaged = |detail: String| BackupError::Damaged {
        path: path.to_path_buf(),
        detail,
    };
    let bytes = std::fs::read(path).map_err(|source| BackupError::Io {
        action: "read the backup",
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(log_n) = scrypt_work_factor(&bytes)
        && log_n > MAX_WORK_FACTOR
    {
        return Err(damaged(too_much_work("it", log_n)));
    }
    let decryptor = age::Decryptor::new_buffered(&bytes[..])
        .map_err(|e| damaged(format!("not a complete encrypted file: {e}")))?;
    if !decryptor.is_scrypt() {
        return Err(damaged("it is not protected by a passphrase".into()));
    }
    let mut identity =
        age::scrypt::Identity::new(SecretString::from(passphrase.expose().to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as _))
        .map_err(|e| match e {
            D::DecryptionFailed | D::KeyDecryptionFailed | D::NoMatchingKeys => {
                BackupError::WrongPassphrase {
                    path: path.to_path_buf(),
                }
            }
            D::ExcessiveWork { required, .. } => damaged(too_much_work("it", required)),
            other => damaged(other.to_string()),
        })?;
    let mut plain = Zeroizing::new(Vec::with_capacity(bytes.len()));
    reader
        .read_to_end(&mut plain)
        .map_err(|e| damaged(format!("it is cut short or altered: {e}")))?;
    let header: Header = serde_json::from_slice(&plain)
        .map_err(|_| damaged("it does not hold a Tokenwarden backup".into()))?;
    if header.format != BACKUP_FORMAT {
        return Err(damaged("it does not hold a Tokenwarden backup".into()));
    }
    if header.version > BACKUP_VERSION {
        return Err(BackupError::Newer {
            path: path.to_path_buf(),
        });
    }
    let parsed: FileIn =
        serde_json::from_slice(&plain).map_err(|e| damaged(format!("unexpected content: {e}")))?;
    // Moving each String into a Secret keeps its buffer, which is then zeroized on drop.
    Ok(BackupContents {
        made_at: parsed.made_at,
        // Names from the file are shown in the restore plan and saved: inert first.
        made_by: inert(&parsed.made_by),
        tokenwarden_version: inert(&parsed.tokenwarden_version),
        apps: parsed
            .apps
            .into_iter()
            .map(|a| BackupApp {
                app: MetaApp {
                    name: inert(&a.app.name),
                    ..a.app
                },
                secret: a.secret.map(Secret::new),
            })
            .collect(),
        channels: parsed
            .channels
            .into_iter()
            .map(|c| BackupChannel {
                channel: Channel {
                    name: inert(&c.channel.name),
                    page_name: c.channel.page_name.as_deref().map(inert),
                    ..c.channel
                },
                token: Secret::new(c.token),
                previous_token: c.previous_token.map(Secret::new),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents() -> BackupContents {
        BackupContents {
            made_at: Utc::now(),
            made_by: "ann on desk".into(),
            tokenwarden_version: "0.1.0".into(),
            apps: vec![BackupApp {
                app: MetaApp {
                    id: "1".into(),
                    name: "App".into(),
                    client_token: None,
                    has_secret: true,
                },
                secret: Some(Secret::new("app-secret-value")),
            }],
            channels: vec![],
        }
    }

    #[test]
    fn round_trip_wrong_passphrase_and_truncation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.age");
        write_backup_with(&path, &contents(), &Secret::new("pw"), 10).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("app-secret-value"));
        let back = read_backup(&path, &Secret::new("pw")).unwrap();
        assert_eq!(
            back.apps[0].secret.as_ref().unwrap().expose(),
            "app-secret-value"
        );
        let wrong = read_backup(&path, &Secret::new("nope")).unwrap_err();
        assert!(
            matches!(wrong, BackupError::WrongPassphrase { .. }),
            "{wrong}"
        );
        std::fs::write(&path, &bytes[..bytes.len() - 20]).unwrap();
        let cut = read_backup(&path, &Secret::new("pw")).unwrap_err();
        assert!(matches!(cut, BackupError::Damaged { .. }), "{cut}");
        assert!(cut.to_string().contains("Nothing was changed"));
    }
}
