//! Graph API simulator (axum): stands in for Meta in tests, the demo and benchmarks.
//!
//! It speaks Graph JSON only (it plays Meta, so it knows nothing of our model): `debug_token`,
//! `/me`, `/me/accounts`, token exchange, device login, `subscribed_apps`, `appsecret_proof`,
//! batch requests, Meta's error objects and headers, call budgets with usage headers and the
//! scoped limit codes (`budget.rs`). It records every request's raw URI. Tests change the world through [`SimControl`] and inject
//! network faults with [`Fault`]. Everything in it is fake, including its tokens and secrets.

mod api_pages;
mod api_tokens;
mod api_webhooks;
mod auth;
mod batch;
mod budget;
mod bulk;
mod control;
mod demo_ids;
mod demo_tokens;
mod device;
mod device_codes;
mod errors;
mod events;
mod faults;
mod http_control;
mod ids;
mod request;
mod request_log;
mod routes;
pub mod scenario;
mod validity;
mod world;

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

pub use budget::Scope;
pub use control::SimControl;
pub use faults::Fault;
pub use request::RecordedRequest;
pub use scenario::Scenario;

use control::AppState;

/// How long a stopping simulator waits for open connections before dropping them.
const STOP_GRACE: Duration = Duration::from_millis(500);

/// A running simulator on the caller's tokio runtime. Dropping it stops it.
#[derive(Debug)]
pub struct Simulator {
    addr: SocketAddr,
    control: SimControl,
    cancel: CancellationToken,
}

impl Simulator {
    /// Binds 127.0.0.1:port (0 = any free port) on the current tokio runtime and serves.
    pub async fn start(port: u16, scenario: Scenario) -> std::io::Result<Simulator> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
        let addr = listener.local_addr()?;
        let control = SimControl::new(scenario.world);
        let cancel = CancellationToken::new();
        tokio::spawn(serve(listener, control.clone(), cancel.clone()));
        Ok(Simulator {
            addr,
            control,
            cancel,
        })
    }

    /// For sync code (CLI integration tests, GUI tests): runs the simulator on its own thread
    /// with its own tokio runtime; dropping the handle stops it and frees the port.
    pub fn start_background(scenario: Scenario) -> std::io::Result<SimHandle> {
        // Bind here so the port is known (and errors surface) before this returns.
        let std_listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("tokenwarden-sim")
            .enable_all()
            .build()?;
        let control = SimControl::new(scenario.world);
        let cancel = CancellationToken::new();
        let (thread_control, thread_cancel) = (control.clone(), cancel.clone());
        let thread = std::thread::Builder::new()
            .name("tokenwarden-sim".into())
            .spawn(move || {
                runtime.block_on(async move {
                    match TcpListener::from_std(std_listener) {
                        Ok(listener) => serve(listener, thread_control, thread_cancel).await,
                        Err(e) => eprintln!("simulator: cannot listen: {e}"),
                    }
                });
                // Drops whatever is still running (e.g. a hanging request) with the runtime.
                runtime.shutdown_timeout(STOP_GRACE);
            })?;
        Ok(SimHandle {
            addr,
            control,
            cancel,
            thread: Some(thread),
        })
    }

    /// "http://127.0.0.1:PORT" (no trailing slash, no version).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn control(&self) -> SimControl {
        self.control.clone()
    }
}

impl Drop for Simulator {
    fn drop(&mut self) {
        self.cancel.cancel();
    }
}

/// Serves until `cancel` fires, then ends hanging requests and closes connections.
async fn serve(listener: TcpListener, control: SimControl, cancel: CancellationToken) {
    let app = routes::router(AppState {
        control,
        cancel: cancel.clone(),
    });
    let shutdown = cancel.clone().cancelled_owned();
    let server = axum::serve(listener, app).with_graceful_shutdown(shutdown);
    // Graceful shutdown waits for open connections; do not wait forever for idle keep-alives.
    tokio::select! {
        result = server => {
            if let Err(e) = result {
                eprintln!("simulator: server error: {e}");
            }
        }
        _ = async { cancel.cancelled().await; tokio::time::sleep(STOP_GRACE).await } => {}
    }
}

/// A simulator running on its own thread; see [`Simulator::start_background`].
#[derive(Debug)]
pub struct SimHandle {
    addr: SocketAddr,
    control: SimControl,
    cancel: CancellationToken,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SimHandle {
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn control(&self) -> SimControl {
        self.control.clone()
    }

    /// Stops the simulator and waits until the port is free (same as dropping the handle).
    pub fn stop(self) {}
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        self.cancel.cancel();
        if let Some(thread) = self.thread.take() {
            // A panic on the simulator thread was already printed; nothing more to do here.
            let _ = thread.join();
        }
    }
}

/// Serves until Ctrl-C, printing the base URL, the app credentials and the named tokens (this is
/// a training fake; its tokens are fake): used by `tokenwarden sim [--port P]`.
pub async fn run_standalone(port: u16) -> std::io::Result<()> {
    use scenario::*;
    let sim = Simulator::start(port, Scenario::demo()).await?;
    let base = sim.base_url();
    println!(
        "Tokenwarden Graph API simulator (a training fake: every token and secret below is fake)"
    );
    println!();
    println!("  base URL:  {base}   (e.g. {base}/v26.0/debug_token)");
    println!("  use it:    TOKENWARDEN_GRAPH_URL={base}");
    println!();
    println!(
        "  app {ACME_APP_NAME:<14} id {ACME_APP_ID}  secret {ACME_APP_SECRET}  client token {ACME_CLIENT_TOKEN}"
    );
    println!(
        "  app {OTHER_APP_NAME:<14} id {OTHER_APP_ID}  secret {OTHER_APP_SECRET}  client token {OTHER_CLIENT_TOKEN}"
    );
    println!();
    println!("  named tokens:");
    for (name, token) in sim.control().tokens() {
        println!("    {name:<20} {token}");
    }
    println!();
    println!("  control:   GET {base}/__sim/tokens   GET {base}/__sim/requests");
    println!(
        "             POST {base}/__sim/event  {{\"event\":\"password_changed\",\"user_id\":\"{CAROL_ID}\"}}"
    );
    println!(
        "             events: password_changed, page_role_lost, checkpoint, app_removed, session_invalidated,"
    );
    println!(
        "                     revoke, expire, fault (server_error_html|truncated_json|rate_limited|hang|latency|"
    );
    println!("                     redirect|huge_body|endless_body|none),");
    println!("                     approve_device, decline_device");
    println!();
    println!("Press Ctrl-C to stop.");
    tokio::signal::ctrl_c().await?;
    drop(sim);
    Ok(())
}
