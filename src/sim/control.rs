//! `SimControl`: the handle tests (and the demo) use to look into the simulated world and change
//! it while the simulator runs. All methods are sync; the world sits behind one mutex.
//!
//! This is test support: methods panic with a helpful message when given an unknown user, Page,
//! token or device code, because that is a mistake in the test, not a condition to handle.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use super::faults::Fault;
use super::ids::{self, HOUR};
use super::request::RecordedRequest;
use super::world::{World, strings};

#[derive(Clone)]
pub(crate) struct AppState {
    pub control: SimControl,
    /// Cancelled when the simulator stops, so hanging and slow requests end with it.
    pub cancel: CancellationToken,
}

/// Cheap, cloneable handle to the simulated world.
#[derive(Debug, Clone)]
pub struct SimControl {
    pub(crate) world: Arc<Mutex<World>>,
}

impl SimControl {
    pub(crate) fn new(world: World) -> Self {
        SimControl {
            world: Arc::new(Mutex::new(world)),
        }
    }

    /// Runs `f` under the lock. A panic elsewhere while holding the lock (only possible from a
    /// bug) leaves the world usable, so poisoning is ignored rather than spread to every test.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        let mut guard = self.world.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut guard)
    }

    /// Like `with` for fallible changes; panics (after the lock is released) on a test mistake.
    fn apply<R>(&self, what: &str, f: impl FnOnce(&mut World) -> Result<R, String>) -> R {
        match self.with(f) {
            Ok(r) => r,
            Err(e) => panic!("SimControl::{what}: {e}"),
        }
    }

    /// The token string of a named scenario token (e.g. "shoes_messenger").
    pub fn token(&self, name: &str) -> String {
        self.apply("token", |w| w.named(name))
    }

    /// All named scenario tokens.
    pub fn tokens(&self) -> BTreeMap<String, String> {
        self.with(|w| w.names.clone())
    }

    // ---- account and token events ----

    /// Every token of the user issued before now (and the Page tokens derived from them) dies
    /// with 190/460.
    pub fn change_password(&self, user_id: &str) {
        self.apply("change_password", |w| w.change_password(user_id));
    }

    /// All the user's tokens fail with 190/459 until further notice.
    pub fn checkpoint_user(&self, user_id: &str) {
        self.apply("checkpoint_user", |w| w.checkpoint_user(user_id));
    }

    /// The user's Page tokens for that Page fail with 190/492.
    pub fn remove_page_role(&self, user_id: &str, page_id: &str) {
        self.apply("remove_page_role", |w| {
            w.user(user_id)?;
            w.remove_page_role(user_id, page_id)
        });
    }

    /// Gives the user all tasks on the Page again (new and old Page tokens work again).
    pub fn restore_page_role(&self, user_id: &str, page_id: &str) {
        self.apply("restore_page_role", |w| {
            let tasks = [
                "ADVERTISE",
                "ANALYZE",
                "CREATE_CONTENT",
                "MESSAGING",
                "MODERATE",
                "MANAGE",
            ];
            w.grant_page_role(user_id, page_id, &tasks)
        });
    }

    /// The user removed the app: their tokens for it issued before now fail with 190/458.
    pub fn remove_app(&self, user_id: &str, app_id: &str) {
        self.apply("remove_app", |w| w.remove_app(user_id, app_id));
    }

    /// The user's sessions were invalidated by an API call: 190/466.
    pub fn invalidate_session(&self, user_id: &str) {
        self.apply("invalidate_session", |w| w.invalidate_session(user_id));
    }

    /// The token fails with 190 and no subcode. Accepts a token string or a scenario name.
    pub fn revoke(&self, token: &str) {
        self.apply("revoke", |w| {
            let t = resolve(w, token)?;
            w.revoke(&t)
        });
    }

    /// Sets `expires_at` to an hour ago: 190/463.
    pub fn expire(&self, token: &str) {
        self.set_expires_at(token, Some(ids::now() - HOUR));
    }

    /// Unix seconds; None = never expires.
    pub fn set_expires_at(&self, token: &str, expires_at: Option<i64>) {
        self.apply("set_expires_at", |w| {
            let t = resolve(w, token)?;
            w.set_expires_at(&t, expires_at)
        });
    }

    /// Takes a permission away (it then shows as declined in `/me/permissions`).
    pub fn remove_scope(&self, token: &str, scope: &str) {
        self.apply("remove_scope", |w| {
            let t = resolve(w, token)?;
            w.remove_scope(&t, scope)
        });
    }

    /// Webhook fields of the app on the Page; an empty vec unsubscribes the app.
    pub fn set_subscribed_fields(&self, page_id: &str, app_id: &str, fields: Vec<String>) {
        self.apply("set_subscribed_fields", |w| {
            w.app(app_id)?;
            w.set_subscribed_fields(page_id, app_id, fields)
        });
    }

    /// None when the app is not subscribed to the Page.
    pub fn subscribed_fields(&self, page_id: &str, app_id: &str) -> Option<Vec<String>> {
        self.apply("subscribed_fields", |w| {
            let page = w.page_mut(page_id)?;
            Ok(page.subscriptions.get(app_id).cloned())
        })
    }

    // ---- minting ----

    /// A new user token: long-lived (~60 days) or short-lived (1 hour).
    pub fn mint_user_token(
        &self,
        user_id: &str,
        app_id: &str,
        long_lived: bool,
        scopes: &[&str],
    ) -> String {
        self.apply("mint_user_token", |w| {
            w.mint_user(user_id, app_id, long_lived, strings(scopes), None)
        })
    }

    /// A new Page token (never expiring, or expiring in 1 hour).
    pub fn mint_page_token(
        &self,
        user_id: &str,
        page_id: &str,
        app_id: &str,
        never_expires: bool,
        scopes: &[&str],
    ) -> String {
        self.apply("mint_page_token", |w| {
            w.mint_page(
                user_id,
                page_id,
                app_id,
                never_expires,
                strings(scopes),
                None,
            )
        })
    }

    /// `count` more Pages, each with a healthy Messenger Page token of Acme Support (see
    /// `scenario::add_agency_pages`): (Page id, token) pairs.
    pub fn add_agency_pages(&self, count: usize) -> Vec<(String, String)> {
        self.apply("add_agency_pages", |w| {
            super::scenario::add_agency_pages(w, count)
        })
    }

    // ---- faults ----

    /// Applies `fault` to every Graph request until `clear_faults`.
    pub fn set_fault(&self, fault: Fault) {
        self.with(|w| w.faults.set(fault));
    }

    /// Applies `fault` to the next `n` Graph requests only (before any standing fault).
    pub fn fail_next(&self, n: u32, fault: Fault) {
        self.with(|w| w.faults.fail_next(n, fault));
    }

    pub fn clear_faults(&self) {
        self.with(|w| w.faults.clear());
    }

    // ---- ways of asking debug_token (reference §7, both unconfirmed) ----

    /// `POST /debug_token` with `method=GET` is refused with "Unsupported post request", as
    /// Graph may do: clients have to fall back to a batch.
    pub fn refuse_debug_token_method_override(&self, refuse: bool) {
        self.with(|w| w.refuse_debug_token_override = refuse);
    }

    /// `debug_token` as an op of a batch is refused (the op answers "Unsupported get request").
    pub fn refuse_debug_token_in_batch(&self, refuse: bool) {
        self.with(|w| w.refuse_debug_token_in_batch = refuse);
    }

    // ---- call budgets and latency (reference §8) ----

    /// `calls` per sliding `window` for the app, user or Page: usage headers report the share
    /// used, and calls beyond it are refused with the scope's limit code (4, 17, 32/80001).
    pub fn set_budget(&self, scope: super::budget::Scope, calls: u64, window: Duration) {
        self.with(|w| w.budgets.set(scope, calls, window));
    }

    /// The highest usage percentage any `X-App-Usage` or `X-Business-Use-Case-Usage` header
    /// reported so far.
    pub fn peak_usage_percent(&self) -> u64 {
        self.with(|w| w.budgets.peak())
    }

    /// Calls refused so far because a budget was used up.
    pub fn calls_refused_for_limits(&self) -> u64 {
        self.with(|w| w.budgets.refused())
    }

    /// Every HTTP request (a batch counts once) waits `latency` before it is answered, like a
    /// distant server (a standing `Fault::Latency`).
    pub fn set_latency(&self, latency: Duration) {
        self.set_fault(Fault::Latency(latency));
    }

    // ---- device login ----

    /// Seconds between polls the simulator asks for and enforces (default 5).
    pub fn set_device_interval(&self, secs: u64) {
        self.with(|w| w.devices.interval = secs);
    }

    /// The address device logins send the user to, e.g. a plain-http or foreign one to see
    /// that the app does not open it.
    pub fn set_device_verification_uri(&self, uri: &str) {
        let uri = uri.to_string();
        self.with(|w| w.devices.verification_uri = Some(uri));
    }

    /// Every device login is approved by `user_id` once it has waited `after` (the demo, where
    /// nobody is on the other device).
    pub fn auto_approve_devices(&self, user_id: &str, after: std::time::Duration) {
        let user_id = user_id.to_string();
        self.with(|w| w.devices.auto_approve = Some((user_id, after)));
    }

    /// The user enters the code and approves: the next poll returns a long-lived user token of
    /// `user_id` with the scopes asked for.
    pub fn approve_device(&self, user_code: &str, user_id: &str) {
        self.apply("approve_device", |w| w.approve_device(user_code, user_id));
    }

    pub fn decline_device(&self, user_code: &str) {
        self.apply("decline_device", |w| w.devices.decline(user_code));
    }

    pub fn expire_device(&self, user_code: &str) {
        self.apply("expire_device", |w| w.devices.expire(user_code));
    }

    /// How often the code was polled so far.
    pub fn device_polls(&self, user_code: &str) -> u32 {
        self.apply("device_polls", |w| w.devices.polls(user_code))
    }

    // ---- request log ----

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.with(|w| w.requests.clone())
    }

    pub fn clear_requests(&self) {
        self.with(|w| w.requests.clear());
    }
}

/// A token string, or the scenario name of one.
pub(crate) fn resolve(w: &World, token: &str) -> Result<String, String> {
    if w.tokens.contains_key(token) {
        Ok(token.to_string())
    } else {
        w.named(token)
    }
}
