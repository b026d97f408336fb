//! A stable 128-bit content hash (two FNV-1a 64 lanes), written as hex:
//! the same bytes give the same hash in every build and on every machine,
//! so hashes kept in the store stay comparable.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The hash of `bytes` as 32 hex digits.
pub fn hex(bytes: &[u8]) -> String {
    let mut a = OFFSET;
    let mut b = OFFSET ^ 0x9e37_79b9_7f4a_7c15;
    for &byte in bytes {
        a = (a ^ u64::from(byte)).wrapping_mul(PRIME);
        b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(PRIME);
    }
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_equal_hashes_and_one_byte_changes_it() {
        assert_eq!(hex("自贸动态".as_bytes()), hex("自贸动态".as_bytes()));
        assert_ne!(hex("自贸动态".as_bytes()), hex("自贸动念".as_bytes()));
        assert_eq!(hex(b"").len(), 32);
    }
}
