//! Every «…» quote of the policy in the crate's sources and README occurs in the policy text.
//!
//! The policy text is `docs/policy/parametros-del-servicio.txt` in the repository (a copy of
//! `../shared/policy/parametros-del-servicio.txt`; when that file exists beside the repository,
//! the copy must equal it). A quote matches when, whitespace-normalized, its pieces between
//! gaps (`[…]` or `…`) occur in the text in order. In `.rs` files a quote may run over several
//! comment lines (`///`, `//!`, `//`, `> ` prefixes) or string lines (a `\` line continuation).

use std::path::{Path, PathBuf};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The policy text the repository carries.
fn policy_text() -> String {
    let path = manifest_dir().join("docs/policy/parametros-del-servicio.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

#[test]
fn the_copy_of_the_policy_equals_the_shared_one_when_it_is_beside_the_repository() {
    let shared = manifest_dir().join("../shared/policy/parametros-del-servicio.txt");
    match std::fs::read_to_string(&shared) {
        Ok(text) => assert!(
            text == policy_text(),
            "docs/policy/parametros-del-servicio.txt differs from {}: copy it again",
            shared.display()
        ),
        // A newcomer's clone without shared/ beside it: the repository's copy is the text.
        Err(error) => assert_eq!(error.kind(), std::io::ErrorKind::NotFound, "{error}"),
    }
}

/// Words separated by single spaces.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a `.rs` file with comment prefixes and string line continuations removed, so a
/// quote spread over lines reads as one.
fn unwrap_rust(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let mut rest = line.trim_start();
        for prefix in ["//!", "///", "//"] {
            if let Some(after) = rest.strip_prefix(prefix) {
                rest = after.trim_start();
                break;
            }
        }
        while let Some(after) = rest.strip_prefix('>') {
            rest = after.trim_start();
        }
        match rest.strip_suffix('\\') {
            Some(continued) => out.push_str(continued),
            None => out.push_str(rest),
        }
        out.push('\n');
    }
    out
}

/// The quotes of `text`: what lies between each `«` and the next `»`.
fn quotes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('«') {
        let after = &rest[open + '«'.len_utf8()..];
        let close = after
            .find('»')
            .unwrap_or_else(|| panic!("a « without its »: {:?}", &after[..after.len().min(80)]));
        found.push(normalize(&after[..close]));
        rest = &after[close + '»'.len_utf8()..];
    }
    found
}

/// The quote with each format placeholder of a Rust string (`{}`, `{quote}`, `{0:>8}`) made a
/// gap: its value is checked where it is defined.
fn placeholders_as_gaps(quote: &str) -> String {
    let mut out = String::new();
    let mut rest = quote;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        let name = inside.split(':').next().unwrap_or("");
        out.push_str(&rest[..open]);
        if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push('…');
        } else {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether `quote` occurs in `text` (both normalized), its pieces between gaps in order.
fn occurs(quote: &str, text: &str) -> bool {
    let quote = placeholders_as_gaps(quote);
    let mut from = 0;
    for piece in quote.split("[…]").flat_map(|p| p.split('…')) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        match text[from..].find(piece) {
            Some(at) => from += at + piece.len(),
            None => return false,
        }
    }
    true
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn every_quote_in_the_sources_and_readme_occurs_in_the_policy_text() {
    let text = normalize(&policy_text());
    let mut files = Vec::new();
    rust_files(&manifest_dir().join("src"), &mut files);
    files.sort();
    let mut sources: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let shown = path
                .strip_prefix(manifest_dir())
                .unwrap()
                .display()
                .to_string();
            (shown, unwrap_rust(&std::fs::read_to_string(path).unwrap()))
        })
        .collect();
    let readme = std::fs::read_to_string(manifest_dir().join("README.md")).unwrap();
    sources.push(("README.md".to_owned(), unwrap_rust(&readme)));
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (file, source) in &sources {
        for quote in quotes(source) {
            checked += 1;
            if !occurs(&quote, &text) {
                wrong.push(format!("{file}: «{quote}»"));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} quotes found: is the scan broken?"
    );
    assert!(
        wrong.is_empty(),
        "{} of {checked} quotes are not in the policy text:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_quote_with_words_dropped_needs_a_gap() {
    let text = normalize("aunque sí garantiza que realiza un seguimiento constante de la calidad");
    assert!(occurs(
        "sí garantiza que realiza un seguimiento constante",
        &text
    ));
    assert!(!occurs("IREO realiza un seguimiento constante", &text));
    assert!(occurs("garantiza […] seguimiento constante", &text));
    assert!(occurs("garantiza… seguimiento", &text));
    assert!(
        !occurs("seguimiento […] garantiza", &text),
        "pieces keep their order"
    );
    assert!(
        occurs("sí garantiza {quote} constante", &text),
        "a placeholder is a gap"
    );
    assert_eq!(
        quotes(&unwrap_rust(
            "/// > «una\n/// > frase» y «otra \\\n     más»"
        )),
        ["una frase", "otra más"]
    );
}
