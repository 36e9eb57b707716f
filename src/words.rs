//! Private helpers for parsing the words users type.

/// Trims `input` and lowercases it (Unicode, so `ESTÁNDAR` matches `estándar`), for
/// case-insensitive matching of vocabulary.
pub(crate) fn normalize(input: &str) -> String {
    input.trim().to_lowercase()
}
