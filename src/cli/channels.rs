//! `list`, `check`, `debug`, `add`, `renew`, `rollback`.

use chrono::Utc;
use std::path::PathBuf;
use tokio_util::sync::CancellationToken;

use super::json::{self, ChannelJson, ListJson};
use super::output;
use super::{fail, input, open_service};
use crate::model::Channel;
use crate::model::{ChannelKind, classify};
use crate::service::groups::root_cause_groups;
use crate::service::guide;
use crate::service::login::{Derivation, RenewOptions};
use crate::service::{
    ChannelView, RenewOutcome, ServiceError, health_exit_code, monitoring_exit_code, views_of,
};
use crate::store::{CatalogFile, Profile};
use crate::words::{self, reasons, t, t_args};

fn parse_kind(kind: &str) -> Result<ChannelKind, ServiceError> {
    ChannelKind::from_code(kind.trim()).ok_or_else(|| {
        ServiceError::said(t_args(
            "cli-unknown-kind",
            &[
                ("kind", format!("{kind:?}").into()),
                (
                    "kinds",
                    ChannelKind::ALL.map(|k| k.code()).join(", ").into(),
                ),
            ],
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
        for g in root_cause_groups(views) {
            println!("\n{}", reasons::group(&g));
            if let (Some(app), Some(first)) = (&g.app_id, g.channel_names.first()) {
                println!("  tokenwarden login --app {app} --channel {first:?} --group");
            }
        }
    }
}

/// Offline: reads only the catalog; neither the network nor the secret store is touched.
pub fn list(profile: Option<PathBuf>, as_json: bool) -> i32 {
    let result = Profile::resolve(profile)
        .and_then(|p| {
            let file = CatalogFile::new(&p);
            let catalog = file.load()?;
            // On a workspace whose server is away: the offline copy, said so.
            if let Some(ws) = file.workspace() {
                if let Some(at) = ws.offline_as_of() {
                    eprintln!("{}", words::workspace::offline_notice(at));
                } else if let Some(at) = ws.locked_copy_as_of() {
                    eprintln!("{}", words::workspace::locked_copy_notice(at));
                }
            }
            Ok((catalog, p))
        })
        .map_err(ServiceError::from);
    match result {
        Ok((catalog, profile)) => {
            super::reminders::warn_about_clock(&profile, catalog.last_check_at);
            let views = views_of(catalog.channels, Utc::now(), &Default::default());
            print_views(&views, catalog.last_check_at, as_json);
            // A channel whose last check failed counts as "could not be checked", as in `check`.
            let code = monitoring_exit_code(&views, false);
            // The process ends right after: freeing 10,000 channels string by string was 7% of
            // `list`'s time, and the system takes the memory back at once. No secret is in them.
            std::mem::forget(views);
            code
        }
        Err(e) => report_check_error(&e),
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
                output::eprint_error(&t_args(
                    "cli-checks-failed",
                    &[
                        ("failed", summary.failed.into()),
                        ("count", summary.views.len().into()),
                    ],
                ));
            }
            if summary.changed_meanwhile > 0 {
                eprintln!(
                    "{}",
                    words::workspace::changed_meanwhile(summary.changed_meanwhile)
                );
            }
            summary.exit_code()
        }
        Err(e) => report_check_error(&e),
    }
}

/// For `check`, `list` and `debug` every error is "the check itself failed" (3).
fn report_check_error(e: &ServiceError) -> i32 {
    output::eprint_error(&words::errors::error(e));
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
        app_id: app.as_deref(),
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
            refusal: None,
        });
    } else {
        output::print_facts(&fingerprint, &report, &diagnosis, now);
    }
    health_exit_code(std::iter::once(diagnosis.health))
}

/// `done` is the id of the sentence that says what was done ("Saved …").
fn print_changed(view: &ChannelView, replaced: Option<bool>, as_json: bool, done: &str) {
    if as_json {
        let mut j = json::channel_json(view);
        j.replaced = replaced;
        json::print(&j);
    } else {
        println!(
            "{}",
            t_args(
                done,
                &[
                    ("name", format!("{:?}", view.channel.name).into()),
                    ("kind", reasons::kind(view.channel.kind).into()),
                ],
            )
        );
        output::print_diagnosis(&view.diagnosis, Utc::now());
        println!(
            "  {}",
            t_args(
                "cli-token-fingerprint",
                &[(
                    "fingerprint",
                    view.channel.token.fingerprint.as_str().into()
                )]
            )
        );
    }
}

pub async fn add(
    profile: Option<PathBuf>,
    name: String,
    kind: String,
    app: Option<String>,
    page: Option<String>,
    as_json: bool,
) -> i32 {
    let run = async {
        let kind = parse_kind(&kind)?;
        let pasted = input::read_token()?;
        let service = open_service(profile)?;
        service
            .add_channel_for_page(&name, kind, app.as_deref(), page.as_deref(), &pasted.token)
            .await
    };
    match run.await {
        Ok((view, derived)) => {
            print_added(&view, derived.as_ref(), as_json);
            0
        }
        Err(e) => fail(&e),
    }
}

pub fn print_added(view: &ChannelView, derived: Option<&Derivation>, as_json: bool) {
    if as_json {
        let mut j = json::channel_json(view);
        j.derived_from = derived.map(|_| "user_token");
        json::print(&j);
    } else {
        print_changed(view, None, false, "cli-saved");
        print_derivation(derived);
    }
}

fn print_derivation(derived: Option<&Derivation>) {
    if let Some(d) = derived {
        let id = match (d.exchanged, d.lasting) {
            (true, _) => "cli-derived-exchanged",
            (false, true) => "cli-derived-lasting",
            (false, false) => "cli-derived-short",
        };
        println!("  {}", t_args(id, &[("name", d.user_name.as_str().into())]));
    }
}

/// Prints each channel's renewal; exit 0 when all were renewed, else the worst error's code.
pub fn print_renewals(
    results: &[(Channel, Result<RenewOutcome, ServiceError>)],
    as_json: bool,
) -> i32 {
    let mut code = 0;
    let mut objects = Vec::new();
    for (channel, result) in results {
        match result {
            Ok(outcome) => {
                if as_json {
                    let mut j = json::channel_json(&outcome.view);
                    j.replaced = Some(outcome.replaced);
                    j.derived_from = outcome.derived.as_ref().map(|_| "user_token");
                    objects.push(j);
                } else {
                    print_changed(&outcome.view, Some(outcome.replaced), false, "cli-renewed");
                    print_derivation(outcome.derived.as_ref());
                    if outcome.subscribed_webhook {
                        println!("  {}", t("cli-webhook-resubscribed"));
                    }
                    println!(
                        "  {}",
                        t_args(
                            "cli-old-token-kept",
                            &[("id", outcome.view.channel.id.as_str().into())]
                        )
                    );
                }
            }
            Err(e) => {
                output::eprint_error(&format!("{}: {}", channel.name, words::errors::error(e)));
                code = code.max(e.exit_code());
                if as_json {
                    // The channel as it stands, unchanged, and why.
                    let view = ChannelView::of(channel.clone(), Utc::now(), &Default::default());
                    let mut j = json::channel_json(&view);
                    j.replaced = Some(false);
                    j.refusal = Some(json::refusal_json(e));
                    objects.push(j);
                }
            }
        }
    }
    // One channel: one object (the contract); a group: an array of them.
    match objects.len() {
        0 => {}
        1 if results.len() == 1 => json::print(&objects[0]),
        _ => json::print(&objects),
    }
    code
}

pub async fn renew(
    profile: Option<PathBuf>,
    channel: String,
    opts: RenewOptions,
    as_json: bool,
) -> i32 {
    let run = async {
        let pasted = input::read_token()?;
        let service = open_service(profile)?;
        service.renew_with(&channel, &pasted.token, opts).await
    };
    match run.await {
        Ok(results) => print_renewals(&results, as_json),
        Err(e) => fail(&e),
    }
}

pub async fn guide(profile: Option<PathBuf>, channel: String) -> i32 {
    let result = Profile::resolve(profile)
        .and_then(|p| CatalogFile::new(&p).load())
        .map_err(ServiceError::from)
        .and_then(|catalog| {
            let c = catalog
                .channel(&channel)
                .cloned()
                .ok_or_else(|| ServiceError::NotFound(channel.clone()))?;
            let view = ChannelView::of(c, Utc::now(), &Default::default());
            let app = view
                .channel
                .app_id
                .as_deref()
                .and_then(|id| catalog.app(id));
            let steps = guide::guide_for(&view.channel, app, &view.diagnosis);
            Ok(words::guide::text(&view.channel, app, &steps, Utc::now()))
        });
    match result {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(e) => fail(&e),
    }
}

pub async fn rollback(
    profile: Option<PathBuf>,
    channel: String,
    force: bool,
    as_json: bool,
) -> i32 {
    let run = async {
        let service = open_service(profile)?;
        service.rollback(&channel, force).await
    };
    match run.await {
        Ok(view) => {
            print_changed(&view, Some(true), as_json, "cli-rolled-back");
            0
        }
        Err(e) => {
            let code = fail(&e);
            if matches!(e, ServiceError::Graph(_)) {
                output::eprint_error(&t_args(
                    "cli-rollback-unchecked",
                    &[("channel", format!("{channel:?}").into())],
                ));
            }
            code
        }
    }
}
