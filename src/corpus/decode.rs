//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (LE/BE, with BOM or
//! detected from its zero bytes) and GB18030/GBK. Binary input is refused
//! with a reason; text with a few damaged bytes (a truncated file) or stray
//! control and invisible characters is read, with a warning that says where.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Why a file's bytes are not text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("looks like a binary file ({0}), not text")]
    Binary(&'static str),
    #[error("is neither UTF-8, UTF-16 nor GB18030 text (invalid byte sequence at byte {0})")]
    Undecodable(usize),
    #[error("is empty")]
    Empty,
}

/// The encoding a text was read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

/// Decoded text, the encoding it was read in, and what had to be repaired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    /// One line per repair, naming the byte or character offset.
    pub warnings: Vec<String>,
}

/// At most this share of damaged bytes is repaired; more is not text.
const MAX_DAMAGE: f64 = 0.001;
/// Control characters beyond this share (and count) mark a binary file.
const MAX_CONTROL_SHARE: f64 = 0.02;
const MAX_CONTROL_COUNT: usize = 8;

/// Decodes a file's bytes to text, refusing binaries.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeError> {
    decode_with_warnings(bytes).map(|d| (d.text, d.encoding))
}

/// Decodes a file's bytes to text, repairing what can be repaired and
/// saying so in `warnings`.
pub fn decode_with_warnings(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let (encoding, body, offset) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (TextEncoding::Utf8, rest, 3)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (TextEncoding::Utf16Le, rest, 2)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (TextEncoding::Utf16Be, rest, 2)
    } else if let Some(encoding) = sniff_utf16(bytes) {
        (encoding, bytes, 0)
    } else {
        if bytes.contains(&0) {
            return Err(DecodeError::Binary("contains NUL bytes"));
        }
        return clean(unlabelled(bytes)?);
    };
    let (text, damage) = lenient(body, encoding_of(encoding));
    let damage: Vec<usize> = damage.into_iter().map(|d| d + offset).collect();
    if damage.len() as f64 > (body.len() as f64 * MAX_DAMAGE).max(1.0) {
        return Err(DecodeError::Undecodable(damage[0]));
    }
    clean(Decoded {
        warnings: damage_warning(&damage).into_iter().collect(),
        text,
        encoding,
    })
}

/// Text without a BOM: UTF-8, else GB18030, each strict first; then the
/// one with fewer damaged bytes, if few enough.
fn unlabelled(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let decoded = |text: String, encoding, damage: &[usize]| Decoded {
        text,
        encoding,
        warnings: damage_warning(damage).into_iter().collect(),
    };
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(decoded(text.to_owned(), TextEncoding::Utf8, &[])),
        Err(e) => e.valid_up_to(),
    };
    let allowed = (bytes.len() as f64 * MAX_DAMAGE).max(1.0);
    let (utf8_text, utf8_damage) = lenient(bytes, UTF_8);
    // A UTF-8 file with a cut character: GB18030 would read it as mojibake.
    if utf8_damage.len() as f64 <= allowed {
        return Ok(decoded(utf8_text, TextEncoding::Utf8, &utf8_damage));
    }
    let (gb_text, gb_damage) = lenient(bytes, GB18030);
    if gb_damage.len() as f64 <= allowed {
        return Ok(decoded(gb_text, TextEncoding::Gb18030, &gb_damage));
    }
    Err(DecodeError::Undecodable(utf8_error))
}

fn encoding_of(encoding: TextEncoding) -> &'static Encoding {
    match encoding {
        TextEncoding::Utf8 => UTF_8,
        TextEncoding::Utf16Le => UTF_16LE,
        TextEncoding::Utf16Be => UTF_16BE,
        TextEncoding::Gb18030 => GB18030,
    }
}

/// Decodes with U+FFFD for each malformed sequence; returns the text and
/// the byte offset of each malformed sequence.
fn lenient(bytes: &[u8], encoding: &'static Encoding) -> (String, Vec<usize>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let mut damage = Vec::new();
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(bytes.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                damage.push(read - usize::from(after) - usize::from(bad));
                text.push('\u{fffd}');
            }
        }
    }
    (text, damage)
}

fn damage_warning(damage: &[usize]) -> Option<String> {
    let first = damage.first()?;
    Some(match damage.len() {
        1 => format!("1 invalid byte sequence at byte {first} replaced with U+FFFD"),
        n => format!("{n} invalid byte sequences replaced with U+FFFD (the first at byte {first})"),
    })
}

/// UTF-16 without BOM: ASCII-range text has a zero in every other byte, and
/// CJK text never has zero bytes in GB18030 or UTF-8.
fn sniff_utf16(bytes: &[u8]) -> Option<TextEncoding> {
    if bytes.len() < 4 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Line breaks and spaces alone make at least a few percent of zero bytes;
    // a binary with zeros in one column decodes to control characters.
    let reads_as_text = |encoding: TextEncoding| {
        let (text, _) = lenient(sample, encoding_of(encoding));
        let total = text.chars().count().max(1);
        text.chars().filter(|&c| is_stray_control(c)).count() * 100 < total
    };
    if odd_zero * 20 >= pairs && even_zero * 5 < odd_zero && reads_as_text(TextEncoding::Utf16Le) {
        Some(TextEncoding::Utf16Le)
    } else if even_zero * 20 >= pairs
        && odd_zero * 5 < even_zero
        && reads_as_text(TextEncoding::Utf16Be)
    {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// A control character that is not layout (line breaks, tabs, form feeds).
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')
}

/// Invisible characters that only get in the way of matching names:
/// zero-width spaces and joiners, direction marks and embeddings, a BOM
/// inside the text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Refuses binaries; removes stray control and invisible characters.
fn clean(mut decoded: Decoded) -> Result<Decoded, DecodeError> {
    let total = decoded.text.chars().count().max(1);
    let control = decoded
        .text
        .chars()
        .filter(|&c| is_stray_control(c))
        .count();
    if control > MAX_CONTROL_COUNT && control as f64 > total as f64 * MAX_CONTROL_SHARE {
        return Err(DecodeError::Binary("control characters"));
    }
    let first = decoded
        .text
        .chars()
        .position(|c| is_stray_control(c) || is_invisible(c));
    if let Some(first) = first {
        let before = decoded.text.chars().count();
        decoded
            .text
            .retain(|c| !is_stray_control(c) && !is_invisible(c));
        let removed = before - decoded.text.chars().count();
        decoded.warnings.push(format!(
            "removed {removed} control or invisible character(s) (the first at character {first})"
        ));
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "自贸动态\n\n第 245 期\n\n主办：省自贸办\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(
            decode(&with_bom).unwrap(),
            (SAMPLE.into(), TextEncoding::Utf8)
        );
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap().0, SAMPLE);
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode(SAMPLE);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(
            decode(&bytes).unwrap(),
            (SAMPLE.into(), TextEncoding::Gb18030)
        );
    }

    #[test]
    fn utf16_with_bom_and_sniffed() {
        let le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (SAMPLE.into(), TextEncoding::Utf16Le));
        assert_eq!(decode(&be).unwrap(), (SAMPLE.into(), TextEncoding::Utf16Be));
        let mut bom = vec![0xFF, 0xFE];
        bom.extend_from_slice(&le);
        assert_eq!(decode(&bom).unwrap().0, SAMPLE);
    }

    #[test]
    fn binaries_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
        assert!(matches!(decode(png), Err(DecodeError::Binary(_))));
        assert_eq!(decode(b"  \n"), Err(DecodeError::Empty));
        // 0xFF starts no character in UTF-8 or GB18030.
        let junk: Vec<u8> = (0..200u8)
            .map(|i| if i % 2 == 0 { 0xFF } else { 0x80 })
            .collect();
        assert_eq!(decode(&junk), Err(DecodeError::Undecodable(0)));
    }

    #[test]
    fn a_truncated_gb18030_file_is_read_with_a_warning() {
        let (bytes, _, _) = GB18030.encode("自贸动态第245期：哈尔滨片区");
        let cut = &bytes[..bytes.len() - 1];
        let decoded = decode_with_warnings(cut).unwrap();
        assert_eq!(decoded.encoding, TextEncoding::Gb18030);
        assert!(decoded.text.starts_with("自贸动态第245期：哈尔滨"));
        assert!(decoded.text.ends_with('\u{fffd}'));
        assert_eq!(
            decoded.warnings,
            vec![format!(
                "1 invalid byte sequence at byte {} replaced with U+FFFD",
                cut.len() - 1
            )]
        );
    }

    #[test]
    fn a_truncated_utf16_file_is_read_with_a_warning() {
        let mut le: Vec<u8> = SAMPLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        le.push(0x41);
        let decoded = decode_with_warnings(&le).unwrap();
        assert!(decoded.text.starts_with(SAMPLE));
        assert!(decoded.warnings[0].contains(&format!("at byte {}", le.len() - 1)));
    }

    #[test]
    fn a_utf8_file_with_one_cut_character_stays_utf8() {
        let text = SAMPLE.repeat(20);
        let mut bytes = text.as_bytes().to_vec();
        bytes.truncate(bytes.len() - 2);
        bytes.extend_from_slice("片区\n".as_bytes());
        let decoded = decode_with_warnings(&bytes).unwrap();
        assert_eq!(decoded.encoding, TextEncoding::Utf8);
        assert!(decoded.text.contains("主办：省自贸办"));
        assert_eq!(decoded.warnings.len(), 1);
    }

    #[test]
    fn stray_control_and_invisible_characters_are_removed() {
        let text = format!(
            "哈尔滨片区\u{7}推出\u{200f}“无感续证”\u{200b}改革\n{}",
            SAMPLE
        );
        let decoded = decode_with_warnings(text.as_bytes()).unwrap();
        assert!(decoded.text.starts_with("哈尔滨片区推出“无感续证”改革"));
        assert_eq!(
            decoded.warnings,
            vec!["removed 3 control or invisible character(s) (the first at character 5)"]
        );
    }
}
