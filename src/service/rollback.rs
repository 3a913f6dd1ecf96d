//! Rollback: putting a channel's previous token back (and keeping the replaced one, so a
//! rollback can be undone). The previous token is read from the secret store first and checked
//! online with the rules of a renewal, unless the user forces it; the swap happens only if the
//! channel still has the tokens the user saw. Any refusal or conflict changes nothing.

use chrono::Utc;

use super::refusal::{Conflict, Usage};
use super::{ChannelView, Service, ServiceError, blocking};
use crate::model::{Channel, Fact, Reason, ReasonCode, Secret, StoredToken, TokenReport};
use crate::store::{Catalog, SecretError};

impl Service {
    /// Puts the previous token back. Without `force` it must pass a renewal's validation
    /// (valid, the channel's app and Page, required permissions); warnings such as "expires
    /// soon" do not block, since the token worked for this channel before.
    pub async fn rollback(&self, selector: &str, force: bool) -> Result<ChannelView, ServiceError> {
        self.rollback_from(selector, None, force).await
    }

    /// Like `rollback`, for a screen that showed the channel with the token `seen` (its
    /// fingerprint): if the channel has another token by now, nothing changes (a conflict).
    pub async fn rollback_from(
        &self,
        selector: &str,
        seen: Option<&str>,
        force: bool,
    ) -> Result<ChannelView, ServiceError> {
        let channel = self.channel(selector).await?;
        if seen.is_some_and(|fp| fp != channel.token.fingerprint) {
            return Err(conflict(&channel.name));
        }
        let Some(previous) = channel.previous_token.clone() else {
            return Err(ServiceError::Usage(Usage::NoEarlierToken {
                name: channel.name.clone(),
            }));
        };
        // Read before anything changes: a token that is gone cannot be put back.
        let token = self.previous_secret(&channel, &previous).await?;
        let report = if force {
            None
        } else {
            Some(self.vet_previous(&channel, &previous, &token).await?)
        };
        let store = self.store.clone();
        let (id, read, report_saved) = (channel.id.clone(), channel.clone(), report.clone());
        let updated = blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<Channel, ServiceError> {
                    let ch = c
                        .channels
                        .iter_mut()
                        .find(|ch| ch.id == id)
                        .ok_or(ServiceError::Conflict(Conflict::Removed))?;
                    // Compare-and-swap: only the tokens that were read and checked above.
                    if ch.token != read.token || ch.previous_token != read.previous_token {
                        return Err(conflict(&read.name));
                    }
                    let line = super::history::rolled_back_entry(ch);
                    let current = std::mem::replace(&mut ch.token, previous);
                    ch.previous_token = Some(current);
                    // The two tokens swap places, and so do their facts; a forced rollback
                    // gets fresh facts when checked.
                    ch.previous_report = ch.last_report.take();
                    ch.last_report = report_saved.map(Box::new);
                    ch.last_failure = None;
                    let updated = ch.clone();
                    c.history.extend(line);
                    Ok(updated)
                })
        })
        .await??;
        match report {
            Some(_) => Ok(ChannelView::of(updated, Utc::now(), &self.thresholds)),
            // Forced: look at it now when the network allows (offline the failure is recorded).
            None => self.recheck(&channel.id).await,
        }
    }

    /// The previous token from the secret store, refused when it is gone or is not the token
    /// the catalog remembers.
    async fn previous_secret(
        &self,
        channel: &Channel,
        previous: &StoredToken,
    ) -> Result<Secret, ServiceError> {
        let gone = || {
            ServiceError::refused_for(
                ReasonCode::InvalidToken,
                format!(
                    "The earlier token of {:?} is missing from the secret store (it was removed outside Tokenwarden), so there is nothing to go back to. Nothing was changed: the channel keeps its current token.",
                    channel.name
                ),
                "rollback_gone",
                vec![("name", Fact::Text(channel.name.clone()))],
            )
        };
        match self.get_secret(&previous.secret).await {
            Ok(t) if t.fingerprint() == previous.fingerprint => Ok(t),
            Ok(_) | Err(ServiceError::Secret(SecretError::Missing(_))) => Err(gone()),
            Err(e) => Err(e),
        }
    }

    /// Validates the previous token as a renewal of `channel` would; its facts when it passes.
    async fn vet_previous(
        &self,
        channel: &Channel,
        previous: &StoredToken,
        token: &Secret,
    ) -> Result<TokenReport, ServiceError> {
        let v = self
            .validate(Some(channel), channel.kind, None, token)
            .await?;
        if !v.refusals.is_empty() {
            self.remember_previous_report(channel, previous, &v.report)
                .await;
        }
        let mut refusals = v.refusals;
        // A rollback puts back exactly the token it kept, never one derived from it.
        if v.derived.is_some() {
            refusals.push(
                Reason::new(
                    ReasonCode::WrongPage,
                    "The earlier token is a personal (User) token, not this channel's Page token.",
                )
                .with("refusal", Fact::Text("rollback_user_token".into())),
            );
        }
        if refusals.is_empty() {
            return Ok(v.report);
        }
        let code = refusals[0].code;
        let name = || Fact::Text(channel.name.clone());
        let mut reasons = vec![
            Reason::new(
                code,
                format!(
                    "The earlier token of {:?} was not put back, and the channel keeps its current token, because the earlier token no longer passes a renewal's checks.",
                    channel.name
                ),
            )
            .with("refusal", Fact::Text("rollback_not_put_back".into()))
            .with("name", name()),
        ];
        reasons.append(&mut refusals);
        reasons.push(
            Reason::new(
                code,
                format!(
                    "To put it back anyway (for example without internet), run: tokenwarden rollback {:?} --force",
                    channel.name
                ),
            )
            .with("refusal", Fact::Text("rollback_force".into()))
            .with("name", name()),
        );
        Err(ServiceError::Refused { reasons })
    }
}

impl Service {
    /// Keeps what a refused rollback learnt about the previous token, so every window can
    /// say it is dead without asking again. Best effort: the refusal stands either way.
    async fn remember_previous_report(
        &self,
        channel: &Channel,
        previous: &StoredToken,
        report: &TokenReport,
    ) {
        let store = self.store.clone();
        let (id, fingerprint, report) = (
            channel.id.clone(),
            previous.fingerprint.clone(),
            report.clone(),
        );
        let saved = blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<(), ServiceError> {
                    let ch = c.channels.iter_mut().find(|ch| ch.id == id);
                    if let Some(ch) = ch
                        && ch.previous_token.as_ref().map(|p| &p.fingerprint) == Some(&fingerprint)
                    {
                        ch.previous_report = Some(Box::new(report));
                    }
                    Ok(())
                })
        })
        .await;
        if !matches!(saved, Ok(Ok(()))) {
            tracing::warn!(channel = %channel.id, "could not keep the previous token's facts");
        }
    }
}

fn conflict(name: &str) -> ServiceError {
    ServiceError::Conflict(Conflict::TokensChanged { name: name.into() })
}
