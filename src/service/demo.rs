//! `--demo`: a throw-away profile (secrets in memory) backed by the built-in Graph simulator,
//! with channels in every state, so a newcomer sees a realistic window with no account and no
//! network. The channels are saved as a user would have them and then checked for real against
//! the simulator, so every fact on screen comes from the same code paths as with Meta.

use chrono::Utc;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

use super::{Service, ServiceError, blocking};
use crate::graph::GraphConfig;
use crate::model::{Channel, ChannelKind, Secret, SecretRef, StoredToken};
use crate::sim::scenario::{
    ACME_APP_ID, ACME_APP_NAME, ACME_APP_SECRET, ACME_CLIENT_TOKEN, BIKES_PAGE_ID, BOOKS_PAGE_ID,
    GARDEN_PAGE_ID, SHOES_PAGE_ID, TOYS_PAGE_ID, TRAVEL_PAGE_ID, WABA_ID,
};
use crate::sim::{Scenario, SimControl, Simulator};
use crate::store::{Catalog, Profile, SecretBackend, Store};

/// (channel name, kind, simulator token, Page id, Page name)
const DEMO_CHANNELS: &[(&str, ChannelKind, &str, &str, &str)] = &[
    (
        "Acme Shoes",
        ChannelKind::Messenger,
        "shoes_messenger",
        SHOES_PAGE_ID,
        "Acme Shoes",
    ),
    (
        "Acme Books",
        ChannelKind::Messenger,
        "books_expiring",
        BOOKS_PAGE_ID,
        "Acme Books",
    ),
    (
        "Acme Travel",
        ChannelKind::Messenger,
        "travel_expired",
        TRAVEL_PAGE_ID,
        "Acme Travel",
    ),
    (
        "Acme Garden",
        ChannelKind::Messenger,
        "garden_password",
        GARDEN_PAGE_ID,
        "Acme Garden",
    ),
    (
        "Acme Books Page",
        ChannelKind::FacebookPage,
        "role_lost",
        BOOKS_PAGE_ID,
        "Acme Books",
    ),
    (
        "Acme Toys",
        ChannelKind::Messenger,
        "webhook_off",
        TOYS_PAGE_ID,
        "Acme Toys",
    ),
    (
        "Acme Shoes Support",
        ChannelKind::Messenger,
        "missing_permission",
        SHOES_PAGE_ID,
        "Acme Shoes",
    ),
    (
        "Acme Shoes Instagram",
        ChannelKind::Instagram,
        "ig_data_soon",
        SHOES_PAGE_ID,
        "Acme Shoes",
    ),
    (
        "Acme Travel Alerts",
        ChannelKind::Messenger,
        "checkpointed",
        TRAVEL_PAGE_ID,
        "Acme Travel",
    ),
    (
        "Acme WhatsApp",
        ChannelKind::Whatsapp,
        "whatsapp_system",
        WABA_ID,
        "Acme WhatsApp Business",
    ),
];

/// Saved last, after the first check, so the demo also shows a channel never checked.
const UNCHECKED: (&str, ChannelKind, &str, &str, &str) = (
    "Bob's Bikes",
    ChannelKind::Messenger,
    "bikes_page",
    BIKES_PAGE_ID,
    "Bob's Bikes",
);

pub struct DemoEnv {
    pub service: Arc<Service>,
    pub sim: SimControl,
    _server: Simulator,
    dir: PathBuf,
}

impl DemoEnv {
    /// Starts the simulator on the current tokio runtime and fills a temporary profile.
    pub async fn start() -> Result<DemoEnv, ServiceError> {
        let server = Simulator::start(0, Scenario::demo()).await.map_err(|e| {
            ServiceError::Internal(format!("the demo simulator could not start: {e}"))
        })?;
        let dir = std::env::temp_dir().join(format!(
            "tokenwarden-demo-{}",
            uuid::Uuid::new_v4().simple()
        ));
        let profile = Profile::resolve(Some(dir.clone()))?;
        let store = Store::open(profile, SecretBackend::Memory)?;
        let mut cfg = GraphConfig::default().with_base_url(&server.base_url())?;
        cfg.timeout = Duration::from_secs(5);
        let service = Service::new(store, cfg)?;
        let env = DemoEnv {
            sim: server.control(),
            service: Arc::new(service),
            _server: server,
            dir,
        };
        env.service
            .add_app(
                ACME_APP_ID,
                ACME_APP_NAME,
                Some(Secret::new(ACME_APP_SECRET)),
                Some(ACME_CLIENT_TOKEN.to_string()),
            )
            .await?;
        for c in DEMO_CHANNELS {
            env.seed(c).await?;
        }
        env.service
            .check(None, None, CancellationToken::new())
            .await?;
        env.seed(&UNCHECKED).await?;
        Ok(env)
    }

    /// Saves a channel the way an earlier session of the user would have left it.
    async fn seed(&self, c: &(&str, ChannelKind, &str, &str, &str)) -> Result<(), ServiceError> {
        let (name, kind, token_name, page_id, page_name) = *c;
        let token = Secret::new(self.sim.token(token_name));
        let channel = saved(name, kind, page_id, page_name, &token);
        self.service
            .put_secret(&channel.token.secret, &token)
            .await?;
        let store = self.service.store.clone();
        blocking(move || {
            store
                .catalog
                .update(|cat: &mut Catalog| -> Result<(), ServiceError> {
                    cat.channels.push(channel);
                    Ok(())
                })
        })
        .await?
    }
}

/// A never-checked channel of the Acme app as an earlier session would have saved it.
fn saved(name: &str, kind: ChannelKind, page_id: &str, page_name: &str, token: &Secret) -> Channel {
    Channel {
        id: Channel::new_id(),
        name: name.into(),
        kind,
        app_id: Some(ACME_APP_ID.into()),
        page_id: Some(page_id.into()),
        page_name: Some(page_name.into()),
        token: StoredToken {
            secret: SecretRef::new_token(),
            fingerprint: token.fingerprint(),
            saved_at: Utc::now(),
        },
        previous_token: None,
        previous_report: None,
        last_report: None,
        last_failure: None,
        added_at: Utc::now(),
    }
}

/// A service on a throw-away profile in `dir` (secrets in memory) that talks to the simulator at
/// `base_url`, with the Acme app and its secret saved: where agency tests and benchmarks start.
pub async fn agency_service(dir: &Path, base_url: &str) -> Result<Service, ServiceError> {
    let profile = Profile::resolve(Some(dir.to_path_buf()))?;
    let store = Store::open(profile, SecretBackend::Memory)?;
    let mut cfg = GraphConfig::default().with_base_url(base_url)?;
    cfg.timeout = Duration::from_secs(10);
    cfg.backoff = Duration::from_millis(10);
    let service = Service::new(store, cfg)?;
    let secret = Secret::new(ACME_APP_SECRET);
    service
        .add_app(ACME_APP_ID, ACME_APP_NAME, Some(secret), None)
        .await?;
    Ok(service)
}

/// `count` healthy Messenger channels of the Acme app on new simulated Pages
/// (`SimControl::add_agency_pages`), saved in one catalog write: an agency's list for tests and
/// benchmarks. The Acme app must be saved already. Returns the Pages (ids and tokens) in order.
pub async fn seed_agency(
    service: &Service,
    sim: &SimControl,
    count: usize,
) -> Result<Vec<(String, Secret)>, ServiceError> {
    let pages = sim.add_agency_pages(count);
    let mut channels = Vec::with_capacity(count);
    let mut secrets = Vec::with_capacity(count);
    for (page, token) in pages.clone() {
        let token = Secret::new(token);
        let name = format!("Agency {page}");
        let channel = saved(&name, ChannelKind::Messenger, &page, &name, &token);
        secrets.push((channel.token.secret.clone(), token));
        channels.push(channel);
    }
    let (store, secret_store) = (service.store.clone(), service.secrets());
    blocking(move || -> Result<(), ServiceError> {
        for (r, token) in &secrets {
            secret_store.set(r, token)?;
        }
        store
            .catalog
            .update(|cat: &mut Catalog| -> Result<(), ServiceError> {
                cat.channels.extend(channels);
                Ok(())
            })
    })
    .await??;
    Ok(pages
        .into_iter()
        .map(|(page, token)| (page, Secret::new(token)))
        .collect())
}

impl Drop for DemoEnv {
    fn drop(&mut self) {
        // A throw-away profile: nothing of the demo stays on the machine.
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
