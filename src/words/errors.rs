//! Errors in words: what happened and what to do next, phrased from the error's facts.

use chrono::Utc;
use fluent_bundle::FluentValue;
use std::path::Path;

use super::bundle::{t, t_args};
use super::reasons::{kind, sentences};
use crate::graph::error::UnsafeRequest;
use crate::graph::{ConfigError, GraphError};
use crate::model::{PasteError, PasteSource};
use crate::service::{BackupId, Conflict, Named, RestoreWhy, ServiceError, Usage};
use crate::store::{BackupError, Expected, SecretError, StoreError, Unsafe, shell_quote};

/// The sentence for a failed command, phrased from the error's facts.
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
        ServiceError::Usage(u) => usage(u),
        ServiceError::Conflict(c) => conflict(c),
        ServiceError::InUse(u) => t_args(
            "error-app-in-use",
            &[
                ("app", quoted(&u.app)),
                ("count", u.channels.len().into()),
                ("names", quoted_list(&u.channels)),
            ],
        ),
    }
}

/// A name as the sentences show it: in quotes, so a name with spaces reads as one.
fn quoted(name: &str) -> FluentValue<'static> {
    format!("{name:?}").into()
}

fn quoted_list(names: &[String]) -> FluentValue<'static> {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
        .into()
}

fn named(what: Named) -> FluentValue<'static> {
    match what {
        Named::Channel => "channel",
        Named::App => "app",
    }
    .into()
}

/// What was asked makes no sense as given.
pub fn usage(u: &Usage) -> String {
    match u {
        Usage::Said(sentence) => sentence.clone(),
        Usage::BadAppId { id } => t_args("usage-bad-app-id", &[("id", quoted(id))]),
        Usage::AppNameMissing => t("usage-app-name-missing"),
        Usage::ChannelNameMissing => t("usage-channel-name-missing"),
        Usage::NameNotPlain { what } => t_args("usage-name-not-plain", &[("what", named(*what))]),
        Usage::ChannelExists { name } => t_args("usage-channel-exists", &[("name", quoted(name))]),
        Usage::LineNameTaken { name } => t_args("usage-line-name-taken", &[("name", quoted(name))]),
        Usage::NameTaken { what, name, id } => t_args(
            "usage-name-taken",
            &[
                ("what", named(*what)),
                ("name", quoted(name)),
                ("id", id.into()),
            ],
        ),
        Usage::NoSuchApp { id } => t_args("cli-no-such-app", &[("id", quoted(id))]),
        Usage::NoEarlierToken { name } => {
            t_args("usage-no-earlier-token", &[("name", quoted(name))])
        }
        Usage::NoWebhook { name, kind: k } => t_args(
            "usage-no-webhook",
            &[("name", quoted(name)), ("kind", kind(*k).into())],
        ),
        Usage::PageUnknown => t("usage-page-unknown"),
        Usage::NoClientToken { app_id } => {
            t_args("usage-no-client-token", &[("app", app_id.into())])
        }
        Usage::ReportNotWritten { path: p, detail } => t_args(
            "usage-report-not-written",
            &[("path", path(p)), ("detail", detail.into())],
        ),
        Usage::ReportNotOpened { path: p, detail } => t_args(
            "usage-report-not-opened",
            &[("path", path(p)), ("detail", detail.into())],
        ),
        Usage::NotAReport {
            path: p,
            detail: Some(detail),
        } => t_args(
            "usage-report-damaged",
            &[("path", path(p)), ("detail", detail.into())],
        ),
        Usage::NotAReport { path: p, .. } => t_args("usage-not-a-report", &[("path", path(p))]),
        Usage::NewerReport { path: p, version } => t_args(
            "usage-newer-report",
            &[("path", path(p)), ("version", version.into())],
        ),
    }
}

/// Someone else changed the same thing a moment ago.
pub fn conflict(c: &Conflict) -> String {
    match c {
        Conflict::NameAdded { name } => t_args("conflict-name-added", &[("name", quoted(name))]),
        Conflict::LineNameAdded { name } => {
            t_args("conflict-line-name-added", &[("name", quoted(name))])
        }
        Conflict::TokenChanged => t("conflict-token-changed"),
        Conflict::TokensChanged { name } => {
            t_args("conflict-tokens-changed", &[("name", quoted(name))])
        }
        Conflict::Removed => t("conflict-removed"),
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
        StoreError::UnsafeProfile { path: p, problem } => {
            let quoted = shell_quote(&p.display().to_string());
            let (problem, fix) = match problem {
                Unsafe::Link => (
                    t("unsafe-link"),
                    t_args("unsafe-link-fix", &[("path", quoted.into())]),
                ),
                Unsafe::OtherOwner { owner, me } => (
                    t_args(
                        "unsafe-other-owner",
                        &[("owner", (*owner).into()), ("me", (*me).into())],
                    ),
                    t("unsafe-other-owner-fix"),
                ),
                Unsafe::OpenToOthers { mode } => (
                    t_args("unsafe-open", &[("mode", format!("{mode:o}").into())]),
                    t_args("unsafe-open-fix", &[("path", quoted.into())]),
                ),
            };
            t_args(
                "store-unsafe-profile",
                &[
                    ("path", path(p)),
                    ("problem", problem.into()),
                    ("fix", fix.into()),
                ],
            )
        }
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
                ("expected", expected_value(expected).into()),
            ],
        ),
        SecretError::Io { path: p, source } => t_args(
            "secret-io",
            &[("path", path(p)), ("detail", source.to_string().into())],
        ),
        SecretError::Workspace(e) => super::workspace::error(e),
    }
}

/// What a setting takes.
fn expected_value(e: &Expected) -> String {
    match e {
        Expected::SecretStore => t("expected-secret-store"),
        Expected::WorkFactor { min, max, default } => t_args(
            "expected-work-factor",
            &[
                ("min", (*min).into()),
                ("max", (*max).into()),
                ("default", (*default).into()),
            ],
        ),
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
        GraphError::Unsafe(why) => unsafe_request(why),
    }
}

/// Why a request was not sent (an id that is not one, a bug guard).
pub fn unsafe_request(why: &UnsafeRequest) -> String {
    match why {
        UnsafeRequest::NotAnId { shown } => t_args("graph-unsafe-id", &[("id", shown.into())]),
        UnsafeRequest::NotOurAddress { shown } => {
            t_args("graph-unsafe-address", &[("address", shown.into())])
        }
        UnsafeRequest::SecretInAddress { name } => {
            t_args("graph-unsafe-secret", &[("name", name.into())])
        }
        UnsafeRequest::NoSafeDebug => t("graph-unsafe-no-safe-debug"),
        UnsafeRequest::BadBaseUrl => t("graph-unsafe-base-url"),
        UnsafeRequest::NoTarget => t("graph-unsafe-no-target"),
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

/// What the pasted text was taken as: live feedback while a token is pasted.
pub fn paste_source(source: PasteSource) -> String {
    t(match source {
        PasteSource::Plain => "paste-source-plain",
        PasteSource::Bearer => "paste-source-bearer",
        PasteSource::RedirectUrl => "paste-source-redirect",
        PasteSource::Json => "paste-source-json",
    })
}

/// Why a backup's channel was not restored.
pub fn restore_why(why: &RestoreWhy) -> String {
    match why {
        RestoreWhy::BadId(what) => t_args(
            "restore-why-bad-id",
            &[(
                "what",
                match what {
                    BackupId::App => "app",
                    BackupId::Page => "page",
                    BackupId::InstagramAccount => "instagram",
                }
                .into(),
            )],
        ),
        RestoreWhy::FailedCheck(reasons) => t_args(
            "restore-why-failed-check",
            &[("reasons", sentences(reasons, Utc::now()).into())],
        ),
        RestoreWhy::PersonalToken => t("restore-why-personal-token"),
        RestoreWhy::Unchecked(e) => t_args("restore-why-unchecked", &[("detail", graph(e).into())]),
        RestoreWhy::StartedWorking => t("restore-why-started-working"),
        RestoreWhy::Said(sentence) => sentence.clone(),
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
            ServiceError::Usage(Usage::BadAppId { id: "x1".into() }),
            ServiceError::Usage(Usage::AppNameMissing),
            ServiceError::Usage(Usage::ChannelNameMissing),
            ServiceError::Usage(Usage::NameNotPlain { what: Named::App }),
            ServiceError::Usage(Usage::ChannelExists {
                name: "Acme".into(),
            }),
            ServiceError::Usage(Usage::LineNameTaken {
                name: "Acme".into(),
            }),
            ServiceError::Usage(Usage::NameTaken {
                what: Named::Channel,
                name: "Acme".into(),
                id: "c1".into(),
            }),
            ServiceError::Usage(Usage::NoSuchApp { id: "42".into() }),
            ServiceError::Usage(Usage::NoEarlierToken {
                name: "Acme".into(),
            }),
            ServiceError::Usage(Usage::PageUnknown),
            ServiceError::Usage(Usage::NoClientToken {
                app_id: "42".into(),
            }),
            ServiceError::Usage(Usage::NotAReport {
                path: "/r.json".into(),
                detail: Some("EOF".into()),
            }),
            ServiceError::Usage(Usage::NotAReport {
                path: "/r.json".into(),
                detail: None,
            }),
            ServiceError::Usage(Usage::NewerReport {
                path: "/r.json".into(),
                version: "9.0".into(),
            }),
            ServiceError::Conflict(Conflict::NameAdded {
                name: "Acme".into(),
            }),
            ServiceError::Conflict(Conflict::LineNameAdded {
                name: "Acme".into(),
            }),
            ServiceError::Conflict(Conflict::TokenChanged),
            ServiceError::Conflict(Conflict::TokensChanged {
                name: "Acme".into(),
            }),
            ServiceError::Conflict(Conflict::Removed),
            ServiceError::InUse(crate::service::AppInUse {
                app: "Acme Support".into(),
                channels: vec!["Shoes".into()],
            }),
            ServiceError::InUse(crate::service::AppInUse {
                app: "Acme Support".into(),
                channels: vec!["Shoes".into(), "Books".into()],
            }),
            ServiceError::Store(StoreError::UnsafeProfile {
                path: "/p q".into(),
                problem: Unsafe::OpenToOthers { mode: 0o777 },
            }),
            ServiceError::Store(StoreError::UnsafeProfile {
                path: "/p".into(),
                problem: Unsafe::OtherOwner { owner: 0, me: 1000 },
            }),
            ServiceError::Store(StoreError::UnsafeProfile {
                path: "/p/catalog.json".into(),
                problem: Unsafe::Link,
            }),
            ServiceError::Secret(SecretError::BadSetting {
                name: "TOKENWARDEN_SECRETS",
                value: "x".into(),
                expected: Expected::SecretStore,
            }),
            ServiceError::Secret(SecretError::BadSetting {
                name: "TOKENWARDEN_VAULT_WORK_FACTOR",
                value: "99".into(),
                expected: Expected::WorkFactor {
                    min: 10,
                    max: 20,
                    default: 18,
                },
            }),
        ] {
            assert_eq!(with_lang(Lang::En, || error(&e)), e.to_string());
        }
        let es = with_lang(Lang::Es, || error(&ServiceError::NotFound("Acme".into())));
        assert!(es.starts_with("Ningún canal"), "{es}");
    }

    #[test]
    fn refusals_read_in_spanish_with_their_facts() {
        let es = |e: ServiceError| with_lang(Lang::Es, || error(&e));
        let taken = es(ServiceError::Usage(Usage::NameTaken {
            what: Named::Channel,
            name: "Acme Books".into(),
            id: "c2".into(),
        }));
        assert_eq!(
            taken,
            "Otro canal ya se llama \"Acme Books\" (id c2). Elija otro nombre."
        );
        let in_use = es(ServiceError::InUse(crate::service::AppInUse {
            app: "Acme Support".into(),
            channels: vec!["Shoes".into(), "Books".into()],
        }));
        assert!(
            in_use.contains("2 canales: \"Shoes\", \"Books\". Quítelos primero"),
            "{in_use}"
        );
        let conflict = es(ServiceError::Conflict(Conflict::TokenChanged));
        assert!(conflict.starts_with("Alguien más cambió"), "{conflict}");
        let open = es(ServiceError::Store(StoreError::UnsafeProfile {
            path: "/p q".into(),
            problem: Unsafe::OpenToOthers { mode: 0o777 },
        }));
        assert!(open.contains("permisos 777"), "{open}");
        assert!(open.ends_with("chmod 700 '/p q'"), "{open}");
        let why = with_lang(Lang::Es, || {
            restore_why(&RestoreWhy::BadId(BackupId::InstagramAccount))
        });
        assert!(why.contains("un id de cuenta de Instagram"), "{why}");
        let en = with_lang(Lang::En, || restore_why(&RestoreWhy::StartedWorking));
        assert_eq!(en, RestoreWhy::StartedWorking.to_string());
    }
}
