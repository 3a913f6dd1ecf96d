//! `list`, `check`, `debug`, `add`, `renew`, `rollback`.

use chrono::Utc;
use std::path::PathBuf;
use tokio_util::sync::CancellationToken;

use super::json::{self, ChannelJson, ListJson};
use super::output;
use super::{fail, input, open_service};
use crate::model::{ChannelKind, classify};
use crate::service::{ChannelView, ServiceError, health_exit_code, views_of};
use crate::store::{CatalogFile, Profile};

fn parse_kind(kind: &str) -> Result<ChannelKind, ServiceError> {
    ChannelKind::from_code(kind.trim()).ok_or_else(|| {
        ServiceError::Usage(format!(
            "Unknown kind {kind:?}. Use one of: {}.",
            ChannelKind::ALL.map(|k| k.code()).join(", ")
        ))
    })
}

fn print_views(views: &[ChannelView], checked_at: Option<chrono::DateTime<Utc>>, as_json: bool) {
    if as_json {
        json::print(&ListJson {
            checked_at,
            channels: views.iter().map(json::channel_json).collect(),
        });
    } else {
        output::print_table(views, Utc::now());
    }
}

/// Offline: reads only the catalog; neither the network nor the secret store is touched.
pub fn list(profile: Option<PathBuf>, as_json: bool) -> i32 {
    let result = Profile::resolve(profile)
        .and_then(|p| CatalogFile::new(&p).load())
        .map_err(ServiceError::from);
    match result {
        Ok(catalog) => {
            let views = views_of(catalog.channels.clone(), Utc::now(), &Default::default());
            print_views(&views, catalog.last_check_at, as_json);
            health_exit_code(views.iter().map(|v| v.diagnosis.health))
        }
        Err(e) => {
            eprintln!("tokenwarden: {e}");
            3
        }
    }
}

pub async fn check(profile: Option<PathBuf>, channel: Option<String>, as_json: bool) -> i32 {
    let service = match open_service(profile) {
        Ok(s) => s,
        Err(e) => return report_check_error(&e),
    };
    match service
        .check(channel.as_deref(), None, CancellationToken::new())
        .await
    {
        Ok(summary) => {
            print_views(&summary.views, Some(Utc::now()), as_json);
            if summary.failed > 0 && !as_json {
                eprintln!(
                    "tokenwarden: {} of {} checks could not be made; the last known facts are shown for those.",
                    summary.failed,
                    summary.views.len()
                );
            }
            summary.exit_code()
        }
        Err(e) => report_check_error(&e),
    }
}

/// For `check`, `list` and `debug` every error is "the check itself failed" (3).
fn report_check_error(e: &ServiceError) -> i32 {
    eprintln!("tokenwarden: {e}");
    3
}

pub async fn debug(
    profile: Option<PathBuf>,
    app: Option<String>,
    kind: Option<String>,
    as_json: bool,
) -> i32 {
    let kind = match kind.as_deref().map(parse_kind).transpose() {
        Ok(k) => k,
        Err(e) => return report_check_error(&e),
    };
    let pasted = match input::read_token() {
        Ok(p) => p,
        Err(e) => return report_check_error(&e),
    };
    let service = match open_service(profile) {
        Ok(s) => s,
        Err(e) => return report_check_error(&e),
    };
    let report = match service
        .debug(
            &pasted.token,
            app.as_deref(),
            kind.unwrap_or(ChannelKind::FacebookPage),
        )
        .await
    {
        Ok(r) => r,
        Err(e) => return report_check_error(&e),
    };
    let kind = kind.unwrap_or_else(|| ChannelKind::infer(&report));
    let req = crate::model::Requirements {
        kind,
        app_id: app.clone(),
        page_id: None,
    };
    let now = Utc::now();
    let diagnosis = classify(Some(&report), None, &req, now, &service.thresholds);
    let fingerprint = pasted.token.fingerprint();
    if as_json {
        json::print(&ChannelJson {
            id: None,
            name: None,
            kind: Some(kind.code()),
            health: diagnosis.health.code(),
            reasons: json::reasons_json(&diagnosis),
            checked_at: report.checked_at,
            token: json::token_json(Some(fingerprint), Some(&report)),
            replaced: None,
            derived_from: None,
        });
    } else {
        output::print_facts(&fingerprint, &report, &diagnosis, now);
    }
    health_exit_code(std::iter::once(diagnosis.health))
}

fn print_changed(view: &ChannelView, replaced: Option<bool>, as_json: bool, words: &str) {
    if as_json {
        let mut j = json::channel_json(view);
        j.replaced = replaced;
        json::print(&j);
    } else {
        let h = view.diagnosis.health;
        println!(
            "{words} {:?} ({}).",
            view.channel.name,
            view.channel.kind.label()
        );
        println!("  {} {}", output::icon(h), h.label());
        for r in &view.diagnosis.reasons {
            println!("  - {}", r.message);
        }
        println!("  token {}", view.channel.token.fingerprint);
    }
}

pub async fn add(
    profile: Option<PathBuf>,
    name: String,
    kind: String,
    app: Option<String>,
    as_json: bool,
) -> i32 {
    let run = async {
        let kind = parse_kind(&kind)?;
        let pasted = input::read_token()?;
        let service = open_service(profile)?;
        service
            .add_channel(&name, kind, app.as_deref(), &pasted.token)
            .await
    };
    match run.await {
        Ok(view) => {
            print_changed(&view, None, as_json, "Saved");
            0
        }
        Err(e) => fail(&e),
    }
}

pub async fn renew(
    profile: Option<PathBuf>,
    channel: String,
    accept_warnings: bool,
    as_json: bool,
) -> i32 {
    let run = async {
        let pasted = input::read_token()?;
        let service = open_service(profile)?;
        service
            .renew(&channel, &pasted.token, accept_warnings)
            .await
    };
    match run.await {
        Ok(outcome) => {
            print_changed(&outcome.view, Some(outcome.replaced), as_json, "Renewed");
            if !as_json {
                println!(
                    "  The old token is kept: `tokenwarden rollback {}` puts it back.",
                    outcome.view.channel.id
                );
            }
            0
        }
        Err(e) => fail(&e),
    }
}

pub async fn rollback(profile: Option<PathBuf>, channel: String, as_json: bool) -> i32 {
    let run = async {
        let service = open_service(profile)?;
        service.rollback(&channel).await
    };
    match run.await {
        Ok(view) => {
            print_changed(&view, Some(true), as_json, "Restored the previous token of");
            0
        }
        Err(e) => fail(&e),
    }
}
