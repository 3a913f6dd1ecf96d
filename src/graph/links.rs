//! Pages of Meta's portal a user is sent to (reference §11). None of them ever carries a token,
//! and an id that is not an id (from an edited file) leads to the app list, never elsewhere.

use crate::model::{ChannelKind, ReasonCode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortalLink {
    pub label: &'static str,
    pub url: String,
}

fn link(label: &'static str, url: impl Into<String>) -> PortalLink {
    PortalLink {
        label,
        url: url.into(),
    }
}

/// The Access Token Debugger, empty: the user pastes the token there themselves, so it never
/// lands in the browser's history.
pub fn token_debugger() -> PortalLink {
    link(
        "Access Token Debugger",
        "https://developers.facebook.com/tools/debug/accesstoken/",
    )
}

const APP_LIST: &str = "https://developers.facebook.com/apps/";

/// `id` when it can go into a link's path as it is.
fn valid(id: &str) -> Option<&str> {
    super::ids::node_id(id).ok().filter(|id| *id != "me")
}

/// Your apps on Meta's developer portal: where an app's id and secret are found.
pub fn app_list() -> PortalLink {
    link("Your apps", APP_LIST)
}

pub fn app_dashboard(app_id: &str) -> PortalLink {
    let url = valid(app_id).map_or(APP_LIST.to_string(), |id| format!("{APP_LIST}{id}/"));
    link("App dashboard", url)
}

/// Where a new token for this kind of channel is generated in the app's settings.
pub fn channel_settings(kind: ChannelKind, app_id: &str) -> PortalLink {
    let Some(app_id) = valid(app_id) else {
        return link("Your apps", APP_LIST);
    };
    let base = format!("https://developers.facebook.com/apps/{app_id}");
    match kind {
        ChannelKind::Messenger | ChannelKind::FacebookPage => link(
            "Messenger settings of the app",
            format!("{base}/messenger/settings/"),
        ),
        ChannelKind::Instagram => link(
            "Instagram settings of the app",
            format!("{base}/instagram-business/API-setup/"),
        ),
        ChannelKind::Whatsapp => link(
            "WhatsApp settings of the app",
            format!("{base}/whatsapp-business/wa-dev-console/"),
        ),
    }
}

pub fn app_permissions(app_id: &str) -> PortalLink {
    let Some(app_id) = valid(app_id) else {
        return link("Your apps", APP_LIST);
    };
    link(
        "Permissions of the app",
        format!("{APP_LIST}{app_id}/app-review/permissions/"),
    )
}

pub fn page_settings(page_id: &str) -> PortalLink {
    let Some(page_id) = valid(page_id) else {
        return link(
            "Your Pages",
            "https://www.facebook.com/pages/?category=your_pages",
        );
    };
    link(
        "The Page's settings",
        format!("https://www.facebook.com/{page_id}/settings/"),
    )
}

pub fn business_integrations() -> PortalLink {
    link(
        "Business integrations of your Facebook account",
        "https://www.facebook.com/settings?tab=business_tools",
    )
}

pub fn system_users() -> PortalLink {
    link(
        "System users in Business Settings",
        "https://business.facebook.com/settings/system-users",
    )
}

/// Facebook's page for entering a login code (device login, reference §4).
pub fn device_login() -> PortalLink {
    link(
        "Facebook's login page for codes",
        "https://www.facebook.com/device",
    )
}

/// The Graph API Explorer, empty: there a Page token is made with "Get Page Access Token".
pub fn graph_explorer() -> PortalLink {
    link(
        "Graph API Explorer",
        "https://developers.facebook.com/tools/explorer/",
    )
}

pub fn meta_status() -> PortalLink {
    link("Meta platform status", "https://metastatus.com/")
}

/// Meta's help on what went wrong, for the reasons where Meta has a page a user can follow.
pub fn help_for(reason: ReasonCode) -> Option<PortalLink> {
    Some(match reason {
        ReasonCode::Checkpointed | ReasonCode::UnconfirmedUser => link(
            "Facebook security check help",
            "https://www.facebook.com/checkpoint/",
        ),
        ReasonCode::PasswordChanged
        | ReasonCode::SessionInvalidated
        | ReasonCode::AppNotInstalled => business_integrations(),
        ReasonCode::PageRoleLost => link(
            "Help: manage Page roles",
            "https://www.facebook.com/help/405094243235242",
        ),
        ReasonCode::ServiceError | ReasonCode::RateLimited => meta_status(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_never_carry_a_token() {
        let mut all = vec![
            token_debugger(),
            app_dashboard("1"),
            business_integrations(),
            system_users(),
        ];
        all.extend(ChannelKind::ALL.map(|k| channel_settings(k, "1")));
        for l in all {
            assert!(l.url.starts_with("https://"), "{l:?}");
            assert!(!l.url.contains("access_token"), "{l:?}");
        }
        assert!(
            channel_settings(ChannelKind::Messenger, "42")
                .url
                .contains("/apps/42/messenger/settings/")
        );
    }

    #[test]
    fn an_id_that_is_not_an_id_leads_to_the_list() {
        let odd = "1@evil.example/x?y";
        for l in [
            app_dashboard(odd),
            channel_settings(ChannelKind::Whatsapp, odd),
            app_permissions(odd),
            page_settings(odd),
        ] {
            assert!(!l.url.contains("evil"), "{l:?}");
            assert!(l.url.starts_with("https://"), "{l:?}");
        }
        assert_eq!(
            app_dashboard("77").url,
            "https://developers.facebook.com/apps/77/"
        );
    }
}
