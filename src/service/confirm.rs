//! What counts as Meta confirming a replacement token (design.md, "Fail closed"): it is valid,
//! it names an app and that app is the channel's, and it names the Page (or the account the
//! kind needs) and that target is the channel's. A fact that is missing, or came in a shape we
//! do not understand, is a refusal: a doubt never replaces a working token.

use crate::model::{ChannelKind, Fact, Reason, ReasonCode, Requirements, TokenReport};

/// Every Page, Instagram-linked Page or WhatsApp Business Account Meta said the token is for.
/// For WhatsApp the "Page" is a WhatsApp Business Account the token is granted on.
fn targets_of(kind: ChannelKind, report: &TokenReport) -> Vec<String> {
    match kind {
        ChannelKind::Whatsapp => report
            .granular_scopes
            .iter()
            .flatten()
            .filter(|g| g.scope.starts_with("whatsapp_business"))
            .flat_map(|g| g.target_ids.iter().flatten().cloned())
            .collect(),
        _ => report.profile_id.iter().cloned().collect(),
    }
}

/// The target a new channel is saved with: the first one Meta named.
pub(super) fn target_of(kind: ChannelKind, report: &TokenReport) -> Option<String> {
    targets_of(kind, report).into_iter().next()
}

/// What the kind's target is called, for messages.
fn target_words(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Whatsapp => "WhatsApp Business Account",
        ChannelKind::Instagram => "Page linked to the Instagram account",
        _ => "Page",
    }
}

/// Leads every such refusal; the refusal itself says that nothing was saved.
const NOT_CONFIRMED: &str = "Facebook did not confirm this token.";

/// Refusals for every fact Meta did not positively confirm. A token Meta called invalid is
/// left to the health classification, which says why in words; so are an app or a Page that
/// Meta named and that differ from the channel's (except WhatsApp's account, which only this
/// check compares).
pub(super) fn unconfirmed(report: &TokenReport, req: &Requirements) -> Vec<Reason> {
    match report.is_valid {
        Some(false) => return Vec::new(),
        Some(true) => {}
        // Without a plain "valid: true" the other facts prove nothing.
        None => {
            return vec![
                Reason::new(
                    ReasonCode::InvalidToken,
                    format!(
                        "{NOT_CONFIRMED} Its answer did not say that the token works{}. Try again in a few minutes; if this keeps happening, get a new token.",
                        probe_words(report)
                    ),
                )
                .with("refusal", Fact::Text("unconfirmed_valid".into()))
                .with("probe", probed(report)),
            ];
        }
    }
    let mut reasons = Vec::new();
    if report.app_id.is_none() {
        let channel_app = req
            .app_id
            .map(|id| format!(" (id {id})"))
            .unwrap_or_default();
        let mut reason = Reason::new(
            ReasonCode::WrongApp,
            format!(
                "{NOT_CONFIRMED} Its answer did not say which app the token was made for{}, so it cannot be matched with the channel's app{channel_app}. Try again in a few minutes, or save the app's secret in Tokenwarden so the token can be checked fully.",
                probe_words(report)
            ),
        )
        .with("refusal", Fact::Text("unconfirmed_app".into()))
        .with("probe", probed(report));
        if let Some(id) = req.app_id {
            reason = reason.with("want", Fact::Text(id.to_string()));
        }
        reasons.push(reason);
    }
    let words = target_words(req.kind);
    let targets = targets_of(req.kind, report);
    match req.page_id {
        _ if targets.is_empty() => {
            let mut reason = Reason::new(
                ReasonCode::WrongPage,
                format!(
                    "{NOT_CONFIRMED} Its answer did not say which {words} the token is for{}, so it cannot be matched with the channel's {words}{}. Get the token of the right {words} and try again.",
                    probe_words(report),
                    req.page_id
                        .map(|id| format!(" (id {id})"))
                        .unwrap_or_default()
                ),
            )
            .with("refusal", Fact::Text("unconfirmed_target".into()))
            .with("probe", probed(report))
            .with("kind", Fact::Text(req.kind.code().into()));
            if let Some(id) = req.page_id {
                reason = reason.with("want", Fact::Text(id.to_string()));
            }
            reasons.push(reason)
        }
        Some(want) if req.kind == ChannelKind::Whatsapp && !targets.iter().any(|t| t == want) => {
            reasons.push(
                Reason::new(
                    ReasonCode::WrongPage,
                    format!(
                        "This token is for another {words} (id {}) than this channel's (id {want}). Get the token of the right {words}.",
                        targets.join(", ")
                    ),
                )
                .with("refusal", Fact::Text("other_account".into()))
                .with("kind", Fact::Text(req.kind.code().into()))
                .with("got", Fact::Text(targets.join(", ")))
                .with("want", Fact::Text(want.to_string())),
            )
        }
        _ => {}
    }
    reasons
}

/// When the facts came from a self-probe, says why they are thin.
/// Whether the token itself answered (the debugger would not): "yes"/"no", for the words layer.
fn probed(report: &TokenReport) -> Fact {
    let yes = report.check_method == Some(crate::model::CheckMethod::SelfProbe);
    Fact::Text(if yes { "yes" } else { "no" }.into())
}

fn probe_words(report: &TokenReport) -> &'static str {
    if report.check_method == Some(crate::model::CheckMethod::SelfProbe) {
        " (Facebook would not show the token's details, and the token itself could not tell)"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::report::GranularScope;

    fn req<'a>(kind: ChannelKind, app: Option<&'a str>, page: Option<&'a str>) -> Requirements<'a> {
        Requirements {
            kind,
            app_id: app,
            page_id: page,
        }
    }

    fn confirmed() -> TokenReport {
        TokenReport {
            is_valid: Some(true),
            app_id: Some("111".into()),
            profile_id: Some("500".into()),
            ..Default::default()
        }
    }

    fn codes(r: &[Reason]) -> Vec<ReasonCode> {
        r.iter().map(|r| r.code).collect()
    }

    #[test]
    fn all_facts_present_confirms() {
        let r = req(ChannelKind::Messenger, Some("111"), Some("500"));
        assert!(unconfirmed(&confirmed(), &r).is_empty());
        // A new channel without --app or --page: present is enough.
        let r = req(ChannelKind::Messenger, None, None);
        assert!(unconfirmed(&confirmed(), &r).is_empty());
    }

    #[test]
    fn a_missing_fact_is_a_refusal() {
        let r = req(ChannelKind::Messenger, Some("111"), Some("500"));
        let unknown = TokenReport::default();
        assert_eq!(
            codes(&unconfirmed(&unknown, &r)),
            [ReasonCode::InvalidToken]
        );
        assert!(
            unconfirmed(&unknown, &r)[0]
                .message
                .contains("did not confirm")
        );
        let no_app = TokenReport {
            app_id: None,
            ..confirmed()
        };
        assert_eq!(codes(&unconfirmed(&no_app, &r)), [ReasonCode::WrongApp]);
        let no_page = TokenReport {
            profile_id: None,
            ..confirmed()
        };
        assert_eq!(codes(&unconfirmed(&no_page, &r)), [ReasonCode::WrongPage]);
        // Said invalid: the classification explains it.
        let dead = TokenReport {
            is_valid: Some(false),
            ..Default::default()
        };
        assert!(unconfirmed(&dead, &r).is_empty());
    }

    #[test]
    fn whatsapp_needs_its_business_account() {
        let r = req(ChannelKind::Whatsapp, Some("111"), Some("700"));
        let grant = |ids: &[&str]| TokenReport {
            profile_id: None,
            granular_scopes: Some(vec![GranularScope {
                scope: "whatsapp_business_messaging".into(),
                target_ids: Some(ids.iter().map(|s| s.to_string()).collect()),
            }]),
            ..confirmed()
        };
        assert!(unconfirmed(&grant(&["700"]), &r).is_empty());
        assert_eq!(
            codes(&unconfirmed(&grant(&["701"]), &r)),
            [ReasonCode::WrongPage]
        );
        assert_eq!(
            codes(&unconfirmed(&grant(&[]), &r)),
            [ReasonCode::WrongPage]
        );
    }
}
