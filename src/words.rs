//! Private helpers for parsing the words users type.

/// Trims `input` and lowercases it (ASCII), for case-insensitive matching of vocabulary.
pub(crate) fn normalize(input: &str) -> String {
    input.trim().to_ascii_lowercase()
}
