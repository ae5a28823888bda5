// Every page allocates thousands of short-lived strings (template values,
// Markdown events, lint facts) on both worker threads at once; mimalloc's
// per-thread free lists serve them with a fraction of glibc malloc's
// instructions (ARCHITECTURE.md, "Performance").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // mimalloc hands freed memory back to the system and faults it in again
    // as pages come and go. With transparent huge pages each such fault
    // zeroes 2 MiB: `perf` put a tenth of a cold build's time in the
    // kernel's clear_page under mimalloc's page faults. Without them the
    // build is faster and its peak memory ~20 MiB lower.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    std::process::exit(vielfalt::cli::main());
}
