//! Synthetic channels for the benchmarks: every state, spread the way a large agency's list
//! would be. No network, no secrets.

use chrono::{DateTime, TimeZone, Utc};
use tokenwarden::model::{
    Channel, ChannelKind, CheckMethod, GraphErrorInfo, SecretRef, StoredToken, TokenReport,
    TokenType,
};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// Channels in every state.
pub fn synthetic(n: usize) -> Vec<Channel> {
    (0..n)
        .map(|i| {
            let kind = ChannelKind::ALL[i % 4];
            let report = match i % 7 {
                0 => None,
                state => {
                    let mut r = TokenReport {
                        checked_at: Some(now() - chrono::Duration::minutes(i as i64 % 600)),
                        check_method: Some(CheckMethod::DebugToken),
                        is_valid: Some(state != 1),
                        token_type: Some(TokenType::Page),
                        app_id: Some("1000000000001".into()),
                        profile_id: Some(format!("5{i:05}")),
                        never_expires: Some(state != 2),
                        expires_at: (state == 2)
                            .then(|| now() + chrono::Duration::days(i as i64 % 20 - 5)),
                        scopes: Some(
                            kind.required_permissions()
                                .iter()
                                .map(|s| s.to_string())
                                .collect(),
                        ),
                        ..Default::default()
                    };
                    if state == 1 {
                        r.error = Some(GraphErrorInfo {
                            code: 190,
                            subcode: Some(460),
                            message: "password changed".into(),
                            user_title: None,
                            user_message: None,
                            fbtrace_id: None,
                        });
                    }
                    Some(r)
                }
            };
            Channel {
                id: format!("c{i}"),
                name: format!("Channel {i:05}"),
                kind,
                app_id: Some("1000000000001".into()),
                page_id: Some(format!("5{i:05}")),
                page_name: Some(format!("Page {i}")),
                token: StoredToken {
                    secret: SecretRef(format!("token-{i}")),
                    fingerprint: format!("sha256:{i:012}"),
                    saved_at: now(),
                },
                previous_token: None,
                previous_report: None,
                last_report: report.map(Box::new),
                last_failure: None,
                added_at: now(),
            }
        })
        .collect()
}
