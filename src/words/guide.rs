//! The renewal guide in words: the steps `service::guide` chose, phrased from their facts for
//! the channel's kind, app and Page, as plain text to follow or send to a customer.

use chrono::{DateTime, Utc};

use super::bundle::{t, t_args};
use super::reasons::{kind, sentence};
use crate::graph::links::PortalLink;
use crate::model::{Channel, ChannelKind, MetaApp};
use crate::service::guide::{Block, GuideStep, Say, StepState};

/// The names the guide mentions, in the user's language.
struct Names {
    /// The Page (or WhatsApp Business account): its name, else its id, else "the channel's Page".
    page: String,
    /// "the app Acme Support (123)", or "the app this channel uses".
    app_words: String,
    /// ", app Acme Support (123)" for the validation step, or nothing.
    app_suffix: String,
    perms: String,
}

fn names(channel: &Channel, app: Option<&MetaApp>) -> Names {
    let owner = if channel.kind == ChannelKind::Whatsapp {
        "whatsapp"
    } else {
        "page"
    };
    let page = channel
        .page_name
        .clone()
        .unwrap_or_else(|| match &channel.page_id {
            Some(id) => t_args(
                "guide-owner-with-id",
                &[("owner", owner.into()), ("id", id.as_str().into())],
            ),
            None => t_args("guide-owner-unknown", &[("owner", owner.into())]),
        });
    let app = app
        .map(|a| format!("{} ({})", a.name, a.id))
        .or_else(|| channel.app_id.clone());
    Names {
        page,
        app_words: match &app {
            Some(a) => t_args("guide-app-named", &[("app", a.as_str().into())]),
            None => t("guide-app-unknown"),
        },
        app_suffix: app
            .map(|a| t_args("guide-app-suffix", &[("app", a.into())]))
            .unwrap_or_default(),
        perms: channel.kind.required_permissions().join(", "),
    }
}

/// The id pair (title, detail) of a step; `None` for a step these words do not know.
fn ids(say: &Say, k: ChannelKind) -> Option<(&'static str, &'static str)> {
    let whatsapp = k == ChannelKind::Whatsapp;
    Some(match say {
        Say::Unknown => return None,
        Say::CheckToken => ("guide-check-title", "guide-check-detail"),
        Say::SeeWhatIsWrong(_) => ("guide-wrong-title", "guide-wrong-detail"),
        Say::ItWorks => ("guide-works-title", "guide-works-detail"),
        Say::ClearCheck(_) => ("guide-clear-check-title", "guide-clear-check-detail"),
        Say::GiveRoleBack(_) => ("guide-role-back-title", "guide-role-back-detail"),
        Say::LoginCode(_) => ("guide-login-code-title", "guide-login-code-detail"),
        Say::OpenExplorer => ("guide-explorer-title", "guide-explorer-detail"),
        Say::GeneratePageToken => ("guide-generate-for-page-title", "guide-page-token-detail"),
        Say::OpenMessengerSettings => ("guide-messenger-title", "guide-messenger-detail"),
        Say::GenerateMessengerToken => (
            "guide-generate-for-page-title",
            "guide-messenger-token-detail",
        ),
        Say::OpenInstagramSettings => ("guide-instagram-title", "guide-instagram-detail"),
        Say::GenerateInstagramToken => (
            "guide-instagram-token-title",
            "guide-instagram-token-detail",
        ),
        Say::OpenSystemUsers => ("guide-system-users-title", "guide-system-users-detail"),
        Say::GenerateSystemUserToken => (
            "guide-system-user-token-title",
            "guide-system-user-token-detail",
        ),
        Say::Paste if whatsapp => ("guide-paste-title", "guide-paste-system-user-detail"),
        Say::Paste => ("guide-paste-title", "guide-paste-page-detail"),
        Say::Validate if whatsapp => ("guide-validate-title", "guide-validate-whatsapp-detail"),
        Say::Validate => ("guide-validate-title", "guide-validate-page-detail"),
        Say::Save => ("guide-save-title", "guide-save-detail"),
        Say::MessagesArrive => (
            "guide-messages-title",
            match k {
                ChannelKind::Whatsapp => "guide-messages-whatsapp-detail",
                ChannelKind::Instagram => "guide-messages-instagram-detail",
                _ => "guide-messages-messenger-detail",
            },
        ),
    })
}

fn block(b: Block) -> String {
    t(match b {
        Block::AccountCheck => "guide-block-account-check",
        Block::PageRole => "guide-block-page-role",
        Block::AppUnknown => "guide-block-app-unknown",
        Block::WhatsappNotSubscribed => "guide-block-whatsapp-webhook",
        Block::PageNotSubscribed => "guide-block-page-webhook",
    })
}

/// A portal link's label; one these words do not know stays as the link gives it.
pub fn link_label(l: &PortalLink) -> String {
    let id = match l.label {
        "Access Token Debugger" => "link-token-debugger",
        "App dashboard" => "link-app-dashboard",
        "Your apps" => "link-your-apps",
        "Messenger settings of the app" => "link-messenger-settings",
        "Instagram settings of the app" => "link-instagram-settings",
        "WhatsApp settings of the app" => "link-whatsapp-settings",
        "Permissions of the app" => "link-app-permissions",
        "Your Pages" => "link-your-pages",
        "The Page's settings" => "link-page-settings",
        "Business integrations of your Facebook account" => "link-business-integrations",
        "System users in Business Settings" => "link-system-users",
        "Facebook's login page for codes" => "link-device-login",
        "Graph API Explorer" => "link-graph-explorer",
        "Meta platform status" => "link-meta-status",
        "Facebook security check help" => "link-security-check-help",
        "Help: manage Page roles" => "link-page-roles-help",
        other => return other.to_string(),
    };
    t(id)
}

/// One step's title and detail in words; a step without facts keeps the service's English.
fn phrase(channel: &Channel, n: &Names, s: &GuideStep, now: DateTime<Utc>) -> (String, String) {
    let Some((title_id, detail_id)) = ids(&s.say, channel.kind) else {
        return (s.title.clone(), s.detail.clone());
    };
    let reason = match &s.say {
        Say::SeeWhatIsWrong(r) | Say::ClearCheck(r) | Say::GiveRoleBack(r) => sentence(r, now),
        _ => String::new(),
    };
    let terminal = match &s.say {
        Say::LoginCode(Some(app)) => t_args(
            "guide-login-code-terminal",
            &[
                ("app", app.as_str().into()),
                ("channel", channel.name.as_str().into()),
            ],
        ),
        _ => String::new(),
    };
    let args = [
        ("channel", channel.name.as_str().into()),
        ("page", n.page.as_str().into()),
        ("app", n.app_words.as_str().into()),
        ("app_suffix", n.app_suffix.as_str().into()),
        ("perms", n.perms.as_str().into()),
        ("reason", reason.into()),
        ("terminal", terminal.into()),
    ];
    (t_args(title_id, &args), t_args(detail_id, &args))
}

/// The walk-through as plain text, to copy into a message to a customer.
pub fn text(
    channel: &Channel,
    app: Option<&MetaApp>,
    steps: &[GuideStep],
    now: DateTime<Utc>,
) -> String {
    let n = names(channel, app);
    let mut out = format!(
        "{}\n\n",
        t_args(
            "guide-heading",
            &[
                ("name", channel.name.as_str().into()),
                ("kind", kind(channel.kind).into()),
            ],
        )
    );
    for (i, s) in steps.iter().enumerate() {
        let mark = match &s.state {
            StepState::Done => format!("{} ", t("guide-mark-done")),
            StepState::ToDo => String::new(),
            StepState::Blocked(_) => format!("{} ", t("guide-mark-first-fix")),
        };
        let (title, detail) = phrase(channel, &n, s, now);
        out.push_str(&format!("{}. {mark}{title}\n   {detail}\n", i + 1));
        if let Some(l) = &s.link {
            out.push_str(&format!("   {}: {}\n", link_label(l), l.url));
        }
        if let StepState::Blocked(why) = &s.state {
            let why = s.block.map(block).unwrap_or_else(|| why.clone());
            out.push_str(&format!(
                "   {}\n",
                t_args("guide-before-this", &[("why", why.into())])
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;
    use crate::model::channel::sample_channel;
    use crate::model::{Diagnosis, Health, Reason, ReasonCode, TokenReport, WebhookState};
    use crate::service::guide::{guide_for, guide_text};

    fn channels() -> Vec<Channel> {
        let mut out = Vec::new();
        for kind in ChannelKind::ALL {
            for (app, page_id, page_name) in [
                (Some("42"), Some("7"), Some("Acme Shoes Page")),
                (None, Some("7"), None),
                (Some("42"), None, None),
            ] {
                let mut c = sample_channel(
                    Some(TokenReport {
                        webhook: Some(WebhookState {
                            app_subscribed: false,
                            fields: vec![],
                        }),
                        ..Default::default()
                    }),
                    None,
                );
                c.kind = kind;
                c.name = "Acme Shoes".into();
                c.app_id = app.map(str::to_string);
                c.page_id = page_id.map(str::to_string);
                c.page_name = page_name.map(str::to_string);
                out.push(c);
            }
        }
        out
    }

    fn diagnoses() -> Vec<Diagnosis> {
        let broken = |code| Diagnosis {
            health: Health::Broken,
            reasons: vec![Reason::new(code, "The password was changed.")],
        };
        vec![
            Diagnosis {
                health: Health::Healthy,
                reasons: vec![],
            },
            Diagnosis {
                health: Health::Unknown,
                reasons: vec![],
            },
            broken(ReasonCode::PasswordChanged),
            broken(ReasonCode::Checkpointed),
            broken(ReasonCode::PageRoleLost),
            Diagnosis {
                health: Health::NeedsAttention,
                reasons: vec![Reason::new(
                    ReasonCode::WebhookNotSubscribed,
                    "The Page is not subscribed.",
                )],
            },
        ]
    }

    #[test]
    fn the_english_guide_is_the_services_word_for_word() {
        let app = MetaApp {
            id: "42".into(),
            name: "Acme Support".into(),
            client_token: None,
            has_secret: false,
        };
        let now = Utc::now();
        for c in channels() {
            for d in diagnoses() {
                for app in [None, Some(&app)] {
                    let steps = guide_for(&c, app, &d);
                    let words = with_lang(Lang::En, || text(&c, app, &steps, now));
                    assert_eq!(words, guide_text(&c, &steps), "{:?} {:?}", c.kind, d);
                    assert!(steps.iter().all(|s| s.say != Say::Unknown), "{steps:?}");
                }
            }
        }
    }

    #[test]
    fn the_spanish_guide_has_no_english_step() {
        let now = Utc::now();
        for c in channels() {
            for d in diagnoses() {
                let steps = guide_for(&c, None, &d);
                let es = with_lang(Lang::Es, || text(&c, None, &steps, now));
                assert!(
                    es.starts_with("Cómo renovar el token de Acme Shoes"),
                    "{es}"
                );
                for english in [
                    "Before this",
                    "[done]",
                    "[first fix]",
                    "Open the",
                    "Generate a",
                    "Check that",
                ] {
                    assert!(!es.contains(english), "{english:?} in:\n{es}");
                }
            }
        }
    }
}
