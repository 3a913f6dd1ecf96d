//! Network and server faults the simulator can inject into Graph calls (never into `/__sim/`).

use std::collections::VecDeque;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use tokio_util::sync::CancellationToken;

use super::errors::GraphError;

/// A fault to inject; see [`super::SimControl::set_fault`] and [`super::SimControl::fail_next`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Delay, then answer normally.
    Latency(Duration),
    /// HTTP 502 or 503 with Facebook's HTML error page (`text/html`).
    ServerErrorHtml,
    /// HTTP 200, `application/json`, the real answer cut off in the middle.
    TruncatedJson,
    /// HTTP 400 with the rate-limit error `code` (4, 17, 32, 613, 80001, 80006, …) and usage
    /// headers saying the limit is reached.
    RateLimited { code: i64 },
    /// Never answer (the request sleeps ~10 minutes): the client's timeout has to fire.
    Hang,
    /// HTTP 302 to another path of the simulator ([`REDIRECT_TARGET`] + the same URI) that
    /// answers the request normally: a client that follows redirects would not notice.
    Redirect,
    /// HTTP 200, `application/json`, `Content-Length` of 300 MB, made as it is sent (never held
    /// in memory): a client must refuse to read it all.
    HugeBody,
    /// HTTP 200, `application/json`, a body that never ends (until the client hangs up or the
    /// simulator stops).
    EndlessBody,
    /// Answer requests whose path ends with `path` (e.g. `"debug_token"`) with `status` and
    /// this exact JSON `body`, instead of the real answer: odd shapes Meta might send (`{"data":{}}`,
    /// `"is_valid":"true"`…). Other paths are answered normally; as a `fail_next` fault each
    /// request still uses up one of the budget, so arm it with `set_fault`.
    Answer {
        path: String,
        status: u16,
        body: String,
    },
}

/// Which faults are armed: first the one-shot queue of `fail_next`, then the standing fault.
#[derive(Debug, Default)]
pub(crate) struct FaultState {
    standing: Option<Fault>,
    next: VecDeque<(u32, Fault)>,
}

impl FaultState {
    pub fn set(&mut self, fault: Fault) {
        self.standing = Some(fault);
    }

    pub fn fail_next(&mut self, n: u32, fault: Fault) {
        if n > 0 {
            self.next.push_back((n, fault));
        }
    }

    pub fn clear(&mut self) {
        self.standing = None;
        self.next.clear();
    }

    /// The fault for the request being served now, using up one of the `fail_next` budget.
    pub fn take(&mut self) -> Option<Fault> {
        if let Some((left, fault)) = self.next.front_mut() {
            let fault = fault.clone();
            *left -= 1;
            if *left == 0 {
                self.next.pop_front();
            }
            return Some(fault);
        }
        self.standing.clone()
    }
}

/// How long `Hang` keeps a request open: far longer than any client timeout.
pub(crate) const HANG: Duration = Duration::from_secs(600);

/// The page Facebook's edge serves when the backend is down.
pub(crate) fn server_error_html(status: StatusCode) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en" id="facebook">
<head>
<meta charset="utf-8" />
<title>Facebook | Error</title>
<meta name="robots" content="noindex,nofollow" />
<style>html,body{{margin:0;padding:0;font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;color:#1c1e21}}.core{{margin:120px auto;width:500px;text-align:center}}h1{{font-size:24px}}</style>
</head>
<body>
<div class="core">
<h1>Sorry, something went wrong.</h1>
<p>We're working on it and we'll get it fixed as soon as we can.</p>
<p><a href="https://www.facebook.com/">Go Back</a></p>
<p style="color:#90949c;font-size:12px">Facebook &copy; 2026 &middot; Error {code}</p>
</div>
</body>
</html>
"#,
        code = status.as_u16()
    )
}

/// Meta's wording of the rate-limit errors (§2).
pub(crate) fn rate_limit_error(code: i64) -> GraphError {
    let message = match code {
        4 => "(#4) Application request limit reached".to_string(),
        17 => "(#17) User request limit reached".to_string(),
        32 => "(#32) Page request limit reached".to_string(),
        613 => "(#613) Calls to this api have exceeded the rate limit.".to_string(),
        80006 => "(#80006) There have been too many messaging requests to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.".to_string(),
        c if (80000..81000).contains(&c) => format!(
            "(#{c}) There have been too many calls to this {} account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
            if c == 80002 { "Instagram" } else if c == 80008 { "WhatsApp Business" } else { "Page" }
        ),
        c => format!("(#{c}) Calls to this api have exceeded the rate limit."),
    };
    let mut e = GraphError::new(code, message);
    if code == 613 {
        e = e.with_subcode(1996);
    }
    e
}

/// The BUC `type` a business-use-case code belongs to.
fn buc_type(code: i64) -> &'static str {
    match code {
        80000 => "ads_insights",
        80002 => "instagram",
        80003 => "custom_audience",
        80004 => "ads_management",
        80005 => "leadgen",
        80006 => "messenger",
        80008 => "whatsapp_business_management",
        _ => "pages",
    }
}

/// Usage headers that go with a rate-limit error: `X-App-Usage` at 100 %, and for the
/// business-use-case codes (800xx) `X-Business-Use-Case-Usage` with 7 minutes to wait.
pub(crate) fn rate_limit_headers(code: i64, business_object: &str) -> HeaderMap {
    let mut h = HeaderMap::new();
    let app = json!({"call_count": 100, "total_cputime": 36, "total_time": 41});
    super::request::set_header(&mut h, "x-app-usage", &app.to_string());
    if (80000..81000).contains(&code) {
        let buc = json!({ business_object: [{
            "type": buc_type(code),
            "call_count": 100,
            "total_cputime": 28,
            "total_time": 33,
            "estimated_time_to_regain_access": 7
        }]});
        super::request::set_header(&mut h, "x-business-use-case-usage", &buc.to_string());
    }
    h
}

/// Cuts a JSON body in the middle (on a character boundary) so it no longer parses.
pub(crate) fn truncate_json(body: &str) -> String {
    let mut cut = (body.len() / 2).max(1).min(body.len());
    while cut > 0 && !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let out = &body[..cut];
    // A one-character answer like "{" could only appear for tiny bodies; make sure it is broken.
    if out.is_empty() {
        "{\"data\":[{".into()
    } else {
        out.to_string()
    }
}

/// Where `Fault::Redirect` sends a request; faults never apply to requests under it.
pub(crate) const REDIRECT_TARGET: &str = "/__sim/redirected";

/// `Fault::HugeBody`'s size.
pub(crate) const HUGE_BODY_BYTES: u64 = 300 * 1024 * 1024;

/// One piece of a made-up body: JSON whitespace, so it is never complete JSON.
static FILLER: [u8; 64 * 1024] = [b' '; 64 * 1024];

pub(crate) fn redirect(uri: &Uri, mut headers: HeaderMap) -> Response {
    let target = format!("{REDIRECT_TARGET}{uri}");
    super::request::set_header(&mut headers, "location", &target);
    (StatusCode::FOUND, headers).into_response()
}

fn json_stream(mut headers: HeaderMap, body: Body) -> Response {
    super::request::set_header(
        &mut headers,
        "content-type",
        "application/json; charset=UTF-8",
    );
    (StatusCode::OK, headers, body).into_response()
}

pub(crate) fn huge_body(mut headers: HeaderMap) -> Response {
    super::request::set_header(&mut headers, "content-length", &HUGE_BODY_BYTES.to_string());
    let chunks = futures_util::stream::unfold(HUGE_BODY_BYTES, |left| async move {
        (left > 0).then(|| {
            let n = left.min(FILLER.len() as u64);
            // n <= FILLER.len(), so the cast cannot truncate.
            let chunk = Bytes::from_static(&FILLER[..n as usize]);
            (Ok::<_, std::io::Error>(chunk), left - n)
        })
    });
    json_stream(headers, Body::from_stream(chunks))
}

pub(crate) fn endless_body(headers: HeaderMap, cancel: CancellationToken) -> Response {
    let chunks = futures_util::stream::unfold(cancel, |cancel| async move {
        (!cancel.is_cancelled()).then(|| {
            let chunk = Bytes::from_static(&FILLER);
            (Ok::<_, std::io::Error>(chunk), cancel)
        })
    });
    json_stream(headers, Body::from_stream(chunks))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fail_next_runs_out_then_the_standing_fault_applies() {
        let mut f = FaultState::default();
        assert_eq!(f.take(), None);
        f.set(Fault::TruncatedJson);
        f.fail_next(2, Fault::Hang);
        assert_eq!(f.take(), Some(Fault::Hang));
        assert_eq!(f.take(), Some(Fault::Hang));
        assert_eq!(f.take(), Some(Fault::TruncatedJson));
        f.clear();
        assert_eq!(f.take(), None);
    }

    #[test]
    fn truncated_json_does_not_parse() {
        let body = r#"{"data":{"is_valid":true,"scopes":["a","b"]}}"#;
        let cut = truncate_json(body);
        assert!(serde_json::from_str::<serde_json::Value>(&cut).is_err());
        assert!(body.starts_with(&cut));
    }

    #[test]
    fn buc_header_for_800xx_only() {
        let h = rate_limit_headers(80001, "500001");
        let v: serde_json::Value =
            serde_json::from_str(h["x-business-use-case-usage"].to_str().unwrap()).unwrap();
        assert_eq!(v["500001"][0]["estimated_time_to_regain_access"], 7);
        assert!(
            rate_limit_headers(4, "x")
                .get("x-business-use-case-usage")
                .is_none()
        );
    }
}
