//! Adding a channel and replacing its token: the new token is validated against the channel
//! first (valid, same app, same Page, required permissions, each confirmed by Meta: see
//! `confirm`), stored under a new secret entry, and only then swapped in. The old token stays
//! for rollback; any failure leaves it in use.

use chrono::Utc;

use super::confirm::{target_of, unconfirmed};
use super::login::Derivation;
use super::login_pages::{LoginPages, login_pages, which_page_refusal};
use super::refusal::{Conflict, Usage};
use super::{ChannelView, Service, ServiceError, blocking};
use crate::graph::check::name_of_me;
use crate::model::{
    Channel, ChannelKind, Diagnosis, Fact, MetaApp, Reason, ReasonCode, Requirements, Secret,
    SecretRef, StoredToken, TokenReport, TokenType, classify,
};
use crate::store::Catalog;

/// What validating a candidate token found, before anything is saved.
#[derive(Debug, Clone)]
pub struct Validation {
    pub report: TokenReport,
    /// Its health as the channel's token, against the channel's requirements.
    pub diagnosis: Diagnosis,
    /// Reasons it must not be saved.
    pub refusals: Vec<Reason>,
    /// Reasons that need the user's explicit confirmation.
    pub warnings: Vec<Reason>,
    pub fingerprint: String,
    /// The token that will be saved: the pasted one, or the Page token derived from a pasted
    /// User token.
    pub candidate: Secret,
    /// Set when the candidate was derived from a User token (a login).
    pub derived: Option<Derivation>,
    /// A User token given without a Page: the Pages its login manages (and a refusal that
    /// names them). The candidate is then that User token, for adding the picked Pages.
    pub pages: Option<Box<LoginPages>>,
}

impl Validation {
    pub fn passes(&self) -> bool {
        self.refusals.is_empty()
    }

    /// Whether it may be saved: refusals never; warnings only when the user confirmed them.
    pub(crate) fn admit(self, accept_warnings: bool) -> Result<Validation, ServiceError> {
        if !self.passes() {
            return Err(ServiceError::Refused {
                reasons: self.refusals,
            });
        }
        if !self.warnings.is_empty() && !accept_warnings {
            let mut reasons = self.warnings.clone();
            reasons.push(
                Reason::new(
                    self.warnings[0].code,
                    "The token works but needs attention; confirm to save it anyway (--accept-warnings).",
                )
                .with("refusal", Fact::Text("confirm_warnings".into())),
            );
            return Err(ServiceError::Refused { reasons });
        }
        Ok(self)
    }
}

#[derive(Debug, Clone)]
pub struct RenewOutcome {
    pub view: ChannelView,
    pub replaced: bool,
    pub derived: Option<Derivation>,
    /// The Page was subscribed to the webhook again after the renewal.
    pub subscribed_webhook: bool,
}

fn validation_from(
    report: TokenReport,
    req: &Requirements,
    token: &Secret,
    th: &crate::model::Thresholds,
) -> Validation {
    let diagnosis = classify(Some(&report), None, req, Utc::now(), th);
    let mut refusals: Vec<Reason> = diagnosis
        .reasons
        .iter()
        .filter(|r| refuses(r.code))
        .cloned()
        .collect();
    let warnings = diagnosis
        .reasons
        .iter()
        .filter(|r| !refuses(r.code))
        .cloned()
        .collect();
    if report.is_valid == Some(true)
        && req.kind.expects_page_token()
        && report
            .token_type
            .as_ref()
            .is_some_and(|t| *t != TokenType::Page)
    {
        let token_type = report
            .token_type
            .as_ref()
            .map(TokenType::code)
            .unwrap_or("");
        refusals.push(
            Reason::new(
                ReasonCode::WrongPage,
                format!(
                    "This is a {} token, not a Page token. A {} channel needs the Page's own token: generate it for the Page in the app's {} settings.",
                    report.token_type.as_ref().map(TokenType::label).unwrap_or("different"),
                    req.kind.label(),
                    req.kind.label()
                ),
            )
            .with("refusal", Fact::Text("not_page_token".into()))
            .with("token_type", Fact::Text(token_type.into()))
            .with("kind", Fact::Text(req.kind.code().into())),
        );
    }
    // Fail closed: a fact Meta did not confirm refuses, even when nothing contradicts it. An
    // answer that did not even say "valid" proves nothing either way: that alone is said.
    if report.is_valid.is_none() {
        refusals.clear();
    }
    for r in unconfirmed(&report, req) {
        if !refusals.iter().any(|x| x.code == r.code) {
            refusals.push(r);
        }
    }
    Validation {
        report,
        diagnosis,
        refusals,
        warnings,
        fingerprint: token.fingerprint(),
        candidate: token.clone(),
        derived: None,
        pages: None,
    }
}

/// Refusals block saving; everything else (expiring soon, webhook) is a warning.
fn refuses(code: ReasonCode) -> bool {
    !matches!(
        code,
        ReasonCode::ExpiresSoon
            | ReasonCode::DataAccessExpiresSoon
            | ReasonCode::WebhookNotSubscribed
    )
}

/// The channel a validated token makes, under a new secret entry (not yet stored).
pub(super) fn new_channel(
    name: &str,
    kind: ChannelKind,
    app_id: Option<&str>,
    v: &Validation,
    now: chrono::DateTime<Utc>,
) -> Channel {
    Channel {
        id: Channel::new_id(),
        name: name.to_string(),
        kind,
        app_id: app_id
            .map(str::to_string)
            .or_else(|| v.report.app_id.clone()),
        page_id: target_of(kind, &v.report),
        page_name: v.report.profile_name.clone(),
        token: StoredToken {
            secret: SecretRef::new_token(),
            fingerprint: v.fingerprint.clone(),
            saved_at: now,
        },
        previous_token: None,
        previous_report: None,
        last_report: Some(Box::new(v.report.clone())),
        last_failure: None,
        added_at: now,
    }
}

impl Service {
    /// Debugger facts for a token, saving nothing (`tokenwarden debug`).
    pub async fn debug(
        &self,
        token: &Secret,
        app_id: Option<&str>,
        kind: ChannelKind,
    ) -> Result<TokenReport, ServiceError> {
        let catalog = self.catalog().await?;
        self.debug_in(&catalog.apps, token, app_id, kind).await
    }

    /// `debug` with the saved apps at hand, so a bulk caller reads the catalog once.
    async fn debug_in(
        &self,
        apps: &[MetaApp],
        token: &Secret,
        app_id: Option<&str>,
        kind: ChannelKind,
    ) -> Result<TokenReport, ServiceError> {
        let app = app_id.map(|id| {
            apps.iter()
                .find(|a| a.id == id)
                .cloned()
                .unwrap_or(MetaApp {
                    id: id.to_string(),
                    name: String::new(),
                    client_token: None,
                    has_secret: false,
                })
        });
        let creds = self.credentials(app.as_ref()).await?;
        let mut report = crate::graph::check_token(
            self.graph(),
            &crate::graph::CheckRequest {
                token,
                kind,
                app: creds.as_ref(),
                page_id: None,
            },
        )
        .await?;
        if report.is_valid == Some(true) && report.profile_name.is_none() {
            report.profile_name = name_of_me(
                self.graph(),
                token,
                creds.as_ref().and_then(|c| c.secret.as_ref()),
            )
            .await
            .ok()
            .flatten();
        }
        Ok(report)
    }

    /// Validates `token` as the token of `channel` (or of a new channel of `kind` for `app_id`).
    pub async fn validate(
        &self,
        channel: Option<&Channel>,
        kind: ChannelKind,
        app_id: Option<&str>,
        token: &Secret,
    ) -> Result<Validation, ServiceError> {
        self.validate_for_page(channel, kind, app_id, None, token)
            .await
    }

    /// Like `validate`; `page_id` names the Page of a new channel, so that a pasted User token
    /// can be turned into that Page's token.
    pub async fn validate_for_page(
        &self,
        channel: Option<&Channel>,
        kind: ChannelKind,
        app_id: Option<&str>,
        page_id: Option<&str>,
        token: &Secret,
    ) -> Result<Validation, ServiceError> {
        let catalog = self.catalog().await?;
        self.validate_in(&catalog.apps, channel, kind, app_id, page_id, token)
            .await
    }

    /// `validate_for_page` with the saved apps at hand: `import` validates a thousand tokens
    /// without parsing the catalog a thousand times.
    pub(super) async fn validate_in(
        &self,
        apps: &[MetaApp],
        channel: Option<&Channel>,
        kind: ChannelKind,
        app_id: Option<&str>,
        page_id: Option<&str>,
        token: &Secret,
    ) -> Result<Validation, ServiceError> {
        let app_id = app_id
            .map(str::to_string)
            .or_else(|| channel.and_then(|c| c.app_id.clone()))
            .or_else(|| channel.and_then(|c| c.last_report.as_ref()?.app_id.clone()));
        let page_id = page_id.map(str::to_string).or_else(|| {
            channel.and_then(|c| {
                c.page_id
                    .clone()
                    .or_else(|| c.last_report.as_ref()?.profile_id.clone())
            })
        });
        let mut report = self.debug_in(apps, token, app_id.as_deref(), kind).await?;
        let mut candidate = token.clone();
        let mut derived = None;
        if report.is_valid == Some(true)
            && report.token_type == Some(TokenType::User)
            && kind.expects_page_token()
        {
            let login = self.user_login(token, &report, app_id.as_deref()).await?;
            let Some(page) = page_id.as_deref() else {
                // Nothing to save yet: the login's Pages, for the user to pick from.
                let catalog = self.catalog().await?;
                let pages = login_pages(&login, kind, &catalog);
                let refusal = which_page_refusal(&pages);
                let req = Requirements {
                    kind,
                    app_id: app_id.as_deref(),
                    page_id: None,
                };
                let diagnosis = classify(Some(&report), None, &req, Utc::now(), &self.thresholds);
                return Ok(Validation {
                    report,
                    diagnosis,
                    refusals: vec![refusal],
                    warnings: Vec::new(),
                    fingerprint: token.fingerprint(),
                    candidate: token.clone(),
                    derived: None,
                    pages: Some(Box::new(pages)),
                });
            };
            let page_name = channel.and_then(|c| c.page_name.clone());
            let (page_token, derivation) = login.page_token(page, page_name.as_deref(), kind)?;
            let user_expires = report.expires_at;
            report = self
                .debug_in(apps, &page_token, app_id.as_deref(), kind)
                .await?;
            // A Page token from a short login ends with that login (reference §3); when the
            // check could not learn its expiry, that is the best known one.
            if !derivation.lasting && report.expires_at.is_none() && report.never_expires.is_none()
            {
                report.expires_at = user_expires;
                report.never_expires = user_expires.map(|_| false);
            }
            candidate = page_token;
            derived = Some(derivation);
        }
        let req = Requirements {
            kind,
            app_id: app_id.as_deref(),
            page_id: page_id.as_deref(),
        };
        let mut v = validation_from(report, &req, &candidate, &self.thresholds);
        if let Some(d) = &derived
            && let Some(w) = d.lifetime_warning()
        {
            v.warnings.insert(0, w);
        }
        v.derived = derived;
        if let Some(c) = channel
            && c.token.fingerprint == v.fingerprint
        {
            v.refusals.push(
                Reason::new(
                    ReasonCode::InvalidToken,
                    "This is the token the channel already has. Get a new token from Facebook and paste that one.",
                )
                .with("refusal", Fact::Text("same_token".into())),
            );
        }
        Ok(v)
    }

    /// Validates and saves a new channel. Warnings do not block adding (the list shows them).
    pub async fn add_channel(
        &self,
        name: &str,
        kind: ChannelKind,
        app_id: Option<&str>,
        token: &Secret,
    ) -> Result<ChannelView, ServiceError> {
        self.add_channel_for_page(name, kind, app_id, None, token)
            .await
            .map(|(view, _)| view)
    }

    /// Like `add_channel`; with `page_id` a User token is turned into that Page's token.
    pub async fn add_channel_for_page(
        &self,
        name: &str,
        kind: ChannelKind,
        app_id: Option<&str>,
        page_id: Option<&str>,
        token: &Secret,
    ) -> Result<(ChannelView, Option<Derivation>), ServiceError> {
        let name = crate::model::text::inert(name.trim());
        if name.is_empty() {
            return Err(ServiceError::Usage(Usage::ChannelNameMissing));
        }
        let catalog = self.catalog().await?;
        if catalog.channels.iter().any(|c| c.name == name) {
            return Err(ServiceError::Usage(Usage::ChannelExists { name }));
        }
        let v = self
            .validate_for_page(None, kind, app_id, page_id, token)
            .await?;
        if !v.passes() {
            return Err(ServiceError::Refused {
                reasons: v.refusals,
            });
        }
        super::twins::refuse_twin(&catalog, kind, target_of(kind, &v.report).as_deref())?;
        let channel = new_channel(&name, kind, app_id, &v, Utc::now());
        let stored = channel.token.clone();
        self.put_secret(&stored.secret, &v.candidate).await?;
        let store = self.store.clone();
        let saved = channel.clone();
        let result = blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<(), ServiceError> {
                    if c.channels.iter().any(|x| x.name == saved.name) {
                        return Err(ServiceError::Conflict(Conflict::NameAdded {
                            name: saved.name.clone(),
                        }));
                    }
                    super::twins::refuse_twin(c, saved.kind, saved.page_id.as_deref())?;
                    c.history.push(super::history::added_entry(&saved));
                    c.channels.push(saved);
                    Ok(())
                })
        })
        .await?;
        if let Err(e) = result {
            self.forget_secret(&stored.secret).await;
            return Err(e);
        }
        Ok((
            ChannelView::of(channel, Utc::now(), &self.thresholds),
            v.derived,
        ))
    }

    /// Replaces the channel's token with `token` after validating it; keeps the old one for
    /// rollback. Warnings refuse unless `accept_warnings`.
    pub async fn renew(
        &self,
        selector: &str,
        token: &Secret,
        accept_warnings: bool,
    ) -> Result<RenewOutcome, ServiceError> {
        let channel = self.channel(selector).await?;
        let v = self
            .validate(Some(&channel), channel.kind, None, token)
            .await?;
        self.save_validated(&channel, v, accept_warnings).await
    }

    /// Saves a token that `validate` passed: refusals never save; warnings need confirmation.
    pub async fn save_validated(
        &self,
        channel: &Channel,
        v: Validation,
        accept_warnings: bool,
    ) -> Result<RenewOutcome, ServiceError> {
        let v = v.admit(accept_warnings)?;
        let mut saved = self.save_all(vec![(channel.clone(), v)]).await?;
        saved
            .pop()
            .unwrap_or_else(|| Err(ServiceError::Internal("no result for the channel".into())))
    }

    /// Swaps admitted tokens into their channels, however many: the new tokens go into the
    /// secret store in one write before the catalog points at them, one catalog update swaps
    /// each in (a channel someone changed meanwhile keeps its token and gets a conflict), then
    /// the tokens that fell out of rollback's reach, and those of refused swaps, go in one more
    /// write. A group renewal of 100 channels thus writes the vault twice, not 200 times. One
    /// result per channel, in order; an error of the whole means nothing was swapped in.
    pub(crate) async fn save_all(
        &self,
        admitted: Vec<(Channel, Validation)>,
    ) -> Result<Vec<Result<RenewOutcome, ServiceError>>, ServiceError> {
        let now = Utc::now();
        let new: Vec<StoredToken> = admitted
            .iter()
            .map(|(_, v)| StoredToken {
                secret: SecretRef::new_token(),
                fingerprint: v.candidate.fingerprint(),
                saved_at: now,
            })
            .collect();
        self.sweep().await;
        let entries: Vec<(SecretRef, Secret)> = new
            .iter()
            .zip(&admitted)
            .map(|(n, (_, v))| (n.secret.clone(), v.candidate.clone()))
            .collect();
        let secrets = self.secrets();
        blocking(move || secrets.set_all(&entries)).await??;
        if crate::env::test_panic_requested("after_secret_saved") {
            // Test-only (TOKENWARDEN_TEST_PANIC): a crash between "store the new secret" and
            // "swap it in", to prove the orphan entry is swept at a later change.
            panic!("test panic after saving a secret");
        }
        let swaps: Vec<(String, StoredToken, StoredToken, TokenReport)> = admitted
            .iter()
            .zip(&new)
            .map(|((c, v), n)| (c.id.clone(), c.token.clone(), n.clone(), v.report.clone()))
            .collect();
        let derived: Vec<bool> = admitted.iter().map(|(_, v)| v.derived.is_some()).collect();
        crate::env::test_pause("before_token_swap");
        let store = self.store.clone();
        let swapped = blocking(move || {
            store.catalog.update(|c: &mut Catalog| {
                let mut swapped = Vec::with_capacity(swaps.len());
                for (s, derived) in swaps.into_iter().zip(derived) {
                    let old_fingerprint = s.1.fingerprint.clone();
                    let result = swap(c, s);
                    // Written with the swap (see `service::history`).
                    if let Ok((updated, _)) = &result {
                        let line =
                            super::history::replaced_entry(&old_fingerprint, updated, derived);
                        c.history.push(line);
                    }
                    swapped.push(result);
                }
                Ok::<_, ServiceError>(swapped)
            })
        })
        .await?;
        let swapped = match swapped {
            Ok(swapped) => swapped,
            Err(e) => {
                self.forget_secrets(new.into_iter().map(|n| n.secret).collect())
                    .await;
                return Err(e);
            }
        };
        let mut unused = Vec::new();
        let mut results = Vec::with_capacity(admitted.len());
        for (((_, v), n), result) in admitted.into_iter().zip(new).zip(swapped) {
            match result {
                Ok((updated, dropped)) => {
                    // The token before the previous one is no longer reachable by rollback.
                    unused.extend(dropped.map(|old| old.secret));
                    let outcome = RenewOutcome {
                        view: ChannelView::of(updated, Utc::now(), &self.thresholds),
                        replaced: true,
                        derived: v.derived,
                        subscribed_webhook: false,
                    };
                    results.push(Ok(outcome));
                }
                Err(e) => {
                    unused.push(n.secret);
                    results.push(Err(e));
                }
            }
        }
        self.forget_secrets(unused).await;
        Ok(results)
    }
}

/// Swaps one stored token into its channel inside a catalog update, unless the channel's token
/// is no longer the one validated against: the channel as saved, and the token that dropped out
/// of rollback's reach.
fn swap(
    c: &mut Catalog,
    (id, expected, new_token, report): (String, StoredToken, StoredToken, TokenReport),
) -> Result<(Channel, Option<StoredToken>), ServiceError> {
    let (changed, name) = match c.channel(&id) {
        Some(ch) => (ch.token != expected, ch.name.clone()),
        None => (false, String::new()),
    };
    if changed && let Some(who) = c.changed_since_read(&id, &name) {
        return Err(who.into());
    }
    let ch = c
        .channels
        .iter_mut()
        .find(|ch| ch.id == id)
        .ok_or(ServiceError::Conflict(Conflict::Removed))?;
    if ch.token != expected {
        return Err(ServiceError::Conflict(Conflict::TokenChanged));
    }
    let dropped = ch.previous_token.replace(ch.token.clone());
    // What was last known of the replaced token, for Roll back to show.
    ch.previous_report = ch.last_report.take();
    ch.token = new_token;
    if ch.page_id.is_none() {
        ch.page_id = target_of(ch.kind, &report);
    }
    if report.profile_name.is_some() {
        ch.page_name = report.profile_name.clone();
    }
    ch.last_report = Some(Box::new(report));
    ch.last_failure = None;
    Ok((ch.clone(), dropped))
}
