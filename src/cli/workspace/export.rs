//! `workspace export --to DIR`: the workspace copied out to a new local profile (renewers only),
//! every token, previous token and app secret opened with this member's key and saved in the new
//! profile's own secret store, chosen as for any new profile; the history lines come along. The
//! profile is built aside and put in place at the end: a refusal or failure leaves DIR as it was.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::super::{choose_backend, fail, json, open_service};
use crate::model::SecretRef;
use crate::service::ServiceError;
use crate::service::move_in::MoveIn;
use crate::store::{SecretStoreKind, StagedProfile, Store, shell_quote, staged};
use crate::words::{secret_store, t, t_args};

#[derive(Serialize)]
struct ExportedJson<'a> {
    profile: String,
    /// "keyring" or "vault": the new profile's own secret store.
    secret_store: &'static str,
    channels: &'a [String],
    apps: &'a [String],
    previous_tokens: usize,
    history_lines: usize,
}

pub async fn export(profile: Option<PathBuf>, to: PathBuf, as_json: bool) -> i32 {
    match export_to(profile, &to).await {
        Ok((done, kind)) => {
            print(&done, kind, &to, as_json);
            0
        }
        Err(e) => fail(&e),
    }
}

async fn export_to(
    profile: Option<PathBuf>,
    to: &Path,
) -> Result<(MoveIn, SecretStoreKind), ServiceError> {
    let service = open_service(profile)?;
    if service.store.catalog.workspace().is_none() {
        return Err(ServiceError::said(t("ws-export-not-workspace")));
    }
    if !staged::is_free(to) {
        return Err(ServiceError::said(t_args(
            "ws-export-not-empty",
            &[("path", shell_quote(&to.display().to_string()).into())],
        )));
    }
    service.ensure_renewer().await?;
    // Dropped on any early return below: the half-made folder goes with it.
    let staging = StagedProfile::new(to)?;
    let backend = choose_backend(staging.profile())?;
    let store = Store::open(staging.profile().clone(), backend)?;
    let kind = store.secrets.kind();
    let done = service.export_profile(store.clone()).await?;
    if let Err(e) = staging.commit() {
        // The folder is gone; entries kept outside it (the keychain's) must go too.
        forget_all(&store);
        return Err(e.into());
    }
    tracing::info!(
        channels = done.channels.len(),
        apps = done.apps.len(),
        "workspace exported to a local profile"
    );
    Ok((done, kind))
}

/// Best effort: removes every secret the new profile's catalog refers to.
fn forget_all(store: &Store) {
    let Ok(catalog) = store.catalog.load() else {
        return;
    };
    let mut refs: Vec<SecretRef> = Vec::new();
    for c in &catalog.channels {
        refs.push(c.token.secret.clone());
        refs.extend(c.previous_token.iter().map(|p| p.secret.clone()));
    }
    refs.extend(catalog.apps.iter().map(|a| SecretRef::app_secret(&a.id)));
    let _ = store.secrets.delete_all(&refs);
}

fn print(done: &MoveIn, kind: SecretStoreKind, to: &Path, as_json: bool) {
    let path = to.display().to_string();
    if as_json {
        json::print(&ExportedJson {
            profile: path,
            secret_store: match kind {
                SecretStoreKind::Vault => "vault",
                _ => "keyring",
            },
            channels: &done.channels,
            apps: &done.apps,
            previous_tokens: done.previous_tokens,
            history_lines: done.history_lines,
        });
        return;
    }
    println!(
        "{}",
        t_args(
            "ws-exported",
            &[
                ("path", path.as_str().into()),
                ("channels", done.channels.len().into()),
                ("apps", done.apps.len().into()),
                ("previous", done.previous_tokens.into()),
                ("lines", done.history_lines.into()),
                ("store", secret_store::kind(kind).into()),
            ]
        )
    );
    println!(
        "{}",
        t_args("ws-exported-open", &[("path", shell_quote(&path).into())])
    );
}
