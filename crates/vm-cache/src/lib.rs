//! `vm-cache`: the byte format behind `cachedData` / `createCachedData()`.
//!
//! ```text
//! magic      8 bytes  "BOAVMCD\0"
//! version    u16 LE   FORMAT_VERSION
//! identity   u16 LE length + UTF-8: engine identity (boa_engine version, vm-cache version,
//!            compile-relevant features)
//! kind       u8       1 script, 2 function, 3 module
//! source     u64 LE   hash of the exact source text
//! options    u64 LE   hash of the compile-relevant options
//! length     u32 LE   payload length (at most MAX_PAYLOAD)
//! payload    length bytes
//! checksum   u64 LE   hash of every byte before it
//! ```
//!
//! Reading never trusts the bytes: any mismatch or corruption is a [`Reject`] (Node's
//! `cachedDataRejected === true`) and the caller compiles normally. The reader never panics
//! and never allocates more than the input's own size.
#![warn(missing_docs)]

/// Format version; bump on any layout or payload meaning change.
pub const FORMAT_VERSION: u16 = 1;
/// The largest payload accepted (a cache larger than this is rejected unread).
pub const MAX_PAYLOAD: usize = 16 << 20;
const MAGIC: &[u8; 8] = b"BOAVMCD\0";

/// What was compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `vm.Script`.
    Script = 1,
    /// `vm.compileFunction`.
    Function = 2,
    /// `vm.SourceTextModule`.
    Module = 3,
}

/// Why cached data was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reject {
    /// Too short, wrong magic, or a length that runs past the end.
    #[error("not boavm cached data (truncated or wrong magic)")]
    Malformed,
    /// Produced by another format version.
    #[error("cached data format {0} is not {FORMAT_VERSION}")]
    Version(u16),
    /// Produced by another engine build.
    #[error("cached data from another engine build ({0})")]
    Engine(String),
    /// For another kind of compilation (script vs function vs module).
    #[error("cached data is for another kind of code")]
    Kind,
    /// For other source text.
    #[error("cached data is for other source text")]
    Source,
    /// For other compile options.
    #[error("cached data is for other compile options")]
    Options,
    /// The checksum does not match (corruption).
    #[error("cached data checksum mismatch")]
    Checksum,
    /// The payload is larger than [`MAX_PAYLOAD`].
    #[error("cached data payload too large")]
    TooLarge,
}

/// FNV-1a, 64 bits: stable across builds and platforms (std's hashers are not).
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Encodes a cache entry. `identity` names the engine build (see the module docs).
pub fn encode(
    identity: &str,
    kind: Kind,
    source: &str,
    options_hash: u64,
    payload: &[u8],
) -> Vec<u8> {
    let identity = &identity.as_bytes()[..identity.len().min(u16::MAX as usize)];
    let payload = &payload[..payload.len().min(MAX_PAYLOAD)];
    let mut out =
        Vec::with_capacity(8 + 2 + 2 + identity.len() + 1 + 8 + 8 + 4 + payload.len() + 8);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(identity.len() as u16).to_le_bytes());
    out.extend_from_slice(identity);
    out.push(kind as u8);
    out.extend_from_slice(&hash(source.as_bytes()).to_le_bytes());
    out.extend_from_slice(&options_hash.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(payload);
    let sum = hash(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Reject> {
        let end = self.at.checked_add(n).ok_or(Reject::Malformed)?;
        let s = self.bytes.get(self.at..end).ok_or(Reject::Malformed)?;
        self.at = end;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, Reject> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, Reject> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, Reject> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
}

/// Checks `bytes` against what is being compiled and returns the payload, or why it was
/// rejected.
///
/// # Errors
/// The [`Reject`] reason when the bytes are not a cache of this source, kind, options and
/// engine build (or are damaged).
pub fn decode<'a>(
    bytes: &'a [u8],
    identity: &str,
    kind: Kind,
    source: &str,
    options_hash: u64,
) -> Result<&'a [u8], Reject> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(8)? != MAGIC {
        return Err(Reject::Malformed);
    }
    let version = r.u16()?;
    if version != FORMAT_VERSION {
        return Err(Reject::Version(version));
    }
    let id_len = usize::from(r.u16()?);
    let id = r.take(id_len)?;
    if id != identity.as_bytes() {
        return Err(Reject::Engine(String::from_utf8_lossy(id).into_owned()));
    }
    let k = r.take(1)?[0];
    if k != kind as u8 {
        return Err(Reject::Kind);
    }
    if r.u64()? != hash(source.as_bytes()) {
        return Err(Reject::Source);
    }
    if r.u64()? != options_hash {
        return Err(Reject::Options);
    }
    let len = r.u32()? as usize;
    if len > MAX_PAYLOAD {
        return Err(Reject::TooLarge);
    }
    let payload = r.take(len)?;
    let body_end = r.at;
    let sum = r.u64()?;
    if r.at != bytes.len() {
        return Err(Reject::Malformed);
    }
    if hash(&bytes[..body_end]) != sum {
        return Err(Reject::Checksum);
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "boa 0.22 test";

    #[test]
    fn round_trip() {
        let bytes = encode(ID, Kind::Script, "1 + 1", 7, b"payload");
        assert_eq!(
            decode(&bytes, ID, Kind::Script, "1 + 1", 7),
            Ok(&b"payload"[..])
        );
    }

    #[test]
    fn every_mismatch_is_rejected() {
        let bytes = encode(ID, Kind::Script, "a", 1, b"p");
        assert_eq!(
            decode(&bytes, "other", Kind::Script, "a", 1),
            Err(Reject::Engine(ID.into()))
        );
        assert_eq!(decode(&bytes, ID, Kind::Module, "a", 1), Err(Reject::Kind));
        assert_eq!(
            decode(&bytes, ID, Kind::Script, "b", 1),
            Err(Reject::Source)
        );
        assert_eq!(
            decode(&bytes, ID, Kind::Script, "a", 2),
            Err(Reject::Options)
        );
        assert_eq!(
            decode(b"", ID, Kind::Script, "a", 1),
            Err(Reject::Malformed)
        );
        let mut v = bytes.clone();
        v[8] = 9;
        assert_eq!(
            decode(&v, ID, Kind::Script, "a", 1),
            Err(Reject::Version(9))
        );
    }

    #[test]
    fn every_single_byte_corruption_and_truncation_is_rejected() {
        let bytes = encode(
            ID,
            Kind::Function,
            "function f() {}",
            3,
            b"some payload bytes",
        );
        for i in 0..bytes.len() {
            for flip in [1u8, 0x80, 0xff] {
                let mut v = bytes.clone();
                v[i] ^= flip;
                assert!(
                    decode(&v, ID, Kind::Function, "function f() {}", 3).is_err(),
                    "byte {i}"
                );
            }
            assert!(decode(&bytes[..i], ID, Kind::Function, "function f() {}", 3).is_err());
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer, ID, Kind::Function, "function f() {}", 3).is_err());
    }

    #[test]
    fn random_bytes_never_panic() {
        // xorshift over many lengths: the reader only returns errors.
        let mut x: u64 = 0x1234_5678;
        for len in 0..600 {
            let mut v = Vec::with_capacity(len);
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                v.push(x as u8);
            }
            if len > 8 {
                v[..8].copy_from_slice(MAGIC);
            }
            assert!(decode(&v, ID, Kind::Script, "s", 0).is_err());
        }
    }

    #[test]
    fn huge_declared_lengths_are_rejected_without_allocating() {
        let mut v = encode(ID, Kind::Script, "s", 0, b"");
        let len_at = v.len() - 8 - 4;
        v[len_at..len_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(decode(&v, ID, Kind::Script, "s", 0), Err(Reject::TooLarge));
    }
}
