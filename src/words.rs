//! Private helpers for parsing the words users type.

/// Trims `input` and lowercases it (Unicode, so `ESTÁNDAR` matches `estándar`), for
/// case-insensitive matching of vocabulary.
pub(crate) fn normalize(input: &str) -> String {
    input.trim().to_lowercase()
}

/// The words of `all` joined by `, `, built once into `cell`: the `expected` list of an
/// [`Error::UnknownWord`](crate::Error::UnknownWord), derived from a type's `ALL` rather than
/// copied from it by hand.
pub(crate) fn list<T: Copy, const N: usize>(
    cell: &'static std::sync::OnceLock<String>,
    all: [T; N],
    word: fn(T) -> &'static str,
) -> &'static str {
    cell.get_or_init(|| all.map(word).join(", "))
}
