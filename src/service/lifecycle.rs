//! Removing and renaming channels and apps, for the CLI and the window alike. Catalog changes
//! happen under the catalog lock like every other change. A removed channel's tokens leave the
//! secret store; its history stays and records the removal.
//!
//! Renaming needs no secret, so it also works on the profile alone (`*_in` functions), without
//! asking for the vault passphrase.

use super::refusal::{AppInUse, Named, Usage};
use super::{Service, ServiceError, blocking};
use crate::model::{Channel, MetaApp, SecretRef};
use crate::store::{Catalog, CatalogFile, HistoryEntry, HistoryEvent, Profile, SecretError};

/// What `remove_channel` did.
#[derive(Debug, Clone)]
pub struct Removal {
    pub channel: Channel,
    /// Fingerprints of tokens that could not be deleted from the secret store (normally none).
    pub left_behind: Vec<String>,
}

/// A name a person typed: trimmed, not empty, no control characters.
fn clean_name(name: &str, what: Named) -> Result<String, ServiceError> {
    let name = name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(ServiceError::Usage(Usage::NameNotPlain { what }));
    }
    Ok(name.to_string())
}

fn find_channel(c: &Catalog, selector: &str) -> Result<usize, ServiceError> {
    c.channels
        .iter()
        .position(|x| x.id == selector)
        .or_else(|| c.channels.iter().position(|x| x.name == selector))
        .ok_or_else(|| ServiceError::NotFound(selector.to_string()))
}

fn find_app(c: &Catalog, app_id: &str) -> Result<usize, ServiceError> {
    c.apps
        .iter()
        .position(|a| a.id == app_id.trim())
        .ok_or_else(|| {
            ServiceError::Usage(Usage::NoSuchApp {
                id: app_id.to_string(),
            })
        })
}

/// Refuses (exit 1) while a channel uses the app: its checks and logins need the app.
pub fn refuse_app_in_use(c: &Catalog, app_id: &str) -> Result<(), ServiceError> {
    let channels: Vec<String> = c
        .channels
        .iter()
        .filter(|ch| ch.app_id.as_deref() == Some(app_id))
        .map(|ch| ch.name.clone())
        .collect();
    if channels.is_empty() {
        return Ok(());
    }
    let app = c
        .app(app_id)
        .map_or(app_id, |a| a.name.as_str())
        .to_string();
    Err(ServiceError::InUse(AppInUse { app, channels }))
}

/// Renames a channel (id or exact name) in the profile; returns it with its new name, and the
/// name it had (read in the same update). A name another channel has is refused (exit 2, like
/// `add`): two channels of one name could not be told apart on the command line.
pub fn rename_channel_in(
    profile: &Profile,
    selector: &str,
    new_name: &str,
) -> Result<(Channel, String), ServiceError> {
    let new_name = clean_name(new_name, Named::Channel)?;
    let renamed =
        CatalogFile::new(profile).update(|c: &mut Catalog| -> Result<_, ServiceError> {
            let i = find_channel(c, selector)?;
            if let Some(other) = c
                .channels
                .iter()
                .find(|x| x.name == new_name && x.id != c.channels[i].id)
            {
                return Err(ServiceError::Usage(Usage::NameTaken {
                    what: Named::Channel,
                    name: other.name.clone(),
                    id: other.id.clone(),
                }));
            }
            let old = std::mem::replace(&mut c.channels[i].name, new_name.clone());
            let renamed = c.channels[i].clone();
            if old != renamed.name {
                let event = HistoryEvent::Renamed {
                    from_name: old.clone(),
                };
                c.history
                    .push(HistoryEntry::now(&renamed.id, &renamed.name, event));
            }
            Ok((renamed, old))
        })?;
    Ok(renamed)
}

/// Renames a saved app; another app's name is refused (exit 2). Returns it, and the name it had.
pub fn rename_app_in(
    profile: &Profile,
    app_id: &str,
    new_name: &str,
) -> Result<(MetaApp, String), ServiceError> {
    let new_name = clean_name(new_name, Named::App)?;
    CatalogFile::new(profile).update(|c: &mut Catalog| -> Result<_, ServiceError> {
        let i = find_app(c, app_id)?;
        if let Some(other) = c
            .apps
            .iter()
            .find(|a| a.name == new_name && a.id != c.apps[i].id)
        {
            return Err(ServiceError::Usage(Usage::NameTaken {
                what: Named::App,
                name: other.name.clone(),
                id: other.id.clone(),
            }));
        }
        let old = std::mem::replace(&mut c.apps[i].name, new_name);
        Ok((c.apps[i].clone(), old))
    })
}

impl Service {
    /// Opens the secret entry once, so a locked keychain or a wrong vault passphrase stops a
    /// removal before anything changed (a missing entry is fine: nothing to delete).
    async fn secret_store_answers(&self, r: &SecretRef) -> Result<(), ServiceError> {
        match self.get_secret(r).await {
            Ok(_) | Err(ServiceError::Secret(SecretError::Missing(_))) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Deletes one entry; false (and logged) when the store refused.
    async fn delete_secret(&self, r: &SecretRef) -> bool {
        let secrets = self.secrets();
        let r = r.clone();
        match blocking(move || secrets.delete(&r)).await {
            Ok(Ok(())) => true,
            Ok(Err(e)) => {
                tracing::warn!(error = %e, "could not delete a secret of a removed item");
                false
            }
            Err(e) => {
                tracing::warn!(error = %e, "could not delete a secret of a removed item");
                false
            }
        }
    }

    /// Removes a channel (id or exact name): out of the catalog, then its current and previous
    /// tokens out of the secret store; the history keeps what happened and records the removal.
    pub async fn remove_channel(&self, selector: &str) -> Result<Removal, ServiceError> {
        let channel = self.channel(selector).await?;
        self.secret_store_answers(&channel.token.secret).await?;
        let store = self.store.clone();
        let id = channel.id.clone();
        let channel = blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<Channel, ServiceError> {
                    let i = find_channel(c, &id)?;
                    let channel = c.channels.remove(i);
                    let event = HistoryEvent::Removed {
                        fingerprint: channel.token.fingerprint.clone(),
                        previous_fingerprint: channel
                            .previous_token
                            .as_ref()
                            .map(|t| t.fingerprint.clone()),
                    };
                    c.history
                        .push(HistoryEntry::now(&channel.id, &channel.name, event));
                    Ok(channel)
                })
        })
        .await??;
        let mut left_behind = Vec::new();
        for token in std::iter::once(&channel.token).chain(channel.previous_token.as_ref()) {
            if !self.delete_secret(&token.secret).await {
                left_behind.push(token.fingerprint.clone());
            }
        }
        Ok(Removal {
            channel,
            left_behind,
        })
    }

    pub async fn rename_channel(
        &self,
        selector: &str,
        new_name: &str,
    ) -> Result<Channel, ServiceError> {
        let (profile, selector, new_name) = (
            self.store.profile.clone(),
            selector.to_string(),
            new_name.to_string(),
        );
        blocking(move || rename_channel_in(&profile, &selector, &new_name).map(|(c, _)| c)).await?
    }

    /// Removes a saved app and its secret. Refused (exit 1, nothing changed) while a channel
    /// uses it: its checks and logins need the app.
    pub async fn remove_app(&self, app_id: &str) -> Result<MetaApp, ServiceError> {
        let app_id = app_id.trim().to_string();
        let secret = SecretRef::app_secret(&app_id);
        let has_secret = self
            .catalog()
            .await?
            .app(&app_id)
            .is_some_and(|a| a.has_secret);
        if has_secret {
            self.secret_store_answers(&secret).await?;
        }
        let store = self.store.clone();
        let app = blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<MetaApp, ServiceError> {
                    let i = find_app(c, &app_id)?;
                    refuse_app_in_use(c, &app_id)?;
                    Ok(c.apps.remove(i))
                })
        })
        .await??;
        if app.has_secret && !self.delete_secret(&secret).await {
            tracing::warn!(app = %app.id, "the removed app's secret stayed in the secret store");
        }
        Ok(app)
    }

    pub async fn rename_app(&self, app_id: &str, new_name: &str) -> Result<MetaApp, ServiceError> {
        let (profile, app_id, new_name) = (
            self.store.profile.clone(),
            app_id.to_string(),
            new_name.to_string(),
        );
        blocking(move || rename_app_in(&profile, &app_id, &new_name).map(|(a, _)| a)).await?
    }
}
