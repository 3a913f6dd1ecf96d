//! What a validation found, in the one sentence that leads the Add and Renew dialogs ("Token of
//! Acme Shoes — works, never expires" / "This is Bob's Bikes' token, not Acme Shoes'"; the
//! window draws the ✔, ⚠ or ✖ beside it, as the font has no such glyphs),
//! and which refusals are worth listing under it: another Page's or app's token is refused for
//! that alone, not also for lacking permissions that only matter on the right Page.

use chrono::{DateTime, Utc};

use super::bundle::{t, t_args};
use super::reasons::{sentence, short};
use super::time;
use crate::model::{Fact, Reason, ReasonCode};
use crate::service::Validation;

/// How the verdict reads at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Works,
    /// It works, but saving it needs an "I understand" first.
    Attention,
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub tone: Tone,
    pub sentence: String,
    /// The sentence already says all of the one refusal: no list needs to repeat it.
    pub says_all: bool,
}

fn wrong_target(code: ReasonCode) -> bool {
    matches!(code, ReasonCode::WrongPage | ReasonCode::WrongApp)
}

/// The refusals to show: only the wrong-Page or wrong-app ones when there is one (the rest
/// would be complaints about a token that is not this channel's anyway), else all of them.
pub fn real_refusals(refusals: &[Reason]) -> Vec<&Reason> {
    if refusals.iter().any(|r| wrong_target(r.code)) {
        refusals.iter().filter(|r| wrong_target(r.code)).collect()
    } else {
        refusals.iter().collect()
    }
}

/// Whether the token is refused as another Page's or app's: its permissions say nothing then.
pub fn is_another_targets(v: &Validation) -> bool {
    v.refusals.iter().any(|r| wrong_target(r.code))
}

fn text<'a>(r: &'a Reason, name: &str) -> Option<&'a str> {
    match r.fact(name) {
        Some(Fact::Text(s)) if !s.is_empty() => Some(s),
        _ => None,
    }
}

/// "Bob's Bikes'" / "Ana's" in English, "de Bob's Bikes" in Spanish.
fn possessive(name: &str) -> String {
    let ends = if name.ends_with('s') { "s" } else { "other" };
    t_args(
        "verdict-possessive",
        &[("name", name.into()), ("ends", ends.into())],
    )
}

/// The verdict on `v`; `ours` is the channel's Page name when the token must be its Page's.
pub fn verdict(v: &Validation, ours: Option<&str>, now: DateTime<Utc>) -> Verdict {
    let page = v.report.profile_name.as_deref().filter(|n| !n.is_empty());
    if v.passes() {
        let expiry = time::expiry(v.report.expires_at, v.report.never_expires, now);
        let (tone, id, extra) = match v.warnings.first() {
            None => (Tone::Works, "verdict-works", expiry),
            Some(w) => (Tone::Attention, "verdict-works-but", understood(v, w, now)),
        };
        let sentence = t_args(
            id,
            &[
                ("page", page.unwrap_or_default().into()),
                ("named", if page.is_some() { "yes" } else { "no" }.into()),
                ("what", extra.into()),
            ],
        );
        return Verdict {
            tone,
            sentence,
            says_all: false,
        };
    }
    let kept = real_refusals(&v.refusals);
    let Some(r) = kept.first() else {
        // `passes` is false only with a refusal; say so plainly all the same.
        return refused(t("verdict-refused"), false);
    };
    let dead = v.report.is_valid == Some(false);
    let id = match r.code {
        ReasonCode::WrongPage => match (text(r, "got"), text(r, "page"), ours) {
            (Some(_), Some(theirs), Some(ours)) => {
                let s = t_args(
                    "verdict-wrong-page",
                    &[
                        ("theirs", possessive(theirs).into()),
                        ("ours", possessive(ours).into()),
                    ],
                );
                return refused(s, false);
            }
            (Some(got), None, Some(ours)) => {
                let s = t_args(
                    "verdict-wrong-page-id",
                    &[("id", got.into()), ("ours", ours.into())],
                );
                return refused(s, false);
            }
            _ => None,
        },
        ReasonCode::WrongApp => match text(r, "got") {
            Some(got) => {
                let app = text(r, "app").unwrap_or(got);
                let s = t_args("verdict-wrong-app", &[("app", app.into())]);
                return refused(s, false);
            }
            None => None,
        },
        ReasonCode::InvalidToken if dead => Some("verdict-invalid-token"),
        ReasonCode::Expired => Some("verdict-expired"),
        ReasonCode::PasswordChanged => Some("verdict-password-changed"),
        ReasonCode::SessionInvalidated => Some("verdict-session-invalidated"),
        ReasonCode::AppNotInstalled => Some("verdict-app-not-installed"),
        ReasonCode::Checkpointed => Some("verdict-checkpointed"),
        ReasonCode::UnconfirmedUser => Some("verdict-unconfirmed-user"),
        ReasonCode::PageRoleLost => Some("verdict-page-role-lost"),
        ReasonCode::DataAccessExpired => Some("verdict-data-access-expired"),
        ReasonCode::MissingPermission => match r.fact("permissions") {
            Some(Fact::List(l)) if !l.is_empty() => {
                let s = t_args(
                    "verdict-missing-permission",
                    &[
                        ("count", l.len().into()),
                        ("permissions", l.join(", ").into()),
                    ],
                );
                return refused(s, false);
            }
            _ => None,
        },
        _ => None,
    };
    match id {
        Some(id) => refused(t(id), false),
        // A refusal the service phrased whole: it leads, and is the only one, or the list says
        // the others.
        None => refused(sentence(r, now), kept.len() == 1),
    }
}

fn refused(sentence: String, says_all: bool) -> Verdict {
    Verdict {
        tone: Tone::Refused,
        sentence,
        says_all,
    }
}

/// What saving anyway means for one warning: "it expires in 3 days".
pub fn understood(v: &Validation, w: &Reason, now: DateTime<Utc>) -> String {
    match w.code {
        ReasonCode::ExpiresSoon => match v.report.expires_at {
            Some(at) => t_args(
                "understand-expires-in",
                &[("when", time::relative(at, now).into())],
            ),
            None => t("understand-expires-soon"),
        },
        ReasonCode::DataAccessExpiresSoon => match v.report.data_access_expires_at {
            Some(at) => t_args(
                "understand-data-access-ends-in",
                &[("when", time::relative(at, now).into())],
            ),
            None => t("understand-data-access-ends-soon"),
        },
        ReasonCode::WebhookNotSubscribed => t("understand-webhook"),
        code => t_args("understand-other", &[("what", short(code).into())]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;
    use crate::model::{Diagnosis, Health, Secret, TokenReport};
    use chrono::Duration;

    fn validation(report: TokenReport, refusals: Vec<Reason>, warnings: Vec<Reason>) -> Validation {
        let token = Secret::new("EAAVerdictTestToken0123456789");
        Validation {
            report,
            diagnosis: Diagnosis {
                health: Health::Healthy,
                reasons: vec![],
            },
            refusals,
            warnings,
            fingerprint: token.fingerprint(),
            candidate: token,
            derived: None,
            pages: None,
        }
    }

    fn valid(page: &str) -> TokenReport {
        TokenReport {
            is_valid: Some(true),
            never_expires: Some(true),
            profile_name: Some(page.into()),
            ..Default::default()
        }
    }

    fn wrong_page() -> Reason {
        Reason::new(ReasonCode::WrongPage, "another Page")
            .with("got", Fact::Text("500099".into()))
            .with("want", Fact::Text("500001".into()))
            .with("page", Fact::Text("Bob's Bikes".into()))
    }

    fn missing() -> Reason {
        Reason::new(ReasonCode::MissingPermission, "lacks")
            .with("permissions", Fact::List(vec!["pages_messaging".into()]))
    }

    #[test]
    fn a_good_token_works_and_says_when_it_expires_in_both_languages() {
        let now = Utc::now();
        let v = validation(valid("Acme Shoes"), vec![], vec![]);
        let both = [Lang::En, Lang::Es].map(|l| with_lang(l, || verdict(&v, None, now).sentence));
        assert_eq!(
            both,
            [
                "Token of Acme Shoes — works, never expires",
                "Token de Acme Shoes: funciona, no vence"
            ]
        );
        let soon = TokenReport {
            never_expires: Some(false),
            expires_at: Some(now + Duration::days(3) + Duration::hours(1)),
            ..valid("Acme Shoes")
        };
        let w = Reason::new(ReasonCode::ExpiresSoon, "soon");
        let v = validation(soon, vec![], vec![w]);
        let got = with_lang(Lang::En, || verdict(&v, None, now));
        assert_eq!(got.tone, Tone::Attention);
        assert_eq!(
            got.sentence,
            "Token of Acme Shoes — works, but it expires in 3 days"
        );
    }

    #[test]
    fn another_pages_token_is_refused_for_that_alone() {
        let now = Utc::now();
        let v = validation(valid("Bob's Bikes"), vec![wrong_page(), missing()], vec![]);
        let kept = real_refusals(&v.refusals);
        assert_eq!(kept.len(), 1, "the permission complaint is dropped");
        assert_eq!(kept[0].code, ReasonCode::WrongPage);
        let en = with_lang(Lang::En, || verdict(&v, Some("Acme Shoes"), now));
        assert_eq!(en.sentence, "This is Bob's Bikes' token, not Acme Shoes'");
        assert_eq!(en.tone, Tone::Refused);
        let en = with_lang(Lang::En, || verdict(&v, Some("Ana Cakes"), now));
        assert!(en.sentence.ends_with("not Ana Cakes'"), "{}", en.sentence);
        let en = with_lang(Lang::En, || verdict(&v, Some("Acme Toy"), now));
        assert!(en.sentence.ends_with("not Acme Toy's"), "{}", en.sentence);
        let es = with_lang(Lang::Es, || verdict(&v, Some("Acme Shoes"), now));
        assert_eq!(
            es.sentence,
            "Este es el token de Bob's Bikes, no el de Acme Shoes"
        );
        // Without another Page, every refusal counts.
        assert_eq!(real_refusals(&[missing()]).len(), 1);
    }

    #[test]
    fn a_dead_token_says_why_in_plain_words() {
        let now = Utc::now();
        let dead = TokenReport {
            is_valid: Some(false),
            ..Default::default()
        };
        let r = Reason::new(ReasonCode::SessionInvalidated, "ended");
        let v = validation(dead, vec![r], vec![]);
        let en = with_lang(Lang::En, || verdict(&v, None, now).sentence);
        assert_eq!(
            en,
            "This token was cut off by Meta: the person logged out or changed their password"
        );
        let es = with_lang(Lang::Es, || verdict(&v, None, now).sentence);
        assert!(es.starts_with("Meta cortó este token"), "{es}");
    }
}
