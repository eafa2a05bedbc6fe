import Foundation

setvbuf(stdout, nil, _IOLBF, 0)
exit(Walkforward.run(Array(CommandLine.arguments.dropFirst())))
