//! `--help` in the user's language: the about text of every command and the help of every
//! argument come from words (`help-…` messages), whose English is the doc comments' own text
//! (a test keeps them equal). Clap's own words ("Usage:", "Options:") and the parse errors people
//! meet (an unknown flag or command, a missing argument, a wrong value) are phrased too; clap's
//! exit code 2 stays.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command};

use crate::words::{Lang, lang, t, t_args};

/// The message id of a command's about text (`help-list`) or of one of its arguments
/// (`help-list-arg-json`); the root command is `help-root`.
fn id(path: &str, arg: Option<&str>) -> String {
    let path = if path.is_empty() { "root" } else { path };
    match arg {
        Some(a) => format!("help-{path}-arg-{}", a.replace('_', "-")),
        None => format!("help-{path}"),
    }
}

/// Every (message id, English text) pair the help shows, from the doc comments.
pub fn texts(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(cmd, "", &mut out);
    out
}

fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    if let Some(about) = cmd.get_about() {
        out.push((id(path, None), about.to_string()));
    }
    if path.is_empty()
        && let Some(after) = cmd.get_after_help()
    {
        out.push(("help-root-after".into(), after.to_string()));
    }
    // Clap's own help and version flags are phrased apart (`help-flag-…`).
    let ours = |a: &&Arg| !matches!(a.get_id().as_str(), "help" | "version");
    for arg in cmd.get_arguments().filter(ours) {
        if let Some(help) = arg.get_help() {
            out.push((id(path, Some(arg.get_id().as_str())), help.to_string()));
        }
    }
    for sub in cmd.get_subcommands() {
        let sub_path = if path.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{path}-{}", sub.get_name())
        };
        walk(sub, &sub_path, out);
    }
}

/// The command line's help in the current language (English as written in the code).
pub fn localized(cmd: Command) -> Command {
    if lang() == Lang::En {
        return cmd;
    }
    translate(cmd, "")
}

/// Clap wants headings for the whole run (`&'static str` without its `string` feature); the help
/// is built once per process, so these few words are simply kept.
fn once(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn translate(mut cmd: Command, path: &str) -> Command {
    // Clap's own template and headings, which it would write in English.
    cmd = cmd
        .help_template(t("help-template"))
        .subcommand_help_heading(once(t("help-heading-commands")));
    // In place: `mut_arg` would move each changed argument to the end, and positional
    // arguments take their order from that list (Spanish `rename A B` would rename B).
    let arguments = once(t("help-heading-arguments"));
    let options = once(t("help-heading-options"));
    cmd = cmd.mut_args(|arg| {
        let heading = if arg.is_positional() {
            arguments
        } else {
            options
        };
        let arg = arg.help_heading(heading);
        if arg.get_help().is_some() {
            let text = t(&id(path, Some(arg.get_id().as_str())));
            arg.help(text).long_help(None)
        } else {
            arg
        }
    });
    if cmd.get_about().is_some() {
        cmd = cmd.about(t(&id(path, None))).long_about(None);
    }
    if path.is_empty() && cmd.get_after_help().is_some() {
        cmd = cmd.after_help(t("help-root-after"));
    }
    // Clap's help and version flags, in words (added after the loop above: they have theirs).
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(t("help-flag-help"))
            .help_heading(once(t("help-heading-options"))),
    );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("help-flag-version"))
                .help_heading(once(t("help-heading-options"))),
        );
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(name, |sub| translate(sub, &sub_path));
    }
    cmd
}

/// Parses the process's arguments with `cmd` (already `localized`); a parse error is printed in
/// the user's language and ends the process with clap's exit code 2, as clap would.
pub fn matches_or_exit(cmd: Command) -> ArgMatches {
    cmd.try_get_matches().unwrap_or_else(|e| exit(e))
}

/// Prints a parse error (or the help and version clap reports as one) and exits.
pub fn exit(e: clap::Error) -> ! {
    match phrase_error(&e) {
        Some(text) => {
            eprint!("{text}");
            std::process::exit(e.exit_code())
        }
        None => e.exit(),
    }
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    }
}

/// A parse error in the current language; `None` for English, for help and version output, and
/// for kinds nobody meets in practice (clap's English stays for those).
pub fn phrase_error(e: &clap::Error) -> Option<String> {
    if lang() == Lang::En {
        return None;
    }
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let command = string(e, ContextKind::InvalidSubcommand).unwrap_or_default();
    let sentence = match e.kind() {
        ErrorKind::UnknownArgument => t_args("clap-unknown-argument", &[("arg", arg.into())]),
        ErrorKind::MissingRequiredArgument => {
            t_args("clap-missing-argument", &[("args", arg.into())])
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            t_args("clap-value-missing", &[("arg", arg.into())])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut s = t_args(
                "clap-invalid-value",
                &[("arg", arg.into()), ("value", value.into())],
            );
            if let Some(valid) = string(e, ContextKind::ValidValue) {
                s.push_str(&t_args("clap-possible-values", &[("values", valid.into())]));
            }
            s
        }
        ErrorKind::InvalidSubcommand => {
            t_args("clap-unknown-subcommand", &[("command", command.into())])
        }
        ErrorKind::MissingSubcommand => {
            t_args("clap-missing-subcommand", &[("command", command.into())])
        }
        _ => return None,
    };
    let mut out = t_args("clap-error", &[("sentence", sentence.into())]);
    let quoted = |kind| match e.get(kind)? {
        ContextValue::String(s) => Some(format!("'{s}'")),
        ContextValue::Strings(v) if !v.is_empty() => Some(
            v.iter()
                .map(|s| format!("'{s}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let suggested = quoted(ContextKind::SuggestedSubcommand)
        .or_else(|| quoted(ContextKind::SuggestedArg))
        .or_else(|| quoted(ContextKind::SuggestedValue));
    if let Some(similar) = suggested {
        out.push_str("\n\n  ");
        out.push_str(&t_args("clap-did-you-mean", &[("similar", similar.into())]));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str("\n\n");
        out.push_str(&t_args("clap-usage", &[("usage", usage.into())]));
    }
    out.push_str("\n\n");
    out.push_str(&t("clap-more-information"));
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// The English messages are the doc comments word for word, and every help text has one
    /// (the completeness test then asks the same of Spanish).
    #[test]
    fn every_help_text_has_its_message_and_the_english_is_the_doc_comment() {
        let texts = texts(&Cli::command());
        assert!(texts.len() > 40, "{}", texts.len());
        for (id, english) in texts {
            let said = crate::words::bundle_phrase_en(&id);
            assert_eq!(said, english.replace('\n', " "), "{id}");
        }
    }

    #[test]
    fn spanish_help_replaces_every_text() {
        let es = crate::words::locale::with_lang(Lang::Es, || localized(Cli::command()));
        let texts = texts(&es);
        assert!(texts.iter().any(|(_, t)| t.starts_with("Mantiene vivos")));
        for (id, text) in texts {
            assert_eq!(
                text,
                crate::words::locale::with_lang(Lang::Es, || t(&id)),
                "{id}"
            );
        }
    }

    #[test]
    fn spanish_help_keeps_the_order_of_positional_arguments() {
        let es = crate::words::locale::with_lang(Lang::Es, || localized(Cli::command()));
        let m = es
            .try_get_matches_from(["tokenwarden", "rename", "Acme Shoes", "Acme Books"])
            .expect("parses");
        let (_, rename) = m.subcommand().expect("rename");
        assert_eq!(
            rename.get_one::<String>("channel").map(String::as_str),
            Some("Acme Shoes")
        );
        assert_eq!(
            rename.get_one::<String>("new_name").map(String::as_str),
            Some("Acme Books")
        );
    }

    #[test]
    fn parse_errors_speak_spanish_and_english_is_clap_s_own() {
        let parse = |args: &[&str]| {
            let cmd = localized(Cli::command());
            cmd.try_get_matches_from(args).unwrap_err()
        };
        let es = |args: &[&str]| {
            crate::words::locale::with_lang(Lang::Es, || {
                let e = parse(args);
                (e.exit_code(), phrase_error(&e).expect("phrased"))
            })
        };
        let (code, text) = es(&["tokenwarden", "list", "--frobnicate"]);
        assert_eq!(code, 2);
        assert!(
            text.starts_with("error: argumento inesperado '--frobnicate'"),
            "{text}"
        );
        assert!(text.contains("Uso: tokenwarden list"), "{text}");
        assert!(text.contains("pruebe '--help'"), "{text}");
        let (_, text) = es(&["tokenwarden", "lsit"]);
        assert!(text.contains("subcomando desconocido 'lsit'"), "{text}");
        assert!(
            text.contains("quizás quiso decir") && text.contains("'list'"),
            "{text}"
        );
        let (_, text) = es(&["tokenwarden", "rename"]);
        assert!(text.contains("faltan argumentos"), "{text}");
        let (_, text) = es(&["tokenwarden", "snooze", "x", "--days", "many"]);
        assert!(text.contains("valor no válido 'many'"), "{text}");
        let en = crate::words::locale::with_lang(Lang::En, || {
            phrase_error(&parse(&["tokenwarden", "list", "--frobnicate"]))
        });
        assert_eq!(en, None, "English is clap's own text");
    }
}
