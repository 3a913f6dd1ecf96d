//! `login`: Facebook Login for Devices. Shows the code and the address (and opens the browser)
//! with a message ready to send to the customer on a call, waits for the person to approve,
//! then renews the channel or adds a new one with the Page's token made from that login. Ctrl-C
//! cancels and changes nothing.

use std::path::PathBuf;
use tokio_util::sync::CancellationToken;

use super::channels::{print_added, print_renewals};
use super::{fail, open_service};
use crate::model::ChannelKind;
use crate::service::ServiceError;
use crate::service::login::RenewOptions;
use crate::service::login_message;
use crate::words::{t, t_args};

pub enum Target {
    Renew(String),
    Add {
        name: String,
        kind: String,
        page: String,
    },
}

pub async fn login(
    profile: Option<PathBuf>,
    app: String,
    target: Target,
    opts: RenewOptions,
    no_browser: bool,
    as_json: bool,
) -> i32 {
    let service = match open_service(profile) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let (kind, manages) = match &target {
        Target::Renew(c) => match service.channel(c).await {
            Ok(ch) => (ch.kind, login_message::who_manages(&ch)),
            Err(e) => return fail(&e),
        },
        Target::Add { kind, name, .. } => match ChannelKind::from_code(kind) {
            Some(k) => (k, name.clone()),
            None => {
                return fail(&ServiceError::said(t_args(
                    "login-unknown-kind",
                    &[("kind", format!("{kind:?}").into())],
                )));
            }
        },
    };
    let code = match service.start_device_login(&app, kind).await {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    // On stderr, so that --json output stays one clean object.
    eprintln!(
        "{}\n",
        t_args(
            "login-open-and-enter",
            &[("address", code.verification_uri.as_str().into())]
        )
    );
    eprintln!("    {}\n", code.user_code);
    // One block a support person can paste into a chat or read out on a call.
    eprintln!("{}\n", t("login-message-for-customer"));
    eprintln!(
        "{}\n",
        crate::words::login::ready_message(&code.verification_uri, &code.user_code, &manages)
    );
    // `start_device_login` only ever hands out an https Meta address.
    if !no_browser && crate::process::open_detached(&code.verification_uri).is_err() {
        eprintln!("{}", t("login-browser-failed"));
    }
    eprintln!("{}", t("login-waiting"));
    let cancel = CancellationToken::new();
    let on_ctrl_c = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.cancel();
        }
    });
    let user_token = match service
        .finish_device_login(&app, &code, cancel, |secs| {
            if secs > code.interval {
                eprintln!("{}", t_args("login-slow-down", &[("count", secs.into())]));
            }
        })
        .await
    {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    eprintln!("{}", t("login-logged-in"));
    match target {
        Target::Renew(channel) => match service.renew_with(&channel, &user_token, opts).await {
            Ok(results) => print_renewals(&results, as_json),
            Err(e) => fail(&e),
        },
        Target::Add { name, page, .. } => {
            match service
                .add_channel_for_page(&name, kind, Some(&app), Some(&page), &user_token)
                .await
            {
                Ok((view, derived)) => {
                    print_added(&view, derived.as_ref(), as_json);
                    0
                }
                Err(e) => fail(&e),
            }
        }
    }
}
