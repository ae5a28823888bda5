// Every page allocates thousands of short-lived strings (template values,
// Markdown events, lint facts) on both worker threads at once; mimalloc's
// per-thread free lists serve them with a fraction of glibc malloc's
// instructions (callgrind, see ARCHITECTURE "Performance").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(vielfalt::cli::main());
}
