//! A channel's history in words: one line per event, at the local time it happened.

use super::bundle::t_args;
use super::reasons::{health, short};
use super::time;
use crate::store::{HistoryEntry, HistoryEvent};

/// "2026-03-01 09:02 UTC-05:00  ann: replaced token sha256:… with sha256:…".
pub fn line(entry: &HistoryEntry) -> String {
    let say = |id: &str, args: &[(&str, String)]| {
        let args: Vec<_> = args.iter().map(|(k, v)| (*k, v.as_str().into())).collect();
        t_args(id, &args)
    };
    let what = match &entry.event {
        HistoryEvent::Added { fingerprint } => {
            say("history-added", &[("token", fingerprint.clone())])
        }
        HistoryEvent::Replaced {
            old_fingerprint,
            new_fingerprint,
            derived_from,
        } => say(
            match derived_from.as_deref() {
                Some("user_token") => "history-replaced-from-login",
                Some(_) => "history-replaced-derived",
                None => "history-replaced",
            },
            &[
                ("from", old_fingerprint.clone()),
                ("to", new_fingerprint.clone()),
            ],
        ),
        HistoryEvent::RolledBack {
            from_fingerprint,
            to_fingerprint,
        } => say(
            "history-rolled-back",
            &[
                ("from", from_fingerprint.clone()),
                ("to", to_fingerprint.clone()),
            ],
        ),
        HistoryEvent::Restored {
            from_fingerprint: Some(from),
            to_fingerprint,
        } => say(
            "history-restored-over",
            &[("from", from.clone()), ("to", to_fingerprint.clone())],
        ),
        HistoryEvent::Restored {
            from_fingerprint: None,
            to_fingerprint,
        } => say("history-restored", &[("to", to_fingerprint.clone())]),
        HistoryEvent::Renamed { from_name } => say(
            "history-renamed",
            &[
                ("from", format!("{from_name:?}")),
                ("to", format!("{:?}", entry.channel_name)),
            ],
        ),
        HistoryEvent::Removed {
            fingerprint,
            previous_fingerprint: Some(previous),
        } => say(
            "history-removed-both",
            &[
                ("token", fingerprint.clone()),
                ("previous", previous.clone()),
            ],
        ),
        HistoryEvent::Removed {
            fingerprint,
            previous_fingerprint: None,
        } => say("history-removed", &[("token", fingerprint.clone())]),
        HistoryEvent::HealthChanged {
            from,
            to,
            reason_code,
        } => {
            let args = [
                ("to", health(*to).to_lowercase()),
                ("from", health(*from).to_lowercase()),
            ];
            match reason_code {
                Some(code) => {
                    let mut args = args.to_vec();
                    args.push(("why", short(*code)));
                    say("history-health-why", &args)
                }
                None => say("history-health", &args),
            }
        }
    };
    format!("{}  {}: {what}", time::at(entry.at), entry.os_user)
}
