//! `import`: JSON lines on standard input, one `{"name", "kind", "app", "page", "token"}` per
//! channel (the arguments of `add`; `app` and `page` optional). A line is never echoed: it may
//! hold a token, so a bad one is named by its number and what is wrong with it.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Map, Value};
use zeroize::Zeroizing;

use super::json::{self, ChannelJson, RefusalJson};
use super::{fail, input, open_service};
use crate::model::{ChannelKind, Secret, parse_pasted_token};
use crate::service::ServiceError;
use crate::service::import::{ImportItem, ImportOutcome, ImportRefusal};
use crate::words::{self, reasons, t, t_args};

/// Far more than any real import (a line is a few hundred bytes); more is a mistake.
const INPUT_LIMIT: usize = 32 * 1024 * 1024;
const FIELDS: [&str; 5] = ["name", "kind", "app", "page", "token"];

#[derive(Serialize)]
struct ImportJson {
    saved: Vec<SavedJson>,
    refused: Vec<RefusedJson>,
}

#[derive(Serialize)]
struct SavedJson {
    line: usize,
    #[serde(flatten)]
    channel: ChannelJson,
}

#[derive(Serialize)]
struct RefusedJson {
    line: usize,
    name: Option<String>,
    /// The exit code this line alone would give, the sentence and Meta's reasons.
    #[serde(flatten)]
    refusal: RefusalJson,
}

pub async fn import(profile: Option<PathBuf>, as_json: bool) -> i32 {
    let run = async {
        let (items, bad) = read_items()?;
        let service = open_service(profile)?;
        let mut outcome = service.import_channels(items).await?;
        outcome.refused.extend(bad);
        outcome.refused.sort_by_key(|r| r.line);
        Ok::<_, ServiceError>(outcome)
    };
    match run.await {
        Ok(outcome) => {
            print_outcome(&outcome, as_json);
            outcome.exit_code()
        }
        Err(e) => fail(&e),
    }
}

fn print_outcome(outcome: &ImportOutcome, as_json: bool) {
    if as_json {
        json::print(&ImportJson {
            saved: outcome
                .saved
                .iter()
                .map(|(line, view)| SavedJson {
                    line: *line,
                    channel: json::channel_json(view),
                })
                .collect(),
            refused: outcome.refused.iter().map(refused_json).collect(),
        });
        return;
    }
    for (line, view) in &outcome.saved {
        let h = view.diagnosis.health;
        println!(
            "{}",
            t_args(
                "import-saved",
                &[
                    ("line", (*line).into()),
                    ("name", format!("{:?}", view.channel.name).into()),
                    ("kind", reasons::kind(view.channel.kind).into()),
                    (
                        "health",
                        format!("{} {}", super::output::icon(h), reasons::health(h)).into()
                    ),
                ],
            )
        );
    }
    for r in &outcome.refused {
        let name = r
            .name
            .as_ref()
            .map(|n| format!(" ({n:?})"))
            .unwrap_or_default();
        super::output::eprint_error(&t_args(
            "import-refused",
            &[
                ("line", r.line.into()),
                ("name", name.into()),
                ("error", words::errors::error(&r.error).into()),
            ],
        ));
    }
    println!(
        "{}",
        t_args(
            "import-summary",
            &[
                ("saved", outcome.saved.len().into()),
                ("refused", outcome.refused.len().into()),
            ],
        )
    );
}

fn refused_json(r: &ImportRefusal) -> RefusedJson {
    RefusedJson {
        line: r.line,
        name: r.name.clone(),
        refusal: json::refusal_json(&r.error),
    }
}

/// The lines of standard input as items, and the lines that are not (numbered from 1; blank
/// lines are skipped).
fn read_items() -> Result<(Vec<ImportItem>, Vec<ImportRefusal>), ServiceError> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(ServiceError::said(t("import-needs-stdin")));
    }
    // Room for the limit up front, so growing the buffer leaves no stray copies of tokens.
    let mut all = Zeroizing::new(Vec::with_capacity(64 * 1024));
    stdin
        .lock()
        .take(INPUT_LIMIT as u64 + 1)
        .read_to_end(&mut all)
        .map_err(|e| {
            ServiceError::said(t_args(
                "input-stdin-unreadable",
                &[("detail", e.to_string().into())],
            ))
        })?;
    if all.len() > INPUT_LIMIT {
        return Err(ServiceError::said(t_args(
            "import-too-long",
            &[("mib", (INPUT_LIMIT / (1024 * 1024)).into())],
        )));
    }
    Ok(parse_lines(&all))
}

fn parse_lines(all: &[u8]) -> (Vec<ImportItem>, Vec<ImportRefusal>) {
    let (mut items, mut bad) = (Vec::new(), Vec::new());
    for (i, line) in all.split(|b| *b == b'\n').enumerate() {
        let line_no = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_line(line, line_no) {
            Ok(item) => items.push(item),
            Err((name, why)) => bad.push(ImportRefusal {
                line: line_no,
                name,
                error: why,
            }),
        }
    }
    (items, bad)
}

type LineError = (Option<String>, ServiceError);

fn parse_line(line: &[u8], line_no: usize) -> Result<ImportItem, LineError> {
    let usage =
        |name: Option<&str>, why: String| (name.map(str::to_string), ServiceError::said(why));
    if line.len() > input::STDIN_LIMIT {
        return Err(usage(
            None,
            t_args(
                "import-line-too-long",
                &[("kib", (input::STDIN_LIMIT / 1024).into())],
            ),
        ));
    }
    // serde_json's own messages may quote the value they stumbled on: only the column is told.
    let mut object: Map<String, Value> = match serde_json::from_slice(line) {
        Ok(Value::Object(o)) => o,
        Ok(_) => {
            return Err(usage(None, t("import-not-an-object")));
        }
        Err(e) => {
            return Err(usage(
                None,
                t_args("import-not-json", &[("column", e.column().into())]),
            ));
        }
    };
    let token = object.remove("token");
    let name = text_field(&mut object, "name");
    let name_ref = name.as_ref().ok().and_then(|n| n.as_deref());
    let result = (|| {
        if let Some(extra) = object.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            // A field name is the user's own label, not a value: safe to repeat, kept short.
            let extra: String = extra.chars().take(20).collect();
            return Err(t_args(
                "import-unknown-field",
                &[("field", format!("{extra:?}").into())],
            ));
        }
        let missing = |field: &str| t_args("import-missing-field", &[("field", field.into())]);
        let name = name.clone()?.ok_or_else(|| missing("name"))?;
        let kind = text_field(&mut object, "kind")?.ok_or_else(|| missing("kind"))?;
        let kind = ChannelKind::from_code(kind.trim()).ok_or_else(|| {
            t_args(
                "import-unknown-kind",
                &[(
                    "kinds",
                    ChannelKind::ALL.map(|k| k.code()).join(", ").into(),
                )],
            )
        })?;
        let app = id_field(&mut object, "app")?;
        let page = id_field(&mut object, "page")?;
        let token = match token {
            Some(Value::String(t)) => Secret::new(t),
            Some(_) => return Err(not_a_string("token")),
            None => return Err(missing("token")),
        };
        Ok((name, kind, app, page, token))
    })();
    let (name, kind, app, page, token) = result.map_err(|why: String| usage(name_ref, why))?;
    let token = parse_pasted_token(token.expose())
        .map_err(|e| (Some(name.clone()), ServiceError::Paste(e)))?
        .token;
    Ok(ImportItem {
        line: line_no,
        name,
        kind,
        app,
        page,
        token,
    })
}

/// A string field; `Ok(None)` when absent or null.
fn text_field(object: &mut Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    match object.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(not_a_string(field)),
    }
}

fn not_a_string(field: &str) -> String {
    t_args("import-not-a-string", &[("field", field.into())])
}

/// An id field (app, page): a string of digits or a whole number.
fn id_field(object: &mut Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    let id = match object.remove(field) {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) if n.is_u64() => n.to_string(),
        Some(_) => return Err(t_args("import-not-an-id", &[("field", field.into())])),
    };
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit()) {
        return Err(t_args("import-not-digits", &[("field", field.into())]));
    }
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(input: &str) -> Vec<(usize, String)> {
        parse_lines(input.as_bytes())
            .1
            .into_iter()
            .map(|r| (r.line, r.error.to_string()))
            .collect()
    }

    #[test]
    fn good_lines_become_items_and_blank_lines_are_skipped() {
        let input = "{\"name\":\"A\",\"kind\":\"messenger\",\"app\":\"111\",\"token\":\"EAABtoken1token1token1token1token1token1\"}\n\n\
                     {\"name\":\"B\",\"kind\":\"whatsapp\",\"app\":111,\"page\":\"700\",\"token\":\"Bearer EAABtoken2token2token2token2token2token2\"}\n";
        let (items, bad) = parse_lines(input.as_bytes());
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(items.len(), 2);
        assert_eq!((items[0].line, items[1].line), (1, 3));
        assert_eq!(items[1].app.as_deref(), Some("111"));
        assert_eq!(items[1].page.as_deref(), Some("700"));
        assert_eq!(
            items[1].token.expose(),
            "EAABtoken2token2token2token2token2token2"
        );
    }

    #[test]
    fn a_bad_line_is_named_by_number_and_never_echoed() {
        let secret = "EAABsecretsecret";
        let input = format!(
            "{{\"name\":\"A\",\"kind\":\"messenger\",\"token\":\"{secret}\"\n\
             {{\"name\":\"B\",\"kind\":\"{secret}\",\"token\":\"{secret}\"}}\n\
             {{\"name\":\"C\",\"kind\":\"messenger\",\"token\":5}}\n\
             {{\"name\":\"D\",\"kind\":\"messenger\",\"app\":\"{secret}\",\"token\":\"{secret}\"}}\n\
             [\"{secret}\"]\n\
             {{\"name\":\"F\",\"kind\":\"messenger\"}}\n"
        );
        let got = messages(&input);
        assert_eq!(
            got.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        for (_, m) in &got {
            assert!(!m.contains(secret), "{m}");
        }
        assert!(got[0].1.contains("not valid JSON"), "{}", got[0].1);
        assert!(got[1].1.contains("unknown kind"), "{}", got[1].1);
        assert!(
            got[2].1.contains("\"token\" must be a string"),
            "{}",
            got[2].1
        );
        assert!(got[5].1.contains("no \"token\""), "{}", got[5].1);
    }
}
