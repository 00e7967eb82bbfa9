import AttestCommands
import Foundation

/// The `attest` executable: a thin entry point over the `AttestCommands` library.
@main
enum AttestMain {
    /// Runs the `attest` command line and exits with its status.
    static func main() async {
        exit(await Attest.run())
    }
}
