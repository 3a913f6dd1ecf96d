//! Turning whatever a user pasted into a token, or a message that says what was expected.
//!
//! People paste tokens with spaces and newlines around them, in quotes, with a `Bearer ` prefix,
//! as the whole `login_success.html#access_token=…` URL, or as the JSON body of a token response.
//! All of those are accepted; anything else is refused with a message and changes nothing.

use super::secret::Secret;

/// Where in the pasted text the token was found; shown as live feedback while typing
/// (`words::errors::paste_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteSource {
    Plain,
    Bearer,
    RedirectUrl,
    Json,
}

#[derive(Debug, Clone)]
pub struct PastedToken {
    pub token: Secret,
    pub source: PasteSource,
    /// `expires_in` seconds when the pasted URL or JSON carried it.
    pub expires_in: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasteError {
    #[error("Nothing was pasted. Paste the access token (it usually starts with \"EAA\").")]
    Empty,
    #[error(
        "The login was cancelled or refused on Facebook ({0}), so there is no token in this link. Log in again and allow the requested permissions."
    )]
    LoginCancelled(String),
    #[error(
        "This link has no access token in it. Paste the token itself, or the whole address the browser showed after logging in (it contains \"#access_token=\")."
    )]
    UrlWithoutToken,
    #[error(
        "This JSON has no \"access_token\" field. Paste the token itself or the whole response that contains it."
    )]
    JsonWithoutToken,
    #[error(
        "This does not look like an access token: {0}. Paste the token only — a long run of letters and digits that usually starts with \"EAA\"."
    )]
    NotAToken(&'static str),
}

/// Shortest text we take for a token. Real Meta tokens are 100–250 characters.
const MIN_TOKEN_LEN: usize = 32;

pub fn parse_pasted_token(input: &str) -> Result<PastedToken, PasteError> {
    let text = trim_wrapping(input);
    if text.is_empty() {
        return Err(PasteError::Empty);
    }
    if text.starts_with('{') {
        return parse_json(text);
    }
    if text.starts_with("http://") || text.starts_with("https://") || text.contains("access_token=")
    {
        return parse_url(text);
    }
    let (candidate, source) = match strip_prefix_ci(text, "bearer ") {
        Some(rest) => (trim_wrapping(rest), PasteSource::Bearer),
        None => (text, PasteSource::Plain),
    };
    check_token_text(candidate)?;
    Ok(PastedToken {
        token: Secret::new(candidate),
        source,
        expires_in: None,
    })
}

/// Strips whitespace and one layer of matching quotes (straight or typographic), repeatedly.
fn trim_wrapping(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let stripped = [
            ('"', '"'),
            ('\'', '\''),
            ('“', '”'),
            ('‘', '’'),
            ('`', '`'),
            ('<', '>'),
        ]
        .iter()
        .find_map(|(open, close)| t.strip_prefix(*open).and_then(|r| r.strip_suffix(*close)));
        match stripped {
            Some(inner) => t = inner.trim(),
            None => return t,
        }
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn check_token_text(t: &str) -> Result<(), PasteError> {
    if t.chars().any(char::is_whitespace) {
        return Err(PasteError::NotAToken(
            "it contains spaces or line breaks inside",
        ));
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '|' | '_' | '-' | '.' | '%'))
    {
        return Err(PasteError::NotAToken(
            "it contains characters a token never has",
        ));
    }
    if t.len() < MIN_TOKEN_LEN {
        return Err(PasteError::NotAToken("it is far too short"));
    }
    Ok(())
}

fn parse_url(text: &str) -> Result<PastedToken, PasteError> {
    // The token sits in the fragment (`#access_token=`) or the query (`?access_token=`).
    let params = text
        .split(['#', '?', '&'])
        .skip(1)
        .filter_map(|kv| kv.split_once('='));
    let mut token = None;
    let mut expires_in = None;
    let mut error = None;
    for (k, v) in params {
        let v = url_decode(v);
        match k {
            "access_token" => token = Some(v),
            "expires_in" => expires_in = v.parse().ok(),
            "error_reason" | "error" if error.is_none() => error = Some(v),
            _ => {}
        }
    }
    match (token, error) {
        (Some(t), _) => {
            let t = trim_wrapping(&t).to_string();
            check_token_text(&t)?;
            Ok(PastedToken {
                token: Secret::new(t),
                source: PasteSource::RedirectUrl,
                expires_in,
            })
        }
        (None, Some(e)) => Err(PasteError::LoginCancelled(super::text::inert_max(&e, 80))),
        (None, None) => Err(PasteError::UrlWithoutToken),
    }
}

fn url_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn parse_json(text: &str) -> Result<PastedToken, PasteError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|_| PasteError::NotAToken("it starts like JSON but is not complete JSON"))?;
    // Accept both a bare token response and one wrapped in `data` (as some tools print it).
    let obj = value
        .get("access_token")
        .map(|_| &value)
        .or_else(|| {
            value
                .get("data")
                .filter(|d| d.get("access_token").is_some())
        })
        .ok_or(PasteError::JsonWithoutToken)?;
    let token = obj
        .get("access_token")
        .and_then(|t| t.as_str())
        .ok_or(PasteError::JsonWithoutToken)?
        .trim();
    check_token_text(token)?;
    let expires_in = obj.get("expires_in").and_then(|e| {
        e.as_i64()
            .or_else(|| e.as_str().and_then(|s| s.parse().ok()))
    });
    Ok(PastedToken {
        token: Secret::new(token),
        source: PasteSource::Json,
        expires_in,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "EAAGm0PX4ZCpsBAKZAbcdefghijklmnopqrstuvwxyz0123456789";

    fn ok(input: &str) -> PastedToken {
        parse_pasted_token(input).unwrap_or_else(|e| panic!("{input:?} refused: {e}"))
    }

    #[test]
    fn accepts_the_ways_people_paste_a_token() {
        for input in [
            T.to_string(),
            format!("  {T}\n"),
            format!("\"{T}\""),
            format!("'{T}'"),
            format!("“{T}”"),
            format!("Bearer {T}"),
            format!("bearer   {T}\r\n"),
            format!(
                "https://www.facebook.com/connect/login_success.html#access_token={T}&expires_in=5183944"
            ),
            format!("https://example.com/cb?state=x&access_token={T}"),
            format!(
                "{{\"access_token\":\"{T}\",\"token_type\":\"bearer\",\"expires_in\":5183944}}"
            ),
            format!("{{\"data\":{{\"access_token\":\"{T}\"}}}}"),
        ] {
            assert_eq!(ok(&input).token.expose(), T, "{input:?}");
        }
    }

    #[test]
    fn says_where_the_token_was_found() {
        assert_eq!(ok(T).source, PasteSource::Plain);
        let url = ok(&format!(
            "https://www.facebook.com/connect/login_success.html#access_token={T}&expires_in=3600"
        ));
        assert_eq!(url.source, PasteSource::RedirectUrl);
        assert_eq!(url.expires_in, Some(3600));
        assert_eq!(ok(&format!("Bearer {T}")).source, PasteSource::Bearer);
    }

    #[test]
    fn refuses_garbage_with_a_message() {
        assert!(matches!(
            parse_pasted_token("   \n"),
            Err(PasteError::Empty)
        ));
        for bad in [
            "hello world",
            "abc",
            "EAAB token with spaces in the middle of it all right",
            "{\"error\":{\"message\":\"nope\"}}",
            "{\"access_token\":",
            "https://www.facebook.com/connect/login_success.html",
            "<html><body>502 Bad Gateway</body></html>",
        ] {
            let err = parse_pasted_token(bad).expect_err(bad);
            assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn a_cancelled_login_link_says_so() {
        let e = parse_pasted_token(
            "https://www.facebook.com/connect/login_success.html?error_reason=user_denied&error=access_denied&error_description=Permissions+error.",
        )
        .unwrap_err();
        assert!(
            matches!(e, PasteError::LoginCancelled(ref r) if r == "user_denied"),
            "{e:?}"
        );
    }
}
