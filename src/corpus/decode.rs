//! Bytes to text: UTF-8 (with or without BOM), UTF-16 (LE/BE, with BOM or
//! detected from its zero bytes) and GB18030/GBK. Binary or undecodable input
//! is refused with a reason.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

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

/// Decodes a file's bytes to text, refusing binaries.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|s| (s, TextEncoding::Utf8));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE).map(|s| (s, TextEncoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE).map(|s| (s, TextEncoding::Utf16Be));
    }
    if let Some(encoding) = sniff_utf16(bytes) {
        let kind = if encoding == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return utf16(bytes, encoding).map(|s| (s, kind));
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => check_text(s.to_owned()).map(|s| (s, TextEncoding::Utf8)),
        Err(utf8_error) => GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(DecodeError::Undecodable(utf8_error.valid_up_to()))
            .and_then(|s| check_text(s.into_owned()))
            .map(|s| (s, TextEncoding::Gb18030)),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    std::str::from_utf8(bytes)
        .map_err(|e| DecodeError::Undecodable(e.valid_up_to() + 3))
        .and_then(|s| check_text(s.to_owned()))
}

fn utf16(bytes: &[u8], encoding: &'static Encoding) -> Result<String, DecodeError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(DecodeError::Undecodable(0))
        .and_then(|s| check_text(s.into_owned()))
}

/// UTF-16 without BOM: ASCII-range text has a zero in every other byte, and
/// CJK text never has zero bytes in GB18030 or UTF-8.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // Line breaks and spaces alone make at least a few percent of zero bytes.
    let decodes = |enc: &'static Encoding| {
        enc.decode_without_bom_handling_and_without_replacement(bytes)
            .is_some_and(|s| control_ratio(&s) < 0.01)
    };
    if odd_zero * 20 >= pairs && even_zero * 5 < odd_zero && decodes(UTF_16LE) {
        Some(UTF_16LE)
    } else if even_zero * 20 >= pairs && odd_zero * 5 < even_zero && decodes(UTF_16BE) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn control_ratio(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    control as f64 / total as f64
}

fn check_text(text: String) -> Result<String, DecodeError> {
    if control_ratio(&text) > 0.01 {
        Err(DecodeError::Binary("control characters"))
    } else {
        Ok(text)
    }
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
        let junk: Vec<u8> = (0..200u8).map(|i| 0x80 | (i % 3)).collect();
        assert!(decode(&junk).is_err());
    }
}
