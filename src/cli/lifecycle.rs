//! `remove`, `rename`, `app remove`, `app rename`. Removing asks first on a terminal; elsewhere
//! (scripts) it needs `--yes`, so a script can never delete a token by accident.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::{fail, json, open_service, output};
use crate::model::Channel;
use crate::service::{ServiceError, refuse_app_in_use, rename_app_in, rename_channel_in};
use crate::store::{Catalog, CatalogFile, Profile};
use crate::words::{reasons, t, t_args};

#[derive(Serialize)]
struct RemovedJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    removed: bool,
    /// Fingerprints of the tokens deleted from the secret store.
    tokens_deleted: Vec<&'a str>,
    /// Fingerprints of tokens the secret store would not delete (normally empty).
    tokens_left: &'a [String],
}

#[derive(Serialize)]
struct RenamedJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    renamed_from: &'a str,
}

/// The catalog alone: naming what goes away needs neither the network nor the secret store.
fn offline_catalog(profile: Option<PathBuf>) -> Result<Catalog, ServiceError> {
    let profile = Profile::resolve(profile)?;
    Ok(CatalogFile::new(&profile).load()?)
}

/// Asks `question` on a terminal; `None` when there is no terminal to ask on.
fn ask(question: &str) -> Option<bool> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    print!("{question} {} ", t("cli-yes-no"));
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    Some(super::input::is_yes(&answer))
}

/// `--yes`, or a "y" on a terminal. Without a terminal and `--yes`: a usage error (exit 2).
/// A "no" changes nothing (exit 1, like a declined restore).
pub(super) fn confirm(yes: bool, question: &str, command: &str) -> Result<(), i32> {
    if yes {
        return Ok(());
    }
    match ask(question) {
        Some(true) => Ok(()),
        Some(false) => {
            println!("{}", t("cli-nothing-removed"));
            Err(1)
        }
        None => Err(fail(&ServiceError::said(t_args(
            "cli-remove-needs-terminal",
            &[("command", command.into())],
        )))),
    }
}

pub async fn remove(profile: Option<PathBuf>, selector: String, yes: bool, as_json: bool) -> i32 {
    let channel: Channel = match offline_catalog(profile.clone()).and_then(|c| {
        c.channel(&selector)
            .cloned()
            .ok_or_else(|| ServiceError::NotFound(selector.clone()))
    }) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let question = t_args(
        if channel.previous_token.is_some() {
            "cli-remove-channel-question-both"
        } else {
            "cli-remove-channel-question"
        },
        &[
            ("name", format!("{:?}", channel.name).into()),
            ("kind", reasons::kind(channel.kind).into()),
        ],
    );
    let command = format!("tokenwarden remove {:?}", channel.id);
    if let Err(code) = confirm(yes, &question, &command) {
        return code;
    }
    let run = async {
        let service = open_service(profile)?;
        service.remove_channel(&channel.id).await
    };
    let removal = match run.await {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let c = &removal.channel;
    let deleted: Vec<&str> = std::iter::once(&c.token)
        .chain(c.previous_token.as_ref())
        .map(|t| t.fingerprint.as_str())
        .filter(|f| !removal.left_behind.iter().any(|l| l == f))
        .collect();
    if as_json {
        json::print(&RemovedJson {
            id: &c.id,
            name: &c.name,
            kind: c.kind.code(),
            removed: true,
            tokens_deleted: deleted,
            tokens_left: &removal.left_behind,
        });
    } else {
        let deleted = if deleted.is_empty() {
            t("cli-nothing")
        } else {
            deleted.join(", ")
        };
        println!(
            "{}",
            t_args(
                "cli-removed-channel",
                &[
                    ("name", format!("{:?}", c.name).into()),
                    ("kind", reasons::kind(c.kind).into()),
                    ("deleted", deleted.into()),
                ],
            )
        );
        println!(
            "{}",
            t_args("cli-history-stays", &[("id", format!("{:?}", c.id).into())])
        );
    }
    if !removal.left_behind.is_empty() {
        output::eprint_error(&t_args(
            "cli-token-left-behind",
            &[("fingerprints", removal.left_behind.join(", ").into())],
        ));
    }
    0
}

pub fn rename(profile: Option<PathBuf>, selector: String, new_name: String, as_json: bool) -> i32 {
    let result = Profile::resolve(profile)
        .map_err(ServiceError::from)
        .and_then(|p| rename_channel_in(&p, &selector, &new_name));
    match result {
        Ok((c, before)) => {
            if as_json {
                json::print(&RenamedJson {
                    id: &c.id,
                    name: &c.name,
                    kind: c.kind.code(),
                    renamed_from: &before,
                });
            } else {
                println!(
                    "{}",
                    t_args(
                        "cli-renamed-channel",
                        &[
                            ("before", format!("{before:?}").into()),
                            ("name", format!("{:?}", c.name).into()),
                        ],
                    )
                );
            }
            0
        }
        Err(e) => fail(&e),
    }
}

pub async fn app_remove(profile: Option<PathBuf>, app_id: String, yes: bool, as_json: bool) -> i32 {
    let catalog = match offline_catalog(profile.clone()) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let app = catalog.app(app_id.trim()).cloned();
    let Some(app) = app else {
        return fail(&ServiceError::said(t_args(
            "cli-no-such-app",
            &[("id", format!("{app_id:?}").into())],
        )));
    };
    // Refused before asking: a "yes" could not change the answer.
    if let Err(e) = refuse_app_in_use(&catalog, &app.id) {
        return fail(&e);
    }
    let question = t_args(
        if app.has_secret {
            "cli-remove-app-question-secret"
        } else {
            "cli-remove-app-question"
        },
        &[
            ("name", format!("{:?}", app.name).into()),
            ("id", app.id.as_str().into()),
        ],
    );
    let command = format!("tokenwarden app remove {}", app.id);
    if let Err(code) = confirm(yes, &question, &command) {
        return code;
    }
    let run = async {
        let service = open_service(profile)?;
        service.remove_app(&app.id).await
    };
    match run.await {
        Ok(app) if as_json => {
            json::print(&json::AppJson {
                removed: Some(true),
                ..json::AppJson::of(&app)
            });
            0
        }
        Ok(app) => {
            let id = if app.has_secret {
                "cli-removed-app-secret"
            } else {
                "cli-removed-app"
            };
            println!(
                "{}",
                t_args(
                    id,
                    &[
                        ("name", format!("{:?}", app.name).into()),
                        ("id", app.id.as_str().into()),
                    ],
                )
            );
            0
        }
        Err(e) => fail(&e),
    }
}

pub fn app_rename(
    profile: Option<PathBuf>,
    app_id: String,
    new_name: String,
    as_json: bool,
) -> i32 {
    let result = Profile::resolve(profile)
        .map_err(ServiceError::from)
        .and_then(|p| rename_app_in(&p, &app_id, &new_name));
    match result {
        Ok((app, old)) if as_json => {
            json::print(&json::AppJson {
                renamed_from: Some(&old),
                ..json::AppJson::of(&app)
            });
            0
        }
        Ok((app, _)) => {
            println!(
                "{}",
                t_args(
                    "cli-renamed-app",
                    &[
                        ("id", app.id.as_str().into()),
                        ("name", format!("{:?}", app.name).into()),
                    ],
                )
            );
            0
        }
        Err(e) => fail(&e),
    }
}
