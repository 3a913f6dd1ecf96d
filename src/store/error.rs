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
        "Tokenwarden will not use {}: {problem}. Nothing was read or written. {fix}",
        path.display()
    )]
    UnsafeProfile {
        path: PathBuf,
        problem: String,
        fix: String,
    },
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("Team workspace: {0}.")]
    Workspace(#[from] super::workspace::WorkspaceError),
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
