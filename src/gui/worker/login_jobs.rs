//! The worker's side of logging in: the device login (code, polling, slow-down, cancel), then
//! either validating the login against one channel (the Page token it makes is shown before
//! anything is saved) or renewing a whole root-cause group; saving a validation the window
//! already has; and subscribing a Page to the app's webhook. The user token never leaves here.

use tokio_util::sync::CancellationToken;

use crate::gui::worker::messages::Sink;
pub use crate::gui::worker::messages::login::{AfterLogin, GroupItem, LoginCommand, LoginEvent};
use crate::gui::worker::messages::{Event, Failure};
use crate::model::ChannelKind;
use crate::service::login::RenewOptions;
use crate::service::{Service, ServiceError};

fn send(sink: &Sink, event: LoginEvent) {
    sink.send(Event::Login(event));
}

pub async fn run(service: &Service, sink: &Sink, cancel: CancellationToken, command: LoginCommand) {
    match command {
        LoginCommand::DeviceLogin {
            ticket,
            app_id,
            kind,
            channel,
            after,
            cancel: stop,
        } => device_login(service, sink, ticket, &app_id, kind, &channel, after, stop).await,
        LoginCommand::SaveValidated {
            channel,
            validation,
            accept_warnings,
        } => {
            let result = match service.channel(&channel).await {
                Ok(c) => {
                    service
                        .save_validated(&c, *validation, accept_warnings)
                        .await
                }
                Err(e) => Err(e),
            };
            crate::gui::worker::job_steps::renewed(service, sink, channel, result, cancel).await;
        }
        LoginCommand::SubscribeWebhook { channel } => {
            let result = service.subscribe_webhook(&channel).await;
            send(
                sink,
                LoginEvent::Subscribed {
                    channel,
                    result: result.map(|v| Box::new(v.channel)).map_err(Failure::from),
                },
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn device_login(
    service: &Service,
    sink: &Sink,
    ticket: u64,
    app_id: &str,
    kind: ChannelKind,
    channel: &str,
    after: AfterLogin,
    cancel: CancellationToken,
) {
    let failed = |e: ServiceError, missing_client_token: bool| LoginEvent::Failed {
        ticket,
        missing_client_token,
        failure: Failure::from(e),
    };
    let code = match service.start_device_login(app_id, kind).await {
        Ok(code) => code,
        Err(e) => {
            // The only usage error here: the app has no client token saved.
            let missing = matches!(e, ServiceError::Usage(_));
            return send(sink, failed(e, missing));
        }
    };
    send(
        sink,
        LoginEvent::Code {
            ticket,
            user_code: code.user_code.clone(),
            verification_uri: code.verification_uri.clone(),
            interval: code.interval,
        },
    );
    let waiting = sink.clone();
    let user_token = match service
        .finish_device_login(app_id, &code, cancel, move |interval| {
            send(&waiting, LoginEvent::Waiting { ticket, interval });
        })
        .await
    {
        Ok(token) => token,
        Err(e) => return send(sink, failed(e, false)),
    };
    send(sink, LoginEvent::Approved { ticket });
    match after {
        AfterLogin::Validate => {
            let result = match service.channel(channel).await {
                Ok(c) => service
                    .validate(Some(&c), c.kind, None, &user_token)
                    .await
                    .map(Box::new),
                Err(e) => Err(e),
            };
            let result = result.map_err(Failure::from);
            send(sink, LoginEvent::Validated { ticket, result });
        }
        AfterLogin::ListPages => {
            let result = service
                .validate_for_page(None, kind, Some(app_id), None, &user_token)
                .await
                .map(Box::new)
                .map_err(Failure::from);
            send(sink, LoginEvent::Validated { ticket, result });
        }
        AfterLogin::RenewGroup => {
            let opts = RenewOptions {
                group: true,
                ..RenewOptions::default()
            };
            let result = service
                .renew_with(channel, &user_token, opts)
                .await
                .map(|results| {
                    results
                        .into_iter()
                        .map(|(c, r)| GroupItem {
                            name: c.name,
                            result: r.map(|o| Box::new(o.view.channel)).map_err(Failure::from),
                        })
                        .collect()
                })
                .map_err(Failure::from);
            send(sink, LoginEvent::GroupRenewed { ticket, result });
        }
    }
}
