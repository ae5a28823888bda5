fn main() {
    std::process::exit(vielfalt::cli::main());
}
