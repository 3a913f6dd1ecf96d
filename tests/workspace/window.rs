//! A member's window on the workspace, driven by its labels: a change another member commits
//! shows up in it within seconds; with the server away it says it is offline and keeps showing
//! the last copy; when the server is back it reconnects by itself and catches up.
//!
//! Carol reaches the server through a TCP relay the test can cut, which is what a stopped
//! server or a lost network looks like from her machine; Alice keeps her own connection.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tokenwarden::graph::GraphConfig;
use tokenwarden::gui::platform::browser::RecordingBrowser;
use tokenwarden::gui::platform::clipboard::MemoryClipboard;
use tokenwarden::gui::{DesktopOptions, GuiOptions, Startup, TokenwardenApp};
use tokenwarden::model::Secret;
use tokenwarden::service::Service;
use tokenwarden::store::{Profile, SecretBackend, Store};

use crate::Team;
use crate::support::PASSPHRASE;

type App = Harness<'static, TokenwardenApp>;

/// Relays 127.0.0.1:port to the PostgreSQL server until cut; while cut, every connection is
/// closed as soon as it is made.
struct Relay {
    port: u16,
    cut: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    fn start(host: &str, port: &str) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let target = format!("{host}:{port}");
        let relay = Relay {
            port: listener.local_addr().expect("its address").port(),
            cut: Arc::default(),
            open: Arc::default(),
        };
        let (cut, open) = (relay.cut.clone(), relay.open.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if cut.load(Ordering::SeqCst) {
                    continue;
                }
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                let mut open = open.lock().unwrap();
                for s in [&client, &server] {
                    open.push(s.try_clone().expect("a socket handle"));
                }
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            }
        });
        relay
    }

    fn url(&self, team: &Team) -> String {
        format!(
            "postgres://{}:{}@127.0.0.1:{}/{}?sslmode=disable",
            team.pg.user, team.pg.password, self.port, team.database
        )
    }

    /// The server is away: open connections drop, new ones are closed at once.
    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 || to.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Both);
    });
}

/// Steps the window until `done` holds; fails with what it shows after `wait`.
fn step_until(h: &mut App, wait: Duration, what: &str, done: impl Fn(&App) -> bool) -> Duration {
    let start = Instant::now();
    loop {
        h.step();
        if done(h) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < wait,
            "waited {wait:?} for {what}; the window shows:\n{}",
            shown(h)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn shown(h: &App) -> String {
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            let text = a.label().or_else(|| a.value())?;
            (a.role() != Role::TextRun && !text.is_empty()).then(|| format!("  {text}"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn listed(h: &App, name: &str) -> bool {
    h.query_by_role_and_label(Role::ListItem, name).is_some()
}

fn has_text(h: &App, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

fn says_offline(h: &App) -> bool {
    h.query_all_by_label_contains("Offline: the team workspace's server cannot be reached")
        .next()
        .is_some()
}

#[test]
fn the_window_follows_other_members_and_says_when_the_server_is_away() {
    let team = Team::new(None);
    team.alice_adds_shoes();

    // Carol joins through the relay and Alice lets her in as a viewer.
    let relay = Relay::start(&team.pg.host, &team.pg.port);
    let carol = tempfile::tempdir().expect("temp dir");
    let args = [
        "workspace",
        "join",
        "--url-stdin",
        "--name",
        "carol",
        "--json",
    ];
    let out = team.env.run_in(carol.path(), &args, &relay.url(&team), &[]);
    assert_eq!(out.code, 0, "join: {}", out.stderr);
    let key = out.json()["public_key"].as_str().unwrap().to_string();
    let args = [
        "workspace",
        "invite",
        "carol",
        "--key",
        &key,
        "--role",
        "viewer",
    ];
    let out = team.alice(&args, "");
    assert_eq!(out.code, 0, "invite: {}", out.stderr);

    // Carol's window, on her own profile and vault.
    let profile = Profile {
        dir: carol.path().to_path_buf(),
    };
    let backend = SecretBackend::Vault {
        passphrase: Secret::new(PASSPHRASE),
    };
    let store = Store::open(profile, backend).expect("Carol's profile opens");
    let graph = GraphConfig::default()
        .with_base_url(&team.env.base_url)
        .unwrap();
    let service = Arc::new(Service::new(store, graph).unwrap());
    let options = GuiOptions {
        clock: Arc::new(Utc::now),
        browser: Box::new(RecordingBrowser::default()),
        clipboard: Box::new(MemoryClipboard::default()),
    };
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .build_eframe(move |cc| {
            TokenwardenApp::with_desktop(
                cc,
                Startup::Service(service),
                options,
                DesktopOptions::quiet(),
            )
        });
    let wait = Duration::from_secs(30);
    step_until(&mut h, wait, "Acme Shoes in Carol's list", |h| {
        listed(h, "Acme Shoes")
    });
    assert!(!says_offline(&h));
    // Carol is a viewer: told so, and the window offers her nothing she may not do.
    step_until(&mut h, wait, "the viewer's note", |h| {
        has_text(h, "You are a viewer on this team workspace")
    });
    for action in ["Add channel…", "Check all"] {
        assert!(
            h.get_by_label(action).accesskit_node().is_disabled(),
            "{action}"
        );
    }

    // Alice renames the channel: Carol's open window shows it without her doing anything.
    let out = team.alice(&["rename", "Acme Shoes", "Acme Shoes Outlet"], "");
    assert_eq!(out.code, 0, "rename: {}", out.stderr);
    let took = step_until(&mut h, Duration::from_secs(10), "Alice's rename", |h| {
        listed(h, "Acme Shoes Outlet")
    });
    eprintln!("Alice's rename reached Carol's window {took:?} after her command returned");

    // Settings shows the members; a member Alice invites appears there too.
    h.get_by_label("Settings").click();
    step_until(&mut h, wait, "the members in Settings", |h| {
        has_text(h, "alice: renewer") && has_text(h, "carol: viewer")
    });
    assert!(!has_text(&h, "dave"));
    let dave = age::x25519::Identity::generate().to_public().to_string();
    let args = [
        "workspace",
        "invite",
        "dave",
        "--key",
        &dave,
        "--role",
        "viewer",
    ];
    let out = team.alice(&args, "");
    assert_eq!(out.code, 0, "invite: {}", out.stderr);
    step_until(&mut h, Duration::from_secs(10), "Dave in Settings", |h| {
        has_text(h, "dave: viewer")
    });
    h.get_by_label("Channels").click();
    step_until(&mut h, wait, "the list again", |h| {
        listed(h, "Acme Shoes Outlet")
    });

    // The server goes away: the window says so and keeps the last copy.
    relay.cut();
    step_until(&mut h, wait, "the offline banner", says_offline);
    assert!(listed(&h, "Acme Shoes Outlet"), "{}", shown(&h));

    // Meanwhile Alice renames it back; Carol cannot know yet.
    let out = team.alice(&["rename", "Acme Shoes Outlet", "Acme Shoes"], "");
    assert_eq!(out.code, 0, "rename back: {}", out.stderr);

    // The server is back: the window reconnects by itself and catches up.
    relay.restore();
    step_until(&mut h, wait, "the window back online and current", |h| {
        !says_offline(h) && listed(h, "Acme Shoes")
    });
    assert!(!listed(&h, "Acme Shoes Outlet"), "{}", shown(&h));
}
