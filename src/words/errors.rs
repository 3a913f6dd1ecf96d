//! Errors in words: what happened and what to do next, phrased from the error's facts.

use chrono::Utc;

use super::bundle::{t, t_args};
use super::reasons::sentences;
use crate::model::PasteError;
use crate::service::ServiceError;

/// The sentence for a failed command. Errors that still carry a service's English sentence
/// (usage, conflicts, store and vault errors) keep it; see the report of issue 11.
pub fn error(e: &ServiceError) -> String {
    match e {
        ServiceError::Refused { reasons } => t_args(
            "error-refused",
            &[("reasons", sentences(reasons, Utc::now()).into())],
        ),
        ServiceError::NotFound(name) => t_args("error-not-found", &[("name", name.into())]),
        ServiceError::Paste(p) => paste(p),
        ServiceError::Graph(g) => t_args("error-graph", &[("detail", g.to_string().into())]),
        ServiceError::Internal(detail) => t_args("error-internal", &[("detail", detail.into())]),
        other => other.to_string(),
    }
}

pub fn paste(e: &PasteError) -> String {
    match e {
        PasteError::Empty => t("paste-empty"),
        PasteError::LoginCancelled(why) => {
            t_args("paste-login-cancelled", &[("detail", why.into())])
        }
        PasteError::UrlWithoutToken => t("paste-url-without-token"),
        PasteError::JsonWithoutToken => t("paste-json-without-token"),
        PasteError::NotAToken(why) => t_args("paste-not-a-token", &[("detail", (*why).into())]),
    }
}

/// "tokenwarden: <sentence>", the way every command reports a failure on standard error.
pub fn prefixed(sentence: &str) -> String {
    t_args("error-prefix", &[("sentence", sentence.into())])
}

#[cfg(test)]
mod tests {
    use super::super::locale::{Lang, with_lang};
    use super::*;

    #[test]
    fn english_error_sentences_are_the_services() {
        for e in [
            ServiceError::NotFound("Acme".into()),
            ServiceError::Paste(PasteError::Empty),
            ServiceError::Paste(PasteError::NotAToken("too short")),
            ServiceError::Internal("boom".into()),
        ] {
            assert_eq!(with_lang(Lang::En, || error(&e)), e.to_string());
        }
        let es = with_lang(Lang::Es, || error(&ServiceError::NotFound("Acme".into())));
        assert!(es.starts_with("Ningún canal"), "{es}");
    }
}
