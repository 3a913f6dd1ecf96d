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

use postgres::{Client, Config};

use super::WorkspaceError;
use super::tls::{self, Rustls};
use crate::model::Secret;

/// How long a connection attempt may take before the server counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

type Job = Box<dyn FnOnce(&mut Option<Client>, &Config, &Rustls) + Send>;

pub struct Conn {
    jobs: Mutex<mpsc::Sender<Job>>,
    /// For a second connection of its own (the listener, see `live`).
    config: Config,
    tls: Rustls,
}

impl Conn {
    /// Parses the connection string (nothing is connected yet: the first job connects).
    pub fn start(url: &Secret) -> Result<Conn, WorkspaceError> {
        let (config, tls) = parse(url)?;
        let (tx, rx) = mpsc::channel::<Job>();
        let (own, own_tls) = (config.clone(), tls.clone());
        std::thread::Builder::new()
            .name("workspace-db".into())
            .spawn(move || {
                let (config, tls) = (own, own_tls);
                let mut client = None;
                while let Ok(job) = rx.recv() {
                    job(&mut client, &config, &tls);
                }
            })
            .map_err(|e| WorkspaceError::Db(format!("could not start its thread: {e}")))?;
        Ok(Conn {
            jobs: Mutex::new(tx),
            config,
            tls,
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
        self.config.connect(self.tls.clone()).map_err(unconnected)
    }

    /// Runs `f` on the connection thread, connecting first when needed, and waits for it. A
    /// server that cannot be reached is `WorkspaceError::Offline`.
    pub fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, WorkspaceError> + Send + 'static,
    ) -> Result<T, WorkspaceError> {
        let (tx, rx) = mpsc::sync_channel(1);
        let job: Job = Box::new(move |slot, config, tls| {
            let result = connected(slot, config, tls).and_then(f);
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
    tls: &Rustls,
) -> Result<&'a mut Client, WorkspaceError> {
    if slot.is_none() {
        let client = config.connect(tls.clone()).map_err(unconnected)?;
        *slot = Some(client);
    }
    slot.as_mut()
        .ok_or_else(|| WorkspaceError::Db("no connection".into()))
}

/// A connection that failed: a certificate or handshake refused is not "offline" (no offline
/// copy stands in for a server that may not be ours).
fn unconnected(e: postgres::Error) -> WorkspaceError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        // An io::Error's `source` skips the error it wraps: the handshake's is looked at itself.
        let inner = s
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref());
        let found = [
            Some(s),
            inner.map(|e| e as &(dyn std::error::Error + 'static)),
        ];
        if let Some(t) = found
            .into_iter()
            .flatten()
            .find_map(|e| e.downcast_ref::<rustls::Error>())
        {
            return WorkspaceError::Tls(t.to_string());
        }
        source = s.source();
    }
    WorkspaceError::Offline(e.to_string())
}

/// `postgres://…` or `key=value` settings, with libpq's `sslmode` (default `prefer`) and
/// `sslrootcert` (see `tls`).
fn parse(url: &Secret) -> Result<(Config, Rustls), WorkspaceError> {
    let (rest, mode, root) = tls::split(url.expose().trim());
    let mode = match mode {
        Some(m) => tls::Mode::parse(&m)?,
        None => tls::Mode::Prefer,
    };
    let mut config: Config = rest
        .parse()
        .map_err(|e: postgres::Error| WorkspaceError::BadUrl(e.to_string()))?;
    let root = tls::root_path(root);
    let connector = Rustls::new(mode, root.as_deref())?;
    config.ssl_mode(mode.negotiation());
    config.connect_timeout(CONNECT_TIMEOUT);
    config.application_name("tokenwarden");
    Ok((config, connector))
}

/// Whether a connection string holds a password (one that cannot be read holds none we know of:
/// it is refused later for what it is).
pub fn holds_password(url: &Secret) -> bool {
    let (rest, _, _) = tls::split(url.expose().trim());
    rest.parse::<Config>()
        .is_ok_and(|c| c.get_password().is_some_and(|p| !p.is_empty()))
}

/// A database error in words that never include the connection string.
pub fn db(e: postgres::Error) -> WorkspaceError {
    // A server ending a session (shutdown, pg_terminate_backend) is seen, depending on timing,
    // as a closed connection, a reset (an I/O error), or its FATAL message (SQLSTATE class
    // 57P: admin_shutdown, crash_shutdown, cannot_connect_now): all three are the server away.
    let lost = e.is_closed()
        || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>())
        || e.code().is_some_and(|c| c.code().starts_with("57P"));
    if lost {
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
    use postgres::config::SslMode;

    fn parsed(u: &str) -> Result<Config, WorkspaceError> {
        parse(&Secret::new(u)).map(|(config, _)| config)
    }

    #[test]
    fn a_password_is_found_in_either_form_of_address() {
        for (u, held) in [
            ("postgres://alice:s3cret@db.example/team", true),
            ("postgres://alice@db.example/team?sslmode=require", false),
            (
                "host=db.example dbname=team user=alice password=s3cret",
                true,
            ),
            ("host=db.example dbname=team user=alice", false),
            (
                "postgres://db.example/team?password=s3cret&sslmode=verify-full",
                true,
            ),
        ] {
            assert_eq!(holds_password(&Secret::new(u)), held, "{u}");
        }
    }

    #[test]
    fn sslmode_is_honoured_and_no_error_repeats_the_password() {
        for (url, negotiated) in [
            ("postgres://ann@db/desk", SslMode::Prefer),
            ("postgres://ann@db/desk?sslmode=disable", SslMode::Disable),
            ("postgres://ann@db/desk?sslmode=prefer", SslMode::Prefer),
            ("postgres://ann@db/desk?sslmode=require", SslMode::Require),
            ("postgres://ann@db/desk?sslmode=verify-ca", SslMode::Require),
            (
                "postgres://ann@db/desk?connect_timeout=9&sslmode=verify-full",
                SslMode::Require,
            ),
            ("host=db user=ann sslmode=verify-full", SslMode::Require),
            ("host=db user=ann", SslMode::Prefer),
        ] {
            let config = parsed(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(config.get_ssl_mode(), negotiated, "{url}");
            assert_eq!(config.get_hosts().len(), 1, "{url}");
        }
        let bad = parsed("postgres://ann:hunter2@db.example/desk?sslmode=sometimes").unwrap_err();
        assert!(
            matches!(&bad, WorkspaceError::BadSslMode(v) if v == "sometimes"),
            "{bad}"
        );
        assert!(!bad.to_string().contains("hunter2"), "{bad}");
        let garbled = parsed("postgres://ann:hunter2@db.example/desk?nonsense=1").unwrap_err();
        assert!(matches!(garbled, WorkspaceError::BadUrl(_)), "{garbled}");
        assert!(!garbled.to_string().contains("hunter2"), "{garbled}");
    }

    #[test]
    fn a_root_certificate_that_cannot_be_read_is_refused_before_connecting() {
        let dir = tempfile::tempdir().unwrap();
        // Percent-encoded in the address; a '+' is a '+'.
        let missing = dir.path().join("root cert+1.crt");
        let url = format!(
            "postgres://ann:hunter2@db/desk?sslmode=verify-ca&sslrootcert={}",
            missing.display().to_string().replace(' ', "%20")
        );
        let e = parsed(&url).unwrap_err();
        assert!(
            matches!(&e, WorkspaceError::RootCert { path, .. } if *path == missing),
            "{e}"
        );
        std::fs::write(&missing, "not a certificate").unwrap();
        let e = parsed(&url).unwrap_err();
        assert!(matches!(e, WorkspaceError::RootCert { .. }), "{e}");
        assert!(!e.to_string().contains("hunter2"), "{e}");
    }
}
