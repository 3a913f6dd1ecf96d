//! Root-cause groups: channels that broke for one cause of one person (e.g. the password of the
//! account that connected four Pages changed) are shown together, with one action: one login.

use serde::Serialize;

use super::ChannelView;
use crate::model::{Health, ReasonCode};

#[derive(Debug, Clone, Serialize)]
pub struct RootCauseGroup {
    pub reason: ReasonCode,
    pub user_id: String,
    pub app_id: Option<String>,
    pub channel_ids: Vec<String>,
    pub channel_names: Vec<String>,
}

/// Causes that belong to a person's account rather than to one token.
fn person_level(code: ReasonCode) -> bool {
    matches!(
        code,
        ReasonCode::PasswordChanged
            | ReasonCode::Checkpointed
            | ReasonCode::SessionInvalidated
            | ReasonCode::AppNotInstalled
            | ReasonCode::UnconfirmedUser
            | ReasonCode::DataAccessExpired
    )
}

/// Groups of two or more broken channels sharing a person-level cause, largest first.
pub fn root_cause_groups(views: &[ChannelView]) -> Vec<RootCauseGroup> {
    let mut groups: Vec<RootCauseGroup> = Vec::new();
    for v in views {
        if v.diagnosis.health != Health::Broken {
            continue;
        }
        let Some(reason) = v
            .diagnosis
            .main_reason()
            .map(|r| r.code)
            .filter(|c| person_level(*c))
        else {
            continue;
        };
        let Some(user_id) = v
            .channel
            .last_report
            .as_ref()
            .and_then(|r| r.user_id.clone())
        else {
            continue;
        };
        let app_id = v.channel.app_id.clone();
        match groups
            .iter_mut()
            .find(|g| g.reason == reason && g.user_id == user_id && g.app_id == app_id)
        {
            Some(g) => {
                g.channel_ids.push(v.channel.id.clone());
                g.channel_names.push(v.channel.name.clone());
            }
            None => groups.push(RootCauseGroup {
                reason,
                user_id,
                app_id,
                channel_ids: vec![v.channel.id.clone()],
                channel_names: vec![v.channel.name.clone()],
            }),
        }
    }
    groups.retain(|g| g.channel_ids.len() > 1);
    groups.sort_by_key(|g| std::cmp::Reverse(g.channel_ids.len()));
    groups
}
