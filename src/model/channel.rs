//! Saved channels and Meta apps, and what each kind of channel needs from its token.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::report::{CheckFailure, TokenReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    FacebookPage,
    Messenger,
    Instagram,
    Whatsapp,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 4] = [
        ChannelKind::FacebookPage,
        ChannelKind::Messenger,
        ChannelKind::Instagram,
        ChannelKind::Whatsapp,
    ];

    /// The name used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            ChannelKind::FacebookPage => "facebook_page",
            ChannelKind::Messenger => "messenger",
            ChannelKind::Instagram => "instagram",
            ChannelKind::Whatsapp => "whatsapp",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The name a user reads.
    /// English, for logs and `Reason.message`; people read `words::reasons::kind`.
    pub fn label(self) -> &'static str {
        match self {
            ChannelKind::FacebookPage => "Facebook Page",
            ChannelKind::Messenger => "Messenger",
            ChannelKind::Instagram => "Instagram",
            ChannelKind::Whatsapp => "WhatsApp",
        }
    }

    /// Permissions the token must carry for this kind of channel to work (reference §9).
    pub fn required_permissions(self) -> &'static [&'static str] {
        match self {
            ChannelKind::FacebookPage => &["pages_show_list", "pages_read_engagement"],
            ChannelKind::Messenger => &[
                "pages_messaging",
                "pages_manage_metadata",
                "pages_read_engagement",
            ],
            ChannelKind::Instagram => &[
                "instagram_basic",
                "instagram_manage_messages",
                "pages_manage_metadata",
            ],
            ChannelKind::Whatsapp => &[
                "whatsapp_business_management",
                "whatsapp_business_messaging",
            ],
        }
    }

    /// Webhook fields the Page must be subscribed to for messages to reach the app.
    pub fn required_webhook_fields(self) -> &'static [&'static str] {
        match self {
            ChannelKind::FacebookPage => &[],
            ChannelKind::Messenger | ChannelKind::Instagram => &["messages"],
            // A WABA's subscribed_apps lists apps, not fields: the app being there is enough.
            ChannelKind::Whatsapp => &[],
        }
    }

    /// Whether the channel relies on a webhook subscription at all.
    pub fn needs_webhook(self) -> bool {
        !matches!(self, ChannelKind::FacebookPage)
    }

    /// The kind a token looks made for, when the user did not say (`tokenwarden debug`).
    pub fn infer(report: &super::report::TokenReport) -> ChannelKind {
        let has = |p: &str| report.has_scope(p) == Some(true);
        if has("whatsapp_business_messaging") {
            ChannelKind::Whatsapp
        } else if has("instagram_manage_messages") {
            ChannelKind::Instagram
        } else if has("pages_messaging") {
            ChannelKind::Messenger
        } else {
            ChannelKind::FacebookPage
        }
    }

    /// Whether the token is expected to be a Page token (vs. a system-user/user token).
    pub fn expects_page_token(self) -> bool {
        !matches!(self, ChannelKind::Whatsapp)
    }
}

/// Permissions whose data access never expires (reference §3).
pub const DATA_ACCESS_EXEMPT: &[&str] = &[
    "ads_read",
    "ads_management",
    "business_management",
    "pages_manage_ads",
    "pages_manage_cta",
    "pages_manage_engagement",
    "pages_manage_instant_articles",
    "pages_manage_metadata",
    "pages_manage_posts",
    "pages_messaging",
    "pages_read_engagement",
    "pages_read_user_content",
    "pages_show_list",
    "configure_page_transactions",
    "read_insights",
    "read_audience_network_insights",
];

/// What a channel's token must satisfy; derived from the channel, used by classification.
/// Borrowed: classifying 10,000 channels copies no id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirements<'a> {
    pub kind: ChannelKind,
    pub app_id: Option<&'a str>,
    /// The Page (or WABA) the token must be for, once known.
    pub page_id: Option<&'a str>,
}

/// A reference to an entry in the secret store. Never the secret itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SecretRef(pub String);

impl SecretRef {
    pub fn new_token() -> Self {
        SecretRef(format!("token-{}", uuid::Uuid::new_v4().simple()))
    }
    pub fn app_secret(app_id: &str) -> Self {
        SecretRef(format!("app-secret-{app_id}"))
    }
}

/// A token slot of a channel: where the secret lives and what we may show about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredToken {
    pub secret: SecretRef,
    pub fingerprint: String,
    #[serde(deserialize_with = "super::timestamp::utc")]
    pub saved_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub id: String,
    pub name: String,
    pub kind: ChannelKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    /// The Page id (for WhatsApp: the WABA id), learnt from the token when it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_name: Option<String>,
    pub token: StoredToken,
    /// The token that was replaced last, kept for rollback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_token: Option<StoredToken>,
    /// The previous token's last known facts: its last check before it was replaced, or the
    /// check of a rollback that was refused. Shown next to Roll back.
    ///
    /// The reports and the failure are boxed: inline they made a channel 1,368 bytes, most of
    /// it empty, and `list` of 10,000 channels moved and faulted in tens of megabytes for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_report: Option<Box<TokenReport>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_report: Option<Box<TokenReport>>,
    /// Set when the latest check could not be made; the last report stays as last known facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_failure: Option<Box<CheckFailure>>,
    #[serde(deserialize_with = "super::timestamp::utc")]
    pub added_at: DateTime<Utc>,
}

impl Channel {
    pub fn new_id() -> String {
        // Short enough to type, random enough never to clash within one profile.
        uuid::Uuid::new_v4().simple().to_string()[..10].to_string()
    }

    pub fn requirements(&self) -> Requirements<'_> {
        Requirements {
            kind: self.kind,
            app_id: self.app_id.as_deref(),
            page_id: self.page_id.as_deref(),
        }
    }
}

/// A Meta app. Its secret, when known, lives in the secret store under `SecretRef::app_secret`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaApp {
    pub id: String,
    pub name: String,
    /// `{app-id}|{client-token}` is used for device login; the client token is not a secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    #[serde(default)]
    pub has_secret: bool,
}

/// A never-expiring report with a Facebook Page channel's permissions, valid or not, for tests.
#[cfg(test)]
pub(crate) fn sample_page_report(valid: bool) -> TokenReport {
    TokenReport {
        is_valid: Some(valid),
        never_expires: Some(true),
        scopes: Some(vec![
            "pages_show_list".into(),
            "pages_read_engagement".into(),
        ]),
        ..Default::default()
    }
}

/// A Facebook Page channel called "Acme" for unit tests, with `report` and, when `failed_at` is
/// given, a network failure of its last check at that moment.
#[cfg(test)]
pub(crate) fn sample_channel(
    report: Option<TokenReport>,
    failed_at: Option<DateTime<Utc>>,
) -> Channel {
    Channel {
        id: "c".into(),
        name: "Acme".into(),
        kind: ChannelKind::FacebookPage,
        app_id: None,
        page_id: None,
        page_name: None,
        token: StoredToken {
            secret: SecretRef("x".into()),
            fingerprint: "sha256:0".into(),
            saved_at: Utc::now(),
        },
        previous_token: None,
        previous_report: None,
        last_report: report.map(Box::new),
        last_failure: failed_at.map(|at| {
            Box::new(CheckFailure {
                kind: super::report::FailureKind::Network,
                at,
                detail: "connection refused".into(),
                cause: None,
                graph_error: None,
                retry_after_minutes: None,
            })
        }),
        added_at: Utc::now(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_round_trip() {
        for k in ChannelKind::ALL {
            assert_eq!(ChannelKind::from_code(k.code()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.code())
            );
        }
        assert_eq!(ChannelKind::from_code("myspace"), None);
    }

    #[test]
    fn messenger_needs_messaging_permissions() {
        assert!(
            ChannelKind::Messenger
                .required_permissions()
                .contains(&"pages_messaging")
        );
        assert_eq!(
            ChannelKind::Messenger.required_webhook_fields(),
            &["messages"]
        );
    }
}
