//! The process's resident set size, for memory reports (`process.memoryUsage().rss` in the
//! CLI, soak tests, benchmarks).

/// Resident set size of this process in bytes, from `VmRSS` in `/proc/self/status` (exact, page
/// size independent); `None` where that file does not exist (not Linux, wasm32).
pub fn resident_set_bytes() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn grows_when_memory_is_touched() {
        let before = super::resident_set_bytes().unwrap();
        let block = vec![1u8; 64 << 20];
        let after = super::resident_set_bytes().unwrap();
        assert!(after >= before + (32 << 20), "{before} → {after}");
        drop(block);
    }
}
