//! Errors in words: what happened and what to do next, phrased from the error's facts.

use chrono::Utc;
use fluent_bundle::FluentValue;
use std::path::Path;

use super::bundle::{t, t_args};
use super::reasons::sentences;
use crate::graph::{ConfigError, GraphError};
use crate::model::PasteError;
use crate::service::ServiceError;
use crate::store::{BackupError, SecretError, StoreError};

/// The sentence for a failed command. Errors that still carry a service's English sentence
/// (usage, conflicts, "in use") keep it; see the report of issue 11.
pub fn error(e: &ServiceError) -> String {
    match e {
        ServiceError::Refused { reasons } => t_args(
            "error-refused",
            &[("reasons", sentences(reasons, Utc::now()).into())],
        ),
        ServiceError::NotFound(name) => t_args("error-not-found", &[("name", name.into())]),
        ServiceError::Paste(p) => paste(p),
        ServiceError::Graph(g) => t_args("error-graph", &[("detail", graph(g).into())]),
        ServiceError::Internal(detail) => t_args("error-internal", &[("detail", detail.into())]),
        ServiceError::Store(e) => store(e),
        ServiceError::Secret(e) => secret(e),
        ServiceError::Backup(e) => backup(e),
        ServiceError::Config(e) => config(e),
        // Usage, conflicts and "in use" still carry a service's English sentence.
        other => other.to_string(),
    }
}

fn path(p: &Path) -> FluentValue<'static> {
    p.display().to_string().into()
}

/// What was being done when a file failed ("save the catalog"); unknown ones stay as given.
fn action(a: &str) -> String {
    let id = match a {
        "create the profile folder" => "action-create-profile-folder",
        "look at the profile folder" => "action-look-at-profile-folder",
        "open the history" => "action-open-history",
        "read the catalog" => "action-read-catalog",
        "read the history" => "action-read-history",
        "read the reminder state" => "action-read-reminder-state",
        "save the catalog" => "action-save-catalog",
        "save the reminder state" => "action-save-reminder-state",
        "write the history" => "action-write-history",
        "read the backup" => "action-read-backup",
        "encrypt the backup" => "action-encrypt-backup",
        "prepare the backup" => "action-prepare-backup",
        "write the backup to" => "action-write-backup-to",
        other => return other.to_string(),
    };
    t(id)
}

pub fn store(e: &StoreError) -> String {
    match e {
        StoreError::Io {
            action: a,
            path: p,
            source,
        } => t_args(
            "store-io",
            &[
                ("action", action(a).into()),
                ("path", path(p)),
                ("detail", source.to_string().into()),
            ],
        ),
        StoreError::CorruptCatalog { path: p, detail } => t_args(
            "store-corrupt-catalog",
            &[("path", path(p)), ("detail", detail.into())],
        ),
        StoreError::NewerSchema {
            path: p,
            found,
            supported,
        } => t_args(
            "store-newer-schema",
            &[
                ("path", path(p)),
                ("found", (*found).into()),
                ("supported", (*supported).into()),
            ],
        ),
        StoreError::Lock { path: p, source } => t_args(
            "store-lock",
            &[("path", path(p)), ("detail", source.to_string().into())],
        ),
        StoreError::NoProfileDir => t("store-no-profile-dir"),
        StoreError::UnsafeProfile {
            path: p,
            problem,
            fix,
        } => t_args(
            "store-unsafe-profile",
            &[
                ("path", path(p)),
                ("problem", problem.into()),
                ("fix", fix.into()),
            ],
        ),
        StoreError::Secret(e) => secret(e),
        StoreError::Workspace(e) => super::workspace::error(e),
    }
}

pub fn secret(e: &SecretError) -> String {
    match e {
        SecretError::Unavailable { detail } => {
            t_args("secret-unavailable", &[("detail", detail.into())])
        }
        SecretError::Missing(r) => match r.0.strip_prefix("app-secret-") {
            Some(app) => t_args("secret-missing-app", &[("app", app.into())]),
            None => t_args("secret-missing-token", &[("entry", r.0.as_str().into())]),
        },
        SecretError::WrongPassphrase => t("secret-wrong-passphrase"),
        SecretError::VaultDamaged { detail } => {
            t_args("secret-vault-damaged", &[("detail", detail.into())])
        }
        SecretError::NoPassphrase => t("secret-no-passphrase"),
        SecretError::Keyring { detail } => t_args("secret-keyring", &[("detail", detail.into())]),
        SecretError::BadSetting {
            name,
            value,
            expected,
        } => t_args(
            "secret-bad-setting",
            &[
                ("name", (*name).into()),
                ("value", value.into()),
                ("expected", (*expected).into()),
            ],
        ),
        SecretError::Io { path: p, source } => t_args(
            "secret-io",
            &[("path", path(p)), ("detail", source.to_string().into())],
        ),
        SecretError::Workspace(e) => super::workspace::error(e),
    }
}

pub fn backup(e: &BackupError) -> String {
    match e {
        BackupError::WrongPassphrase { path: p } => {
            t_args("backup-wrong-passphrase", &[("path", path(p))])
        }
        BackupError::Damaged { path: p, detail } => t_args(
            "backup-damaged",
            &[("path", path(p)), ("detail", detail.into())],
        ),
        BackupError::Newer { path: p } => t_args("backup-newer", &[("path", path(p))]),
        BackupError::NoPassphrase => t("backup-no-passphrase"),
        BackupError::Io {
            action: a,
            path: p,
            source,
        } => t_args(
            "backup-io",
            &[
                ("action", action(a).into()),
                ("path", path(p)),
                ("detail", source.to_string().into()),
            ],
        ),
        BackupError::Setting(e) => secret(e),
    }
}

pub fn config(e: &ConfigError) -> String {
    match e {
        ConfigError::BadUrl(v) => t_args("config-bad-url", &[("detail", v.into())]),
        ConfigError::InsecureHost(h) => t_args("config-insecure-host", &[("host", h.into())]),
        ConfigError::BadVersion(v) => {
            t_args("config-bad-version", &[("value", format!("{v:?}").into())])
        }
        ConfigError::BadTimeout(v) => {
            t_args("config-bad-timeout", &[("value", format!("{v:?}").into())])
        }
    }
}

/// What went wrong talking to Facebook, for a sentence that says what to do.
pub fn graph(e: &GraphError) -> String {
    match e {
        GraphError::Api { error, .. } => {
            let code = format!(
                "{}{}",
                error.code,
                error.subcode.map(|s| format!("/{s}")).unwrap_or_default()
            );
            t_args(
                "graph-api",
                &[
                    ("message", error.message.as_str().into()),
                    ("code", code.into()),
                ],
            )
        }
        GraphError::Timeout(secs) => t_args("graph-timeout", &[("count", (*secs).into())]),
        GraphError::Network(detail) => t_args("graph-network", &[("detail", detail.into())]),
        GraphError::Http { status, detail } => t_args(
            "graph-http",
            &[("status", (*status).into()), ("detail", detail.into())],
        ),
        GraphError::BadBody(detail) => t_args("graph-bad-body", &[("detail", detail.into())]),
        // A request we refused to send; its sentence is the graph module's own.
        GraphError::Unsafe(why) => why.clone(),
    }
}

pub fn paste(e: &PasteError) -> String {
    match e {
        PasteError::Empty => t("paste-empty"),
        PasteError::LoginCancelled(why) => {
            t_args("paste-login-cancelled", &[("detail", why.into())])
        }
        PasteError::UrlWithoutToken => t("paste-url-without-token"),
        PasteError::JsonWithoutToken => t("paste-json-without-token"),
        PasteError::NotAToken(why) => {
            let why = match *why {
                "it contains spaces or line breaks inside" => t("paste-why-spaces"),
                "it contains characters a token never has" => t("paste-why-characters"),
                "it is far too short" => t("paste-why-too-short"),
                "it starts like JSON but is not complete JSON" => t("paste-why-partial-json"),
                other => other.to_string(),
            };
            t_args("paste-not-a-token", &[("detail", why.into())])
        }
    }
}

/// "tokenwarden: <sentence>", the way every command reports a failure on standard error.
pub fn prefixed(sentence: &str) -> String {
    t_args("error-prefix", &[("sentence", sentence.into())])
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;

    #[test]
    fn english_error_sentences_are_the_services() {
        for e in [
            ServiceError::NotFound("Acme".into()),
            ServiceError::Paste(PasteError::Empty),
            ServiceError::Paste(PasteError::NotAToken("too short")),
            ServiceError::Internal("boom".into()),
            ServiceError::Store(StoreError::NoProfileDir),
            ServiceError::Store(StoreError::Io {
                action: "save the catalog",
                path: "/p/catalog.json".into(),
                source: std::io::Error::other("disk full"),
            }),
            ServiceError::Secret(SecretError::WrongPassphrase),
            ServiceError::Secret(SecretError::Missing(crate::model::SecretRef(
                "app-secret-111".into(),
            ))),
            ServiceError::Secret(SecretError::Missing(crate::model::SecretRef(
                "tok-1".into(),
            ))),
            ServiceError::Backup(BackupError::Newer {
                path: "/b.age".into(),
            }),
            ServiceError::Config(ConfigError::BadTimeout("x".into())),
            ServiceError::Config(ConfigError::InsecureHost("example.com".into())),
            ServiceError::Graph(GraphError::Timeout(20)),
            ServiceError::Graph(GraphError::Network("connection refused".into())),
            ServiceError::Graph(GraphError::Http {
                status: 502,
                detail: "an HTML page".into(),
            }),
        ] {
            assert_eq!(with_lang(Lang::En, || error(&e)), e.to_string());
        }
        let es = with_lang(Lang::Es, || error(&ServiceError::NotFound("Acme".into())));
        assert!(es.starts_with("Ningún canal"), "{es}");
    }
}
