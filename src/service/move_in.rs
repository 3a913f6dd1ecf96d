//! `workspace import`: a local profile's apps and channels copied into the workspace this
//! service is open on, every token and app secret sealed again to the workspace's renewers.
//! Like a restore, tokens the local profile saved (each validated when it was saved) are moved
//! as they are; a channel or app the workspace already has (same id or channel name) is left
//! alone and reported, never overwritten.

use super::{Service, ServiceError, blocking};
use crate::model::{Channel, MetaApp, Secret, SecretRef};
use crate::store::{Catalog, Store};

/// What `import_profile` did.
#[derive(Debug, Clone, Default)]
pub struct MoveIn {
    pub channels: Vec<String>,
    pub apps: Vec<String>,
    /// Channels left out because the workspace has one with that id or name.
    pub skipped: Vec<String>,
}

impl Service {
    /// Copies `from` (a local profile, opened with its own secret store) into this workspace;
    /// the caller checks that `from` is local and this service is on a workspace.
    pub async fn import_profile(&self, from: Store) -> Result<MoveIn, ServiceError> {
        let local = blocking({
            let from = from.clone();
            move || from.catalog.load()
        })
        .await??;
        let here = self.catalog().await?;
        let taken = |c: &Channel| {
            here.channels
                .iter()
                .any(|h| h.id == c.id || h.name == c.name)
        };
        let (skipped, mut channels): (Vec<Channel>, Vec<Channel>) =
            local.channels.into_iter().partition(taken);
        let apps: Vec<MetaApp> = local
            .apps
            .into_iter()
            .filter(|a| here.app(&a.id).is_none())
            .collect();
        // The tokens in use and the app secrets must all be there; a previous token that is
        // gone only loses its rollback.
        let mut refs: Vec<SecretRef> = channels.iter().map(|c| c.token.secret.clone()).collect();
        refs.extend(
            apps.iter()
                .filter(|a| a.has_secret)
                .map(|a| SecretRef::app_secret(&a.id)),
        );
        let secrets = from.secrets.clone();
        let values = blocking(move || secrets.get_all(&refs).map(|v| (refs, v))).await??;
        let mut entries: Vec<(SecretRef, Secret)> = values.0.into_iter().zip(values.1).collect();
        for c in &mut channels {
            if let Some(previous) = c.previous_token.clone() {
                let secrets = from.secrets.clone();
                let r = previous.secret.clone();
                match blocking(move || secrets.get(&r)).await? {
                    Ok(value) => entries.push((previous.secret, value)),
                    Err(_) => {
                        c.previous_token = None;
                        c.previous_report = None;
                    }
                }
            }
        }
        let sealed: Vec<SecretRef> = entries.iter().map(|(r, _)| r.clone()).collect();
        let secrets = self.secrets();
        blocking(move || secrets.set_all(&entries)).await??;
        let store = self.store.clone();
        let (new_channels, new_apps) = (channels.clone(), apps.clone());
        let saved = blocking(move || {
            store
                .catalog
                .update(|c: &mut Catalog| -> Result<(), ServiceError> {
                    c.apps.extend(new_apps);
                    c.history
                        .extend(new_channels.iter().map(super::history::added_entry));
                    c.channels.extend(new_channels);
                    Ok(())
                })
        })
        .await?;
        if let Err(e) = saved {
            self.forget_secrets(sealed).await;
            return Err(e);
        }
        Ok(MoveIn {
            channels: channels.into_iter().map(|c| c.name).collect(),
            apps: apps.into_iter().map(|a| a.name).collect(),
            skipped: skipped.into_iter().map(|c| c.name).collect(),
        })
    }
}
