//! Encodes a cache entry, reads it back, then shows what the reader does with data that does
//! not match: every mismatch is a typed rejection, never a panic.
use vm_cache::{decode, encode, hash, Kind};

fn main() {
    let identity = "example-engine 1";
    let source = "var answer = 42;";
    let options = hash(b"filename=example.js");
    let bytes = encode(identity, Kind::Script, source, options, b"payload");
    println!("encoded {} bytes", bytes.len());

    match decode(&bytes, identity, Kind::Script, source, options) {
        Ok(payload) => println!("accepted: payload {:?}", String::from_utf8_lossy(payload)),
        Err(e) => println!("rejected: {e}"),
    }
    let other_source = decode(&bytes, identity, Kind::Script, "var answer = 43;", options);
    println!("other source: {:?}", other_source.map(|_| ()));
    let other_kind = decode(&bytes, identity, Kind::Module, source, options);
    println!("other kind: {:?}", other_kind.map(|_| ()));
    let mut corrupt = bytes.clone();
    let middle = corrupt.len() / 2;
    corrupt[middle] ^= 0x40;
    let corrupted = decode(&corrupt, identity, Kind::Script, source, options);
    println!("one flipped bit: {:?}", corrupted.map(|_| ()));
    let truncated = decode(&bytes[..10], identity, Kind::Script, source, options);
    println!("truncated: {:?}", truncated.map(|_| ()));
}
