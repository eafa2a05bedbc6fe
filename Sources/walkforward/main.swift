import Foundation

exit(Walkforward.run(Array(CommandLine.arguments.dropFirst())))
