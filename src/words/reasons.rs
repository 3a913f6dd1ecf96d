//! The model's facts in words: health, kinds of channel, token types, reasons and their
//! remedies, a list row's expiry column and the summary line under a list.

use chrono::{DateTime, Utc};

use super::bundle::{Arg, t, t_args};
use super::locale::{Lang, lang};
use super::time;
use crate::model::report::{CheckMethod, FailureCause};
use crate::model::status::{ExpiryColumn, expiry_column, headline};
use crate::model::{
    Channel, ChannelKind, Diagnosis, Fact, Health, Reason, ReasonCode, Remedy, TokenType,
};
use crate::service::groups::RootCauseGroup;

pub fn health(h: Health) -> String {
    t(match h {
        Health::Healthy => "health-healthy",
        Health::NeedsAttention => "health-attention",
        Health::Broken => "health-broken",
        Health::Unknown => "health-unknown",
    })
}

pub fn kind(k: ChannelKind) -> String {
    t(match k {
        ChannelKind::FacebookPage => "kind-facebook-page",
        ChannelKind::Messenger => "kind-messenger",
        ChannelKind::Instagram => "kind-instagram",
        ChannelKind::Whatsapp => "kind-whatsapp",
    })
}

pub fn token_type(ty: &TokenType) -> String {
    match ty {
        TokenType::User => t("token-type-user"),
        TokenType::Page => t("token-type-page"),
        TokenType::App => t("token-type-app"),
        TokenType::SystemUser => t("token-type-system-user"),
        TokenType::Other(s) => s.clone(),
    }
}

pub fn check_method(m: CheckMethod) -> String {
    t(match m {
        CheckMethod::DebugToken => "check-method-debugger",
        CheckMethod::SelfProbe => "check-method-self",
    })
}

/// The label of the one button that carries out this remedy.
pub fn remedy(r: Remedy) -> String {
    t(match r {
        Remedy::Renew => "remedy-renew",
        Remedy::Relogin => "remedy-relogin",
        Remedy::GrantPermission => "remedy-grant-permission",
        Remedy::SubscribeWebhook => "remedy-subscribe-webhook",
        Remedy::ClearCheckpoint => "remedy-clear-checkpoint",
        Remedy::RestorePageRole => "remedy-restore-page-role",
        Remedy::WaitRetry | Remedy::CheckConnection => "remedy-check-again",
        Remedy::None => "remedy-check-now",
    })
}

/// A few words for a narrow column: what is wrong, not what to do.
pub fn short(code: ReasonCode) -> String {
    t(match code {
        ReasonCode::InvalidToken => "short-invalid-token",
        ReasonCode::Expired => "short-expired",
        ReasonCode::ExpiresSoon => "short-expires-soon",
        ReasonCode::PasswordChanged => "short-password-changed",
        ReasonCode::AppNotInstalled => "short-app-not-installed",
        ReasonCode::Checkpointed => "short-checkpointed",
        ReasonCode::UnconfirmedUser => "short-unconfirmed-user",
        ReasonCode::SessionInvalidated => "short-session-invalidated",
        ReasonCode::PageRoleLost => "short-page-role-lost",
        ReasonCode::DataAccessExpired => "short-data-access-expired",
        ReasonCode::DataAccessExpiresSoon => "short-data-access-expires-soon",
        ReasonCode::MissingPermission => "short-missing-permission",
        ReasonCode::WebhookNotSubscribed => "short-webhook-not-subscribed",
        ReasonCode::WrongApp => "short-wrong-app",
        ReasonCode::WrongPage => "short-wrong-page",
        ReasonCode::RateLimited => "short-rate-limited",
        ReasonCode::NetworkError => "short-network-error",
        ReasonCode::ServiceError => "short-service-error",
        ReasonCode::Unchecked => "short-unchecked",
        ReasonCode::AlreadySaved => "short-already-saved",
    })
}

/// The sentence for a reason that carries no facts: what it means and what to do.
fn plain(code: ReasonCode) -> String {
    t(match code {
        ReasonCode::InvalidToken => "reason-invalid-token",
        ReasonCode::Expired => "reason-expired",
        ReasonCode::ExpiresSoon => "reason-expires-soon",
        ReasonCode::PasswordChanged => "reason-password-changed",
        ReasonCode::AppNotInstalled => "reason-app-not-installed",
        ReasonCode::Checkpointed => "reason-checkpointed",
        ReasonCode::UnconfirmedUser => "reason-unconfirmed-user",
        ReasonCode::SessionInvalidated => "reason-session-invalidated",
        ReasonCode::PageRoleLost => "reason-page-role-lost",
        ReasonCode::DataAccessExpired => "reason-data-access-expired",
        ReasonCode::DataAccessExpiresSoon => "reason-data-access-expires-soon",
        ReasonCode::MissingPermission => "reason-missing-permission",
        ReasonCode::WebhookNotSubscribed => "reason-webhook-not-subscribed",
        ReasonCode::WrongApp => "reason-wrong-app",
        ReasonCode::WrongPage => "reason-wrong-page",
        ReasonCode::RateLimited => "reason-rate-limited",
        ReasonCode::NetworkError => "reason-network-error",
        ReasonCode::ServiceError => "reason-service-error",
        ReasonCode::Unchecked => "reason-unchecked",
        ReasonCode::AlreadySaved => "reason-already-saved",
    })
}

fn text<'a>(r: &'a Reason, name: &str) -> Option<&'a str> {
    match r.fact(name) {
        Some(Fact::Text(s)) if !s.is_empty() => Some(s),
        _ => None,
    }
}

fn at(r: &Reason, name: &str) -> Option<DateTime<Utc>> {
    match r.fact(name) {
        Some(Fact::Time(t)) => Some(*t),
        _ => None,
    }
}

fn list(r: &Reason, name: &str) -> Option<Vec<String>> {
    match r.fact(name) {
        Some(Fact::List(l)) if !l.is_empty() => Some(l.clone()),
        _ => None,
    }
}

/// The account a reason is about: "Ana's account", or the one that connected the channel.
fn who(r: &Reason) -> String {
    match text(r, "who") {
        Some(name) => t_args("account-of", &[("name", name.into())]),
        None => t("account-unknown"),
    }
}

/// One reason in a sentence, phrased from its facts. A reason without facts (one a service
/// made for a refusal) keeps its own English sentence and says its code's meaning otherwise.
pub fn sentence(r: &Reason, now: DateTime<Utc>) -> String {
    if let Some(which) = text(r, "refusal")
        && let Some(said) = refusal(r, which)
    {
        return said;
    }
    if r.facts.is_empty() {
        return match lang() {
            Lang::En => r.message.clone(),
            _ => plain(r.code),
        };
    }
    let rel = |t: DateTime<Utc>| time::relative(t, now);
    let say = |id: &str, args: &[Arg<'_>]| t_args(id, args);
    match r.code {
        ReasonCode::Expired => match (at(r, "on"), at(r, "ago")) {
            (Some(on), _) => say("reason-expired-on", &[("date", time::at(on).into())]),
            (_, Some(ago)) => time::relative_in("reason-expired-ago", ago, now),
            _ => plain(r.code),
        },
        ReasonCode::ExpiresSoon => match at(r, "at") {
            Some(a) => say(
                "reason-expires-soon-at",
                &[("when", rel(a).into()), ("date", time::date(a).into())],
            ),
            None => plain(r.code),
        },
        ReasonCode::PasswordChanged
        | ReasonCode::AppNotInstalled
        | ReasonCode::Checkpointed
        | ReasonCode::UnconfirmedUser
        | ReasonCode::SessionInvalidated => {
            let id = match r.code {
                ReasonCode::PasswordChanged => "reason-password-changed-who",
                ReasonCode::AppNotInstalled => "reason-app-not-installed-who",
                ReasonCode::Checkpointed => "reason-checkpointed-who",
                ReasonCode::UnconfirmedUser => "reason-unconfirmed-user-who",
                _ => "reason-session-invalidated-who",
            };
            say(id, &[("who", who(r).into())])
        }
        ReasonCode::NetworkError | ReasonCode::ServiceError | ReasonCode::RateLimited => {
            let when = at(r, "at").map(rel).unwrap_or_default();
            let detail = failure_detail(r)
                .unwrap_or_else(|| text(r, "detail").unwrap_or_default().to_string());
            match r.code {
                ReasonCode::NetworkError => say(
                    "reason-network-error-at",
                    &[("when", when.into()), ("detail", detail.into())],
                ),
                ReasonCode::ServiceError => say(
                    "reason-service-error-at",
                    &[("when", when.into()), ("detail", detail.into())],
                ),
                _ => {
                    let wait = match r.fact("minutes") {
                        Some(Fact::Number(m)) => {
                            t_args("wait-about-minutes", &[("count", (*m).into())])
                        }
                        _ => t("wait-a-few-minutes"),
                    };
                    say(
                        "reason-rate-limited-at",
                        &[("when", when.into()), ("wait", wait.into())],
                    )
                }
            }
        }
        ReasonCode::WrongApp => match (text(r, "got"), text(r, "want")) {
            (Some(got), Some(want)) => {
                let app = text(r, "app")
                    .map(str::to_string)
                    .unwrap_or_else(|| t("unknown-name"));
                say(
                    "reason-wrong-app-ids",
                    &[
                        ("app", app.into()),
                        ("got", got.into()),
                        ("want", want.into()),
                    ],
                )
            }
            _ => plain(r.code),
        },
        ReasonCode::WrongPage => match (text(r, "got"), text(r, "want")) {
            (Some(got), Some(want)) => {
                let page = text(r, "page")
                    .map(str::to_string)
                    .unwrap_or_else(|| t_args("id-of", &[("id", got.into())]));
                say(
                    "reason-wrong-page-ids",
                    &[("page", page.into()), ("want", want.into())],
                )
            }
            _ => plain(r.code),
        },
        ReasonCode::MissingPermission => match list(r, "permissions") {
            Some(missing) => {
                let kind = text(r, "kind")
                    .and_then(ChannelKind::from_code)
                    .map(kind)
                    .unwrap_or_default();
                say(
                    "reason-missing-permission-list",
                    &[
                        ("count", missing.len().into()),
                        ("permissions", missing.join(", ").into()),
                        ("kind", kind.into()),
                    ],
                )
            }
            None => plain(r.code),
        },
        ReasonCode::DataAccessExpired => match at(r, "ago") {
            Some(a) => say("reason-data-access-expired-ago", &[("when", rel(a).into())]),
            None => plain(r.code),
        },
        ReasonCode::DataAccessExpiresSoon => match at(r, "at") {
            Some(a) => say(
                "reason-data-access-expires-soon-at",
                &[("when", rel(a).into())],
            ),
            None => plain(r.code),
        },
        ReasonCode::WebhookNotSubscribed => match list(r, "fields") {
            Some(fields) => say(
                "reason-webhook-missing-fields",
                &[
                    ("count", fields.len().into()),
                    ("fields", fields.join(", ").into()),
                ],
            ),
            None => plain(r.code),
        },
        code => plain(code),
    }
}

/// What stopped a check, from its facts; `None` when only the English `detail` is known (a
/// catalog saved by an earlier version).
fn failure_detail(r: &Reason) -> Option<String> {
    let Some(Fact::Failure(cause)) = r.fact("cause") else {
        return None;
    };
    Some(match cause {
        FailureCause::SlowedDown => t("failure-slowed-down"),
        FailureCause::NearRateLimit { percent } => {
            t_args("failure-near-rate-limit", &[("percent", (*percent).into())])
        }
        FailureCause::NotScheduled => t("failure-not-scheduled"),
        FailureCause::Timeout { seconds } => {
            t_args("graph-timeout", &[("count", (*seconds).into())])
        }
        FailureCause::Network { detail } => {
            t_args("graph-network", &[("detail", detail.as_str().into())])
        }
        FailureCause::Http { status, detail } => t_args(
            "graph-http",
            &[
                ("status", (*status).into()),
                ("detail", detail.as_str().into()),
            ],
        ),
        FailureCause::BadBody { detail } => {
            t_args("graph-bad-body", &[("detail", detail.as_str().into())])
        }
        FailureCause::Api => t_args(
            "graph-api",
            &[
                ("message", text(r, "meta_message")?.into()),
                ("code", text(r, "meta_code")?.into()),
            ],
        ),
    })
}

/// A name as refusals show it: in quotes, so a name with spaces reads as one.
fn quoted(name: &str) -> String {
    format!("{name:?}")
}

/// A refusal a use case made (not a health reason), from its facts; `None` for one this layer
/// does not know, which then keeps its code's meaning.
fn refusal(r: &Reason, which: &str) -> Option<String> {
    let name = || quoted(text(r, "name").unwrap_or_default());
    let kind_of = || text(r, "kind").and_then(ChannelKind::from_code);
    Some(match which {
        "twin" => {
            let k = kind_of()?;
            let page = match (text(r, "page_name"), text(r, "page_id")) {
                (Some(n), Some(id)) => {
                    t_args("twin-page-named", &[("name", n.into()), ("id", id.into())])
                }
                (_, Some(id)) => t_args("id-of", &[("id", id.into())]),
                _ => t("twin-page-same"),
            };
            let target = match k {
                ChannelKind::Whatsapp => "whatsapp",
                ChannelKind::Instagram => "instagram",
                _ => "page",
            };
            t_args(
                "refusal-twin",
                &[
                    ("target", target.into()),
                    ("page", page.into()),
                    ("kind", kind(k).into()),
                    ("name", name().into()),
                ],
            )
        }
        "confirm_warnings" => t("refusal-confirm-warnings"),
        "not_page_token" => {
            let k = kind_of()?;
            let ty = match text(r, "token_type") {
                Some(code) => token_type(&TokenType::from_graph(code)),
                None => t("token-type-different"),
            };
            t_args(
                "refusal-not-page-token",
                &[("type", ty.into()), ("kind", kind(k).into())],
            )
        }
        "same_token" => t("refusal-same-token"),
        "rollback_user_token" => t("refusal-rollback-user-token"),
        "rollback_not_put_back" => {
            t_args("refusal-rollback-not-put-back", &[("name", name().into())])
        }
        "rollback_force" => t_args("refusal-rollback-force", &[("name", name().into())]),
        "short_login" => t("refusal-short-login"),
        "rollback_gone" => t_args("refusal-rollback-gone", &[("name", name().into())]),
        "webhook_refused" => t_args(
            "refusal-webhook",
            &[
                ("detail", text(r, "detail").unwrap_or_default().into()),
                ("kind", kind(kind_of()?).into()),
            ],
        ),
        "login_not_manager" => {
            let page = match text(r, "page_name") {
                Some(n) => t_args("login-page-named", &[("name", n.into())]),
                None => t_args(
                    "login-page-id",
                    &[("id", text(r, "page_id").unwrap_or_default().into())],
                ),
            };
            t_args(
                "refusal-login-not-manager",
                &[
                    ("who", text(r, "who").unwrap_or_default().into()),
                    ("page", page.into()),
                ],
            )
        }
        "login_cannot_message" => t_args(
            "refusal-login-cannot-message",
            &[
                ("who", text(r, "who").unwrap_or_default().into()),
                ("page", text(r, "page_name").unwrap_or_default().into()),
            ],
        ),
        "login_cancelled" => t("refusal-login-cancelled"),
        "login_declined" => t("refusal-login-declined"),
        "login_code_expired" => t("refusal-login-code-expired"),
        "twin_in_run" => t_args(
            "refusal-twin-in-run",
            &[
                ("id", text(r, "page_id").unwrap_or_default().into()),
                ("kind", kind(kind_of()?).into()),
            ],
        ),
        "unconfirmed_valid" | "unconfirmed_app" | "unconfirmed_target" | "other_account" => {
            let probe = match text(r, "probe") {
                Some("yes") => t("refusal-probe-words"),
                _ => String::new(),
            };
            let want = text(r, "want")
                .map(|id| t_args("paren-id", &[("id", id.into())]))
                .unwrap_or_default();
            let target = match kind_of() {
                Some(ChannelKind::Whatsapp) => "whatsapp",
                Some(ChannelKind::Instagram) => "instagram",
                _ => "page",
            };
            let id = match which {
                "unconfirmed_valid" => "refusal-unconfirmed-valid",
                "unconfirmed_app" => "refusal-unconfirmed-app",
                "unconfirmed_target" => "refusal-unconfirmed-target",
                _ => "refusal-other-account",
            };
            t_args(
                id,
                &[
                    ("probe", probe.into()),
                    ("want", want.into()),
                    ("target", target.into()),
                    ("got", text(r, "got").unwrap_or_default().into()),
                    ("id", text(r, "want").unwrap_or_default().into()),
                ],
            )
        }
        "app_secret" => t_args(
            "refusal-app-secret",
            &[
                ("app", text(r, "app").unwrap_or_default().into()),
                ("detail", text(r, "detail").unwrap_or_default().into()),
            ],
        ),
        "which_page" => {
            let who = text(r, "who").unwrap_or_default();
            let names = list(r, "page_names").unwrap_or_default();
            if names.is_empty() {
                return Some(t_args("refusal-which-page-none", &[("who", who.into())]));
            }
            let ids = list(r, "page_ids").unwrap_or_default();
            let saved = list(r, "page_saved").unwrap_or_default();
            let pages: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let id = ids.get(i).cloned().unwrap_or_default();
                    match saved.get(i).filter(|s| !s.is_empty()) {
                        Some(s) => t_args(
                            "which-page-entry-saved",
                            &[
                                ("name", n.as_str().into()),
                                ("id", id.into()),
                                ("saved", quoted(s).into()),
                            ],
                        ),
                        None => t_args(
                            "which-page-entry",
                            &[("name", n.as_str().into()), ("id", id.into())],
                        ),
                    }
                })
                .collect();
            t_args(
                "refusal-which-page",
                &[("who", who.into()), ("pages", pages.join(", ").into())],
            )
        }
        _ => return None,
    })
}

/// Why a Page a login found cannot become a channel of `k` here, if it cannot.
pub fn page_unavailable(
    page: &crate::service::login_pages::PageChoice,
    k: ChannelKind,
) -> Option<String> {
    if let Some(name) = &page.saved_as {
        return Some(t_args("page-saved-as", &[("name", quoted(name).into())]));
    }
    (k != ChannelKind::FacebookPage && !page.can_message).then(|| t("page-cannot-message"))
}

/// Several channels broken by one cause of one person, and what one login does about it.
pub fn group(g: &RootCauseGroup) -> String {
    let cause = t(match g.reason {
        ReasonCode::PasswordChanged => "group-cause-password-changed",
        ReasonCode::Checkpointed => "group-cause-checkpointed",
        ReasonCode::SessionInvalidated => "group-cause-session-invalidated",
        ReasonCode::AppNotInstalled => "group-cause-app-not-installed",
        ReasonCode::UnconfirmedUser => "group-cause-unconfirmed-user",
        _ => "group-cause-data-access",
    });
    t_args(
        "group-message",
        &[
            ("count", g.channel_ids.len().into()),
            ("cause", cause.into()),
            ("names", g.channel_names.join(", ").into()),
        ],
    )
}

/// A reminder's title and text: "Acme Shoes: broken" and the reason's sentence.
pub fn notice(
    name: &str,
    h: Health,
    reason: Option<&Reason>,
    now: DateTime<Utc>,
) -> (String, String) {
    let title = t_args(
        "notice-title",
        &[
            ("name", name.into()),
            ("health", health(h).to_lowercase().into()),
        ],
    );
    (title, reason.map(|r| sentence(r, now)).unwrap_or_default())
}

/// The sentences of all reasons, one after the other.
pub fn sentences(reasons: &[Reason], now: DateTime<Utc>) -> String {
    reasons
        .iter()
        .map(|r| sentence(r, now))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The expiry column: what is wrong with a broken channel, else the countdown.
pub fn expiry_or_problem(channel: &Channel, diagnosis: &Diagnosis, now: DateTime<Utc>) -> String {
    match expiry_column(channel, diagnosis) {
        ExpiryColumn::Problem(code) => short(code),
        ExpiryColumn::Countdown { expires_at, never } => time::expiry(expires_at, never, now),
        ExpiryColumn::Unknown => t("expiry-unknown"),
    }
}

/// The reason a list row leads with, in a sentence ("Working." when there is none).
pub fn headline_sentence(diagnosis: &Diagnosis, now: DateTime<Utc>) -> String {
    match headline(diagnosis) {
        Some(r) => sentence(r, now),
        None => t("working"),
    }
}

/// "2 broken, 1 needs attention, 5 healthy" (or "No channels.").
pub fn summary(healths: impl Iterator<Item = Health>) -> String {
    let mut counts = [0usize; 4];
    for h in healths {
        counts[h.urgency() as usize] += 1;
    }
    let parts: Vec<String> = Health::ALL
        .iter()
        .filter(|h| counts[h.urgency() as usize] > 0)
        .map(|h| {
            let id = match h {
                Health::Broken => "summary-broken",
                Health::NeedsAttention => "summary-attention",
                Health::Unknown => "summary-unknown",
                Health::Healthy => "summary-healthy",
            };
            t_args(id, &[("count", counts[h.urgency() as usize].into())])
        })
        .collect();
    if parts.is_empty() {
        t("summary-none")
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::super::locale::with_lang;
    use super::*;
    use crate::model::channel::sample_channel;
    use crate::model::{Thresholds, TokenReport, classify};
    use chrono::Duration;

    fn diagnosis(report: TokenReport) -> Diagnosis {
        let c = sample_channel(Some(report), None);
        classify(
            c.last_report.as_deref(),
            None,
            &c.requirements(),
            Utc::now(),
            &Thresholds::default(),
        )
    }

    #[test]
    fn the_same_fact_reads_the_same_and_agrees_in_number() {
        let all = |h: &[Health]| {
            [Lang::En, Lang::Es].map(|l| with_lang(l, || summary(h.iter().copied())))
        };
        assert_eq!(
            all(&[Health::NeedsAttention]),
            ["1 needs attention", "1 necesita atención"]
        );
        assert_eq!(
            all(&[
                Health::NeedsAttention,
                Health::NeedsAttention,
                Health::Broken
            ]),
            [
                "1 broken, 2 need attention",
                "1 no funciona, 2 necesitan atención"
            ]
        );
    }

    #[test]
    fn a_use_case_s_refusals_read_the_same_in_english_and_keep_their_facts_in_spanish() {
        use crate::model::channel::sample_channel;
        use crate::service::ServiceError;
        use crate::service::login_pages::{LoginPages, PageChoice, which_page_refusal};
        let now = Utc::now();
        let saved = Channel {
            name: "Shoes".into(),
            kind: ChannelKind::Messenger,
            page_id: Some("500001".into()),
            page_name: Some("Acme Shoes".into()),
            ..sample_channel(None, None)
        };
        let catalog = crate::store::Catalog {
            channels: vec![saved],
            ..Default::default()
        };
        let Err(ServiceError::Refused { reasons }) =
            crate::service::twins::refuse_twin(&catalog, ChannelKind::Messenger, Some("500001"))
        else {
            panic!("a twin is refused");
        };
        let twin = &reasons[0];
        assert_eq!(with_lang(Lang::En, || sentence(twin, now)), twin.message);
        let es = with_lang(Lang::Es, || sentence(twin, now));
        assert!(
            es.starts_with("Esta Página (Acme Shoes, id 500001) ya está guardada como el canal de Messenger \"Shoes\""),
            "{es}"
        );
        let page = |id: &str, name: &str, saved: Option<&str>| PageChoice {
            id: id.into(),
            name: name.into(),
            tasks: Vec::new(),
            can_message: true,
            saved_as: saved.map(str::to_string),
        };
        for pages in [
            vec![],
            vec![
                page("500001", "Acme Shoes", Some("Shoes")),
                page("500002", "Acme Books", None),
            ],
        ] {
            let r = which_page_refusal(&LoginPages {
                person: "Alice".into(),
                pages,
            });
            assert_eq!(with_lang(Lang::En, || sentence(&r, now)), r.message);
            let es = with_lang(Lang::Es, || sentence(&r, now));
            assert!(es.starts_with("Este es el token personal"), "{es}");
        }
        for p in [
            page("500001", "Acme Shoes", Some("Shoes")),
            PageChoice {
                can_message: false,
                ..page("500002", "Acme Books", None)
            },
        ] {
            for k in ChannelKind::ALL {
                let en = with_lang(Lang::En, || page_unavailable(&p, k));
                match (&p.saved_as, k) {
                    (Some(_), _) => assert!(en.unwrap().contains("Already saved as \"Shoes\"")),
                    (None, ChannelKind::FacebookPage) => assert_eq!(en, None),
                    (None, _) => assert!(en.is_some(), "{k:?}: cannot message"),
                }
            }
        }
    }

    #[test]
    fn a_check_that_was_not_made_says_why_in_the_language() {
        use crate::graph::GraphError;
        let now = Utc::now();
        for e in [
            GraphError::Timeout(20),
            GraphError::Network("connection refused".into()),
            GraphError::Http {
                status: 502,
                detail: "an HTML page".into(),
            },
        ] {
            let r = crate::model::health::failure_reason(&e.to_failure(now), now);
            assert_eq!(with_lang(Lang::En, || sentence(&r, now)), r.message);
        }
        let r = crate::model::health::failure_reason(&GraphError::Timeout(20).to_failure(now), now);
        let es = with_lang(Lang::Es, || sentence(&r, now));
        assert!(es.contains("20 segundos"), "{es}");
    }

    #[test]
    fn english_sentences_match_the_models_and_spanish_ones_keep_the_facts() {
        let now = Utc::now();
        let d = diagnosis(TokenReport {
            is_valid: Some(true),
            expires_at: Some(now + Duration::days(3) + Duration::hours(1)),
            never_expires: Some(false),
            scopes: Some(vec!["pages_show_list".into()]),
            ..Default::default()
        });
        assert!(d.reasons.len() >= 2, "{d:?}");
        for r in &d.reasons {
            assert_eq!(with_lang(Lang::En, || sentence(r, now)), r.message);
        }
        let es = with_lang(Lang::Es, || sentences(&d.reasons, now));
        assert!(es.contains("en 3 días"), "{es}");
        assert!(es.contains("pages_read_engagement"), "{es}");
    }
}
