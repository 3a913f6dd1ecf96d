//! What can go wrong with the profile folder and the catalog, in words a user can act on.

use std::path::PathBuf;

use super::secrets::SecretError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Could not {action} {}: {source}. Check that the folder exists, that you may write to \
         it and that the disk is not full.", path.display()
    )]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "The catalog file {} is damaged and cannot be read ({detail}). Tokenwarden has not \
         changed it. Restore it from a backup, or move it away to start with an empty list.",
        path.display()
    )]
    CorruptCatalog { path: PathBuf, detail: String },
    #[error(
        "The catalog file {} was made by a newer Tokenwarden (format {found}; this version \
         reads up to {supported}). Install the newer Tokenwarden to open it; the file has not \
         been changed.", path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error(
        "Could not lock {} to save changes safely: {source}. Check that the profile folder \
         still exists and that you may write to it; if it is on a network drive, choose a \
         local folder with --profile.", path.display()
    )]
    Lock {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "Could not find a folder for Tokenwarden's data (no home folder is known). Choose one \
         with --profile DIR or TOKENWARDEN_PROFILE."
    )]
    NoProfileDir,
    #[error(
        "Tokenwarden will not use {}: {problem}. Nothing was read or written. {}",
        path.display(), problem.fix(path)
    )]
    UnsafeProfile { path: PathBuf, problem: Unsafe },
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("Team workspace: {0}.")]
    Workspace(#[from] super::workspace::WorkspaceError),
}

/// Why a profile folder or file is not used: others could swap what Tokenwarden reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsafe {
    /// A symbolic link, which could point Tokenwarden at a file that is not the user's.
    Link,
    /// The folder belongs to another user (by user id).
    OtherOwner { owner: u32, me: u32 },
    /// Other users may change files in the folder (its permission bits).
    OpenToOthers { mode: u32 },
}

impl std::fmt::Display for Unsafe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unsafe::Link => f.write_str(
                "it is a symbolic link, which could point Tokenwarden at a file that is not yours",
            ),
            Unsafe::OtherOwner { owner, me } => write!(
                f,
                "the folder belongs to another user (user id {owner}, you are {me})"
            ),
            Unsafe::OpenToOthers { mode } => write!(
                f,
                "other users may change files in it (permissions {mode:o}), so they could \
                 replace your catalog or vault"
            ),
        }
    }
}

impl Unsafe {
    /// What to do about it, in English for logs (`words::errors` phrases it for people).
    pub fn fix(&self, path: &std::path::Path) -> String {
        let path = shell_quote(&path.display().to_string());
        match self {
            Unsafe::Link => format!(
                "Replace the link with the real file (for example: mv the file it points to over \
                 {path}), then try again."
            ),
            Unsafe::OtherOwner { .. } => "Use a folder of your own with --profile DIR, or have \
                                          its owner hand it over to you (chown)."
                .into(),
            Unsafe::OpenToOthers { .. } => format!("Make it yours alone with: chmod 700 {path}"),
        }
    }
}

/// A path as a person can paste it into a shell.
pub fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

impl StoreError {
    /// A lock that could not be taken; a refused symbolic link gets its own plain words.
    pub(crate) fn lock(path: &std::path::Path, source: std::io::Error) -> Self {
        if super::private::is_link(&source) {
            return super::private::link_error(path);
        }
        StoreError::Lock {
            path: path.to_path_buf(),
            source,
        }
    }

    /// An I/O failure on a profile file; a refused symbolic link gets its own plain words.
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        let path = path.into();
        if super::private::is_link(&source) {
            return super::private::link_error(&path);
        }
        StoreError::Io {
            action,
            path,
            source,
        }
    }
}
