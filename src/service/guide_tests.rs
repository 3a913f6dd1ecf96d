//! Unit tests of the guide: one per kind, a WhatsApp guide never speaks of Messenger or a Page,
//! and every step agrees with the channel's health.

use super::*;
use crate::model::channel::sample_channel;
use crate::model::{Reason, TokenReport, WebhookState};

fn channel(kind: ChannelKind, webhook: Option<WebhookState>) -> Channel {
    let mut c = sample_channel(
        Some(TokenReport {
            webhook,
            ..Default::default()
        }),
        None,
    );
    c.kind = kind;
    c.name = "Acme Shoes".into();
    c.app_id = Some("42".into());
    c.page_id = Some("7".into());
    c.page_name = Some("Acme Shoes Page".into());
    c
}

fn healthy() -> Diagnosis {
    Diagnosis {
        health: Health::Healthy,
        reasons: vec![],
    }
}

fn broken(code: ReasonCode) -> Diagnosis {
    Diagnosis {
        health: Health::Broken,
        reasons: vec![Reason::new(code, "The password was changed.")],
    }
}

fn subscribed(fields: &[&str]) -> Option<WebhookState> {
    Some(WebhookState {
        app_subscribed: true,
        fields: fields.iter().map(|f| f.to_string()).collect(),
    })
}

fn text(c: &Channel, d: &Diagnosis) -> String {
    guide_text(c, &guide_for(c, None, d))
}

fn titles(steps: &[GuideStep]) -> Vec<&str> {
    steps.iter().map(|s| s.title.as_str()).collect()
}

#[test]
fn a_facebook_page_is_renewed_in_the_graph_api_explorer() {
    let c = channel(ChannelKind::FacebookPage, None);
    let steps = guide_for(&c, None, &broken(ReasonCode::PasswordChanged));
    assert_eq!(steps[1].title, "Easiest: renew with a login code");
    assert!(titles(&steps).contains(&"Open the Graph API Explorer"));
    let t = guide_text(&c, &steps);
    assert!(
        t.contains("pages_show_list") && t.contains("Get Page Access Token"),
        "{t}"
    );
    assert!(!t.contains("Messenger"), "{t}");
    assert!(!t.contains("Check that messages arrive"), "{t}");
}

#[test]
fn a_messenger_guide_goes_to_the_messenger_settings() {
    let c = channel(ChannelKind::Messenger, subscribed(&["messages"]));
    let steps = guide_for(&c, None, &broken(ReasonCode::PasswordChanged));
    assert_eq!(steps[0].state, StepState::Done);
    assert_eq!(steps[1].title, "Easiest: renew with a login code");
    assert!(titles(&steps).contains(&"Open the app's Messenger settings"));
    let t = guide_text(&c, &steps);
    assert!(t.contains("/apps/42/messenger/settings/"), "{t}");
    assert!(t.contains("pages_messaging") && t.contains("tokenwarden login --app 42"));
    assert!(t.contains("[done] Check that messages arrive"), "{t}");
}

#[test]
fn an_instagram_guide_names_the_linked_professional_account() {
    let c = channel(ChannelKind::Instagram, subscribed(&["messages"]));
    let t = text(&c, &broken(ReasonCode::Expired));
    for needed in [
        "Instagram professional account",
        "instagram_manage_messages",
        "instagram_basic",
        "pages_manage_metadata",
        "renew with a login code",
    ] {
        assert!(t.contains(needed), "{needed}: {t}");
    }
    assert!(!t.contains("Messenger settings"), "{t}");
}

#[test]
fn a_whatsapp_guide_never_mentions_messenger_settings_or_a_page() {
    for d in [healthy(), broken(ReasonCode::Expired)] {
        let mut c = channel(ChannelKind::Whatsapp, subscribed(&[]));
        c.page_name = None;
        let t = text(&c, &d);
        assert!(t.contains("business.facebook.com"), "{t}");
        assert!(
            t.contains("System users") && t.contains("never expire"),
            "{t}"
        );
        assert!(t.contains("whatsapp_business_messaging"), "{t}");
        assert!(t.contains("whatsapp_business_management"), "{t}");
        assert!(!t.contains("Messenger"), "{t}");
        assert!(!t.contains("Page"), "{t}");
        assert!(
            !t.contains("login code"),
            "no device login for system users: {t}"
        );
    }
}

#[test]
fn a_healthy_channel_says_it_works_and_has_nothing_to_fix_first() {
    for kind in ChannelKind::ALL {
        let c = channel(kind, subscribed(&["messages"]));
        let steps = guide_for(&c, None, &healthy());
        assert_eq!(steps[0].title, "It works", "{kind:?}");
        assert!(steps[0].detail.contains("nothing needs doing"), "{kind:?}");
        let t = guide_text(&c, &steps);
        assert!(!t.contains("[first fix]"), "{kind:?}: {t}");
        assert!(!t.contains("See what is wrong"), "{kind:?}: {t}");
    }
}

#[test]
fn only_a_missing_webhook_is_a_first_fix() {
    let mut c = channel(ChannelKind::Messenger, None);
    c.last_report = Some(Box::new(TokenReport {
        webhook: Some(WebhookState {
            app_subscribed: false,
            fields: vec![],
        }),
        ..Default::default()
    }));
    let d = Diagnosis {
        health: Health::NeedsAttention,
        reasons: vec![Reason::new(
            ReasonCode::WebhookNotSubscribed,
            "Not subscribed.",
        )],
    };
    let steps = guide_for(&c, None, &d);
    let last = steps.last().map(|s| &s.state);
    assert!(matches!(last, Some(StepState::Blocked(_))), "{steps:?}");
    let never_seen = channel(ChannelKind::Messenger, None);
    let steps = guide_for(&never_seen, None, &healthy());
    assert_eq!(steps.last().map(|s| &s.state), Some(&StepState::ToDo));
}

#[test]
fn a_channel_never_checked_is_checked_first() {
    let c = channel(ChannelKind::Messenger, None);
    let d = Diagnosis {
        health: Health::Unknown,
        reasons: vec![],
    };
    let steps = guide_for(&c, None, &d);
    assert_eq!(steps[0].title, "Check the token");
    assert_eq!(steps[0].state, StepState::ToDo);
}
