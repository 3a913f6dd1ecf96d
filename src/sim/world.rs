//! The simulated Meta world: apps, users, Pages, WhatsApp accounts and every token issued, plus
//! who manages which Page. Validity rules: `validity.rs`; state changes tests make: `events.rs`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::device_codes::Devices;
use super::faults::FaultState;
use super::ids::{self, DATA_ACCESS_SECS, HOUR, LONG_LIVED_SECS};
use super::request::RecordedRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    User,
    Page,
    App,
    SystemUser,
}

impl TokenKind {
    /// The `type` string `debug_token` reports.
    pub fn graph_name(self) -> &'static str {
        match self {
            TokenKind::User => "USER",
            TokenKind::Page => "PAGE",
            TokenKind::App => "APP",
            TokenKind::SystemUser => "SYSTEM_USER",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct App {
    pub id: String,
    pub name: String,
    pub secret: String,
    pub client_token: String,
    /// Users with a developer/admin role on the app: their user tokens may call `debug_token`.
    pub developers: BTreeSet<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct User {
    pub id: String,
    pub name: String,
    pub system_user: bool,
    /// Sequence number of the last password change: tokens issued before it are dead (460).
    pub password_changed_seq: Option<u64>,
    pub session_invalidated_seq: Option<u64>,
    pub checkpointed: bool,
    pub unconfirmed: bool,
    /// app id → sequence number at which the user removed the app (458).
    pub app_removed_seq: BTreeMap<String, u64>,
}

#[derive(Debug, Clone)]
pub(crate) struct Page {
    pub id: String,
    pub name: String,
    pub category: String,
    pub ig_id: Option<String>,
    /// user id → tasks (MANAGE, MESSAGING, …). No entry = no role.
    pub roles: BTreeMap<String, Vec<String>>,
    /// app id → webhook fields. No entry = the app is not subscribed.
    pub subscriptions: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct IgAccount {
    pub id: String,
    pub username: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Waba {
    pub id: String,
    pub name: String,
    pub subscribed_apps: Vec<String>,
    pub phone_number_id: String,
    pub display_phone_number: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Granular {
    pub scope: String,
    /// None = the grant covers all targets (Meta then leaves `target_ids` out).
    pub target_ids: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct TokenRecord {
    pub token: String,
    pub app_id: String,
    pub kind: TokenKind,
    /// The owner of USER/PAGE tokens, the system user of SYSTEM_USER tokens, None for APP.
    pub user_id: Option<String>,
    pub page_id: Option<String>,
    pub issued_at: i64,
    /// None = never expires (`expires_at: 0` in debug_token).
    pub expires_at: Option<i64>,
    pub data_access_expires_at: Option<i64>,
    pub scopes: Vec<String>,
    /// Scopes taken away after the grant; `/me/permissions` lists them as declined.
    pub declined: Vec<String>,
    pub granular: Vec<Granular>,
    pub long_lived: bool,
    pub revoked: bool,
    /// Issue order, compared with the users' event sequence numbers (seconds are too coarse:
    /// a token minted in the same second as a password change must still count as "after").
    pub seq: u64,
}

/// Everything behind the simulator's mutex.
#[derive(Debug, Default)]
pub(crate) struct World {
    pub apps: BTreeMap<String, App>,
    pub users: BTreeMap<String, User>,
    pub pages: BTreeMap<String, Page>,
    pub igs: BTreeMap<String, IgAccount>,
    pub wabas: BTreeMap<String, Waba>,
    pub tokens: HashMap<String, TokenRecord>,
    /// Scenario names → token strings.
    pub names: BTreeMap<String, String>,
    /// (user token, page id) → the Page token `/me/accounts` handed out, so repeated calls
    /// return the same string as Meta does.
    pub derived: HashMap<(String, String), String>,
    /// One-time codes of the client-code flow → the long-lived user token they stand for.
    pub codes: HashMap<String, String>,
    pub devices: Devices,
    pub faults: FaultState,
    pub requests: Vec<RecordedRequest>,
    /// Calls made with an app token, per app; fed into `X-App-Usage` when the app has no budget.
    pub app_calls: HashMap<String, u64>,
    /// Call budgets per app, user and Page (none by default).
    pub budgets: super::budget::Budgets,
    seq: u64,
    /// `POST debug_token` with `method=GET` is refused (see `SimControl`).
    pub refuse_debug_token_override: bool,
    /// `debug_token` inside a batch is refused.
    pub refuse_debug_token_in_batch: bool,
}

/// When a new token expires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expiry {
    Never,
    /// At this unix time.
    At(i64),
    /// This many seconds after it is issued.
    After(i64),
}

/// What a new token should look like; `World::mint` fills in the rest.
#[derive(Debug, Clone)]
pub(crate) struct TokenSpec {
    pub kind: TokenKind,
    pub app_id: String,
    pub user_id: Option<String>,
    pub page_id: Option<String>,
    pub scopes: Vec<String>,
    pub expires: Expiry,
    pub long_lived: bool,
    /// Some(seed) = a deterministic string (named demo tokens), None = random.
    pub seed: Option<String>,
}

pub(crate) fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl World {
    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    pub fn add_app(&mut self, id: &str, name: &str, secret: &str, client_token: &str) {
        let app = App {
            id: id.into(),
            name: name.into(),
            secret: secret.into(),
            client_token: client_token.into(),
            developers: BTreeSet::new(),
        };
        self.apps.insert(id.into(), app);
    }

    pub fn add_user(&mut self, id: &str, name: &str) {
        let user = User {
            id: id.into(),
            name: name.into(),
            ..User::default()
        };
        self.users.insert(id.into(), user);
    }

    pub fn add_page(&mut self, id: &str, name: &str, category: &str) {
        let page = Page {
            id: id.into(),
            name: name.into(),
            category: category.into(),
            ig_id: None,
            roles: BTreeMap::new(),
            subscriptions: BTreeMap::new(),
        };
        self.pages.insert(id.into(), page);
    }

    pub fn user(&self, id: &str) -> Result<&User, String> {
        self.users
            .get(id)
            .ok_or_else(|| format!("no user {id:?} in the simulated world"))
    }

    pub fn user_mut(&mut self, id: &str) -> Result<&mut User, String> {
        self.users
            .get_mut(id)
            .ok_or_else(|| format!("no user {id:?} in the simulated world"))
    }

    pub fn page_mut(&mut self, id: &str) -> Result<&mut Page, String> {
        self.pages
            .get_mut(id)
            .ok_or_else(|| format!("no Page {id:?} in the simulated world"))
    }

    pub fn app(&self, id: &str) -> Result<&App, String> {
        self.apps
            .get(id)
            .ok_or_else(|| format!("no app {id:?} in the simulated world"))
    }

    pub fn token_mut(&mut self, token: &str) -> Result<&mut TokenRecord, String> {
        self.tokens
            .get_mut(token)
            .ok_or_else(|| "that token was not issued by this simulator".to_string())
    }

    /// The token string of a scenario name.
    pub fn named(&self, name: &str) -> Result<String, String> {
        self.names.get(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = self.names.keys().map(String::as_str).collect();
            format!("no token named {name:?}; known names: {}", known.join(", "))
        })
    }

    /// Pages on which the user has a role, in id order.
    pub fn pages_of(&self, user_id: &str) -> Vec<&Page> {
        self.pages
            .values()
            .filter(|p| p.roles.contains_key(user_id))
            .collect()
    }

    /// `granular_scopes`: Page scopes target Pages, instagram_* the IG accounts, whatsapp_* WABAs.
    fn granular_for(&self, spec: &TokenSpec) -> Vec<Granular> {
        let (pages, wabas): (Vec<String>, Vec<String>) = match (spec.kind, &spec.page_id) {
            (_, Some(page)) => (vec![page.clone()], vec![]),
            (TokenKind::User, None) => {
                let user = spec.user_id.as_deref().unwrap_or_default();
                (
                    self.pages_of(user).iter().map(|p| p.id.clone()).collect(),
                    vec![],
                )
            }
            (TokenKind::SystemUser, None) => (vec![], self.wabas.keys().cloned().collect()),
            _ => (vec![], vec![]),
        };
        let igs: Vec<String> = pages
            .iter()
            .filter_map(|p| self.pages.get(p).and_then(|p| p.ig_id.clone()))
            .collect();
        spec.scopes
            .iter()
            .map(|scope| {
                let targets = if scope.starts_with("pages_") {
                    &pages
                } else if scope.starts_with("instagram_") {
                    &igs
                } else if scope.starts_with("whatsapp_") {
                    &wabas
                } else {
                    &Vec::new()
                };
                Granular {
                    scope: scope.clone(),
                    target_ids: (!targets.is_empty()).then(|| targets.clone()),
                }
            })
            .collect()
    }

    /// Issues a token. Data access runs 90 days from now (system users have none).
    pub fn mint(&mut self, spec: TokenSpec) -> String {
        let token = match &spec.seed {
            Some(seed) => ids::seeded_token(seed),
            None => ids::random_token(),
        };
        self.mint_as(spec, token)
    }

    /// Issues a token with a given string (app tokens look like `{app-id}|…`, not "EAA…").
    pub fn mint_as(&mut self, spec: TokenSpec, token: String) -> String {
        let now = ids::now();
        let data_access = match spec.kind {
            TokenKind::User | TokenKind::Page => Some(now + DATA_ACCESS_SECS),
            TokenKind::App | TokenKind::SystemUser => None,
        };
        let record = TokenRecord {
            token: token.clone(),
            app_id: spec.app_id.clone(),
            kind: spec.kind,
            user_id: spec.user_id.clone(),
            page_id: spec.page_id.clone(),
            issued_at: now,
            expires_at: match spec.expires {
                Expiry::Never => None,
                Expiry::At(t) => Some(t),
                Expiry::After(secs) => Some(now + secs),
            },
            data_access_expires_at: data_access,
            scopes: spec.scopes.clone(),
            declined: Vec::new(),
            granular: self.granular_for(&spec),
            long_lived: spec.long_lived,
            revoked: false,
            seq: self.next_seq(),
        };
        self.tokens.insert(token.clone(), record);
        token
    }

    pub fn mint_user(
        &mut self,
        user_id: &str,
        app_id: &str,
        long_lived: bool,
        scopes: Vec<String>,
        seed: Option<String>,
    ) -> Result<String, String> {
        self.user(user_id)?;
        self.app(app_id)?;
        let life = if long_lived { LONG_LIVED_SECS } else { HOUR };
        Ok(self.mint(TokenSpec {
            kind: TokenKind::User,
            app_id: app_id.into(),
            user_id: Some(user_id.into()),
            page_id: None,
            scopes,
            expires: Expiry::After(life),
            long_lived,
            seed,
        }))
    }

    pub fn mint_page(
        &mut self,
        user_id: &str,
        page_id: &str,
        app_id: &str,
        never_expires: bool,
        scopes: Vec<String>,
        seed: Option<String>,
    ) -> Result<String, String> {
        self.user(user_id)?;
        self.app(app_id)?;
        self.page_mut(page_id)?;
        Ok(self.mint(TokenSpec {
            kind: TokenKind::Page,
            app_id: app_id.into(),
            user_id: Some(user_id.into()),
            page_id: Some(page_id.into()),
            scopes,
            expires: if never_expires {
                Expiry::Never
            } else {
                Expiry::After(HOUR)
            },
            long_lived: never_expires,
            seed,
        }))
    }
}
