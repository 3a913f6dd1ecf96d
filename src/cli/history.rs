//! `history CHANNEL [--json]`: what happened to a channel, oldest first, in words or as JSON.

use std::path::PathBuf;

use serde::Serialize;

use super::{fail, json};
use crate::service::{ServiceError, channel_history};
use crate::store::{HistoryEntry, Profile};
use crate::words::t_args;

#[derive(Serialize)]
struct HistoryJson<'a> {
    channel: &'a str,
    entries: &'a [HistoryEntry],
}

pub fn history(profile: Option<PathBuf>, channel: String, as_json: bool) -> i32 {
    // Offline and without the secret store, like `list`.
    let entries = Profile::resolve(profile)
        .map_err(ServiceError::from)
        .and_then(|p| channel_history(&p, &channel));
    let entries = match entries {
        Ok(e) => e,
        Err(e) => return fail(&e),
    };
    if as_json {
        json::print(&HistoryJson {
            channel: &channel,
            entries: &entries,
        });
        return 0;
    }
    let Some(last) = entries.last() else {
        println!(
            "{}",
            t_args(
                "cli-history-empty",
                &[("channel", format!("{channel:?}").into())]
            )
        );
        return 0;
    };
    println!(
        "{}",
        t_args(
            "cli-history-header",
            &[("name", format!("{:?}", last.channel_name).into())]
        )
    );
    for e in &entries {
        println!("  {}", crate::words::history::line(e));
    }
    0
}
