//! The connection to the workspace's PostgreSQL, owned by one thread of its own.
//!
//! The store's seams (`CatalogFile`, `SecretStore`, `HistoryFile`) are synchronous and are called
//! from tokio workers, blocking threads, the window's thread and plain CLI code alike. A
//! `postgres::Client` runs a runtime of its own, which panics inside another runtime; so one
//! dedicated thread owns the client and callers hand it jobs over a std channel and wait for the
//! answer. Any context may call, none nests a runtime, and one process keeps one connection.

use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

use postgres::config::SslMode;
use postgres::{Client, Config, NoTls};

use super::WorkspaceError;
use crate::model::Secret;

/// How long a connection attempt may take before the server counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

type Job = Box<dyn FnOnce(&mut Option<Client>, &Config) + Send>;

pub struct Conn {
    jobs: Mutex<mpsc::Sender<Job>>,
    /// For a second connection of its own (the listener, see `live`).
    config: Config,
}

impl Conn {
    /// Parses the connection string (nothing is connected yet: the first job connects).
    pub fn start(url: &Secret) -> Result<Conn, WorkspaceError> {
        let config = parse(url)?;
        let (tx, rx) = mpsc::channel::<Job>();
        let own = config.clone();
        std::thread::Builder::new()
            .name("workspace-db".into())
            .spawn(move || {
                let config = own;
                let mut client = None;
                while let Ok(job) = rx.recv() {
                    job(&mut client, &config);
                }
            })
            .map_err(|e| WorkspaceError::Db(format!("could not start its thread: {e}")))?;
        Ok(Conn {
            jobs: Mutex::new(tx),
            config,
        })
    }

    /// Where the server is, "host:port/database": no user, no password.
    pub fn server(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        let db = self.config.get_dbname().unwrap_or_default();
        format!("{host}:{port}/{db}")
    }

    /// A new connection of its own, with the same settings (the caller's thread runs it).
    pub fn connect_another(&self) -> Result<Client, WorkspaceError> {
        self.config
            .connect(NoTls)
            .map_err(|e| WorkspaceError::Offline(e.to_string()))
    }

    /// Runs `f` on the connection thread, connecting first when needed, and waits for it. A
    /// server that cannot be reached is `WorkspaceError::Offline`.
    pub fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, WorkspaceError> + Send + 'static,
    ) -> Result<T, WorkspaceError> {
        let (tx, rx) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |slot, config| {
            let result = connected(slot, config).and_then(f);
            // A connection the server closed is dropped, so the next job connects again.
            if slot.as_ref().is_some_and(Client::is_closed) {
                *slot = None;
            }
            let _ = tx.send(result);
        });
        let sent = self
            .jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .send(job);
        if sent.is_err() {
            return Err(WorkspaceError::Db("its connection thread ended".into()));
        }
        rx.recv()
            .unwrap_or_else(|_| Err(WorkspaceError::Db("its connection thread ended".into())))
    }
}

fn connected<'a>(
    slot: &'a mut Option<Client>,
    config: &Config,
) -> Result<&'a mut Client, WorkspaceError> {
    if slot.is_none() {
        let client = config
            .connect(NoTls)
            .map_err(|e| WorkspaceError::Offline(e.to_string()))?;
        *slot = Some(client);
    }
    slot.as_mut()
        .ok_or_else(|| WorkspaceError::Db("no connection".into()))
}

/// `postgres://…` or `key=value` settings. TLS is not built in yet: `sslmode=require` is refused
/// rather than silently sent in clear; `prefer` (the default) and `disable` connect without it.
fn parse(url: &Secret) -> Result<Config, WorkspaceError> {
    let mut config: Config = url
        .expose()
        .trim()
        .parse()
        .map_err(|e: postgres::Error| WorkspaceError::BadUrl(e.to_string()))?;
    if config.get_ssl_mode() == SslMode::Require {
        return Err(WorkspaceError::TlsRequired);
    }
    config.ssl_mode(SslMode::Disable);
    config.connect_timeout(CONNECT_TIMEOUT);
    config.application_name("tokenwarden");
    Ok(config)
}

/// A database error in words that never include the connection string.
pub fn db(e: postgres::Error) -> WorkspaceError {
    if e.is_closed() {
        return WorkspaceError::Offline(e.to_string());
    }
    match e.as_db_error() {
        Some(d) => WorkspaceError::Db(format!("{} ({})", d.message(), d.code().code())),
        None => WorkspaceError::Db(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_required_is_refused_and_no_error_repeats_the_password() {
        let url = |u: &str| parse(&Secret::new(u)).map(|_| ()).unwrap_err();
        let required = url("postgres://ann:hunter2@db.example/desk?sslmode=require");
        assert!(
            matches!(required, WorkspaceError::TlsRequired),
            "{required}"
        );
        let bad = url("postgres://ann:hunter2@db.example/desk?sslmode=sometimes");
        assert!(matches!(bad, WorkspaceError::BadUrl(_)), "{bad}");
        assert!(!bad.to_string().contains("hunter2"), "{bad}");
        for ok in [
            "postgres://ann@db/desk",
            "postgres://ann@db/desk?sslmode=disable",
        ] {
            assert!(parse(&Secret::new(ok)).is_ok(), "{ok}");
        }
    }
}
