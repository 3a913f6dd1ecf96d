//! Getting the right token from a login: a pasted User token (or a device login) is turned into
//! the channel's Page token, exchanged for a lasting login first when the app secret is known,
//! and refused with names when the person does not manage the Page. One login can renew every
//! channel of that person (root-cause groups).

use chrono::{Duration, Utc};
use serde::Serialize;
use tokio_util::sync::CancellationToken;

use super::refusal::Usage;
use super::{RenewOutcome, Service, ServiceError};

/// How a renewal goes: accept warnings, re-subscribe the webhook, renew the whole group.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenewOptions {
    pub accept_warnings: bool,
    pub subscribe_webhook: bool,
    pub group: bool,
}
use crate::graph::device::{self, DeviceCode, DevicePoll};
use crate::graph::oauth::{self, ManagedPage, Person};
use crate::model::{Channel, ChannelKind, Fact, Reason, ReasonCode, Secret, TokenReport};

/// How a saved Page token was derived from a login; shown to the user and in `--json`.
#[derive(Debug, Clone, Serialize)]
pub struct Derivation {
    pub user_id: String,
    pub user_name: String,
    /// The login was exchanged for a long-lived one (needs the app secret).
    pub exchanged: bool,
    /// The Page token has no expiry date (it came from a long-lived login).
    pub lasting: bool,
}

impl Derivation {
    /// Said plainly when the Page token will die with a short login.
    pub fn lifetime_warning(&self) -> Option<Reason> {
        (!self.lasting).then(|| {
            Reason::new(
                ReasonCode::ExpiresSoon,
                "This Page token comes from a short login and stops working when that login ends (usually within two hours). Save the app's secret in Tokenwarden (Apps, or `tokenwarden app add --secret-stdin`) so it can turn the login into a lasting one, then renew again.",
            )
            .with("refusal", Fact::Text("short_login".into()))
        })
    }
}

/// A person's login: who they are and the Pages they manage, each with its Page token.
pub struct UserLogin {
    pub person: Person,
    pub pages: Vec<ManagedPage>,
    pub exchanged: bool,
    pub lasting: bool,
}

/// Tasks that let someone answer messages for a Page (reference §9).
const MESSAGING_TASKS: &[&str] = &["MANAGE", "MODERATE", "MESSAGING"];

/// The tasks allow answering messages; an unknown task list is judged when the token is checked.
pub(crate) fn can_message(tasks: &[String]) -> bool {
    tasks.is_empty() || tasks.iter().any(|t| MESSAGING_TASKS.contains(&t.as_str()))
}

impl UserLogin {
    /// The Page token for `page_id`, or a refusal that names the person and the Page.
    pub fn page_token(
        &self,
        page_id: &str,
        page_name: Option<&str>,
        kind: ChannelKind,
    ) -> Result<(Secret, Derivation), ServiceError> {
        let who = &self.person.name;
        let page_words = page_name
            .map(|n| format!("Page {n}"))
            .unwrap_or_else(|| format!("the Page with id {page_id}"));
        let Some(page) = self.pages.iter().find(|p| p.id == page_id) else {
            let mut facts = vec![
                ("who", Fact::Text(who.clone())),
                ("page_id", Fact::Text(page_id.to_string())),
            ];
            if let Some(n) = page_name {
                facts.push(("page_name", Fact::Text(n.to_string())));
            }
            return Err(ServiceError::refused_for(
                ReasonCode::WrongPage,
                format!(
                    "You logged in as {who}; this channel belongs to {page_words}, which {who} does not manage. Log in with an account that manages it, or ask a Page admin to give {who} a role on it."
                ),
                "login_not_manager",
                facts,
            ));
        };
        if kind != ChannelKind::FacebookPage && !can_message(&page.tasks) {
            return Err(ServiceError::refused_for(
                ReasonCode::PageRoleLost,
                format!(
                    "{who} has a role on {} but not one that can answer messages (it needs Messaging, Moderate or full control). Ask a Page admin to give {who} that access, then log in again.",
                    page.name
                ),
                "login_cannot_message",
                vec![
                    ("who", Fact::Text(who.clone())),
                    ("page_name", Fact::Text(page.name.clone())),
                ],
            ));
        }
        Ok((
            page.token.clone(),
            Derivation {
                user_id: self.person.id.clone(),
                user_name: who.clone(),
                exchanged: self.exchanged,
                lasting: self.lasting,
            },
        ))
    }
}

impl Service {
    /// Reads a login: exchanges a short-lived User token for a long-lived one when the app
    /// secret is known (so the Page tokens never expire), then lists the person's Pages.
    pub async fn user_login(
        &self,
        user_token: &Secret,
        report: &TokenReport,
        app_id: Option<&str>,
    ) -> Result<UserLogin, ServiceError> {
        let catalog = self.catalog().await?;
        let creds = self
            .credentials(app_id.and_then(|id| catalog.app(id)))
            .await?;
        let secret = creds.as_ref().and_then(|c| c.secret.clone());
        // Long-lived logins last about 60 days; short ones hours. A day splits them safely.
        let short = report
            .expires_at
            .is_some_and(|at| at - Utc::now() < Duration::days(1))
            && report.never_expires != Some(true);
        let (token, exchanged) = match (short, &creds, &secret) {
            (true, Some(c), Some(s)) => {
                let (long, _) =
                    oauth::exchange_long_lived(self.graph(), &c.id, s, user_token).await?;
                (long, true)
            }
            _ => (user_token.clone(), false),
        };
        let person = oauth::me(self.graph(), &token, secret.as_ref()).await?;
        let pages = oauth::managed_pages(self.graph(), &token, secret.as_ref()).await?;
        Ok(UserLogin {
            person,
            pages,
            exchanged,
            lasting: !short || exchanged,
        })
    }

    /// The channels that broke for the same cause of the same person as `selector` (itself
    /// included), e.g. every Page whose token died with one password change.
    pub async fn group_of(&self, selector: &str) -> Result<Vec<Channel>, ServiceError> {
        let views = self.list().await?;
        let channel = self.channel(selector).await?;
        let groups = super::groups::root_cause_groups(&views);
        Ok(groups
            .into_iter()
            .find(|g| g.channel_ids.contains(&channel.id))
            .map(|g| {
                views
                    .iter()
                    .filter(|v| g.channel_ids.contains(&v.channel.id))
                    .map(|v| v.channel.clone())
                    .collect()
            })
            .unwrap_or_else(|| vec![channel]))
    }

    /// Renews `selector` with `token` (a Page token, or a User token turned into the Page's
    /// token); with `group`, every channel of its root-cause group from the same login. Each
    /// channel is validated like any renewal and a refused one keeps its token; the accepted
    /// ones are saved together (`save_all`: the vault is written once for the new tokens, not
    /// once per channel). One result per channel.
    pub async fn renew_with(
        &self,
        selector: &str,
        token: &Secret,
        opts: RenewOptions,
    ) -> Result<Vec<(Channel, Result<RenewOutcome, ServiceError>)>, ServiceError> {
        let channels = if opts.group {
            self.group_of(selector).await?
        } else {
            vec![self.channel(selector).await?]
        };
        let mut checked = Vec::with_capacity(channels.len());
        for channel in channels {
            let admitted = self.admit_renewal(&channel, token, opts).await;
            checked.push((channel, admitted));
        }
        let mut admitted = Vec::new();
        let checked: Vec<(Channel, Result<(), ServiceError>)> = checked
            .into_iter()
            .map(|(c, v)| match v {
                Ok(v) => {
                    admitted.push((c.clone(), v));
                    (c, Ok(()))
                }
                Err(e) => (c, Err(e)),
            })
            .collect();
        let mut saved = self.save_all(admitted).await?.into_iter();
        let mut results = Vec::with_capacity(checked.len());
        for (channel, admitted) in checked {
            let outcome = match admitted {
                Err(e) => Err(e),
                Ok(()) => match saved.next() {
                    Some(Ok(outcome)) => self.after_renewal(&channel, outcome, opts).await,
                    Some(Err(e)) => Err(e),
                    None => Err(ServiceError::Internal("no result for the channel".into())),
                },
            };
            results.push((channel, outcome));
        }
        Ok(results)
    }

    /// Validates `token` for `channel` and decides whether it may be saved.
    async fn admit_renewal(
        &self,
        channel: &Channel,
        token: &Secret,
        opts: RenewOptions,
    ) -> Result<super::Validation, ServiceError> {
        let v = self
            .validate(Some(channel), channel.kind, None, token)
            .await?;
        // A missing webhook is fixed right after saving when asked to, so it need not block.
        let only_webhook = v
            .warnings
            .iter()
            .all(|w| w.code == ReasonCode::WebhookNotSubscribed);
        let accept = opts.accept_warnings || (opts.subscribe_webhook && only_webhook);
        v.admit(accept)
    }

    /// Subscribes the webhook again after saving, when asked to and it is missing.
    async fn after_renewal(
        &self,
        channel: &Channel,
        mut outcome: RenewOutcome,
        opts: RenewOptions,
    ) -> Result<RenewOutcome, ServiceError> {
        if opts.subscribe_webhook && outcome.view.diagnosis.has(ReasonCode::WebhookNotSubscribed) {
            outcome.view = self.subscribe_webhook(&channel.id).await?;
            outcome.subscribed_webhook = true;
        }
        Ok(outcome)
    }

    /// Starts a device login for `app_id` with the permissions `kind` needs.
    pub async fn start_device_login(
        &self,
        app_id: &str,
        kind: ChannelKind,
    ) -> Result<DeviceCode, ServiceError> {
        let client_token = self.client_token(app_id).await?;
        let mut scopes: Vec<&str> = kind.required_permissions().to_vec();
        for extra in ["pages_show_list", "pages_manage_metadata"] {
            if kind != ChannelKind::Whatsapp && !scopes.contains(&extra) {
                scopes.push(extra);
            }
        }
        Ok(device::start(self.graph(), app_id, &client_token, &scopes).await?)
    }

    /// Polls until the person approves (→ their User token), declines, or the code expires.
    /// `on_wait` hears the current polling interval (it grows when Meta says to slow down).
    pub async fn finish_device_login(
        &self,
        app_id: &str,
        code: &DeviceCode,
        cancel: CancellationToken,
        on_wait: impl Fn(u64),
    ) -> Result<Secret, ServiceError> {
        let client_token = self.client_token(app_id).await?;
        let deadline =
            tokio::time::Instant::now() + std::time::Duration::from_secs(code.expires_in);
        let mut interval = code.interval;
        loop {
            on_wait(interval);
            tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_secs(interval)) => {}
                _ = cancel.cancelled() => return Err(ServiceError::refused_for(
                    ReasonCode::Unchecked,
                    "The login was cancelled. Nothing was changed.",
                    "login_cancelled",
                    Vec::new(),
                )),
            }
            if tokio::time::Instant::now() > deadline {
                return Err(expired_code());
            }
            match device::poll(self.graph(), app_id, &client_token, code).await? {
                DevicePoll::Pending => {}
                // Facebook's SDK doubles the interval when told to slow down; so do we.
                DevicePoll::SlowDown => interval = (interval * 2).min(60),
                DevicePoll::Declined => {
                    return Err(ServiceError::refused_for(
                        ReasonCode::AppNotInstalled,
                        "The login was declined on Facebook, so there is no new token. Nothing was changed; start the login again and choose Continue.",
                        "login_declined",
                        Vec::new(),
                    ));
                }
                DevicePoll::Expired => return Err(expired_code()),
                DevicePoll::Approved { token, .. } => return Ok(token),
            }
        }
    }

    async fn client_token(&self, app_id: &str) -> Result<String, ServiceError> {
        let catalog = self.catalog().await?;
        catalog
            .app(app_id)
            .and_then(|a| a.client_token.clone())
            .ok_or_else(|| {
                ServiceError::Usage(Usage::NoClientToken {
                    app_id: app_id.to_string(),
                })
            })
    }
}

fn expired_code() -> ServiceError {
    ServiceError::refused_for(
        ReasonCode::Expired,
        "The login code expired before it was used. Nothing was changed; start the login again and enter the new code within a few minutes.",
        "login_code_expired",
        Vec::new(),
    )
}
