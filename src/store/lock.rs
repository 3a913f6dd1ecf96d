//! An exclusive lock on a small side file (`catalog.lock`, `vault.lock`), held while the file
//! beside it is read, changed and replaced. Other processes and other handles in this process wait.
//! The lock file is owner-only and never opened through a symbolic link.

use std::fs::File;
use std::io;
use std::path::Path;

/// Held until dropped; closing the file releases the lock, also when the process dies.
#[derive(Debug)]
pub(crate) struct FileLock {
    _file: File,
}

impl FileLock {
    /// Blocks until this handle holds the exclusive lock. The lock file is never deleted:
    /// deleting it would let two processes lock two different files.
    pub(crate) fn exclusive(path: &Path) -> io::Result<FileLock> {
        let file = super::private::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(super::private::explain_link)?;
        file.lock()?;
        Ok(FileLock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::{OpenOptions, TryLockError};

    #[test]
    fn a_second_handle_waits_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.lock");
        let held = FileLock::exclusive(&path).unwrap();
        let other = OpenOptions::new().write(true).open(&path).unwrap();
        assert!(matches!(other.try_lock(), Err(TryLockError::WouldBlock)));
        drop(held);
        other.try_lock().unwrap();
    }
}
