// Every page allocates thousands of short-lived strings (template values,
// Markdown events, lint facts) on all worker threads at once; mimalloc's
// per-thread free lists suit that pattern better than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // mimalloc hands freed memory back to the system and faults it in again
    // as pages come and go; with transparent huge pages each such fault
    // zeroes 2 MiB, so the build turns them off for itself.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    std::process::exit(vielfalt::cli::main());
}
