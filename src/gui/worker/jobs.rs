//! The jobs the worker runs beside its loop, one per command: checks with progress, validation,
//! renewal (followed by a check of that channel), rollback, adding channels and apps, the
//! support report, and reading a token for "Copy token".

use tokio_util::sync::CancellationToken;

use crate::gui::worker::job_steps::{check, renewed, send_catalog};
use crate::gui::worker::messages::Sink;
use crate::gui::worker::messages::{Command, Event, Failure};
use crate::model::{ChannelKind, Secret};
use crate::service::{Service, Validation};

/// Carries out one command that needs the open service.
pub async fn run(service: &Service, sink: &Sink, cancel: CancellationToken, command: Command) {
    match command {
        // The worker handles these itself.
        Command::Unlock(_) | Command::CancelCheck | Command::Desktop(_) => {}
        Command::Reload => send_catalog(service, sink).await,
        Command::Check { channel } => check(service, sink, channel, cancel).await,
        Command::Validate {
            ticket,
            channel,
            kind,
            app_id,
            token,
        } => {
            let result = validate(service, channel, kind, app_id, &token).await;
            sink.send(Event::Validated { ticket, result });
        }
        Command::Renew {
            channel,
            token,
            accept_warnings,
        } => {
            let result = service.renew(&channel, &token, accept_warnings).await;
            renewed(service, sink, channel, result, cancel).await;
        }
        Command::Rollback { channel, seen } => {
            // Never forced from the window: the previous token is checked with Facebook first.
            let result = service.rollback_from(&channel, Some(&seen), false).await;
            sink.send(Event::RolledBack {
                channel,
                result: result.map(|v| Box::new(v.channel)).map_err(Failure::from),
            });
        }
        Command::AddChannel {
            name,
            kind,
            app_id,
            token,
        } => {
            let result = service
                .add_channel(&name, kind, app_id.as_deref(), &token)
                .await;
            sink.send(Event::ChannelAdded {
                result: result.map(|v| Box::new(v.channel)).map_err(Failure::from),
            });
        }
        Command::AddPages {
            kind,
            app_id,
            user_token,
            picks,
        } => {
            let results = service
                .add_pages(kind, app_id.as_deref(), &user_token, &picks)
                .await
                .into_iter()
                .map(|(pick, r)| (pick, r.map(|v| Box::new(v.channel)).map_err(Failure::from)))
                .collect();
            sink.send(Event::PagesAdded { results });
        }
        Command::AddApp {
            id,
            name,
            secret,
            client_token,
        } => {
            let result = service.add_app(&id, &name, secret, client_token).await;
            let ok = result.is_ok();
            sink.send(Event::AppAdded {
                result: result.map_err(Failure::from),
            });
            if ok {
                send_catalog(service, sink).await;
            }
        }
        Command::Export { path } => {
            let result = service.export_report(&path).await;
            sink.send(Event::Exported {
                result: result.map(|_| path).map_err(Failure::from),
            });
        }
        Command::RevealToken { channel } => {
            let result = reveal(service, &channel).await;
            sink.send(Event::TokenRevealed { channel, result });
        }
        Command::Login(command) => {
            crate::gui::worker::login_jobs::run(service, sink, cancel, command).await
        }
        Command::Lifecycle(command) => {
            crate::gui::worker::lifecycle_jobs::run(service, sink, command).await
        }
    }
}

async fn validate(
    service: &Service,
    channel: Option<String>,
    kind: ChannelKind,
    app_id: Option<String>,
    token: &Secret,
) -> Result<Box<Validation>, Failure> {
    let channel = match channel {
        Some(id) => Some(service.channel(&id).await?),
        None => None,
    };
    let v = service
        .validate(channel.as_ref(), kind, app_id.as_deref(), token)
        .await?;
    Ok(Box::new(v))
}

async fn reveal(service: &Service, channel: &str) -> Result<Secret, Failure> {
    service.reveal_token(channel).await.map_err(Failure::from)
}
